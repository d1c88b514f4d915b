// One normal form for every name lookup, so that matching is case-, quote- and
// spacing-insensitive everywhere (documents, CLI arguments, framework files).

// What normalizeName would change beyond lower-casing: typographic quotes and dashes, runs of
// or unusual spaces, and markup or punctuation at either end. Most names have none of it.
const NEEDS_WORK = /[\u2018\u2019\u02bc`\u201c\u201d\u2010-\u2015]|\s\s|[^\S ]|^[\s*_]|[\s*_.:;,]$/;

export function normalizeName(text: string): string {
  const lower = text.toLowerCase();
  // The parser and the checks call this for every phrase; the common case is one regex test.
  return NEEDS_WORK.test(lower) ? normalizeFully(lower) : lower;
}

/** normalizeName without its shortcut: every replacement applied (to lower-cased text). */
export function normalizeFully(lower: string): string {
  return lower
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s*_]+|[\s*_.:;,]+$/g, '')
    .trim();
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
