// Finds skill mentions in a Markdown body, in every written form the README lists:
// gov.uk style (`Level: working` under the skill), inline (`**Skill** (level)`, `Skill: level`,
// `Skill - level`, `Skill — level`), tables, `**Skill.** description` paragraphs and bare list
// items. Each line is looked at once; the framework decides whether a phrase is a skill.
import { isTypoOf, type Framework } from '../framework/framework';
import { editDistance, normalizeName } from '../framework/normalize';
import { skillFullName } from '../framework/model';
import { keepUnchanged } from './keepUnchanged';
import { afterLine, fenceAt, type Fence } from '../markdown/fence';
import { LEVEL_LINE, mayBeLevelLine } from '../markdown/levelLine';
import { HEADING, headingDepth } from '../markdown/heading';
import { continuesItem, listMarkerLength, mayBeListItem } from '../markdown/list';
import { isBlankFrom, isSpace } from '../markdown/space';
import { isTableRow, isTableSeparator, tableCells, tableColumns } from '../markdown/table';
import type { LineIndex } from './lineIndex';
import { LineMention, LineSpan, MentionForm, RoleLevelMention, SkillMention } from './model';
import { caches, IdSource } from '../caches';
import { own, ownAlways } from '../boot/intern';

// Separators of the inline form, longest first so ` — ` wins over `-` inside names.
const SEPARATOR = /\s+[\u2014\u2013-]\s+|\s*[\u2014\u2013]\s*|:\s+/g;

const SEPARATOR_CHAR = /[:\u2014\u2013-]/g;

/** Whether the line holds, from `start`, a character SEPARATOR needs, before running it. */
function maySeparate(text: string, start: number): boolean {
  SEPARATOR_CHAR.lastIndex = start;
  return SEPARATOR_CHAR.test(text);
}
/** Whether the line holds, from `start`, a separator of the inline form (`: `, ` - `, an en or em dash). */
function hasSeparator(text: string, start: number): boolean {
  if (!maySeparate(text, start)) return false;
  SEPARATOR.lastIndex = start;
  const found = SEPARATOR.test(text);
  SEPARATOR.lastIndex = 0;
  return found;
}

/** Words that end a gov.uk skill line search: a line like this is prose, not a skill name. */
const MAX_NAME_LENGTH = 90;

interface Ctx {
  lines: LineIndex;
  framework: Framework;
  out: SkillMention[];
  section: string;
  /** The depth of the skills heading (`## Essential skills`) whose section this is; 0 outside one;
   *  negative under a heading of criteria that may be skills or anything else (`## Person
   *  specification`), whose items are skills only when they name one or miss one by a typo. */
  skillsDepth: number;
  /** A heading that may name a skill whose level the next sub-heading gives (`#### Awareness`). */
  skillHeading?: SkillHeading;
  /** The role level a heading (below the title) names, whose section this is (a role page's `## Senior infrastructure engineer`). */
  sectionRole?: SectionRole;
}

