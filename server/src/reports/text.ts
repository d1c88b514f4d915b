// `--format text`: one line per finding, `file:line:col severity code message` (1-based).
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName, type CheckedFile } from './model';

export function textLine(file: string, d: Diagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d)} ${d.code} ${d.message}\n`;
}

export function textReport(files: readonly CheckedFile[]): string {
  let out = '';
  for (const { file, diagnostics } of files) for (const d of diagnostics) out += textLine(file, d);
  return out;
}
