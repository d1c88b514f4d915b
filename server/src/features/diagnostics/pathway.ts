// Pathway checks: grade maps (level-order), topics' levels (repeated-indicator, copied-description).
import { Diagnostic } from 'vscode-languageserver-types';
import { type Framework } from '../../framework/framework';
import { LevelData } from '../../framework/model';
import { normalizeName } from '../../framework/normalize';
import type { Located, ParsedDocument, PathwayTopic } from '../../documents/model';
import { checkContext, quoteList, Report, reporter } from './report';
import { caches } from '../../caches';
import { checkDefined, levelAsWritten, reportUnknownLevel } from './levels';

/** Text compared for "repeats the level below": case, spacing and final punctuation ignored. */
function comparable(s: string): string {
  const n = normalizeName(s);
  // normalizeName already drops final spaces, full stops, colons, semicolons and commas.
  return n.endsWith('!') ? n.replace(/[.!;:,\s]+$/, '') : n;
}

export function checkPathway(doc: ParsedDocument, framework: Framework, out: Diagnostic[], report: Report, keep = true): void {
  const pathway = doc.pathway!;
  const graded: Graded[] = [];
  for (const { grade, level } of pathway.gradeLevels) {
    const l = framework.findLevelOrNumber(level.text);
    if (!l) reportUnknownLevel(level, framework, report, true);
    graded.push({ grade, level: l, at: level, key: true });
  }
  checkGradeOrder(graded, framework, report);
  // A topic's levels are checked again only when the topic changed (or the settings did).
  const context = checkContext(framework, undefined, { quiet: false, review: false });
  const topics = pathway.topics;
  const kept = topicFindings.reuse(doc.uri, topics, context);
  const all = new Array<{ context: object; diagnostics: Diagnostic[] }>(topics.length);
  if (keep) topicFindings.set(doc.uri, topics, all);
  for (let i = 0; i < topics.length; i++) {
    let found = kept(i);
    if (!found) {
      const diagnostics: Diagnostic[] = [];
      checkTopicLevels(topics[i], framework, reporter(diagnostics));
      found = { context, diagnostics };
    }
    all[i] = found;
    for (const d of found.diagnostics) out.push(d);
  }
}

/** Each document's topics at its last check, and what was found of them: an unchanged topic keeps them. */
const topicFindings = caches.kept<PathwayTopic, { context: object; diagnostics: Diagnostic[] }>();

/** A grade of a grade map, and the level it maps to (undefined when that is not a level). */
interface Graded {
  grade: Located;
  level: LevelData | undefined;
  at: Located;
  /** The grade is a key of the map (a `content[].grade` is not): another key cannot take its name. */
  key?: boolean;
}

/**
 * unknown-grade for each grade that is not one; level-order where a higher grade maps to a lower
 * level. `topic`: the skill of a topic's own grade map.
 */
function checkGradeOrder(entries: Graded[], framework: Framework, report: Report, topic?: string): void {
  if (framework.grades.length === 0) {
    // SFIA, a ladder: nothing to check the grades against. Said once, on the pathway's own map.
    if (!topic && entries.length) {
      const { grade } = entries[0];
      report('unknown-grade', grade.range, `"${grade.text}" is not a grade in ${framework.shortName}, which has none: the grades of this pathway are not checked.`, undefined, 'information');
    }
    return;
  }
  const ranked: { rank: number; grade: string; level: LevelData; at: Located }[] = [];
  // Grades already keys of the map: a misspelt key replaced by one of them would be a duplicate
  // key, which YAML refuses.
  const taken = new Set(entries.filter((e) => e.key).map((e) => framework.findGrade(e.grade.text)?.id));
  for (const { grade, level, at, key } of entries) {
    const g = framework.findGrade(grade.text);
    if (!g) {
      const free = framework.grades.filter((x) => !key || !taken.has(x.id));
      const suggestions = framework
        .suggestGrades(grade.text, framework.grades.length)
        .filter((s) => free.includes(s))
        .slice(0, 2)
        .map((s) => s.id);
      const hint = suggestions.length
        ? `Did you mean ${quoteList(suggestions)}?`
        : free.length
          ? `Use one of ${free.map((x) => x.id).join(', ')}.`
          : 'Every grade is mapped already: remove it.';
      report('unknown-grade', grade.range, `"${grade.text}" is not a grade. ${hint}`, { replacements: suggestions });
    } else if (level) ranked.push({ rank: g.rank, grade: grade.text, level, at });
  }
  // level-order: every grade must need at least the level of each lower grade.
  ranked.sort((a, b) => a.rank - b.rank);
  let highest: (typeof ranked)[number] | undefined;
  for (const entry of ranked) {
    if (highest && framework.levelIndex(entry.level) < framework.levelIndex(highest.level) && entry.rank > highest.rank) {
      const maps = topic ? `maps ${topic} to` : 'maps to';
      report(
        'level-order',
        entry.at.range,
        `Grade ${entry.grade} ${maps} ${entry.level.name.toLowerCase()}, below ${highest.level.name.toLowerCase()} for the lower grade ${highest.grade}. A higher grade cannot need a lower level.`,
        { replacements: [levelAsWritten(entry.at.text, highest.level, framework)] },
      );
    } else if (!highest || framework.levelIndex(entry.level) >= framework.levelIndex(highest.level)) highest = entry;
  }
}

