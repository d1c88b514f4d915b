// A loaded framework: the data plus the indexes every feature needs, built once at load.
import {
  FrameworkData,
  GradeData,
  LevelData,
  RenameData,
  RoleData,
  RoleLevelData,
  SkillData,
  SkillLevelData,
  ownEntry,
  skillFullName,
} from './model';
import { editDistance, normalizeName, splitQualifier } from './normalize';
import { RankedSkill, SkillSearch } from './search';
import { contentWords, sharedWords, TopicSearch } from './topicSearch';
import { anyWord, closest, edgeWord, nameWords } from './words';

export { isMisspellingOf, isTypoOf } from './words';

/** The most of a query findSkills reads: more than any name, far less than a pasted page. */
const MAX_QUERY = 200;

export interface RoleLevelRef {
  role: RoleData;
  level: RoleLevelData;
  /** Position within the role, 0 = most junior. */
  index: number;
}

/** A role that needs a skill, and the level each of its role levels needs it at. */
export interface RoleNeed {
  role: string;
  family?: string;
  /** Most junior first; empty for a role the skill's page lists without role data. */
  levels: { roleLevel: string; level: LevelData }[];
}

export type SkillLookup =
  | { kind: 'exact'; skill: SkillData }
  /** An old name of a skill; `rename` holds the date when the framework records one. */
  | { kind: 'renamed'; skill: SkillData; from: string; rename?: RenameData }
  /** A base name shared by several qualified variants (`Programming and build`). */
  | { kind: 'ambiguous'; candidates: SkillData[] }
  | { kind: 'unknown' };

export class Framework {
  readonly id: string;
  readonly name: string;
  /** Name for messages: `DDaT`. */
  readonly shortName: string;
  readonly levels: LevelData[];
  readonly skills: SkillData[];
  readonly grades: GradeData[];
  readonly renames: RenameData[];
  readonly roleLevels: RoleLevelRef[];
  readonly levelNoun: string;
  readonly skillNoun: string;

  private readonly byFullName = new Map<string, SkillData>();
  private readonly byBaseName = new Map<string, SkillData[]>();
  private readonly byOldName = new Map<string, { skill: SkillData; from: string; rename?: RenameData }>();
  private readonly levelByKey = new Map<string, LevelData>();
  private readonly levelIndexById = new Map<string, number>();
  private readonly gradeByKey = new Map<string, GradeData>();
  private readonly roleLevelByKey = new Map<string, RoleLevelRef>();
  private rolesBySkill?: Map<SkillData, RoleNeed[]>;
  private searchIndex?: SkillSearch;
  private topicIndex?: TopicSearch;
  private readonly lookupCache = new Map<string, Map<string, SkillLookup>>();
  private readonly requiredByRole = new Map<RoleLevelRef, Map<SkillData, LevelData>>();

  /**
   * `sample`: the framework holds a few of its skills only (the embedded SFIA is one skill's
   * page), so a document written against it cannot be checked with it.
   */
  constructor(
    readonly data: FrameworkData,
    readonly sample = false,
  ) {
    this.id = data.id;
    this.name = data.name;
    this.shortName = data.shortName ?? data.name;
    this.levels = data.levels;
    this.skills = data.skills;
    this.grades = data.grades ?? [];
    this.renames = data.renames ?? [];
    this.levelNoun = data.levelNoun ?? 'level';
    this.skillNoun = data.skillNoun ?? 'skill';

    this.levels.forEach((level, i) => {
      this.levelIndexById.set(level.id, i);
      for (const key of [level.id, level.name, ...(level.aliases ?? [])]) {
        this.levelByKey.set(normalizeName(key), level);
      }
    });
    for (const skill of this.skills) {
      this.byFullName.set(normalizeName(skillFullName(skill)), skill);
      const base = normalizeName(skill.name);
      const list = this.byBaseName.get(base) ?? [];
      list.push(skill);
      this.byBaseName.set(base, list);
      for (const alias of skill.aliases ?? []) this.byFullName.set(normalizeName(alias), skill);
      for (const old of skill.formerNames ?? []) {
        this.byOldName.set(normalizeName(old), { skill, from: old });
      }
    }
    for (const rename of this.renames) {
      const skill = this.byFullName.get(normalizeName(rename.to));
      if (skill) this.byOldName.set(normalizeName(rename.from), { skill, from: rename.from, rename });
    }
    for (const grade of this.grades) {
      for (const key of [grade.id, grade.name, ...(grade.aliases ?? [])]) {
        this.gradeByKey.set(normalizeName(key), grade);
      }
    }
    this.roleLevels = [];
    for (const role of data.roles ?? []) {
      role.levels.forEach((level, index) => {
        const ref = { role, level, index };
        this.roleLevels.push(ref);
        this.roleLevelByKey.set(normalizeName(level.name), ref);
      });
    }
  }

