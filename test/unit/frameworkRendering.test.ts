// The framework rendering that go to definition lands in for editors without the extension's
// views (Neovim, Emacs): written into a folder of the server's own, never through a link.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Framework } from '../../server/src/framework/framework';
import { FrameworkRenderings } from '../../server/src/lsp/frameworkRendering';
import { ddat } from './helpers';

describe('the framework rendering on disk', () => {
  let temp: string;
  let saved: string | undefined;
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'skill-lens-rendering-'));
    saved = process.env.TMPDIR;
    process.env.TMPDIR = temp;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });
  const skill = () => ddat.resolveSkill('IT infrastructure')!;

  it('overwrites nothing through links planted in the temp folder by another user', () => {
    // What another user could prepare: the folder the server used to write to, open to all,
    // with links at the names it used to write (the rendering and its temporary file).
    const victim = join(temp, 'victim.txt');
    writeFileSync(victim, 'precious\n', { mode: 0o644 });
    mkdirSync(join(temp, 'skill-lens'), { mode: 0o777 });
    symlinkSync(victim, join(temp, 'skill-lens', 'ddat.md'));
    symlinkSync(victim, join(temp, 'skill-lens', `ddat.md.${process.pid}.tmp`));
    const target = new FrameworkRenderings().location(ddat, skill())!;
    assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
    assert.equal(statSync(victim).mode & 0o777, 0o644);
    const file = fileURLToPath(target.uri);
    assert.match(basename(dirname(file)), /^skill-lens-\w{6}$/);
    assert.equal(dirname(dirname(file)), temp);
    assert.equal(statSync(dirname(file)).mode & 0o777, 0o700, 'a folder only the server’s user can enter');
    assert.equal(statSync(file).mode & 0o777, 0o444, 'read-only');
    assert.equal(readFileSync(file, 'utf8').split('\n')[target.range.start.line], '## IT infrastructure');
  });

  it('writes each framework version once, under a new name, in a folder of each server’s own', () => {
    const renderings = new FrameworkRenderings();
    const first = renderings.location(ddat, skill())!.uri;
    assert.equal(renderings.location(ddat, skill())!.uri, first);
    assert.ok(renderings.isRendering(first));
    const next = new Framework(ddat.data);
    const second = renderings.location(next, next.resolveSkill('IT infrastructure')!)!.uri;
    assert.deepEqual([basename(first), basename(second)], ['ddat.md', 'ddat-2.md']);
    assert.equal(dirname(second), dirname(first));
    const other = new FrameworkRenderings().location(ddat, skill())!.uri;
    assert.notEqual(dirname(other), dirname(first));
  });
});
