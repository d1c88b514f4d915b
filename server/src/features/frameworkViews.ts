// Read-only views of the framework, as Markdown: a skill at every level (Show skill, the CLI's
// `show`) and two role levels side by side (Compare role levels). Every framework string is
// escaped (escapeMd): a framework file may come from a cloned repository.
import { compareProfile, profileSvg } from '../reviews/profile';
import type { Framework, RoleLevelRef } from '../framework/framework';
import { LevelData, SkillData, skillFullName } from '../framework/model';
import { escapeMd } from './frameworkProse';

/** The whole skill: description, each level's statements (or "not defined"), the roles needing it. */
export function skillMarkdown(framework: Framework, skill: SkillData, only?: LevelData): string {
  const name = escapeMd(skillFullName(skill));
  const out: string[] = [`# ${name}`, ''];
  const facts = [skill.code && `Code: ${skill.code}`, skill.category, `${framework.shortName} ${framework.skillNoun}`].filter((f): f is string => !!f);
  out.push(`_${facts.map(escapeMd).join(' · ')}_`, '');
  if (skill.description) out.push(escapeMd(skill.description), '');
  if (skill.formerNames?.length) {
    const rename = framework.renames.find((r) => skill.formerNames!.some((f) => f.toLowerCase() === r.from.toLowerCase()));
    out.push(`Formerly: ${skill.formerNames.map(escapeMd).join(', ')}${rename?.date ? ` (renamed ${escapeMd(rename.date)})` : ''}.`, '');
  }
  if (skill.statements?.length) {
    out.push('## You can', '', ...skill.statements.map((s) => `- ${escapeMd(s)}`), '');
  }
  if (skill.examples?.length) {
    out.push('## Examples', '', ...skill.examples.map((s) => `- ${escapeMd(s)}`), '');
  }
  if (skill.levels) {
    for (const level of framework.levels) {
      if (only && level !== only) continue;
      if (!Object.hasOwn(skill.levels, level.id)) continue;
      const at = skill.levels[level.id];
      out.push(`## ${levelTitle(framework, level)}`, '');
      if (!at) {
        out.push(`_This ${escapeMd(framework.levelNoun)} is not defined for ${name}._`, '');
        continue;
      }
      out.push(framework.skillNoun === 'skill' ? 'You can:' : 'Statements:', '', ...at.statements.map((s) => `- ${escapeMd(s)}`), '');
      if (at.examples?.length) out.push('Examples:', '', ...at.examples.map((s) => `- ${escapeMd(s)}`), '');
    }
  }
  const roles = framework.rolesNeeding(skill);
  if (roles.length) {
    out.push('## Roles that need it', '');
    for (const need of roles) {
      const levels = need.levels.map(({ roleLevel, level }) => `${escapeMd(roleLevel)} ${escapeMd(level.name.toLowerCase())}`);
      out.push(`- ${escapeMd(need.role)}${levels.length ? `: ${levels.join(', ')}` : ''}`);
    }
    out.push('');
  }
  if (skill.notes?.length) out.push('## Notes', '', ...skill.notes.map(escapeMd), '');
  return out.join('\n');
}

function levelTitle(framework: Framework, level: LevelData): string {
  const position = framework.levelIndex(level) + 1;
  const name = level.id === level.name || /^[a-z]/.test(level.id) ? level.name : `${level.id} ${level.name}`;
  return `${escapeMd(name)} (${escapeMd(framework.levelNoun)} ${position} of ${framework.levels.length})`;
}

/** Two role levels side by side: which skills appear, disappear or change level. */
export function compareMarkdown(framework: Framework, a: RoleLevelRef, b: RoleLevelRef): string {
  const [nameA, nameB] = [escapeMd(a.level.name), escapeMd(b.level.name)];
  const out = [`# ${nameA} → ${nameB}`, ''];
  const place = (r: RoleLevelRef) => `${r.role.family ? `${escapeMd(r.role.family)} › ` : ''}${escapeMd(r.role.name)}, role level ${r.index + 1} of ${r.role.levels.length}`;
  const grades = (r: RoleLevelRef) => r.level.grades.map(escapeMd).join(', ') || 'not given';
  out.push(`${place(a)} → ${place(b)}`, '');
  out.push(`Grades: ${grades(a)} → ${grades(b)}`, '');
  out.push(`| Skill | ${cell(nameA)} | ${cell(nameB)} | Change |`, '| --- | --- | --- | --- |');
  const names = new Map<string, { a?: string; b?: string }>();
  for (const [side, ref] of [['a', a], ['b', b]] as const) {
    for (const req of ref.level.skills) {
      const skill = framework.resolveSkill(req.skill);
      const key = skill ? skillFullName(skill) : req.skill;
      const entry = names.get(key) ?? {};
      entry[side] = req.level;
      names.set(key, entry);
    }
  }
  let changed = 0;
  for (const [name, { a: la, b: lb }] of names) {
    const change =
      la === undefined ? 'added' : lb === undefined ? 'dropped' : la === lb ? '' : framework.levelIndex(lb) > framework.levelIndex(la) ? '▲ up' : '▼ down';
    if (change) changed++;
    const show = (id?: string) => (id === undefined ? '—' : cell(escapeMd(framework.levelName(id).toLowerCase())));
    out.push(`| ${cell(escapeMd(name))} | ${show(la)} | ${show(lb)} | ${change} |`);
  }
  out.push('', `${changed} of ${names.size} skills change.`);
  // The profile view's chart, as an image the Markdown preview shows (its CSP allows data: images;
  // inline SVG would be sanitised away). Outside a webview the theme's colours fall back to fixed ones.
  const svg = profileSvg(compareProfile(framework, a, b));
  out.push('', `![Each skill's level at ${nameA} and ${nameB}](data:image/svg+xml;base64,${base64(svg)})`);
  if (b.level.responsibilities.length) {
    out.push('', `## ${nameB}: at this role level, you will`, '', ...b.level.responsibilities.map((r) => `- ${escapeMd(r)}`));
  }
  return out.join('\n') + '\n';
}

/** Escaped text as one table cell: a line break would end the row. */
function cell(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A text's UTF-8 bytes in base64, with what both Node and the browser's worker have. */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