/** A heading's role level and depth: its section's skills are checked against that role level. */
interface SectionRole {
  depth: number;
  name: string;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The depth of a role level section a line (not a heading) starts: any heading ends it. */
const LINE_SECTION = 7;

/** Whether line n is blank, or is no line. */
function isBlank(lines: LineIndex, n: number): boolean {
  if (n < 0 || n >= lines.lineCount) return true;
  const src = lines.text;
  const end = n + 1 < lines.lineCount ? lines.starts[n + 1] : src.length;
  for (let i = lines.starts[n]; i < end; i++) if (!isSpace(src.charCodeAt(i))) return false;
  return true;
}

interface SkillHeading {
  line: number;
  start: number;
  end: number;
  depth: number;
  /** Where its mention is in `out` once a level sub-heading gave it one; -1 before. */
  index: number;
}

/** A heading over skills: `Essential skills`, `Skills needed for this role`, `We'll assess you against these skills`. */
const SKILLS_HEADING = /\b(?:skills?|competenc(?:y|ies)|capabilit(?:y|ies))\b|\bassess(?:ed)?\s+(?:you\s+)?against\b|^(?:essential|desirable)\b/i;
/** A heading over what a candidate must show, skills among other things: `Selection criteria`, `Person specification`. */
const CRITERIA_HEADING = /\bcriteria\b|\bperson specification\b/i;

/** A Markdown body's mentions, and what the next version's scan needs to reuse them. */
export interface MarkdownBody {
  mentions: SkillMention[];
  framework: Framework;
  chunks: BodyChunk[];
}

/**
 * A run of lines from a section heading (after a blank line, outside code) up to the next one.
 * Nothing the scan finds in a chunk depends on lines outside it, so an unchanged chunk's
 * mentions are kept from one version of the document to the next.
 */
interface BodyChunk {
  text: string;
  startLine: number;
  /** The skills section the chunk starts in (Ctx.skillsDepth): a chunk is kept only in the same one. */
  skillsDepth: number;
  /** The role level section it starts in (Ctx.sectionRole): likewise. */
  sectionRole?: SectionRole;
  mentions: SkillMention[];
}

/**
 * The skill mentions of the body from `startLine` on. Given the previous version's body, only
 * the chunks whose text changed are scanned again: typing in one section of a 1 MB advert
 * re-reads that section, not the advert.
 */
export function parseMarkdownBody(lines: LineIndex, startLine: number, framework: Framework, previous?: MarkdownBody): MarkdownBody {
  const src = lines.text;
  const { starts, depths, roles } = chunkStarts(lines, startLine, framework);
  const offset = (line: number) => (line < lines.lineCount ? lines.starts[line] : src.length);
  const chunks: BodyChunk[] = starts.map((line, i) => ({
    text: src.slice(offset(line), offset(starts[i + 1] ?? lines.lineCount)),
    startLine: line,
    skillsDepth: depths[i],
    sectionRole: roles[i],
    mentions: [],
  }));

  // Unchanged chunks keep their mentions, moved by the lines added or removed above them.
  const old = previous && previous.framework === framework ? previous.chunks : [];
  const { front, end } = keepUnchanged(old, chunks, (was, now, moved) => {
    if (was.skillsDepth !== now.skillsDepth || was.sectionRole?.name !== now.sectionRole?.name || was.sectionRole?.depth !== now.sectionRole?.depth) return false;
    now.mentions = moved === 0 ? was.mentions : was.mentions.map((m) => shifted(m, moved));
    return true;
  });
  for (let i = front; i < end; i++) {
    chunks[i].mentions = scanLines(lines, chunks[i].startLine, starts[i + 1] ?? lines.lineCount, framework, chunks[i].skillsDepth, chunks[i].sectionRole);
  }

  const mentions = chunks.length === 1 ? chunks[0].mentions : ([] as SkillMention[]).concat(...chunks.map((c) => c.mentions));
  return { mentions, framework, chunks };
}

/** The body's mentions in one pass over all its lines: what the chunked scan must agree with. */
export function scanMarkdownBody(lines: LineIndex, startLine: number, framework: Framework): SkillMention[] {
  return scanLines(lines, startLine, lines.lineCount, framework, 0);
}

/** A mention moved down (or up) by `lines` lines. */
function shifted(m: SkillMention, lines: number): SkillMention {
  return (m as LineMention).movedBy(lines);
}

/**
 * The first line of each chunk: the body's first line, and every heading that opens a section
 * (one that is not a gov.uk skill heading nor a level sub-heading such as `#### Awareness`)
 * after a blank line, outside fenced code; with the skills section each chunk starts in. Only
 * lines holding a `#`, ``` or ~~~ within their first four characters can be either, and
 * indexOf finds those without a look at every line.
 */
function chunkStarts(lines: LineIndex, startLine: number, framework: Framework): { starts: number[]; depths: number[]; roles: (SectionRole | undefined)[] } {
  const starts = [startLine];
  const depths = [0];
  const roles: (SectionRole | undefined)[] = [undefined];
  if (startLine >= lines.lineCount) return { starts, depths, roles };
  const src = lines.text;
  const from = lines.starts[startLine];
  const marks = ['#', '```', '~~~'];
  const next = marks.map((m) => src.indexOf(m, from));
  let fence: Fence | undefined;
  let line = startLine;
  let last = -1;
  let skillsDepth = 0;
  let sectionRole: SectionRole | undefined;
  for (;;) {
    // The nearest mark of the three.
    let k = -1;
    for (let i = 0; i < 3; i++) if (next[i] >= 0 && (k < 0 || next[i] < next[k])) k = i;
    if (k < 0) break;
    const at = next[k];
    next[k] = src.indexOf(marks[k], at + marks[k].length);
    while (line + 1 < lines.lineCount && lines.starts[line + 1] <= at) line++;
    if (line === last || at - lines.starts[line] > 3) continue;
    last = line;
    const text = lines.line(line);
    if (fenceAt(text)) {
      fence = afterLine(fence, text);
      continue;
    }
    if (fence || line === startLine || text.length > 4000) continue;
    const heading = HEADING.exec(text);
    if (!heading) continue;
    const depthHere = skillsDepth;
    const roleHere = sectionRole;
    const isLevelHeading = levelHeadingBounds(text, heading, framework) !== undefined;
    if (!isLevelHeading) {
      skillsDepth = nextSkillsDepth(skillsDepth, heading);
      sectionRole = nextSectionRole(sectionRole, text, heading, framework);
    }
    if (isLevelHeading || lines.line(line - 1).trim() !== '') continue;
    if (line + 1 < lines.lineCount && isLevelLineAhead(lines, line)) continue;
    starts.push(line);
    depths.push(depthHere);
    roles.push(roleHere);
  }
  return { starts, depths, roles };
}

/**
 * The role level section after a heading: a heading below the title that names a role level
 * (`## 1. Associate infrastructure engineer`, `## Senior data engineer (SEO)`) starts one; a
 * heading no deeper than the section's ends it.
 */
function nextSectionRole(current: SectionRole | undefined, text: string, heading: RegExpExecArray, framework: Framework): SectionRole | undefined {
  const depth = headingDepth(heading);
  if (depth >= 2 && framework.mayBeRoleLevel(heading[2])) {
    const [s, e] = headingBounds(text, heading);
    const words = e - s <= MAX_NAME_LENGTH ? text.slice(s, e).replace(/^\d{1,2}[.)]\s+/, '') : '';
    const ref = words ? (framework.findRoleLevel(words) ?? framework.findRoleLevel(words.replace(/\s*\([^()]*\)$/, ''))) : undefined;
    if (ref) return { depth, name: ref.level.name };
  }
  return current && depth <= current.depth ? undefined : current;
}

/** One word that is a level's name with a letter or two wrong (`Practioner`, `Awarness`). */
function misspeltLevel(framework: Framework, word: string): boolean {
  if (word.length < 5 || /\s/.test(word)) return false;
  const w = word.toLowerCase();
  return framework.levels.some((level) => {
    const name = level.name.toLowerCase();
    return Math.abs(name.length - w.length) <= 2 && editDistance(w, name) <= 2;
  });
}

/** Words other scales use for levels: where a level goes, they are levels the framework lacks. */
const PROFICIENCY = /^(?:beginner|novice|basic|intermediate|advanced|proficient|competent|master|fluent)$/i;

/** The skills section after a heading: a heading no deeper than the section's ends it; a skills heading starts one. */
function nextSkillsDepth(skillsDepth: number, heading: RegExpExecArray): number {
  const depth = headingDepth(heading);
  const current = skillsDepth && depth <= Math.abs(skillsDepth) ? 0 : skillsDepth;
  if (SKILLS_HEADING.test(heading[2])) return depth;
  return CRITERIA_HEADING.test(heading[2]) ? -depth : current;
}

