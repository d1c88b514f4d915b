// Codes, severities and the report function every check writes through.
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { type Framework, type RoleLevelRef } from '../../framework/framework';
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
  /** For missing-skill: the skill and level to add. */
  missing?: { skill: string; level: string };
  /** For review-coverage: the rows or sections to add, and where. */
  insert?: { line: number; character: number; text: string; title: string };
}

export interface DiagnosticOptions {
  severity?: Partial<Record<string, SeveritySetting>>;
}

/** A report function that applies the severity settings and adds to `out`. */
export function reporter(options: DiagnosticOptions, out: Diagnostic[]): Report {
  return (code, range, message, data, lowered = false) => {
    const fallback = typeof lowered === 'string' ? lowered : lowered && DEFAULT_SEVERITY[code] === 'error' ? 'warning' : DEFAULT_SEVERITY[code];
    const setting = options.severity?.[code] ?? fallback;
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

/** One object per framework, role and severity settings, so that findings know what they hold for. */
/** How a document's mentions are checked: as hints without framework context; without level-mismatch in a review. */
export interface CheckMode {
  quiet: boolean;
  review: boolean;
}

export function checkContext(framework: Framework, role: RoleLevelRef | undefined, options: DiagnosticOptions, mode: CheckMode): object {
  let forFramework = contexts.get(framework);
  if (!forFramework) contexts.set(framework, (forFramework = new Map()));
  const key = `${mode.quiet ? 'quiet' : ''}${mode.review ? 'review' : ''}\u0000${role ? `${role.role.name}\u0000${role.level.name}` : ''}\u0000${JSON.stringify(options.severity ?? {})}`;
  let context = forFramework.get(key);
  if (!context) forFramework.set(key, (context = {}));
  return context;
}
export const contexts = new WeakMap<Framework, Map<string, object>>();
