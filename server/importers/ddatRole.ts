// Imports a DDaT role page (seed 002, Infrastructure engineer) into the DDaT framework built from
// the skills A to Z: role levels with grades and required skill levels, shared skills, grades and
// the rename history of the page's "Updates" log.
import {
  FrameworkData,
  GradeData,
  ImportReport,
  RenameData,
  RoleData,
  RoleLevelData,
  RoleSkillData,
  SkillData,
  skillFullName,
} from '../src/framework/model';
import { contentLines, FrameworkImport, ImportError, SourceLine } from './common';
import { describeRepairs, repairWindows1252 } from './textRepair';

export const DDAT_ROLE_SEED = '002_feb4cb126deefb83.txt';

export const DDAT_ROLE_EXPECTED_COUNTS: Record<string, number> = {
  roleLevels: 5,
  roleSkillLevels: 57,
  skillsAtLevel1: 9,
  skillsAtLevel2: 12,
  skillsAtLevel3: 12,
  skillsAtLevel4: 12,
  skillsAtLevel5: 12,
  responsibilities: 14,
  roleStatements: 107,
  sharedSkillRoles: 5,
  sharedSkills: 23,
  renames: 1,
};

/** Civil Service grades, most junior first. Aliases are the other ways adverts and pathways write them. */
export const CIVIL_SERVICE_GRADES: GradeData[] = [
  { id: 'AA', name: 'Administrative Assistant', rank: 1 },
  { id: 'AO', name: 'Administrative Officer', rank: 2 },
  { id: 'EO', name: 'Executive Officer', rank: 3 },
  { id: 'HEO', name: 'Higher Executive Officer', rank: 4 },
  { id: 'SEO', name: 'Senior Executive Officer', rank: 5 },
  { id: 'G7', name: 'Grade 7', aliases: ['Grade 7', '7'], rank: 6 },
  { id: 'G6', name: 'Grade 6', aliases: ['Grade 6', '6'], rank: 7 },
  { id: 'SCS1', name: 'Deputy director', aliases: ['SCS', 'SCS1', 'Deputy director'], rank: 8 },
];

/** Role-page skill names that the skills A to Z spells differently. They become aliases of the
 *  A to Z skill; the page's Updates log records no rename for them. */
const ROLE_PAGE_SKILL_NAMES: Record<string, string> = {
  'Modern standards approach': 'Modern development standards',
};

