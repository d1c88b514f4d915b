// Finds skill mentions in a Markdown body, in every written form of DESIGN section 2:
// gov.uk style (`Level: working` under the skill), inline (`**Skill** (level)`, `Skill: level`,
// `Skill - level`, `Skill — level`), tables, `**Skill.** description` paragraphs and bare list
// items. Each line is looked at once; the framework decides whether a phrase is a skill.
import type { Framework } from '../framework/framework';
import { LineIndex, lineRange } from './lineIndex';
import { Located, MentionForm, SkillMention } from './model';

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^(\s{0,3}#{1,6}\s+)(.*?)\s*#*\s*$/;
const LEVEL_LINE = /^(\s*(?:[-*+]\s+)?(?:\*\*|__)?level(?:\*\*|__)?\s*:\s*(?:\*\*|__)?)(.*?)(?:\*\*|__)?\s*$/i;
const LIST_MARKER = /^(\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?)/;
// `**Skill** (level)`, `**Skill**: level`, `**Skill** - level`, `**Skill:** level`, `**Skill.** text`
const BOLD_LEAD = /^(\*\*|__)(.+?)\1/;
// Separators of the inline form, longest first so ` — ` wins over `-` inside names.
const SEPARATOR = /\s+[\u2014\u2013-]\s+|\s*[\u2014\u2013]\s*|:\s+/g;
/** Words that end a gov.uk skill line search: a line like this is prose, not a skill name. */
const MAX_NAME_LENGTH = 90;

interface Ctx {
  lines: LineIndex;
  framework: Framework;
  out: SkillMention[];
  section: string;
}

export function parseMarkdownBody(lines: LineIndex, startLine: number, framework: Framework): SkillMention[] {
  const ctx: Ctx = { lines, framework, out: [], section: `section:${startLine}` };
  let inFence = false;
  // The last non-blank line seen, as a possible gov.uk skill line for a following `Level:`.
  let candidate: { line: number; start: number; end: number; isHeading: boolean } | undefined;

  for (let n = startLine; n < lines.lineCount; n++) {
    const text = lines.line(n);
    if (FENCE.test(text)) {
      inFence = !inFence;
      candidate = undefined;
      continue;
    }
    if (inFence) continue;
    if (!text.trim()) continue;
    if (text.length > 4000) {
      // A very long line is prose or junk, never a skill line; skipping keeps parsing linear.
      candidate = undefined;
      continue;
    }

    const level = LEVEL_LINE.exec(text);
    if (level) {
      if (candidate) {
        const name = located(lines, candidate.line, candidate.start, candidate.end);
        const value = levelValue(text, level[1].length, level[1].length + level[2].length, framework, n);
        push(ctx, name, value, 'govuk', true);
      }
      candidate = undefined;
      continue;
    }

    const heading = HEADING.exec(text);
    if (heading) {
      const start = heading[1].length;
      const [s, e] = trimMarkup(text, start, start + heading[2].length);
      candidate = e > s ? { line: n, start: s, end: e, isHeading: true } : undefined;
      // A heading that is itself a skill (gov.uk style) does not open a new list.
      if (!(n + 1 < lines.lineCount && isLevelLineAhead(lines, n))) ctx.section = `section:${n}`;
      continue;
    }

    if (text.trimStart().startsWith('|') && n + 1 < lines.lineCount && isTableSeparator(lines.line(n + 1))) {
      n = parseTable(ctx, n);
      candidate = undefined;
      continue;
    }

    const marker = LIST_MARKER.exec(text);
    const contentStart = marker ? marker[1].length : text.length - text.trimStart().length;
    if (parseInline(ctx, n, text, contentStart, !!marker)) {
      candidate = undefined;
      continue;
    }
    scanBoldSkills(ctx, n, text);
    const [s, e] = trimMarkup(text, contentStart, text.length);
    candidate = e - s > 0 && e - s <= MAX_NAME_LENGTH ? { line: n, start: s, end: e, isHeading: false } : undefined;
  }
  return ctx.out;
}

function isLevelLineAhead(lines: LineIndex, n: number): boolean {
  for (let k = n + 1; k < Math.min(lines.lineCount, n + 4); k++) {
    const t = lines.line(k);
    if (!t.trim()) continue;
    return LEVEL_LINE.test(t);
  }
  return false;
}

/** Handles one non-heading, non-table line; true when it held a mention. */
function parseInline(ctx: Ctx, n: number, text: string, start: number, isListItem: boolean): boolean {
  const { framework, lines } = ctx;
  const body = text.slice(start);
  const bold = BOLD_LEAD.exec(body);
  if (bold) {
    const inner = bold[2];
    const innerStart = start + bold[1].length;
    const after = start + bold[0].length;
    const rest = text.slice(after);
    const restTrim = rest.trim();
    // `**Skill.** description` or `**Skill:** level`
    const punct = /[.:]\s*$/.exec(inner);
    const [ns, ne] = trimMarkup(text, innerStart, innerStart + inner.length - (punct ? punct[0].length : 0));
    if (ne <= ns) return false;
    const name = located(lines, n, ns, ne);
    if (punct && punct[0].trim() === '.') {
      if (framework.findLevel(name.text)) return false; // `**Awareness.** You know…` defines a level
      if (restTrim.length > 0) {
        push(ctx, name, undefined, 'bold-paragraph', false);
        return true;
      }
    }
    if (!restTrim) {
      if (punct) return false;
      if (isListItem) return pushIfSkill(ctx, name, 'list');
      return false;
    }
    let levelStart = -1;
    let levelEnd = -1;
    const paren = /^\s*\(([^()]+)\)\s*\.?\s*$/.exec(rest);
    if (paren) {
      levelStart = after + rest.indexOf('(') + 1;
      levelEnd = levelStart + paren[1].length;
    } else {
      const sep = punct && punct[0].trim() === ':' ? /^\s*/.exec(rest) : /^\s*(?::|[\u2014\u2013-])\s*/.exec(rest);
      if (!sep) return false;
      levelStart = after + sep[0].length;
      levelEnd = text.length;
    }
    const level = levelValue(text, levelStart, levelEnd, framework, n);
    if (!level) return false;
    return pushInline(ctx, name, level, true);
  }

  // Plain `Skill: level`, `Skill - level`, `Skill — level`: split at the last separator.
  let sepMatch: RegExpExecArray | null = null;
  SEPARATOR.lastIndex = start;
  for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) sepMatch = m;
  if (sepMatch) {
    const [ns, ne] = trimMarkup(text, start, sepMatch.index);
    const levelStart = sepMatch.index + sepMatch[0].length;
    if (ne > ns && ne - ns <= MAX_NAME_LENGTH) {
      const level = levelValue(text, levelStart, text.length, framework, n);
      if (level) return pushInline(ctx, located(lines, n, ns, ne), level, false);
    }
  }
  if (isListItem) {
    const [ns, ne] = trimMarkup(text, start, text.length);
    if (ne > ns && ne - ns <= MAX_NAME_LENGTH) return pushIfSkill(ctx, located(lines, n, ns, ne), 'list');
  }
  return false;
}

