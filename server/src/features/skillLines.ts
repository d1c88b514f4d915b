// New skills added to the list, table or gov.uk blocks a Markdown document already has, each
// written as that list's items are: what a missing-skill fix ("Add SKILL") and Insert skills for
// a role level write. An item copied whole would carry its description over to the new skill,
// and a line put right after an item's first line would split that item (or, with a blank line
// before it, the list).
import type { Framework } from '../framework/framework';
import type { LevelData } from '../framework/model';
import type { ParsedDocument, SkillMention } from '../documents/model';
import { HEADING } from '../markdown/heading';
import { continuesItem, listLead } from '../markdown/list';
import { isTableRow, tableCells } from '../markdown/table';
import { matchCase } from './diagnostics/levels';

export interface NewSkill {
  name: string;
  level: LevelData;
}

/** Where whole new lines go: at the start of `line`, or after its end when it is the last line. */
export interface LinesInsert {
  line: number;
  character: number;
  text: string;
}

/** Before a name that starts its line: indent, a list marker (with a task box) or heading #s,
 *  then bold and a link's bracket; what a new line can copy. */
const LINE_LEAD = /^\s*(?:(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?)?(?:#{1,6}\s+)?(?:\*\*|__)?\[?$/;

/** Whether a mention's name starts its line (an item of a list, a skill line, not a name in
 *  prose), or is in a table's row. */
function startsLine(doc: ParsedDocument, m: SkillMention): boolean {
  const { start } = m.name.range;
  return m.form === 'table' || LINE_LEAD.test(doc.lines.line(start.line).slice(0, start.character));
}

/**
 * The document's list (or table, or gov.uk blocks) of skills to add to: the mentions of one
 * list that start their lines, in order. The one holding `near` (a line) when there is one, else
 * the longest of those whose items give levels (the last of equals), else the longest. Pathway
 * topics are YAML and never a Markdown list.
 */
export function skillList(doc: ParsedDocument, near?: number): SkillMention[] | undefined {
  const lists: SkillMention[][] = [];
  let current: SkillMention[] | undefined;
  const starting = doc.mentions.filter((m) => m.form !== 'pathway-topic' && startsLine(doc, m));
  for (const m of starting.sort((a, b) => a.name.range.start.line - b.name.range.start.line)) {
    const previous = current?.[current.length - 1];
    if (previous && sameList(doc, previous, m)) current!.push(m);
    else lists.push((current = [m]));
  }
  let best: SkillMention[] | undefined;
  const rank = (list: SkillMention[]) => [list.some((m) => m.levelText !== undefined) ? 1 : 0, list.length];
  for (const list of lists) {
    if (near !== undefined && near >= list[0].name.range.start.line && near <= itemEnd(doc, list[list.length - 1])) return list;
    const [a, b] = best ? [rank(list), rank(best)] : [[1], [0]];
    if (a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1])) best = list;
  }
  return best;
}

/** Whether two mentions, one after the other, are of one list: the parser's list or table when
 *  both have one (a mention without a level has none), else the same kind, no heading between. */
function sameList(doc: ParsedDocument, a: SkillMention, b: SkillMention): boolean {
  if (a.group && b.group) return a.group === b.group;
  if ((a.form === 'table') !== (b.form === 'table') || (a.form === 'yaml-skills') !== (b.form === 'yaml-skills')) return false;
  for (let n = a.name.range.start.line + 1; n < b.name.range.start.line; n++) if (HEADING.test(doc.lines.line(n))) return false;
  return true;
}

/**
 * The lines that add `skills` after the last item of `list`, each written as that item is (its
 * marker, markup, separator and the case of its level), or a list at the end of the document
 * when there is none.
 */
export function addSkillLines(doc: ParsedDocument, framework: Framework, list: SkillMention[] | undefined, skills: NewSkill[]): LinesInsert {
  const lines = doc.lines;
  const model = list?.[list.length - 1];
  if (!model) {
    const last = lines.lineCount - 1;
    const eol = lines.lineBreak(last);
    const items = skills.map((s) => `- **${s.name}** (${s.level.id})${eol}`).join('');
    // On the last line when it is empty; else after it.
    return { line: last, character: lines.line(last).length, text: (lines.line(last).length ? eol : '') + items };
  }
  const end = itemEnd(doc, model);
  const eol = lines.lineBreak(end);
  const written = skills.flatMap((s, i) => itemLike(doc, framework, model, s, i + 1));
  return at(doc, end, written, eol);
}

/** Whole lines after line `after`: at the start of the next line, or after the last one. */
function at(doc: ParsedDocument, after: number, written: string[], eol: string): LinesInsert {
  if (after + 1 < doc.lines.lineCount) return { line: after + 1, character: 0, text: written.join(eol) + eol };
  return { line: after, character: doc.lines.line(after).length, text: eol + written.join(eol) };
}

