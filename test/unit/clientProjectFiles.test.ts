// The browser server's project files (server/src/lsp/clientProjectFiles.ts), asked of a client
// that answers as VS Code for the web's would: what it asks the editor, what it makes of the
// answers, and a project read through it in a workspace at the root of its file system
// (`scheme:/`, as a FileSystemProvider's workspace often is).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { createLanguageService } from '../../server/src/languageService';
import { clientProjectFiles } from '../../server/src/lsp/clientProjectFiles';
import { ClientRequests, type ClientFileRead } from '../../server/src/protocol';

const root = join(__dirname, '../../..');

interface Asked {
  method: string;
  params: { folder?: string; globs?: string[]; exclude?: string; limit?: number; uri?: string; maxBytes?: number };
}

/** A client whose editor holds `files` (path: text) under `scheme:/`, and what it was asked. */
function client(files: Record<string, string>, scheme = 'memfs') {
  const asked: Asked[] = [];
  const connection = {
    sendRequest: async (type: { method: string }, params: Asked['params']): Promise<unknown> => {
      asked.push({ method: type.method, params });
      if (type.method === ClientRequests.findFiles.method) {
        // The editor's search, roughly: the folder must be one it can name, and files are under it.
        assert.ok(params.folder?.startsWith(`${scheme}:/`), `a folder the editor can name: ${params.folder}`);
        return Object.keys(files).map((p) => `${scheme}:/${p}`);
      }
      const path = params.uri!.slice(`${scheme}:/`.length);
      const text = files[path];
      const read: ClientFileRead = text === undefined ? { reason: 'no such file or folder', missing: true } : params.maxBytes !== undefined && text.length > params.maxBytes ? { size: text.length } : { text };
      return read;
    },
    console: { warn: () => undefined },
  } as unknown as Connection;
  return { files: clientProjectFiles(() => connection), asked };
}

describe('project files through the client (the browser server)', () => {
  it('asks for the globs (a name glob in any folder), matches the answers with the engine and lists them as the disk walk does', async () => {
    const { files, asked } = client({
      'b/team.skills.yaml': '',
      'a.skills.yaml': '',
      'A/z.skills.yaml': '',
      'notes.md': '',
      'node_modules/x/y.skills.yaml': '',
    });
    const found = await files.find('memfs:', ['*.skills.yaml'], 10);
    // The project gives the root folder without its slash; the editor is asked for `memfs:/`.
    assert.equal(asked[0].params.folder, 'memfs:/');
    assert.deepEqual(asked[0].params.globs, ['**/*.skills.yaml']);
    assert.equal(asked[0].params.exclude, '**/{node_modules,.git,.hg,.svn,dist,out,.vscode-test,.e2e}/**');
    // node_modules/ is the editor's to leave out (exclude). Folder by folder, names compared as
    // the walk compares them: the folder `A` before `a.skills.yaml`, then `b`.
    assert.deepEqual(found.filter((u) => !u.includes('node_modules')), ['memfs:/A/z.skills.yaml', 'memfs:/a.skills.yaml', 'memfs:/b/team.skills.yaml']);
    assert.deepEqual(await files.find('memfs:/', ['*.skills.yaml'], 1), ['memfs:/A/z.skills.yaml']);
  });

  it('reads a file, says why it could not, and words a file over the cap as the Node server does', async () => {
    const { files } = client({ 'big.yaml': 'x'.repeat(3 * 1024 * 1024), 'small.yaml': 'a: 1\n', '.skill-lens.yaml': 'x'.repeat(300 * 1024) });
    assert.deepEqual(await files.read('memfs:/small.yaml', 1024), { text: 'a: 1\n' });
    assert.deepEqual(await files.read('memfs:/missing.yaml', 1024), { reason: 'no such file or folder', missing: true });
    assert.deepEqual(await files.read('memfs:/big.yaml', 1024 * 1024), { reason: '3 MB, over the limit of 1 MB', size: 3 * 1024 * 1024 });
    // A configuration file of 300 KB, over its 256 KB: in the words of the Node server's (projectFiles.test.ts).
    assert.deepEqual(await files.read('memfs:/.skill-lens.yaml', 256 * 1024), { reason: '300 KB, over the limit of 256 KB', size: 300 * 1024 });
  });

  it("lists a folder's documents: Markdown and YAML files", async () => {
    const { files } = client({ 'adverts/a.md': '', 'notes.txt': '', 'p.yml': '', 'R.MARKDOWN': '' });
    assert.deepEqual((await files.documents('memfs:/')).uris, ['memfs:/adverts/a.md', 'memfs:/p.yml', 'memfs:/R.MARKDOWN']);
  });

  it("reads a workspace's configuration and framework file at the root of its file system", async () => {
    const { files } = client({
      '.skill-lens.yaml': 'framework: support\n',
      'team/support.skills.yaml': readFileSync(join(root, 'test/fixtures/agreement/team/support.skills.yaml'), 'utf8'),
      'adverts/desk.md': '---\nkind: job-advert\n---\n\n# Desk\n\n- **Knowledge base writing** (leeding)\n',
    });
    const service = createLanguageService({ files, roots: ['memfs:/'] });
    await service.loadProject();
    assert.equal(service.activeFramework().id, 'support');
    const messages = service.diagnostics(service.parse('memfs:/adverts/desk.md', 1, '---\nkind: job-advert\n---\n\n# Desk\n\n- **Knowledge base writing** (leeding)\n')).map((d) => d.message);
    assert.ok(messages.some((m) => m.includes('"leeding" is not a level in Service desk skills')), messages.join('\n'));
  });

  it('forgets an ignore list that is gone when it is closed, as the Node server does, and reports nothing on it', async () => {
    const { files } = client({ '.skill-lens/ignore.yaml': 'unknown-skill: [Kubernetes]\n' });
    const published: { uri: string; messages: string[] }[] = [];
    const service = createLanguageService({ files, roots: ['memfs:/'], onFileProblems: (uri, ds) => published.push({ uri, messages: ds.map((d) => d.message) }) });
    // Opened unsaved in the editor (a quick fix made it), then closed without saving: not on disk.
    await service.fileEdited('memfs:/adverts/.skill-lens/ignore.yaml', 'unknown-skill: [Terraform]\n');
    await service.fileClosed('memfs:/adverts/.skill-lens/ignore.yaml');
    assert.deepEqual(published.filter((p) => p.uri === 'memfs:/adverts/.skill-lens/ignore.yaml').at(-1), { uri: 'memfs:/adverts/.skill-lens/ignore.yaml', messages: [] });
    assert.notEqual(service.ignoreTarget('memfs:/adverts/a.md'), undefined);
  });
});
