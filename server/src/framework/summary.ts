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
    ...(f.data.source ? { source: f.data.source } : {}),
    ...(f.data.imports?.length ? { imported: true } : {}),
    ...(withImports && f.data.imports
      ? { imports: f.data.imports.map(({ source, repaired, skipped }) => ({ source, repaired, skipped })) }
      : {}),
  };
}

/**
 * One line that says honestly what a framework holds, for the editor's picker: counts with
 * their plurals (`1 skill`), and an embedded framework imported from a single sample page says
 * it is a sample (`a one-skill sample: SFIA 9 skill page: …`), not the whole framework.
 */
export function frameworkDetail(f: Pick<FrameworkSummary, 'skills' | 'roleLevels' | 'source' | 'imported'>): string {
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const counts = `${count(f.skills, 'skill')}, ${f.roleLevels ? count(f.roleLevels, 'role level') : 'no role levels'}`;
  // The embedded DDaT holds every skill; the other seeds are one page of their framework.
  if (!f.imported || f.skills >= SAMPLE_BELOW) return counts;
  const sample = f.skills === 1 ? 'a one-skill sample' : `a sample of ${f.skills} skills`;
  return `${counts}: ${sample}${f.source ? ` (${f.source})` : ''}, not the whole framework`;
}

/** Fewer skills than this, imported from the seeds, is a sample page rather than a framework. */
const SAMPLE_BELOW = 10;
