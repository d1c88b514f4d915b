// What each diagnostic code means, for reports that describe their rules (SARIF's
// tool.driver.rules): a one-line and a fuller description, and where the README explains it.
// The README's table of codes has an anchor per code (`code-unknown-skill`); a unit test holds
// the two to each other.
import { homepage } from '../../../package.json';
import { DEFAULT_SEVERITY, type DiagnosticCode } from '../features/diagnostics';

export interface RuleText {
  short: string;
  full: string;
}

export const RULES: Record<DiagnosticCode, RuleText> = {
  'unknown-skill': {
    short: 'Not a skill of the framework.',
    full: 'A skill name that is not a skill of the framework in use. The message offers the closest names; a name kept on purpose is silenced with a comment or the ignore list.',
  },
  'ambiguous-skill': {
    short: 'A name shared by several qualified skills.',
    full: 'A skill name that several qualified skills share (Programming and build), which no role in the document settles. The message lists them; name the role, or write the full name.',
  },
  'renamed-skill': {
    short: 'An old name of a skill.',
    full: 'A name the framework has since changed (problem solving became problem management on 30 August 2022). The fix writes the new name.',
  },
  'unknown-level': {
    short: "Not a level of the framework's scale.",
    full: "A level that is not on the framework's scale of levels. The message offers the closest.",
  },
  'undefined-level': {
    short: 'A level the framework does not define for this skill.',
    full: 'A level that is on the scale but that the framework does not define for this skill. The message lists the levels it defines.',
  },
  'level-mismatch': {
    short: "Differs from the level the document's role needs.",
    full: "A skill's level that differs from the one the framework sets for the document's role level. The fix writes the role level's.",
  },
  'missing-skill': {
    short: "A skill the document's role requires and the document never mentions.",
    full: "The document's role level requires a skill at a level, and the document never mentions the skill. Add it, or change the role.",
  },
  'unknown-role': {
    short: 'Not a role level of the framework.',
    full: 'The role level named in front matter (or the title) is not one of the framework; the message offers the closest.',
  },
  'unknown-grade': {
    short: 'Not a grade of the framework.',
    full: 'The grade named in front matter (or the body) is not one of the grades the framework knows.',
  },
  'grade-mismatch': {
    short: 'The role level is not performed at this grade.',
    full: 'The grade given is not one at which the framework performs the role level. Change the grade or the role.',
  },
  'duplicate-skill': {
    short: 'The same skill twice in one list or table.',
    full: 'A skill given twice in one list, table or section. Keep one of them.',
  },
  'yaml-syntax': {
    short: 'YAML that cannot be read.',
    full: 'Front matter or a pathway file that is not valid YAML, reported where the reader stopped; the rest of the document is still read.',
  },
  schema: {
    short: 'A field missing or of the wrong type.',
    full: "A front-matter or pathway field that is missing, or whose value is of the wrong type, or a framework that is not loaded.",
  },
  'level-order': {
    short: 'A higher grade mapped to a lower skill level.',
    full: 'In a pathway, a grade mapped to a lower skill level than a grade below it.',
  },
  'repeated-indicator': {
    short: 'A pathway indicator that repeats the level below.',
    full: 'In a pathway, an indicator at one level that repeats an indicator of the level below word for word. Say what changes, or remove it.',
  },
  'copied-description': {
    short: "A pathway level's description that repeats the level below.",
    full: "In a pathway, a level's description that repeats the description of the level below word for word.",
  },
  'other-framework': {
    short: 'Written against a framework that is not loaded in full.',
    full: 'The document is written against another framework (SFIA, a state capability framework) of which Skill Lens has only a sample or nothing: said once, and nothing else is reported on it. Add the full framework as a workspace framework file to have it checked.',
  },
  'review-coverage': {
    short: "How many of the role level's skills a review assesses.",
    full: "In a review, once on the role: how many of the role level's skills are assessed and how many lack evidence. Its fix adds rows (or sections) for the skills not yet in the review.",
  },
  'below-expected': {
    short: "An assessed level below the role level's.",
    full: "In a review, a skill assessed below the level the role level expects: a development need.",
  },
  'above-expected': {
    short: "An assessed level above the role level's.",
    full: 'In a review, a skill assessed above the level the role level expects: evidence toward the next role level, named with the level it needs.',
  },
  'no-evidence': {
    short: 'An assessed skill with no evidence.',
    full: 'In a review, a skill with an assessed level and no evidence of what was done.',
  },
  'evidence-copies-framework': {
    short: "Evidence that repeats the framework's statement.",
    full: "In a review, evidence that repeats the framework's statement for the skill word for word. Describe what was done: the work, its result, who it helped.",
  },
};

/** Every code, in the order of DEFAULT_SEVERITY (the README's table). */
export const CODES = Object.keys(DEFAULT_SEVERITY) as DiagnosticCode[];

/** The README's anchor for a code. */
function codeAnchor(code: string): string {
  return `code-${code}`;
}

/**
 * Where the README explains a code, on the package's home page. The fragment carries the
 * `user-content-` prefix that GitHub and npm give ids written in a README, so it lands on the
 * code's row on either without the pages' scripts.
 */
export function helpUri(code: string): string {
  return `${homepage}#user-content-${codeAnchor(code)}`;
}

export { homepage };
