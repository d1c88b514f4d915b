// Framework files change while documents are open: edits in the editor, changes on disk the
// client's file watcher reports, and workspaces with more framework files than are loaded.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, killAllServers, LspClient, languageServerCommand } from './lspClient';
import type { FrameworkSummary } from '../../server/src/protocol';

after(() => killAllServers());

const TEAM = 'id: team\nname: Team ladder\nlevels:\n  - { id: L1, name: Junior }\n  - { id: L2, name: Senior }\nskills:\n  - name: Kindness\n    levels:\n      L1: { statements: [I help] }\n      L2: null\n';
const WITH_PATIENCE = `${TEAM}  - name: Patience\n    levels:\n      L1: { statements: [I wait] }\n`;

interface Seen {
  method: string;
  params: unknown;
}

/** A server on a workspace folder, with the server's notifications and requests recorded. */
async function start(root: string, workspaceCapabilities?: Record<string, unknown>): Promise<{ client: LspClient; seen: Seen[] }> {
  const seen: Seen[] = [];
  const client = new LspClient({
    ...languageServerCommand(),
    settings: { skillLens: { debounceMs: 20, framework: 'team' } },
    requestTimeoutMs: 10_000,
    onNotification: (method, params) => seen.push({ method, params }),
  });
  client.onRequest('client/registerCapability', (params) => {
    seen.push({ method: 'client/registerCapability', params });
    return null;
  });
  await client.initialize({ rootUri: fileUri(root), workspaceCapabilities });
  return { client, seen };
}

/** The frameworks once the workspace's files are in (they load after `initialized`). */
async function frameworksOnceLoaded(client: LspClient, count = 4): Promise<FrameworkSummary[]> {
  let list: FrameworkSummary[] = [];
  for (let i = 0; i < 200 && list.length < count; i++) {
    if (i) await new Promise((r) => setTimeout(r, 50));
    list = await client.request<FrameworkSummary[]>('skillLens/frameworks', null);
  }
  return list;
}

describe('framework files that change while documents are open', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'skill-lens-reload-'));
    writeFileSync(join(dir, 'team.skills.yaml'), TEAM);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('re-checks the other open documents after a valid edit to an open framework file', async () => {
    const { client } = await start(dir);
    await frameworksOnceLoaded(client);
    const review = fileUri(join(dir, 'review.md'));
    client.didOpen(review, 'markdown', '# Review\n\n- **Kindness** (L1)\n- **Patience** (L1)\n');
    const first = await client.waitForDiagnostics(review);
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['unknown-skill']);

    const framework = fileUri(join(dir, 'team.skills.yaml'));
    client.didOpen(framework, 'yaml', TEAM);
    await client.waitForDiagnostics(framework);
    const since = performance.now();
    client.didChange(framework, 2, [{ text: WITH_PATIENCE }]);
    const again = await client.waitForDiagnostics(review, { since, timeoutMs: 3000 });
    assert.deepEqual(again.diagnostics, []);

    // An edit that breaks the file keeps the framework in use, and re-checks nothing.
    const broken = performance.now();
    client.didChange(framework, 3, [{ text: 'id: team\nlevels: []\n' }]);
    // (The re-check after the valid edit may publish the file's empty list first.)
    for (let i = 0; i < 60 && !client.diagnostics.some((e) => e.uri === framework && e.at >= broken && e.diagnostics.length > 0); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(client.diagnostics.some((e) => e.uri === framework && e.at >= broken && e.diagnostics.length > 0), 'the broken file has its problems');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(client.diagnostics.filter((e) => e.uri === review && e.at >= broken).length, 0);
    await client.shutdown();
  });

  it('registers a file watcher for framework files when the client can register one', async () => {
    const { client, seen } = await start(dir, { didChangeWatchedFiles: { dynamicRegistration: true } });
    await frameworksOnceLoaded(client);
    await new Promise((r) => setTimeout(r, 200));
    const registrations = seen
      .filter((s) => s.method === 'client/registerCapability')
      .flatMap((s) => (s.params as { registrations: { method: string; registerOptions?: { watchers?: { globPattern: string }[] } }[] }).registrations);
    const watch = registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.equal(watch.length, 1, JSON.stringify(registrations));
    assert.deepEqual(
      watch[0].registerOptions!.watchers!.map((w) => w.globPattern),
      // The framework files' globs, the workspace's ignore lists and configuration files.
      ['**/*.skills.yaml', '**/*.skills.yml', '**/.skill-lens/*.yaml', '**/.skill-lens/ignore.{yaml,yml}', '**/.skill-lens.{yaml,yml}'],
    );

    // What the watcher reports is loaded, and the open documents are checked again.
    const review = fileUri(join(dir, 'review.md'));
    client.didOpen(review, 'markdown', '# Review\n\n- **Patience** (L1)\n');
    assert.deepEqual((await client.waitForDiagnostics(review)).diagnostics.map((d) => d.code), ['unknown-skill']);
    writeFileSync(join(dir, 'team.skills.yaml'), WITH_PATIENCE);
    const since = performance.now();
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(dir, 'team.skills.yaml')), type: 2 }] });
    assert.deepEqual((await client.waitForDiagnostics(review, { since })).diagnostics, []);
    await client.shutdown();
  });

  it('registers no watcher when the client cannot register one', async () => {
    const { client, seen } = await start(dir);
    await frameworksOnceLoaded(client);
    await new Promise((r) => setTimeout(r, 200));
    const methods = seen
      .filter((s) => s.method === 'client/registerCapability')
      .flatMap((s) => (s.params as { registrations: { method: string }[] }).registrations.map((r) => r.method));
    assert.ok(!methods.includes('workspace/didChangeWatchedFiles'), methods.join(', '));
    await client.shutdown();
  });
});

describe('a workspace with more framework files than are loaded', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'skill-lens-many-'));
    mkdirSync(join(dir, 'frameworks'));
    for (let i = 0; i < 205; i++) {
      const n = String(i).padStart(3, '0');
      writeFileSync(join(dir, 'frameworks', `f${n}.skills.yaml`), `id: f${n}\nname: Framework ${n}\nlevels:\n  - { id: one, name: One }\nskills:\n  - name: Skill ${n}\n`);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the first 200 and says so in a log line and a warning', async () => {
    const { client, seen } = await start(dir);
    const list = await frameworksOnceLoaded(client, 203);
    assert.equal(list.length, 3 + 200);
    assert.ok(list.some((f) => f.id === 'f199') && !list.some((f) => f.id === 'f200'));
    for (let i = 0; i < 40 && !seen.some((s) => s.method === 'window/showMessage'); i++) await new Promise((r) => setTimeout(r, 50));
    const shown = seen.filter((s) => s.method === 'window/showMessage').map((s) => s.params as { type: number; message: string });
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.equal(shown[0].type, 2);
    assert.match(shown[0].message, /more than 200 framework files/);
    const logged = seen.filter((s) => s.method === 'window/logMessage').map((s) => (s.params as { message: string }).message);
    assert.equal(logged.filter((m) => /more than 200 framework files/.test(m)).length, 1, logged.join('\n'));
    await client.shutdown();
  });
});
