// `skill-lens check --fix` and the silencing rules, as users run the CLI: dist/cli.js on files.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { writeIfUnchanged } from '../../server/src/fixFile';
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
    assert.equal(out.stdout, 'advert.md:7:5 error unknown-skill "Kubernetes" is not a skill in DDaT, and no skill is spelt like it. If it is a tool or a skill of your own, add it to the ignore list; "Skill Lens: Show skill" finds the skills of DDaT by what they are about.\n');
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

  it('reads no ignore list that is a link out of the project, and quotes none of it', () => {
    mkdirSync(join(folder, '.skill-lens'));
    const outside = mkdtempSync(join(tmpdir(), 'skill-lens-secret-'));
    // Lines of /etc/shadow's shape: each one a YAML key whose value is empty.
    const secret = 'root:$6$Zq0rS3cr3tH4sh:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\nunknown-skill: [Kubernetes]\n';
    writeFileSync(join(outside, 'shadow'), secret);
    symlinkSync(join(outside, 'shadow'), join(folder, '.skill-lens', 'ignore.yaml'));
    const out = run(['check', 'advert.md'], folder);
    assert.match(out.stdout, /\n\.skill-lens\/ignore\.yaml:1:1 error schema The ignore list is not read \(a link to a file outside the project\)\.\n$/);
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
    const problems = out.stdout.split('\n').filter((l) => l.startsWith('.skill-lens/ignore.yaml'));
    assert.equal(problems.length, 10);
    assert.equal(problems[0], `.skill-lens/ignore.yaml:1:1 error schema Under "\\x1b]52;c;aGk=\\x07line-0-${'x'.repeat(21)}…", list words (text), e.g. "unknown-skill: [Kubernetes]".`);
    assert.ok(!/[\u0007\u001b]/.test(out.stdout + out.stderr));
  });

  it('reads no ignore list over 1 MB, and says so', () => {
    mkdirSync(join(folder, '.skill-lens'));
    writeFileSync(join(folder, '.skill-lens', 'ignore.yaml'), `unknown-skill:\n  - Kubernetes\n${'  - filler word\n'.repeat(140_000)}`);
    const out = run(['check', 'advert.md'], folder);
    assert.match(out.stdout, /\n\.skill-lens\/ignore\.yaml:1:1 error schema The ignore list is not read \(2\.1 MB, over the limit of 1 MB\)\.\n$/);
    assert.match(out.stdout, /"Kubernetes" is not a skill/);
  });

  it('honours disable comments', () => {
    writeFileSync(join(folder, 'advert.md'), `<!-- skill-lens-disable -->\n${ADVERT.replace(/^---[\s\S]*?---\n/, '')}`);
    const out = run(['check', 'advert.md'], folder);
    assert.equal(out.stdout, '');
    assert.equal(out.stderr, '1 file checked: 0 errors, 0 warnings.\n');
  });

  it('fixes a name and then the level it reveals in one run, and a second run changes nothing', () => {
    const text = '---\nrole: Senior infrastructure engineer\n---\n\n## Skills\n\n- Informaton security: practioner\n';
    writeFileSync(join(folder, 'advert.md'), text);
    const first = run(['check', '--fix', 'advert.md'], folder);
    assert.equal(readFileSync(join(folder, 'advert.md'), 'utf8'), text.replace('Informaton security: practioner', 'Information security: working'));
    assert.match(first.stderr, /^skill-lens: advert\.md: fixed 3 findings\n/);
    const second = run(['check', '--fix', 'advert.md'], folder);
    assert.doesNotMatch(second.stderr, /fixed/);
    assert.equal(readFileSync(join(folder, 'advert.md'), 'utf8'), text.replace('Informaton security: practioner', 'Information security: working'));
  });

  it('fixes no hint: a posting with no framework context is left as it is', () => {
    const text = '# Software Engineer II, Austin TX\n\n## What you will do\n\n- **Problem solving**. You will untangle hard issues across our stack.\n';
    writeFileSync(join(folder, 'posting.md'), text);
    const out = run(['check', '--fix', 'posting.md'], folder);
    assert.equal(out.stdout, 'posting.md:5:5 hint renamed-skill "Problem solving" was renamed "Problem management" on 30 August 2022. Use the new name.\n');
    assert.equal(out.status, 0);
    assert.equal(readFileSync(join(folder, 'posting.md'), 'utf8'), text);
  });

  it('never edits a framework file, checks with the framework a document names, and fixes nothing where it is not loaded', () => {
    const framework = 'id: support\nname: Service desk skills\nlevels:\n  - { id: doing, name: Doing }\nskills:\n  - name: Incident triage\n    levels:\n      doing: { statements: [You sort incidents.] }\n';
    writeFileSync(join(folder, 'support.skills.yaml'), framework);
    const advert = '---\nframework: support\n---\n\n- **Incident triage** (doing)\n- **Incident triag** (doing)\n';
    writeFileSync(join(folder, 'advert.md'), advert);
    const lost = '---\nframework: nosuch\n---\n\n- **Incident triage** (doing)\n';
    writeFileSync(join(folder, 'lost.md'), lost);
    const out = run(['check', '--fix', '.'], folder);
    assert.equal(readFileSync(join(folder, 'support.skills.yaml'), 'utf8'), framework);
    assert.equal(readFileSync(join(folder, 'advert.md'), 'utf8'), advert.replace('Incident triag**', 'Incident triage**'));
    assert.equal(readFileSync(join(folder, 'lost.md'), 'utf8'), lost);
    assert.match(out.stderr, /skill-lens: lost\.md: not fixed: its framework is not loaded\n/);
    assert.match(out.stdout, /^lost\.md:2:12 error schema "nosuch" is not a loaded framework\. Use one of: ddat, sfia, ladder, support; DDaT is used meanwhile\.\n/m);
  });

  it('writes through a link to its file, keeps the mode, the byte-order mark and the line endings', () => {
    const text = '\ufeff---\r\nkind: job-advert\r\n---\r\n# Platform engineer\r\n\r\n- **Informaton security** (working)\r\n- **Problem solving** (working)';
    mkdirSync(join(folder, 'real'));
    writeFileSync(join(folder, 'real', 'advert.md'), text);
    chmodSync(join(folder, 'real', 'advert.md'), 0o640);
    symlinkSync(join('real', 'advert.md'), join(folder, 'linked.md'));
    const out = run(['check', '--fix', 'linked.md'], folder);
    assert.equal(out.status, 0, out.stderr);
    assert.ok(lstatSync(join(folder, 'linked.md')).isSymbolicLink());
    assert.equal(readlinkSync(join(folder, 'linked.md')), join('real', 'advert.md'));
    assert.equal(readFileSync(join(folder, 'real', 'advert.md'), 'utf8'), text.replace('Informaton', 'Information').replace('Problem solving', 'Problem management'));
    assert.equal(statSync(join(folder, 'real', 'advert.md')).mode & 0o777, 0o640);
  });

  it('leaves a file that changed since it was read, and says so', async () => {
    writeFileSync(join(folder, 'advert.md'), `${ADVERT}- **Testing** (working)\n`);
    const why = await writeIfUnchanged(join(folder, 'advert.md'), ADVERT, 'fixed');
    assert.equal(why, 'it changed while it was being fixed, so it was left as it is; run again');
    assert.equal(readFileSync(join(folder, 'advert.md'), 'utf8'), `${ADVERT}- **Testing** (working)\n`);
    assert.equal(await writeIfUnchanged(join(folder, 'advert.md'), `${ADVERT}- **Testing** (working)\n`, 'fixed'), undefined);
    assert.equal(readFileSync(join(folder, 'advert.md'), 'utf8'), 'fixed');
  });

  it('leaves a file that is not valid UTF-8 as it is', () => {
    const bytes = Buffer.concat([Buffer.from('---\nkind: job-advert\n---\n# Caf'), Buffer.from([0xe9]), Buffer.from(' engineer\n\n- **Informaton security** (working)\n')]);
    writeFileSync(join(folder, 'advert.md'), bytes);
    const out = run(['check', '--fix', 'advert.md'], folder);
    assert.ok(readFileSync(join(folder, 'advert.md')).equals(bytes));
    assert.equal(out.status, 2);
    assert.match(out.stderr, /skill-lens: advert\.md: cannot be fixed \(it is not valid UTF-8 text, so it was left as it is\)/);
  });

  it('leaves the file whole when the write fails part way (a file size limit), and exits 2', () => {
    const big = `${ADVERT}${'\nMore about the team and the work we do.'.repeat(1200)}\n`;
    writeFileSync(join(folder, 'advert.md'), big);
    const out = spawnSync('bash', ['-c', `ulimit -f 16; exec "${process.execPath}" "${cli}" check --fix advert.md`], { encoding: 'utf8', cwd: folder });
    assert.equal(readFileSync(join(folder, 'advert.md'), 'utf8'), big);
    assert.equal(out.status, 2, out.stderr);
    assert.match(out.stderr, /skill-lens: advert\.md: cannot be fixed \(the file would be too large to write\)/);
  });

  it('--fix-dry-run prints a unified diff of what --fix would write, and writes nothing', () => {
    const out = run(['check', '--fix-dry-run', 'advert.md'], folder);
    assert.equal(readFileSync(join(folder, 'advert.md'), 'utf8'), ADVERT);
    assert.equal(
      out.stdout,
      [
        '--- a/advert.md',
        '+++ b/advert.md',
        '@@ -3,6 +3,6 @@',
        ' ---',
        ' # Platform engineer',
        ' ',
        '-- **Informaton security** (working)',
        '+- **Information security** (working)',
        ' - **Kubernetes** (expert)',
        '-- **Problem solving** (working)',
        '+- **Problem management** (working)',
        '',
      ].join('\n'),
    );
    assert.equal(out.stderr, '1 file checked (nothing written): 1 error, 0 warnings.\n');
    assert.equal(out.status, 1);
  });

  it('reads the framework files and configuration of a folder checked from outside it, and checks none of them as a document', () => {
    mkdirSync(join(folder, 'team'));
    writeFileSync(join(folder, 'team', 'support.skills.yaml'), 'id: support\nname: Service desk skills\nlevels:\n  - { id: doing, name: Doing }\nskills:\n  - name: Incident triage\n    levels:\n      doing: { statements: [You sort incidents.] }\n');
    writeFileSync(join(folder, 'team', '.skill-lens.yaml'), 'severity:\n  unknown-skill: warning\n');
    writeFileSync(join(folder, 'team', 'advert.md'), '---\nframework: support\n---\n\n- **Incident triag** (doing)\n');
    const elsewhere = mkdtempSync(join(tmpdir(), 'skill-lens-cwd-'));
    const out = run(['check', join(folder, 'team')], elsewhere);
    assert.equal(out.stdout.replace(/^.*advert\.md:/gm, 'advert.md:'), 'advert.md:5:5 warning unknown-skill "Incident triag" is not a skill in Service desk skills. Did you mean "Incident triage"?\n');
    assert.equal(out.stderr, '1 file checked: 0 errors, 1 warning.\n');
  });
});