/** The bounds of the level a heading names, alone or as `Level 1 - Awareness`, `Level 2`; else undefined. */
function levelHeadingBounds(text: string, heading: RegExpExecArray, framework: Framework): [number, number] | undefined {
  const start = heading[1].length;
  const s = markupStart(text, start, start + heading[2].length);
  const e = markupEnd(text, s, start + heading[2].length);
  if (e <= s || e - s > 40) return undefined;
  const value = text.slice(s, e);
  if (framework.findLevel(value) || misspeltLevel(framework, value)) return [s, e];
  // `Level 1 - Awareness`, `Level 3: Practitioner`: the named level; `Level 5 - Master`: the whole.
  const numbered = /^level\s*\d+\s*(?:[-\u2013\u2014:.]\s*)?/i.exec(value);
  if (numbered) {
    const rest = s + numbered[0].length;
    if (rest < e && framework.findLevel(text.slice(rest, e))) return [rest, e];
    if (rest >= e || /^\s*$/.test(text.slice(rest, e))) return [s, s + numbered[0].trimEnd().replace(/[-\u2013\u2014:.]$/, '').trimEnd().length];
    return [s, e];
  }
  return undefined;
}

/** Group ids: a list or table's mentions share one; unique in the process, so never reused. */
const groups = caches.own(new IdSource());
function newGroup(): string {
  return groups.next('g');
}

