// Codes, severities and the report function every check writes through.
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { type Framework, type RoleLevelRef } from '../../framework/framework';
import { caches } from '../../caches';
import type { ReviewCode } from '../../reviews/checks';

export type DiagnosticCode =
  | 'unknown-skill'
  | 'ambiguous-skill'
  | 'renamed-skill'
  | 'unknown-level'
  | 'undefined-level'
  | 'level-mismatch'
  | 'missing-skill'
  | 'unknown-role'
  | 'unknown-grade'
  | 'grade-mismatch'
  | 'duplicate-skill'
  | 'yaml-syntax'
  | 'schema'
  | 'level-order'
  | 'repeated-indicator'
  | 'copied-description'
  | 'other-framework'
  | ReviewCode;

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export const DEFAULT_SEVERITY: Record<DiagnosticCode, SeveritySetting> = {
  'unknown-skill': 'error',
  'ambiguous-skill': 'warning',
  'renamed-skill': 'warning',
  'unknown-level': 'error',
  'undefined-level': 'warning',
  'level-mismatch': 'warning',
  'missing-skill': 'warning',
  'unknown-role': 'error',
  'unknown-grade': 'error',
  'grade-mismatch': 'warning',
  'duplicate-skill': 'warning',
  'yaml-syntax': 'error',
  schema: 'error',
  'level-order': 'warning',
  'repeated-indicator': 'warning',
  'copied-description': 'warning',
  'other-framework': 'information',
  'review-coverage': 'information',
  'below-expected': 'information',
  'above-expected': 'information',
  'no-evidence': 'hint',
  'evidence-copies-framework': 'warning',
};

export const SEVERITY: Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a quick fix needs: the texts that may replace the diagnostic's range. */
export interface FixData {
  replacements?: string[];
  /** For unknown-skill with no name spelt alike: the skill closest by what it is about, a quick
   *  fix of its own and never the one clear fix (Fix all). */
  byTopic?: string[];
  /** For missing-skill and review-coverage: the lines to add, and where. */
  insert?: { line: number; character: number; text: string; title: string };
}

export interface DiagnosticOptions {
  severity?: Partial<Record<string, SeveritySetting>>;
  /** Keep what was found for the document's next version (findings()); default true. */
  keep?: boolean;
}

/**
 * A report function that adds to `out` at the code's default severity (or the lowered one).
 * The user's severity settings are applied to the findings when they are published
 * (applySeverity), so what is kept between versions holds for every setting.
 */
export function reporter(out: Diagnostic[]): Report {
  return (code, range, message, data, lowered = false) => {
    const setting = typeof lowered === 'string' ? lowered : lowered && DEFAULT_SEVERITY[code] === 'error' ? 'warning' : DEFAULT_SEVERITY[code];
    if (setting === 'off') return;
    const d: Diagnostic = { range, severity: SEVERITY[setting], code, source: 'skill-lens', message };
    if (data) d.data = data;
    out.push(d);
  };
}

/** `lowered`: an error by default is a warning here (true), or information or a hint for what may not be meant for us at all. */
export type Report = (code: DiagnosticCode, range: Range, message: string, data?: FixData, lowered?: boolean | 'information' | 'hint') => void;

/** The findings about a name or level as written, which a document without context gets as hints. */
export const WRITTEN: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['unknown-skill', 'ambiguous-skill', 'renamed-skill', 'unknown-level', 'undefined-level', 'duplicate-skill']);

export function quoteList(items: string[], joiner = 'or'): string {
  const q = items.map((i) => `"${i}"`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} ${joiner} ${q[q.length - 1]}`;
}

/** How a document's mentions are checked: as hints without framework context; without level-mismatch in a review. */
export interface CheckMode {
  quiet: boolean;
  review: boolean;
}

/** One object per framework, role and mode, so that findings know what they hold for. */
export function checkContext(framework: Framework, role: RoleLevelRef | undefined, mode: CheckMode): object {
  let forFramework = contexts.get(framework);
  if (!forFramework) contexts.set(framework, (forFramework = new Map()));
  const key = `${mode.quiet ? 'quiet' : ''}${mode.review ? 'review' : ''}\u0000${role ? `${role.role.name}\u0000${role.level.name}` : ''}`;
  let context = forFramework.get(key);
  if (!context) forFramework.set(key, (context = {}));
  return context;
}
export const contexts = caches.weak<Framework, Map<string, object>>();

/**
 * The user's severity settings over findings made at the default severities: a code set to
 * `off` is dropped, a code set to another severity takes it, the others keep theirs (a default,
 * or the lowered one of a document without framework context).
 */
export function applySeverity(findings: Diagnostic[], severity: DiagnosticOptions['severity']): Diagnostic[] {
  if (!severity || Object.keys(severity).length === 0) return findings;
  const out: Diagnostic[] = [];
  for (const d of findings) {
    const setting = typeof d.code === 'string' && Object.hasOwn(severity, d.code) ? severity[d.code] : undefined;
    if (setting === undefined) out.push(d);
    else if (setting !== 'off') out.push({ ...d, severity: SEVERITY[setting] });
  }
  return out;
}
