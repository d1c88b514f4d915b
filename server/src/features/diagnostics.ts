// Every check of DESIGN section 3, as one pure function of the parsed document and the
// framework. Codes are a contract; each diagnostic has the tightest range, a message that says
// what to do, and `data` for its quick fix.
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { isTypoOf, type Framework, type RoleLevelRef } from '../framework/framework';
import { LevelData, SkillData, skillFullName } from '../framework/model';
import { normalizeName } from '../framework/normalize';
import type { Located, ParsedDocument, PathwayTopic, SkillMention } from '../documents/model';
import { formatDate } from './hover';
import { frameworkContext } from './frameworkContext';
import { reviewFindings, type ReviewCode } from '../reviews/checks';

export type DiagnosticCode =
  | 'unknown-skill'
  | 'ambiguous-skill'
  | 'renamed-skill'
  | 'unknown-level'
  | 'undefined-level'
  | 'level-mismatch'
  | 'missing-skill'
  | 'unknown-role'
  | 'unknown-grade'
  | 'grade-mismatch'
  | 'duplicate-skill'
  | 'yaml-syntax'
  | 'schema'
  | 'level-order'
  | 'repeated-indicator'
  | 'copied-description'
  | ReviewCode;

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export const DEFAULT_SEVERITY: Record<DiagnosticCode, SeveritySetting> = {
  'unknown-skill': 'error',
  'ambiguous-skill': 'warning',
  'renamed-skill': 'warning',
  'unknown-level': 'error',
  'undefined-level': 'warning',
  'level-mismatch': 'warning',
  'missing-skill': 'warning',
  'unknown-role': 'error',
  'unknown-grade': 'error',
  'grade-mismatch': 'warning',
  'duplicate-skill': 'warning',
  'yaml-syntax': 'error',
  schema: 'error',
  'level-order': 'warning',
  'repeated-indicator': 'warning',
  'copied-description': 'warning',
  'review-coverage': 'information',
  'below-expected': 'information',
  'above-expected': 'information',
  'no-evidence': 'hint',
  'evidence-copies-framework': 'warning',
};

const SEVERITY: Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a quick fix needs: the texts that may replace the diagnostic's range. */
export interface FixData {
  replacements?: string[];
  /** For missing-skill: the skill and level to add. */
  missing?: { skill: string; level: string };
  /** For review-coverage: the rows or sections to add, and where. */
  insert?: { line: number; character: number; text: string; title: string };
}

export interface DiagnosticOptions {
  severity?: Partial<Record<string, SeveritySetting>>;
}

export function diagnose(doc: ParsedDocument, framework: Framework, options: DiagnosticOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = reporter(options, out);

  for (const p of doc.problems) report(p.code, p.range, p.message);

  const role = checkFrontMatter(doc, framework, report);
  // A review records assessed levels, which may differ from the role level's: no level-mismatch there.
  const mode: CheckMode = { quiet: !frameworkContext(doc, framework), review: doc.kind === 'review' };
  const mentioned = checkMentions(doc, framework, role, options, mode, out, report);

  // A review gets its own findings (reviews/checks.ts) instead of missing-skill.
  if (doc.kind === 'review') for (const f of reviewFindings(doc, framework)) report(f.code, f.range, f.message, f.insert && { insert: f.insert });
  else if (role && doc.kind === 'job-advert' && doc.role) {
    for (const req of role.level.skills) {
      const skill = framework.resolveSkill(req.skill);
      if (!skill || mentioned.has(skill)) continue;
      const level = framework.levelName(req.level);
      report(
        'missing-skill',
        doc.role.range,
        `${role.level.name} requires ${skillFullName(skill)} at ${level.toLowerCase()}, which this advert never mentions. Add it, or change the role.`,
        { missing: { skill: skillFullName(skill), level: req.level } },
      );
    }
  }
  if (doc.pathway) checkPathway(doc, framework, options, out, report);
  // In reading order, so the Problems panel and the CLI list findings as the document runs.
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** A report function that applies the severity settings and adds to `out`. */
function reporter(options: DiagnosticOptions, out: Diagnostic[]): Report {
  return (code, range, message, data, lowered = false) => {
    const fallback = typeof lowered === 'string' ? lowered : lowered && DEFAULT_SEVERITY[code] === 'error' ? 'warning' : DEFAULT_SEVERITY[code];
    const setting = options.severity?.[code] ?? fallback;
    if (setting === 'off') return;
    const d: Diagnostic = { range, severity: SEVERITY[setting], code, source: 'skill-lens', message };
    if (data) d.data = data;
    out.push(d);
  };
}

/** `lowered`: an error by default is a warning here (true), or information or a hint for what may not be meant for us at all. */
type Report = (code: DiagnosticCode, range: Range, message: string, data?: FixData, lowered?: boolean | 'information' | 'hint') => void;

/** The findings about a name or level as written, which a document without context gets as hints. */
const WRITTEN: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['unknown-skill', 'ambiguous-skill', 'renamed-skill', 'unknown-level', 'undefined-level', 'duplicate-skill']);

