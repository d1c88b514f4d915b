// A finding's identity across runs, for GitLab's fingerprint and SARIF's partialFingerprints:
// the file, the code, the message and the text the finding points at, never its line or column,
// so that lines added or removed elsewhere in the file leave it unchanged. Findings alike in all
// of these are told apart by their order in the list given (SARIF gives the reported findings,
// then the silenced ones).
import { createHash } from 'node:crypto';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LineIndex } from '../documents/lineIndex';
import { rangeText } from './model';

export function fingerprints(file: string, lines: LineIndex, diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    // A message may name another line (duplicate-skill: "already given on line 16"), which moves
    // with unrelated edits as much as the finding's own line does.
    const message = d.message.replace(/\blines? \d+(?:(?:,| and| to|-)\s*\d+)*/g, 'line');
    const pointed = rangeText(lines, d.range).replace(/\s+/g, ' ').trim();
    const key = JSON.stringify([file.replace(/\\/g, '/'), String(d.code ?? ''), message, pointed]);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex');
  });
}