const ORDINALS = ['first', 'second', 'third', 'fourth'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const BULLET = /^\s*\u2022 (.+)$/;
const ROLE_NOUN_HEADING = /^What an? (.+) does$/;
const ROLE_LEVELS_HEADING = /^(.+) role levels$/;
const ROLE_LEVEL_COUNT = /^There are (\d+) /;
const ROLE_LEVEL_HEADING = /^(\d+)\. (.+)$/;
const SKILL_LEVEL = /^Level: (\w+)$/;
const SKILL_LEVEL_ORDINAL = /^(\w+) is the (\w+) of 4 ascending skill levels$/;
const DATE = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/;
const RENAME = /^The \u2018(.+)\u2019 skill has been renamed \u2018(.+)\u2019/;
const YOU_CAN = 'You can:';
const SHARED_SKILLS_HEADING = 'Role Shared skills';
const UPDATES_HEADING = 'Updates';

type RoleLevelSection = 'summary' | 'responsibilities' | 'grades' | 'skills';
type Section = 'header' | 'description' | 'levels-intro' | RoleLevelSection | 'shared-skills' | 'updates';

/** The headings inside a role level and the section each starts. */
const ROLE_LEVEL_SUBHEADINGS: Record<string, RoleLevelSection | undefined> = {
  'At this role level, you will:': 'responsibilities',
  'This role level is often performed at the Civil Service job grade of:': 'grades',
  'Skill Description': 'skills',
};

function isRoleLevelSection(section: Section): section is RoleLevelSection {
  return section === 'summary' || section === 'responsibilities' || section === 'grades' || section === 'skills';
}

/** A rename as the Updates log states it, names still in the log's lower case. */
interface LoggedRename {
  line: SourceLine;
  from: string;
  to: string;
  date: string;
  note: string;
}

interface RolePage {
  family: RoleData;
  renames: LoggedRename[];
}

/** Adds the role page to a DDaT framework (from importDdatSkills) and returns the merged framework. */
export function importDdatRole(roleText: string, ddat: FrameworkData): FrameworkImport {
  const repaired = repairWindows1252(roleText);
  const report: ImportReport = {
    source: DDAT_ROLE_SEED,
    repaired: describeRepairs(repaired.repairs, 'Windows-1252'),
    skipped: [],
    counts: {},
  };
  const page = parseRolePage(
    repaired.text,
    ddat.levels.map((level) => level.id),
    report,
  );
  const skills = structuredClone(ddat.skills);
  const family = resolveSkills(page.family, skills, report);
  const renames = page.renames.map((rename) => applyRename(rename, skills));

  report.counts = {
    roleLevels: family.levels.length,
    roleSkillLevels: family.levels.reduce((sum, level) => sum + level.skills.length, 0),
    ...Object.fromEntries(family.levels.map((level, index) => [`skillsAtLevel${index + 1}`, level.skills.length])),
    responsibilities: family.levels.reduce((sum, level) => sum + level.responsibilities.length, 0),
    roleStatements: family.levels.reduce(
      (sum, level) => sum + level.skills.reduce((inner, skill) => inner + (skill.statements?.length ?? 0), 0),
      0,
    ),
    sharedSkillRoles: family.sharedSkills?.length ?? 0,
    sharedSkills: family.sharedSkills?.reduce((sum, shared) => sum + shared.skills.length, 0) ?? 0,
    renames: renames.length,
  };
  const data: FrameworkData = {
    ...ddat,
    skills,
    roles: [family],
    grades: CIVIL_SERVICE_GRADES,
    renames,
  };
  return { data, report };
}

function parseRolePage(text: string, levelIds: string[], report: ImportReport): RolePage {
  const lines = contentLines(text);
  const header: SourceLine[] = [];
  let familyName: string | undefined;
  const description: string[] = [];
  const levels: RoleLevelData[] = [];
  const sharedSkills: { role: string; skills: string[] }[] = [];
  const renames: LoggedRename[] = [];
  let announcedLevels: number | undefined;
  let section: Section = 'header';
  let level: RoleLevelData | undefined;
  let skill: RoleSkillData | undefined;
  let updateDate: string | undefined;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const text = line.text.trim();
    const unexpected = (message: string) =>
      new ImportError(DDAT_ROLE_SEED, line.number, `${message}: ${JSON.stringify(line.text)}`);
    const bullet = BULLET.exec(line.text)?.[1];

    if (section === 'header') {
      const roleNoun = ROLE_NOUN_HEADING.exec(text);
      if (!roleNoun) {
        header.push(line);
        continue;
      }
      familyName = takeTitle(header, roleNoun[1], report);
      if (!familyName) throw unexpected(`no page title for the role "${roleNoun[1]}"`);
      section = 'description';
      continue;
    }
    if (section === 'description') {
      if (ROLE_LEVELS_HEADING.test(text)) section = 'levels-intro';
      else description.push(text);
      continue;
    }

    const levelHeading = ROLE_LEVEL_HEADING.exec(text);
    if (levelHeading && section !== 'shared-skills' && section !== 'updates') {
      if (Number(levelHeading[1]) !== levels.length + 1) throw unexpected('role level out of order');
      level = { name: levelHeading[2], responsibilities: [], grades: [], skills: [] };
      levels.push(level);
      section = 'summary';
      skill = undefined;
      continue;
    }
    if (section === 'levels-intro') {
      const count = ROLE_LEVEL_COUNT.exec(text);
      if (count) announcedLevels = Number(count[1]);
      else report.skipped.push(`line ${line.number}: role levels introduction ${JSON.stringify(text)}`);
      continue;
    }
    if (text === SHARED_SKILLS_HEADING || text === UPDATES_HEADING) {
      section = text === SHARED_SKILLS_HEADING ? 'shared-skills' : 'updates';
      continue;
    }

    if (level && isRoleLevelSection(section)) {
      const subheading = Object.hasOwn(ROLE_LEVEL_SUBHEADINGS, text) ? ROLE_LEVEL_SUBHEADINGS[text] : undefined;
      if (subheading) {
        section = subheading;
      } else if (section === 'skills') {
        skill = readSkillLine(line, lines[index + 1], { level, skill, levelIds }, unexpected);
      } else if (section === 'summary' && !bullet) {
        level.summary = level.summary ? `${level.summary}\n\n${text}` : text;
      } else if (section === 'responsibilities' && bullet) {
        level.responsibilities.push(bullet);
      } else if (section === 'grades' && bullet) {
        const grade = gradeIdFor(bullet);
        if (!grade) throw unexpected('unknown grade');
        level.grades.push(grade);
      } else {
        throw unexpected('unexpected line in a role level');
      }
      continue;
    }

    if (section === 'shared-skills') {
      // The table lists a role, then the skills it shares with this family: skills are the ones on this page.
      const isSkill = levels.some((roleLevel) => roleLevel.skills.some((entry) => entry.skill === text));
      const sharedRole = sharedSkills[sharedSkills.length - 1];
      if (!isSkill) sharedSkills.push({ role: text, skills: [] });
      else if (sharedRole) sharedRole.skills.push(text);
      else throw unexpected('shared skill before any role');
      continue;
    }

    if (section === 'updates') {
      const date = DATE.exec(text);
      const rename = RENAME.exec(bullet ?? '');
      if (date) {
        updateDate = isoDate(date, unexpected);
      } else if (bullet && rename && updateDate) {
        renames.push({ line, from: rename[1], to: rename[2], date: updateDate, note: bullet });
      } else {
        report.skipped.push(`line ${line.number}: update log entry ${JSON.stringify(text)} (not framework data)`);
      }
      continue;
    }
    throw unexpected('unexpected line');
  }

  if (!familyName) throw new ImportError(DDAT_ROLE_SEED, 0, 'no "What a … does" heading');
  if (announcedLevels !== levels.length) {
    throw new ImportError(
      DDAT_ROLE_SEED,
      0,
      `the page announces ${announcedLevels} role levels, found ${levels.length}`,
    );
  }
  const family: RoleData = { name: familyName, description: description.join('\n\n'), levels };
  if (sharedSkills.length > 0) family.sharedSkills = sharedSkills;
  return { family, renames };
}

