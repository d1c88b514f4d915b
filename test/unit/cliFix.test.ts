// `skill-lens check --fix` and the silencing rules, as users run the CLI: dist/cli.js on files.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const cli = resolve(process.cwd(), 'dist', 'cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });

const ADVERT = '---\nkind: job-advert\n---\n# Platform engineer\n\n- **Informaton security** (working)\n- **Kubernetes** (expert)\n- **Problem solving** (working)\n';

describe('skill-lens check --fix, and silencing (CLI)', function () {
  this.timeout(60_000);
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'skill-lens-fix-'));
    writeFileSync(join(folder, 'advert.md'), ADVERT);
  });

  it('applies every fix with one clear replacement, writes the file, and reports what is left', () => {
    const out = run(['check', '--fix', 'advert.md'], folder);
    assert.equal(readFileSync(join(folder, 'advert.md'), 'utf8'), ADVERT.replace('Informaton', 'Information').replace('Problem solving', 'Problem management'));
    assert.equal(out.stdout, 'advert.md:7:5 error unknown-skill "Kubernetes" is not a skill in DDaT. Check the spelling, or use "Skill Lens: Show skill" to find the name.\n');
    assert.equal(out.stderr, 'skill-lens: advert.md: fixed 2 findings\n1 file checked: 1 error, 0 warnings.\n');
    assert.equal(out.status, 1);
    // Run again: nothing left to fix, the file is not written.
    const again = run(['check', '--fix', 'advert.md'], folder);
    assert.equal(again.stderr, '1 file checked: 1 error, 0 warnings.\n');
  });

  it('without --fix, the file is left as it was', () => {
    run(['check', 'advert.md'], folder);
    assert.equal(readFileSync(join(folder, 'advert.md'), 'utf8'), ADVERT);
  });

  it('a file it cannot write is named, left as it was, and the exit is 2', function () {
    chmodSync(join(folder, 'advert.md'), 0o444);
    // Root writes read-only files: as root, the CLI runs as nobody (65534), who can read the
    // folder and the file but not write the file.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(folder, 0o755);
    const user = asRoot ? { uid: 65534, gid: 65534 } : {};
    const out = spawnSync(process.execPath, [cli, 'check', '--fix', 'advert.md'], { encoding: 'utf8', cwd: folder, ...user });
    assert.equal(readFileSync(join(folder, 'advert.md'), 'utf8'), ADVERT);
    assert.equal(out.status, 2);
    assert.match(out.stderr, /skill-lens: advert\.md: cannot be fixed \(permission denied\)/);
  });

  it('honours the nearest .skill-lens/ignore.yaml above a file, and reports a broken one', () => {
    mkdirSync(join(folder, '.skill-lens'));
    mkdirSync(join(folder, 'adverts'));
    writeFileSync(join(folder, 'adverts', 'advert.md'), ADVERT);
    writeFileSync(join(folder, '.skill-lens', 'ignore.yaml'), 'unknown-skill: [Kubernetes, informaton SECURITY]\n');
    const out = run(['check', 'adverts'], folder);
    assert.equal(out.stdout, 'adverts/advert.md:8:5 warning renamed-skill "Problem solving" was renamed "Problem management" on 30 August 2022. Use the new name.\n');
    assert.equal(out.status, 0);
    writeFileSync(join(folder, '.skill-lens', 'ignore.yaml'), '- Kubernetes\n');
    const broken = run(['check', 'adverts'], folder);
    assert.match(broken.stderr, /^skill-lens: \.skill-lens\/ignore\.yaml:1:1: The ignore list must map codes to lists of words/);
  });

  it('reads no ignore list that is a link out of the project, and quotes none of it', () => {
    mkdirSync(join(folder, '.skill-lens'));
    const outside = mkdtempSync(join(tmpdir(), 'skill-lens-secret-'));
    // Lines of /etc/shadow's shape: each one a YAML key whose value is empty.
    const secret = 'root:$6$Zq0rS3cr3tH4sh:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\nunknown-skill: [Kubernetes]\n';
    writeFileSync(join(outside, 'shadow'), secret);
    symlinkSync(join(outside, 'shadow'), join(folder, '.skill-lens', 'ignore.yaml'));
    const out = run(['check', 'advert.md'], folder);
    assert.equal(
      out.stderr,
      'skill-lens: .skill-lens/ignore.yaml:1:1: The ignore list is not read (a link to a file outside the project).\n1 file checked: 2 errors, 1 warning.\n',
    );
    assert.ok(!/root|daemon|S3cr3t/.test(out.stdout + out.stderr));
    // Not read: Kubernetes is still reported.
    assert.match(out.stdout, /"Kubernetes" is not a skill/);
    // A link to another file of the project is read.
    writeFileSync(join(folder, 'words.yaml'), 'unknown-skill: [Kubernetes]\n');
    rmSync(join(folder, '.skill-lens', 'ignore.yaml'));
    symlinkSync(join(folder, 'words.yaml'), join(folder, '.skill-lens', 'ignore.yaml'));
    assert.doesNotMatch(run(['check', 'advert.md'], folder).stdout, /Kubernetes/);
  });

  it('quotes a short, escaped excerpt of the ignore list at most, and at most 10 problems', () => {
    mkdirSync(join(folder, '.skill-lens'));
    // Keys with a terminal escape (YAML's \e and \a: write the clipboard) and 200 more characters.
    const lines = Array.from({ length: 30 }, (_, i) => `"\\e]52;c;aGk=\\aline-${i}-${'x'.repeat(200)}":`);
    writeFileSync(join(folder, '.skill-lens', 'ignore.yaml'), `${lines.join('\n')}\n`);
    const out = run(['check', 'advert.md'], folder);
    const problems = out.stderr.split('\n').filter((l) => l.startsWith('skill-lens: .skill-lens/ignore.yaml'));
    assert.equal(problems.length, 10);
    assert.equal(problems[0], `skill-lens: .skill-lens/ignore.yaml:1:1: Under "\\x1b]52;c;aGk=\\x07line-0-${'x'.repeat(21)}…", list words (text), e.g. "unknown-skill: [Kubernetes]".`);
    assert.ok(!/[\u0007\u001b]/.test(out.stderr));
  });

  it('reads no ignore list over 1 MB, and says so', () => {
    mkdirSync(join(folder, '.skill-lens'));
    writeFileSync(join(folder, '.skill-lens', 'ignore.yaml'), `unknown-skill:\n  - Kubernetes\n${'  - filler word\n'.repeat(140_000)}`);
    const out = run(['check', 'advert.md'], folder);
    assert.equal(out.stderr, 'skill-lens: .skill-lens/ignore.yaml:1:1: The ignore list is not read (2.1 MB, over the limit of 1 MB).\n1 file checked: 2 errors, 1 warning.\n');
    assert.match(out.stdout, /"Kubernetes" is not a skill/);
  });

  it('honours disable comments', () => {
    writeFileSync(join(folder, 'advert.md'), `<!-- skill-lens-disable -->\n${ADVERT.replace(/^---[\s\S]*?---\n/, '')}`);
    const out = run(['check', 'advert.md'], folder);
    assert.equal(out.stdout, '');
    assert.equal(out.stderr, '1 file checked: 0 errors, 0 warnings.\n');
  });
});
