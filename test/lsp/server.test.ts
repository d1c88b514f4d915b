// The built server (dist/server.js --stdio) as a real subprocess, driven over JSON-RPC the way
// an editor drives it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type CodeAction, type CompletionItem, type CompletionList, type Hover, type MarkupContent, type SymbolInformation, type TextEdit } from 'vscode-languageserver-types';
import { fileUri, killAllServers, LspClient, languageServerCommand } from './lspClient';
import type { FrameworkSummary, RoleLevelSummary, SkillSummary } from '../../server/src/protocol';

const SERVER = join(process.cwd(), 'dist', 'server.js');

// A failed test can leave its server running, which would keep mocha from exiting.
after(() => killAllServers());

/** Starts the server, initializes it (with a workspace folder when given) and returns the client. */
async function ready(
  settings: Record<string, unknown> = {},
  rootPath?: string,
  env?: NodeJS.ProcessEnv,
  onNotification?: (method: string, params: unknown) => void,
): Promise<LspClient> {
  const client = new LspClient({
    ...languageServerCommand(),
    env,
    onNotification,
    settings: { skillLens: { debounceMs: 50, ...settings } },
    requestTimeoutMs: 10_000,
  });
  await client.initialize({ rootUri: rootPath ? fileUri(rootPath) : null });
  return client;
}

const advert = `---
kind: job-advert
role: Senior infrastructure engineer
grade: SEO
---

# Senior infrastructure engineer

- **Informaton security** (working)
- **IT infrastructure** (expert)
- **Informa
`;