  /** The fuzzy index is built on first use, keeping start-up free of work that can wait. */
  get search(): SkillSearch {
    return (this.searchIndex ??= new SkillSearch(this));
  }

  /** The index of what skills are about (names to statements), built on the first search that
   *  needs it: most sessions never type anything but the start of a name. */
  get topics(): TopicSearch {
    return (this.topicIndex ??= new TopicSearch(this));
  }

  /**
   * The skills for what a user typed into a search (completion, workspace symbols, the Show
   * skill picker), best first. When it starts a name or a word of one (`Informa`, `security`,
   * an old name) the names are ranked as they always were, prefix matches first; otherwise
   * the skills are found by what they are about (`cloud sec`, `kubernetes`), which also
   * forgives a typo in a name.
   */
  findSkills(text: string, limit = Infinity): RankedSkill[] {
    // A name is at most 90 characters: a longer query (a pasted page) is cut, and the search
    // by topic reads fewer still (topicSearch.ts, MAX_TOPIC_QUERY).
    if (text.length > MAX_QUERY) text = text.slice(0, MAX_QUERY);
    const byName = this.search.rank(text, limit);
    // rank scores a name (or a word of it) that starts with the query 0 or 0.05.
    if (byName.length && byName[0].score <= 0.05) return byName;
    return this.topics.find(text, Number.isFinite(limit) ? limit : this.skills.length);
  }

  /**
   * For a name no skill is spelt like: the skill it is about, when that skill's name (or a former
   * name) has more than half of the name's words, each spelt alike or with the same stem
   * (`Research methods and planning`: User research methods); of several such, the one the topic
   * search ranks first. A topic search alone finds something for nearly any words: the names
   * keep a guess to what the writer meant, and most names have no such skill, so the topic
   * index is neither built nor searched for them (a search takes tens of milliseconds).
   */
  closestByTopic(text: string): SkillData | undefined {
    const words = contentWords(text);
    if (words.length < 2) return undefined;
    const names = (this.nameWords ??= this.skills.map((s) => [skillFullName(s), ...(s.formerNames ?? []), ...(s.aliases ?? [])].map(contentWords)));
    const candidates = new Set(this.skills.filter((_, i) => names[i].some((name) => sharedWords(words, name) * 2 > words.length)));
    if (candidates.size <= 1) return candidates.values().next().value;
    return this.topics.find(text, this.skills.length).find((r) => candidates.has(r.skill))?.skill ?? candidates.values().next().value;
  }
  private nameWords?: string[][][] = undefined;

