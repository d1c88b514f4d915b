// Imports the DDaT skills A to Z (seed 003) and the DDaT skill level scale (seed 000's body).
import type { FrameworkData, ImportReport, LevelData, SkillData, SkillLevelData } from '../src/framework/model';
import { contentLines, FrameworkImport, ImportError, SourceLine } from './common';
import { cleanCell, type CleaningTally } from './csv';
import { describeRepairs, repairWindows1252 } from './textRepair';

export const DDAT_SKILLS_SEED = '003_58c179cc699620f3.txt';
export const DDAT_SCALE_SEED = '000_b2b494ddee045005.txt';

export const DDAT_SKILLS_EXPECTED_COUNTS: Record<string, number> = {
  skills: 188,
  levelledSkills: 166,
  seniorCivilServiceSkills: 22,
  skillLevels: 664,
  undefinedSkillLevels: 60,
  levelStatements: 1804,
  seniorCivilServiceStatements: 70,
  seniorCivilServiceExamples: 70,
  skillsWithoutDescription: 63,
  levelledSkillsWithoutDescription: 41,
  qualifiedSkills: 26,
  roleLinks: 439,
};

/** The scale, lowest first; `level N` is how people number it ("the first of 4 ascending skill levels"). */
const DDAT_LEVELS = [
  { id: 'awareness', name: 'Awareness' },
  { id: 'working', name: 'Working' },
  { id: 'practitioner', name: 'Practitioner' },
  { id: 'expert', name: 'Expert' },
];

const LEVEL_DEFINITION = /^- \*\*(\w+)\.\*\* (.+)$/;
const SKILL_HEADING = /^## (\S.*)$/;
/** A "You can" lead-in that the source turned into a heading; it is not a skill. */
const STRAY_LEAD_IN = /^##\s+You can:?$/;
const LEVEL_HEADING = /^(\d)\. (\w+)$/;
const BULLET = /^ {2}- (.+)$/;
const ROLE_LINK = /^- \[([^\]]+)\]\(\/role\/[a-z0-9-]+\)$/;
/** The SCS examples heading, which the source glues onto the last "You can" bullet. */
const EXAMPLES_HEADING = /^(.*?)Examples of leadership using this skill:$/;
const QUALIFIED_NAME = /^(.+) \(([^()]+)\)$/;
const SOURCE_URL = /^<(https:\/\/\S+)>$/;

const NOT_DEFINED = 'This skill level is currently not defined.';
const SENIOR_CIVIL_SERVICE = 'Senior Civil Service.';
const YOU_CAN = 'You can:';
const ROLES_HEADING = 'Roles that require this skill:';

/** Reads the four level definitions (`- **Awareness.** You know about the skill…`) from seed 000. */
export function parseDdatLevelScale(pathwayText: string): LevelData[] {
  const definitions = new Map<string, string>();
  for (const line of contentLines(pathwayText)) {
    const match = LEVEL_DEFINITION.exec(line.text);
    if (match && DDAT_LEVELS.some((level) => level.name === match[1])) {
      definitions.set(match[1], match[2]);
    }
  }
  return DDAT_LEVELS.map((level, index) => {
    const description = definitions.get(level.name);
    if (!description) {
      throw new ImportError(DDAT_SCALE_SEED, 0, `no definition of the level ${level.name}`);
    }
    return { id: level.id, name: level.name, aliases: [`level ${index + 1}`], description };
  });
}

type Section =
  | { kind: 'description' }
  | { kind: 'level'; levelId: string }
  | { kind: 'leadership-statements' }
  | { kind: 'leadership-examples' }
  | { kind: 'roles' };

interface SkillDraft {
  heading: SourceLine;
  fullName: string;
  description: string[];
  seniorCivilService: boolean;
  levelBullets: Map<string, string[]>;
  statements: string[];
  examples: string[];
  roles: string[];
}

/** Builds the DDaT framework's scale and skills (no roles yet: see ddatRole.ts). The scale is
 *  read from seed 000's body, or given (a newer A to Z page carries no level definitions). */
