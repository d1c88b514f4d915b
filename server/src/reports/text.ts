// `--format text`: one line per finding, `file:line:col severity code message` (1-based).
import type { Diagnostic } from 'vscode-languageserver-types';
import { escapeControls } from '../fileText';
import { severityName, type CheckedFile } from './model';

/**
 * A finding as a line of text output. Control characters (from a document's text or a file
 * name) are shown escaped: copied to a terminal, an escape sequence could write the clipboard
 * or erase lines of a CI log.
 */
function textLine(file: string, d: Diagnostic): string {
  return `${escapeControls(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d)} ${d.code} ${d.message}`)}\n`;
}

export function textReport(files: readonly CheckedFile[]): string {
  let out = '';
  for (const { file, diagnostics } of files) for (const d of diagnostics) out += textLine(file, d);
  return out;
}
