// `npm run import`: regenerates data/ddat.json (A to Z, role page, CSV exports), data/sfia.json and data/ladder.json from the seeds,
// prints what each importer repaired and skipped, and fails when a count drifts from what is expected.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FrameworkData, ImportReport } from '../src/framework/model';
import { countDrifts, MOJIBAKE, storedReports } from './common';
import {
  DDAT_ROLES_CSV_EXPECTED_COUNTS,
  DDAT_ROLES_CSV_SEED,
  DDAT_SKILLS_CSV_EXPECTED_COUNTS,
  DDAT_SKILLS_CSV_SEED,
  importDdatCsv,
} from './ddatCsv';
import { DDAT_ROLE_EXPECTED_COUNTS, DDAT_ROLE_SEED, importDdatRole } from './ddatRole';
import { DDAT_SCALE_SEED, DDAT_SKILLS_EXPECTED_COUNTS, DDAT_SKILLS_SEED, importDdatSkills } from './ddatSkills';
import { importLadder, LADDER_EXPECTED_COUNTS, LADDER_SEED } from './ladder';
import { importSfia, SFIA_EXPECTED_COUNTS, SFIA_SEED } from './sfia';

/** One generated data file and how it was made. */
export interface GeneratedFramework {
  /** File name under data/. */
  file: string;
  data: FrameworkData;
  reports: ImportReport[];
  /** Expected counts that the import did not meet; the import fails when any. */
  drifts: string[];
}


/** Runs every importer on the seeds that `readSeed` returns by file name. */
export function generateFrameworks(readSeed: (fileName: string) => string): GeneratedFramework[] {
  const skills = importDdatSkills(readSeed(DDAT_SKILLS_SEED), readSeed(DDAT_SCALE_SEED));
  const rolePage = importDdatRole(readSeed(DDAT_ROLE_SEED), skills.data);
  const ddat = importDdatCsv(readSeed(DDAT_ROLES_CSV_SEED), readSeed(DDAT_SKILLS_CSV_SEED), rolePage.data);
  const [skillsCsv, rolesCsv] = ddat.reports;
  const sfia = importSfia(readSeed(SFIA_SEED));
  const ladder = importLadder(readSeed(LADDER_SEED));
  const ddatReports = [skills.report, rolePage.report, ...ddat.reports];
  return [
    {
      file: 'ddat.json',
      data: { ...ddat.data, imports: storedReports(ddatReports) },
      reports: ddatReports,
      drifts: [
        ...countDrifts(skills.report, DDAT_SKILLS_EXPECTED_COUNTS),
        ...countDrifts(rolePage.report, DDAT_ROLE_EXPECTED_COUNTS),
        ...countDrifts(skillsCsv, DDAT_SKILLS_CSV_EXPECTED_COUNTS),
        ...countDrifts(rolesCsv, DDAT_ROLES_CSV_EXPECTED_COUNTS),
      ],
    },
    {
      file: 'sfia.json',
      data: { ...sfia.data, imports: storedReports([sfia.report]) },
      reports: [sfia.report],
      drifts: countDrifts(sfia.report, SFIA_EXPECTED_COUNTS),
    },
    {
      file: 'ladder.json',
      data: { ...ladder.data, imports: storedReports([ladder.report]) },
      reports: [ladder.report],
      drifts: countDrifts(ladder.report, LADDER_EXPECTED_COUNTS),
    },
  ];
}

/** The committed form of a framework: 2-space JSON with a trailing newline, so diffs stay readable. */
export function frameworkJson(data: FrameworkData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Where the seeds are: $SKILL_LENS_SEEDS, else ../shared/seeds from the repository root. */
export function seedsDirectory(): string {
  return process.env.SKILL_LENS_SEEDS ?? resolve(process.cwd(), '..', 'shared', 'seeds');
}

function formatReport(report: ImportReport): string {
  const counts = Object.entries(report.counts).map(([key, value]) => `${key} ${value}`);
  return [
    `${report.source}: ${counts.join(', ')}`,
    ...report.repaired.map((line) => `  repaired: ${line}`),
    ...report.skipped.map((line) => `  skipped: ${line}`),
  ].join('\n');
}

function main(): number {
  const seeds = seedsDirectory();
  const generated = generateFrameworks((fileName) => readFileSync(join(seeds, fileName), 'utf8'));
  const failures = generated.flatMap((framework) => framework.drifts);
  for (const framework of generated) {
    for (const report of framework.reports) console.log(formatReport(report));
    if (MOJIBAKE.test(frameworkJson(framework.data))) failures.push(`${framework.file}: mojibake left after repair`);
  }
  if (failures.length > 0) {
    for (const failure of failures) console.error(`import failed: ${failure}`);
    return 1;
  }
  for (const framework of generated) {
    const path = resolve(process.cwd(), 'data', framework.file);
    writeFileSync(path, frameworkJson(framework.data));
    console.log(`wrote ${path}`);
  }
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
