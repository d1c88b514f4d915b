// `skill-lens import ddat`: a workspace framework file from a newer official export, without
// waiting for a release. The framework the extension embeds is the base: its skills A to Z (or a
// newer A to Z page given with --a-z), its grades, renames and role pages; the export brings every
// role. What the importers repaired and skipped is printed and kept in the file.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { dump } from 'js-yaml';
import type { FrameworkData, ImportReport } from '../src/framework/model';
import { skillFullName } from '../src/framework/model';
import { ImportError, storedReports } from './common';
import { decodeCsv } from './csv';
import { importDdatCsv } from './ddatCsv';
import { importDdatSkills } from './ddatSkills';

export interface ImportDdatFiles {
  roles: string;
  skills?: string;
  aToZ?: string;
  out: string;
}

/** A problem with what the user gave: the CLI prints it and exits 2, writing nothing. */
export class ImportInputError extends Error {}

function readBytes(path: string, what: string): Uint8Array {
  if (!existsSync(path)) throw new ImportInputError(`${what} ${path} does not exist.`);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ImportInputError(`${what} ${path} cannot be read: ${(error as Error).message}`);
  }
}

/** Builds the framework from the files over `embedded` (the DDaT framework the extension ships). */
export function importDdatFiles(files: Omit<ImportDdatFiles, 'out'>, embedded: FrameworkData): { data: FrameworkData; reports: ImportReport[] } {
  const reports: ImportReport[] = [];
  try {
    const rolesCsv = decodeCsv(readBytes(files.roles, 'The roles export'), basename(files.roles));
    const skillsCsv = files.skills ? decodeCsv(readBytes(files.skills, 'The skills export'), basename(files.skills)) : undefined;
    // Role pages (roles whose levels carry grades) stay; the export replaces every other role.
    const base: FrameworkData = { ...embedded, roles: (embedded.roles ?? []).filter((role) => role.levels.some((level) => level.grades.length)) };
    delete base.imports;
    if (files.aToZ) {
      const page = Buffer.from(readBytes(files.aToZ, 'The A to Z page')).toString('utf8');
      const aToZ = importDdatSkills(page, embedded.levels, basename(files.aToZ));
      reports.push(aToZ.report);
      base.skills = carryOver(aToZ.data.skills, embedded, aToZ.report);
      if (aToZ.data.source) base.source = aToZ.data.source;
    }
    const imported = importDdatCsv(rolesCsv, skillsCsv, base, { roles: basename(files.roles), skills: files.skills && basename(files.skills) });
    reports.push(...imported.reports);
    return { data: { ...imported.data, imports: storedReports(reports) }, reports };
  } catch (error) {
    if (error instanceof ImportError) throw new ImportInputError(error.message);
    throw error;
  }
}

/** A newer A to Z keeps what role pages added to the skills: aliases and former names. */
function carryOver(skills: FrameworkData['skills'], embedded: FrameworkData, report: ImportReport): FrameworkData['skills'] {
  const before = new Map(embedded.skills.map((skill) => [skillFullName(skill), skill]));
  for (const skill of skills) {
    const old = before.get(skillFullName(skill));
    if (!old) {
      report.repaired.push(`"${skillFullName(skill)}" is new in this A to Z`);
      continue;
    }
    if (old.aliases && !skill.aliases) skill.aliases = [...old.aliases];
    if (old.formerNames && !skill.formerNames) skill.formerNames = [...old.formerNames];
  }
  const now = new Set(skills.map(skillFullName));
  for (const name of before.keys()) if (!now.has(name)) report.skipped.push(`"${name}" is no longer in the A to Z`);
  return skills;
}

/** The file's text: YAML for .yaml and .yml, else JSON. */
export function frameworkFileText(data: FrameworkData, out: string): string {
  if (/\.ya?ml$/i.test(out)) return dump(data, { lineWidth: -1, noRefs: true });
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Writes the whole file or nothing: a temporary file beside it, renamed over it at the end. */
export function writeWhole(out: string, text: string): void {
  if (!existsSync(dirname(out) || '.')) throw new ImportInputError(`The folder of ${out} does not exist.`);
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new ImportInputError(`${out} cannot be written: ${(error as Error).message}`);
  }
}