/**
 * A topic's levels: each must be on the scale and defined for the skill; a grade given with a
 * level (a topic's own grade map, or `content[].grade`) must not need less than a lower grade;
 * and a level must not repeat the one below it.
 */
function checkTopicLevels(topic: PathwayTopic, framework: Framework, report: Report): void {
  const skill = framework.resolveSkill(topic.name.text);
  const levelOf = (written: Located, taken?: ReadonlySet<LevelData>): LevelData | undefined => {
    const level = framework.findLevelOrNumber(written.text);
    if (!level) reportUnknownLevel(written, framework, report, true, taken);
    else if (skill) checkDefined(written, level, skill, framework, report);
    return level;
  };
  // The levels that are keys of each map (`pathway`, `levels`).
  const keys = { pathway: new Set<LevelData>(), levels: new Set<LevelData>() };
  for (const entry of topic.levels) {
    const level = entry.mapKey && framework.findLevelOrNumber(entry.level.text);
    if (level) keys[entry.mapKey!].add(level);
  }
  const known: { level: LevelData; entry: PathwayTopic['levels'][number] }[] = [];
  const graded: Graded[] = [];
  for (const entry of topic.levels) {
    const level = levelOf(entry.level, entry.mapKey && keys[entry.mapKey]);
    if (level) known.push({ level, entry });
    if (entry.grade) graded.push({ grade: entry.grade, level, at: entry.level });
  }
  for (const { grade, level } of topic.gradeLevels) graded.push({ grade, level: levelOf(level), at: level, key: true });
  checkGradeOrder(graded, framework, report, topic.name.text);

  // Each level against the level below it; levels given more than once (per grade) as one.
  known.sort((a, b) => framework.levelIndex(a.level) - framework.levelIndex(b.level));
  let below: { name: string; descriptions: Set<string>; indicators: Set<string> } | undefined;
  for (let i = 0; i < known.length; ) {
    const level = known[i].level;
    const here = { name: level.name.toLowerCase(), descriptions: new Set<string>(), indicators: new Set<string>() };
    for (; i < known.length && known[i].level === level; i++) {
      const { description, indicators } = known[i].entry;
      if (description) {
        const key = comparable(description.text);
        here.descriptions.add(key);
        if (below?.descriptions.has(key)) {
          report(
            'copied-description',
            description.range,
            `The ${here.name} description of ${topic.name.text} repeats ${below.name} word for word. Say what someone at ${here.name} can do beyond ${below.name}.`,
          );
        }
      }
      for (const indicator of indicators) {
        const key = comparable(indicator.text);
        here.indicators.add(key);
        if (below?.indicators.has(key)) {
          report(
            'repeated-indicator',
            indicator.range,
            `This ${here.name} indicator of ${topic.name.text} repeats ${below.name} word for word. Say what changes at ${here.name}, or remove it.`,
          );
        }
      }
    }
    below = here;
  }
}
