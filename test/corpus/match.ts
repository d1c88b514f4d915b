// Which findings of the checker are the problems labelled in test/corpus/labels.yaml: shared by
// the measuring script (measure.ts) and its unit test.

/** A labelled problem: what a demanding user wants found on a line of a document. */
export interface Label {
  /** 1-based line. */
  line: number;
  code: string;
  /** Text on that line the finding must overlap (its first occurrence there). */
  text?: string;
  /** For missing-skill: the skill the role level needs, named in the finding's message. */
  skill?: string;
  /** The loudest severity the finding may have: `information` means information or hint. */
  severity?: SeverityName;
  note?: string;
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];

/** A finding as the language service gives it (an LSP diagnostic, 0-based positions). */
export interface Finding {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** 1 error, 2 warning, 3 information, 4 hint (LSP); error when absent. */
  severity?: number;
  code?: string | number;
  message: string;
}

/** The LSP severity number of a finding (1 to 4). */
export function severityOf(finding: Finding): number {
  return finding.severity ?? 1;
}

/** Whether a finding is an error or a warning: what counts as a false finding when it matches no label. */
export function isLoud(finding: Finding): boolean {
  return severityOf(finding) <= 2;
}

/**
 * Whether `finding` is the labelled problem: same code, starting on the label's line, its range
 * on that line overlapping the first occurrence of the label's text there, for missing-skill
 * naming the label's skill, and no louder than the label allows. `lines` are the document's lines.
 */
export function matches(label: Label, finding: Finding, lines: readonly string[]): boolean {
  if (String(finding.code) !== label.code) return false;
  if (finding.range.start.line !== label.line - 1) return false;
  if (label.severity && severityOf(finding) < SEVERITY_NAMES.indexOf(label.severity) + 1) return false;
  if (label.text !== undefined) {
    const lineText = lines[label.line - 1] ?? '';
    const at = lineText.indexOf(label.text);
    if (at < 0) return false;
    const start = finding.range.start.character;
    let end = finding.range.end.line > finding.range.start.line ? lineText.length : finding.range.end.character;
    // A zero-width finding covers the character it sits before.
    if (end <= start) end = start + 1;
    if (!(start < at + label.text.length && at < end)) return false;
  }
  if (label.code === 'missing-skill' && label.skill) {
    // The skill itself, not a qualified variant of it: `Testing`, not `Testing (business analysis)`.
    const named = new RegExp(`${escapeRegExp(label.skill)}(?!\\s*\\()`, 'i');
    if (!named.test(finding.message)) return false;
  }
  return true;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface MatchResult {
  /** For each label (by index), the index of the finding that matched it, or -1. */
  labelToFinding: number[];
  /** Indexes of the findings that matched no label. */
  unmatched: number[];
}

/** Pairs labels with findings: each finding matches at most one label and each label one finding. */
export function matchFindings(labels: readonly Label[], findings: readonly Finding[], lines: readonly string[]): MatchResult {
  const used = new Set<number>();
  const labelToFinding = labels.map((label) => {
    const i = findings.findIndex((f, k) => !used.has(k) && matches(label, f, lines));
    if (i >= 0) used.add(i);
    return i;
  });
  const unmatched = findings.map((_, k) => k).filter((k) => !used.has(k));
  return { labelToFinding, unmatched };
}

/** A document's lines, as LSP counts them. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