/** The mentions on lines [from, to), scanned from a fresh start (no fence, no skill line above). */
function scanLines(lines: LineIndex, from: number, to: number, framework: Framework, skillsDepth: number, sectionRole?: SectionRole): SkillMention[] {
  const ctx: Ctx = { lines, framework, out: [], section: newGroup(), skillsDepth, sectionRole };
  const src = lines.text;
  let fence: Fence | undefined;
  // The last non-blank line seen, as a possible gov.uk skill line for a following `Level:`
  // (line -1: none).
  let candLine = -1;
  let candStart = 0;
  let candEnd = 0;

  for (let n = from; n < to; n++) {
    // Most lines are blank or prose: look at the first character before any regex or slice.
    const lineStart = lines.starts[n];
    const next = lines.starts[n + 1];
    let lineEnd = next === undefined ? src.length : next - 1;
    if (lineEnd > lineStart && src.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    let first = lineStart;
    while (first < lineEnd && isSpace(src.charCodeAt(first))) first++;
    const c0 = first < lineEnd ? src.charCodeAt(first) : -1;
    if ((c0 === BACKTICK || c0 === TILDE) && fenceAt(lines.line(n))) {
      fence = afterLine(fence, lines.line(n));
      candLine = -1;
      continue;
    }
    if (fence || c0 < 0) continue; // inside code, or blank
    if (lineEnd - lineStart > 4000) {
      // A very long line is prose or junk, never a skill line; skipping keeps parsing linear.
      candLine = -1;
      continue;
    }
    const text = lines.line(n);

    const level = mayBeLevelLine(c0) ? LEVEL_LINE.exec(text) : null;
    if (level) {
      if (candLine >= 0) {
        const name = located(lines.line(candLine), candLine, candStart, candEnd);
        let value = levelValue(text, level[1].length, level[1].length + level[2].length, framework, n);
        // `Level: 3` is the scale's third level.
        if (value && /^\d+$/.test(value.text)) value = new LineSpan(ownAlways(`level ${value.text}`), n, value.start, value.end);
        push(ctx, name, value, 'govuk', true);
      }
      candLine = -1;
      continue;
    }

    const heading = c0 === HASH ? HEADING.exec(text) : null;
    if (heading) {
      candLine = -1;
      if (readHeading(ctx, n, text, heading)) continue;
      const [s, e] = headingBounds(text, heading);
      candLine = e > s ? n : -1;
      candStart = s;
      candEnd = e;
      // A heading that is itself a skill (gov.uk style) does not open a new list.
      if (!(n + 1 < lines.lineCount && isLevelLineAhead(lines, n))) ctx.section = newGroup();
      continue;
    }

    if (c0 === PIPE && n + 1 < lines.lineCount && isTableSeparator(lines.line(n + 1))) {
      n = parseTable(ctx, n);
      candLine = -1;
      continue;
    }

    const marker = mayBeListItem(c0) ? listMarkerLength(text, first - lineStart) : -1;
    const contentStart = marker >= 0 ? marker : first - lineStart;
    // `- Data ethics and privacy` over an indented `Level: expert` (a role page's shape): the item
    // is the skill line the level line gives a level to, as a paragraph line is.
    if (marker >= 0 && !hasSeparator(text, contentStart) && isLevelLineAhead(lines, n)) {
      candStart = markupStart(text, contentStart, text.length);
      candEnd = markupEnd(text, candStart, text.length);
      candLine = candEnd - candStart > 0 && candEnd - candStart <= MAX_NAME_LENGTH ? n : -1;
      continue;
    }
    if (parseInline(ctx, n, text, contentStart, marker >= 0)) {
      candLine = -1;
      continue;
    }
    scanBoldSkills(ctx, n, text);
    const s = markupStart(text, contentStart, text.length);
    const e = markupEnd(text, s, text.length);
    // `1. Associate infrastructure engineer` or `**Senior infrastructure engineer**` alone between
    // blank lines (a role page pasted as text): that role level's section, up to the next such
    // line or any heading. Numbered or bold: a plain line that names one is as often prose.
    if (e - s <= 60 && (isDigit(c0) || c0 === 42 || c0 === 95) && isBlank(lines, n - 1) && isBlank(lines, n + 1) && framework.mayBeRoleLevel(text, s, e)) {
      const ref = framework.findRoleLevel(text.slice(s, e));
      if (ref) ctx.sectionRole = { depth: LINE_SECTION, name: ref.level.name };
    }
    candLine = e - s > 0 && e - s <= MAX_NAME_LENGTH ? n : -1;
    candStart = s;
    candEnd = e;
  }
  return ctx.out;
}

const HASH = 35;
const PIPE = 124;
const BACKTICK = 96;
const TILDE = 126;

/** What `\s` matches in a regular expression. */

/** Whether [from, to) holds a line terminator other than \n (which a line never holds). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * For ` (level)` to the end of the line (a full stop allowed after), the bounds of `level`, as
 * /^\s*\(([^()]+)\)\s*\.?\s*$/ would find them; else undefined.
 */
function parenthesised(text: string, from: number): [number, number] | undefined {
  let i = from;
  while (isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 40) return undefined; // (
  let j = i + 1;
  while (j < text.length && text.charCodeAt(j) !== 40 && text.charCodeAt(j) !== 41) j++;
  if (j === i + 1 || text.charCodeAt(j) !== 41) return undefined;
  let k = j + 1;
  while (isSpace(text.charCodeAt(k))) k++;
  if (text.charCodeAt(k) === 46) k++;
  while (isSpace(text.charCodeAt(k))) k++;
  return k === text.length ? [i + 1, j] : undefined;
}

/** `(practitioner). You can…`: a bracketed level right after a bold name, then more text. */
function levelInBracketsFirst(text: string, from: number, framework: Framework): [number, number] | undefined {
  const m = /^\s*\(([^()]{1,40})\)(?=\s*[.,;:\u2013\u2014-]|\s|$)/.exec(text.slice(from, from + 48));
  if (!m) return undefined;
  const inner = m[1].trim();
  const first = inner.split(/\s+/)[0];
  if (!framework.findLevel(inner) && !framework.findLevel(first) && !isLevelLike(inner) && !misspeltLevel(framework, first) && !PROFICIENCY.test(first)) return undefined;
  const start = from + m[0].indexOf('(') + 1;
  return [start, start + m[1].length];
}

function isLevelLineAhead(lines: LineIndex, n: number): boolean {
  const src = lines.text;
  for (let k = n + 1; k < Math.min(lines.lineCount, n + 4); k++) {
    // The first character says most lines are no level line, without taking the line out.
    const end = k + 1 < lines.lineCount ? lines.starts[k + 1] : src.length;
    let i = lines.starts[k];
    while (i < end && isSpace(src.charCodeAt(i))) i++;
    if (i === end) continue;
    return mayBeLevelLine(src.charCodeAt(i)) && LEVEL_LINE.test(lines.line(k));
  }
  return false;
}

/**
 * What a heading says of skills: a level sub-heading under a skill heading (`#### Awareness`,
 * `## Level 1 - Awareness`), a skill with its level in brackets (`### Agile working (Expert
 * level)`), the start or end of a skills section. True when the heading was a mention (or a
 * level sub-heading) and needs no more reading.
 */
function readHeading(ctx: Ctx, n: number, text: string, heading: RegExpExecArray): boolean {
  const { framework } = ctx;
  const depth = headingDepth(heading);
  const levelBounds = levelHeadingBounds(text, heading, framework);
  const skill = ctx.skillHeading;
  if (levelBounds) {
    if (skill && depth > skill.depth) addHeadingLevel(ctx, skill, new LineSpan(ownAlways(levelText(text, levelBounds[0], levelBounds[1])), n, levelBounds[0], levelBounds[1]));
    return true;
  }
  ctx.skillsDepth = nextSkillsDepth(ctx.skillsDepth, heading);
  ctx.sectionRole = nextSectionRole(ctx.sectionRole, text, heading, framework);
  ctx.skillHeading = undefined;
  const [s, e] = headingBounds(text, heading);
  if (e <= s || e - s > MAX_NAME_LENGTH) return false;
  // `### Agile working (Expert)`: the name before the brackets, the level in them.
  const paren = text.charCodeAt(e - 1) === 41 ? text.lastIndexOf('(', e - 1) : -1;
  if (paren > s) {
    const level = levelValue(text, paren + 1, e - 1, framework, n);
    const ne = markupEnd(text, s, paren);
    if (level && ne > s && (framework.findLevel(level.text) || isLevelLike(level.text))) {
      ctx.section = newGroup();
      return pushInline(ctx, located(text, n, s, ne), level, true) || false;
    }
  }
  // A heading that names a skill (or any heading inside a skills section) may get its level
  // from the sub-heading under it.
  const inSkills = ctx.skillsDepth > 0 && depth > ctx.skillsDepth;
  if (inSkills || framework.lookupSkill(text.slice(s, e)).kind !== 'unknown') ctx.skillHeading = { line: n, start: s, end: e, depth, index: -1 };
  return false;
}

/** A heading's text without markup; a heading that is one link (`### [User focus](…)`) is the link's text. */
function headingBounds(text: string, heading: RegExpExecArray): [number, number] {
  const start = heading[1].length;
  let s = markupStart(text, start, start + heading[2].length);
  let e = markupEnd(text, s, start + heading[2].length);
  if (text.charCodeAt(s) === 91 && text.charCodeAt(e - 1) === 41) {
    const close = text.indexOf('](', s);
    if (close > s + 1 && text.indexOf(']', s) === close) {
      e = markupEnd(text, s + 1, close);
      s = markupStart(text, s + 1, e);
    }
  }
  return [s, e];
}

/** A level sub-heading under a skill heading gives the skill its level; a second one means the
 *  headings describe every level (a framework page), not the one needed: the mention keeps none. */
function addHeadingLevel(ctx: Ctx, skill: SkillHeading, level: LineSpan): void {
  const name = located(ctx.lines.line(skill.line), skill.line, skill.start, skill.end);
  const known = ctx.framework.lookupSkill(name.text).kind !== 'unknown';
  if (skill.index === -1) {
    skill.index = ctx.out.length;
    ctx.out.push(mentionIn(ctx, name, level, 'govuk', ctx.section, known || ctx.skillsDepth > 0));
  } else if (skill.index >= 0) {
    ctx.out[skill.index] = mentionIn(ctx, name, undefined, 'govuk', undefined, known || ctx.skillsDepth > 0);
    skill.index = -2;
  }
}

/** The text by which a level is looked up: a bare number after `Level` is the scale's Nth (`level 3`). */
function levelText(text: string, start: number, end: number): string {
  const value = text.slice(start, end);
  return /^\d+$/.test(value) ? `level ${value}` : value;
}

/** `level 5`, `5`: a numbered level, on the scale or not. */
function isLevelLike(text: string): boolean {
  return /^(?:level\s*)?\d+$/i.test(text.trim());
}

/** Handles one non-heading, non-table line; true when it held a mention. */
function parseInline(ctx: Ctx, n: number, text: string, start: number, isListItem: boolean): boolean {
  const { framework } = ctx;
  // In a list under a skills heading, every lead-in names a skill (`- **Data modelling**. …`);
  // under a heading of criteria, only a lead-in that names one or misses one by a typo.
  const leadIn = isListItem && ctx.skillsDepth !== 0;
  // `**Skill** …` or `__Skill__ …`: the bold lead runs to the first closing marker (as
  // /^(\*\*|__)(.+?)\1/ would match it, without building the match).
  const c = text.charCodeAt(start);
  const close = (c === 42 || c === 95) && text.charCodeAt(start + 1) === c ? text.indexOf(c === 42 ? '**' : '__', start + 3) : -1;
  if (close >= 0 && !hasLineBreak(text, start + 2, close)) {
    let innerStart = start + 2;
    let innerEnd = close;
    // `**[User focus](https://…)**`: the link's text is the name.
    if (text.charCodeAt(innerStart) === 91) {
      const bracket = text.indexOf('](', innerStart);
      if (bracket > innerStart && text.charCodeAt(innerEnd - 1) === 41) {
        innerStart++;
        innerEnd = bracket;
      }
    }
    const after = close + 2;
    const restBlank = isBlankFrom(text, after);
    // `**Skill.** description` or `**Skill:** level`: the punctuation is the last non-space.
    let last = innerEnd - 1;
    while (last >= innerStart && isSpace(text.charCodeAt(last))) last--;
    const p = last >= innerStart ? text.charCodeAt(last) : -1;
    const punct = p === 46 || p === 58 ? p : -1; // . :
    const nameEnd = punct >= 0 ? last : innerEnd;
    const ns = markupStart(text, innerStart, nameEnd);
    const ne = markupEnd(text, ns, nameEnd);
    if (ne <= ns) return false;
    if (punct === 46) {
      if (framework.findLevel(text.slice(ns, ne))) return false; // `**Awareness.** You know…` defines a level
      if (!restBlank) {
        const name = located(text, n, ns, ne);
        push(ctx, name, undefined, 'bold-paragraph', leadIn && sureLeadIn(ctx, name));
        return true;
      }
    }
    if (restBlank) {
      if (punct >= 0 && !leadIn) return false;
      if (leadIn) {
        const name = located(text, n, ns, ne);
        push(ctx, name, undefined, 'list', sureLeadIn(ctx, name));
        return true;
      }
      if (isListItem) return pushIfSkill(ctx, text, n, ns, ne, 'list');
      return false;
    }
    let levelStart = -1;
    let levelEnd = -1;
    // `**Skill** (practitioner)`, or `**Skill** (practitioner). You can…` with the level in brackets first.
    const paren = parenthesised(text, after) ?? levelInBracketsFirst(text, after, framework);
    if (paren) {
      [levelStart, levelEnd] = paren;
    } else {
      // After `**Skill:**` the level follows; after `**Skill**` a `:`, a dash or (in a lead-in) a full stop comes first.
      let i = after;
      while (isSpace(text.charCodeAt(i))) i++;
      if (punct !== 58) {
        const sep = text.charCodeAt(i);
        const separates = sep === 58 || sep === 45 || sep === 0x2013 || sep === 0x2014 || (leadIn && (sep === 46 || sep === 44));
        if (!separates) {
          if (!leadIn) return false;
          const name = located(text, n, ns, ne);
          push(ctx, name, undefined, 'list', sureLeadIn(ctx, name));
          return true;
        }
        i++;
        while (isSpace(text.charCodeAt(i))) i++;
      }
      levelStart = i;
      levelEnd = text.length;
    }
    const level = levelValue(text, levelStart, levelEnd, framework, n);
    const name = located(text, n, ns, ne);
    if (level && (paren || !leadIn || framework.findLevel(level.text) || isLevelLike(level.text) || PROFICIENCY.test(level.text) || misspeltLevel(framework, level.text))) {
      if (pushInline(ctx, name, level, true, !!paren)) return true;
    }
    if (leadIn) {
      // `- **Data modelling**. Experience of…`: a skill, and a description rather than a level,
      // unless a level in brackets ends the item (`… (level 3)`).
      const level = trailingLevel(ctx, n, framework.lookupSkill(name.text).kind !== 'unknown');
      push(ctx, name, level, 'list', !!level || sureLeadIn(ctx, name));
      return true;
    }
    return false;
  }

  // Plain `Skill: level`, `Skill - level`, `Skill — level`: split at the last separator.
  let sepMatch: RegExpExecArray | null = null;
  let firstSep: RegExpExecArray | null = null;
  if (maySeparate(text, start)) {
    SEPARATOR.lastIndex = start;
    for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) {
      sepMatch = m;
      firstSep ??= m;
    }
  }
  // The last separator first (a name may hold a dash), then the first (`Testing: working - you can…`).
  for (const sep of sepMatch && firstSep !== sepMatch ? [sepMatch, firstSep!] : sepMatch ? [sepMatch] : []) {
    const ns = markupStart(text, start, sep.index);
    const ne = markupEnd(text, ns, sep.index);
    const levelStart = sep.index + sep[0].length;
    if (ne > ns && ne - ns <= MAX_NAME_LENGTH) {
      const level = levelValue(text, levelStart, text.length, framework, n);
      if (level && pushInline(ctx, located(text, n, ns, ne), level, false)) return true;
    }
  }
  // Under a skills heading, `Skill - description`, `Skill: description` and `Skill. Description`
  // name a skill before the first separator (or full stop); a name that is like no skill may be
  // prose, and is flagged only when close.
  const stop = leadIn ? fullStop(text, start) : -1;
  const cut = stop >= 0 && (!firstSep || stop < firstSep.index) ? stop : firstSep ? firstSep.index : -1;
  if (leadIn && cut >= 0) {
    const ns = markupStart(text, start, cut);
    const ne = markupEnd(text, ns, cut);
    if (ne > ns && ne - ns <= 60 && spaceRuns(text.slice(ns, ne)) <= 6) {
      const name = text.slice(ns, ne);
      const known = framework.lookupSkill(name).kind !== 'unknown';
      // `Java, Spring Boot, Kafka - …` lists several things: no skill's name.
      if (!known && /,\s/.test(name)) return false;
      // `Test analysis: you can analyse … (level 3)`, the level ending the item, maybe on a
      // wrapped line (see trailingLevel).
      const level = trailingLevel(ctx, n, known);
      push(ctx, located(text, n, ns, ne), level, 'list', known || !!level);
      return true;
    }
  }
  if (isListItem) {
    const ns = markupStart(text, start, text.length);
    const ne = markupEnd(text, ns, text.length);
    if (ne > ns && ne - ns <= MAX_NAME_LENGTH) {
      // `- Information security (wizard)`, `1. Testing (expert)`: the level in brackets is checked.
      if (text.charCodeAt(ne - 1) === 41 && pushBracketLevel(ctx, text, n, ns, ne)) return true;
      return pushIfSkill(ctx, text, n, ns, ne, 'list');
    }
  }
  return false;
}