/** The page title is the header line naming the role ("Infrastructure engineer"); the rest is page chrome. */
function takeTitle(header: SourceLine[], roleNoun: string, report: ImportReport): string | undefined {
  const title = header.find((line) => line.text.trim().toLowerCase() === roleNoun.toLowerCase());
  for (const line of header) {
    if (line !== title) report.skipped.push(`line ${line.number}: page header ${JSON.stringify(line.text.trim())}`);
  }
  return title?.text.trim();
}

/** Reads one line of a role level's skills table; returns the skill being read. */
function readSkillLine(
  line: SourceLine,
  next: SourceLine | undefined,
  { level, skill, levelIds }: { level: RoleLevelData; skill: RoleSkillData | undefined; levelIds: string[] },
  unexpected: (message: string) => ImportError,
): RoleSkillData {
  const text = line.text.trim();
  const bullet = BULLET.exec(line.text)?.[1];
  const skillLevel = SKILL_LEVEL.exec(text);
  const ordinal = SKILL_LEVEL_ORDINAL.exec(text);
  if (skill?.statements && bullet) {
    skill.statements.push(bullet);
  } else if (skill && skillLevel && !skill.level) {
    skill.level = skillLevel[1];
  } else if (skill && ordinal) {
    // "Working is the second of 4 ascending skill levels" must agree with "Level: working".
    if (ordinal[1].toLowerCase() !== skill.level || ORDINALS[levelIds.indexOf(skill.level)] !== ordinal[2]) {
      throw unexpected(`does not match the level ${skill.level}`);
    }
  } else if (skill && text === YOU_CAN) {
    skill.statements = [];
  } else if (!bullet && next && SKILL_LEVEL.test(next.text.trim())) {
    skill = { skill: text, level: '' };
    level.skills.push(skill);
  } else {
    throw unexpected('unexpected line in a skills table');
  }
  return skill;
}

/** Grade id for a bullet such as `G7 (Grade 7)` or `Deputy director or equivalent`. */
function gradeIdFor(text: string): string | undefined {
  const [, label, longForm] = /^(.+?)(?: \((.+)\))?(?: or equivalent)?$/.exec(text) ?? [];
  const grade = CIVIL_SERVICE_GRADES.find((candidate) =>
    [candidate.id, candidate.name, ...(candidate.aliases ?? [])].some(
      (name) => name.toLowerCase() === label?.toLowerCase(),
    ),
  );
  if (!grade || (longForm && longForm !== grade.name)) return undefined;
  return grade.id;
}

