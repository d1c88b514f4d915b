// Small files of the project (the ignore list): read only when they are regular files inside
// the project, under a size cap, and quoted only in short, escaped excerpts.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { excerpt, tooLarge } from '../../server/src/fileText';
import { readProjectFile } from '../../server/src/project/safeRead';
import { createLanguageService, type LanguageService } from '../../server/src/languageService';
import { nodeProjectFiles } from '../../server/src/project/nodeProjectFiles';

describe('project files', () => {
  let root: string;
  let outside: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'skill-lens-project-'));
    outside = mkdtempSync(join(tmpdir(), 'skill-lens-outside-'));
    mkdirSync(join(root, '.skill-lens'));
    writeFileSync(join(outside, 'shadow'), 'root:$6$secret:19000:0:99999:7:::\n');
  });
  const read = (path: string, max = 1024) => readProjectFile(root, path, max);

  it('reads a regular file inside the project, and a link to another file inside it', async () => {
    writeFileSync(join(root, '.skill-lens', 'ignore.yaml'), 'unknown-skill: [Kubernetes]\n');
    assert.deepEqual(await read('.skill-lens/ignore.yaml'), { text: 'unknown-skill: [Kubernetes]\n' });
    writeFileSync(join(root, 'words.yaml'), 'unknown-skill: []\n');
    symlinkSync('../words.yaml', join(root, '.skill-lens', 'linked.yaml'));
    assert.deepEqual(await read('.skill-lens/linked.yaml'), { text: 'unknown-skill: []\n' });
    assert.deepEqual(await read('.skill-lens/none.yaml'), { missing: true });
  });

  it('refuses a link out of the project, a folder linked out of it, and a path outside it', async () => {
    symlinkSync(join(outside, 'shadow'), join(root, '.skill-lens', 'ignore.yaml'));
    assert.deepEqual(await read('.skill-lens/ignore.yaml'), { refused: 'a link to a file outside the project' });
    const other = mkdtempSync(join(tmpdir(), 'skill-lens-project-'));
    symlinkSync(outside, join(other, '.skill-lens'));
    writeFileSync(join(outside, 'ignore.yaml'), 'unknown-skill: []\n');
    assert.deepEqual(await readProjectFile(other, '.skill-lens/ignore.yaml', 1024), { refused: 'a link to a file outside the project' });
    assert.deepEqual(await read('../x/ignore.yaml'), { refused: 'outside the project' });
    symlinkSync(join(outside, 'gone'), join(root, '.skill-lens', 'dangling.yaml'));
    assert.deepEqual(await read('.skill-lens/dangling.yaml'), { refused: `a link to ${join(outside, 'gone')}, which does not exist` });
  });

  it('refuses what is no regular file, and a file over the size given', async () => {
    mkdirSync(join(root, '.skill-lens', 'folder.yaml'));
    assert.deepEqual(await read('.skill-lens/folder.yaml'), { refused: 'a folder, not a file' });
    assert.equal(spawnSync('mkfifo', [join(root, '.skill-lens', 'pipe.yaml')]).status, 0);
    assert.deepEqual(await read('.skill-lens/pipe.yaml'), { refused: 'a named pipe (FIFO), not a regular file' });
    writeFileSync(join(root, '.skill-lens', 'large.yaml'), 'x'.repeat(3 * 1024 * 1024 / 2));
    assert.deepEqual(await readProjectFile(root, '.skill-lens/large.yaml', 1024 * 1024), { refused: '1.5 MB, over the limit of 1 MB' });
  });

  it('words a size over a limit so that the two never look equal', () => {
    assert.equal(tooLarge(300 * 1024, 256 * 1024), '300 KB, over the limit of 256 KB');
    assert.equal(tooLarge(Math.round(1.1 * 1024 * 1024), 1024 * 1024), '1.1 MB, over the limit of 1 MB');
    assert.equal(tooLarge(50 * 1024 * 1024, 1024 * 1024), '50 MB, over the limit of 1 MB');
    assert.equal(tooLarge(3 * 1024 * 1024, 256 * 1024), '3 MB, over the limit of 256 KB');
    // Just over: more decimals, and bytes when those do not tell them apart.
    assert.equal(tooLarge(256 * 1024 + 100, 256 * 1024), '256.1 KB, over the limit of 256 KB');
    assert.equal(tooLarge(1024 * 1024 + 20 * 1024, 1024 * 1024), '1.02 MB, over the limit of 1 MB');
    assert.equal(tooLarge(1024 * 1024 + 1, 1024 * 1024), '1,048,577 bytes, over the limit of 1,048,576 bytes');
  });

  it('quotes at most a short excerpt, control characters escaped', () => {
    assert.equal(excerpt('Kubernetes'), '"Kubernetes"');
    assert.equal(excerpt('a'.repeat(100)), `"${'a'.repeat(40)}…"`);
    assert.equal(excerpt('\u001b]52;c;aGk=\u0007 "q" \\'), '"\\x1b]52;c;aGk=\\x07 \\"q\\" \\\\"');
  });
});

