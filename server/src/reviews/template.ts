// What a review is given to fill in: a new review for a role level (a table, or a heading per
// skill; a ladder's competency areas with their statements as prompts), and the rows or sections
// the coverage fix adds for skills the review does not name yet, in the review's own form.
import type { ParsedDocument } from '../documents/model';
import type { Framework } from '../framework/framework';
import { SkillData, skillFullName } from '../framework/model';
import type { Review, Standing } from './model';
import { standings } from './read';
import { levelInCell } from '../features/frameworkProse';

export type NewReviewForm = 'table' | 'headings';

/** The insertion that adds the skills `absent` to the review, after its last assessment. */
export function coverageInsert(doc: ParsedDocument, framework: Framework, review: Review, absent: SkillData[]): { line: number; character: number; text: string; title: string } {
  const { layout } = review;
  const current = review.current!;
  const eol = doc.lines.text.includes('\r\n') ? '\r\n' : '\n';
  let lines: string[];
  if (layout.form === 'table') {
    lines = absent.map((skill) => tableRow(layout.headers.length, layout.columns, skillFullName(skill), levelOf(current, skill)));
  } else if (layout.form === 'none') {
    lines = ['', ...assessmentTable(current, absent)];
  } else {
    lines = absent.flatMap((skill) => ['', ...section(framework, current, skill, layout.depth, layout.form === 'ladder')]);
  }
  const last = Math.min(layout.lastLine, doc.lines.lineCount - 1);
  // Whole lines: at the start of the next line, or after the last line when nothing follows it.
  const atEnd = last + 1 >= doc.lines.lineCount;
  const place = atEnd ? { line: last, character: doc.lines.line(last).length, text: eol + lines.join(eol) } : { line: last + 1, character: 0, text: lines.join(eol) + eol };
  const noun = `${framework.skillNoun}${absent.length === 1 ? '' : 's'}`;
  const what = layout.form === 'table' ? (absent.length === 1 ? 'a row' : 'rows') : layout.form === 'none' ? 'a table' : absent.length === 1 ? 'a section' : 'sections';
  return {
    ...place,
    title: `Add ${what} for the ${absent.length} ${noun} not yet in the review`,
  };
}

/**
 * A new review for a role level (a ladder level), or undefined when the framework has no such
 * role level. Expected levels are filled in; assessed levels and evidence are left to fill.
 */
export function newReview(framework: Framework, roleLevel: string, form: NewReviewForm): string | undefined {
  const fake = { role: { text: roleLevel, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } } as ParsedDocument;
  const { current } = standings(fake, framework);
  if (!current) return undefined;
  const skills = [...current.expected.keys()];
  const ladder = framework.roleLevels.length === 0;
  const head = ['---', 'kind: review', `framework: ${framework.id}`, `role: ${current.name}`, '---', '', `# Performance review: ${current.name}`, ''];
  const body =
    form === 'table' && !ladder
      ? ['## Assessment', '', ...assessmentTable(current, skills)]
      : skills.flatMap((skill, i) => [...(i ? [''] : []), ...section(framework, current, skill, 2, ladder)]);
  return [...head, ...body, ''].join('\n');
}

function levelOf(standing: Standing, skill: SkillData): string {
  const level = standing.expected.get(skill);
  return level ? levelInCell(level) : '';
}

function tableRow(count: number, columns: { skill: number; expected: number }, name: string, expected: string): string {
  const cells: string[] = [];
  for (let i = 0; i < Math.max(count, columns.skill + 1); i++) cells.push(i === columns.skill ? name : i === columns.expected ? expected : '');
  return `| ${cells.join(' | ')} |`.replace(/ {2}\|/g, ' |');
}

function assessmentTable(current: Standing, skills: SkillData[]): string[] {
  const columns = { skill: 0, expected: 1 };
  return ['| Skill | Expected | Assessed | Evidence |', '| --- | --- | --- | --- |', ...skills.map((s) => tableRow(4, columns, skillFullName(s), levelOf(current, s)))];
}

/** A skill's section: its heading, the expected level, an `Assessed:` line to fill and, in a
 *  ladder, the area's statements as prompts (in a comment, so they are not taken as evidence). */
function section(framework: Framework, current: Standing, skill: SkillData, depth: number, ladder: boolean): string[] {
  const heading = `${'#'.repeat(depth)} ${skillFullName(skill)}`;
  const expected = levelOf(current, skill);
  if (!ladder) return [heading, '', `Expected level: ${expected}`, 'Assessed: ', '', '- '];
  const level = current.expected.get(skill);
  const statements = (level && framework.skillLevel(skill, level)?.statements) || [];
  const prompts = statements.length ? ['<!-- In your own words, what did you do that shows:', ...statements.map((s) => `  ${s.replace(/--/g, '-')}`), '-->', ''] : [];
  return [heading, '', `Expected level: ${expected}`, 'Assessed: ', '', ...prompts, '- '];
}
