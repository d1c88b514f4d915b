// Fuzzy search over skill names, qualifiers, aliases and former names: did-you-mean for
// unknown names, and ranking the names that start with what is typed (Framework.findSkills; what
// starts no name is searched by what skills are about, in topicSearch.ts).
//
// A name matches when what was typed lies within 40% edits of some stretch of it (an
// approximate substring match), scored as a bitap search scores it: the share of the query
// that had to change, raised to 1/sqrt(words in the name) so that longer names are not
// favoured. The edit distance is Myers' bit-parallel algorithm: one pass over the name with a
// few word operations per character, so a query over every name of DDaT costs well under a
// millisecond, and little more before the code has warmed up.
import type { Framework } from './framework';
import { SkillData, skillFullName } from './model';
import { compareNames, editDistance, normalizeName, splitQualifier } from './normalize';

interface Entry {
  text: string;
  /** The skill's index in the framework's list. */
  index: number;
  /** 1/sqrt(number of words), rounded to 3 places. */
  norm: number;
}

export interface RankedSkill {
  skill: SkillData;
  /** 0 is a perfect match, 1 is no match. */
  score: number;
}

/** Queries longer than this are a paste, not a typo: only their start is matched. */
const MAX_QUERY = 32;
/** The share of the query that may be edited for a name to match at all. */
const THRESHOLD = 0.4;

export class SkillSearch {
  private readonly entries: Entry[] = [];
  private readonly skills: readonly SkillData[];
  /** Each skill's place A to Z (by index in the framework), and the index at each place:
   *  the tie-break between equal scores, worked out on first use. */
  private places?: { place: Int32Array; atPlace: Int32Array };

  constructor(framework: Framework) {
    this.skills = framework.skills;
    framework.skills.forEach((skill, index) => {
      const names = [skillFullName(skill), skill.qualifier, ...(skill.aliases ?? []), ...(skill.formerNames ?? [])];
      for (const name of names) {
        if (!name) continue;
        const text = normalizeName(name);
        this.entries.push({ text, index, norm: Math.round(1000 / Math.sqrt(wordCount(text))) / 1000 });
      }
    });
  }

  private readonly suggestions = new Map<string, SkillData[]>();

  /** Closest skills to a misspelt name, best first. Remembered: a typo is often repeated. */
  suggest(text: string, max: number): SkillData[] {
    const key = `${max}\u0000${text}`;
    let found = this.suggestions.get(key);
    if (!found) {
      if (this.suggestions.size > 5000) this.suggestions.clear();
      found = this.rank(text, max)
        .filter((r) => r.score < 0.35)
        .map((r) => r.skill);
      if (!found.length) found = this.byWords(text, max);
      // `Software desing (SWDN)`: a code or qualifier the framework does not give that skill
      // keeps the name from being close as a whole; the name alone may be.
      const { base, qualifier } = splitQualifier(text);
      if (!found.length && qualifier !== undefined) found = this.suggest(base, max);
      this.suggestions.set(key, found);
    }
    return found;
  }

