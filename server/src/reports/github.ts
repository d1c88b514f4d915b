// `--format github`: one GitHub Actions workflow command per finding, which the runner turns into
// an annotation on the file and line (`::error title=…,file=…,line=…::message`). Properties
// are written in the order @actions/core writes them, and escaped as the runner unescapes them.
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName, type CheckedFile, type SeverityName } from './model';

/** Annotations come as errors, warnings and notices: information and hints are notices. */
const COMMAND: Record<SeverityName, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function githubLine(file: string, d: Diagnostic): string {
  const { start, end } = d.range;
  const properties: [string, string | number][] = [
    ['title', `Skill Lens (${d.code})`],
    ['file', file.replace(/\\/g, '/')],
    ['line', start.line + 1],
    ['endLine', end.line + 1],
  ];
  // The runner takes columns only for a range on one line. Its end column is the last character
  // (1-based), and never before the start column.
  if (start.line === end.line) {
    properties.push(['col', start.character + 1], ['endColumn', Math.max(start.character + 1, end.character)]);
  }
  const written = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND[severityName(d)]} ${written}::${escapeData(d.message)}\n`;
}

export function githubReport(files: readonly CheckedFile[]): string {
  let out = '';
  for (const { file, diagnostics } of files) for (const d of diagnostics) out += githubLine(file, d);
  return out;
}
