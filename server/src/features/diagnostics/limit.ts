// How many findings an editor is sent.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';

/** Findings an editor is sent per document; VS Code itself shows no more than 1,000 per file. */
export const MAX_PUBLISHED_DIAGNOSTICS = 5000;

/**
 * At most `max` findings, errors first, then warnings, information and hints, in reading order,
 * and a note saying how many were left out. A 10 MB paste can hold hundreds of thousands of
 * findings: sending them all would stall the editor, and nobody reads past the first screens.
 */
export function limitDiagnostics(diagnostics: Diagnostic[], max = MAX_PUBLISHED_DIAGNOSTICS): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const rank = (d: Diagnostic) => d.severity ?? DiagnosticSeverity.Error;
  const kept = diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.d);
  // Digits grouped by hand: toLocaleString would load Intl's number data (megabytes) for one message.
  const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  kept.unshift({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'skill-lens',
    message: `Skill Lens shows ${count(max)} of the ${count(diagnostics.length)} findings in this document, errors first. Run "skill-lens check" on the file for all of them.`,
  });
  return kept;
}

