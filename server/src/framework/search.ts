// Fuzzy search over skill names, qualifiers, aliases and former names: did-you-mean for
// unknown names and ranking for completion.
import Fuse from 'fuse.js';
import type { Framework } from './framework';
import { SkillData, skillFullName } from './model';
import { normalizeName } from './normalize';

interface Entry {
  text: string;
  skill: SkillData;
}

export interface RankedSkill {
  skill: SkillData;
  /** 0 is a perfect match, 1 is no match. */
  score: number;
}

export class SkillSearch {
  private readonly fuse: Fuse<Entry>;
  private readonly entries: Entry[] = [];

  constructor(framework: Framework) {
    for (const skill of framework.skills) {
      const names = [skillFullName(skill), skill.qualifier, ...(skill.aliases ?? []), ...(skill.formerNames ?? [])];
      for (const name of names) if (name) this.entries.push({ text: normalizeName(name), skill });
    }
    this.fuse = new Fuse(this.entries, {
      keys: ['text'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4,
    });
  }

  private readonly suggestions = new Map<string, SkillData[]>();

  /** Closest skills to a misspelt name, best first. Remembered: a typo is often repeated. */
  suggest(text: string, max: number): SkillData[] {
    const key = `${max}\u0000${text}`;
    let found = this.suggestions.get(key);
    if (!found) {
      if (this.suggestions.size > 5000) this.suggestions.clear();
      found = this.rank(text)
        .filter((r) => r.score < 0.35)
        .slice(0, max)
        .map((r) => r.skill);
      this.suggestions.set(key, found);
    }
    return found;
  }

  /** Every skill matching what the user has typed, prefix matches first, then fuzzy. */
  rank(text: string): RankedSkill[] {
    const query = normalizeName(text);
    if (!query) return [];
    const best = new Map<SkillData, number>();
    const keep = (skill: SkillData, score: number) => {
      const old = best.get(skill);
      if (old === undefined || score < old) best.set(skill, score);
    };
    for (const e of this.entries) {
      if (e.text.startsWith(query)) keep(e.skill, 0);
      else if (e.text.includes(' ' + query)) keep(e.skill, 0.05);
    }
    // Fuse's bitap search is limited to 32-character patterns; longer text is a paste, not a typo.
    for (const r of this.fuse.search(query.slice(0, 32))) keep(r.item.skill, Math.max(0.1, r.score ?? 1));
    return [...best.entries()]
      .map(([skill, score]) => ({ skill, score }))
      .sort((a, b) => a.score - b.score || skillFullName(a.skill).localeCompare(skillFullName(b.skill)));
  }
}