describe('the ignore lists the service reads', () => {
  let root: string;
  let published: { uri: string; diagnostics: Diagnostic[] }[];
  let service: LanguageService;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'skill-lens-workspace-'));
    mkdirSync(join(root, '.skill-lens'));
    published = [];
    service = createLanguageService({ roots: [pathToFileURL(root).toString()], files: nodeProjectFiles, onFileProblems: (uri, diagnostics) => published.push({ uri, diagnostics }) });
  });
  const ignoreUri = () => pathToFileURL(join(root, '.skill-lens', 'ignore.yaml')).toString();
  const doc = () => pathToFileURL(join(root, 'advert.md')).toString();
  const messages = () => published.flatMap((p) => p.diagnostics.map((d) => d.message));
  const words = () => service.settingsFor(doc()).ignore?.byCode.size ?? 0;

  it('reads no list that is a link out of the workspace folder, says so on it, and offers nothing to write to it', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'skill-lens-outside-'));
    writeFileSync(join(outside, 'shadow'), 'unknown-skill: [Kubernetes]\nroot:$6$secret:19000:0:99999:7:::\n');
    symlinkSync(join(outside, 'shadow'), join(root, '.skill-lens', 'ignore.yaml'));
    await service.loadProject();
    assert.deepEqual(messages(), ['The ignore list is not read (a link to a file outside the project).']);
    assert.equal(published[0].uri, ignoreUri());
    assert.equal(words(), 0);
    assert.equal(service.ignoreTarget(doc()), undefined);
  });

  it('reads no list over 1 MB, on disk or in the editor', async () => {
    const large = `unknown-skill:\n  - Kubernetes\n${'  - filler word\n'.repeat(70_000)}`;
    writeFileSync(join(root, '.skill-lens', 'ignore.yaml'), large);
    await service.loadProject();
    assert.deepEqual(messages(), ['The ignore list is not read (1.1 MB, over the limit of 1 MB).']);
    assert.equal(words(), 0);
    assert.equal(service.ignoreTarget(doc()), undefined);
    // Made small in the editor: read.
    published = [];
    assert.equal(await service.fileEdited(ignoreUri(), 'unknown-skill: [Kubernetes]\n'), true);
    assert.deepEqual([...service.settingsFor(doc()).ignore!.byCode.get('unknown-skill')!], ['kubernetes']);
    // Pasted large in the editor: not read.
    assert.equal(await service.fileEdited(ignoreUri(), large), true);
    assert.deepEqual(messages(), ['The ignore list is not read (1.1 MB, over the limit of 1 MB).']);
    assert.equal(words(), 0);
  });
});

