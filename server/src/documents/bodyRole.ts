// The role a document names in its body, where real adverts put it: a `Role:` or `Job title:`
// line (or table row), or the title heading (or the byline under it) (`# Senior data engineer`, `# Senior data engineer - Home Office`).
// Only the top of the document is read: a role named further down is prose, not the advert's role.
import type { Framework, RoleLevelRef } from '../framework/framework';
import { editDistance, normalizeName } from '../framework/normalize';
import type { BlockMap } from './blockMap';
import { listLead } from '../markdown/list';
import { LineSpan, type Located } from './model';

export interface BodyRole {
  /** Where the role was written: the exact role level's words, or the whole near miss. */
  located: Located;
  source: 'title' | 'role-line' | 'byline';
  /** The role level, when the words name one. */
  role?: RoleLevelRef;
  /** For a near miss: the closest role levels, best first. */
  suggestions?: RoleLevelRef[];
}

/** How far down a title or a `Role:` line is looked for. */
const TOP_LINES = 40;
/** The labels a role is given under (`Job title:`, `Current role:`), as a regular expression's alternatives. */
export const ROLE_LABELS = 'job title|job role|role title|current role|role|position|post|title';
const ROLE_LINE = new RegExp(`^\\s*(?:[-*]\\s+)?(?:\\*\\*|__)?(${ROLE_LABELS})(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?\\s*(.+?)\\s*$`, 'i');
/** The same in a table of details: `| Role | Junior user researcher |`. */
const ROLE_CELL = new RegExp(`^\\s*\\|\\s*(?:\\*\\*|__)?(${ROLE_LABELS})(?:\\*\\*|__)?\\s*\\|\\s*(?:\\*\\*|__)?\\s*([^|]+?)\\s*(?:\\*\\*|__)?\\s*\\|?\\s*$`, 'i');
/** Words that say how senior a role level is: a title that differs from a role level only by one of them is a near miss. */
const SENIORITY_WORD = /^(apprentice|trainee|junior|associate|senior|lead|principal|head|chief)$/i;

/** Reads the role from the body's first lines, as the block map reads them: a `Role:` line wins over the title. */
export function findBodyRole(blocks: BlockMap, framework: Framework): BodyRole | undefined {
  if (framework.roleLevels.length === 0) return undefined;
  const lines = blocks.read;
  const startLine = blocks.bodyStart;
  let title: BodyRole | undefined;
  let titleSeen = false;
  /** The last line a byline may be on (-1: none looked for). */
  let bylineBy = -1;
  const end = Math.min(lines.lineCount, startLine + TOP_LINES);
  for (let n = startLine; n < end; n++) {
    const text = lines.line(n);
    // The top of the document ends where code starts; a heading is a title when it is a first
    // or second level one (the map's headings).
    if (blocks.isCode(n)) break;
    const roleLine = ROLE_LINE.exec(text) ?? ROLE_CELL.exec(text);
    if (roleLine) {
      const found = readRole(framework, roleLine[0].lastIndexOf(roleLine[2]), roleLine[2], n, 'role-line', false);
      if (found) return found;
      continue;
    }
    const h = blocks.heading(n);
    const heading = h && h.depth <= 2 ? h : undefined;
    if (heading && !titleSeen) {
      titleSeen = true;
      const words = heading.text;
      title = readRole(framework, text.indexOf(words, heading.start), words, n, 'title', true);
      if (!title?.role) bylineBy = n + 2;
    } else if (!heading && n <= bylineBy && text.trim()) {
      // The line under a title that names no role: a byline (`Developer, Payments squad · …`)
      // whose first part is exactly a role level.
      bylineBy = -1;
      const byline = readByline(framework, text, n);
      if (byline) title = byline;
    }
  }
  return title;
}

/** A role level that is the first part of a line (before a comma, a dot or a dash), exactly. */
function readByline(framework: Framework, text: string, n: number): BodyRole | undefined {
  const clean = text.replace(/[*_`]+/g, (m) => ' '.repeat(m.length));
  const first = parts(clean)[1];
  const role = first && framework.findRoleLevel(first.text);
  return role ? { located: new LineSpan(text.slice(first.start, first.end), n, first.start, first.end), source: 'byline', role } : undefined;
}

/**
 * A role level named by `value` (at `offset` in line `n`): the whole value, or one of its parts
 * (`Senior data engineer - Home Office`, `Senior data engineer (SEO)`). A title that names none
 * is a near miss only when it is close: every word found in a role level's name, or all but a
 * seniority word (`Junior data engineer`).
 */
function readRole(
  framework: Framework,
  offset: number,
  value: string,
  n: number,
  source: BodyRole['source'],
  strict: boolean,
): BodyRole | undefined {
  const clean = withoutLinks(value).replace(/[*_`]+/g, (m) => ' '.repeat(m.length));
  const pieces = parts(clean);
  for (const part of pieces) {
    const role = framework.findRoleLevel(part.text);
    if (role) return { located: new LineSpan(value.slice(part.start, part.end), n, offset + part.start, offset + part.end), source, role };
  }
  const whole = pieces[0];
  if (!whole || whole.text.split(/\s+/).length > 6) return undefined;
  const suggestions = framework.suggestRoleLevels(whole.text, 3).filter((ref) => closeEnough(whole.text, ref, strict));
  if (suggestions.length === 0) return undefined;
  const located = new LineSpan(value.slice(whole.start, whole.end), n, offset + whole.start, offset + whole.end);
  return { located, source, suggestions };
}