function quoteList(items: string[], joiner = 'or'): string {
  const q = items.map((i) => `"${i}"`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} ${joiner} ${q[q.length - 1]}`;
}

function checkFrontMatter(doc: ParsedDocument, framework: Framework, report: Report): RoleLevelRef | undefined {
  let role: RoleLevelRef | undefined;
  if (doc.roleNearMiss) {
    // A title such as `# Head service design`: perhaps a role level misspelt, perhaps another
    // organisation's job title. Say so quietly.
    const { located, suggestions } = doc.roleNearMiss;
    report(
      'unknown-role',
      located.range,
      `"${located.text}" is not a role level in ${framework.shortName}. The closest: ${quoteList(suggestions)}.`,
      { replacements: suggestions },
      'information',
    );
  }
  // A framework without role levels (or grades) has nothing to check a role (or grade) against.
  if (doc.role && framework.roleLevels.length) {
    role = framework.findRoleLevel(doc.role.text);
    if (!role) {
      const suggestions = framework.suggestRoleLevels(doc.role.text).map((r) => r.level.name);
      const known = framework.roleLevels.map((r) => r.level.name);
      const hint = suggestions.length
        ? `Did you mean ${quoteList(suggestions)}?`
        : known.length
          ? `Use a role level such as ${quoteList(known.slice(0, 3))}.`
          : `${framework.shortName} has no role levels.`;
      report('unknown-role', doc.role.range, `"${doc.role.text}" is not a role level in ${framework.shortName}. ${hint}`, {
        replacements: suggestions,
      });
    }
  }
  if (doc.grade && framework.grades.length) {
    const grade = framework.findGrade(doc.grade.text);
    if (!grade && doc.gradeSource === 'body') {
      // `Band 6`, `PO3`: another pay scheme's grade, which is no mistake in the document; worth
      // a note only in a document about the framework (an NHS nurse's advert needs none).
      if (!frameworkContext(doc, framework)) return role;
      const known = framework.grades.length ? ` (${framework.grades.map((g) => g.id).join(', ')})` : '';
      report('unknown-grade', doc.grade.range, `"${doc.grade.text}" is not a civil service grade${known}: grade checks are skipped.`, undefined, 'information');
    } else if (!grade) {
      const suggestions = framework.suggestGrades(doc.grade.text).map((g) => g.id);
      const hint = suggestions.length ? `Did you mean ${quoteList(suggestions)}?` : `Use one of ${framework.grades.map((g) => g.id).join(', ')}.`;
      report('unknown-grade', doc.grade.range, `"${doc.grade.text}" is not a grade. ${hint}`, { replacements: suggestions });
    } else if (role && role.level.grades.length && !role.level.grades.includes(grade.id)) {
      report(
        'grade-mismatch',
        doc.grade.range,
        `${role.level.name} is performed at ${role.level.grades.join(' or ')}, not ${grade.id}. Change the grade or the role.`,
        { replacements: role.level.grades },
      );
    }
  }
  return role;
}

/**
 * What the checks of one mention found, apart from duplicates (which depend on its list). A
 * mention that did not change keeps its findings from one version of the document to the next
 * while framework, role and severities stay the same: in a long advert, an edit re-checks the
 * few mentions it touched.
 */
