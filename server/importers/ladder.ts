// Imports a career-ladder level (seed 001, L3 Senior Cloud Security Engineer) as the framework
// `ladder`: ladder levels are its scale and competency areas play the part of skills.
import type { FrameworkData, ImportReport, LevelData, SkillData } from '../src/framework/model';
import { contentLines, FrameworkImport, ImportError } from './common';
import { describeRepairs, repairMacRoman } from './textRepair';

export const LADDER_SEED = '001_71ed0c4c6d282dfb.txt';

export const LADDER_EXPECTED_COUNTS: Record<string, number> = {
  levels: 1,
  competencyAreas: 4,
  statements: 20,
  examples: 18,
  metadata: 4,
};

const LEVEL_HEADING = /^# (L\d+): (.+)$/;
const PERSONA = /^> (.+)$/;
const METADATA = /^- \*\*(.+?)\*\*: (.+)$/;
const AREA_HEADING = /^## (?:(\p{Extended_Pictographic}\uFE0F?) )?(.+)$/u;
const LIST_ITEM = /^- (.+)$/;
const EXAMPLES_SUMMARY = '<summary>Examples</summary>';
const DETAILS_OPEN = '<details>';
const DETAILS_CLOSE = '</details>';

/** `_text_`, `*text*`, `**text**` -> `text`. */
function stripEmphasis(text: string): string {
  return text.replace(/(\*\*|\*|_)(\S(?:.*?\S)?)\1/g, '$2');
}

export function importLadder(text: string): FrameworkImport {
  // The area icons are emoji whose UTF-8 bytes were read as Mac Roman (`ü¶â` for 🦉).
  const repaired = repairMacRoman(text);
  const report: ImportReport = {
    source: LADDER_SEED,
    repaired: describeRepairs(repaired.repairs, 'Mac Roman'),
    skipped: [],
    counts: {},
  };

  let level: LevelData | undefined;
  const metadata: Record<string, string> = {};
  const areas: { skill: SkillData; statements: string[]; examples: string[] }[] = [];
  let inDetails = false;
  let inExamples = false;

  for (const line of contentLines(repaired.text)) {
    const text = line.text.trim();
    const unexpected = (message: string) =>
      new ImportError(LADDER_SEED, line.number, `${message}: ${JSON.stringify(line.text)}`);
    const area = areas[areas.length - 1];
    const levelHeading = LEVEL_HEADING.exec(text);
    const persona = PERSONA.exec(text);
    const metadataItem = METADATA.exec(text);
    const areaHeading = AREA_HEADING.exec(text);
    const listItem = LIST_ITEM.exec(text);

    if (levelHeading && !level) {
      level = { id: levelHeading[1], name: levelHeading[2] };
    } else if (persona && level && !area) {
      level.description = stripEmphasis(persona[1]);
    } else if (metadataItem && level && !area) {
      // A key as written (`__proto__` too) is an own property, never the object's prototype.
      Object.defineProperty(metadata, metadataItem[1], { value: stripEmphasis(metadataItem[2]), enumerable: true, writable: true, configurable: true });
    } else if (areaHeading && level && !inDetails) {
      const skill: SkillData = { name: areaHeading[2] };
      if (areaHeading[1]) skill.icon = areaHeading[1];
      areas.push({ skill, statements: [], examples: [] });
    } else if (text === DETAILS_OPEN && area && !inDetails) {
      inDetails = true;
    } else if (text === EXAMPLES_SUMMARY && inDetails) {
      inExamples = true;
    } else if (text === DETAILS_CLOSE && inDetails) {
      inDetails = inExamples = false;
    } else if (listItem && area && !inDetails) {
      area.statements.push(listItem[1]);
    } else if (listItem && area && inExamples) {
      area.examples.push(listItem[1]);
    } else {
      throw unexpected('unexpected line');
    }
  }
  if (!level) throw new ImportError(LADDER_SEED, 1, 'no level heading (`# L3: …`)');
  if (Object.keys(metadata).length > 0) level.metadata = metadata;

  const levelId = level.id;
  const skills = areas.map(({ skill, statements, examples }) => {
    if (statements.length === 0) throw new ImportError(LADDER_SEED, 0, `${skill.name} has no statements`);
    return { ...skill, levels: { [levelId]: examples.length > 0 ? { statements, examples } : { statements } } };
  });
  report.counts = {
    levels: 1,
    competencyAreas: skills.length,
    statements: areas.reduce((sum, area) => sum + area.statements.length, 0),
    examples: areas.reduce((sum, area) => sum + area.examples.length, 0),
    metadata: Object.keys(metadata).length,
  };
  const data: FrameworkData = {
    id: 'ladder',
    name: 'Cloud engineering career ladder',
    shortName: 'Career ladder',
    source: `Career ladder level ${level.id}: ${level.name}`,
    levelNoun: 'level',
    skillNoun: 'competency area',
    levels: [level],
    skills,
  };
  return { data, report };
}
