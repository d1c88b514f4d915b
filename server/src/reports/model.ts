// What `skill-lens check` hands to a report: each file's findings as published and those a
// comment or the ignore list silenced. Every format (text.ts, json.ts, sarif.ts, github.ts,
// codequality.ts) is a pure function of these to the text printed on stdout.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SilencedFinding } from '../features/silencing';
import type { LineIndex } from '../documents/lineIndex';

export interface CheckedFile {
  /** The path as printed: relative to the current folder when under it. */
  file: string;
  /** The text the findings are about (after --fix, the fixed text); a project file's is read only for the formats that use it (readsText). */
  text: string;
  diagnostics: Diagnostic[];
  /** Findings silenced by a comment or the ignore list; filled only for formats that list them. */
  silenced: SilencedFinding[];
}

/** A path that could not be checked, and why (it is also named on stderr). */
export interface NotChecked {
  path: string;
  reason: string;
}

export const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'] as const;
export type SeverityName = Exclude<(typeof SEVERITY_NAMES)[number], ''>;

export function severityName(d: Diagnostic): SeverityName {
  return SEVERITY_NAMES[d.severity ?? 1] || 'error';
}

/** The text a range covers, with the parser's positions (LineIndex). */
export function rangeText(lines: LineIndex, range: Diagnostic['range']): string {
  return lines.text.slice(lines.offset(range.start), lines.offset(range.end));
}

/** A path as a relative URI reference with forward slashes (SARIF artifact locations). */
export function pathUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}
