// `skill-lens check --fix` and the silencing rules, as users run the CLI: dist/cli.js on files.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
    // A broken list is reported on its line as the editor shows it, and applies nothing.
    const broken = run(['check', 'adverts'], folder);
    assert.match(broken.stdout, /\n\.skill-lens\/ignore\.yaml:1:1 error schema The ignore list must map codes to lists of words, e\.g\. "unknown-skill: \[Kubernetes\]"\.\n$/);
    assert.equal(broken.status, 1);
  });

  it('honours disable comments', () => {
    writeFileSync(join(folder, 'advert.md'), `<!-- skill-lens-disable -->\n${ADVERT.replace(/^---[\s\S]*?---\n/, '')}`);
    const out = run(['check', 'advert.md'], folder);
    assert.equal(out.stdout, '');
    assert.equal(out.stderr, '1 file checked: 0 errors, 0 warnings.\n');
  });
});
