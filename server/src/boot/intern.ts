// A start-up and memory trick of the boot table (boot/start.ts): string interning by slicing.
// SKILL_LENS_INTERN=off turns it off (to measure it).
import { caches } from '../caches';

// `process` is Node's: the browser's worker has none, and interns.
const INTERN = typeof process === 'undefined' || process.env.SKILL_LENS_INTERN !== 'off';

/**
 * The same text in a string of its own, one per distinct text. A slice of the document keeps
 * the whole document's text alive, and mentions are kept across versions: without this, every
 * version of a long advert would stay in memory. Names and levels repeat, so one copy serves
 * all their mentions.
 */
export function own(text: string): string {
  // V8 copies a substring shorter than 13 characters anyway.
  return text.length < 13 ? text : ownAlways(text);
}

export function ownAlways(text: string): string {
  if (!INTERN) return text;
  let kept = owned.get(text);
  if (kept === undefined) {
    if (owned.size >= 20_000) owned.clear();
    // Concatenating and slicing again makes V8 copy the characters into a new string.
    kept = (' ' + text).slice(1);
    owned.set(kept, kept);
  }
  return kept;
}
const owned = caches.map<string, string>();