function isoDate(match: RegExpExecArray, unexpected: (message: string) => ImportError): string {
  const month = MONTHS.indexOf(match[2]) + 1;
  if (month === 0) throw unexpected('unknown month');
  return `${match[3]}-${String(month).padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}

/** Points each role skill at its A to Z skill, checks the level exists, and lists the role on the skill. */
function resolveSkills(family: RoleData, skills: SkillData[], report: ImportReport): RoleData {
  const byFullName = new Map(skills.map((skill) => [skillFullName(skill).toLowerCase(), skill]));
  const resolve = (sourceName: string): SkillData => {
    const qualified = /^(.+) \((.+)\)$/.exec(sourceName);
    // A qualifier naming this very role (`(infrastructure engineer)`) narrows nothing: the A to Z has one such skill.
    const unqualified =
      qualified && qualified[2].toLowerCase() === family.name.toLowerCase() ? qualified[1] : undefined;
    const aliasOf = Object.hasOwn(ROLE_PAGE_SKILL_NAMES, sourceName) ? ROLE_PAGE_SKILL_NAMES[sourceName] : undefined;
    const skill =
      byFullName.get(sourceName.toLowerCase()) ??
      (unqualified && byFullName.get(unqualified.toLowerCase())) ??
      (aliasOf && byFullName.get(aliasOf.toLowerCase()));
    if (!skill)
      throw new ImportError(
        DDAT_ROLE_SEED,
        0,
        `the role page names "${sourceName}", which the skills A to Z does not have`,
      );
    if (aliasOf && !skill.aliases?.includes(sourceName)) {
      skill.aliases = [...(skill.aliases ?? []), sourceName];
      report.repaired.push(`"${sourceName}" on the role page is the A to Z skill "${aliasOf}": added as its alias`);
    }
    if (!skill.roles?.includes(family.name)) {
      skill.roles = [...(skill.roles ?? []), family.name];
      report.repaired.push(
        `added the role "${family.name}" to "${skillFullName(skill)}" (the A to Z does not list it)`,
      );
    }
    return skill;
  };

  const levels = family.levels.map((level) => ({
    name: level.name,
    ...(level.summary ? { summary: level.summary } : {}),
    responsibilities: level.responsibilities,
    grades: level.grades,
    skills: level.skills.map((entry) => {
      const skill = resolve(entry.skill);
      const name = skillFullName(skill);
      if (!skill.levels?.[entry.level]) {
        throw new ImportError(
          DDAT_ROLE_SEED,
          0,
          `${level.name} requires ${name} at ${entry.level}, which the A to Z does not define`,
        );
      }
      const resolved: RoleSkillData = {
        skill: name,
        ...(name !== entry.skill ? { sourceName: entry.skill } : {}),
        level: entry.level,
      };
      if (entry.statements) resolved.statements = entry.statements;
      return resolved;
    }),
  }));
  const sharedSkills = family.sharedSkills?.map((shared) => ({
    role: shared.role,
    skills: shared.skills.map((name) => skillFullName(resolve(name))),
  }));
  return { ...family, levels, ...(sharedSkills ? { sharedSkills } : {}) };
}

/** Records a logged rename on the renamed skill; the log writes both names in lower case. */
function applyRename(rename: LoggedRename, skills: SkillData[]): RenameData {
  const find = (name: string) => skills.find((skill) => skillFullName(skill).toLowerCase() === name.toLowerCase());
  const renamed = find(rename.to);
  if (!renamed) throw new ImportError(DDAT_ROLE_SEED, rename.line.number, `renamed to an unknown skill "${rename.to}"`);
  if (find(rename.from)) throw new ImportError(DDAT_ROLE_SEED, rename.line.number, `"${rename.from}" is still a skill`);
  const from = rename.from.charAt(0).toUpperCase() + rename.from.slice(1);
  renamed.formerNames = [...(renamed.formerNames ?? []), from];
  return { from, to: skillFullName(renamed), date: rename.date, note: rename.note };
}
