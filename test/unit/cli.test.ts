// The command-line checker as users run it: dist/cli.js on files, reading what it prints.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seedsDirectory } from '../../server/importers/run';

const cli = resolve(process.cwd(), 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
}

describe('skill-lens (CLI)', function () {
  // Each test starts the CLI as a process: seconds on a busy machine.
  this.timeout(60_000);
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'skill-lens-cli-'));
  });

  it('says what is wrong with a framework file and where to look, without the usage', () => {
    writeFileSync(join(folder, 'team.skills.yaml'), 'id: team\nname: Team\nlevels:\n  - id: doing\n    name: Doing\nskills:\n  - name: Triage\n    colour: red\n');
    writeFileSync(join(folder, 'advert.md'), '# Advert\n');
    const out = run(['check', '--framework', 'team.skills.yaml', 'advert.md'], folder);
    assert.equal(out.status, 2);
    assert.equal(out.stdout, '');
    assert.equal(
      out.stderr,
      'skill-lens: The framework file has problems:\n' +
        'team.skills.yaml:8:5 skills[0].colour is not a field of a skill.\n' +
        'skill-lens: A framework file\'s fields are described under "Your own framework" in the README, and in full in data/framework.schema.json.\n',
    );
    const unknown = run(['check', '--framework', 'tema', 'advert.md'], folder);
    assert.equal(unknown.status, 2);
    assert.doesNotMatch(unknown.stderr, /Usage:/);
    assert.equal(unknown.stderr.trim().split('\n').length, 2, unknown.stderr);
  });

  it('checks an advert whose only hint of its role is its title', () => {
    writeFileSync(
      join(folder, 'vacancy.md'),
      '# Senior data engineer\n\n## Skills\n\n| Skill | Level |\n| --- | --- |\n| Data modelling | Expert |\n| Programming and build | Practitioner |\n',
    );
    const out = run(['check', 'vacancy.md'], folder);
    assert.equal(out.status, 0, out.stderr);
    const lines = out.stdout.trim().split('\n');
    assert.deepEqual(lines.filter((l) => !l.includes(' missing-skill ')), [
      'vacancy.md:7:20 warning level-mismatch Senior data engineer needs Data modelling at practitioner, not expert.',
    ]);
    assert.equal(out.stderr, '1 file checked: 0 errors, 10 warnings.\n');
    assert.equal(lines.filter((l) => l.startsWith('vacancy.md:1:3 warning missing-skill Senior data engineer requires ')).length, 9);
  });

  it('shows control characters of a document escaped in its text output, and ordinary text as it is', () => {
    // OSC 52 writes the clipboard, CSI 2K erases the line, U+009B is CSI in one byte, U+202E turns text around.
    writeFileSync(join(folder, 'escapes.md'), '---\nkind: job-advert\n---\n\n- **Kube\u001b]52;c;aGk=\u0007rnetes** (expert)\n- **Terraform\u001b[2K\u009b2K\u202e** (expert)\n- **Informaton security** (working)\n');
    const out = run(['check', 'escapes.md'], folder);
    assert.equal(
      out.stdout,
      'escapes.md:5:5 error unknown-skill "Kube\\x1b]52;c;aGk=\\x07rnetes" is not a skill in DDaT, and no skill is spelt like it. If it is a tool or a skill of your own, add it to the ignore list; "Skill Lens: Show skill" finds the skills of DDaT by what they are about.\n' +
        'escapes.md:6:5 error unknown-skill "Terraform\\x1b[2K\\x9b2K\\u202e" is not a skill in DDaT, and no skill is spelt like it. If it is a tool or a skill of your own, add it to the ignore list; "Skill Lens: Show skill" finds the skills of DDaT by what they are about.\n' +
        'escapes.md:7:5 error unknown-skill "Informaton security" is not a skill in DDaT. Did you mean "Information security"?\n',
    );
    assert.doesNotMatch(out.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    // JSON output keeps the text as it is (JSON escapes it).
    const json = JSON.parse(run(['check', '--format', 'json', 'escapes.md'], folder).stdout) as { message: string }[];
    assert.ok(json[0].message.startsWith('"Kube\u001b]52;c;aGk=\u0007rnetes" is not a skill'), json[0].message);
  });

  it('draws an SVG profile that XML parsers read when a framework name holds a control character', () => {
    writeFileSync(
      join(folder, 'bell.skills.yaml'),
      'id: bell\nname: "Bell\\a ladder"\nlevels:\n  - { id: L1, name: "Jun\\aior" }\n  - { id: L2, name: Senior }\nskills:\n  - name: "Kind\\bness"\n    levels:\n      L1: { statements: [I help] }\n      L2: { statements: [I lead] }\nroles:\n  - name: Helper\n    levels:\n      - name: "Junior\\u0007 helper"\n        skills: [{ skill: "Kind\\bness", level: L1 }]\n',
    );
    writeFileSync(join(folder, 'helper-advert.md'), '---\nkind: job-advert\nrole: "Junior\\a helper"\n---\n');
    const out = run(['profile', '--format', 'svg', '--framework', 'bell.skills.yaml', 'helper-advert.md'], folder);
    assert.equal(out.status, 0, out.stderr);
    // XML 1.0 allows tab, line feed and carriage return among the C0 controls, and nothing else.
    assert.doesNotMatch(out.stdout, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    assert.match(out.stdout, /data-skill="Kindness"/);
    assert.match(out.stdout, /aria-label="[^"]*Junior helper/);
  });

  it('reports the DDaT counts and what the importers repaired', () => {
    const out = run(['frameworks', '--format', 'json'], folder);
    assert.equal(out.status, 0, out.stderr);
    const ddat = (JSON.parse(out.stdout) as Record<string, unknown>[]).find((f) => f.id === 'ddat')!;
    assert.deepEqual(
      [ddat.skills, ddat.skillLevels, ddat.notDefinedLevels, ddat.roleFamilies, ddat.roles, ddat.roleLevels, ddat.requirements],
      [188, 664, 60, 8, 52, 201, 1781],
    );
    const imports = ddat.imports as { source: string; repaired: string[] }[];
    assert.deepEqual(imports.map((i) => i.source), ['003_58c179cc699620f3.txt', '002_feb4cb126deefb83.txt', '006_ddat-skills.csv', '005_ddat-roles.csv']);
    assert.ok(imports[3].repaired.includes('repeated rows dropped: 16, repeating 13 (role level, skill) pairs'));
    const text = run(['frameworks'], folder).stdout;
    assert.match(text, /188 skills, 664 skill-levels \(60 not defined\), 8 role families, 52 roles, 201 role levels, 1781 requirements, 1 rename\n/);
  });

  it('imports a newer A to Z page with the exports, giving the same findings', () => {
    const out = join(folder, 'from-page.skills.json');
    const seeds = seedsDirectory();
    const imported = run(['import', 'ddat', '--roles', join(seeds, '005_ddat-roles.csv'), '--a-z', join(seeds, '003_58c179cc699620f3.txt'), '-o', out], folder);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /^003_58c179cc699620f3\.txt: skills 188,/m);
    const examples = resolve(process.cwd(), 'examples');
    const embedded = run(['check', '--format', 'json', examples], folder);
    const fromFile = run(['check', '--format', 'json', '--framework', out, examples], folder);
    assert.deepEqual(JSON.parse(fromFile.stdout), JSON.parse(embedded.stdout));
  });
});