interface MentionFindings {
  context: object;
  diagnostics: Diagnostic[];
  skill?: SkillData;
  meant?: SkillData;
  /** A phrase that may be prose and is like no skill: no finding, and not a list entry. */
  ignored: boolean;
  unknown: boolean;
}

/** One object per framework, role and severity settings, so that findings know what they hold for. */
/** How a document's mentions are checked: as hints without framework context; without level-mismatch in a review. */
interface CheckMode {
  quiet: boolean;
  review: boolean;
}

function checkContext(framework: Framework, role: RoleLevelRef | undefined, options: DiagnosticOptions, mode: CheckMode): object {
  let forFramework = contexts.get(framework);
  if (!forFramework) contexts.set(framework, (forFramework = new Map()));
  const key = `${mode.quiet ? 'quiet' : ''}${mode.review ? 'review' : ''}\u0000${role ? `${role.role.name}\u0000${role.level.name}` : ''}\u0000${JSON.stringify(options.severity ?? {})}`;
  let context = forFramework.get(key);
  if (!context) forFramework.set(key, (context = {}));
  return context;
}
const contexts = new WeakMap<Framework, Map<string, object>>();

function checkMentions(
  doc: ParsedDocument,
  framework: Framework,
  role: RoleLevelRef | undefined,
  options: DiagnosticOptions,
  mode: CheckMode,
  out: Diagnostic[],
  outerReport: Report,
): Set<SkillData> {
  const mentioned = new Set<SkillData>();
  const context = checkContext(framework, role, options, mode);
  const report: Report = mode.quiet ? (code, range, message, data, lowered) => outerReport(code, range, message, data, WRITTEN.has(code) ? 'hint' : lowered) : outerReport;
  let byCertainty: ReturnType<typeof verdictsOf> | undefined;
  // Per list, table or section, the first mention of each skill.
  const firstInGroup = new Map<string, Map<SkillData, Located>>();
  for (const m of doc.mentions) {
    let found = m.checked as MentionFindings | undefined;
    if (!found || found.context !== context) m.checked = found = checkMention(m, framework, role, options, mode, context, byCertainty ??= verdictsOf(context));
    for (const d of found.diagnostics) out.push(d);
    if (found.ignored) continue;
    const skill = found.skill;
    if (skill) mentioned.add(skill);
    // A misspelt skill is reported as such; it is not missing too.
    else if (found.meant) mentioned.add(found.meant);
    // A name that is no skill is reported as such, once per mention: not as a duplicate too.
    if (m.group && skill) {
      let seen = firstInGroup.get(m.group);
      if (!seen) firstInGroup.set(m.group, (seen = new Map()));
      const first = seen.get(skill);
      if (first) {
        const where = m.form === 'table' ? 'of this table' : m.form === 'pathway-topic' ? 'of this list of topics' : 'in this section';
        // The first may be written under another name (an old one, a qualifier): say which.
        const as = normalizeName(first.text) !== normalizeName(m.name.text) ? ` (as "${first.text}")` : '';
        report('duplicate-skill', m.name.range, `"${m.name.text}" is already given on line ${first.range.start.line + 1}${as} ${where}. Keep one of them.`);
      } else seen.set(skill, m.name);
    }
  }
  return mentioned;
}

/** The findings of one mention: its name, then its level. */
/** Most mentions have no finding: they share this (never changed) list. */
const NONE: Diagnostic[] = [];

/**
 * What the checks say of a name written with a level, wherever it is written: the same for
 * every mention with the same texts under the same framework, role and severities. Its
 * diagnostics point at NAME or LEVEL, replaced by the mention's own ranges.
 */
interface Verdict {
  diagnostics: Diagnostic[];
  skill?: SkillData;
  /** For a name that is no skill: the skill it misspells, if one is a typo away. */
  meant?: SkillData;
  ignored: boolean;
  unknown: boolean;
  /** The findings of the mentions this verdict leaves without a finding, shared. */
  clean?: MentionFindings;
}
const NAME: Range = { start: { line: -1, character: 0 }, end: { line: -1, character: 0 } };
const LEVEL: Range = { start: { line: -2, character: 0 }, end: { line: -2, character: 0 } };
const NO_LEVEL = '\u0000';

