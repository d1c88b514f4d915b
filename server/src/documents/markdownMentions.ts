// Finds skill mentions in a Markdown body, in every written form the README lists:
// gov.uk style (`Level: working` under the skill), inline (`**Skill** (level)`, `Skill: level`,
// `Skill - level`, `Skill — level`), tables, `**Skill.** description` paragraphs and bare list
// items. Each line is looked at once; the framework decides whether a phrase is a skill.
import type { Framework } from '../framework/framework';
import { keepUnchanged } from './keepUnchanged';
import { afterLine, fenceAt, type Fence } from '../markdown/fence';
import { LEVEL_LINE, mayBeLevelLine } from '../markdown/levelLine';
import { HEADING, headingDepth } from '../markdown/heading';
import { isDigit, listMarkerLength, mayBeListItem } from '../markdown/list';
import { isSpace } from '../markdown/space';
import { isTableSeparator } from '../markdown/table';
import type { LineIndex } from './lineIndex';
import { LineMention, LineSpan, SkillMention } from './model';
import { ownAlways } from '../boot/intern';
import { type Ctx, isLevelLike, levelText, levelValue, located, markupEnd, markupStart, maySeparate, MAX_NAME_LENGTH, mentionIn, misspeltLevel, newGroup, parseInline, push, pushInline, roleLevelNamed, scanBoldSkills, type SectionRole, SEPARATOR, type SkillHeading } from './markdownForms';
import { parseTable } from './markdownTables';

/** Whether the line holds, from `start`, a separator of the inline form (`: `, ` - `, an en or em dash). */
function hasSeparator(text: string, start: number): boolean {
  if (!maySeparate(text, start)) return false;
  SEPARATOR.lastIndex = start;
  const found = SEPARATOR.test(text);
  SEPARATOR.lastIndex = 0;
  return found;
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
    const ref = words ? roleLevelNamed(framework, words) : undefined;
    if (ref) return { depth, name: ref.level.name };
  }
  return current && depth <= current.depth ? undefined : current;
}

/** The skills section after a heading: a heading no deeper than the section's ends it; a skills heading starts one. */
function nextSkillsDepth(skillsDepth: number, heading: RegExpExecArray): number {
  const depth = headingDepth(heading);
  const current = skillsDepth && depth <= Math.abs(skillsDepth) ? 0 : skillsDepth;
  if (SKILLS_HEADING.test(heading[2])) return depth;
  return CRITERIA_HEADING.test(heading[2]) ? -depth : current;
}

/**
 * The bounds of the level a heading names, alone or as `Level 1 - Awareness`, `Level 2`; else
 * undefined. A name after its number (`Level 1 - Awareness`) is the level's text, and the span
 * starts at the number (third bound): a fix replaces both, never leaving `Level 2 - Practitioner`.
 */
function levelHeadingBounds(text: string, heading: RegExpExecArray, framework: Framework): [number, number, number?] | undefined {
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
    if (rest < e && framework.findLevel(text.slice(rest, e))) return [rest, e, s];
    if (rest >= e || /^\s*$/.test(text.slice(rest, e))) return [s, s + numbered[0].trimEnd().replace(/[-\u2013\u2014:.]$/, '').trimEnd().length];
    return [s, e];
  }
  return undefined;
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
    const [start, end, from = start] = levelBounds;
    if (skill && depth > skill.depth) addHeadingLevel(ctx, skill, new LineSpan(ownAlways(levelText(text, start, end)), n, from, end));
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

