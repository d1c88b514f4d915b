// Editing over stdio, as VS Code does it: completion on the trigger character typed, with the
// text as it stands after each keystroke; fix all on save; silencing a finding on its line or in
// the workspace's ignore list, which the server reads again when it changes.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Position, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { fileUri, killAllServers, LspClient, languageServerCommand } from './lspClient';

after(() => killAllServers());

async function ready(rootPath?: string): Promise<LspClient> {
  const client = new LspClient({ ...languageServerCommand(), settings: { skillLens: { debounceMs: 50 } }, requestTimeoutMs: 10_000 });
  await client.initialize({
    rootUri: rootPath ? fileUri(rootPath) : null,
    workspaceCapabilities: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, didChangeWatchedFiles: { dynamicRegistration: true } },
  });
  return client;
}

/** The first diagnostics published for `uri` (after `since`) that satisfy `ok`. */
async function until(client: LspClient, uri: string, ok: (d: Diagnostic[]) => boolean, since = 0, ms = 10_000): Promise<Diagnostic[]> {
  const end = Date.now() + ms;
  for (;;) {
    const seen = client.diagnostics.filter((e) => e.uri === uri && e.at >= since && ok(e.diagnostics as Diagnostic[]));
    if (seen.length) return seen[0].diagnostics as Diagnostic[];
    if (Date.now() > end) throw new Error(`no diagnostics for ${uri} as wanted: ${JSON.stringify(client.diagnostics.filter((e) => e.uri === uri).map((e) => e.diagnostics.map((d) => d.message)))}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
const kube = (ds: Diagnostic[]) => ds.some((d) => d.code === 'unknown-skill' && /Kubernetes/.test(d.message));

const SENIOR = '---\nkind: job-advert\nrole: Senior infrastructure engineer\n---\n\n# Senior infrastructure engineer\n\n';

describe('completion while typing (LSP)', function () {
  this.timeout(30_000);
  let client: LspClient;
  let version = 1;
  let text = '';
  const uri = 'file:///work/adverts/typing.md';

  before(async () => {
    client = await ready();
    text = `${SENIOR}| Skill | Level |\n| --- | --- |\n`;
    client.didOpen(uri, 'markdown', text, version);
  });
  after(async () => {
    await client.shutdown();
  });

  /** Types at the end of the document, as the editor sends it: one change per character. */
  function type(chars: string): Position {
    for (const c of chars) {
      const doc = TextDocument.create(uri, 'markdown', version, text);
      const at = doc.positionAt(text.length);
      client.didChange(uri, ++version, [{ range: { start: at, end: at }, text: c }]);
      text += c;
    }
    return TextDocument.create(uri, 'markdown', version, text).positionAt(text.length);
  }
  const ask = (position: Position, triggerCharacter?: string) =>
    client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position,
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    });
  const apply = (item: CompletionItem) => TextDocument.applyEdits(TextDocument.create(uri, 'markdown', version, text), [item.textEdit as never]);
  const lastLine = (t: string) => t.trimEnd().split('\n').pop();

  it('registers the space as a trigger character, beside ( : | *', () => {
    const caps = client.capabilities as { completionProvider: { triggerCharacters: string[] } };
    assert.deepEqual(caps.completionProvider.triggerCharacters, ['(', ':', '|', '*', ' ']);
  });

  it('a table row: `|` then ` ` then `Trou`, accepted, reads `| Troubleshooting and problem resolution`', async () => {
    const bar = await ask(type('|'), '|');
    const onBar = bar.items.find((i) => i.label === 'Troubleshooting and problem resolution')!;
    assert.equal(lastLine(apply(onBar)), '| Troubleshooting and problem resolution');
    const space = await ask(type(' '), ' ');
    assert.ok(space.items.length >= 100, `names after "| " (got ${space.items.length})`);
    assert.deepEqual((space.items[0].textEdit as { range: unknown }).range, { start: { line: 9, character: 2 }, end: { line: 9, character: 2 } });
    const typed = await ask(type('Trou'));
    assert.equal(typed.items[0].label, 'Troubleshooting and problem resolution');
    assert.equal(lastLine(apply(typed.items[0])), '| Troubleshooting and problem resolution');
  });

  it('the level column and a gov.uk `Level:` line keep offering levels after the space', async () => {
    type('bleshooting and problem resolution |');
    const levels = await ask(type(' '), ' ');
    assert.deepEqual(levels.items.map((i) => i.label), ['awareness', 'working', 'practitioner', 'expert']);
    const colon = await ask(type(' |\n\nInformation security\nLevel:'), ':');
    assert.equal(colon.items.length, 4);
    const space = await ask(type(' '), ' ');
    assert.deepEqual(space.items.map((i) => i.label), ['awareness', 'working', 'practitioner', 'expert']);
    assert.equal(lastLine(apply(space.items[2])), 'Level: practitioner');
  });

  it('a space in prose gets an empty list', async () => {
    type('practitioner\n\nWe run the');
    const prose = await ask(type(' '), ' ');
    assert.deepEqual(prose, { isIncomplete: false, items: [] });
  });
});

const ADVERT = '---\nkind: job-advert\n---\n# Platform engineer\n\n- **Informaton security** (working)\n- **Kubernetes** (expert)\n- **Problem solving** (wizard)\n';

describe('fix all and silencing (LSP)', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient;
  let advert: string;
  const ignoreFile = () => join(dir, '.skill-lens', 'ignore.yaml');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'skill-lens-silence-'));
    mkdirSync(join(dir, '.skill-lens'));
    mkdirSync(join(dir, 'adverts'));
    writeFileSync(join(dir, 'adverts', 'platform.md'), ADVERT);
    client = await ready(dir);
    advert = fileUri(join(dir, 'adverts', 'platform.md'));
    client.didOpen(advert, 'markdown', ADVERT, 1);
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('announces source.fixAll.skillLens beside quick fixes', () => {
    const caps = client.capabilities as { codeActionProvider: { codeActionKinds: string[] } };
    assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.skillLens']);
  });

  it('fixes every finding with one clear fix when asked for source.fixAll.skillLens (as on save)', async () => {
    await until(client, advert, kube);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: advert },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.skillLens'], triggerKind: 2 },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all Skill Lens findings that have one clear fix', 'source.fixAll.skillLens']]);
    const after = TextDocument.applyEdits(TextDocument.create(advert, 'markdown', 1, ADVERT), actions[0].edit!.changes![advert]);
    // The typo and the old name are fixed; Kubernetes (no suggestion) is left for the writer.
    assert.equal(after, ADVERT.replace('Informaton', 'Information').replace('Problem solving', 'Problem management'));
  });

  it('"Ignore "Kubernetes" in this workspace" creates .skill-lens/ignore.yaml; the server reads it from disk', async () => {
    const found = await until(client, advert, kube);
    const d = found.find((x) => /Kubernetes/.test(x.message))!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: advert }, range: d.range, context: { diagnostics: [d] } });
    assert.deepEqual(actions.map((a) => a.title), ['Disable unknown-skill for this line', 'Ignore "Kubernetes" in this workspace']);
    const [create, edit] = actions[1].edit!.documentChanges! as [{ kind: string; uri: string }, TextDocumentEdit];
    assert.deepEqual([create.kind, create.uri], ['create', fileUri(ignoreFile())]);
    // The editor applies it and saves the file; its watcher reports the new file.
    writeFileSync(ignoreFile(), TextDocument.applyEdits(TextDocument.create(create.uri, 'yaml', 1, ''), edit.edits as TextEdit[]));
    assert.equal(readFileSync(ignoreFile(), 'utf8'), '# Findings Skill Lens does not report in this workspace, by code (see the README).\nunknown-skill:\n  - Kubernetes\n');
    const since = performance.now();
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(ignoreFile()), type: 1 }] });
    const now = await until(client, advert, (ds) => !kube(ds), since);
    assert.deepEqual(now.map((x) => x.code), ['unknown-skill', 'renamed-skill', 'unknown-level']);
  });

  it('"Ignore …" a second time extends the list the first made, when the editor opened, saved and closed it at once', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'skill-lens-twice-'));
    const text = '---\nkind: job-advert\n---\n# Platform engineer\n\n- **Kubernetes** (expert)\n- **Terraform** (expert)\n';
    const list = join(folder, '.skill-lens', 'ignore.yaml');
    const twice = await ready(folder);
    try {
      const uri = fileUri(join(folder, 'advert.md'));
      twice.didOpen(uri, 'markdown', text, 1);
      const ignore = async (word: string) => {
        const found = await until(twice, uri, (ds) => ds.some((d) => d.message.includes(word)));
        const d = found.find((x) => x.message.includes(word))!;
        const actions = await twice.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        return actions.find((a) => a.title === `Ignore "${word}" in this workspace`)!;
      };
      const first = await ignore('Kubernetes');
      const [, edit] = first.edit!.documentChanges! as [unknown, TextDocumentEdit];
      const written = TextDocument.applyEdits(TextDocument.create(fileUri(list), 'yaml', 1, ''), edit.edits as TextEdit[]);
      // As VS Code does it: the new file is opened with the edit, saved, its watcher reports it
      // while it is open, and it is closed, all before the server's debounce has run.
      mkdirSync(join(folder, '.skill-lens'));
      writeFileSync(list, written);
      twice.didOpen(fileUri(list), 'yaml', written, 1);
      twice.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(list), type: 1 }] });
      twice.didClose(fileUri(list));
      const second = await ignore('Terraform');
      const changes = second.edit!.changes?.[fileUri(list)] ?? (second.edit!.documentChanges as TextDocumentEdit[] | undefined)?.flatMap((c) => ('edits' in c ? c.edits : [])) ?? [];
      assert.equal(
        TextDocument.applyEdits(TextDocument.create(fileUri(list), 'yaml', 1, written), changes as TextEdit[]),
        '# Findings Skill Lens does not report in this workspace, by code (see the README).\nunknown-skill:\n  - Kubernetes\n  - Terraform\n',
      );
    } finally {
      await twice.shutdown();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('"Ignore …" asked for before the server has read the list extends the list on disk, with no second key', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'skill-lens-early-'));
    mkdirSync(join(folder, '.skill-lens'));
    const existing = 'unknown-skill:\n  - Terraform\n';
    writeFileSync(join(folder, '.skill-lens', 'ignore.yaml'), existing);
    const early = new LspClient({ ...languageServerCommand(), requestTimeoutMs: 10_000 });
    try {
      // Initialized but not told `initialized`: the server reads the workspace's lists only after
      // that (or 2 s later), so the request below comes first, as it can right after start.
      await early.request('initialize', {
        processId: process.pid,
        rootUri: fileUri(folder),
        workspaceFolders: [{ uri: fileUri(folder), name: 'workspace' }],
        capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } },
      });
      const uri = fileUri(join(folder, 'advert.md'));
      early.didOpen(uri, 'markdown', ADVERT, 1);
      const d: Diagnostic = { range: { start: { line: 6, character: 4 }, end: { line: 6, character: 14 } }, severity: 1, code: 'unknown-skill', source: 'skill-lens', message: '"Kubernetes" is not a skill in DDaT.' };
      const actions = await early.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const ignore = actions.find((a) => a.title === 'Ignore "Kubernetes" in this workspace')!;
      const edits = ignore.edit!.changes![fileUri(join(folder, '.skill-lens', 'ignore.yaml'))];
      assert.equal(TextDocument.applyEdits(TextDocument.create('file:///i.yaml', 'yaml', 1, existing), edits), 'unknown-skill:\n  - Terraform\n  - Kubernetes\n');
    } finally {
      await early.shutdown();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('takes the ignore list from the editor while it is open there, and reports its problems on it', async () => {
    const ignoreUri = fileUri(ignoreFile());
    let since = performance.now();
    client.didOpen(ignoreUri, 'yaml', 'unknown-skill: []\n', 1);
    await until(client, advert, kube, since);
    since = performance.now();
    client.didChange(ignoreUri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '- not a map\n' }]);
    const problems = await until(client, ignoreUri, (ds) => ds.length > 0, since);
    assert.deepEqual(problems.map((p) => [p.code, p.message]), [['schema', 'The ignore list must map codes to lists of words, e.g. "unknown-skill: [Kubernetes]".']]);
    // Closed unsaved: the file on disk applies again.
    since = performance.now();
    client.didClose(ignoreUri);
    await until(client, advert, (ds) => !kube(ds), since);
  });

  it('is no framework file: a server started with it loads no framework from it and reports nothing on it', async () => {
    const other = await ready(dir);
    try {
      const u = fileUri(join(dir, 'adverts', 'platform.md'));
      other.didOpen(u, 'markdown', ADVERT, 1);
      await until(other, u, (ds) => ds.length > 0 && !kube(ds));
      const list = await other.request<{ id: string }[]>('skillLens/frameworks', null);
      assert.deepEqual(list.map((f) => f.id), ['ddat', 'sfia', 'ladder']);
      assert.deepEqual(other.diagnostics.filter((e) => e.uri === fileUri(ignoreFile()) && e.diagnostics.length), []);
    } finally {
      await other.shutdown();
    }
  });

  it('the CLI honours the ignore list and the comments', () => {
    const cli = join(process.cwd(), 'dist', 'cli.js');
    const silenced = ADVERT.replace('- **Problem solving** (wizard)', '<!-- skill-lens-disable-next-line unknown-level -->\n- **Problem solving** (wizard)');
    writeFileSync(join(dir, 'adverts', 'platform.md'), silenced);
    const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', 'adverts'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { code: string; range: { start: { line: number } } }[]).map((f) => `${f.range.start.line} ${f.code}`), ['5 unknown-skill', '8 renamed-skill']);
  });
});
