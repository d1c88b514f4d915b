// unknown-skill, ambiguous-skill, renamed-skill and duplicate-skill: each skill mention, with
// its findings kept from one version of the document to the next.
import { Diagnostic, Range } from 'vscode-languageserver-types';
import { isTypoOf, type Framework, type RoleLevelRef } from '../../framework/framework';
import { SkillData, skillFullName } from '../../framework/model';
import { normalizeName, splitQualifier } from '../../framework/normalize';
import { RoleLevelMention, type Located, type ParsedDocument, type SkillMention } from '../../documents/model';
import { formatDate } from '../frameworkProse';
import { checkContext, CheckMode, quoteList, Report, reporter, WRITTEN } from './report';
import { checkLevel } from './levels';
import { caches } from '../../caches';

/**
 * What the checks of one mention found, apart from duplicates (which depend on its list). A
 * mention that did not change keeps its findings from one version of the document to the next
 * while framework, role and severities stay the same: in a long advert, an edit re-checks the
 * few mentions it touched.
 */
export interface MentionFindings {
  context: object;
  diagnostics: Diagnostic[];
  skill?: SkillData;
  meant?: SkillData;
  /** A phrase that may be prose and is like no skill: no finding, and not a list entry. */
  ignored: boolean;
  unknown: boolean;
}

