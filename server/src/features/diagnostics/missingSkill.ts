// missing-skill: a skill the advert's role level requires that it never mentions. A review gets
// review-coverage instead (reviews/checks.ts).
import { type Framework, type RoleLevelRef } from '../../framework/framework';
import { SkillData, skillFullName } from '../../framework/model';
import type { ParsedDocument } from '../../documents/model';
import { Report } from './report';
import { addSkillLines, skillList } from '../skillLines';

export function checkMissingSkills(doc: ParsedDocument, framework: Framework, role: RoleLevelRef | undefined, mentioned: Set<SkillData>, report: Report): void {
  if (role && doc.kind === 'job-advert' && doc.role) {
    let list: ReturnType<typeof skillList> | null = null;
    for (const req of role.level.skills) {
      const skill = framework.resolveSkill(req.skill);
      if (!skill || mentioned.has(skill)) continue;
      const level = framework.levelName(req.level);
      const found = framework.findLevel(req.level);
      // The fix adds the skill to the advert's list, written as its items are (skillLines.ts).
      if (list === null) list = skillList(doc);
      const insert = found && addSkillLines(doc, framework, list, [{ name: skillFullName(skill), level: found }]);
      report(
        'missing-skill',
        doc.role.range,
        `${role.level.name} requires ${skillFullName(skill)} at ${level.toLowerCase()}, which this advert never mentions. Add it, or change the role.`,
        insert ? { insert: { ...insert, title: `Add ${skillFullName(skill)} (${req.level})` } } : undefined,
      );
    }
  }
}
