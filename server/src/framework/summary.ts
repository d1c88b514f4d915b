// Counts that describe a loaded framework, for `skill-lens frameworks` and the editor's picker.
import type { Framework } from './framework';
import type { FrameworkSummary } from '../protocol';

export function frameworkSummary(f: Framework): Omit<FrameworkSummary, 'active'> {
  let skillLevels = 0;
  let notDefinedLevels = 0;
  for (const skill of f.skills) {
    for (const entry of Object.values(skill.levels ?? {})) {
      skillLevels++;
      if (entry === null) notDefinedLevels++;
    }
  }
  return {
    id: f.id,
    name: f.name,
    skills: f.skills.length,
    skillLevels,
    notDefinedLevels,
    roles: f.data.roles?.length ?? 0,
    roleLevels: f.roleLevels.length,
    renames: f.renames.length,
  };
}