export function checkMentions(
  doc: ParsedDocument,
  framework: Framework,
  role: RoleLevelRef | undefined,
  mode: CheckMode,
  out: Diagnostic[],
  outerReport: Report,
  keep = true,
): Set<SkillData> {
  const mentioned = new Set<SkillData>();
  const context = checkContext(framework, role, mode);
  const report: Report = mode.quiet ? (code, range, message, data, lowered) => outerReport(code, range, message, data, WRITTEN.has(code) ? 'hint' : lowered) : outerReport;
  let byCertainty: ReturnType<typeof verdictsOf> | undefined;
  // Per list, table or section, the first mention of each skill.
  const firstInGroup = new Map<string, Map<SkillData, Located>>();
  const mentions = doc.mentions;
  const kept = lastChecked.reuse(doc.uri, mentions, context);
  const all = new Array<MentionFindings>(mentions.length);
  if (keep) lastChecked.set(doc.uri, mentions, all);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const found = (all[i] = kept(i) ?? (m instanceof RoleLevelMention ? checkRoleMention(m, framework, mode, context) : checkMention(m, framework, role, mode, context, (byCertainty ??= verdictsOf(context)))));
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

/** Each document's mentions at its last check, and what was found of them (see KeptFindings). */
const lastChecked = caches.kept<SkillMention, MentionFindings>();

/** Most mentions have no finding: they share this (never changed) list. */
const NONE = Object.freeze([]) as unknown as Diagnostic[];

/**
 * What the checks say of a name written with a level, wherever it is written: the same for
 * every mention with the same texts under the same framework, role and mode. Its findings say
 * whether they are on the name or the level; each mention gives them its own ranges.
 */
interface Verdict {
  // Each finding as the first mention with these texts got it: the others copy it with their ranges
  // (copying a finding made without its range, by object rest, cost 2 ms more on the 1 MB advert).
  diagnostics: { on: 'name' | 'level'; diagnostic: Diagnostic }[];
  skill?: SkillData;
  /** For a name that is no skill: the skill it misspells, if one is a typo away. */
  meant?: SkillData;
  ignored: boolean;
  unknown: boolean;
  /** The findings of the mentions this verdict leaves without a finding, shared. */
  clean?: MentionFindings;
}
const NO_LEVEL = '\u0000';

type Verdicts = [Map<string, Map<string, Verdict>>, Map<string, Map<string, Verdict>>];

/**
 * Per check context, per certainty, name text and level text: a long advert names the same few
 * skills at the same few levels thousands of times. Started afresh past 50,000 verdicts.
 */
class VerdictStore {
  private byContext = new WeakMap<object, Verdicts>();
  private count = 0;

  of(context: object): Verdicts {
    let byCertainty = this.byContext.get(context);
    if (!byCertainty || this.count > 50_000) {
      if (this.count > 50_000) this.count = 0;
      this.byContext.set(context, (byCertainty = [new Map(), new Map()]));
    }
    return byCertainty;
  }

  added(): void {
    this.count++;
  }

  clear(): void {
    this.byContext = new WeakMap();
    this.count = 0;
  }
}
const verdicts = caches.own(new VerdictStore());

/** The verdicts of a check context, by certainty. */
function verdictsOf(context: object): Verdicts {
  return verdicts.of(context);
}

function checkMention(
  m: SkillMention,
  framework: Framework,
  role: RoleLevelRef | undefined,
  mode: CheckMode,
  context: object,
  byCertainty: Verdicts,
): MentionFindings {
  const byName = byCertainty[m.certain ? 1 : 0];
  let byLevel = byName.get(m.name.text);
  if (!byLevel) byName.set(m.name.text, (byLevel = new Map()));
  const levelText = m.levelText ?? NO_LEVEL;
  let verdict = byLevel.get(levelText);
  if (!verdict) {
    verdict = judge(m, framework, role, mode);
    byLevel.set(levelText, verdict);
    verdicts.added();
  }
  if (verdict.diagnostics.length === 0) {
    return (verdict.clean ??= { context, diagnostics: NONE, skill: verdict.skill, meant: verdict.meant, ignored: verdict.ignored, unknown: verdict.unknown });
  }
  const diagnostics = verdict.diagnostics.map(({ on, diagnostic }) => ({ ...diagnostic, range: on === 'name' ? m.name.range : m.level!.range }));
  return { context, diagnostics, skill: verdict.skill, meant: verdict.meant, ignored: verdict.ignored, unknown: verdict.unknown };
}

/**
 * A mention checked against its own role level (a role page's section, a skill x role-level
 * table's column), with the verdicts of that role level. A table's row reports its name once,
 * each of its cells its level. Its findings are kept under the document's context.
 */
function checkRoleMention(m: RoleLevelMention, framework: Framework, mode: CheckMode, context: object): MentionFindings {
  const role = framework.findRoleLevel(m.roleLevel);
  const own = checkContext(framework, role, mode);
  const found = checkMention(m, framework, role, mode, own, verdictsOf(own));
  let diagnostics = found.diagnostics;
  if (m.form === 'table' && diagnostics.length) {
    const onName = m.levelText === undefined;
    diagnostics = diagnostics.filter((d) => (d.range === m.name.range) === onName);
  }
  return { ...found, context, diagnostics: diagnostics.length ? diagnostics : NONE };
}

/**
 * The qualifier of a name read as `skill` that none of the skill's qualified variants has, with
 * those variants; undefined when the qualifier is the skill's own, or names a role (whose skill
 * it is: `Coding and scripting (infrastructure engineer)`), or the skill has no variants.
 */
function unknownQualifier(text: string, skill: SkillData, framework: Framework): { qualifier: string; variants: SkillData[] } | undefined {
  if (!text.endsWith(')')) return undefined;
  const { qualifier } = splitQualifier(text);
  if (qualifier === undefined || normalizeName(text) === normalizeName(skillFullName(skill))) return undefined;
  const variants = framework.variantsOf(skill).filter((v) => v.qualifier);
  const wanted = normalizeName(qualifier);
  if (!wanted || variants.length === 0 || (skill.aliases ?? []).some((a) => normalizeName(a) === normalizeName(text))) return undefined;
  if (variants.some((v) => normalizeName(v.qualifier!).includes(wanted) || wanted.includes(normalizeName(v.qualifier!)))) return undefined;
  const roles = framework.data.roles ?? [];
  if (roles.some((r) => normalizeName(r.name) === wanted || (r.family && normalizeName(r.family) === wanted)) || framework.findRoleLevel(qualifier)) return undefined;
  return { qualifier, variants };
}

/** The verdict on a mention's texts: its findings, each on the name or the level. */
function judge(m: SkillMention, framework: Framework, role: RoleLevelRef | undefined, mode: CheckMode): Verdict {
  const NAME = m.name.range;
  const found = judgeAt(m, NAME, framework, role, mode);
  return { ...found, diagnostics: found.diagnostics.map((diagnostic) => ({ on: diagnostic.range === NAME ? 'name' : 'level', diagnostic })) };
}

/** The checks of a mention's name and level, reported at its name's range (NAME) and its level's. */
function judgeAt(m: SkillMention, NAME: Range, framework: Framework, role: RoleLevelRef | undefined, mode: CheckMode): Omit<Verdict, 'diagnostics'> & { diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const loud = reporter(diagnostics);
  const report: Report = mode.quiet ? (code, range, message, data, lowered) => loud(code, range, message, data, WRITTEN.has(code) ? 'hint' : lowered) : loud;
  const level = m.level;
  const placeless: SkillMention = { name: { text: m.name.text, range: NAME }, level: level && { text: level.text, range: level.range }, form: m.form, group: m.group, certain: m.certain };
  const found = framework.lookupSkillForRole(m.name.text, role);
  let skill: SkillData | undefined;
  let meant: SkillData | undefined;
  if (found.kind === 'exact') {
    skill = found.skill;
    // `Technical understanding (data engineering)`: a qualifier no variant has is not dropped in silence.
    const odd = unknownQualifier(m.name.text, skill, framework);
    if (odd) {
      const variants = odd.variants.map((v) => v.qualifier!);
      report(
        'unknown-skill',
        NAME,
        `${framework.shortName} has no "${odd.qualifier}" variant of ${skill.name}: read as ${skillFullName(skill)}. Its variants: ${quoteList(variants, 'and')}.`,
        { replacements: [skillFullName(skill), ...odd.variants.map(skillFullName)] },
        'hint',
      );
    }
  } else if (found.kind === 'renamed') {
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
    // No name spelt alike (an old job description's `Research methods and planning`): the skill
    // closest by what it is about, a guess to choose, never the one clear fix.
    const topic = suggestions.length === 0 ? framework.closestByTopic(m.name.text) : undefined;
    const not = `"${m.name.text}" is not a ${framework.skillNoun} in ${framework.shortName}`;
    if (topic) {
      const name = skillFullName(topic);
      report('unknown-skill', NAME, `${not}, and no ${framework.skillNoun} is spelt like it. Closest by topic: "${name}".`, { replacements: [], byTopic: [name] });
    } else {
      // Nothing spelt alike: most often a tool or a team's own skill (Kubernetes), spelt right.
      const message = suggestions.length
        ? `${not}. Did you mean ${quoteList(suggestions)}?`
        : `${not}, and no ${framework.skillNoun} is spelt like it. If it is a tool or a ${framework.skillNoun} of your own, add it to the ignore list; "Skill Lens: Show skill" finds the ${framework.skillNoun}s of ${framework.shortName} by what they are about.`;
      report('unknown-skill', NAME, message, { replacements: suggestions }, !m.certain);
    }
  }
  if (placeless.level) checkLevel(placeless, skill, framework, mode.review ? undefined : role, report);
  return { diagnostics, skill, meant, ignored: false, unknown: found.kind === 'unknown' };
}