  /** Resolves a name as written: exact, qualifier-tolerant, renamed, ambiguous or unknown.
   *  Cheap (map lookups only): the parser calls it for every candidate phrase. */
  lookupSkill(text: string, preferQualifier?: string): SkillLookup {
    // Documents repeat the same few names thousands of times: remember the answers, per
    // preferred qualifier (the document's role family), without building a key per call.
    let cache = this.lookupCache.get(preferQualifier ?? '');
    if (!cache) this.lookupCache.set(preferQualifier ?? '', (cache = new Map()));
    const cached = cache.get(text);
    if (cached) return cached;
    if (cache.size > 20_000) cache.clear();
    const found = this.lookupSkillUncached(text, preferQualifier);
    cache.set(text, found);
    return found;
  }

  private lookupSkillUncached(text: string, preferQualifier?: string): SkillLookup {
    const key = normalizeName(text);
    const exact = this.byFullName.get(key);
    if (exact) return { kind: 'exact', skill: exact };
    const old = this.byOldName.get(key);
    if (old) return { kind: 'renamed', ...old };

    // Tolerate qualifiers: `Coding and scripting (infrastructure engineer)` is `Coding and scripting`,
    // and a role's qualifier after a skill's own names that skill: `Agile working (content
    // design) (infrastructure engineer)`.
    const { base, qualifier } = splitQualifier(text);
    const baseKey = normalizeName(base);
    const named = qualifier !== undefined ? this.byFullName.get(baseKey) : undefined;
    if (named) return { kind: 'exact', skill: named };
    const variants = this.byBaseName.get(baseKey);
    if (variants) {
      const unqualified = variants.find((s) => !s.qualifier);
      if (unqualified) return { kind: 'exact', skill: unqualified };
      if (variants.length === 1) return { kind: 'exact', skill: variants[0] };
      const wanted = normalizeName(qualifier ?? preferQualifier ?? '');
      const chosen = wanted && variants.find((s) => wanted.includes(normalizeName(s.qualifier!)) || normalizeName(s.qualifier!).includes(wanted));
      if (chosen) return { kind: 'exact', skill: chosen };
      return { kind: 'ambiguous', candidates: variants };
    }
    if (qualifier !== undefined) {
      const oldBase = this.byOldName.get(baseKey);
      if (oldBase) return { kind: 'renamed', ...oldBase };
    }
    return { kind: 'unknown' };
  }

  /** The skills sharing a skill's name without qualifier: `Technical understanding` and its qualified variants. */
  variantsOf(skill: SkillData): SkillData[] {
    return this.byBaseName.get(normalizeName(skill.name)) ?? [skill];
  }

  /** A name as written in a document about a role level: a name shared by qualified skills is
   *  the variant the role level needs (else the one its role needs at any level), and an
   *  unqualified name is the role's own variant when that is the one needed. */
  lookupSkillForRole(text: string, role: RoleLevelRef | undefined): SkillLookup {
    const found = this.lookupSkill(text, role?.role.name);
    if (!role) return found;
    if (found.kind === 'exact' && !found.skill.qualifier && !this.requiredLevel(role, found.skill)) {
      // `Technical understanding` in a performance analyst advert is `Technical understanding (performance analyst)`.
      const own = this.variantsOf(found.skill).filter((s) => s !== found.skill && this.requiredLevel(role, s));
      if (own.length === 1) return { kind: 'exact', skill: own[0] };
    }
    if (found.kind !== 'ambiguous') return found;
    const required = found.candidates.filter((c) => this.requiredLevel(role, c));
    if (required.length === 1) return { kind: 'exact', skill: required[0] };
    const inRole = found.candidates.filter((c) => this.roleLevels.some((r) => r.role === role.role && this.requiredLevel(r, c)));
    return inRole.length === 1 ? { kind: 'exact', skill: inRole[0] } : found;
  }

  /** Did-you-mean for a name that is not a skill, closest first. */
  suggestSkills(text: string, max = 3): SkillData[] {
    return this.search.suggest(text, max);
  }

  /** The skill if the text certainly names one (exact or renamed), else undefined. */
  resolveSkill(text: string): SkillData | undefined {
    const found = this.lookupSkill(text);
    return found.kind === 'exact' || found.kind === 'renamed' ? found.skill : undefined;
  }