  /**
   * Skills whose name has every word of a name of two words or more, in order, each spelt right
   * or one letter off (words of five letters or more): a name written short and misspelt,
   * `Stakeholder managment` for Stakeholder relationship management, which is too far from any
   * name as a whole. The fewest words left out first.
   */
  private byWords(text: string, max: number): SkillData[] {
    const words = normalizeName(text).split(/[^a-z0-9]+/).filter(Boolean);
    if (words.length < 2) return [];
    const same = (a: string, b: string) => a === b || (a.length >= 5 && b.length >= 5 && Math.abs(a.length - b.length) <= 1 && editDistance(a, b) <= 1);
    const found = new Map<number, number>();
    for (const e of this.entries) {
      const name = e.text.split(/[^a-z0-9]+/).filter(Boolean);
      let at = 0;
      let all = true;
      for (const w of words) {
        while (at < name.length && !same(w, name[at])) at++;
        if (at === name.length) {
          all = false;
          break;
        }
        at++;
      }
      const left = name.length - words.length;
      if (all && (found.get(e.index) ?? Infinity) > left) found.set(e.index, left);
    }
    return [...found].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, max).map(([index]) => this.skills[index]);
  }

  /**
   * The skills matching what the user has typed, prefix matches first, then fuzzy, equal scores
   * A to Z: all of them, or the best `limit`. A framework of thousands of skills can match
   * thousands of names; only the best are ever put in order.
   */
  rank(text: string, limit = Infinity): RankedSkill[] {
    const query = normalizeName(text);
    if (!query) return [];
    const scores = new Float64Array(this.skills.length).fill(Infinity);
    let matched = 0;
    const keep = (index: number, score: number) => {
      const old = scores[index];
      if (score < old) {
        if (old === Infinity) matched++;
        scores[index] = score;
      }
    };
    const pattern = new Pattern(query.slice(0, MAX_QUERY));
    const allowed = Math.floor(THRESHOLD * pattern.length + 1e-9);
    const spaced = ' ' + query;
    // A name shorter than the query by more than the edits allowed cannot match.
    const shortest = pattern.length - allowed;
    for (const e of this.entries) {
      if (e.text.startsWith(query)) keep(e.index, 0);
      else if (e.text.includes(spaced)) keep(e.index, 0.05);
      if (e.text.length < shortest) continue;
      const edits = pattern.distanceIn(e.text, allowed);
      if (edits <= allowed) keep(e.index, Math.max(0.1, Math.pow(Math.max(0.001, edits / pattern.length), e.norm)));
    }
    if (matched === 0) return [];
    const { place, atPlace } = this.alphabetical();
    let chosen: number[] = [];
    for (let i = 0; i < scores.length; i++) if (scores[i] !== Infinity) chosen.push(i);
    if (matched > limit) {
      // The limit-th best score; every better one is kept, and of those that tie with it the
      // first A to Z (numeric sorts of typed arrays, no comparator called per pair).
      const threshold = Float64Array.from(chosen, (i) => scores[i]).sort()[limit - 1];
      const better = chosen.filter((i) => scores[i] < threshold);
      const tied = Int32Array.from(chosen.filter((i) => scores[i] === threshold), (i) => place[i]).sort();
      chosen = better;
      for (let k = 0; k < tied.length && chosen.length < limit; k++) chosen.push(atPlace[tied[k]]);
    }
    return chosen
      .sort((a, b) => scores[a] - scores[b] || place[a] - place[b])
      .map((i) => ({ skill: this.skills[i], score: scores[i] }));
  }

  private alphabetical(): { place: Int32Array; atPlace: Int32Array } {
    if (!this.places) {
      const n = this.skills.length;
      const names = this.skills.map(skillFullName);
      const atPlace = Int32Array.from({ length: n }, (_, i) => i);
      atPlace.sort((a, b) => compareNames(names[a], names[b]) || a - b);
      const place = new Int32Array(n);
      atPlace.forEach((index, p) => (place[index] = p));
      this.places = { place, atPlace };
    }
    return this.places;
  }
}

function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = (c >= 9 && c <= 13) || c === 32 || c === 160;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return Math.max(1, words);
}

/** A query of at most 32 characters, prepared for bit-parallel matching. */
export class Pattern {
  readonly length: number;
  /** For each character, the bits of the positions where the query has it. */
  private readonly ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();

  constructor(readonly text: string) {
    if (text.length > 32) throw new Error('a pattern holds at most 32 characters');
    this.length = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) this.ascii[c] |= 1 << i;
      else this.other.set(c, (this.other.get(c) ?? 0) | (1 << i));
    }
  }

  /**
   * The fewest insertions, deletions and substitutions that turn the query into some stretch
   * of `text` (Myers 1999, searching form). Stops early, returning a value above `limit`,
   * when no stretch can come within `limit`.
   */
  distanceIn(text: string, limit = 32): number {
    const m = this.length;
    if (m === 0) return 0;
    const high = 1 << (m - 1);
    let pv = -1; // vertical deltas +1 (all ones: column 0 is 0, 1, 2 … m)
    let mv = 0; // vertical deltas -1
    let score = m;
    let best = m;
    const n = text.length;
    for (let j = 0; j < n; j++) {
      const c = text.charCodeAt(j);
      const eq = c < 128 ? this.ascii[c] : (this.other.get(c) ?? 0);
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      // Row 0 stays 0 (a match may start anywhere), so no 1 is shifted in.
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score < best) {
        best = score;
        if (best === 0) return 0;
      }
      // The score falls by at most one per remaining character.
      if (score - (n - j - 1) > limit && best > limit) return best;
    }
    return best;
  }
}