/** Whether a lead-in is surely a skill: under a skills heading, or under one of criteria when it names one. */
function sureLeadIn(ctx: Ctx, name: LineSpan): boolean {
  return ctx.skillsDepth > 0 || ctx.framework.lookupSkill(name.text).kind !== 'unknown';
}

/** The first full stop from `start` that ends a sentence (white space after it), or -1. */
function fullStop(text: string, start: number): number {
  for (let i = text.indexOf('.', start); i >= 0; i = text.indexOf('.', i + 1)) {
    if (i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) return i;
  }
  return -1;
}

/**
 * The level in brackets that ends the list item starting on line n (`… (level 3)`,
 * `… (practitioner).`), on its last line: the item's own, or a line it wraps onto (at most six).
 * For a name that is no skill, only one of the framework's levels (`level 3`, `practitioner`): a
 * name given one is meant as a skill, while `Troubleshooting: … (advanced)` in a job from
 * elsewhere is no more sure than without it. A skill takes any word for a level, to check it.
 */
function trailingLevel(ctx: Ctx, n: number, known: boolean): LineSpan | undefined {
  const { lines, framework } = ctx;
  let last = n;
  while (last + 1 < lines.lineCount && last < n + 6 && continuesItem(lines.line(last + 1))) last++;
  const text = lines.line(last);
  const open = text.lastIndexOf('(');
  const paren = open >= 0 ? parenthesised(text, open) : undefined;
  if (!paren) return undefined;
  const level = levelValue(text, paren[0], paren[1], framework, last);
  if (!level) return undefined;
  const v = level.text;
  if (framework.findLevel(v) || isLevelLike(v)) return level;
  return known && (PROFICIENCY.test(v) || misspeltLevel(framework, v)) ? level : undefined;
}