export function importDdatSkills(skillsText: string, scale: string | LevelData[], sourceName = DDAT_SKILLS_SEED): FrameworkImport {
  const repairedSkills = repairWindows1252(skillsText);
  const repairedPathway = repairWindows1252(typeof scale === 'string' ? scale : '');
  const report: ImportReport = {
    source: sourceName,
    repaired: [
      ...describeRepairs(repairedSkills.repairs, 'Windows-1252'),
      ...describeRepairs(repairedPathway.repairs, 'Windows-1252').map((line) => `${DDAT_SCALE_SEED}: ${line}`),
    ],
    skipped: [],
    counts: {},
  };

  let source: string | undefined;
  const drafts: SkillDraft[] = [];
  let draft: SkillDraft | undefined;
  let section: Section = { kind: 'description' };
  const cleaned: CleaningTally = new Map();

  for (const line of contentLines(repairedSkills.text)) {
    const unexpected = (message: string) =>
      new ImportError(sourceName, line.number, `${message}: ${JSON.stringify(line.text)}`);
    const text = line.text;

    if (STRAY_LEAD_IN.test(text)) {
      if (!draft || section.kind !== 'level') throw unexpected('stray "You can" heading outside a skill level');
      report.skipped.push(
        `line ${line.number}: stray heading ${JSON.stringify(text)} in ${draft.fullName} (${section.levelId}) ` +
          'is not a skill; the bullets under it are kept at that level',
      );
      continue;
    }
    const heading = SKILL_HEADING.exec(text);
    if (heading) {
      draft = {
        heading: line,
        fullName: heading[1].trim(),
        description: [],
        seniorCivilService: false,
        levelBullets: new Map(),
        statements: [],
        examples: [],
        roles: [],
      };
      drafts.push(draft);
      section = { kind: 'description' };
      continue;
    }
    if (!draft) {
      const url = SOURCE_URL.exec(text);
      if (url) source = url[1];
      else report.skipped.push(`line ${line.number}: page header ${JSON.stringify(text)}`);
      continue;
    }

    const levelHeading = LEVEL_HEADING.exec(text);
    if (levelHeading) {
      const expected = DDAT_LEVELS[draft.levelBullets.size];
      const inOrder =
        expected && Number(levelHeading[1]) === draft.levelBullets.size + 1 && levelHeading[2] === expected.name;
      if (!inOrder || draft.seniorCivilService) throw unexpected('skill level out of order');
      draft.levelBullets.set(expected.id, []);
      section = { kind: 'level', levelId: expected.id };
      continue;
    }
    if (text === SENIOR_CIVIL_SERVICE) {
      if (section.kind !== 'description') throw unexpected('Senior Civil Service marker after levels');
      draft.seniorCivilService = true;
      section = { kind: 'leadership-statements' };
      continue;
    }
    if (text === YOU_CAN) {
      if (section.kind !== 'level' && section.kind !== 'leadership-statements') {
        throw unexpected('"You can:" outside a level');
      }
      continue;
    }
    if (text === ROLES_HEADING) {
      section = { kind: 'roles' };
      continue;
    }

    const bullet = BULLET.exec(text);
    // A few bullets start with `&nbsp;` or a second space: cleaned the way CSV cells are.
    if (bullet) bullet[1] = cleanCell(bullet[1], cleaned);
    if (bullet && section.kind === 'level') {
      draft.levelBullets.get(section.levelId)!.push(bullet[1]);
    } else if (bullet && section.kind === 'leadership-statements') {
      const glued = EXAMPLES_HEADING.exec(bullet[1]);
      if (glued) {
        if (glued[1]) draft.statements.push(glued[1]);
        report.repaired.push(
          `line ${line.number}: split "Examples of leadership using this skill" off a statement of ${draft.fullName}`,
        );
        section = { kind: 'leadership-examples' };
      } else {
        draft.statements.push(bullet[1]);
      }
    } else if (bullet && section.kind === 'leadership-examples') {
      draft.examples.push(bullet[1]);
    } else if (section.kind === 'roles') {
      const role = ROLE_LINK.exec(text);
      if (!role) throw unexpected('not a role link');
      draft.roles.push(role[1]);
    } else if (section.kind === 'description' && !bullet) {
      draft.description.push(text.trim());
    } else {
      throw unexpected('unexpected line');
    }
  }

  for (const [kind, n] of cleaned) report.repaired.push(`${kind}: ${n}`);
  const skills = drafts.map((d) => finishSkill(d, sourceName));
  countSkills(report, skills, drafts);
  const data: FrameworkData = {
    id: 'ddat',
    name: 'UK Government Digital and Data Profession Capability Framework',
    shortName: 'DDaT',
    source,
    levelNoun: 'skill level',
    skillNoun: 'skill',
    levels: typeof scale === 'string' ? parseDdatLevelScale(repairedPathway.text) : structuredClone(scale),
    skills,
  };
  return { data, report };
}