// Per check context, per certainty, name text and level text: a long advert names the same
// few skills at the same few levels thousands of times.
const verdicts = new WeakMap<object, [Map<string, Map<string, Verdict>>, Map<string, Map<string, Verdict>>]>();
let verdictCount = 0;

/** The verdicts of a check context, by certainty. */
function verdictsOf(context: object): [Map<string, Map<string, Verdict>>, Map<string, Map<string, Verdict>>] {
  let byCertainty = verdicts.get(context);
  if (!byCertainty || verdictCount > 50_000) {
    if (verdictCount > 50_000) verdictCount = 0;
    verdicts.set(context, (byCertainty = [new Map(), new Map()]));
  }
  return byCertainty;
}

function checkMention(
  m: SkillMention,
  framework: Framework,
  role: RoleLevelRef | undefined,
  options: DiagnosticOptions,
  mode: CheckMode,
  context: object,
  byCertainty: [Map<string, Map<string, Verdict>>, Map<string, Map<string, Verdict>>],
): MentionFindings {
  const byName = byCertainty[m.certain ? 1 : 0];
  let byLevel = byName.get(m.name.text);
  if (!byLevel) byName.set(m.name.text, (byLevel = new Map()));
  const levelText = m.levelText ?? NO_LEVEL;
  let verdict = byLevel.get(levelText);
  if (!verdict) {
    verdict = judge(m, framework, role, options, mode);
    byLevel.set(levelText, verdict);
    verdictCount++;
  }
  if (verdict.diagnostics.length === 0) {
    return (verdict.clean ??= { context, diagnostics: NONE, skill: verdict.skill, meant: verdict.meant, ignored: verdict.ignored, unknown: verdict.unknown });
  }
  const diagnostics = verdict.diagnostics.map((d) => ({ ...d, range: d.range === NAME ? m.name.range : m.level!.range }));
  return { context, diagnostics, skill: verdict.skill, meant: verdict.meant, ignored: verdict.ignored, unknown: verdict.unknown };
}

/** The verdict on a mention's texts, its diagnostics pointing at NAME and LEVEL. */
function judge(m: SkillMention, framework: Framework, role: RoleLevelRef | undefined, options: DiagnosticOptions, mode: CheckMode): Verdict {
  const diagnostics: Diagnostic[] = [];
  const loud = reporter(options, diagnostics);
  const report: Report = mode.quiet ? (code, range, message, data, lowered) => loud(code, range, message, data, WRITTEN.has(code) ? 'hint' : lowered) : loud;
  const placeless: SkillMention = {
    name: { text: m.name.text, range: NAME },
    level: m.level && { text: m.level.text, range: LEVEL },
    form: m.form,
    group: m.group,
    certain: m.certain,
    checked: undefined,
  };
  const found = framework.lookupSkillForRole(m.name.text, role);
  let skill: SkillData | undefined;
  let meant: SkillData | undefined;
  if (found.kind === 'exact') skill = found.skill;
  else if (found.kind === 'renamed') {
    skill = found.skill;
    const to = skillFullName(found.skill);
    const when = found.rename?.date ? ` on ${formatDate(found.rename.date)}` : '';
    report('renamed-skill', NAME, `"${m.name.text}" was renamed "${to}"${when}. Use the new name.`, { replacements: [to] });
  } else if (found.kind === 'ambiguous') {
    const names = found.candidates.map(skillFullName);
    report(
      'ambiguous-skill',
      NAME,
      `"${m.name.text}" names ${names.length} skills in ${framework.shortName}: ${quoteList(names)}. Choose one, or name the role so that its own is used.`,
      { replacements: names },
      !m.certain,
    );
  } else {
    // A bold phrase or a list item may be ordinary prose: only flag it when a skill's name is a
    // typo or two away (`Metadata managment`), not when it merely shares a word (`Experience`).
    const close = framework.suggestSkills(m.name.text);
    const typos = close.filter((s) => isTypoOf(m.name.text, s));
    meant = typos[0];
    const suggestions = (m.certain ? close : typos).map(skillFullName);
    if (!m.certain && suggestions.length === 0) return { diagnostics, ignored: true, unknown: true };
    const hint = suggestions.length ? `Did you mean ${quoteList(suggestions)}?` : `Check the spelling, or use "Skill Lens: Show skill" to find the name.`;
    report('unknown-skill', NAME, `"${m.name.text}" is not a ${framework.skillNoun} in ${framework.shortName}. ${hint}`, { replacements: suggestions }, !m.certain);
  }
  if (placeless.level) checkLevel(placeless, skill, framework, mode.review ? undefined : role, report);
  return { diagnostics, skill, meant, ignored: false, unknown: found.kind === 'unknown' };
}

