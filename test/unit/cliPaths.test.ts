// The command-line checker on paths that cannot be read as documents: named pipes, missing
// files, dangling links, link loops, files it may not read and names that are not UTF-8. It
// checks everything it can, names every path it could not check, and then exits 2, so such a
// run never passes CI. A reader that stops reading its output ends the output quietly.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, SpawnSyncOptions } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const cli = resolve(process.cwd(), 'dist', 'cli.js');

function run(args: string[], cwd: string, extra: SpawnSyncOptions = {}) {
  // A timeout: a run that waits on a named pipe fails the test instead of hanging it.
  const out = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd, timeout: 10_000, ...extra });
  return { status: out.status, stdout: String(out.stdout), stderr: String(out.stderr) };
}

/** One finding, an error: a document that is checked says so on stdout. */
const advert = '---\nkind: job-advert\n---\n- **Testing** (wizard)\n';
const finding = (file: string) =>
  `${file}:4:16 error unknown-level "wizard" is not a skill level in DDaT. Use one of: awareness, working, practitioner, expert.`;

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('skill-lens check on paths that cannot be checked', function () {
  this.timeout(30_000);
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'skill-lens-paths-'));
    chmodSync(folder, 0o755);
    writeFileSync(join(folder, 'good.md'), advert);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reports a named pipe given by name instead of waiting on it', () => {
    spawnSync('mkfifo', [join(folder, 'pipe.md')]);
    const out = run(['check', 'pipe.md', 'good.md'], folder);
    assert.equal(out.status, 2, out.stderr);
    assert.deepEqual(lines(out.stdout), [finding('good.md')]);
    assert.deepEqual(lines(out.stderr), [
      'skill-lens: pipe.md: cannot be checked (a named pipe (FIFO), not a regular file)',
      '1 file checked: 1 error, 0 warnings; 1 path could not be checked.',
    ]);
  });

  it('checks every readable path, lists each missing file, dangling link and link loop, then exits 2', () => {
    symlinkSync('nowhere.md', join(folder, 'dangling.md'));
    symlinkSync('loop.md', join(folder, 'loop.md'));
    const out = run(['check', 'missing.md', 'good.md', 'dangling.md', 'loop.md'], folder);
    assert.equal(out.status, 2, out.stderr);
    assert.deepEqual(lines(out.stdout), [finding('good.md')]);
    assert.deepEqual(lines(out.stderr), [
      'skill-lens: missing.md: cannot be checked (no such file or folder)',
      'skill-lens: dangling.md: cannot be checked (a link to nowhere.md, which does not exist)',
      'skill-lens: loop.md: cannot be checked (a symbolic link loop)',
      '1 file checked: 1 error, 0 warnings; 3 paths could not be checked.',
    ]);
    const json = run(['check', '--format', 'json', 'missing.md', 'good.md'], folder);
    assert.equal(json.status, 2);
    assert.deepEqual((JSON.parse(json.stdout) as { file: string }[]).map((d) => d.file), ['good.md']);
    assert.deepEqual(lines(json.stderr), ['skill-lens: missing.md: cannot be checked (no such file or folder)']);
  });

  it('does not pass a walked folder holding a named pipe or names that are not UTF-8', () => {
    const dir = join(folder, 'walked');
    mkdirSync(dir);
    spawnSync('mkfifo', [join(dir, 'b-pipe.md')]);
    spawnSync('mkfifo', [join(dir, 'b-pipe.txt')]); // not a document: not reported
    const bytes = (name: string) => Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0x63, 0xff]), Buffer.from(name)]);
    writeFileSync(bytes('-name.md'), '# Notes\n');
    mkdirSync(bytes('-folder'));
    writeFileSync(join(dir, 'clean.md'), '# Notes\n\nNothing about skills.\n');
    const out = run(['check', 'walked'], folder);
    assert.equal(out.status, 2, out.stderr);
    assert.equal(out.stdout, '');
    assert.deepEqual(lines(out.stderr), [
      'skill-lens: walked/b-pipe.md: cannot be checked (a named pipe (FIFO), not a regular file)',
      'skill-lens: walked/c\ufffd-folder: cannot be checked (the name is not valid UTF-8)',
      'skill-lens: walked/c\ufffd-name.md: cannot be checked (the name is not valid UTF-8)',
      '1 file checked: 0 errors, 0 warnings; 3 paths could not be checked.',
    ]);
  });

  it('reports a file it has no permission to read', function () {
    // Root reads any file, so the run is made as nobody when the tests run as root.
    const asNobody: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const dir = join(folder, 'private');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'a.md'), advert);
    writeFileSync(join(dir, 'secret.md'), advert);
    chmodSync(join(dir, 'secret.md'), 0o000);
    const out = run(['check', 'private'], folder, asNobody);
    assert.equal(out.status, 2, out.stderr);
    assert.deepEqual(lines(out.stdout), [finding('private/a.md')]);
    assert.deepEqual(lines(out.stderr), [
      'skill-lens: private/secret.md: cannot be checked (permission denied)',
      '1 file checked: 1 error, 0 warnings; 1 path could not be checked.',
    ]);
  });

  it('follows links in walked folders once, and says what it skipped', () => {
    const dir = join(folder, 'linked');
    mkdirSync(join(dir, 'docs'), { recursive: true });
    mkdirSync(join(folder, 'elsewhere'));
    writeFileSync(join(dir, 'docs', 'real.md'), advert);
    writeFileSync(join(folder, 'elsewhere', 'shared.md'), advert);
    symlinkSync('docs/real.md', join(dir, 'alias.md'));
    symlinkSync('..', join(dir, 'docs', 'up'));
    symlinkSync('../elsewhere', join(dir, 'outside'));
    const out = run(['check', 'linked'], folder);
    assert.equal(out.status, 1, out.stderr);
    assert.deepEqual(lines(out.stdout), [finding('linked/alias.md'), finding('linked/docs/real.md'), finding('linked/outside/shared.md')]);
    assert.deepEqual(lines(out.stderr), [
      'skill-lens: linked/docs/up: skipped (the same folder as linked, already walked)',
      '3 files checked: 3 errors, 0 warnings.',
    ]);
    symlinkSync('missing.md', join(dir, 'gone.md'));
    const broken = run(['check', 'linked'], folder);
    assert.equal(broken.status, 2, broken.stderr);
    assert.equal(lines(broken.stdout).length, 3);
    assert.ok(broken.stderr.includes('skill-lens: linked/gone.md: cannot be checked (a link to missing.md, which does not exist)\n'), broken.stderr);
  });

  it('exits quietly when the reader of its output stops reading', async () => {
    // Far more than a pipe holds, so the reader is gone while the checker is still writing.
    const dir = join(folder, 'many');
    mkdirSync(dir);
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, `advert-${i}.md`), '---\nkind: job-advert\n---\n' + '- **Testing** (wizard)\n'.repeat(500));
    const child = spawn(process.execPath, [cli, 'check', 'many'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    assert.doesNotMatch(stderr, /EPIPE|Error|\n\s+at /);
    assert.equal(code, 1, stderr);
    assert.equal(stderr, '20 files checked: 10000 errors, 9980 warnings.\n');
  });

  it('says once that it cannot write its output, and exits 2, when the output cannot be written', function () {
    if (!existsSync('/dev/full')) this.skip(); // a device every write to fails with "no space left"
    mkdirSync(join(folder, 'full'));
    writeFileSync(join(folder, 'full', 'advert.md'), '---\nkind: job-advert\n---\n- **Testing** (wizard)\n');
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [cli, 'check', 'full'], { cwd: folder, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr.match(/cannot write the output/g)?.length, 1, r.stderr);
      assert.ok(r.stderr.includes('skill-lens: cannot write the output (ENOSPC: no space left on device, write)\n'), r.stderr);
      assert.ok(r.stderr.includes('1 file checked: 1 error, 0 warnings.\n'), r.stderr);
    } finally {
      closeSync(full);
    }
  });
});
