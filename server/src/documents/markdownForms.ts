// The written forms of a skill on one line, for the mention scanner (markdownMentions.ts): inline
// (`**Skill** (level)`, `Skill: level`, `Skill - level`, `Skill — level`, `Skill. description`),
// bold lead-ins anywhere in a line, and tables (a skill column with a level column, or a column
// per role level). Each reads one line (or one table) into the scan's context.
import { isMisspellingOf, type Framework, type RoleLevelRef } from '../framework/framework';
import { editDistance } from '../framework/normalize';
import { isBlankFrom, isSpace } from '../markdown/space';
import { continuesItem } from '../markdown/list';
import { LineMention, LineSpan, MentionForm, RoleLevelMention, type SkillMention } from './model';
import { own, ownAlways } from '../boot/intern';
import type { LineIndex } from './lineIndex';
import { caches, IdSource } from '../caches';

// The scan's context, and what the body's scan (markdownMentions.ts), a line's forms and tables
// (markdownTables.ts) share: kept here, so that neither of the others imports the scan.

// Separators of the inline form, longest first so ` — ` wins over `-` inside names.
export const SEPARATOR = /\s+[\u2014\u2013-]\s+|\s*[\u2014\u2013]\s*|:\s+/g;

const SEPARATOR_CHAR = /[:\u2014\u2013-]/g;

/** Whether the line holds, from `start`, a character SEPARATOR needs, before running it. */
export function maySeparate(text: string, start: number): boolean {
  SEPARATOR_CHAR.lastIndex = start;
  return SEPARATOR_CHAR.test(text);
}

/** Words that end a gov.uk skill line search: a line like this is prose, not a skill name. */
export const MAX_NAME_LENGTH = 90;

export interface Ctx {
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
export interface SectionRole {
  depth: number;
  name: string;
}

export interface SkillHeading {
  line: number;
  start: number;
  end: number;
  depth: number;
  /** Where its mention is in `out` once a level sub-heading gave it one; -1 before. */
  index: number;
}

/** Group ids: a list or table's mentions share one; unique in the process, so never reused. */
const groups = caches.own(new IdSource());
export function newGroup(): string {
  return groups.next('g');
}

/** The text by which a level is looked up: a bare number after `Level` is the scale's Nth (`level 3`). */
export function levelText(text: string, start: number, end: number): string {
  const value = text.slice(start, end);
  return /^\d+$/.test(value) ? `level ${value}` : value;
}

/** `level 5`, `5`: a numbered level, on the scale or not. */
export function isLevelLike(text: string): boolean {
  return /^(?:level\s*)?\d+$/i.test(text.trim());
}

/** Handles one non-heading, non-table line; true when it held a mention. */
export function parseInline(ctx: Ctx, n: number, text: string, start: number, isListItem: boolean): boolean {
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
    if (level && (paren || !leadIn || standsForLevel(framework, level.text))) {
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
export function scanBoldSkills(ctx: Ctx, n: number, text: string): void {
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
export function pushInline(ctx: Ctx, name: LineSpan, level: LineSpan, bold: boolean, bracketed = false): boolean {
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
  return framework.suggestSkills(name, 3).some((skill) => isMisspellingOf(name, skill));
}

function pushIfSkill(ctx: Ctx, text: string, line: number, start: number, end: number, form: MentionForm): boolean {
  // Most list items are prose: look the phrase up before building its range.
  const name = text.slice(start, end);
  if (ctx.framework.lookupSkill(name).kind === 'unknown') return false;
  push(ctx, new LineSpan(own(name), line, start, end), undefined, form, false);
  return true;
}

export function push(ctx: Ctx, name: LineSpan, level: LineSpan | undefined, form: MentionForm, certain: boolean): void {
  ctx.out.push(mentionIn(ctx, name, level, form, level ? ctx.section : undefined, certain));
}

/** A mention in the section of the role level a heading names, checked against it; else a plain one. */
export function mentionIn(ctx: Ctx, name: LineSpan, level: LineSpan | undefined, form: MentionForm, group: string | undefined, certain: boolean): LineMention {
  return ctx.sectionRole ? new RoleLevelMention(name, level, form, group, certain, ctx.sectionRole.name) : LineMention.of(name, level, form, group, certain);
}

/**
 * The level word(s) between start and end, trimmed of markup and punctuation. When the whole
 * value is not a level but starts with one that ends the phrase (`working (second of 4)`,
 * `Expert level`, `practitioner - you can…`, `Level 3 (practitioner)`), that level. A level
 * word that starts prose (`Working closely with…`) is not a level: undefined, as for values
 * longer than a few words.
 */
export function levelValue(text: string, start: number, end: number, framework: Framework, line: number): LineSpan | undefined {
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
export function spaceRuns(text: string): number {
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
export function markupStart(text: string, start: number, end: number): number {
  while (start < end && isMarkup(text.charCodeAt(start))) start++;
  return start;
}

export function markupEnd(text: string, start: number, end: number): number {
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
export function located(lineText: string, line: number, start: number, end: number): LineSpan {
  return new LineSpan(own(lineText.slice(start, end)), line, start, end);
}


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

/** One word that is a level's name with a letter or two wrong (`Practioner`, `Awarness`). */
export function misspeltLevel(framework: Framework, word: string): boolean {
  if (word.length < 5 || /\s/.test(word)) return false;
  const w = word.toLowerCase();
  return framework.levels.some((level) => {
    const name = level.name.toLowerCase();
    return Math.abs(name.length - w.length) <= 2 && editDistance(w, name) <= 2;
  });
}

/** Whether a value is a level or a word that stands for one where a level goes: one of the
 *  framework's, a numbered level, a level's name misspelt, or another scale's word. */
export function standsForLevel(framework: Framework, value: string): boolean {
  return !!framework.findLevel(value) || isLevelLike(value) || misspeltLevel(framework, value) || PROFICIENCY.test(value);
}

/** A role level named by a heading or a table's header, with or without a bracket after it
 *  (`Lead data engineer (G7)`). */
export function roleLevelNamed(framework: Framework, words: string): RoleLevelRef | undefined {
  return framework.findRoleLevel(words) ?? framework.findRoleLevel(words.replace(/\s*\([^()]*\)$/, ''));
}

/** Words other scales use for levels: where a level goes, they are levels the framework lacks. */
export const PROFICIENCY = /^(?:beginner|novice|basic|intermediate|advanced|proficient|competent|master|fluent)$/i;