const BOLD_SPAN = /(\*\*|__)([^*_]{2,90}?)\1(\s*\(([^()]{1,40})\))?/g;

/** Skills named in bold inside prose (`…towards **Systems design** (working) and…`). */
function scanBoldSkills(ctx: Ctx, n: number, text: string): void {
  if (!text.includes('**') && !text.includes('__')) return;
  BOLD_SPAN.lastIndex = 0;
  for (let m = BOLD_SPAN.exec(text); m; m = BOLD_SPAN.exec(text)) {
    const [ns, ne] = trimMarkup(text, m.index + m[1].length, m.index + m[1].length + m[2].length);
    if (ne <= ns || ctx.framework.lookupSkill(text.slice(ns, ne)).kind === 'unknown') continue;
    let level: Located | undefined;
    if (m[4] !== undefined) {
      const levelStart = m.index + m[0].length - 1 - m[4].length;
      level = levelValue(text, levelStart, levelStart + m[4].length, ctx.framework, n);
      if (level && !ctx.framework.findLevel(level.text)) level = undefined; // `(see below)` is not a level
    }
    ctx.out.push({ name: located(ctx.lines, n, ns, ne), level, form: level ? 'inline' : 'list', certain: false });
  }
}

/** An inline `name sep level` pair counts when at least one side is recognised. */
function pushInline(ctx: Ctx, name: Located, level: Located, bold: boolean): boolean {
  const { framework } = ctx;
  const isSkill = framework.lookupSkill(name.text).kind !== 'unknown';
  const isLevel = !!framework.findLevel(level.text);
  if (!isSkill && !isLevel) return false;
  // A known level after an unknown phrase is a skill only if the phrase looks like a name.
  if (!isSkill && (!bold && !/^[A-Z]/.test(name.text))) return false;
  push(ctx, name, level, 'inline', true);
  return true;
}

