// The framework model, as stored in data/*.json and in users' workspace framework files
import { caches } from '../caches';
// (YAML or JSON, same shape, described by data/framework.schema.json).
// Every framework shape (DDaT, SFIA, a career ladder) is expressed in this one model.

/** One step on a framework's ordered scale, lowest first. */
export interface LevelData {
  /** Stable identifier used in data and documents: `working`, `3`, `L3`. */
  id: string;
  /** Display name: `Working`, `Apply`, `Senior Cloud Security Engineer`. */
  name: string;
  /** Other words a user may write for this level: `3`, `level 3`, `Apply`. */
  aliases?: string[];
  /** What the level means in general (DDaT's "You can apply your knowledge…", a ladder persona). */
  description?: string;
  /** Extra facts a ladder level carries: planning horizon, impact radius, evaluation, responsibility. */
  metadata?: Record<string, string>;
}

/** What a skill says at one level. `null` in SkillData.levels means "not defined at this level". */
export interface SkillLevelData {
  /** "You can …" / "I …" statements, in source order. */
  statements: string[];
  /** Worked examples (a ladder's "Examples" block). */
  examples?: string[];
}

export interface SkillData {
  /** The skill's name without qualifier: `Technical understanding`. */
  name: string;
  /** The bracketed qualifier, if any: `accessibility` for `Technical understanding (accessibility)`. */
  qualifier?: string;
  /** A code some frameworks give skills: SFIA `ITOP`. */
  code?: string;
  /** Short category label: `Senior Civil Service` for DDaT SCS skills. */
  category?: string;
  /** Emoji or symbol shown beside the name (ladder competency areas); never part of the name. */
  icon?: string;
  description?: string;
  /** Per level id: statements, or null when the framework says the level is not defined.
   *  A skill with no levels (DDaT SCS skills) leaves this empty and uses `statements`. */
  levels?: Record<string, SkillLevelData | null>;
  /** Level-less statements ("You can" of an SCS skill). */
  statements?: string[];
  /** Level-less examples ("Examples of leadership using this skill"). */
  examples?: string[];
  /** Names of the roles that require this skill (as the source lists them). */
  roles?: string[];
  /** Other names users write for this skill. */
  aliases?: string[];
  /** Names the skill had before a rename (see FrameworkData.renames for dates). */
  formerNames?: string[];
  /** Extra sections of the source (SFIA guidance notes). */
  notes?: string[];
}

export interface GradeData {
  /** Canonical short form: `G7`, `SEO`, `SCS1`. */
  id: string;
  /** Long form: `Grade 7`, `Senior Executive Officer`. */
  name: string;
  /** Other ways users write it: `Grade 7`, `7`, `Deputy director`. */
  aliases?: string[];
  /** Seniority, higher is more senior; used for `level-order` checks. */
  rank: number;
}

export interface RoleSkillData {
  /** Skill name as in SkillData (qualifier in brackets where the skill has one). */
  skill: string;
  /** How the role page wrote the skill, when it differs: `Coding and scripting (infrastructure engineer)`. */
  sourceName?: string;
  /** Level id required at this role level. */
  level: string;
  /** The role page's own statements for this skill at this role level. */
  statements?: string[];
}

export interface RoleLevelData {
  /** `Senior infrastructure engineer`. */
  name: string;
  /** The paragraph that introduces the role level. */
  summary?: string;
  /** "At this role level, you will" bullets. */
  responsibilities: string[];
  /** Grade ids it is performed at: `SEO`, `G7`. */
  grades: string[];
  skills: RoleSkillData[];
}

/** A role (DDaT's `Data engineer`), with its role levels. */
export interface RoleData {
  /** `Infrastructure engineer`. */
  name: string;
  /** The role family it belongs to: DDaT's `Data`, `IT operations`. */
  family?: string;
  /** Short category label: `Senior Civil Service` for DDaT's chief roles. */
  category?: string;
  description?: string;
  /** Role levels, most junior first. Empty for a role that has none (DDaT's chief roles). */
  levels: RoleLevelData[];
  /** Skills of a role without levels, by full name (DDaT's chief roles use Senior Civil Service skills). */
  skills?: string[];
  /** Related roles and the skills they share with this role. */
  sharedSkills?: { role: string; skills: string[] }[];
}

export interface RenameData {
  from: string;
  to: string;
  /** ISO date: `2022-08-30`. */
  date?: string;
  note?: string;
}

export interface FrameworkData {
  /** Short id used in settings and front matter: `ddat`, `sfia`, `ladder`. */
  id: string;
  name: string;
  /** Name for messages: `DDaT`, `SFIA`. Defaults to `name`. */
  shortName?: string;
  /** Where the framework came from (a URL or a description). */
  source?: string;
  /** What a level is called in this framework, for messages: `skill level`, `level`. */
  levelNoun?: string;
  /** What a skill is called: `skill`, `competency area`. */
  skillNoun?: string;
  /** Ordered scale, lowest first. */
  levels: LevelData[];
  skills: SkillData[];
  roles?: RoleData[];
  grades?: GradeData[];
  renames?: RenameData[];
  /** What the importers that built this framework repaired and skipped, source by source. */
  imports?: ImportReport[];
}

/** What an importer found that it did not turn into data, or that it changed. */
export interface ImportReport {
  source: string;
  repaired: string[];
  skipped: string[];
  counts: Record<string, number>;
}

/**
 * A record's own entry for a key the user wrote (a level id, a metadata key): never a member of
 * Object.prototype, so a level called `constructor` or `toString` is only what the data says.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The full name of a skill as users see it: `Technical understanding (accessibility)`. */
export function skillFullName(skill: Pick<SkillData, 'name' | 'qualifier'>): string {
  if (!skill.qualifier) return skill.name;
  // Remembered: checks ask for the same few skills' names thousands of times.
  let full = fullNames.get(skill);
  if (full === undefined) fullNames.set(skill, (full = `${skill.name} (${skill.qualifier})`));
  return full;
}
const fullNames = caches.weak<object, string>();
