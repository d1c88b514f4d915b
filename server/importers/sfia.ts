// Imports the SFIA 9 skill page for Infrastructure operations (seed 004) as the framework `sfia`.
import type { FrameworkData, ImportReport, LevelData, SkillData, SkillLevelData } from '../src/framework/model';
import { contentLines, FrameworkImport, ImportError } from './common';
import { describeRepairs, repairWindows1252 } from './textRepair';

export const SFIA_SEED = '004_9f2eeebda056b183.txt';

export const SFIA_EXPECTED_COUNTS: Record<string, number> = {
  levels: 7,
  definedLevels: 5,
  undefinedLevels: 2,
  statements: 24,
  notes: 4,
};

/** The SFIA levels of responsibility. The page shows only the levels the skill defines, so the
 *  names of all seven come from SFIA itself; the page's names are checked against them.
 *  Aliases: `Level N` and the name as SFIA pages write it (`Ensure, advise`). */
export const SFIA_LEVELS: LevelData[] = [
  { id: '1', name: 'Follow', aliases: ['Level 1', 'Follow'] },
  { id: '2', name: 'Assist', aliases: ['Level 2', 'Assist'] },
  { id: '3', name: 'Apply', aliases: ['Level 3', 'Apply'] },
  { id: '4', name: 'Enable', aliases: ['Level 4', 'Enable'] },
  { id: '5', name: 'Ensure/advise', aliases: ['Level 5', 'Ensure, advise'] },
  { id: '6', name: 'Initiate/influence', aliases: ['Level 6', 'Initiate, influence'] },
  { id: '7', name: 'Set strategy/inspire/mobilise', aliases: ['Level 7', 'Set strategy, inspire, mobilise'] },
];

/** The page names neither the skill nor its code; they are the page's identity in SFIA. */
const SKILL_NAME = 'Infrastructure operations';
const SKILL_CODE = 'ITOP';

const DESCRIPTION_HEADING = 'Skill description';
const NOTES_HEADING = 'Guidance notes';
/** The page glues the level number to its name: `Level 1Follow`. */
const LEVEL_HEADING = /^Level (\d)( ?)(\S.*)$/;
const LIST_ITEM = /^- (.+)$/;
/** The page's comment widget, after the last level. */
const PAGE_CHROME = [
  /^No notes added yet\.$/,
  /^Comments$/,
  /^\d+ comments?$/,
  /^Please sign in to leave a comment\.$/,
];

export function importSfia(text: string): FrameworkImport {
  const repaired = repairWindows1252(text);
  const report: ImportReport = {
    source: SFIA_SEED,
    repaired: describeRepairs(repaired.repairs, 'Windows-1252'),
    skipped: [],
    counts: {},
  };

  type Section = 'start' | 'description' | 'notes' | 'level' | 'chrome';
  let section: Section = 'start';
  const description: string[] = [];
  const notes: string[] = [];
  const statementsByLevel = new Map<string, string[]>();
  let levelStatements: string[] = [];

  for (const line of contentLines(repaired.text)) {
    const text = line.text.trim();
    const unexpected = (message: string) =>
      new ImportError(SFIA_SEED, line.number, `${message}: ${JSON.stringify(line.text)}`);
    const levelHeading = LEVEL_HEADING.exec(text);

    if (PAGE_CHROME.some((pattern) => pattern.test(text))) {
      report.skipped.push(`line ${line.number}: page chrome ${JSON.stringify(text)}`);
      section = 'chrome';
    } else if (section === 'chrome') {
      throw unexpected('text after the page chrome');
    } else if (text === DESCRIPTION_HEADING && section === 'start') {
      section = 'description';
    } else if (text === NOTES_HEADING && section === 'description') {
      section = 'notes';
    } else if (levelHeading && section !== 'start') {
      // A skill covers a run of levels, lowest first; the page writes `Ensure, advise` for `Ensure/advise`.
      const level = SFIA_LEVELS.find((candidate) => candidate.id === levelHeading[1]);
      const previous = [...statementsByLevel.keys()].at(-1);
      const ascending = !previous || Number(levelHeading[1]) > Number(previous);
      if (!level || !ascending || levelHeading[3] !== level.name.replace(/\//g, ', ')) {
        throw unexpected('not the next SFIA level or not its name');
      }
      if (!levelHeading[2]) {
        report.repaired.push(
          `line ${line.number}: split ${JSON.stringify(text)} into level ${level.id} "${level.name}"`,
        );
      }
      levelStatements = [];
      statementsByLevel.set(level.id, levelStatements);
      section = 'level';
    } else if (section === 'description') {
      description.push(text);
    } else if (section === 'notes') {
      // A list continues the paragraph that introduces it ("Activities may include…:").
      const item = LIST_ITEM.exec(text);
      if (item && notes.length > 0) notes[notes.length - 1] += `\n- ${item[1]}`;
      else notes.push(text);
    } else if (section === 'level') {
      levelStatements.push(text);
    } else {
      throw unexpected('unexpected line');
    }
  }

  const levels: Record<string, SkillLevelData | null> = {};
  for (const level of SFIA_LEVELS) {
    const statements = statementsByLevel.get(level.id);
    levels[level.id] = statements ? { statements } : null;
  }
  const skill: SkillData = {
    name: SKILL_NAME,
    code: SKILL_CODE,
    description: description.join('\n\n'),
    levels,
    notes,
  };
  report.counts = {
    levels: SFIA_LEVELS.length,
    definedLevels: statementsByLevel.size,
    undefinedLevels: SFIA_LEVELS.length - statementsByLevel.size,
    statements: [...statementsByLevel.values()].reduce((sum, statements) => sum + statements.length, 0),
    notes: notes.length,
  };
  const data: FrameworkData = {
    id: 'sfia',
    name: 'SFIA 9',
    shortName: 'SFIA',
    source: 'SFIA 9 skill page: Infrastructure operations (ITOP)',
    levelNoun: 'level',
    skillNoun: 'skill',
    levels: SFIA_LEVELS,
    skills: [skill],
  };
  return { data, report };
}
