// Imports the official DDaT CSV exports: every role (005, "all roles": one row per role level
// and skill) and, as a cross-check of the skills A to Z, every skill (006, "all skills").
// The A to Z (003) stays the text of record for skills: where an export says otherwise its
// text is reported, never used. Role pages (002) stay the record for the roles they describe:
// they carry grades and per-skill statements the export does not have. The export's flaws are
// repaired and counted: "MISSING" descriptions, repeated rows, zero-width spaces, and the
// export's swap of the word "initiative" for "topic".
import {
  FrameworkData,
  ImportReport,
  RoleData,
  RoleLevelData,
  RoleSkillData,
  SkillData,
  SkillLevelData,
  skillFullName,
} from '../src/framework/model';
import { ImportError } from './common';
import { bulletLists, cleanCell, type CleaningTally, type CsvRow, readCsv } from './csv';

export const DDAT_ROLES_CSV_SEED = '005_ddat-roles.csv';
export const DDAT_SKILLS_CSV_SEED = '006_ddat-skills.csv';

export const DDAT_ROLES_CSV_EXPECTED_COUNTS: Record<string, number> = {
  roleFamilies: 8,
  roles: 52,
  roleLevels: 201,
  requirements: 1781,
  seniorCivilServiceRoles: 4,
  seniorCivilServiceRoleSkills: 28,
  repeatedRequirements: 13,
  repeatedRows: 16,
  missingSkillDescriptions: 325,
};

export const DDAT_SKILLS_CSV_EXPECTED_COUNTS: Record<string, number> = {
  skills: 188,
  skillLevelTexts: 664,
  undefinedSkillLevels: 60,
};

export const ROLE_COLUMNS = [
  'Role Family',
  'Role',
  'Role Description',
  'Role Level',
  'Role Level Description',
  'Skill Name',
  'Skill Description',
  'Skill Level',
  'Skill Level Description',
  'Role Type',
] as const;

export const SKILL_COLUMNS = ['Skill Name', 'Skill Description', 'Awareness', 'Working', 'Practitioner', 'Expert'] as const;

const NOT_IN_USE = 'NOT IN USE';
const MISSING = 'MISSING';
const NOT_DEFINED = /^this skill level is currently not defined\.?$/i;
const ROLE_LEVEL_LEAD_IN = /^At this role level,? you will:?$/im;

/** Where each CSV came from, for messages: the seed's name or the user's file. */
export interface CsvSources {
  roles: string;
  skills?: string;
}

/**
 * Adds every role of the roles export to `base` (the A to Z, with any role pages already read)
 * and returns the merged framework. `skillsCsv`, when given, is compared with the A to Z.
 */
export function importDdatCsv(
  rolesCsv: string,
  skillsCsv: string | undefined,
  base: FrameworkData,
  sources: CsvSources = { roles: DDAT_ROLES_CSV_SEED, skills: skillsCsv === undefined ? undefined : DDAT_SKILLS_CSV_SEED },
): { data: FrameworkData; reports: ImportReport[] } {
  const skills = structuredClone(base.skills);
  const catalogue = new SkillCatalogue(skills, base.levels.map((level) => level.id));
  const reports: ImportReport[] = [];

  if (skillsCsv !== undefined) {
    const source = sources.skills ?? DDAT_SKILLS_CSV_SEED;
    reports.push(compareSkillsExport(readCsv(skillsCsv, source, SKILL_COLUMNS), source, catalogue));
  }
  const rolesReport = emptyReport(sources.roles);
  const rows = readCsv(rolesCsv, sources.roles, ROLE_COLUMNS);
  const roles = readRoles(rows, catalogue, base.roles ?? [], rolesReport);
  reports.push(rolesReport);
  const data: FrameworkData = { ...base, skills, roles };
  return { data, reports };
}

function emptyReport(source: string): ImportReport {
  return { source, repaired: [], skipped: [], counts: {} };
}

function reportCleaning(report: ImportReport, tally: CleaningTally): void {
  for (const [kind, n] of tally) report.repaired.push(`${kind}: ${n}`);
}

/** The export wrote "topic" wherever the framework says "initiative"; the singular is restored
 *  in text that only the export has. ("topics" is left: the A to Z uses it in its own right.) */
function restoreInitiative(text: string, tally: CleaningTally): string {
  let n = 0;
  const out = text.replace(/\b([Tt])opic\b/g, (_, t: string) => {
    n++;
    return t === 'T' ? 'Initiative' : 'initiative';
  });
  if (n) tally.set('"topic" restored to "initiative"', (tally.get('"topic" restored to "initiative"') ?? 0) + n);
  return out;
}

