// Whether a document is about a skills framework at all: what decides that a job description from
// elsewhere or a page of notes gets hints rather than warnings, and no completion popping up as
// its author types.
import type { Framework } from '../framework/framework';
import type { SkillData } from '../framework/model';
import { isTypoOf } from '../framework/framework';
import type { ParsedDocument, SkillMention } from '../documents/model';
import { caches } from '../caches';

/**
 * Whether a document is about the framework's skills: it names a framework, role, grade or kind
 * (front matter, a role-level title, a civil service grade in the body, a file name the settings
 * give a kind), writes a skill with a level, or names three skills exactly. A document that does
 * none of these (a job description from elsewhere, notes) gets hints, not warnings or errors, for
 * names and levels it writes.
 */
export function frameworkContext(doc: ParsedDocument, framework: Framework): boolean {
  // Asked by the checks and by completion at every trigger character: once per document version.
  let known = answers.get(doc);
  if (!known) answers.set(doc, (known = new Map()));
  let answer = known.get(framework);
  if (answer === undefined) known.set(framework, (answer = decide(doc, framework)));
  return answer;
}
const answers = caches.weak<ParsedDocument, Map<Framework, boolean>>();

/**
 * Whether the framework a document says it is written against (`other`) is `framework`, loaded
 * in full: then it is checked as any other; against a sample of it, or another, it is not.
 */
export function writtenAgainstFull(other: NonNullable<ParsedDocument['otherFramework']>, framework: Framework): boolean {
  return other.id === framework.id && !framework.sample;
}

function decide(doc: ParsedDocument, framework: Framework): boolean {
  // A document that says which framework it is written against is about that one only.
  if (doc.otherFramework) return writtenAgainstFull(doc.otherFramework, framework);
  if (doc.framework || doc.role || doc.fields.has('kind') || doc.pathway || doc.gradeSource === 'front-matter') return true;
  if (doc.grade && framework.findGrade(doc.grade.text)) return true;
  if (doc.kind !== 'unknown' && !doc.kindFromContent) return true;
  const exact = new Set<SkillData>();
  let inProse = 0;
  for (const m of doc.mentions) {
    const found = framework.lookupSkill(m.name.text);
    // A skill with a level: the name one of the framework's, or a typo away from one. A level
    // word with prose after it (`- Testing: practitioner-level pairing on Fridays`) may be an
    // adjective in notes: it takes two such to make the document about the framework.
    if (m.levelText !== undefined && framework.findLevel(m.levelText)) {
      if (found.kind !== 'unknown' || framework.suggestSkills(m.name.text, 3).some((s) => isTypoOf(m.name.text, s))) {
        if (!proseAfterLevel(doc, m) || ++inProse >= 2) return true;
      }
    }
    if (found.kind !== 'exact') continue;
    exact.add(found.skill);
    if (exact.size >= 3) return true;
  }
  return false;
}

/** Whether words follow a mention's level on its line (`practitioner-level pairing…`), as
 *  they do in prose; a level alone, in brackets or a table cell, or on a `Level:` line, ends it. */
function proseAfterLevel(doc: ParsedDocument, m: SkillMention): boolean {
  if (m.form !== 'inline' && m.form !== 'list' && m.form !== 'bold-paragraph') return false;
  const level = m.level;
  if (!level) return false;
  return /[\p{L}\p{N}]/u.test(doc.lines.line(level.range.end.line).slice(level.range.end.character));
}
