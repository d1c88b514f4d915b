// Text a user inserts: a role level's skills in the document's own style, and a whole new
// job advert for a role level.
import type { Framework, RoleLevelRef } from '../framework/framework';
import { skillFullName, type SkillData } from '../framework/model';
import type { ParsedDocument } from '../documents/model';

import type { SkillsStyle } from '../protocol';

export type { SkillsStyle };

/** How a document already writes skills with levels (the most common form wins; lists by default). */
export function documentStyle(doc: ParsedDocument): SkillsStyle {
  const counts = { list: 0, table: 0, govuk: 0 };
  for (const m of doc.mentions) {
    if (m.levelText === undefined) continue;
    if (m.form === 'table') counts.table++;
    else if (m.form === 'govuk') counts.govuk++;
    else if (m.form === 'inline') counts.list++;
  }
  if (counts.table > counts.list && counts.table >= counts.govuk) return 'table';
  if (counts.govuk > counts.list) return 'govuk';
  return 'list';
}

/** `leave`: skills the document names already, not written again. */
export function skillsText(framework: Framework, role: RoleLevelRef, style: SkillsStyle, leave?: ReadonlySet<SkillData>): string {
  const rows = role.level.skills.flatMap((req) => {
    const skill = framework.resolveSkill(req.skill);
    if (skill && leave?.has(skill)) return [];
    return [{ name: skill ? skillFullName(skill) : req.skill, level: framework.levelName(req.level).toLowerCase() }];
  });
  switch (style) {
    case 'table':
      return ['| Skill | Level |', '| --- | --- |', ...rows.map((r) => `| ${r.name} | ${r.level} |`)].join('\n') + '\n';
    case 'govuk':
      return rows.map((r) => `${r.name}\n\nLevel: ${r.level}\n`).join('\n');
    default:
      return rows.map((r) => `- **${r.name}** (${r.level})`).join('\n') + '\n';
  }
}

export function newAdvertText(framework: Framework, role: RoleLevelRef): string {
  const level = role.level;
  const grade = level.grades[0] ?? '';
  const out = [
    '---',
    'kind: job-advert',
    `framework: ${framework.id}`,
    `role: ${level.name}`,
    ...(grade ? [`grade: ${grade}`] : []),
    '---',
    '',
    `# ${level.name}`,
    '',
    '## About the role',
    '',
    level.summary ?? `Describe the team and the work of this ${level.name.toLowerCase()}.`,
    '',
  ];
  if (level.responsibilities.length) {
    out.push('## What you will do', '', ...level.responsibilities.map((r) => `- ${r}`), '');
  }
  if (level.grades.length) {
    out.push('## Grade', '', `This role is advertised at ${grade}. It is often performed at ${level.grades.join(' or ')}.`, '');
  }
  out.push('## Skills you need', '', skillsText(framework, role, 'list'));
  return out.join('\n');
}