/** Bracketed words that say how much a skill matters, not its level. */
const NOT_A_LEVEL = /^(?:essential|desirable|required|preferred|optional|mandatory|nice to have|e\.g\..*|see .*|if .*)$/i;

/**
 * `Name (level)` at the end of a list item: a mention when the name is a skill and the bracket
 * is a level or a word that stands for one (`wizard`), or when the bracket is a level and the
 * name looks like one; not when the bracket is the skill's own qualifier
 * (`Technical understanding (accessibility)`, `Coding and scripting (infrastructure engineer)`).
 */
function pushBracketLevel(ctx: Ctx, text: string, n: number, ns: number, ne: number): boolean {
  const { framework } = ctx;
  const open = text.lastIndexOf('(', ne - 1);
  if (open <= ns) return false;
  const whole = framework.lookupSkill(text.slice(ns, ne));
  const nameEnd = markupEnd(text, ns, open);
  if (nameEnd <= ns) return false;
  const name = text.slice(ns, nameEnd);
  const bare = framework.lookupSkill(name);
  const level = levelValue(text, open + 1, ne - 1, framework, n);
  if (!level || NOT_A_LEVEL.test(level.text)) return false;
  const isLevel = !!framework.findLevel(level.text) || isLevelLike(level.text);
  // The whole text names a skill by its qualifier: the bracket is no level.
  if (!isLevel && whole.kind === 'exact' && bare.kind !== 'exact') return false;
  if (!isLevel && whole.kind !== 'unknown' && isQualifier(framework, level.text)) return false;
  if (bare.kind === 'unknown' && !isLevel) return false;
  if (!isLevel && spaceRuns(level.text) > 1) return false;
  push(ctx, located(text, n, ns, nameEnd), level, 'inline', bare.kind !== 'unknown' || ctx.skillsDepth > 0);
  return true;
}

/** A bracket that names a role (`infrastructure engineer`) qualifies a skill; it is no level. */
function isQualifier(framework: Framework, text: string): boolean {
  const t = text.trim().toLowerCase();
  return (framework.data.roles ?? []).some((role) => role.name.toLowerCase() === t) || framework.skills.some((skill) => skill.qualifier?.toLowerCase() === t);
}

const BOLD_SPAN = /(\*\*|__)([^*_]{2,90}?)\1(\s*\(([^()]{1,40})\))?/g;

