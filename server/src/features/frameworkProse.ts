// How the framework is described in words: a skill, its levels, a grade, a role level, dates.
// Hover, completion's documentation and the diagnostics' messages share these sentences, so
// a skill reads the same wherever it is explained.
import type { Framework, RoleLevelRef, RoleNeed } from '../framework/framework';
import { GradeData, LevelData, SkillData, skillFullName } from '../framework/model';
import { normalizeName } from '../framework/normalize';

/** Heading, category and description of a skill: the start of every skill explanation. */
export function skillHeader(framework: Framework, skill: SkillData): string {
  const parts = [`### ${escapeMd(skillFullName(skill))}`, `_${escapeMd(skillCategory(framework, skill))}_`];
  if (skill.description) parts.push(escapeMd(skill.description));
  return parts.join('\n\n');
}

/** `Senior Civil Service`, or `DDaT skill` when the framework gives no category. */
export function skillCategory(framework: Framework, skill: SkillData): string {
  return skill.category ?? `${frameworkLabel(framework)} ${framework.skillNoun}`;
}

/** A short name for the framework in running text (`DDaT`), never a paragraph-long title. */
export function frameworkLabel(framework: Framework): string {
  return framework.shortName.length <= 20 ? framework.shortName : framework.id.toUpperCase();
}

/** What the skill says at one level: "**Practitioner** — you can:" and the statements. */
export function statementsAt(framework: Framework, skill: SkillData, level: LevelData): string {
  const at = framework.skillLevel(skill, level);
  if (at === null) return `_Not defined at ${levelWordMd(level)}._`;
  // A skill that gives some levels and not this one does not define it.
  if (at === undefined && skill.levels && Object.keys(skill.levels).length > 0) return `_Not defined at ${levelWordMd(level)}._`;
  if (at === undefined) {
    // Skills without levels (DDaT Senior Civil Service skills) say what you can do at any level.
    const general = levelsBriefly(framework, skill);
    return `_${escapeMd(skillFullName(skill))} has no ${escapeMd(framework.levelNoun)}s._${general ? `\n\n${general}` : ''}`;
  }
  return `${levelLead(level, at.statements)}\n\n${bullets(at.statements)}`;
}

/** One line per level with its first statement: enough to choose a level without scrolling. */
export function levelsBriefly(framework: Framework, skill: SkillData): string {
  if (!skill.levels || Object.keys(skill.levels).length === 0) {
    if (!skill.statements?.length) return '';
    const lead = capitalise(leadIn(skill.statements));
    return lead ? `${lead}\n\n${bullets(skill.statements)}` : bullets(skill.statements);
  }
  const lines: string[] = [];
  for (const level of framework.levels) {
    const at = framework.skillLevel(skill, level);
    if (at === undefined) continue;
    if (at === null) lines.push(`- **${escapeMd(level.name)}**: not defined`);
    else {
      const more = at.statements.length > 1 ? ` (and ${at.statements.length - 1} more)` : '';
      lines.push(`- **${escapeMd(level.name)}**: ${escapeMd(truncate(at.statements[0] ?? '', 100))}${more}`);
    }
  }
  return lines.join('\n');
}

/** "Renamed from Problem solving on 30 August 2022." for every recorded rename of the skill. */
export function renameNotes(framework: Framework, skill: SkillData): string {
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const rename of framework.renames) {
    if (framework.resolveSkill(rename.to) !== skill) continue;
    seen.add(normalizeName(rename.from));
    notes.push(`Renamed from ${escapeMd(rename.from)}${rename.date ? ` on ${escapeMd(formatDate(rename.date))}` : ''}.`);
  }
  for (const old of skill.formerNames ?? []) {
    if (!seen.has(normalizeName(old))) notes.push(`Formerly called ${escapeMd(old)}.`);
  }
  return notes.join(' ');
}

/** "**Working**: level 2 of 4 (awareness < **working** < practitioner < expert)". */
export function levelPlace(framework: Framework, level: LevelData): string {
  const index = framework.levelIndex(level);
  const scale = framework.levels.map((l) => (l === level ? `**${levelWordMd(l)}**` : levelWordMd(l))).join(' < ');
  return `**${escapeMd(level.name)}**: level ${index + 1} of ${framework.levels.length} (${scale})`;
}

export function scaleLine(framework: Framework): string {
  return `The ${escapeMd(framework.levelNoun)}s, lowest first: ${framework.levels.map(levelWordMd).join(' < ')}.`;
}

/** How a level is written in documents: `working`, `3`, `L3` (the id, which people type). */
export function levelWord(level: LevelData): string {
  return level.id;
}

/** levelWord, escaped for Markdown. */
export function levelWordMd(level: LevelData): string {
  return escapeMd(levelWord(level));
}

/** A level as a message says it: DDaT's `working`, a ladder's `Senior Cloud Security Engineer`, SFIA's `Apply`. */
export function levelInProse(level: LevelData): string {
  return /^[a-z]+$/.test(level.id) ? level.name.toLowerCase() : level.name;
}

