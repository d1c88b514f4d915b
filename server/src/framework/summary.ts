// Counts that describe a loaded framework, for `skill-lens frameworks` and the editor's picker.
import type { Framework } from './framework';
import type { FrameworkSummary } from '../protocol';

export function frameworkSummary(f: Framework, withImports = false): Omit<FrameworkSummary, 'active'> {
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
    roleFamilies: new Set((f.data.roles ?? []).map((role) => role.family ?? role.name)).size,
    roles: f.data.roles?.length ?? 0,
    roleLevels: f.roleLevels.length,
    requirements: f.roleLevels.reduce((sum, ref) => sum + ref.level.skills.length, 0),
    renames: f.renames.length,
    ...(withImports && f.data.imports
      ? { imports: f.data.imports.map(({ source, repaired, skipped }) => ({ source, repaired, skipped })) }
      : {}),
  };
}
