// Search by what a skill is about: the searches a user drives (Show skill, workspace symbols,
// completion when what is typed starts no name) over each skill's name, former names, qualifier,
// description and statements, so that "cloud sec" or "kubernetes" finds the skills whose text
// says so. fuse.js does the matching: each word of the query is matched on its own, allowing a
// typo or two, and the skills are ranked by how rare the words they match are (BM25) and by
// where they match, a name counting most and a level statement least.
//
// SkillSearch (search.ts) stays what it is, the edit distance from a misspelt name to the names:
// did-you-mean, and ranking names that start with what is typed.
import Fuse from 'fuse.js';
import type { Framework } from './framework';
import { SkillData, skillFullName } from './model';
import { editDistance, normalizeName } from './normalize';
import type { RankedSkill } from './search';

interface Entry {
  name: string;
  /** Former names and other names users write (aliases). */
  former: string[];
  qualifier: string;
  description: string;
  statements: string[];
}

/** Where a word counts most: the name, then former names, qualifier, description, statements. */
const KEYS = [
  { name: 'name', weight: 5 },
  { name: 'former', weight: 4 },
  { name: 'qualifier', weight: 2 },
  { name: 'description', weight: 1.5 },
  { name: 'statements', weight: 1 },
];

/**
 * The most of a query the search reads: its cost grows with the query's length (about 1 ms a
 * character over DDaT), and 1,000 characters took 1.2 s, 100,000 had no answer in 30 s, while
 * every other request waited. What people type to find a skill is a few words; the longest
 * name with its qualifier is under 90 characters, and names are ranked by SkillSearch first.
 */
export const MAX_TOPIC_QUERY = 64;

/** The words of a query the search reads: in lower case, spaced once, cut after a whole word within MAX_TOPIC_QUERY. */
function topicQuery(text: string): string {
  // Cut before the spaces are collapsed, so that a long text is never copied whole.
  const query = text.slice(0, MAX_TOPIC_QUERY * 4).trim().toLowerCase().replace(/\s+/g, ' ');
  if (query.length <= MAX_TOPIC_QUERY) return query;
  const cut = query.lastIndexOf(' ', MAX_TOPIC_QUERY);
  return query.slice(0, cut > 0 ? cut : MAX_TOPIC_QUERY);
}

export class TopicSearch {
  private readonly fuse: Fuse<Entry>;
  private readonly skills: readonly SkillData[];
  /** Answers by query: completion asks again for each key typed, and a word is often retyped. */
  private readonly found = new Map<string, RankedSkill[]>();

  constructor(framework: Framework) {
    this.skills = framework.skills;
    const renamedTo = new Map<string, string[]>();
    for (const r of framework.renames) {
      const skill = framework.resolveSkill(r.to);
      if (skill) renamedTo.set(skillFullName(skill), [...(renamedTo.get(skillFullName(skill)) ?? []), r.from]);
    }
    const entries = framework.skills.map((skill): Entry => {
      const name = skillFullName(skill);
      const statements = [...(skill.statements ?? [])];
      for (const level of Object.values(skill.levels ?? {})) if (level) statements.push(...level.statements);
      return {
        name,
        former: [...(skill.formerNames ?? []), ...(renamedTo.get(name) ?? []), ...(skill.aliases ?? [])],
        qualifier: skill.qualifier ?? '',
        description: skill.description ?? '',
        statements,
      };
    });
    this.fuse = new Fuse(entries, {
      keys: KEYS,
      useTokenSearch: true,
      includeScore: true,
      ignoreLocation: true,
      // A word of the query matches a word of the text with about one edit in four: "kubernets"
      // finds Kubernetes, "cloud" does not find "could".
      threshold: 0.3,
    });
  }

  /** The skills whose text matches words of the query, best first (score 0 best, 1 worst). */
  find(text: string, limit = 200): RankedSkill[] {
    const query = topicQuery(text);
    if (!query) return [];
    const key = `${limit}\u0000${query}`;
    let found = this.found.get(key);
    if (!found) {
      if (this.found.size > 1000) this.found.clear();
      found = this.fuse.search(query, { limit }).map((r) => ({ skill: this.skills[r.refIndex], score: r.score ?? 1 }));
      this.found.set(key, found);
    }
    return found;
  }
}

const SMALL_WORDS = new Set(['and', 'of', 'the', 'for', 'in', 'to', 'with', 'a', 'an', 'on']);

/** A name's words, without the small ones. */
export function contentWords(text: string): string[] {
  return normalizeName(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !SMALL_WORDS.has(w));
}

/** How many of `words` a name's words hold, each used once. */
export function sharedWords(words: string[], name: string[]): number {
  const used = new Set<number>();
  let shared = 0;
  for (const w of words) {
    const at = name.findIndex((n, i) => !used.has(i) && sameStem(w, n));
    if (at >= 0) {
      used.add(at);
      shared++;
    }
  }
  return shared;
}

/** The same word, one letter off (five letters or more), or the same stem of six (`statistical`, `statistics`). */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) >= 5 && Math.abs(a.length - b.length) <= 1 && editDistance(a, b) <= 1) return true;
  let p = 0;
  while (p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p >= 6;
}
