// unknown-level, undefined-level and level-mismatch: a level written with a skill or in a pathway.
import { type Framework, type RoleLevelRef } from '../../framework/framework';
import { LevelData, SkillData, skillFullName } from '../../framework/model';
import type { Located, SkillMention } from '../../documents/model';
import { quoteList, Report } from './report';
import { caches } from '../../caches';

export function checkLevel(m: SkillMention, skill: SkillData | undefined, framework: Framework, role: RoleLevelRef | undefined, report: Report): void {
  const written = m.level!;
  const level = framework.findLevel(written.text);
  if (!level) {
    reportUnknownLevel(written, framework, report);
    return;
  }
  if (!skill || !checkDefined(written, level, skill, framework, report)) return;
  if (role) {
    const name = skillFullName(skill);
    const required = framework.requiredLevel(role, skill);
    if (required && required.id !== level.id) {
      report(
        'level-mismatch',
        written.range,
        `${role.level.name} needs ${name} at ${required.name.toLowerCase()}, not ${level.name.toLowerCase()}.`,
        { replacements: [matchCase(written.text, required)] },
      );
    }
  }
}

/** undefined-level when the framework does not define the skill at the level written; whether it does. */
export function checkDefined(written: Located, level: LevelData, skill: SkillData, framework: Framework, report: Report): boolean {
  const name = skillFullName(skill);
  const defined = definedLevels(framework, skill);
  if (!defined) {
    const what = skill.category ? `a ${skill.category} ${framework.skillNoun}` : `a ${framework.skillNoun}`;
    report('undefined-level', written.range, `${name} is ${what} with no ${framework.levelNoun}s: remove "${written.text}".`);
    return false;
  }
  if (!framework.skillLevel(skill, level)) {
    report(
      'undefined-level',
      written.range,
      `${framework.shortName} does not define ${name} at ${level.name.toLowerCase()}. Defined: ${defined.map((l) => l.name.toLowerCase()).join(', ')}.`,
      { replacements: defined.map((l) => levelAsWritten(written.text, l, framework)) },
    );
    return false;
  }
  return true;
}

/**
 * The levels a skill defines, in scale order; undefined for a skill with no levels at all (a
 * skill that lists its levels as "not defined" has an empty list). Worked out once per skill:
 * a long advert checks the same few skills thousands of times.
 */
export function definedLevels(framework: Framework, skill: SkillData): LevelData[] | undefined {
  let found = definedLevelsCache.get(skill);
  if (found === undefined) {
    found = !skill.levels || Object.keys(skill.levels).length === 0 ? null : framework.levels.filter((l) => framework.skillLevel(skill, l));
    definedLevelsCache.set(skill, found);
  }
  return found ?? undefined;
}
export const definedLevelsCache = caches.weak<SkillData, LevelData[] | null>();

/** A level name in the case the user wrote: `working`, `Working` or `WORKING`. */
export function matchCase(written: string, level: LevelData): string {
  // Names such as a ladder's `Senior Cloud Security Engineer` keep their case.
  if (!/^[a-z]+$/.test(level.id)) return level.name;
  const word = level.id;
  if (written === written.toUpperCase() && /[A-Z]/.test(written)) return word.toUpperCase();
  if (/^[A-Z]/.test(written)) return word.charAt(0).toUpperCase() + word.slice(1);
  return /^[a-z]/.test(written) ? word.toLowerCase() : word;
}

/** A level written the way `written` is: its number when that is a number, else its name in the same case. */
export function levelAsWritten(written: string, level: LevelData, framework: Framework): string {
  return Number.isNaN(framework.levelNumber(written)) ? matchCase(written, level) : String(framework.levelIndex(level) + 1);
}

/** `numbered`: a pathway's level, which may be its number on the scale. */
export function reportUnknownLevel(level: Located, framework: Framework, report: Report, numbered = false, taken?: ReadonlySet<LevelData>): void {
  // A level that is a map key is never replaced by another key of that map (a duplicate key).
  const free = (l: LevelData) => !taken?.has(l);
  // A number past the scale (`5` in a pathway, `level 5`, `Level 5 - Master` in a document): the
  // writer counts levels, so say how far they go rather than which word is spelt alike.
  const n = numbered ? framework.levelNumber(level.text) : NaN;
  const levelN = Number.isNaN(n) ? /^(?:level\s*)?(\d+)(?![\d.])/i.exec(level.text.trim()) : null;
  // A number on the scale where a document is read by names (`| Testing | 2 |`, `Testing: 2`):
  // the level at that place is what was meant.
  const meant = levelN && !framework.levels.some((l) => l.id === levelN[1]) ? framework.levels[Number(levelN[1]) - 1] : undefined;
  if (meant) {
    const name = matchCase(level.text, meant);
    report('unknown-level', level.range, `"${level.text.trim()}" is not a ${framework.levelNoun} in ${framework.shortName}: write the level's name. Did you mean "${name}" (level ${levelN![1]})?`, {
      replacements: free(meant) ? [name] : [],
    });
    return;
  }
  if (!Number.isNaN(n) || (levelN && !framework.levels.some((l) => l.id === levelN[1]))) {
    const count = framework.levels.length;
    const [first, last] = [framework.levels[0], framework.levels[count - 1]];
    // A pathway's number is replaced by a number, a document's `level 5` by a level's name.
    const nearest = Math.min(Math.max(n, 1), count);
    const replacements = Number.isNaN(n) ? framework.levels.filter(free).map((l) => matchCase(level.text, l)) : free(framework.levels[nearest - 1]) ? [String(nearest)] : [];
    report(
      'unknown-level',
      level.range,
      `"${level.text.trim()}" is not a ${framework.levelNoun} in ${framework.shortName}, which has ${count}: use a number from 1 (${first.name.toLowerCase()}) to ${count} (${last.name.toLowerCase()}).`,
      { replacements },
    );
    return;
  }
  const suggestions = framework
    .suggestLevels(level.text, framework.levels.length)
    .filter(free)
    .slice(0, 2)
    .map((l) => matchCase(level.text, l));
  const all = framework.levels.filter(free).map((l) => matchCase(level.text, l));
  const hint = suggestions.length ? `Did you mean ${quoteList(suggestions)}?` : `Use one of: ${all.join(', ')}.`;
  report('unknown-level', level.range, `"${level.text}" is not a ${framework.levelNoun} in ${framework.shortName}. ${hint}`, {
    replacements: suggestions.length ? suggestions : all,
  });
}
