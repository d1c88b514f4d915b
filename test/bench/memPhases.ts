// `node dist/test/bench/memPhases.js [SERVER]`: the server's resident memory (VmRSS) and peak
// (VmHWM) after each phase on the bench's 1 MB advert, to find the phase that sets the peak.
// EDITS=N sets the number of one-character edits (6); NODE_FLAGS adds flags to the server's node.
import { readFileSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, LspClient } from '../lsp/lspClient';
import { generateAdvert } from './generate';

const server = process.argv[2] ?? join(process.cwd(), 'dist', 'server.js');

function mem(pid: number): string {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)![1]) / 1024;
  return `rss ${kb('VmRSS').toFixed(1)} MB, peak ${kb('VmHWM').toFixed(1)} MB`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'skill-lens-mem-'));
  mkdirSync(join(dir, 'adverts'));
  const text = generateAdvert({ targetBytes: 1024 * 1024, seed: 1000 }).text;
  const path = join(dir, 'adverts', 'senior-infrastructure-advert-1m.md');
  writeFileSync(path, text);
  const client = new LspClient({ command: process.execPath, args: [...(process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean), server, '--stdio'], settings: { skillLens: { debounceMs: 200 } }, requestTimeoutMs: 60_000 });
  await client.initialize({ rootUri: fileUri(dir) });
  const pid = client.pid;
  console.log('started:', mem(pid));
  const uri = fileUri(path);
  client.didOpen(uri, 'markdown', text, 1);
  await client.waitForDiagnostics(uri);
  console.log('first diagnostics:', mem(pid));
  for (let i = 0; i < 20; i++) await client.completion(uri, { line: 40 + i, character: 5 });
  console.log('20 completions:', mem(pid));
  let version = 1;
  for (let i = 0; i < Number(process.env.EDITS ?? 6); i++) {
    const since = performance.now();
    client.didChange(uri, ++version, [{ range: { start: { line: 30, character: 0 }, end: { line: 30, character: 0 } }, text: 'x' }]);
    await client.waitForDiagnostics(uri, { since, version });
  }
  console.log('6 edits:', mem(pid));
  for (let i = 0; i < 10; i++) await client.request('skillLens/analyzeTiming', { uri });
  console.log('10 fresh analyses:', mem(pid));
  await client.shutdown();
}

void main();
