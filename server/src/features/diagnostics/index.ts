// Every check (README's table of codes), as one pure function of the parsed document and the
// framework. Codes are a contract; each diagnostic has the tightest range, a message that says
// what to do, and `data` for its quick fix.
// One file per check: frontMatter.ts (role and grade), mentions.ts (skill names, duplicates),
// levels.ts, missingSkill.ts, pathway.ts; report.ts holds codes, severities and the reporter.
import { Diagnostic } from 'vscode-languageserver-types';
import { type Framework } from '../../framework/framework';
import type { ParsedDocument } from '../../documents/model';
import { frameworkContext } from '../frameworkContext';
import { applySeverity, CheckMode, DiagnosticOptions, reporter } from './report';
import { checkMentions } from './mentions';
import { checkFrontMatter } from './frontMatter';
import { checkPathway } from './pathway';
import { checkMissingSkills } from './missingSkill';
import { checkOtherFramework } from './otherFramework';
import { reviewFindings } from '../../reviews/checks';

export type { DiagnosticCode, DiagnosticOptions, FixData, SeveritySetting } from './report';
export { applySeverity, DEFAULT_SEVERITY } from './report';
export { limitDiagnostics, MAX_PUBLISHED_DIAGNOSTICS } from './limit';

/** The findings with the user's severity settings applied, as an editor or the CLI shows them. */
export function diagnose(doc: ParsedDocument, framework: Framework, options: DiagnosticOptions = {}): Diagnostic[] {
  return applySeverity(findings(doc, framework, options.keep ?? true), options.severity);
}

/**
 * Every finding at its default severity (applySeverity applies the user's). `keep`: keep what
 * was found of the mentions and topics for the document's next version; false for a text
 * checked once (a timing run's fresh parse), so that it does not outlive its check.
 */
export function findings(doc: ParsedDocument, framework: Framework, keep = true): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = reporter(out);

  for (const p of doc.problems) report(p.code, p.range, p.message);
  // Written against a framework that is not loaded in full: said once, and nothing else.
  if (checkOtherFramework(doc, framework, report)) return inReadingOrder(out);

  const role = checkFrontMatter(doc, framework, report);
  // A review records assessed levels, which may differ from the role level's: no level-mismatch there.
  const mode: CheckMode = { quiet: !frameworkContext(doc, framework), review: doc.kind === 'review' };
  const mentioned = checkMentions(doc, framework, role, mode, out, report, keep);

  checkMissingSkills(doc, framework, role, mentioned, report);
  // A review gets its own findings (reviews/checks.ts) instead of missing-skill.
  if (doc.kind === 'review') for (const f of reviewFindings(doc, framework)) report(f.code, f.range, f.message, f.insert && { insert: f.insert });
  if (doc.pathway) checkPathway(doc, framework, out, report, keep);
  return inReadingOrder(out);
}

/** In reading order, so the Problems panel and the CLI list findings as the document runs. */
function inReadingOrder(out: Diagnostic[]): Diagnostic[] {
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