/** Text compared with the A to Z: white space and the swapped word do not count as differences. */
function comparable(text: string): string {
  return text
    .replace(/\b(initiatives?|topics?)\b/gi, '~')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The A to Z's skills by full name, and the export's spellings resolved to them. */
class SkillCatalogue {
  private readonly byName = new Map<string, SkillData>();
  /** Skills the export has and the A to Z does not, built from the export's text. */
  readonly added: SkillData[] = [];

  constructor(
    readonly skills: SkillData[],
    readonly levelIds: string[],
  ) {
    for (const skill of skills) {
      this.byName.set(skillFullName(skill).toLowerCase(), skill);
      for (const alias of skill.aliases ?? []) this.byName.set(alias.toLowerCase(), skill);
    }
  }

  /** The A to Z skill an export name stands for; `swapped` when only the "topic" swap told them apart. */
  find(exportName: string): { skill: SkillData; swapped: boolean } | undefined {
    const direct = this.byName.get(exportName.toLowerCase());
    if (direct) return { skill: direct, swapped: false };
    const restored = this.byName.get(exportName.replace(/\btopic\b/gi, 'initiative').toLowerCase());
    return restored ? { skill: restored, swapped: true } : undefined;
  }

  add(skill: SkillData): void {
    this.skills.push(skill);
    this.added.push(skill);
    this.byName.set(skillFullName(skill).toLowerCase(), skill);
  }
}

/** Reads the skills export and reports where it differs from the A to Z; skills only it has are added. */
function compareSkillsExport(rows: CsvRow[], source: string, catalogue: SkillCatalogue): ImportReport {
  const report = emptyReport(source);
  const tally: CleaningTally = new Map();
  const differences: string[] = [];
  let levelTexts = 0;
  let undefinedLevels = 0;
  const seen = new Set<string>();
  for (const row of rows) {
    const cell = (column: (typeof SKILL_COLUMNS)[number]) => cleanCell(row.cells[column], tally);
    const name = cell('Skill Name');
    if (!name) throw new ImportError(source, row.line, 'a row without a skill name');
    if (seen.has(name.toLowerCase())) {
      report.skipped.push(`line ${row.line}: "${name}" again (the first row is kept)`);
      continue;
    }
    seen.add(name.toLowerCase());
    const description = cell('Skill Description');
    const levelCells = SKILL_COLUMNS.slice(2).map((column) => cell(column));
    for (const text of levelCells) {
      if (!text) continue;
      levelTexts++;
      if (NOT_DEFINED.test(text)) undefinedLevels++;
    }
    const found = catalogue.find(name);
    if (!found) {
      const skill = skillFromExport(restoreInitiative(name, tally), description, levelCells, catalogue.levelIds, tally);
      catalogue.add(skill);
      report.repaired.push(`line ${row.line}: "${skillFullName(skill)}" is not in the A to Z: added from this export's text`);
      continue;
    }
    const { skill, swapped } = found;
    const label = skillFullName(skill);
    if (swapped) report.repaired.push(`line ${row.line}: "${name}" is the A to Z's "${label}" (the export's "topic" for "initiative")`);
    if (description && description !== MISSING && skill.levels) {
      if (comparable(description) !== comparable(skill.description ?? '')) differences.push(`${label}: description`);
    }
    if (skill.levels) {
      catalogue.levelIds.forEach((id, i) => {
        const text = levelCells[i];
        const ours = skill.levels![id];
        if (!text) return differences.push(`${label} (${id}): empty in the export`);
        if (NOT_DEFINED.test(text) !== (ours === null)) return differences.push(`${label} (${id}): defined in one and not the other`);
        if (ours && comparable(bulletLists(text).statements.join(' ')) !== comparable(ours.statements.join(' '))) {
          differences.push(`${label} (${id}): statements`);
        }
      });
    } else if (skill.statements) {
      const lists = bulletLists(description);
      const same =
        comparable(lists.statements.join(' ')) === comparable(skill.statements.join(' ')) &&
        comparable(lists.examples.join(' ')) === comparable((skill.examples ?? []).join(' '));
      if (!same) differences.push(`${label}: statements or examples`);
    }
  }
  for (const difference of differences) report.repaired.push(`differs from the A to Z, kept the A to Z's text: ${difference}`);
  reportCleaning(report, tally);
  report.counts = {
    skills: seen.size,
    skillLevelTexts: levelTexts,
    undefinedSkillLevels: undefinedLevels,
    differencesFromAToZ: differences.length,
  };
  return report;
}

/** A skill that only an export has: its name, description and levels from the export's text. */
function skillFromExport(
  fullName: string,
  description: string,
  levelCells: string[],
  levelIds: string[],
  tally: CleaningTally,
): SkillData {
  const qualified = /^(.+) \(([^()]+)\)$/.exec(fullName);
  const skill: SkillData = qualified ? { name: qualified[1], qualifier: qualified[2] } : { name: fullName };
  const text = restoreInitiative(description, tally);
  if (levelCells.every((cell) => !cell)) {
    // A Senior Civil Service skill: statements and examples in the description column.
    const lists = bulletLists(text);
    skill.category = 'Senior Civil Service';
    skill.statements = lists.statements;
    if (lists.examples.length) skill.examples = lists.examples;
    return skill;
  }
  if (text && text !== MISSING) skill.description = text;
  const levels: Record<string, SkillLevelData | null> = {};
  levelIds.forEach((id, i) => {
    const cell = levelCells[i] ?? '';
    levels[id] = !cell || NOT_DEFINED.test(cell) ? null : { statements: bulletLists(restoreInitiative(cell, tally)).statements };
  });
  skill.levels = levels;
  return skill;
}

interface RoleDraft {
  role: RoleData;
  firstLine: number;
  levels: Map<string, RoleLevelData>;
}

function readRoles(rows: CsvRow[], catalogue: SkillCatalogue, pageRoles: RoleData[], report: ImportReport): RoleData[] {
  const tally: CleaningTally = new Map();
  const drafts = new Map<string, RoleDraft>();
  const levelTextsSeen = new Set<string>();
  let missingDescriptions = 0;
  let repeated = 0;
  let scsRoleSkills = 0;
  const textDifferences = new Set<string>();
  const swappedNames = new Set<string>();

  const repeatedPairs = new Set<string>();
  for (const row of rows) {
    // Every cell is cleaned, so the counts of what cleaning did are the whole file's.
    const cleaned = Object.fromEntries(ROLE_COLUMNS.map((column) => [column, cleanCell(row.cells[column], tally)]));
    const cell = (column: (typeof ROLE_COLUMNS)[number]) => cleaned[column];
    const unexpected = (message: string) => new ImportError(report.source, row.line, message);
    const family = cell('Role Family');
    const roleName = cell('Role');
    const levelName = cell('Role Level');
    const skillName = cell('Skill Name');
    const levelText = cell('Skill Level');
    if (!family || !roleName || !levelName || !skillName || !levelText) {
      const empty = (['Role Family', 'Role', 'Role Level', 'Skill Name', 'Skill Level'] as const).filter((c) => !cell(c));
      throw unexpected(`a row without ${empty.map((c) => `"${c}"`).join(', ')}`);
    }
    if (cell('Skill Description') === MISSING) missingDescriptions++;

    let draft = drafts.get(roleName);
    if (!draft) {
      const role: RoleData = { name: roleName, family, levels: [] };
      const description = restoreInitiative(cell('Role Description'), tally);
      if (description && description !== MISSING) role.description = description;
      if (cell('Role Type')) role.category = cell('Role Type');
      drafts.set(roleName, (draft = { role, firstLine: row.line, levels: new Map() }));
    } else if (draft.role.family !== family) {
      throw unexpected(`the role "${roleName}" is in the family "${family}" here and "${draft.role.family}" on line ${draft.firstLine}`);
    }

    const found = catalogue.find(skillName);
    if (!found) throw unexpected(`the skill "${skillName}" is in neither the A to Z nor the skills export`);
    const { skill } = found;
    const fullName = skillFullName(skill);
    if (found.swapped) swappedNames.add(`"${skillName}" is "${fullName}"`);

    if (levelName === NOT_IN_USE) {
      // A Senior Civil Service chief role: no role levels, the SCS skills it uses.
      if (levelText !== NOT_IN_USE) throw unexpected(`a role level "${NOT_IN_USE}" with the skill level "${levelText}"`);
      const list = (draft.role.skills ??= []);
      if (list.includes(fullName)) {
        repeated++;
        repeatedPairs.add(`${roleName}\u0000${fullName}`);
      }
      else {
        list.push(fullName);
        scsRoleSkills++;
      }
      continue;
    }

    const levelId = catalogue.levelIds.find((id) => id === levelText.toLowerCase());
    if (!levelId) throw unexpected(`"${levelText}" is not a skill level (expected ${catalogue.levelIds.join(', ')})`);
    let level = draft.levels.get(levelName);
    if (!level) {
      level = { name: levelName, responsibilities: [], grades: [], skills: [] };
      Object.assign(level, roleLevelText(restoreInitiative(cell('Role Level Description'), tally)));
      draft.levels.set(levelName, level);
    }
    const already = level.skills.find((req) => req.skill === fullName);
    if (already) {
      repeated++;
      repeatedPairs.add(`${levelName}\u0000${fullName}`);
      if (already.level !== levelId) {
        report.skipped.push(`line ${row.line}: ${levelName} needs ${fullName} at ${already.level} and again at ${levelId}: the first is kept`);
      }
      continue;
    }
    if (skill.levels && skill.levels[levelId] === null) {
      report.skipped.push(`line ${row.line}: ${levelName} needs ${fullName} at ${levelId}, which the A to Z does not define: kept`);
    }
    const requirement: RoleSkillData = { skill: fullName, level: levelId };
    if (fullName !== skillName && !found.swapped) requirement.sourceName = skillName;
    level.skills.push(requirement);

    // The export repeats each skill level's text on every row: compare it with the A to Z once.
    const key = `${fullName}\u0000${levelId}`;
    const statements = skill.levels?.[levelId]?.statements;
    if (statements && !levelTextsSeen.has(key)) {
      levelTextsSeen.add(key);
      const text = cell('Skill Level Description');
      if (text && comparable(bulletLists(text).statements.join(' ')) !== comparable(statements.join(' '))) {
        textDifferences.add(`${fullName} (${levelId})`);
      }
    }
  }

  for (const name of swappedNames) report.repaired.push(`${name} (the export's "topic" for "initiative")`);
  for (const difference of textDifferences) {
    report.repaired.push(`the level text of ${difference} differs from the A to Z: kept the A to Z's text`);
  }
  if (repeated) report.repaired.push(`repeated rows dropped: ${repeated}, repeating ${repeatedPairs.size} (role level, skill) pairs`);
  if (missingDescriptions) report.repaired.push(`"${MISSING}" as a skill description ignored (the A to Z's description is used): ${missingDescriptions} rows`);

  const roles: RoleData[] = [];
  for (const draft of drafts.values()) {
    const levels = orderBySeniority([...draft.levels.values()], catalogue.levelIds);
    const page = pageRoles.find((role) => role.name.toLowerCase() === draft.role.name.toLowerCase() && role.levels.some((l) => l.grades.length));
    if (page) {
      roles.push(keepRolePage(page, { ...draft.role, levels }, report));
      continue;
    }
    const role: RoleData = { ...draft.role, levels };
    // Grades are known only from role pages; a role level the base knew keeps its grades.
    for (const level of levels) {
      const known = pageRoles.flatMap((r) => r.levels).find((l) => l.name === level.name && l.grades.length);
      if (known) level.grades = [...known.grades];
    }
    roles.push(role);
  }
  for (const page of pageRoles) {
    if (!roles.some((role) => role.name.toLowerCase() === page.name.toLowerCase())) {
      roles.push(page);
      report.skipped.push(`the role "${page.name}" is not in this export: kept as the framework had it`);
    }
  }

  reportCleaning(report, tally);
  const levelled = roles.filter((role) => role.levels.length > 0);
  const chiefs = roles.filter((role) => role.levels.length === 0);
  report.counts = {
    roleFamilies: new Set(roles.map((role) => role.family)).size,
    roles: roles.length,
    roleLevels: levelled.reduce((sum, role) => sum + role.levels.length, 0),
    requirements: levelled.reduce((sum, role) => sum + role.levels.reduce((inner, level) => inner + level.skills.length, 0), 0),
    seniorCivilServiceRoles: chiefs.length,
    seniorCivilServiceRoleSkills: scsRoleSkills,
    repeatedRequirements: repeatedPairs.size,
    repeatedRows: repeated,
    missingSkillDescriptions: missingDescriptions,
    levelTextDifferences: textDifferences.size,
  };
  return roles;
}

/** "A senior data engineer designs…\n\nAt this role level, you will:\n- …" as summary and responsibilities. */
function roleLevelText(text: string): Pick<RoleLevelData, 'summary' | 'responsibilities'> {
  if (!text || text === MISSING || text === NOT_IN_USE) return { responsibilities: [] };
  const lead = ROLE_LEVEL_LEAD_IN.exec(text);
  const summary = (lead ? text.slice(0, lead.index) : text).trim();
  const responsibilities = lead ? bulletLists(text.slice(lead.index + lead[0].length)).statements : [];
  return { ...(summary ? { summary } : {}), responsibilities };
}

/** Title words that say how senior a role level is. Levels without one are placed by the
 *  skill levels they need, just above the titled levels that need no more. */
const SENIORITY: Record<string, number> = {
  apprentice: 0,
  trainee: 1,
  associate: 2,
  junior: 3,
  senior: 5,
  lead: 6,
  principal: 7,
  head: 8,
  chief: 8,
};

/** The export lists role levels alphabetically: most junior first instead. */
export function orderBySeniority(levels: RoleLevelData[], levelIds: string[]): RoleLevelData[] {
  const mean = (level: RoleLevelData) =>
    level.skills.reduce((sum, req) => sum + levelIds.indexOf(req.level), 0) / Math.max(1, level.skills.length);
  const titled = levels.map((level) => {
    const word = level.name.split(/\s+/)[0].toLowerCase();
    const management = /\s-\s*management$/i.test(level.name) ? 0.25 : 0;
    return { level, mean: mean(level), rank: Object.hasOwn(SENIORITY, word) ? SENIORITY[word] + management : undefined };
  });
  const ranked = titled.filter((t) => t.rank !== undefined);
  const placed = titled.map((t) => {
    if (t.rank !== undefined) return { ...t, rank: t.rank };
    const below = ranked.filter((r) => r.mean <= t.mean).map((r) => r.rank!);
    const rank = below.length ? Math.max(...below) + 0.5 : ranked.length ? Math.min(...ranked.map((r) => r.rank!)) - 0.5 : 4;
    return { ...t, rank };
  });
  placed.sort((a, b) => a.rank - b.rank || a.mean - b.mean || (a.level.name < b.level.name ? -1 : 1));
  return placed.map((p) => p.level);
}

/** A role that a role page describes keeps the page's levels (grades, statements); the export
 *  adds its family and what the page lacks, and every difference is reported. */
function keepRolePage(page: RoleData, exported: RoleData, report: ImportReport): RoleData {
  const differ = (what: string) => report.repaired.push(`${page.name}: ${what} (kept the role page's)`);
  if (page.description && exported.description && comparable(page.description) !== comparable(exported.description)) {
    differ('the role description differs from the export');
  }
  const pageNames = page.levels.map((l) => l.name);
  const exportNames = exported.levels.map((l) => l.name);
  if (pageNames.join('|') !== exportNames.join('|')) {
    differ(`role levels ${pageNames.join(', ')} in the page, ${exportNames.join(', ')} in the export`);
  }
  for (const level of page.levels) {
    const other = exported.levels.find((l) => l.name.toLowerCase() === level.name.toLowerCase());
    if (!other) continue;
    if (comparable(level.summary ?? '') !== comparable(other.summary ?? '')) differ(`${level.name}'s summary differs from the export`);
    if (comparable(level.responsibilities.join(' ')) !== comparable(other.responsibilities.join(' '))) {
      differ(`${level.name}'s responsibilities differ from the export (${level.responsibilities.length} in the page, ${other.responsibilities.length} in the export)`);
    }
    const requirements = (l: RoleLevelData) => new Map(l.skills.map((s) => [s.skill, s.level]));
    const ours = requirements(level);
    const theirs = requirements(other);
    for (const [skill, at] of ours) {
      if (!theirs.has(skill)) differ(`${level.name} needs ${skill} at ${at} in the page; the export does not list it`);
      else if (theirs.get(skill) !== at) differ(`${level.name} needs ${skill} at ${at} in the page, ${theirs.get(skill)} in the export`);
    }
    for (const [skill, at] of theirs) if (!ours.has(skill)) differ(`${level.name} needs ${skill} at ${at} in the export; the page does not list it`);
  }
  return {
    name: page.name,
    family: exported.family,
    ...(exported.category ? { category: exported.category } : {}),
    ...(page.description ? { description: page.description } : exported.description ? { description: exported.description } : {}),
    levels: page.levels,
    ...(page.sharedSkills ? { sharedSkills: page.sharedSkills } : {}),
  };
}