describe('language server over stdio', function () {
  this.timeout(30_000);
  let client: LspClient;
  const uri = 'file:///work/adverts/senior.md';

  before(async () => {
    client = await ready();
    client.didOpen(uri, 'markdown', advert, 1);
  });
  after(async () => {
    await client.shutdown();
  });

  it('announces its features', () => {
    const caps = client.capabilities as Record<string, unknown>;
    for (const c of ['completionProvider', 'hoverProvider', 'codeActionProvider', 'documentSymbolProvider', 'definitionProvider']) assert.ok(caps[c], c);
    assert.equal(client.syncKind, 2); // incremental
  });

  it('publishes diagnostics with contract codes and exact ranges', async () => {
    const event = await client.waitForDiagnostics(uri);
    const byCode = (code: string) => event.diagnostics.filter((d) => d.code === code);
    assert.deepEqual(byCode('unknown-skill')[0].range, { start: { line: 8, character: 4 }, end: { line: 8, character: 23 } });
    assert.equal(byCode('unknown-skill')[0].message, '"Informaton security" is not a skill in DDaT. Did you mean "Information security"?');
    assert.equal(byCode('level-mismatch')[0].message, 'Senior infrastructure engineer needs IT infrastructure at practitioner, not expert.');
    // 12 skills, less IT infrastructure (written) and Information security (misspelt: reported as such).
    assert.equal(byCode('missing-skill').length, 10);
  });

  it('finds skills by what they are about as workspace symbols: "cloud sec" finds the security skills', async () => {
    assert.ok((client.capabilities as Record<string, unknown>).workspaceSymbolProvider);
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'cloud sec' });
    const names = symbols.map((s) => s.name);
    assert.equal(names[0], 'Information security');
    assert.ok(names.slice(0, 5).every((n) => /secur/i.test(n)), names.join(', '));
    // IT infrastructure supports "virtual and cloud computing" in its statements.
    assert.ok(names.includes('IT infrastructure'), names.join(', '));
    assert.equal(symbols[0].kind, SymbolKind.Class);
    assert.equal(symbols[0].containerName, 'DDaT skill');
    // Where go to definition lands: the skill's heading in the framework's rendering.
    const rendering = readFileSync(fileURLToPath(symbols[0].location.uri), 'utf8').split('\n');
    assert.equal(rendering[symbols[0].location.range.start.line], '## Information security');
    // A name's start ranks names as completion does; an empty query asks for nothing.
    assert.equal((await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Informa' }))[0].name, 'Information security');
    assert.deepEqual(await client.request('workspace/symbol', { query: '' }), []);
  });

  it('answers the Show skill picker as the user types, by name or by what a skill is about', async () => {
    const find = (query: string) => client.request<SkillSummary[]>('skillLens/findSkills', { query });
    assert.equal((await find('Informa'))[0].name, 'Information security');
    const cloud = await find('cloud computing');
    assert.equal(cloud[0].name, 'IT infrastructure');
    assert.match(cloud[0].description ?? '', /infrastructure/i);
    assert.ok(cloud.length <= 50);
    assert.deepEqual(await find('kubernetes'), []);
    assert.deepEqual(await find(''), []);
  });

  it('answers a 100,000-character query at once, as it would its first words, and stays responsive', async () => {
    // Uncapped, 1,000 characters took 1.2 s and 100,000 had no answer in 30 s, with every other
    // request waiting: this client gives up after 10 s.
    const words = 'cloud security';
    const query = `${words} ${'zzqx '.repeat(20_000)}`;
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query });
    assert.deepEqual(symbols.map((s) => s.name), (await client.request<SymbolInformation[]>('workspace/symbol', { query: query.slice(0, 64) })).map((s) => s.name));
    assert.equal(symbols[0].name, 'Information security');
    const found = await client.request<SkillSummary[]>('skillLens/findSkills', { query });
    assert.equal(found[0].name, 'Information security');
    const hover = await client.hover<Hover>(uri, { line: 9, character: 8 });
    assert.match((hover.contents as MarkupContent).value, /^### IT infrastructure/);
  });

  it('completes a skill name from what was typed, keeping the bold markers', async () => {
    const list = await client.completion<CompletionList | CompletionItem[]>(uri, { line: 10, character: 11 });
    const items = Array.isArray(list) ? list : list.items;
    const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.equal(sorted[0].label, 'Information security');
    const edit = sorted[0].textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 10, character: 4 }, end: { line: 10, character: 11 } });
    const doc = TextDocument.create(uri, 'markdown', 1, advert);
    const after = TextDocument.applyEdits(doc, [edit]);
    assert.equal(after.split('\n')[10].startsWith('- **Information security'), true);
  });

  it('explains a skill on hover with the statements of its level', async () => {
    const hover = await client.hover<Hover>(uri, { line: 9, character: 8 });
    const text = (hover.contents as MarkupContent).value;
    assert.match(text, /IT infrastructure/);
    assert.match(text, /lead teams and departments in the design, implementation, administration and support of infrastructure solutions and services/i);
  });

  it('offers quick fixes whose edits produce the intended text', async () => {
    const event = await client.waitForDiagnostics(uri);
    const diagnostics = event.diagnostics.filter((d) => d.code === 'unknown-skill' || d.code === 'level-mismatch');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Replace with "Information security"', 'Disable unknown-skill for this line', 'Set level to "practitioner"', 'Disable level-mismatch for this line'],
    );
    const edits = actions.filter((a) => !a.title.startsWith('Disable')).flatMap((a) => a.edit!.changes![uri]);
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, advert), edits);
    assert.equal(after, advert.replace('Informaton security', 'Information security').replace('(expert)', '(practitioner)'));
  });

  it('re-checks after an incremental edit and publishes only the newest version', async () => {
    const since = performance.now();
    // Three quick edits: fix the typo one letter at a time.
    client.didChange(uri, 2, [{ range: { start: { line: 8, character: 12 }, end: { line: 8, character: 12 } }, text: 'x' }]);
    client.didChange(uri, 3, [{ range: { start: { line: 8, character: 12 }, end: { line: 8, character: 13 } }, text: '' }]);
    client.didChange(uri, 4, [{ range: { start: { line: 8, character: 12 }, end: { line: 8, character: 12 } }, text: 'i' }]);
    const event = await client.waitForDiagnostics(uri, { since });
    assert.equal(event.version, 4);
    assert.equal(event.diagnostics.filter((d) => d.code === 'unknown-skill').length, 0);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(
      client.diagnostics.filter((e) => e.uri === uri && e.at >= since).map((e) => e.version),
      [4],
    );
  });

  it('answers the custom requests the editor commands use', async () => {
    const frameworks = await client.request<FrameworkSummary[]>('skillLens/frameworks', null);
    const ddat = frameworks.find((f) => f.id === 'ddat')!;
    assert.deepEqual(
      [ddat.active, ddat.skills, ddat.skillLevels, ddat.notDefinedLevels, ddat.roleFamilies, ddat.roles, ddat.roleLevels, ddat.requirements, ddat.renames],
      [true, 188, 664, 60, 8, 52, 201, 1781, 1],
    );
    assert.equal(ddat.imports, undefined, 'the editor is not sent the import notes');
    const roles = await client.request<RoleLevelSummary[]>('skillLens/roleLevels', null);
    assert.equal(roles.length, 201);
    assert.deepEqual(
      roles.filter((r) => r.role === 'Data engineer').map((r) => `${r.family} › ${r.role}: ${r.name} ${r.grades.join('+')} ${r.skills.length}`),
      ['Data › Data engineer: Data engineer  11', 'Data › Data engineer: Senior data engineer  11', 'Data › Data engineer: Lead data engineer  11', 'Data › Data engineer: Head of data engineering  11'],
    );
    assert.deepEqual(
      roles.filter((r) => r.role === 'Infrastructure engineer').map((r) => `${r.name} ${r.grades.join('+')} ${r.skills.length}`),
      [
        'Associate infrastructure engineer EO+HEO 9',
        'Infrastructure engineer HEO+SEO 12',
        'Senior infrastructure engineer SEO+G7 12',
        'Lead infrastructure engineer G7+G6 12',
        'Principal infrastructure engineer G6+SCS1 12',
      ],
    );
    const table = await client.request<{ text: string }>('skillLens/skillsText', { roleLevel: 'Associate infrastructure engineer', style: 'table' });
    assert.equal(table.text.split('\n').slice(0, 3).join('\n'), '| Skill | Level |\n| --- | --- |\n| IT infrastructure | awareness |');
    const shown = await client.request<{ markdown: string }>('skillLens/showSkill', { name: 'problem solving' });
    assert.match(shown.markdown, /^# Problem management/);
    assert.equal(await client.request('skillLens/showSkill', { name: 'No such skill' }), null);
  });

  it('takes the role of an advert without front matter from its title', async () => {
    const u = 'file:///work/vacancies/2026-11-data.md';
    const text = '# Senior data engineer\n\nJoin our data platform team.\n\n## Skills\n\n- Data modelling: expert\n- Programming and build: practitioner\n';
    client.didOpen(u, 'markdown', text, 1);
    const event = await client.waitForDiagnostics(u);
    const seen = event.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`);
    assert.deepEqual(seen.filter((d) => !d.startsWith('missing-skill')), ['level-mismatch 6:18-24']);
    assert.equal(event.diagnostics.find((d) => d.code === 'level-mismatch')!.message, 'Senior data engineer needs Data modelling at practitioner, not expert.');
    assert.equal(seen.filter((d) => d === 'missing-skill 0:2-22').length, 9);
    const hover = await client.hover<Hover>(u, { line: 0, character: 5 });
    assert.match((hover.contents as MarkupContent).value, /^### Senior data engineer\n\n_Data › Data engineer, role level 2 of 4_/);
  });

  it('says first in the log what is running: version, framework, skills and roles', async () => {
    const logs: string[] = [];
    const own = await ready({}, undefined, undefined, (method, params) => {
      if (method === 'window/logMessage') logs.push((params as { message: string }).message);
    });
    own.didOpen('file:///work/adverts/log.md', 'markdown', '# Job\n', 1);
    await own.waitForDiagnostics('file:///work/adverts/log.md');
    const deadline = Date.now() + 5000;
    while (!logs.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string };
    assert.equal(logs[0], `Skill Lens ${pkg.version}: DDaT (ddat), 188 skills, 52 roles, 201 role levels`);
    await own.shutdown();
  });

  it('goes to a skill in a read-only rendering of the framework, and never checks that rendering', async () => {
    const target = await client.request<{ uri: string; range: { start: { line: number } } }>('textDocument/definition', { textDocument: { uri }, position: { line: 9, character: 8 } });
    // In a folder of the server's own (mkdtemp: a new name, mode 0700).
    assert.match(target.uri, /^file:.*\/skill-lens-\w{6}\/ddat\.md$/);
    const file = fileURLToPath(target.uri);
    assert.equal(statSync(dirname(file)).mode & 0o777, 0o700);
    const text = readFileSync(file, 'utf8');
    assert.equal(text.split('\n')[target.range.start.line], '## IT infrastructure');
    assert.equal(statSync(file).mode & 0o222, 0, 'the rendering is read-only');
    // Opened in the editor, it is shown clean: before, 57 findings such as "Infrastructure engineer is not a skill".
    client.didOpen(target.uri, 'markdown', text, 1);
    const event = await client.waitForDiagnostics(target.uri);
    assert.deepEqual(event.diagnostics, []);
  });

  it('tells the style of a document from the text sent with the request, before it has been opened', async () => {
    const u = 'file:///work/adverts/not-yet-opened.md';
    const govuk = await client.request<{ style: string }>('skillLens/documentStyle', { uri: u, text: '# Job\n\nInformation security\n\nLevel: working\n\nTesting\n\nLevel: working\n' });
    assert.equal(govuk.style, 'govuk');
    const table = await client.request<{ style: string }>('skillLens/documentStyle', { uri: u, text: '| Skill | Level |\n| --- | --- |\n| Testing | working |\n| Information security | working |\n' });
    assert.equal(table.style, 'table');
  });

  it('pops up no skills on a trigger character in notes, and completes in them when asked', async () => {
    const u = 'file:///work/notes/shopping.md';
    client.didOpen(u, 'markdown', '# Shopping\n\n- Buy milk (\n- **Informa\n', 1);
    const byCharacter = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line: 2, character: 12 }, context: { triggerKind: 2, triggerCharacter: '(' } });
    assert.deepEqual(byCharacter.items, []);
    const asked = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line: 3, character: 11 }, context: { triggerKind: 1 } });
    assert.ok(asked.items.some((i) => i.label === 'Information security'));
    // In an advert the same character opens the levels.
    const advertLevels = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 27 }, context: { triggerKind: 2, triggerCharacter: '(' } });
    assert.ok(advertLevels.items.some((i) => i.label === 'practitioner'), JSON.stringify(advertLevels.items.map((i) => i.label)));
  });

  it('checks a document as soon as it is opened, not after the typing debounce', async () => {
    const slow = await ready({ debounceMs: 3000 });
    await new Promise((r) => setTimeout(r, 200)); // well after start-up
    const u = 'file:///work/adverts/opened-later.md';
    const opened = performance.now();
    slow.didOpen(u, 'markdown', '- **Systems design** (wizard)\n');
    const event = await slow.waitForDiagnostics(u, { timeoutMs: 2500 });
    assert.deepEqual(event.diagnostics.map((d) => d.code), ['unknown-level']);
    assert.ok(event.at - opened < 1000, `diagnostics ${Math.round(event.at - opened)} ms after opening`);
    await slow.shutdown();
  });

  it('answers empty, never fails, for positions past the end and unknown documents', async () => {
    assert.equal(await client.hover(uri, { line: 9999, character: 9999 }), null);
    const list = await client.completion<CompletionList | null>('file:///never-opened.md', { line: 0, character: 0 });
    assert.equal(list, null);
    assert.ok(client.isAlive);
  });
});

describe('language server robustness', function () {
  this.timeout(60_000);

  it('survives binary junk, a 10 MB document, a 1 MB line and an alias bomb', async () => {
    const client = await ready();
    const junk = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 256)).toString('latin1');
    const big = '- **Information security** (working)\nSome prose: here\n'.repeat(190_000);
    const longLine = 'x'.repeat(1_000_000) + '\n**Testing** (wizard)\n';
    let bomb = '---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    bomb += 'topics:\n  - name: *a9\n---\n';
    const docs: [string, string][] = [
      ['file:///junk.md', junk],
      ['file:///big.md', big],
      ['file:///long.md', longLine],
      ['file:///bomb.md', bomb],
      ['file:///bad.yaml', 'topics:\n  - name: [unclosed\n levels: x\n'],
    ];
    for (const [u, text] of docs) client.didOpen(u, u.endsWith('.yaml') ? 'yaml' : 'markdown', text);
    for (const [u] of docs) await client.waitForDiagnostics(u, { timeoutMs: 20_000 });
    // 190,000 duplicates: the editor gets the first 5,000 and a note of how many there are.
    const huge = client.diagnostics.find((e) => e.uri === 'file:///big.md')!;
    assert.equal(huge.diagnostics.length, 5001);
    assert.equal(huge.diagnostics[0].message, 'Skill Lens shows 5,000 of the 189,999 findings in this document, errors first. Run "skill-lens check" on the file for all of them.');
    assert.deepEqual(new Set(huge.diagnostics.slice(1).map((d) => d.code)), new Set(['duplicate-skill']));
    const long = client.diagnostics.find((e) => e.uri === 'file:///long.md')!;
    assert.deepEqual(long.diagnostics.map((d) => d.code), ['unknown-level']);
    const bad = client.diagnostics.find((e) => e.uri === 'file:///bad.yaml')!;
    assert.equal(bad.diagnostics[0].code, 'yaml-syntax');
    assert.deepEqual(bad.diagnostics[0].range.start, { line: 2, character: 1 });
    await client.completion('file:///big.md', { line: 190_000, character: 5 });
    await client.hover('file:///junk.md', { line: 5, character: 5 });
    assert.ok(client.isAlive);
    await client.shutdown();
  });
});

/** Framework files load after `initialized`; the frameworks request shows when they are in. */
async function workspaceLoaded(client: LspClient): Promise<FrameworkSummary[]> {
  let list: FrameworkSummary[] = [];
  for (let i = 0; i < 100 && !list.some((f) => f.id === 'team'); i++) {
    if (i) await new Promise((r) => setTimeout(r, 50));
    list = await client.request<FrameworkSummary[]>('skillLens/frameworks', null);
  }
  return list;
}

describe('start-up from V8\'s code cache', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'skill-lens-cache-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** One editor session with the cache in `dir`: open the advert, see its findings, quit. */
  async function session(): Promise<void> {
    const client = await ready({}, undefined, { ...process.env, SKILL_LENS_CODE_CACHE: dir });
    client.didOpen('file:///work/adverts/cached.md', 'markdown', advert, 1);
    const published = await client.waitForDiagnostics('file:///work/adverts/cached.md', { timeoutMs: 10_000 });
    assert.ok(published.diagnostics.some((d) => d.code === 'unknown-skill'));
    await client.shutdown();
  }

  it('keeps a cache named by the hash the build wrote, and starts from it without writing it again', async () => {
    await session();
    const hash = createHash('sha1').update(readFileSync(join(process.cwd(), 'dist', 'server-main.js'))).digest('hex');
    // The build wrote the hash into the starter, which so needs no hashing (nor node:crypto).
    assert.ok(readFileSync(SERVER, 'latin1').includes(`"${hash}"`), 'dist/server.js holds the bundle hash');
    const files = readdirSync(dir);
    assert.equal(files.length, 1, files.join(', '));
    assert.match(files[0], new RegExp(`^server-${hash}-\\d+-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8$`));
    const written = statSync(join(dir, files[0])).mtimeMs;
    await session();
    assert.deepEqual(readdirSync(dir), files);
    // Written again only when V8 rejects it.
    assert.equal(statSync(join(dir, files[0])).mtimeMs, written);
  });
});

describe('workspace framework files', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'skill-lens-ws-'));
    writeFileSync(
      join(dir, 'team.skills.yaml'),
      'id: team\nname: Team ladder\nlevels:\n  - { id: L1, name: Junior }\n  - { id: L2, name: Senior }\nskills:\n  - name: Kindness\n    levels:\n      L1: { statements: [I help] }\n      L2: null\n',
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a framework file from the workspace and checks documents against it', async () => {
    const client = await ready({ framework: 'team' }, dir);
    const list = await workspaceLoaded(client);
    const team = list.find((f) => f.id === 'team')!;
    assert.deepEqual([team.active, team.skills, team.notDefinedLevels], [true, 1, 1]);
    const u = fileUri(join(dir, 'review.md'));
    client.didOpen(u, 'markdown', '# Review\n\n- **Kindness** (Senior)\n- **Kindnes** (L1)\n');
    const event = await client.waitForDiagnostics(u);
    assert.deepEqual(
      event.diagnostics.map((d) => `${d.code} ${d.message}`),
      [
        'undefined-level Team ladder does not define Kindness at senior. Defined: junior.',
        'unknown-skill "Kindnes" is not a skill in Team ladder. Did you mean "Kindness"?',
      ],
    );
    await client.shutdown();
  });

  it('checks a document that names a workspace framework against it from the first publication', async () => {
    // Opened in the same breath as `initialized`, before the workspace has been read.
    const client = await ready({ framework: 'team' }, dir);
    const u = fileUri(join(dir, 'early-review.md'));
    client.didOpen(u, 'markdown', '# Review\n\n- **Kindnes** (L1)\n');
    const event = await client.waitForDiagnostics(u);
    assert.deepEqual(
      event.diagnostics.map((d) => `${d.code} ${d.message}`),
      ['unknown-skill "Kindnes" is not a skill in Team ladder. Did you mean "Kindness"?'],
    );
    await client.shutdown();
  });

  it('reports errors in a framework file on that file and keeps the previous framework', async () => {
    const client = await ready({ framework: 'team' }, dir);
    await workspaceLoaded(client);
    const u = fileUri(join(dir, 'team.skills.yaml'));
    const since = performance.now();
    client.didOpen(u, 'yaml', 'id: team\nname: Team ladder\nlevels: []\nskills: []\n');
    const event = await client.waitForDiagnostics(u, { since });
    assert.deepEqual(event.diagnostics.map((d) => d.message), ['`levels` must be a non-empty list, lowest level first.']);
    // On the line of the key at fault.
    assert.deepEqual(event.diagnostics[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } });
    const list = await client.request<FrameworkSummary[]>('skillLens/frameworks', null);
    assert.equal(list.find((f) => f.id === 'team')!.skills, 1);
    await client.shutdown();
  });
});

describe('checking files from disk (skillLens/checkFiles)', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'skill-lens-check-'));
    writeFileSync(join(dir, 'good.md'), '---\nkind: job-advert\n---\n- **Testing** (wizard)\n');
    spawnSync('mkfifo', [join(dir, 'pipe.md')]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the regular files, and says what it skipped and why instead of waiting on a named pipe', async () => {
    const client = await ready();
    const [good, pipe, missing] = ['good.md', 'pipe.md', 'missing.md'].map((f) => fileUri(join(dir, f)));
    const result = await client.request('skillLens/checkFiles', { uris: [good, pipe, missing, 'untitled:Untitled-1'] }, 5000);
    assert.deepEqual(result, {
      files: 1,
      errors: 1,
      warnings: 0,
      skipped: [
        { uri: pipe, reason: 'a named pipe (FIFO), not a regular file' },
        { uri: missing, reason: 'no such file or folder' },
        { uri: 'untitled:Untitled-1', reason: 'not a file on disk' },
      ],
    });
    const event = await client.waitForDiagnostics(good);
    assert.deepEqual(event.diagnostics.map((d) => d.code), ['unknown-level']);
    await client.shutdown();
  });
});

describe('file globs in settings', function () {
  this.timeout(30_000);
  let dir: string;
  const team = 'id: team\nname: Team ladder\nlevels:\n  - { id: L1, name: Junior }\n  - { id: L2, name: Senior }\nskills:\n  - name: Kindness\n';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'skill-lens-globs-'));
    mkdirSync(join(dir, 'frameworks'));
    writeFileSync(join(dir, 'frameworks', 'team.yaml'), team);
    mkdirSync(join(dir, 'paths'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks documents with a wildcard inside braces in skillLens.frameworkFiles', async () => {
    const client = await ready({ framework: 'team', frameworkFiles: ['**/{*.skills.yaml,frameworks/*.yaml}'] }, dir);
    const u = fileUri(join(dir, 'review.md'));
    client.didOpen(u, 'markdown', '# Review\n\n- **Kindnes** (L1)\n');
    const event = await client.waitForDiagnostics(u, { timeoutMs: 5000 });
    assert.deepEqual(
      event.diagnostics.map((d) => `${d.code} ${d.message}`),
      ['unknown-skill "Kindnes" is not a skill in Team ladder. Did you mean "Kindness"?'],
    );
    await client.shutdown();
  });

  it('checks documents with a wildcard inside braces in skillLens.documentKinds', async () => {
    const client = await ready({ documentKinds: { pathway: ['**/{*pathway*,paths/*}.md'] } }, dir);
    const u = fileUri(join(dir, 'paths', 'cloud.md'));
    client.didOpen(u, 'markdown', '# Cloud\n\n## Skills\n\n- **Informaton security**. Knows it.\n');
    const event = await client.waitForDiagnostics(u, { timeoutMs: 5000 });
    // A pathway by its file name: an unknown name is an error, not the hint of a document
    // without skills-framework context.
    assert.deepEqual(
      event.diagnostics.map((d) => `${d.severity} ${d.code}`),
      ['1 unknown-skill'],
    );
    await client.shutdown();
  });

  it('reports a glob that does not compile and applies the others', async () => {
    const shown: { type: number; message: string }[] = [];
    const logged: string[] = [];
    const client = await ready({ framework: 'team', frameworkFiles: ['[z-a]/*.yaml', 'frameworks/*.yaml'] }, dir, undefined, (method, params) => {
      if (method === 'window/showMessage') shown.push(params as { type: number; message: string });
      if (method === 'window/logMessage') logged.push((params as { message: string }).message);
    });
    const u = fileUri(join(dir, 'review.md'));
    client.didOpen(u, 'markdown', '# Review\n\n- **Kindnes** (L1)\n');
    const event = await client.waitForDiagnostics(u, { timeoutMs: 5000 });
    assert.deepEqual(event.diagnostics.map((d) => d.message), ['"Kindnes" is not a skill in Team ladder. Did you mean "Kindness"?']);
    client.didOpen(fileUri(join(dir, 'other.md')), 'markdown', '# Other\n');
    await client.waitForDiagnostics(fileUri(join(dir, 'other.md')), { timeoutMs: 5000 });
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.equal(shown[0].type, 2); // warning
    assert.match(shown[0].message, /skillLens\.frameworkFiles/);
    assert.match(shown[0].message, /\[z-a\]\/\*\.yaml/);
    assert.equal(logged.filter((m) => m.includes('[z-a]/*.yaml')).length, 1, logged.join('\n'));
    await client.shutdown();
  });
});

/** A framework file in flow style, as generated files are, of about `mb` megabytes. */
function bigFramework(id: string, mb: number): string {
  const skills: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const skill = `{name: "Skill number ${i}", description: "A generated skill, number ${i}, with a few words.", levels: {L1: {statements: ["I can do thing ${i} alone", "I help others with it"]}, L2: null}}`;
    skills.push(skill);
    size += skill.length + 2;
  }
  return `{id: ${id}, name: Big ladder, levels: [{id: L1, name: Junior}, {id: L2, name: Senior}], skills: [${skills.join(', ')}]}\n`;
}

describe('large framework files', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'skill-lens-big-'));
    writeFileSync(join(dir, 'team.skills.yaml'), 'id: team\nname: Team ladder\nlevels:\n  - { id: L1, name: Junior }\nskills:\n  - name: Kindness\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a framework file over the size cap, on the file, and keeps the previous framework', async () => {
    const onDisk = join(dir, 'huge.skills.yaml');
    writeFileSync(onDisk, bigFramework('huge', 5.5));
    const client = await ready({ framework: 'team' }, dir);
    await workspaceLoaded(client);
    const refused = await client.waitForDiagnostics(fileUri(onDisk), { timeoutMs: 10_000 });
    assert.deepEqual(refused.diagnostics.map((d) => d.message), ['This framework file is 5.5 MB: framework files are limited to 5 MB, so it is not loaded.']);
    rmSync(onDisk);
    const u = fileUri(join(dir, 'team.skills.yaml'));
    const since = performance.now();
    client.didOpen(u, 'yaml', bigFramework('team', 6));
    const event = await client.waitForDiagnostics(u, { since, timeoutMs: 20_000 });
    assert.deepEqual(
      event.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`),
      ['0:0 schema This framework file is 6.0 MB: framework files are limited to 5 MB, so it is not loaded.'],
    );
    const refusedIn = event.at - since;
    let list = await client.request<FrameworkSummary[]>('skillLens/frameworks', null);
    assert.equal(list.find((f) => f.id === 'team')!.skills, 1);
    // Without reading it: against the same file just under the cap, sent the same way and read,
    // measured on the same machine so that a busy one slows both.
    const small = performance.now();
    client.didChange(u, 2, [{ text: bigFramework('team', 4.5) }]);
    const loaded = await client.waitForDiagnostics(u, { since: small, timeoutMs: 30_000 });
    const loadedIn = loaded.at - small;
    list = await client.request<FrameworkSummary[]>('skillLens/frameworks', null);
    assert.ok(list.find((f) => f.id === 'team')!.skills > 1000, 'the file under the cap is loaded');
    assert.ok(refusedIn < loadedIn / 2, `refused in ${Math.round(refusedIn)} ms; the file under the cap read in ${Math.round(loadedIn)} ms`);
    await client.shutdown();
  });

  it('answers hovers on open documents while a large framework file loads', async () => {
    const client = await ready({}, dir);
    await workspaceLoaded(client);
    const doc = fileUri(join(dir, 'advert.md'));
    client.didOpen(doc, 'markdown', advert);
    await client.waitForDiagnostics(doc);
    await client.hover(doc, { line: 9, character: 8 });
    const u = fileUri(join(dir, 'big.skills.yaml'));
    const opened = performance.now();
    client.didOpen(u, 'yaml', bigFramework('big', 4.5));
    let loaded = 0;
    void client.waitForDiagnostics(u, { since: opened, timeoutMs: 30_000 }).then((e) => (loaded = e.at));
    // Hovers every 20 ms until the framework is in: none may wait for the whole load.
    const waits: number[] = [];
    while (!loaded) {
      const sent = performance.now();
      const hover = await client.hover<Hover>(doc, { line: 9, character: 8 }, 30_000);
      waits.push(performance.now() - sent);
      assert.match((hover.contents as MarkupContent).value, /IT infrastructure/);
      await new Promise((r) => setTimeout(r, 20));
    }
    const load = loaded - opened;
    const longest = Math.max(...waits);
    assert.ok(longest < load / 2, `the longest hover took ${Math.round(longest)} ms of a ${Math.round(load)} ms load (${waits.length} hovers)`);
    const list = await client.request<FrameworkSummary[]>('skillLens/frameworks', null);
    assert.ok(list.find((f) => f.id === 'big')!.skills > 20_000);
    await client.shutdown();
  });
});
