// The DDaT CSV exports (seeds 005 and 006) against the real files: counts, requirements from
// several families, the order of role levels, the chief roles, every repair the export needs, what
// the importer reports when the export and the A to Z disagree, clear errors for broken files, and
// `skill-lens import ddat` giving the embedded framework back.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FrameworkData, ImportReport, RoleData } from '../../server/src/framework/model';
import { skillFullName } from '../../server/src/framework/model';
import { countDrifts } from '../../server/importers/common';
import { decodeCsv } from '../../server/importers/csv';
import {
  DDAT_ROLES_CSV_EXPECTED_COUNTS,
  DDAT_ROLES_CSV_SEED,
  DDAT_SKILLS_CSV_EXPECTED_COUNTS,
  DDAT_SKILLS_CSV_SEED,
  importDdatCsv,
} from '../../server/importers/ddatCsv';
import { DDAT_ROLE_SEED, importDdatRole } from '../../server/importers/ddatRole';
import { DDAT_SCALE_SEED, DDAT_SKILLS_SEED, importDdatSkills } from '../../server/importers/ddatSkills';
import { importDdatFiles } from '../../server/importers/importCommand';
import { seedsDirectory } from '../../server/importers/run';

const readSeed = (fileName: string) => readFileSync(join(seedsDirectory(), fileName), 'utf8');
const cli = resolve(process.cwd(), 'dist', 'cli.js');

function role(data: FrameworkData, name: string): RoleData {
  const found = data.roles!.find((r) => r.name === name);
  assert.ok(found, `no role ${name}`);
  return found;
}

/** The level a role level needs a skill at, by the names users see. */
function needs(data: FrameworkData, roleLevel: string, skill: string): string | undefined {
  const level = data.roles!.flatMap((r) => r.levels).find((l) => l.name === roleLevel);
  assert.ok(level, `no role level ${roleLevel}`);
  return level.skills.find((s) => s.skill === skill)?.level;
}