/** A text with each link (`[Lead developer](https://…)`) as its words, the rest blanked: every offset stays put. */
function withoutLinks(text: string): string {
  return text.includes('](') ? text.replace(/\[([^\]]*)\]\([^)]*\)/g, (m, words: string) => ` ${words}${' '.repeat(m.length - words.length - 1)}`) : text;
}

/** A role level named by a link in a list item: one that is misspelt, with the role levels meant. */
export interface RoleLink {
  located: Located;
  suggestions: RoleLevelRef[];
}

const LINK = /\[([^\][\n]{3,80})\]\([^)\s]*\)/g;

/**
 * The role levels a list names by links (`* G7 Solution architect = [Senior technical
 * architect](…)`, as a department maps its job titles to the framework's): when at least two
 * links name role levels exactly, the links that are a typo of one (`[Principle technical
 * architect](…)`) are returned with the role levels meant. Other lists of links are no lists of
 * role levels.
 */
export function findRoleLinks(blocks: BlockMap, framework: Framework): RoleLink[] {
  const lines = blocks.read;
  const startLine = blocks.bodyStart;
  if (framework.roleLevels.length === 0 || startLine >= lines.lineCount) return [];
  const text = lines.text;
  // The lines of the links that name role levels exactly, and the other links' words, each line
  // read once; whether a line is code is asked only of the links that count, not of every link
  // (a link near the end would have the whole document's blocks classified).
  const exactLines: number[] = [];
  const others: LineSpan[] = [];
  for (let at = text.indexOf('](', lines.starts[startLine]); at >= 0; ) {
    const n = lines.lineOf(at);
    const line = lines.line(n);
    if (listLead(line) >= 0) {
      LINK.lastIndex = 0;
      for (let m = LINK.exec(line); m; m = LINK.exec(line)) {
        const words = m[1].trim();
        const start = m.index + 1 + m[1].indexOf(words);
        if (framework.findRoleLevel(words)) exactLines.push(n);
        else if (/\s/.test(words)) others.push(new LineSpan(words, n, start, start + words.length));
      }
    }
    if (n + 1 >= lines.lineCount) break;
    at = text.indexOf('](', lines.starts[n + 1]);
  }
  if (exactLines.length < 2) return [];
  let exact = 0;
  for (const n of exactLines) if (!blocks.isCode(n) && ++exact === 2) break;
  if (exact < 2) return [];
  const misses: RoleLink[] = [];
  for (const located of others) {
    const suggestions = framework.suggestRoleLevels(located.text, 3).filter((ref) => misspelt(located.text, ref.level.name));
    if (suggestions.length && !blocks.isCode(located.line)) misses.push({ located, suggestions });
  }
  return misses;
}

/** Whether a name is a role level's with a few letters wrong: two in a name of twenty letters, one more each ten. */
function misspelt(written: string, name: string): boolean {
  const a = normalizeName(written);
  return editDistance(a, normalizeName(name)) <= Math.max(2, Math.floor(a.length / 10));
}

/** The value, then its parts split at dashes, bars, middle dots, bullets, commas and colons, each without a bracketed end. */
function parts(value: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const add = (start: number, end: number) => {
    let s = start;
    let e = end;
    const bracket = /\s*[([][^()[\]]*[)\]]\s*$/.exec(value.slice(s, e));
    if (bracket) e = s + bracket.index;
    while (s < e && /\s/.test(value[s])) s++;
    while (e > s && /[\s.]/.test(value[e - 1])) e--;
    if (e > s && !out.some((p) => p.start === s && p.end === e)) out.push({ text: value.slice(s, e), start: s, end: e });
  };
  add(0, value.length);
  const separators = /\s+[-\u2013\u2014|\u00b7\u2022]\s+|[,:|]\s*/g;
  let from = 0;
  for (let m = separators.exec(value); m; m = separators.exec(value)) {
    add(from, m.index);
    from = m.index + m[0].length;
  }
  if (from > 0) add(from, value.length);
  return out;
}

/** Every word of the title is in the role level's name, but for at most one seniority word; a
 *  `Role:` line (not strict) takes any suggestion. */
function closeEnough(title: string, ref: RoleLevelRef, strict: boolean): boolean {
  if (!strict) return true;
  const own = ref.level.name.toLowerCase().split(/\s+/);
  const missing = title
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w && w !== 'of' && w !== 'and' && !own.some((o) => o === w || (w.length >= 3 && o.startsWith(w)) || (w.length >= 4 && editDistance(w, o) <= 1) || (w.length >= 7 && editDistance(w, o) <= 2)));
  return missing.length === 0 || (missing.length === 1 && SENIORITY_WORD.test(missing[0]));
}