/** Skills named in bold inside prose (`…towards **Systems design** (working) and…`). */
function scanBoldSkills(ctx: Ctx, n: number, text: string): void {
  if (!text.includes('**') && !text.includes('__')) return;
  BOLD_SPAN.lastIndex = 0;
  for (let m = BOLD_SPAN.exec(text); m; m = BOLD_SPAN.exec(text)) {
    const ns = markupStart(text, m.index + m[1].length, m.index + m[1].length + m[2].length);
    const ne = markupEnd(text, ns, m.index + m[1].length + m[2].length);
    if (ne <= ns || ctx.framework.lookupSkill(text.slice(ns, ne)).kind === 'unknown') continue;
    let level: LineSpan | undefined;
    if (m[4] !== undefined) {
      const levelStart = m.index + m[0].length - 1 - m[4].length;
      level = levelValue(text, levelStart, levelStart + m[4].length, ctx.framework, n);
      if (level && !ctx.framework.findLevel(level.text)) level = undefined; // `(see below)` is not a level
    }
    ctx.out.push(mentionIn(ctx, located(text, n, ns, ne), level, level ? 'inline' : 'list', undefined, false));
  }
}

/** An inline `name sep level` pair counts when at least one side is recognised. `bracketed`: the level is in brackets. */
function pushInline(ctx: Ctx, name: LineSpan, level: LineSpan, bold: boolean, bracketed = false): boolean {
  const { framework } = ctx;
  const isSkill = framework.lookupSkill(name.text).kind !== 'unknown';
  const isLevel = !!framework.findLevel(level.text);
  // `**Cloud enginering** (practioner)`: both misspelt, both reported; but a level is misspelt
  // only when it is a typo of one (or another scale's word), not anything near enough for a
  // did-you-mean (`**Classification:** APS Level 6`), unless the name is a skill's misspelt and
  // the level a word in brackets (`**Systems- design** (WIZARD)`), not the start of a skill's
  // name before a colon (`**Evaluation**: Manager.`).
  if (!isSkill && !isLevel && !(bold && (misspeltLevel(framework, level.text) || PROFICIENCY.test(level.text) || (bracketed && spaceRuns(level.text) === 0 && misspeltSkill(framework, name.text))))) return false;
  // `Java 8/11/17, Spring Boot, Microservices - Expert` lists several things: no skill's name.
  if (!isSkill && /,\s/.test(name.text)) return false;
  // A known level after an unknown phrase is a skill only if the phrase looks like a name.
  if (!isSkill && (!bold && !/^[A-Z]/.test(name.text))) return false;
  push(ctx, name, level, 'inline', true);
  return true;
}

/** Whether a name is a skill's with a few letters wrong (`Systems- design`): one in five. */
function misspeltSkill(framework: Framework, name: string): boolean {
  const written = normalizeName(name);
  const allowed = Math.max(1, Math.floor(written.length / 5));
  return framework.suggestSkills(name, 3).some((skill) => [skillFullName(skill), skill.name].some((n) => editDistance(written, normalizeName(n)) <= allowed));
}

function pushIfSkill(ctx: Ctx, text: string, line: number, start: number, end: number, form: MentionForm): boolean {
  // Most list items are prose: look the phrase up before building its range.
  const name = text.slice(start, end);
  if (ctx.framework.lookupSkill(name).kind === 'unknown') return false;
  push(ctx, new LineSpan(own(name), line, start, end), undefined, form, false);
  return true;
}

function push(ctx: Ctx, name: LineSpan, level: LineSpan | undefined, form: MentionForm, certain: boolean): void {
  ctx.out.push(mentionIn(ctx, name, level, form, level ? ctx.section : undefined, certain));
}

/** A mention in the section of the role level a heading names, checked against it; else a plain one. */
function mentionIn(ctx: Ctx, name: LineSpan, level: LineSpan | undefined, form: MentionForm, group: string | undefined, certain: boolean): LineMention {
  return ctx.sectionRole ? new RoleLevelMention(name, level, form, group, certain, ctx.sectionRole.name) : LineMention.of(name, level, form, group, certain);
}

/**
 * The level word(s) between start and end, trimmed of markup and punctuation. When the whole
 * value is not a level but starts with one that ends the phrase (`working (second of 4)`,
 * `Expert level`, `practitioner - you can…`, `Level 3 (practitioner)`), that level. A level
 * word that starts prose (`Working closely with…`) is not a level: undefined, as for values
 * longer than a few words.
 */
function levelValue(text: string, start: number, end: number, framework: Framework, line: number): LineSpan | undefined {
  const s = markupStart(text, start, end);
  let e = markupEnd(text, s, end);
  if (e <= s) return undefined;
  let value = text.slice(s, e);
  if (!framework.findLevel(value)) {
    const numbered = /^level\s*\d+/i.exec(value);
    let w = s;
    while (w < e && isLevelWordChar(text.charCodeAt(w))) w++;
    if (numbered && numbered[0].length < value.length && endsPhrase(text, s + numbered[0].length, e)) {
      e = s + numbered[0].length;
      value = text.slice(s, e);
    } else if (w > s && w < e && (framework.findLevel(text.slice(s, w)) || PROFICIENCY.test(text.slice(s, w)))) {
      if (!endsPhrase(text, w, e)) return undefined;
      e = w;
      value = text.slice(s, w);
    } else if (spaceRuns(value) >= 1 && !isLevelLike(value) && !misspeltLevel(framework, value.slice(0, w - s))) {
      // Words that name no level and start with none (`flaky suite fixed`): prose, not a level.
      return undefined;
    }
  }
  // Levels are a handful of words: one string each, not one per mention.
  return new LineSpan(ownAlways(value), line, s, e);
}

/** Whether a level word ends its phrase at `from`: the value ends there, or a bracket, the word
 *  `level`, or punctuation (`.`, `,`, `;`, a dash) follows. */
