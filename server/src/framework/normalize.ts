// One normal form for every name lookup, so that matching is case-, quote- and
// spacing-insensitive everywhere (documents, CLI arguments, framework files).

// Typographic quotes and dashes, and runs of (or unusual) spaces: most names have none.
const TYPOGRAPHIC = /[\u2018\u2019\u02bc`\u201c\u201d\u2010-\u2015]/;
const ODD_SPACE = /\s\s|[^\S ]/;

/**
 * Lower case, straight quotes and hyphens, single spaces, and no markup or punctuation at either
 * end. The parser and the checks call this for every phrase and every indicator, so each step
 * runs only when its test finds something to change, and the ends are trimmed with one slice.
 */
export function normalizeName(text: string): string {
  let s = text.toLowerCase();
  if (TYPOGRAPHIC.test(s)) s = s.replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2010-\u2015]/g, '-');
  if (ODD_SPACE.test(s)) s = s.replace(/\s+/g, ' ');
  let start = 0;
  let end = s.length;
  while (start < end && isSpaceOrMarkup(s.charCodeAt(start))) start++;
  while (end > start && (isSpaceOrMarkup(s.charCodeAt(end - 1)) || isEndPunctuation(s.charCodeAt(end - 1)))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** A space, `*` or `_`, dropped at either end (only plain spaces are left by then). */
function isSpaceOrMarkup(c: number): boolean {
  return c === 32 || c === 42 || c === 95;
}

/** `.`, `:`, `;` or `,`, dropped at the end. */
function isEndPunctuation(c: number): boolean {
  return c === 46 || c === 58 || c === 59 || c === 44;
}

/** Splits `Technical understanding (accessibility)` into base name and qualifier. */
export function splitQualifier(text: string): { base: string; qualifier?: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text);
  if (!m || !m[1].trim()) return { base: text.trim() };
  return { base: m[1].trim(), qualifier: m[2].trim() };
}

/** Levenshtein distance, for the few-item lists (levels, grades) where a fuzzy index is overkill. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/**
 * A to Z, ignoring case, then as written. Not localeCompare: the first call loads Intl's
 * collation data, megabytes of the server's memory, to order a list of ASCII names.
 */
export function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