function checkLevel(m: SkillMention, skill: SkillData | undefined, framework: Framework, role: RoleLevelRef | undefined, report: Report): void {
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
function checkDefined(written: Located, level: LevelData, skill: SkillData, framework: Framework, report: Report): boolean {
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
function definedLevels(framework: Framework, skill: SkillData): LevelData[] | undefined {
  let found = definedLevelsCache.get(skill);
  if (found === undefined) {
    found = !skill.levels || Object.keys(skill.levels).length === 0 ? null : framework.levels.filter((l) => framework.skillLevel(skill, l));
    definedLevelsCache.set(skill, found);
  }
  return found ?? undefined;
}
const definedLevelsCache = new WeakMap<SkillData, LevelData[] | null>();

/** A level name in the case the user wrote: `working`, `Working` or `WORKING`. */
function matchCase(written: string, level: LevelData): string {
  // Names such as a ladder's `Senior Cloud Security Engineer` keep their case.
  if (!/^[a-z]+$/.test(level.id)) return level.name;
  const word = level.id;
  if (written === written.toUpperCase() && /[A-Z]/.test(written)) return word.toUpperCase();
  if (/^[A-Z]/.test(written)) return word.charAt(0).toUpperCase() + word.slice(1);
  return /^[a-z]/.test(written) ? word.toLowerCase() : word;
}

/** Text compared for "repeats the level below": case, spacing and final punctuation ignored. */
function comparable(s: string): string {
  const n = normalizeName(s);
  // normalizeName already drops final spaces, full stops, colons, semicolons and commas.
  return n.endsWith('!') ? n.replace(/[.!;:,\s]+$/, '') : n;
}

function checkPathway(doc: ParsedDocument, framework: Framework, options: DiagnosticOptions, out: Diagnostic[], report: Report): void {
  const pathway = doc.pathway!;
  const graded: Graded[] = [];
  for (const { grade, level } of pathway.gradeLevels) {
    const l = framework.findLevelOrNumber(level.text);
    if (!l) reportUnknownLevel(level, framework, report, true);
    graded.push({ grade, level: l, at: level });
  }
  checkGradeOrder(graded, framework, report);
  // A topic's levels are checked again only when the topic changed (or the settings did).
  const context = checkContext(framework, undefined, options, { quiet: false, review: false });
  for (const topic of pathway.topics) {
    let found = topic.checked as { context: object; diagnostics: Diagnostic[] } | undefined;
    if (!found || found.context !== context) {
      const diagnostics: Diagnostic[] = [];
      checkTopicLevels(topic, framework, reporter(options, diagnostics));
      topic.checked = found = { context, diagnostics };
    }
    for (const d of found.diagnostics) out.push(d);
  }
}

/** A grade of a grade map, and the level it maps to (undefined when that is not a level). */
interface Graded {
  grade: Located;
  level: LevelData | undefined;
  at: Located;
}

/**
 * unknown-grade for each grade that is not one; level-order where a higher grade maps to a lower
 * level. `topic`: the skill of a topic's own grade map.
 */
function checkGradeOrder(entries: Graded[], framework: Framework, report: Report, topic?: string): void {
  const ranked: { rank: number; grade: string; level: LevelData; at: Located }[] = [];
  for (const { grade, level, at } of entries) {
    const g = framework.findGrade(grade.text);
    if (!g) {
      const suggestions = framework.suggestGrades(grade.text).map((s) => s.id);
      const hint = suggestions.length ? `Did you mean ${quoteList(suggestions)}?` : `Use one of ${framework.grades.map((x) => x.id).join(', ')}.`;
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

/** A level written the way `written` is: its number when that is a number, else its name in the same case. */
function levelAsWritten(written: string, level: LevelData, framework: Framework): string {
  return Number.isNaN(framework.levelNumber(written)) ? matchCase(written, level) : String(framework.levelIndex(level) + 1);
}

/** `numbered`: a pathway's level, which may be its number on the scale. */
function reportUnknownLevel(level: Located, framework: Framework, report: Report, numbered = false): void {
  // A number past the scale (`5` in a pathway, `level 5`, `Level 5 - Master` in a document): the
  // writer counts levels, so say how far they go rather than which word is spelt alike.
  const n = numbered ? framework.levelNumber(level.text) : NaN;
  const levelN = Number.isNaN(n) ? /^(?:level\s*)?(\d+)(?![\d.])/i.exec(level.text.trim()) : null;
  if (!Number.isNaN(n) || (levelN && !framework.levels.some((l) => l.id === levelN[1]))) {
    const count = framework.levels.length;
    const [first, last] = [framework.levels[0], framework.levels[count - 1]];
    // A pathway's number is replaced by a number, a document's `level 5` by a level's name.
    const replacements = Number.isNaN(n) ? framework.levels.map((l) => matchCase(level.text, l)) : [String(Math.min(Math.max(n, 1), count))];
    report(
      'unknown-level',
      level.range,
      `"${level.text.trim()}" is not a ${framework.levelNoun} in ${framework.shortName}, which has ${count}: use a number from 1 (${first.name.toLowerCase()}) to ${count} (${last.name.toLowerCase()}).`,
      { replacements },
    );
    return;
  }
  const suggestions = framework.suggestLevels(level.text).map((l) => matchCase(level.text, l));
  const all = framework.levels.map((l) => matchCase(level.text, l));
  const hint = suggestions.length ? `Did you mean ${quoteList(suggestions)}?` : `Use one of: ${all.join(', ')}.`;
  report('unknown-level', level.range, `"${level.text}" is not a ${framework.levelNoun} in ${framework.shortName}. ${hint}`, {
    replacements: suggestions.length ? suggestions : all,
  });
}

/**
 * A topic's levels: each must be on the scale and defined for the skill; a grade given with a
 * level (a topic's own grade map, or `content[].grade`) must not need less than a lower grade;
 * and a level must not repeat the one below it.
 */
function checkTopicLevels(topic: PathwayTopic, framework: Framework, report: Report): void {
  const skill = framework.resolveSkill(topic.name.text);
  const levelOf = (written: Located): LevelData | undefined => {
    const level = framework.findLevelOrNumber(written.text);
    if (!level) reportUnknownLevel(written, framework, report, true);
    else if (skill) checkDefined(written, level, skill, framework, report);
    return level;
  };
  const known: { level: LevelData; entry: PathwayTopic['levels'][number] }[] = [];
  const graded: Graded[] = [];
  for (const entry of topic.levels) {
    const level = levelOf(entry.level);
    if (level) known.push({ level, entry });
    if (entry.grade) graded.push({ grade: entry.grade, level, at: entry.level });
  }
  for (const { grade, level } of topic.gradeLevels) graded.push({ grade, level: levelOf(level), at: level });
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

/** Findings an editor is sent per document; VS Code itself shows no more than 1,000 per file. */
export const MAX_PUBLISHED_DIAGNOSTICS = 5000;

/**
 * At most `max` findings, errors first, then warnings, information and hints, in reading order,
 * and a note saying how many were left out. A 10 MB paste can hold hundreds of thousands of
 * findings: sending them all would stall the editor, and nobody reads past the first screens.
 */
export function limitDiagnostics(diagnostics: Diagnostic[], max = MAX_PUBLISHED_DIAGNOSTICS): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const rank = (d: Diagnostic) => d.severity ?? DiagnosticSeverity.Error;
  const kept = diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.d);
  // Digits grouped by hand: toLocaleString would load Intl's number data (megabytes) for one message.
  const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  kept.unshift({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'skill-lens',
    message: `Skill Lens shows ${count(max)} of the ${count(diagnostics.length)} findings in this document, errors first. Run "skill-lens check" on the file for all of them.`,
  });
  return kept;
}