function endsPhrase(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (i >= end) return true;
  const c = text.charCodeAt(i);
  if (c === 40 || c === 46 || c === 44 || c === 59 || c === 45 || c === 0x2013 || c === 0x2014 || c === 58) return true; // ( . , ; - – — :
  return /^level\b/i.test(text.slice(i, Math.min(end, i + 6)));
}

/** [A-Za-z0-9/]: what a level's first word is made of (`working`, `L3`, `5`, `ensure/advise`). */
function isLevelWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 47;
}

/** How many runs of white space the text has (a text of four words has three). */
function spaceRuns(text: string): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (space && !inRun) runs++;
    inRun = space;
  }
  return runs;
}

// [start, end) narrowed past spaces, emphasis markers and backticks, and at the end past
// trailing punctuation too: markupStart gives the new start, markupEnd the new end.
function markupStart(text: string, start: number, end: number): number {
  while (start < end && isMarkup(text.charCodeAt(start))) start++;
  return start;
}

function markupEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (!isMarkup(c) && c !== 46 && c !== 44 && c !== 59 && c !== 58) break; // . , ; :
    end--;
  }
  return end;
}

/** Space, tab, `*`, `_` or a backtick. */
function isMarkup(c: number): boolean {
  return c === 32 || c === 9 || c === 42 || c === 95 || c === 96;
}

/** The text of [start, end) on a line, given the line's text. */
function located(lineText: string, line: number, start: number, end: number): LineSpan {
  return new LineSpan(own(lineText.slice(start, end)), line, start, end);
}


/** Reads a table starting at its header line; returns the last line of the table. */
function parseTable(ctx: Ctx, headerLine: number): number {
  const { lines, framework } = ctx;
  const header = lines.line(headerLine);
  const headers: string[] = [];
  for (const cell of tableCells(header)) headers.push(header.slice(cell.start, cell.end).trim().toLowerCase());
  const { skillCol, levelCol } = tableColumns(headers);
  // `| Skill | Data engineer | Senior data engineer |`: a column per role level, each cell its level.
  const roles = skillCol >= 0 && levelCol < 0 ? roleColumns(framework, headers, skillCol) : [];
  let n = headerLine + 2;
  const rows: { line: number; row: string; ns: number; ne: number; levelStart: number; levelEnd: number; cells: { start: number; end: number }[] }[] = [];
  for (; n < lines.lineCount; n++) {
    const row = lines.line(n);
    if (!isTableRow(row)) break;
    if (skillCol === -1) continue;
    const cells = tableCells(row);
    if (skillCol >= cells.length) continue;
    const ns = markupStart(row, cells[skillCol].start, cells[skillCol].end);
    const ne = markupEnd(row, ns, cells[skillCol].end);
    if (ne <= ns) continue;
    const level = levelCol >= 0 && levelCol < cells.length ? cells[levelCol] : undefined;
    rows.push({ line: n, row, ns, ne, levelStart: level ? level.start : -1, levelEnd: level ? level.end : -1, cells });
  }
  if (rows.length && isSkillColumn(framework, rows.map((r) => r.row.slice(r.ns, r.ne)))) {
    const group = newGroup();
    if (roles.length) {
      for (const r of rows) roleRow(ctx, r, roles, group);
      return n - 1;
    }
    for (const r of rows) {
      const level = r.levelStart >= 0 ? levelValue(r.row, r.levelStart, r.levelEnd, framework, r.line) : undefined;
      ctx.out.push(mentionIn(ctx, located(r.row, r.line, r.ns, r.ne), level, 'table', group, true));
    }
  }
  return n - 1;
}

/** The columns headed by a role level's name (`Senior data engineer`, `Lead data engineer (G7)`), with it. */
function roleColumns(framework: Framework, headers: readonly string[], skillCol: number): { col: number; role: string }[] {
  const out: { col: number; role: string }[] = [];
  headers.forEach((header, col) => {
    if (col === skillCol) return;
    const words = header.replace(/[*_`]/g, '').trim();
    const ref = framework.findRoleLevel(words) ?? framework.findRoleLevel(words.replace(/\s*\([^()]*\)$/, ''));
    if (ref) out.push({ col, role: ref.level.name });
  });
  return out;
}

/**
 * A row of a skill x role-level table: its name, checked once, then each cell that holds a level
 * (or a word standing for one), checked against its column's role level. A cell that says
 * something else (`-`, a note) is left alone.
 */
function roleRow(ctx: Ctx, r: { line: number; row: string; ns: number; ne: number; cells: { start: number; end: number }[] }, roles: { col: number; role: string }[], group: string): void {
  const { framework } = ctx;
  const name = located(r.row, r.line, r.ns, r.ne);
  ctx.out.push(new RoleLevelMention(name, undefined, 'table', group, true, roles[0].role));
  for (const { col, role } of roles) {
    const cell = r.cells[col];
    const level = cell && levelValue(r.row, cell.start, cell.end, framework, r.line);
    if (!level || !(framework.findLevel(level.text) || isLevelLike(level.text) || misspeltLevel(framework, level.text) || PROFICIENCY.test(level.text))) continue;
    ctx.out.push(new RoleLevelMention(name, level, 'table', undefined, true, role));
  }
}

/**
 * Whether a column headed like a skill column holds skill names: at least half of its cells
 * name a skill or miss one by a typo. A "Skills used" column of free text (`networking,
 * Terraform`, `none written`) is not checked as names.
 */
function isSkillColumn(framework: Framework, cells: string[]): boolean {
  let names = 0;
  let looked = 0;
  for (const cell of cells) {
    looked++;
    if (framework.lookupSkill(cell).kind !== 'unknown') names++;
    else if (spaceRuns(cell) <= 6 && !/[,;]\s/.test(cell) && framework.suggestSkills(cell, 1).some((skill) => isTypoOf(cell, skill))) names++;
    // Enough seen either way: most tables are all names.
    if (names * 2 >= cells.length) return true;
    if ((looked - names) * 2 > cells.length) return false;
  }
  return names * 2 >= cells.length;
}
