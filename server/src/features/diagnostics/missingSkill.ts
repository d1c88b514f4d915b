// missing-skill: a skill the advert's role level requires that it never mentions. A review gets
// review-coverage instead (reviews/checks.ts).
import { type Framework, type RoleLevelRef } from '../../framework/framework';
import { SkillData, skillFullName } from '../../framework/model';
import type { ParsedDocument } from '../../documents/model';
import { Report } from './report';

export function checkMissingSkills(doc: ParsedDocument, framework: Framework, role: RoleLevelRef | undefined, mentioned: Set<SkillData>, report: Report): void {
  if (role && doc.kind === 'job-advert' && doc.role) {
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
}
