// The protocol's rules about the order of messages (nothing before initialize, nothing after
// shutdown) and malformed params, over stdio against the built server.
import { strict as assert } from 'node:assert';
import { killAllServers, LspClient, LspResponseError, languageServerCommand } from './lspClient';

after(() => killAllServers());

interface Logged {
  type: number;
  message: string;
}

/** A server and what it logged (window/logMessage), not yet initialized. */
function spawnServer(): { client: LspClient; logs: Logged[] } {
  const logs: Logged[] = [];
  const client = new LspClient({
    ...languageServerCommand(),
    settings: { skillLens: { debounceMs: 20 } },
    requestTimeoutMs: 10_000,
    onNotification: (method, params) => {
      if (method === 'window/logMessage') logs.push(params as Logged);
    },
  });
  return { client, logs };
}

/** The error a request is answered with (fails when it is answered with a result). */
async function errorOf(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    const result = await promise;
    assert.fail(`answered with a result: ${JSON.stringify(result)}`);
  } catch (e) {
    if (!(e instanceof LspResponseError)) throw e;
    return e.error;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ADVERT = '- **Systems design** (wizard)\n';

describe('protocol: the order of messages', function () {
  this.timeout(30_000);

  it('answers requests before initialize with ServerNotInitialized and drops notifications', async () => {
    const { client } = spawnServer();
    const hover = await errorOf(client.hover('file:///work/a.md', { line: 0, character: 0 }));
    assert.equal(hover.code, -32002);
    const custom = await errorOf(client.request('skillLens/frameworks', null));
    assert.equal(custom.code, -32002);
    const unknown = await errorOf(client.request('no/such/method', {}));
    assert.equal(unknown.code, -32002);
    // Opened before initialize: never checked, not even once the server is initialized.
    client.didOpen('file:///work/early.md', 'markdown', ADVERT);
    await client.initialize();
    client.didOpen('file:///work/late.md', 'markdown', ADVERT);
    await client.waitForDiagnostics('file:///work/late.md');
    await sleep(300);
    assert.equal(client.diagnostics.filter((e) => e.uri === 'file:///work/early.md').length, 0);
    assert.equal(await client.hover('file:///work/early.md', { line: 0, character: 5 }), null);
    await client.shutdown();
  });

  it('refuses an initialize without capabilities, and a second initialize', async () => {
    const { client } = spawnServer();
    assert.equal((await errorOf(client.request('initialize', null))).code, -32602);
    assert.equal((await errorOf(client.request('textDocument/hover', { textDocument: { uri: 'file:///a.md' }, position: { line: 0, character: 0 } }))).code, -32002);
    await client.initialize();
    const again = await errorOf(client.request('initialize', { processId: null, rootUri: null, capabilities: {} }));
    assert.equal(again.code, -32600);
    assert.match(again.message, /already initialized/i);
    // Still working.
    client.didOpen('file:///work/after.md', 'markdown', ADVERT);
    const event = await client.waitForDiagnostics('file:///work/after.md');
    assert.deepEqual(event.diagnostics.map((d) => d.code), ['unknown-level']);
    await client.shutdown();
  });

  it('answers requests after shutdown with InvalidRequest and checks no document opened then', async () => {
    const { client } = spawnServer();
    await client.initialize();
    client.didOpen('file:///work/open.md', 'markdown', ADVERT);
    await client.waitForDiagnostics('file:///work/open.md');
    assert.equal(await client.request('shutdown', null), null);
    const hover = await errorOf(client.hover('file:///work/open.md', { line: 0, character: 5 }));
    assert.equal(hover.code, -32600);
    const custom = await errorOf(client.request('skillLens/frameworks', null));
    assert.equal(custom.code, -32600);
    const twice = await errorOf(client.request('shutdown', null));
    assert.equal(twice.code, -32600);
    client.didOpen('file:///work/too-late.md', 'markdown', ADVERT);
    client.didChange('file:///work/open.md', 2, [{ text: '- **Systems design** (expert)\n' }]);
    await sleep(400);
    assert.equal(client.diagnostics.filter((e) => e.uri === 'file:///work/too-late.md').length, 0);
    assert.equal(client.diagnostics.filter((e) => e.uri === 'file:///work/open.md').length, 1);
    client.notify('exit', null);
    const exit = await client.exited;
    assert.equal(exit.code, 0);
  });
});

describe('protocol: malformed params', function () {
  this.timeout(30_000);
  let client: LspClient;
  let logs: Logged[];
  const uri = 'file:///work/adverts/malformed.md';

  before(async () => {
    ({ client, logs } = spawnServer());
    await client.initialize();
    client.didOpen(uri, 'markdown', ADVERT, 1);
    await client.waitForDiagnostics(uri);
    // The line that says what is running comes once the workspace is read: before the tests
    // count what each message logs.
    for (let i = 0; i < 200 && !logs.some((l) => /^Skill Lens \d/.test(l.message)); i++) await sleep(25);
  });
  after(async () => {
    await client.shutdown();
  });

  /** What the server logged for one message: the log lines written before a later request is answered. */
  async function loggedFor(send: () => Promise<unknown> | void): Promise<Logged[]> {
    const from = logs.length;
    await send();
    await client.request('skillLens/frameworks', null);
    await sleep(50);
    return logs.slice(from);
  }

  function assertOneLine(logged: Logged[], what: RegExp): void {
    assert.equal(logged.length, 1, JSON.stringify(logged));
    assert.match(logged[0].message, what);
    assert.ok(!logged[0].message.includes('\n'), logged[0].message);
  }

  it('ignores a didChange with a null range or no text, keeping the text it has', async () => {
    const since = performance.now();
    assertOneLine(
      await loggedFor(() => client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: null, text: 'x' }] })),
      /^Ignored textDocument\/didChange: /,
    );
    assertOneLine(
      await loggedFor(() =>
        client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] }),
      ),
      /^Ignored textDocument\/didChange: /,
    );
    assertOneLine(await loggedFor(() => client.notify('textDocument/didChange', { textDocument: { uri, version: 3 } })), /^Ignored textDocument\/didChange: /);
    // A well-formed edit afterwards applies to the text as it was.
    client.didChange(uri, 4, [{ range: { start: { line: 0, character: 22 }, end: { line: 0, character: 28 } }, text: 'expert' }]);
    const event = await client.waitForDiagnostics(uri, { since, version: 4 });
    assert.deepEqual(event.diagnostics, []);
    const hover = await client.hover<{ contents: { value: string } }>(uri, { line: 0, character: 24 });
    assert.match(hover.contents.value, /^\*\*Expert\*\*/);
  });

  it('answers a hover without a document or position with InvalidParams', async () => {
    let error: { code: number } | undefined;
    assertOneLine(
      await loggedFor(async () => {
        error = await errorOf(client.request('textDocument/hover', {}));
      }),
      /^Refused textDocument\/hover: /,
    );
    assert.equal(error!.code, -32602);
    for (const params of [{ textDocument: { uri }, position: { line: 'x', character: 0 } }, { textDocument: {}, position: { line: 0, character: 0 } }, null]) {
      assert.equal((await errorOf(client.request('textDocument/completion', params))).code, -32602);
    }
  });

  it('ignores a didOpen with an invalid URI', async () => {
    for (const bad of ['not a uri', 42, '', null]) {
      assertOneLine(
        await loggedFor(() => client.notify('textDocument/didOpen', { textDocument: { uri: bad, languageId: 'markdown', version: 1, text: ADVERT } })),
        /^Ignored textDocument\/didOpen: /,
      );
    }
    assert.ok(!client.diagnostics.some((e) => ['not a uri', 42, '', null].includes(e.uri as never)));
  });

  it('checks a document whose URI names no local file or has a broken escape', async () => {
    for (const odd of ['file://remote-host/share/adverts/a.md', 'file:///work/adverts/b%zz.md', 'untitled:Untitled-1']) {
      assert.deepEqual(await loggedFor(() => client.didOpen(odd, 'markdown', ADVERT)), []);
      const event = await client.waitForDiagnostics(odd);
      assert.deepEqual(event.diagnostics.map((d) => d.code), ['unknown-level']);
    }
  });

  it('ignores a didChangeWatchedFiles without a list of changes', async () => {
    assertOneLine(await loggedFor(() => client.notify('workspace/didChangeWatchedFiles', { changes: null })), /^Ignored workspace\/didChangeWatchedFiles: /);
    assertOneLine(await loggedFor(() => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 7, type: 1 }] })), /^Ignored workspace\/didChangeWatchedFiles: /);
  });

  it('stays up and well throughout', async () => {
    assert.ok(client.isAlive);
    assert.ok(!/Unexpected/.test(client.stderr), client.stderr);
    assert.ok(!logs.some((l) => /Unexpected|failed/.test(l.message)), JSON.stringify(logs));
    const list = await client.request<unknown[]>('skillLens/frameworks', null);
    assert.ok(list.length >= 3);
  });
});
