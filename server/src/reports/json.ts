// `--format json`: an array of `{ file, range, severity, code, message }`, 0-based LSP positions.
import { severityName, type CheckedFile } from './model';

export function jsonReport(files: readonly CheckedFile[]): string {
  const list = files.flatMap(({ file, diagnostics }) => diagnostics.map((d) => ({ file, range: d.range, severity: severityName(d), code: d.code, message: d.message })));
  return JSON.stringify(list, null, 2) + '\n';
}