function finishSkill(draft: SkillDraft, source: string): SkillData {
  const invalid = (message: string) =>
    new ImportError(source, draft.heading.number, `${draft.fullName}: ${message}`);
  const qualified = QUALIFIED_NAME.exec(draft.fullName);
  const skill: SkillData = qualified ? { name: qualified[1], qualifier: qualified[2] } : { name: draft.fullName };
  if (draft.seniorCivilService) skill.category = 'Senior Civil Service';
  if (draft.description.length > 0) skill.description = draft.description.join('\n\n');

  if (draft.seniorCivilService) {
    if (draft.statements.length === 0 || draft.examples.length === 0) {
      throw invalid('Senior Civil Service skill without statements or examples');
    }
    skill.statements = draft.statements;
    skill.examples = draft.examples;
  } else {
    if (draft.levelBullets.size !== DDAT_LEVELS.length) {
      throw invalid(`has ${draft.levelBullets.size} of ${DDAT_LEVELS.length} levels`);
    }
    const levels: Record<string, SkillLevelData | null> = {};
    for (const [levelId, bullets] of draft.levelBullets) {
      if (bullets.length === 0) throw invalid(`${levelId} has no statements`);
      if (bullets.includes(NOT_DEFINED) && bullets.length > 1) {
        throw invalid(`${levelId} is both defined and not defined`);
      }
      levels[levelId] = bullets[0] === NOT_DEFINED ? null : { statements: bullets };
    }
    skill.levels = levels;
  }
  if (draft.roles.length === 0) throw invalid('no roles');
  skill.roles = draft.roles;
  return skill;
}

function countSkills(report: ImportReport, skills: SkillData[], drafts: SkillDraft[]): void {
  const levelled = skills.filter((skill) => skill.levels);
  const skillLevels = levelled.flatMap((skill) => Object.values(skill.levels!));
  const leadership = skills.filter((skill) => skill.category === 'Senior Civil Service');
  report.counts = {
    skills: skills.length,
    levelledSkills: levelled.length,
    seniorCivilServiceSkills: leadership.length,
    skillLevels: skillLevels.length,
    undefinedSkillLevels: skillLevels.filter((level) => level === null).length,
    levelStatements: skillLevels.reduce((sum, level) => sum + (level?.statements.length ?? 0), 0),
    seniorCivilServiceStatements: leadership.reduce((sum, skill) => sum + skill.statements!.length, 0),
    seniorCivilServiceExamples: leadership.reduce((sum, skill) => sum + skill.examples!.length, 0),
    skillsWithoutDescription: skills.filter((skill) => !skill.description).length,
    levelledSkillsWithoutDescription: levelled.filter((skill) => !skill.description).length,
    qualifiedSkills: skills.filter((skill) => skill.qualifier).length,
    roleLinks: drafts.reduce((sum, draft) => sum + draft.roles.length, 0),
  };
}
