// What the VS Code extension asks of the server beyond LSP: go to definition into a
// `skill-lens:` view when the client says it opens them.
import { strict as assert } from 'node:assert';
import { killAllServers, LspClient, languageServerCommand } from './lspClient';

after(() => killAllServers());

async function ready(experimental?: Record<string, unknown>): Promise<LspClient> {
  const client = new LspClient({ ...languageServerCommand(), settings: { skillLens: { debounceMs: 50 } }, requestTimeoutMs: 10_000 });
  await client.initialize({ experimental });
  return client;
}

const advert = '---\nkind: job-advert\n---\n\n# Engineer\n\n- **IT infrastructure** (working)\n';

describe('go to definition for a client that opens skill-lens: views', function () {
  this.timeout(30_000);

  it('lands in the skill-lens: view, whose text the server gives, at the skill heading', async () => {
    const client = await ready({ skillLensViews: true });
    try {
      const uri = 'file:///work/adverts/engineer.md';
      client.didOpen(uri, 'markdown', advert, 1);
      await client.waitForDiagnostics(uri);
      const target = await client.request<{ uri: string; range: { start: { line: number } } }>('textDocument/definition', { textDocument: { uri }, position: { line: 6, character: 6 } });
      assert.equal(target.uri, 'skill-lens:/DDaT%20framework.md?view=framework&id=ddat');
      const view = await client.request<{ markdown: string } | null>('skillLens/frameworkMarkdown', { id: 'ddat' });
      assert.ok(view);
      assert.equal(view.markdown.split('\n')[target.range.start.line], '## IT infrastructure');
      assert.equal(await client.request('skillLens/frameworkMarkdown', { id: 'no-such-framework' }), null);
    } finally {
      await client.shutdown();
    }
  });
});

describe('insert skills over LSP', function () {
  this.timeout(30_000);
  let client: LspClient;
  before(async () => {
    client = await ready({ skillLensViews: true });
  });
  after(() => client.shutdown());

  it('keeps an untitled advert’s gov.uk style, from the text sent with the request', async () => {
    const text = '---\nkind: job-advert\n---\n\nInformation security\n\nLevel: working\n\n';
    const r = await client.request<{ text: string; format: string }>('skillLens/insertSkills', { uri: 'untitled:Untitled-1', text, languageId: 'markdown', position: { line: 8, character: 0 }, roleLevel: 'Infrastructure engineer' });
    assert.equal(r.format, 'govuk');
    // After the block it has, and without the skill it names already.
    assert.match(r.text, /^\nCoding and scripting\n\nLevel: awareness\n/);
    assert.doesNotMatch(r.text, /Information security/);
  });

  it('answers the role the document names, for the picker', async () => {
    const r = await client.request<{ role?: string }>('skillLens/documentStyle', { uri: 'untitled:Untitled-2', text: '# Lead infrastructure engineer\n\nText.\n' });
    assert.equal(r.role, 'Lead infrastructure engineer');
  });

  it('reads a sent text with the framework its front matter names', async () => {
    // SFIA has no roles: the title names none of its role levels.
    const r = await client.request<{ role?: string }>('skillLens/documentStyle', { uri: 'untitled:Untitled-3', text: '---\nframework: sfia\n---\n# Lead infrastructure engineer\n\nText.\n' });
    assert.equal(r.role, undefined);
  });
});
