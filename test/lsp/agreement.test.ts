// The editor and CI agree: for every file of a workspace with a project configuration, a custom
// framework, a broken framework file, an ignore list, disable comments, an excluded folder, a
// review, a pathway and adverts in several forms, the findings the server publishes over LSP are
// those `skill-lens check --format json` prints (code, range, severity, message).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileUri, killAllServers, LspClient, type Diagnostic } from './lspClient';
import { walkFiles } from '../../server/src/workspaceFiles';

const SERVER = join(process.cwd(), 'dist', 'server.js');
const CLI = join(process.cwd(), 'dist', 'cli.js');
const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'agreement');
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

after(() => killAllServers());

interface Finding {
  code: string;
  range: Diagnostic['range'];
  severity: string;
  message: string;
}

const line = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.code} ${f.message}`;

describe('the editor and the CLI agree on a workspace', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'skill-lens-agreement-'));
    cpSync(FIXTURE, dir, { recursive: true });
  });
  afterEach(() => killAllServers());
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('publishes over LSP exactly what check --format json prints, file by file', async () => {
    const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
    assert.equal(cli.status, 1, cli.stderr);
    const fromCli = new Map<string, string[]>();
    for (const f of JSON.parse(cli.stdout) as (Finding & { file: string })[]) {
      const list = fromCli.get(f.file) ?? [];
      list.push(line(f));
      fromCli.set(f.file, list);
    }
    // What the fixture is there to show, so that a change that empties it cannot pass.
    const files = [...fromCli.keys()].sort();
    assert.deepEqual(files, [
      '.skill-lens.yaml',
      'jobs/data-engineer.md',
      'jobs/platform-engineer.md',
      'jobs/support-analyst.md',
      'jobs/user-researcher.md',
      'pathways/infrastructure-pathway.yaml',
      'reviews/mid-year.md',
      'team/broken.skills.yaml',
    ]);
    // The custom framework checked the support advert; the configuration's severities, ignore
    // words, the ignore list and disable comments applied; the excluded draft is not there.
    assert.deepEqual(fromCli.get('jobs/support-analyst.md')!.map((l) => l.replace(/^\S+ /, '')), [
      'error unknown-skill "Customer comunication" is not a skill in Service desk skills. Did you mean "Customer communication"?',
      'error unknown-level "expert" is not a level in Service desk skills. Use one of: learning, doing, leading.',
    ]);
    const platform = fromCli.get('jobs/platform-engineer.md')!.join('\n');
    assert.match(platform, /error renamed-skill "Problem solving"/);
    assert.match(platform, /hint missing-skill Senior infrastructure engineer requires Testing/);
    assert.doesNotMatch(platform, /Kubernetes|Terraform|Helm|wizard/);
    assert.match(fromCli.get('.skill-lens.yaml')!.join('\n'), /^11:0-11:8 error schema "severty" is not a setting/);

    const client = new LspClient({ command: process.execPath, args: [SERVER, '--stdio'], settings: { skillLens: { debounceMs: 20 } }, requestTimeoutMs: 20_000 });
    await client.initialize({ rootUri: fileUri(dir), workspaceCapabilities: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    const walked = await walkFiles(dir, (rel) => /\.(md|ya?ml)$/.test(rel));
    const fromServer = new Map<string, string[]>();
    for (const path of walked.files) {
      const rel = relative(dir, path).split('\\').join('/');
      const uri = fileUri(path);
      // Documents are opened as a user opens them; the project's own files are read from disk.
      const opened = !rel.startsWith('.skill-lens') && !rel.startsWith('team/');
      if (opened) client.didOpen(uri, rel.endsWith('.md') ? 'markdown' : 'yaml', readFileSync(path, 'utf8'));
      const published = await client.waitForDiagnostics(uri, { timeoutMs: 20_000 }).catch(() => undefined);
      if (!published && opened) assert.fail(`no diagnostics for ${rel}`);
      const last = [...client.diagnostics].reverse().find((e) => e.uri === uri);
      const found = (last?.diagnostics ?? []).map((d) => line({ code: String(d.code), range: d.range, severity: SEVERITY[d.severity ?? 1], message: d.message }));
      if (found.length) fromServer.set(rel, found);
    }
    assert.deepEqual(Object.fromEntries([...fromServer].sort()), Object.fromEntries([...fromCli].sort()));
    await client.shutdown();
  });
});