/** The last line of a mention's item: a table's last row, a gov.uk block up to the next heading, a list item's wrapped lines. */
function itemEnd(doc: ParsedDocument, m: SkillMention): number {
  const lines = doc.lines;
  const nameLine = m.name.range.start.line;
  if (m.form === 'table') {
    let n = nameLine;
    while (n + 1 < lines.lineCount && isTableRow(lines.line(n + 1))) n++;
    return n;
  }
  const levelLine = m.level ? m.level.range.start.line : nameLine;
  if (m.form === 'govuk' || HEADING.test(lines.line(nameLine))) {
    // A gov.uk block or a skill's heading runs on (a description under it) until the next heading.
    let last = levelLine;
    for (let n = levelLine + 1; n < lines.lineCount && !HEADING.test(lines.line(n)); n++) if (lines.line(n).trim()) last = n;
    return last;
  }
  let n = Math.max(nameLine, levelLine);
  // A list item's text may wrap onto the lines below it; a line of its own (a YAML entry, a
  // `Skill: level` line) ends where it is.
  if (m.form === 'yaml-skills' || listLead(lines.line(nameLine)) < 0) return n;
  while (n + 1 < lines.lineCount && continuesItem(lines.line(n + 1))) n++;
  return n;
}

/** One skill written as the model item is; `step`: its place after the model (a numbered list counts on). */
function itemLike(doc: ParsedDocument, framework: Framework, model: SkillMention, skill: NewSkill, step: number): string[] {
  const { name } = model;
  const nameLine = name.range.start.line;
  const text = doc.lines.line(nameLine);
  const level = model.level;
  // The level as the text has it (`Level: 3` is read as `level 3`).
  const levelSource = level && doc.lines.line(level.range.start.line).slice(level.range.start.character, level.range.end.character);
  const levelText = levelSource ? writeLevel(levelSource, skill.level, framework) : skill.level.id;
  const replace = (s: string, from: number, to: number, by: string) => s.slice(0, from) + by + s.slice(to);
  if (model.form === 'table') {
    // The model's row with its name and level replaced and every other cell emptied.
    const levelHere = level && level.range.start.line === nameLine ? level.range : undefined;
    let row = text;
    for (const c of tableCells(text).reverse()) {
      if (levelHere && levelHere.start.character >= c.start && levelHere.end.character <= c.end) row = replace(row, levelHere.start.character, levelHere.end.character, levelText);
      else if (name.range.start.character >= c.start && name.range.end.character <= c.end) row = replace(row, name.range.start.character, name.range.end.character, skill.name);
      else if (c.end > c.start) row = replace(row, c.start, c.end, ' ');
    }
    return [row];
  }
  // A name written as a link (`**[User focus](…)**`): the new name is no link, as it has no address.
  const link = /^\]\([^)]*\)/.exec(text.slice(name.range.end.character));
  const nameEnd = name.range.end.character + (link && text.charCodeAt(name.range.start.character - 1) === 91 ? link[0].length : 0);
  const lead = renumbered(text.slice(0, name.range.start.character - (nameEnd > name.range.end.character ? 1 : 0)), step);
  // A heading starts a section of its own, after a blank line.
  const before = HEADING.test(text) ? [''] : [];
  if (model.form === 'govuk' && level && level.range.start.line !== nameLine) {
    // A skill line or heading, then its level line: a block of its own, after a blank line.
    const levelLine = doc.lines.line(level.range.start.line);
    return ['', `${lead}${skill.name}${text.slice(nameEnd)}`, '', replace(levelLine, level.range.start.character, level.range.end.character, levelText)];
  }
  if (level && level.range.start.line === nameLine) {
    const gap = text.slice(nameEnd, level.range.start.character);
    // `**Skill** (level)`, `Skill: level`, `Skill - level`: a separator between, kept with what
    // closes the level; a description between them (`Skill: you can … (level)`) is not copied.
    if (!/[\p{L}\p{N}]/u.test(gap) && gap.length <= 6) {
      let close = /^[^\p{L}\p{N}]*/u.exec(text.slice(level.range.end.character))![0].replace(/[\s\-\u2013\u2014:,;]+$/, '');
      // `(Awareness level)`: the words after the level are left, its bracket is closed.
      if (gap.includes('(') && !close.includes(')')) close = `)${close}`;
      return [...before, `${lead}${skill.name}${gap}${levelText}${close}`];
    }
  }
  // A name without its level here (a bold lead-in and a description, a level on a wrapped
  // line): the name, its closing markup, and the level in brackets.
  const markup = /^[*_`]*/.exec(text.slice(nameEnd))![0];
  return [...before, `${lead}${skill.name}${markup} (${levelText})`];
}

/** A numbered item's lead with the number moved on by `step` (`2. ` then `3. `); any other lead as it is. */
function renumbered(lead: string, step: number): string {
  const numbered = /^(\s*)(\d{1,3})([.)]\s+.*)$/.exec(lead);
  return numbered ? `${numbered[1]}${Number(numbered[2]) + step}${numbered[3]}` : lead;
}

/** A level written as `written` is: `level 3` as `level N`, a name in its case. A bare number
 *  is no level in Markdown (`| Testing | 3 |`): the level's name is written instead. */
function writeLevel(written: string, level: LevelData, framework: Framework): string {
  const numbered = /^(level\s*)\d+$/i.exec(written.trim());
  if (numbered) return `${numbered[1]}${framework.levelIndex(level) + 1}`;
  return matchCase(written, level);
}
