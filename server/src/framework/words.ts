// Words in names: where a role level's name starts and ends in a line, whether a word is one of a
// name's, and the closest names by edit distance; for Framework's lookups (framework.ts).
import { editDistance, normalizeName } from './normalize';
import { skillFullName, type SkillData } from './model';

/** The bounds of the first or last word of [from, to) of a text, a number in front (`1.`) and a
 *  bracketed end (`(SEO)`) left out: by character codes, as it is asked of many lines. */
export function edgeWord(text: string, from: number, to: number, first: boolean): [number, number] {
  let end = to;
  while (end > from && !isWordChar(text.charCodeAt(end - 1))) end--;
  if (!first && end < to && text.charCodeAt(end) === 41) {
    const open = text.lastIndexOf('(', end);
    if (open > from) end = open;
    while (end > from && !isWordChar(text.charCodeAt(end - 1))) end--;
  }
  let start = from;
  while (start < end && !isWordChar(text.charCodeAt(start))) start++;
  // `1. Associate infrastructure engineer`
  let digits = start;
  while (digits < end && text.charCodeAt(digits) >= 48 && text.charCodeAt(digits) <= 57) digits++;
  if (digits > start && (text.charCodeAt(digits) === 46 || text.charCodeAt(digits) === 41)) {
    start = digits + 1;
    while (start < end && !isWordChar(text.charCodeAt(start))) start++;
  }
  if (first) {
    let e = start;
    while (e < end && isWordChar(text.charCodeAt(e))) e++;
    return [start, e];
  }
  let s = end;
  while (s > start && isWordChar(text.charCodeAt(s - 1))) s--;
  return [s, end];
}

/** Whether [start, end) of a text is one of the lower-case words, in any case. */
export function anyWord(words: readonly string[], text: string, start: number, end: number): boolean {
  for (const word of words) if (sameWord(word, text, start, end)) return true;
  return false;
}

/** Whether [start, end) of a text is a lower-case word, in any case (no string is made). */
function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(start + i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

/** [A-Za-z0-9]. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** A name's words for matching role levels, without `of` and `and`. */
export function nameWords(text: string): string[] {
  return normalizeName(text)
    .split(/[\s\-()]+/)
    .filter((w) => w && w !== 'of' && w !== 'and');
}

export function closest<T>(text: string, items: readonly T[], keys: (item: T) => string[], max: number): T[] {
  const wanted = normalizeName(text);
  if (!wanted) return [];
  const scored = items
    .map((item) => {
      const distance = Math.min(...keys(item).map((k) => editDistance(wanted, normalizeName(k))));
      return { item, distance };
    })
    .filter((s) => s.distance <= Math.max(2, Math.floor(wanted.length / 2)))
    .sort((a, b) => a.distance - b.distance);
  return scored.slice(0, max).map((s) => s.item);
}

/** Whether a name is a skill's name (full or without its qualifier) with a few letters wrong,
 *  or its first words (`Coding` for `Coding and scripting`). */
export function isTypoOf(text: string, skill: SkillData): boolean {
  return typoOf(text, skill, true);
}

/** Whether a name is a skill's name (full or without its qualifier) with a few letters wrong
 *  (`Systems- design`): one in five; not its first words. */
export function isMisspellingOf(text: string, skill: SkillData): boolean {
  return typoOf(text, skill, false);
}

function typoOf(text: string, skill: SkillData, orFirstWords: boolean): boolean {
  const written = normalizeName(text);
  const allowed = Math.max(1, Math.floor(written.length / 5));
  return [skillFullName(skill), skill.name].some((name) => {
    const full = normalizeName(name);
    return (orFirstWords && full.startsWith(`${written} `)) || editDistance(written, full) <= allowed;
  });
}