/** A level in a cell of a table to fill in: `working` where ids are words, else its id (`3`). */
export function levelInCell(level: LevelData): string {
  return /^[a-z]+$/.test(level.id) ? level.name.toLowerCase() : level.id;
}

/** "**SEO**: Senior Executive Officer" and the role levels performed at the grade. */
export function gradeSummary(framework: Framework, grade: GradeData): string {
  const head = grade.name && grade.name !== grade.id ? `**${escapeMd(grade.id)}**: ${escapeMd(grade.name)}` : `**${escapeMd(grade.id)}**`;
  const roles = rolesAtGrade(framework, grade).map((r) => escapeMd(r.level.name));
  if (!roles.length) return `${head}\n\nNo role level of ${escapeMd(frameworkLabel(framework))} is performed at this grade.`;
  return `${head}\n\n${joinWords(roles, 'and')} ${roles.length === 1 ? 'is' : 'are'} performed at this grade.`;
}

export function rolesAtGrade(framework: Framework, grade: GradeData): RoleLevelRef[] {
  return framework.roleLevels.filter((r) => r.level.grades.some((g) => framework.findGrade(g) === grade));
}

/** A role level's role, grades, responsibilities and skills with their levels. */
export function roleSummary(framework: Framework, role: RoleLevelRef): string {
  const { role: family, level, index } = role;
  const place = `${family.family ? `${escapeMd(family.family)} › ` : ''}${escapeMd(family.name)}, role level ${index + 1} of ${family.levels.length}`;
  const parts = [`### ${escapeMd(level.name)}`, `_${place}_`];
  if (family.description) parts.push(escapeMd(truncate(family.description.split('\n')[0], 400)));
  if (level.summary) parts.push(escapeMd(level.summary));
  if (level.grades.length) {
    const grades = level.grades.map((id) => {
      const g = framework.findGrade(id);
      return g && g.name !== g.id ? `${escapeMd(g.id)} (${escapeMd(g.name)})` : escapeMd(id);
    });
    parts.push(`**Grades:** ${joinWords(grades, 'and')}.`);
  } else if (framework.grades.length) {
    parts.push(`**Grades:** not given by ${escapeMd(framework.shortName)} for this role level.`);
  }
  if (level.responsibilities.length) parts.push(`**At this role level, you will:**\n\n${bullets(level.responsibilities)}`);
  if (level.skills.length) {
    const skills = level.skills.map((s) => {
      const l = framework.findLevel(s.level);
      return `- ${escapeMd(s.skill)}: ${l ? levelWordMd(l) : escapeMd(s.level)}`;
    });
    parts.push(`**Skills (${level.skills.length}):**\n\n${skills.join('\n')}`);
  }
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/** DDaT statements continue "you can …" (they start in lower case); a ladder's "I …" and SFIA's
 *  "Provisions, deploys…" are whole sentences and need no lead-in. */
function isFirstPerson(statements: string[]): boolean {
  return statements.length > 0 && /^[A-Z]/.test(statements[0]);
}

function leadIn(statements: string[]): string {
  return isFirstPerson(statements) ? '' : 'you can:';
}

/** "**Practitioner** — you can:", or "**Senior Cloud Security Engineer (L3)**:" for a ladder. */
function levelLead(level: LevelData, statements: string[]): string {
  if (!isFirstPerson(statements)) return `**${escapeMd(level.name)}** — you can:`;
  const name = level.name === level.id ? level.name : `${level.name} (${level.id})`;
  return `**${escapeMd(name)}**:`;
}

function bullets(items: string[]): string {
  return items.map((s) => `- ${escapeMd(s)}`).join('\n');
}

/**
 * Markdown-escapes text from the framework, so that it is shown as written and never becomes
 * markup: a framework file is workspace content, and may come from a cloned repository. With
 * `<` and `[` escaped no HTML, link, image, autolink or link reference can start; `*`, `_`,
 * backticks and `|` keep emphasis, code and table cells from changing it (`C#`, `*nix`).
 */
export function escapeMd(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

/** Text as a code span, whatever backticks it holds: a fence longer than any run of them. */
export function codeSpan(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** "a, b and c": lists that read naturally aloud. */
export function joinWords(items: string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** `Data engineer (working to practitioner)`: a role and the range of levels its role levels need. */
export function roleNeedBriefly(framework: Framework, need: RoleNeed): string {
  const name = escapeMd(need.role);
  if (need.levels.length === 0) return name;
  const ranks = need.levels.map(({ level }) => framework.levelIndex(level));
  const low = framework.levels[Math.min(...ranks)];
  const high = framework.levels[Math.max(...ranks)];
  return low === high ? `${name} (${levelWordMd(low)})` : `${name} (${levelWordMd(low)} to ${levelWordMd(high)})`;
}

export function limit(items: string[], max: number): string[] {
  return items.length <= max ? items : [...items.slice(0, max), `${items.length - max} more`];
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022-08-30` as people say it: `30 August 2022`. Anything else is shown as written. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || +m[2] < 1 || +m[2] > 12) return iso;
  return `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
}