describe('a configuration file over its size limit', () => {
  it('is not read, and says its size and the limit in the same unit (300 KB of 256 KB)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'skill-lens-workspace-'));
    writeFileSync(join(root, '.skill-lens.yaml'), `# ${'x'.repeat(300 * 1024 - 3)}\n`);
    const published: string[] = [];
    const service = createLanguageService({
      roots: [pathToFileURL(root).toString()],
      files: nodeProjectFiles,
      onFileProblems: (_uri, diagnostics) => published.push(...diagnostics.map((d) => d.message)),
    });
    await service.loadProject();
    assert.deepEqual(published, ['This configuration is not read (300 KB, over the limit of 256 KB); the defaults apply.']);
  });
});

describe('what applies to a document, read from its own folders', () => {
  it('is known without a walk of the whole workspace, from the configuration files and ignore lists on its path only', async () => {
    const texts: Record<string, string> = {
      'file:///w/.skill-lens.yaml': 'severity:\n  unknown-skill: warning\n',
      'file:///w/jobs/.skill-lens/ignore.yaml': 'unknown-skill: [Kubernetes]\n',
      'file:///w/other/.skill-lens.yaml': 'severity:\n  unknown-skill: hint\n',
    };
    const asked: string[] = [];
    const files = {
      // A walk that never ends, as on a very large workspace: nothing here may wait for it.
      find: () => new Promise<string[]>(() => undefined),
      read: async (uri: string) => {
        asked.push(uri);
        return uri in texts ? { text: texts[uri] } : { reason: 'no such file or folder', missing: true };
      },
      documents: async () => ({ uris: [], unreadable: [] }),
    };
    const service = createLanguageService({ files, roots: ['file:///w'] });
    const doc = 'file:///w/jobs/advert.md';
    assert.equal(service.hasSettingsFor(doc), false);
    await service.whenSettingsReadFor(doc);
    assert.equal(service.hasSettingsFor(doc), true);
    assert.deepEqual(service.settingsFor(doc).severity, { 'unknown-skill': 'warning' });
    assert.deepEqual([...service.settingsFor(doc).ignore!.byCode.get('unknown-skill')!], ['kubernetes']);
    // Only the document's two folders were looked in, not `other/`.
    assert.deepEqual([...new Set(asked.map((u) => u.replace(/\/[^/]*$/, '').replace(/\/\.skill-lens$/, '')))], ['file:///w/jobs', 'file:///w']);
    assert.equal(service.hasSettingsFor('file:///w/other/advert.md'), false);
  });

  it('reads a folder made after the walk of the workspace, once for the documents opened in it together', async () => {
    const texts: Record<string, string> = {};
    const asked: string[] = [];
    const files = {
      find: async () => Object.keys(texts),
      read: async (uri: string) => {
        asked.push(uri);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return uri in texts ? { text: texts[uri] } : { reason: 'no such file or folder', missing: true };
      },
      documents: async () => ({ uris: [], unreadable: [] }),
    };
    const service = createLanguageService({ files, roots: ['file:///w'] });
    await service.loadProjectSettings();
    // Made after the walk, before the watcher says so (a pull, a folder made by a script).
    texts['file:///w/team/.skill-lens.yaml'] = 'severity:\n  unknown-skill: warning\n';
    const advert = 'file:///w/team/advert.md';
    const review = 'file:///w/team/review.md';
    assert.equal(service.hasSettingsFor(advert), false);
    const reading = [service.whenSettingsReadFor(advert), service.whenSettingsReadFor(review)];
    // Neither is known while the reading is under way.
    assert.equal(service.hasSettingsFor(review), false);
    assert.deepEqual(await Promise.all(reading), [true, true]);
    assert.equal(service.hasSettingsFor(review), true);
    assert.deepEqual(service.settingsFor(review).severity, { 'unknown-skill': 'warning' });
    assert.equal(asked.filter((u) => u === 'file:///w/team/.skill-lens.yaml').length, 1);
    // Looked for once: asked again, nothing is read and nothing has changed.
    asked.length = 0;
    assert.equal(await service.whenSettingsReadFor(advert), false);
    assert.deepEqual(asked, []);
  });
});