  findLevel(text: string): LevelData | undefined {
    const direct = this.levelByKey.get(text);
    return direct ?? this.levelByKey.get(normalizeName(text));
  }

  /**
   * A level as pathway files write it: by name, or by its place on the scale (`3` or `"3"` is
   * DDaT's third, practitioner). A scale whose levels are numbers (SFIA) is read by name only.
   */
  findLevelOrNumber(text: string): LevelData | undefined {
    return this.findLevel(text) ?? this.levels[this.levelNumber(text) - 1];
  }

  /**
   * The place on the scale a text writes as a number (`3`, `" 3 "`; `5` on a scale of 4 too),
   * or NaN when it is no number or the scale names its levels by number.
   */
  levelNumber(text: string): number {
    return /^\s*\d{1,3}\s*$/.test(text) && !this.numberedScale ? Number(text) : NaN;
  }

  /** Whether the scale's levels are themselves numbers (SFIA 1 to 7). */
  private get numberedScale(): boolean {
    return (this.numbered ??= this.levels.some((l) => /^\d+$/.test(l.id)));
  }
  private numbered?: boolean = undefined;

  levelIndex(level: LevelData | string): number {
    return this.levelIndexById.get(typeof level === 'string' ? level : level.id) ?? -1;
  }

  levelName(id: string): string {
    return this.levels[this.levelIndex(id)]?.name ?? id;
  }

  /** The closest level names for a word that is not one, best first. */
  suggestLevels(text: string, max = 2): LevelData[] {
    return closest(text, this.levels, (l) => [l.id, l.name, ...(l.aliases ?? [])], max);
  }

  /** What the skill says at a level: statements, null for "not defined", undefined if the skill has no levels. */
  skillLevel(skill: SkillData, level: LevelData): SkillLevelData | null | undefined {
    return ownEntry(skill.levels, level.id);
  }

  findGrade(text: string): GradeData | undefined {
    const key = normalizeName(text);
    return this.gradeByKey.get(key) ?? this.gradeByKey.get(key.replace(/^grade\s+/, ''));
  }

  suggestGrades(text: string, max = 2): GradeData[] {
    return closest(text, this.grades, (g) => [g.id, g.name, ...(g.aliases ?? [])], max);
  }

  findRoleLevel(text: string): RoleLevelRef | undefined {
    return this.roleLevelByKey.get(normalizeName(text));
  }

  /**
   * Whether a text may name a role level: its first and last words are a role level's. A cheap
   * test before findRoleLevel, for the readers that ask it of every heading and short line of a
   * long advert (normalising each one cost more than the rest of the scan of those lines).
   */
  mayBeRoleLevel(text: string, from = 0, to = text.length): boolean {
    if (!this.roleLevelEnds) {
      const first = new Set<string>();
      const last = new Set<string>();
      for (const ref of this.roleLevels) {
        const name = normalizeName(ref.level.name);
        const [a, b] = edgeWord(name, 0, name.length, true);
        const [c, d] = edgeWord(name, 0, name.length, false);
        first.add(name.slice(a, b));
        last.add(name.slice(c, d));
      }
      this.roleLevelEnds = { first: [...first], last: [...last] };
    }
    const { first, last } = this.roleLevelEnds;
    const [c, d] = edgeWord(text, from, to, false);
    if (!anyWord(last, text, c, d)) return false;
    const [a, b] = edgeWord(text, from, to, true);
    return anyWord(first, text, a, b);
  }
  /** The first and last words of the role levels' names, in lower case (a few dozen). */
  private roleLevelEnds?: { first: string[]; last: string[] } = undefined;