/** Every string in a value, with its path. */
function* strings(value: unknown, path = '$'): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}.${k}`);
}

describe('DDaT CSV exports (seeds 005, 006)', function () {
  // Each test imports the real exports (about a second; more on a busy machine).
  this.timeout(30_000);
  let base: FrameworkData;
  let data: FrameworkData;
  let skillsReport: ImportReport;
  let rolesReport: ImportReport;
  let rolesCsv: string;
  let skillsCsv: string;

  before(() => {
    const skills = importDdatSkills(readSeed(DDAT_SKILLS_SEED), readSeed(DDAT_SCALE_SEED));
    base = importDdatRole(readSeed(DDAT_ROLE_SEED), skills.data).data;
    rolesCsv = readSeed(DDAT_ROLES_CSV_SEED);
    skillsCsv = readSeed(DDAT_SKILLS_CSV_SEED);
    const imported = importDdatCsv(rolesCsv, skillsCsv, base);
    data = imported.data;
    [skillsReport, rolesReport] = imported.reports;
  });

  it('meets every expected count: 8 families, 52 roles, 201 role levels, 1,781 requirements', () => {
    assert.deepEqual(countDrifts(rolesReport, DDAT_ROLES_CSV_EXPECTED_COUNTS), []);
    assert.deepEqual(countDrifts(skillsReport, DDAT_SKILLS_CSV_EXPECTED_COUNTS), []);
    assert.equal(new Set(data.roles!.map((r) => r.family)).size, 8);
    assert.equal(data.roles!.length, 52);
    assert.equal(data.roles!.reduce((n, r) => n + r.levels.length, 0), 201);
    assert.equal(data.roles!.reduce((n, r) => n + r.levels.reduce((m, l) => m + l.skills.length, 0), 0), 1781);
    assert.equal(data.skills.length, 188);
  });

  it('has the requirements of role levels in every family', () => {
    assert.equal(needs(data, 'Senior data engineer', 'Data modelling'), 'practitioner');
    assert.equal(needs(data, 'Senior data engineer', 'Programming and build (data engineering)'), 'practitioner');
    assert.equal(needs(data, 'Head of service design', 'Evidence-based design'), 'expert');
    assert.equal(needs(data, 'Lead user researcher', 'User research methods'), 'expert');
    assert.equal(needs(data, 'Associate product manager', 'Product management'), 'working');
    assert.equal(needs(data, 'Lead DevOps engineer', 'Modern development standards'), 'expert');
    assert.equal(needs(data, 'Lead DevOps engineer', 'Programming and build (software engineering)'), 'practitioner');
    // The export's "Ownership and topic" is the A to Z's "Ownership and initiative".
    assert.ok(needs(data, 'Application operations engineer', 'Ownership and initiative'));
    assert.deepEqual(
      data.roles!.filter((r) => r.family === 'Data').map((r) => r.name),
      ['Analytics engineer', 'Data analyst', 'Data engineer', 'Data ethicist', 'Data governance manager', 'Data scientist', 'Digital evaluator', 'Machine learning engineer', 'Performance analyst'],
    );
    assert.match(role(data, 'Data engineer').description!, /^A data engineer develops and constructs data products and services/);
    const senior = role(data, 'Data engineer').levels[1];
    assert.match(senior.summary!, /^A senior data engineer designs and leads the implementation of data flows/);
    assert.deepEqual(senior.responsibilities.slice(0, 2), ['recognise opportunities to reuse existing data flows', 'lead the build of data streaming systems']);
    assert.deepEqual(senior.grades, [], 'the export gives no grades: none are guessed');
  });

  it('orders role levels most junior first, though the export lists them A to Z', () => {
    const levels = (name: string) => role(data, name).levels.map((l) => l.name);
    assert.deepEqual(levels('Data engineer'), ['Data engineer', 'Senior data engineer', 'Lead data engineer', 'Head of data engineering']);
    assert.deepEqual(levels('Software developer'), [
      'Apprentice developer',
      'Junior developer',
      'Developer',
      'Senior developer',
      'Senior developer - management',
      'Lead developer',
      'Lead developer - management',
      'Principal developer',
      'Principal developer - management',
    ]);
    assert.deepEqual(levels('Command and control centre manager'), ['Operations analyst', 'Senior operations analyst', 'Operational control manager', 'Head of command and control']);
    assert.deepEqual(levels('Business architect'), ['Trainee business architect', 'Associate business architect', 'Business architect', 'Lead business architect']);
  });

  it('models the chief roles as roles without levels that use Senior Civil Service skills', () => {
    const chiefs = data.roles!.filter((r) => r.levels.length === 0);
    assert.deepEqual(chiefs.map((r) => r.name), ['Chief data officer', 'Chief digital and information officer', 'Chief information security officer', 'Chief technology officer']);
    for (const chief of chiefs) {
      assert.equal(chief.family, 'Chief digital and data');
      assert.equal(chief.category, 'Senior Civil Service');
      assert.ok(chief.skills!.length > 0, chief.name);
      for (const name of chief.skills!) {
        const skill = data.skills.find((s) => skillFullName(s) === name);
        assert.equal(skill?.category, 'Senior Civil Service', name);
      }
    }
    assert.equal(chiefs.reduce((n, r) => n + r.skills!.length, 0), 28);
    assert.ok(role(data, 'Chief data officer').skills!.includes('Data governance leadership'));
  });

  it('keeps the role page for infrastructure engineer, with its grades, in the export’s family', () => {
    const ie = role(data, 'Infrastructure engineer');
    assert.equal(ie.family, 'IT operations');
    assert.deepEqual(ie.levels.map((l) => l.grades), [['EO', 'HEO'], ['HEO', 'SEO'], ['SEO', 'G7'], ['G7', 'G6'], ['G6', 'SCS1']]);
    assert.equal(ie.levels[2].skills[0].sourceName, 'Coding and scripting (infrastructure engineer)');
    assert.ok(ie.sharedSkills?.length);
  });

  it('repairs the export’s flaws and says so', () => {
    assert.ok(rolesReport.repaired.includes('repeated rows dropped: 16, repeating 13 (role level, skill) pairs'));
    assert.ok(rolesReport.repaired.includes('"MISSING" as a skill description ignored (the A to Z\'s description is used): 325 rows'));
    assert.ok(rolesReport.repaired.includes('zero-width spaces removed: 13'));
    assert.ok(rolesReport.repaired.includes('"Ownership and topic" is "Ownership and initiative" (the export\'s "topic" for "initiative")'));
    assert.ok(skillsReport.repaired.some((line) => line.includes('"Ownership and topic" is the A to Z\'s "Ownership and initiative"')));
    for (const [path, text] of strings({ ...data, imports: undefined })) {
      assert.ok(!/\u200b|&[a-z]+;|&#\d+;/.test(text), `${path}: ${JSON.stringify(text)}`);
      assert.equal(text, text.trim(), `${path}: ${JSON.stringify(text)}`);
      assert.ok(!/\bOwnership and topic\b|your topic to/.test(text), path);
      assert.notEqual(text, 'MISSING', path);
    }
  });

  it('cleans the A to Z’s own text: no &nbsp; and no leading space in a statement', () => {
    const data = skillFullName({ name: 'Delivering business impact through data' });
    const skill = base.skills.find((s) => skillFullName(s) === data)!;
    assert.equal(skill.levels!.expert!.statements[0], 'champion the role of data across the organisation');
  });

  it('reports, and does not use, export text that differs from the A to Z', () => {
    assert.equal(skillsReport.counts.differencesFromAToZ, 0);
    assert.equal(rolesReport.counts.levelTextDifferences, 0);
    const changed = skillsCsv.replace('- understand accessibility and that users have different accessibility needs', '- know that users differ');
    const [report] = importDdatCsv(rolesCsv, changed, base).reports;
    assert.deepEqual(report.repaired.filter((l) => l.startsWith('differs')), ["differs from the A to Z, kept the A to Z's text: Accessibility (awareness): statements"]);
    const again = importDdatCsv(rolesCsv.replaceAll('- understand accessibility and that users have different accessibility needs', '- know that users differ'), undefined, base);
    assert.equal(again.reports[0].counts.levelTextDifferences, 1);
    assert.deepEqual(skillFullName(again.data.skills[0]), 'Accessibility');
    assert.equal(again.data.skills[0].levels!.awareness!.statements[0], 'understand accessibility and that users have different accessibility needs');
  });

  it('reports where the export and the role page disagree on infrastructure engineer', () => {
    const page = structuredClone(base);
    const senior = page.roles![0].levels[2];
    senior.skills.find((s) => s.skill === 'IT infrastructure')!.level = 'expert';
    senior.responsibilities.pop();
    const imported = importDdatCsv(rolesCsv, undefined, page);
    const report = imported.reports[0];
    assert.deepEqual(report.repaired.filter((line) => line.startsWith('Infrastructure engineer:')), [
      "Infrastructure engineer: Senior infrastructure engineer's responsibilities differ from the export (4 in the page, 5 in the export) (kept the role page's)",
      "Infrastructure engineer: Senior infrastructure engineer needs IT infrastructure at expert in the page, practitioner in the export (kept the role page's)",
    ]);
    assert.equal(needs(imported.data, 'Senior infrastructure engineer', 'IT infrastructure'), 'expert');
  });

  it('stops with a clear message on a broken export', () => {
    assert.throws(() => importDdatCsv(skillsCsv, undefined, base, { roles: 'roles.csv' }), /^ImportError: roles\.csv:1: the header has no "Role Family", "Role",.* columns \(it has "Skill Name",/);
    const unknownSkill = rolesCsv.replace(',Data modelling,', ',Data modeling,');
    assert.throws(() => importDdatCsv(unknownSkill, undefined, base, { roles: 'roles.csv' }), /roles\.csv:\d+: the skill "Data modeling" is in neither the A to Z nor the skills export/);
    const badLevel = rolesCsv.replace(',Practitioner,', ',Wizard,');
    assert.throws(() => importDdatCsv(badLevel, undefined, base, { roles: 'roles.csv' }), /roles\.csv:\d+: "Wizard" is not a skill level \(expected awareness, working, practitioner, expert\)/);
    assert.throws(() => importDdatCsv(`${rolesCsv}\nData,"unclosed`, undefined, base, { roles: 'roles.csv' }), /roles\.csv:\d+: not a readable CSV file/);
    assert.throws(() => decodeCsv(Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'roles.csv'), /roles\.csv: the file is UTF-16: save it as UTF-8/);
    assert.throws(() => decodeCsv(Buffer.from([0x52, 0xe9, 0x6c, 0x65]), 'roles.csv'), /roles\.csv: the file is not UTF-8 text/);
    // A byte order mark is dropped; readCsv copes with one in text too.
    assert.equal(decodeCsv(Buffer.from('\ufeffRole', 'utf8'), 'x'), 'Role');
  });

  it('gives the embedded framework back from the seeds through the import command', () => {
    const embedded = JSON.parse(readFileSync(resolve(process.cwd(), 'data', 'ddat.json'), 'utf8')) as FrameworkData;
    const result = importDdatFiles({ roles: join(seedsDirectory(), DDAT_ROLES_CSV_SEED), skills: join(seedsDirectory(), DDAT_SKILLS_CSV_SEED) }, embedded);
    assert.deepEqual({ ...result.data, imports: undefined }, { ...embedded, imports: undefined });
    assert.deepEqual(result.data.imports!.map((r) => r.source), [DDAT_SKILLS_CSV_SEED, DDAT_ROLES_CSV_SEED]);
  });

  describe('skill-lens import ddat', function () {
  // Each test starts the CLI as a process: seconds on a busy machine.
  this.timeout(60_000);
    let folder: string;
    before(() => {
      folder = mkdtempSync(join(tmpdir(), 'skill-lens-import-'));
    });

    it('writes a framework file that checks the examples as the embedded framework does', () => {
      const out = join(folder, 'ddat.skills.yaml');
      const run = spawnSync(process.execPath, [cli, 'import', 'ddat', '--roles', join(seedsDirectory(), DDAT_ROLES_CSV_SEED), '--skills', join(seedsDirectory(), DDAT_SKILLS_CSV_SEED), '-o', out], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^005_ddat-roles\.csv: roleFamilies 8, roles 52, roleLevels 201, requirements 1781,/m);
      assert.match(run.stdout, /^ {2}repaired: zero-width spaces removed: 13$/m);
      assert.match(run.stdout, /^wrote .*ddat\.skills\.yaml: 188 skills, 52 roles, 201 role levels$/m);
      const embedded = spawnSync(process.execPath, [cli, 'check', '--format', 'json', 'examples'], { encoding: 'utf8' });
      const fromFile = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--framework', out, 'examples'], { encoding: 'utf8' });
      assert.ok(JSON.parse(embedded.stdout).length > 10);
      assert.deepEqual(JSON.parse(fromFile.stdout), JSON.parse(embedded.stdout));
      assert.equal(fromFile.status, embedded.status);
    });

    it('exits 2 with a clear message and writes nothing when the export is wrong', () => {
      const out = join(folder, 'broken.skills.yaml');
      const wrong = spawnSync(process.execPath, [cli, 'import', 'ddat', '--roles', join(seedsDirectory(), DDAT_SKILLS_CSV_SEED), '-o', out], { encoding: 'utf8' });
      assert.equal(wrong.status, 2);
      assert.match(wrong.stderr, /^skill-lens: 006_ddat-skills\.csv:1: the header has no "Role Family"/);
      const latin1 = join(folder, 'latin1.csv');
      writeFileSync(latin1, Buffer.from('Role Family,Role\nData,Donn\xe9es\n', 'latin1'));
      const encoding = spawnSync(process.execPath, [cli, 'import', 'ddat', '--roles', latin1, '-o', out], { encoding: 'utf8' });
      assert.equal(encoding.status, 2);
      assert.match(encoding.stderr, /^skill-lens: latin1\.csv: the file is not UTF-8 text: save it as UTF-8/);
      const missing = spawnSync(process.execPath, [cli, 'import', 'ddat', '-o', out], { encoding: 'utf8' });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /import ddat needs --roles ROLES\.csv/);
      assert.ok(!existsSync(out));
    });
  });
});