function pushIfSkill(ctx: Ctx, name: Located, form: MentionForm): boolean {
  const found = ctx.framework.lookupSkill(name.text);
  if (found.kind === 'unknown') return false;
  push(ctx, name, undefined, form, false);
  return true;
}

function push(ctx: Ctx, name: Located, level: Located | undefined, form: MentionForm, certain: boolean): void {
  ctx.out.push({ name, level, form, group: level ? ctx.section : undefined, certain });
}

/**
 * The level word(s) between start and end, trimmed of markup and punctuation. When the whole
 * value is not a level but its first word is (`working (second of 4)`), the first word.
 * Values longer than a few words are prose, not a level: undefined.
 */
function levelValue(text: string, start: number, end: number, framework: Framework, line: number): Located | undefined {
  let [s, e] = trimMarkup(text, start, end);
  if (e <= s) return undefined;
  let value = text.slice(s, e);
  if (!framework.findLevel(value)) {
    const first = /^[A-Za-z0-9/]+/.exec(value);
    if (first && framework.findLevel(first[0])) {
      e = s + first[0].length;
      value = first[0];
    } else if (value.split(/\s+/).length > 3) return undefined;
  }
  return { text: value, range: lineRange(line, s, e) };
}

/** Narrows [start, end) past spaces, emphasis markers, backticks and trailing punctuation. */
function trimMarkup(text: string, start: number, end: number): [number, number] {
  const strip = (c: string) => c === ' ' || c === '\t' || c === '*' || c === '_' || c === '`';
  while (start < end && strip(text[start])) start++;
  while (end > start && (strip(text[end - 1]) || text[end - 1] === '.' || text[end - 1] === ',' || text[end - 1] === ';' || text[end - 1] === ':')) end--;
  return [start, end];
}

function located(lines: LineIndex, line: number, start: number, end: number): Located {
  return { text: lines.line(line).slice(start, end), range: lineRange(line, start, end) };
}

function isTableSeparator(text: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(text);
}

interface Cell {
  start: number;
  end: number;
}

function splitCells(text: string): Cell[] {
  const cells: Cell[] = [];
  let i = text.indexOf('|');
  if (i === -1) return cells;
  let cellStart = i + 1;
  for (i = cellStart; i <= text.length; i++) {
    if (i === text.length || (text[i] === '|' && text[i - 1] !== '\\')) {
      if (i === text.length && !text.slice(cellStart).trim()) break;
      cells.push({ start: cellStart, end: i });
      cellStart = i + 1;
    }
  }
  return cells;
}

/** Reads a table starting at its header line; returns the last line of the table. */
function parseTable(ctx: Ctx, headerLine: number): number {
  const { lines } = ctx;
  const header = lines.line(headerLine);
  const headers = splitCells(header).map((c) => header.slice(c.start, c.end).trim().toLowerCase());
  const skillCol = headers.findIndex((h) => /skill|competenc|capabilit/.test(h) && !/level/.test(h));
  const levelCol = headers.findIndex((h) => /level/.test(h));
  let n = headerLine + 2;
  const group = `table:${headerLine}`;
  for (; n < lines.lineCount; n++) {
    const row = lines.line(n);
    if (!row.includes('|') || !row.trim()) break;
    if (skillCol === -1) continue;
    const cells = splitCells(row);
    const nameCell = cells[skillCol];
    if (!nameCell) continue;
    const [ns, ne] = trimMarkup(row, nameCell.start, nameCell.end);
    if (ne <= ns) continue;
    const levelCell = levelCol >= 0 ? cells[levelCol] : undefined;
    const level = levelCell ? levelValue(row, levelCell.start, levelCell.end, ctx.framework, n) : undefined;
    ctx.out.push({ name: located(lines, n, ns, ne), level, form: 'table', group, certain: true });
  }
  return n - 1;
}