  /** The role levels closest to a name that is not one: the words written start words of the
   *  role level's name (or are one typo from them), at most one of them left over, fewest other
   *  words first (`Junior data engineer` gives `Data engineer`); else by edit distance. */
  suggestRoleLevels(text: string, max = 2): RoleLevelRef[] {
    const words = nameWords(text);
    if (words.length === 0) return [];
    const scored: { ref: RoleLevelRef; missed: number; typos: number; extra: number; index: number }[] = [];
    this.roleLevels.forEach((ref, index) => {
      const own = nameWords(ref.level.name);
      let typos = 0;
      let missed = 0;
      const used = new Set<number>();
      for (const word of words) {
        let at = own.findIndex((w, i) => !used.has(i) && (w === word || (word.length >= 3 && w.startsWith(word))));
        if (at === -1 && word.length >= 4) {
          // One slip, or two in a long word (`Principle` for `Principal`).
          at = own.findIndex((w, i) => !used.has(i) && (editDistance(word, w.slice(0, word.length + 1)) <= 1 || (word.length >= 7 && editDistance(word, w) <= 2)));
          if (at !== -1) typos++;
        }
        if (at === -1) missed++;
        else used.add(at);
      }
      if (missed === 0 || (missed === 1 && used.size >= 2)) scored.push({ ref, missed, typos, extra: own.length - used.size, index });
    });
    if (scored.length === 0) return closest(text, this.roleLevels, (r) => [r.level.name], max);
    scored.sort((a, b) => a.missed - b.missed || a.typos - b.typos || a.extra - b.extra || a.index - b.index);
    return scored.slice(0, max).map((s) => s.ref);
  }

  /** The roles that need the skill, with the level at each role level (from role data), then
   *  the roles the skill's own page lists that have no role data. */
  rolesNeeding(skill: SkillData): RoleNeed[] {
    const fromRoles = (this.rolesBySkill ??= this.indexRolesBySkill()).get(skill) ?? [];
    const known = new Set(fromRoles.map((need) => normalizeName(need.role)));
    const listed = (skill.roles ?? []).filter((name) => !known.has(normalizeName(name))).map((role) => ({ role, levels: [] }));
    return listed.length ? [...fromRoles, ...listed] : fromRoles;
  }

  /** Built on first use: a thousand and more requirements to resolve, which start-up need not wait for. */
  private indexRolesBySkill(): Map<SkillData, RoleNeed[]> {
    const index = new Map<SkillData, RoleNeed[]>();
    for (const role of this.data.roles ?? []) {
      const needs = new Map<SkillData, RoleNeed>();
      const need = (skill: SkillData) => {
        let found = needs.get(skill);
        if (!found) {
          needs.set(skill, (found = { role: role.name, ...(role.family ? { family: role.family } : {}), levels: [] }));
          const list = index.get(skill) ?? [];
          list.push(found);
          index.set(skill, list);
        }
        return found;
      };
      for (const level of role.levels) {
        for (const req of level.skills) {
          const skill = this.resolveSkill(req.skill);
          const at = this.findLevel(req.level);
          if (skill && at) need(skill).levels.push({ roleLevel: level.name, level: at });
        }
      }
      for (const name of role.skills ?? []) {
        const skill = this.resolveSkill(name);
        if (skill) need(skill);
      }
    }
    return index;
  }

  /** The level a role level requires for a skill, if it requires it. */
  requiredLevel(role: RoleLevelRef, skill: SkillData): LevelData | undefined {
    return this.requirements(role).get(skill);
  }

  /** Each skill a role level requires, with its level (the first given, for a skill listed
   *  twice), in the role level's order; resolved once per role level. */
  requirements(role: RoleLevelRef): ReadonlyMap<SkillData, LevelData> {
    let levels = this.requiredByRole.get(role);
    if (!levels) {
      levels = new Map();
      for (const req of role.level.skills) {
        const s = this.resolveSkill(req.skill);
        const l = this.findLevel(req.level);
        if (s && l && !levels.has(s)) levels.set(s, l);
      }
      this.requiredByRole.set(role, levels);
    }
    return levels;
  }
}
