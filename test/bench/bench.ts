// `npm run bench`: the performance budget of ARCHITECTURE.md (Budgets), measured over LSP on stdio.
//
// Runs our server (dist/server.js) on a 100 KB and a 1 MB job advert and a 500 KB pathway file
// (as Markdown with front matter, and as the same front matter in a .yaml file), and
// yaml-language-server on that .yaml file with the pathway JSON Schema. Measures initialize,
// cold start to first diagnostics, completion and hover latency at the start, middle and end of
// each document, completion right after a keystroke, edit to diagnostics, whole-document
// analysis, peak resident memory, and the CLI's throughput on a folder of 2,000 files. Prints
// a table (or JSON with --json), pass/fail against the budget, and the ratio ours/theirs for the
// figures both servers share.
//
//   node dist/test/bench/bench.js [--json] [--quick] [--only ours|peer] [--no-cli] [--keep]
//                                 [--strict] [--server FILE] [--cli FILE] [--trace]

import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ErrorCodes,
  fileUri,
  killAllServers,
  LspClient,
  LspResponseError,
  LspTimeoutError,
  positionAt,
  type ContentChange,
  type Position,
} from '../lsp/lspClient';
import { extractFrontMatter, generateAdvert, generatePathway, pathwaySchema, writeCorpus } from './generate';
import { serverEnvironment } from '../../server/src/serverEnvironment';

// ---- options -------------------------------------------------------------------------------

interface Args {
  json: boolean;
  quick: boolean;
  keep: boolean;
  strict: boolean;
  cli: boolean;
  trace: boolean;
  only?: 'ours' | 'peer';
  server?: string;
  cliPath?: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { json: false, quick: false, keep: false, strict: false, cli: true, trace: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--json') a.json = true;
    else if (x === '--quick') a.quick = true;
    else if (x === '--keep') a.keep = true;
    else if (x === '--strict') a.strict = true;
    else if (x === '--no-cli') a.cli = false;
    else if (x === '--trace') a.trace = true;
    else if (x === '--only') {
      const v = argv[++i];
      if (v !== 'ours' && v !== 'peer') usage(`--only takes ours or peer, not ${v}`);
      a.only = v;
    } else if (x === '--server') a.server = argv[++i];
    else if (x === '--cli') a.cliPath = argv[++i];
    else if (x === '--help' || x === '-h') usage();
    else usage(`unknown option ${x}`);
  }
  return a;
}

function usage(error?: string): never {
  const text = `Usage: node dist/test/bench/bench.js [--json] [--quick] [--only ours|peer] [--no-cli] [--keep] [--strict] [--server FILE] [--cli FILE] [--trace]
  --json      print the results as JSON only (progress still goes to stderr)
  --quick     fewer repetitions (about a third of the time)
  --only      run only our server or only yaml-language-server
  --no-cli    skip the CLI throughput run
  --keep      keep the generated files (their folder is printed)
  --strict    exit 1 when a budget is missed
  --server    our server bundle (default dist/server.js)
  --cli       our CLI bundle (default dist/cli.js)
  --trace     log every LSP message to stderr`;
  if (error) {
    process.stderr.write(`bench: ${error}\n${text}\n`);
    process.exit(2);
  }
  process.stdout.write(text + '\n');
  process.exit(0);
}

const args = parseArgs(process.argv.slice(2));

/** Repetitions and time caps; a series stops at whichever comes first. */
const R = args.quick
  ? { cold: 5, reps: 60, ourCapMs: 600, peerCapMs: 1500, edits: 4, typingRounds: 4, analysis: 8, cliRuns: 1, warmup: 3 }
  : { cold: 9, reps: 200, ourCapMs: 1500, peerCapMs: 3000, edits: 10, typingRounds: 10, analysis: 20, cliRuns: 3, warmup: 5 };
const DEBOUNCE_MS = 200;
const REQUEST_TIMEOUT_MS = 5_000;
const DIAGNOSTICS_TIMEOUT_MS = 20_000;
/** The whole bench stops starting new phases after this (it reports what it skipped). */
const DEADLINE_MS = args.quick ? 80_000 : 170_000;
const started = performance.now();
const timeLeft = () => DEADLINE_MS - (performance.now() - started);

const BUDGET = { completionP95: 5, hoverP95: 5, coldToDiagnostics: 250, editSlack: 25, memoryMb: 80, analysis1MbMs: 30 };
/** yaml-language-server as the design card measured it. */
const PEER_CARD = { completionP50: 53, completionP95: 96, coldToDiagnostics: 875, editToDiagnostics: 326, memoryMb: 212 };

function log(msg: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);
}

// ---- statistics ----------------------------------------------------------------------------

interface Stats {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 1) return sorted[0];
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function stats(xs: number[]): Stats | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: s.length,
    p50: round(quantile(s, 0.5)),
    p95: round(quantile(s, 0.95)),
    min: round(s[0]),
    max: round(s[s.length - 1]),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
  };
}

// ---- documents -----------------------------------------------------------------------------

interface Probe {
  /** `start skill`, `middle level` … */
  label: string;
  completionAt: Position;
  hoverAt: Position;
}

interface Doc {
  id: string;
  title: string;
  path: string;
  uri: string;
  languageId: string;
  text: string;
  bytes: number;
  probes: Probe[];
  /** Where to make the one-character edits (an offset inside prose). */
  editOffset: number;
  typos: number;
}

const LEVEL_LINE = '\nLevel: ';

function advertProbes(text: string): Probe[] {
  const probes: Probe[] = [];
  for (const [where, f] of [['start', 0], ['middle', 0.5], ['end', 1]] as const) {
    let i = f === 1 ? text.lastIndexOf(LEVEL_LINE) : text.indexOf(LEVEL_LINE, Math.floor(text.length * f));
    if (i < 0) i = text.lastIndexOf(LEVEL_LINE);
    if (i < 0) throw new Error('generated advert has no "Level:" line');
    // gov.uk block: "<skill>\n\nLevel: <level>"
    const skillEnd = i - 1;
    const skillStart = text.lastIndexOf('\n', skillEnd - 1) + 1;
    const skillLen = skillEnd - skillStart;
    const levelStart = i + LEVEL_LINE.length;
    probes.push({
      label: `${where} skill`,
      completionAt: positionAt(text, skillStart + Math.min(4, skillLen)),
      hoverAt: positionAt(text, skillStart + Math.floor(skillLen / 2)),
    });
    probes.push({
      label: `${where} level`,
      completionAt: positionAt(text, levelStart),
      hoverAt: positionAt(text, levelStart + 2),
    });
  }
  return probes;
}

const TOPIC = '\n  - name: "';

function pathwayProbes(text: string): Probe[] {
  const topics: number[] = [];
  for (let i = text.indexOf(TOPIC); i >= 0; i = text.indexOf(TOPIC, i + 1)) topics.push(i);
  if (!topics.length) throw new Error('generated pathway has no topics');
  const probes: Probe[] = [];
  const picks: [string, number, string][] = [
    ['start', 0, ''],
    ['middle', Math.floor(topics.length / 2), 'practitioner'],
    ['end', topics.length - 1, 'expert'],
  ];
  for (const [where, k, levelKey] of picks) {
    const nameStart = topics[k] + TOPIC.length;
    const nameLen = text.indexOf('"', nameStart) - nameStart;
    probes.push({
      label: `${where} skill`,
      completionAt: positionAt(text, nameStart + Math.min(4, nameLen)),
      hoverAt: positionAt(text, nameStart + Math.floor(nameLen / 2)),
    });
    if (!levelKey) {
      // `levels:` map at the top: the value after `SEO: `.
      const seo = text.indexOf('\n  SEO: ');
      if (seo < 0) throw new Error('generated pathway has no SEO level');
      const v = seo + '\n  SEO: '.length;
      probes.push({ label: `${where} level`, completionAt: positionAt(text, v), hoverAt: positionAt(text, v + 2) });
    } else {
      const key = text.indexOf(`\n      ${levelKey}:`, topics[k]) + '\n      '.length;
      probes.push({ label: `${where} level key`, completionAt: positionAt(text, key + 3), hoverAt: positionAt(text, key + 3) });
    }
  }
  return probes;
}

interface Workspace {
  root: string;
  ws: string;
  docs: Doc[];
  /** The .yaml pathway both servers run on. */
  sharedDocId: string;
  schemaPath: string;
  schemaSource: string;
  corpus?: { dir: string; files: number; bytes: number };
  tinyAdvert: string;
}

function buildWorkspace(repoRoot: string, withCorpus: boolean): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'skill-lens-bench-'));
  const ws = join(root, 'workspace');
  mkdirSync(join(ws, 'adverts'), { recursive: true });
  mkdirSync(join(ws, 'pathways'), { recursive: true });
  const docs: Doc[] = [];
  const add = (id: string, title: string, rel: string, languageId: string, text: string, probes: Probe[], editOffset: number, typos: number) => {
    const path = join(ws, rel);
    writeFileSync(path, text);
    docs.push({ id, title, path, uri: fileUri(path), languageId, text, bytes: Buffer.byteLength(text), probes, editOffset, typos });
  };
  const middleOf = (offsets: number[], len: number) =>
    offsets.reduce((best, o) => (Math.abs(o - len / 2) < Math.abs(best - len / 2) ? o : best), offsets[0]);

  for (const [id, title, size, seed] of [
    ['advert-100k', 'advert 100 KB', 100 * 1024, 100],
    ['advert-1m', 'advert 1 MB', 1024 * 1024, 1000],
  ] as const) {
    const g = generateAdvert({ targetBytes: size, seed });
    add(id, title, `adverts/senior-infrastructure-${id}.md`, 'markdown', g.text, advertProbes(g.text), middleOf(g.proseOffsets, g.text.length), g.typos.length);
  }
  const p = generatePathway({ topics: 200, targetBytes: 500 * 1024, seed: 500 });
  add('pathway-md', 'pathway 500 KB .md', 'pathways/cloud-engineer-pathway.md', 'markdown', p.text, pathwayProbes(p.text), middleOf(p.proseOffsets.slice(0, -1), p.text.length), p.typos.length);
  const fm = extractFrontMatter(p.text);
  if (!fm) throw new Error('generated pathway has no front matter');
  const yamlEdit = middleOf(p.proseOffsets.slice(0, -1), p.text.length) - fm.offset;
  add('pathway-yaml', 'pathway .yaml', 'pathways/cloud-engineer-pathway.yaml', 'yaml', fm.yaml, pathwayProbes(fm.yaml), yamlEdit, p.typos.length);

  let schemaPath = join(repoRoot, 'data', 'pathway.schema.json');
  let schemaSource = 'data/pathway.schema.json';
  if (!existsSync(schemaPath)) {
    schemaPath = join(root, 'pathway.schema.json');
    schemaSource = 'generated (data/pathway.schema.json not found)';
    writeFileSync(schemaPath, JSON.stringify(pathwaySchema(), null, 2));
  }
  const tinyAdvert = join(root, 'tiny', 'tiny-advert.md');
  mkdirSync(dirname(tinyAdvert), { recursive: true });
  writeFileSync(tinyAdvert, '---\nkind: job-advert\nrole: Senior infrastructure engineer\ngrade: SEO\n---\n\nInformation security\n\nLevel: working\n');
  const corpus = withCorpus ? writeCorpus(join(root, 'corpus'), 2000, 2000) : undefined;
  return { root, ws, docs, sharedDocId: 'pathway-yaml', schemaPath, schemaSource, corpus, tinyAdvert };
}

// ---- servers -------------------------------------------------------------------------------

interface ServerSpec {
  id: 'ours' | 'peer';
  name: string;
  command: string;
  args: string[];
  settings: Record<string, unknown>;
  initializationOptions?: unknown;
  /** The environment its editor client starts it with. */
  env: NodeJS.ProcessEnv;
  capMs: number;
}

function ourServer(bundle: string): ServerSpec {
  const skillLens = { debounceMs: DEBOUNCE_MS, framework: 'ddat' };
  return {
    id: 'ours',
    name: 'skill-lens',
    command: process.execPath,
    args: [bundle, '--stdio'],
    settings: { skillLens },
    initializationOptions: { settings: skillLens },
    // As the Skill Lens client starts it (client/src/extension.ts).
    env: serverEnvironment(),
    capMs: R.ourCapMs,
  };
}

function peerServer(repoRoot: string, w: Workspace): ServerSpec {
  const shared = w.docs.find((d) => d.id === w.sharedDocId)!;
  return {
    id: 'peer',
    name: 'yaml-language-server',
    command: process.execPath,
    args: [join(repoRoot, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    settings: {
      yaml: {
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        schemas: { [fileUri(w.schemaPath)]: [shared.path, '*pathway*.yaml'] },
        // Nothing over the network: no schema store catalogue, no Kubernetes CRD store.
        schemaStore: { enable: false, url: '' },
        kubernetesCRDStore: { enable: false },
      },
      http: { proxy: '', proxyStrictSSL: false },
      '[yaml]': {},
      editor: {},
    },
    // As VS Code's YAML extension starts it: with the editor's environment.
    env: process.env,
    capMs: R.peerCapMs,
  };
}

function startServer(spec: ServerSpec, cwd: string): LspClient {
  return new LspClient({
    command: spec.command,
    args: spec.args,
    cwd,
    env: spec.env,
    settings: spec.settings,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    trace: args.trace,
  });
}

async function openSession(spec: ServerSpec, w: Workspace, doc: Doc): Promise<{ client: LspClient; initMs: number; firstDiagMs: number | null; firstDiagCount: number; error?: string }> {
  const client = startServer(spec, w.ws);
  try {
    await client.initialize({ rootUri: fileUri(w.ws), initializationOptions: spec.initializationOptions, timeoutMs: 30_000 });
    const initMs = performance.now() - client.spawnedAt;
    client.sendConfiguration();
    client.didOpen(doc.uri, doc.languageId, doc.text, 1);
    try {
      const d = await client.waitForDiagnostics(doc.uri, { timeoutMs: DIAGNOSTICS_TIMEOUT_MS });
      return { client, initMs, firstDiagMs: d.at - client.spawnedAt, firstDiagCount: d.diagnostics.length };
    } catch (e) {
      return { client, initMs, firstDiagMs: null, firstDiagCount: 0, error: String(e instanceof Error ? e.message : e) };
    }
  } catch (e) {
    client.kill();
    throw e;
  }
}

// ---- measurements --------------------------------------------------------------------------

interface ProbeResult {
  label: string;
  completionAt: Position;
  hoverAt: Position;
  completion: Stats | null;
  hover: Stats | null;
  /** Items in the last completion answer; null if it failed. */
  completionItems: number | null;
  /** Characters of the last hover's contents (0: no hover). */
  hoverChars: number | null;
  errors: string[];
}

interface DocResult {
  doc: string;
  title: string;
  bytes: number;
  typos: number;
  cold: {
    runs: number;
    /** Spawn to initialize result. */
    initialize: Stats | null;
    /** Spawn to the first publishDiagnostics for the opened document. */
    firstDiagnostics: Stats | null;
    errors: string[];
  };
  diagnostics: { count: number; codes: Record<string, number> };
  probes: ProbeResult[];
  completion: Stats | null;
  hover: Stats | null;
  edit: { debounceMs: number; toDiagnostics: Stats | null; firstMs: number | null; sync: string; errors: string[] };
  /** Completion asked for right after each keystroke of a word typed in the document. */
  typing: { completion: Stats | null; errors: string[] };
  analysis: { source: 'server' | 'cli' | 'none'; ms: Stats | null; note: string };
  memory: { peakMb: number | null; rssMb: number | null };
  errors: string[];
}

function countItems(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (result && typeof result === 'object' && Array.isArray((result as { items?: unknown[] }).items)) return (result as { items: unknown[] }).items.length;
  return 0;
}

function hoverChars(result: unknown): number {
  if (!result || typeof result !== 'object') return 0;
  const c = (result as { contents?: unknown }).contents;
  if (typeof c === 'string') return c.length;
  if (Array.isArray(c)) return c.reduce((n: number, x) => n + (typeof x === 'string' ? x.length : String((x as { value?: string }).value ?? '').length), 0);
  if (c && typeof c === 'object') return String((c as { value?: string }).value ?? '').length;
  return 0;
}

/**
 * Times `fn` up to `reps` times or until `capMs` has passed (at least 5 samples), after warm-up.
 * Stops at the first timeout (`hung`): a server that does not answer within the request timeout
 * would otherwise hold the bench for minutes.
 */
async function series(fn: () => Promise<unknown>, capMs: number): Promise<{ samples: number[]; last: unknown; errors: string[]; hung: boolean }> {
  const samples: number[] = [];
  const errors: string[] = [];
  let last: unknown;
  const failed = (e: unknown, prefix = '') => {
    errors.push(prefix + (e instanceof Error ? e.message : String(e)));
    return e instanceof LspTimeoutError;
  };
  for (let i = 0; i < R.warmup; i++) {
    try {
      last = await fn();
    } catch (e) {
      if (failed(e, 'warm-up: ')) return { samples, last, errors, hung: true };
      if (errors.length >= 2) return { samples, last, errors, hung: false };
    }
  }
  const t0 = performance.now();
  while (samples.length < R.reps && (samples.length < 5 || performance.now() - t0 < capMs)) {
    const s = performance.now();
    try {
      last = await fn();
      samples.push(performance.now() - s);
    } catch (e) {
      if (failed(e)) return { samples, last, errors, hung: true };
      if (errors.length >= 3) break;
    }
  }
  return { samples, last, errors, hung: false };
}

async function measureDoc(spec: ServerSpec, w: Workspace, doc: Doc, repoRoot: string, cliPath: string | undefined): Promise<DocResult> {
  const res: DocResult = {
    doc: doc.id,
    title: doc.title,
    bytes: doc.bytes,
    typos: doc.typos,
    cold: { runs: 0, initialize: null, firstDiagnostics: null, errors: [] },
    diagnostics: { count: 0, codes: {} },
    probes: [],
    completion: null,
    hover: null,
    edit: { debounceMs: spec.id === 'ours' ? DEBOUNCE_MS : 200, toDiagnostics: null, firstMs: null, sync: '', errors: [] },
    typing: { completion: null, errors: [] },
    analysis: { source: 'none', ms: null, note: '' },
    memory: { peakMb: null, rssMb: null },
    errors: [],
  };

  // Cold starts: spawn -> initialize -> didOpen -> first diagnostics, each in a fresh process.
  const inits: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < R.cold && timeLeft() > 0; i++) {
    try {
      const s = await openSession(spec, w, doc);
      inits.push(s.initMs);
      await s.client.shutdown();
      res.cold.runs++;
      if (s.firstDiagMs !== null) firsts.push(s.firstDiagMs);
      else {
        res.cold.errors.push(s.error ?? 'no diagnostics');
        break; // the next cold start would wait just as long
      }
    } catch (e) {
      res.cold.runs++;
      res.cold.errors.push(e instanceof Error ? e.message : String(e));
      break;
    }
  }
  res.cold.initialize = stats(inits);
  res.cold.firstDiagnostics = stats(firsts);

  // Warm session: one server, the document open, everything else measured in turn.
  let session: Awaited<ReturnType<typeof openSession>>;
  try {
    session = await openSession(spec, w, doc);
  } catch (e) {
    res.errors.push(`session: ${e instanceof Error ? e.message : String(e)}`);
    return res;
  }
  const client = session.client;
  try {
    if (session.error) res.errors.push(`first diagnostics: ${session.error}`);
    const first = client.diagnostics.find((d) => d.uri === doc.uri);
    // Give a server that publishes in stages a moment, then count the latest diagnostics.
    await sleep(300);
    const latest = [...client.diagnostics].reverse().find((d) => d.uri === doc.uri) ?? first;
    if (latest) {
      res.diagnostics.count = latest.diagnostics.length;
      for (const d of latest.diagnostics) {
        const code = String(d.code ?? d.source ?? '?');
        res.diagnostics.codes[code] = (res.diagnostics.codes[code] ?? 0) + 1;
      }
    }

    // Completion and hover at each probe.
    const allCompletion: number[] = [];
    const allHover: number[] = [];
    let hung = false;
    for (const p of doc.probes) {
      if (timeLeft() < 0 || hung) {
        res.errors.push(`skipped probe ${p.label}: ${hung ? 'the server stopped answering' : 'out of time'}`);
        continue;
      }
      const c = await series(() => client.completion(doc.uri, p.completionAt), spec.capMs / 2);
      const h = c.hung ? { samples: [], last: null, errors: ['skipped'], hung: true } : await series(() => client.hover(doc.uri, p.hoverAt), spec.capMs / 2);
      hung = c.hung || h.hung;
      allCompletion.push(...c.samples);
      allHover.push(...h.samples);
      res.probes.push({
        label: p.label,
        completionAt: p.completionAt,
        hoverAt: p.hoverAt,
        completion: stats(c.samples),
        hover: stats(h.samples),
        completionItems: c.samples.length ? countItems(c.last) : null,
        hoverChars: h.samples.length ? hoverChars(h.last) : null,
        errors: [...c.errors.map((e) => `completion: ${e}`), ...h.errors.map((e) => `hover: ${e}`)],
      });
    }
    res.completion = stats(allCompletion);
    res.hover = stats(allHover);

    // Edit to diagnostics: insert a character in prose, wait, delete it, wait … (even count,
    // so the document ends as it began). The first edits after opening run code the server has
    // not yet compiled: they are untimed, as for completion and hover, but the very first is
    // reported on its own.
    const incremental = client.syncKind === 2;
    res.edit.sync = incremental ? 'incremental' : 'full';
    const editSamples: number[] = [];
    let text = doc.text;
    let version = 1;
    const editPos = positionAt(doc.text, doc.editOffset);
    const untimedEdits = R.warmup + (R.warmup % 2);
    for (let i = 0; i < untimedEdits + R.edits && timeLeft() > 0; i++) {
      const insert = i % 2 === 0;
      version++;
      text = insert ? text.slice(0, doc.editOffset) + 'x' + text.slice(doc.editOffset) : text.slice(0, doc.editOffset) + text.slice(doc.editOffset + 1);
      const change: ContentChange = incremental
        ? insert
          ? { range: { start: editPos, end: editPos }, text: 'x' }
          : { range: { start: editPos, end: { line: editPos.line, character: editPos.character + 1 } }, text: '' }
        : { text };
      const t = performance.now();
      client.didChange(doc.uri, version, [change]);
      try {
        const d = await client.waitForDiagnostics(doc.uri, { since: t, version, timeoutMs: res.edit.debounceMs + 10_000 });
        if (i === 0) res.edit.firstMs = round1(d.at - t);
        if (i >= untimedEdits) editSamples.push(d.at - t);
      } catch (e) {
        res.edit.errors.push(e instanceof Error ? e.message : String(e));
        if (res.edit.errors.length >= 2) break;
      }
    }
    if (version % 2 === 0) {
      // Odd number of edits made (time ran out): put the document back.
      version++;
      text = doc.text;
      client.didChange(doc.uri, version, [{ text }]);
    }
    res.edit.toDiagnostics = stats(editSamples);

    // Completion while typing: a keystroke where the middle completion probe sits, then at once a
    // completion request just after it, as an editor sends them, so the server applies the edit
    // (and reads the new version) before it answers. Three keystrokes a round, 30 ms apart, then
    // one edit deletes them; the first round is untimed.
    const probe = doc.probes.find((p) => p.label.startsWith('middle')) ?? doc.probes[0];
    if (incremental && probe) {
      const typingSamples: number[] = [];
      const typed = 'Inf';
      const { line, character } = probe.completionAt;
      for (let round = 0; round <= R.typingRounds && timeLeft() > 0 && res.typing.errors.length < 2; round++) {
        for (let k = 0; k < typed.length; k++) {
          const at = { line, character: character + k };
          client.didChange(doc.uri, ++version, [{ range: { start: at, end: at }, text: typed[k] }]);
          const s = performance.now();
          try {
            await client.completion(doc.uri, { line, character: character + k + 1 });
            if (round > 0) typingSamples.push(performance.now() - s);
          } catch (e) {
            res.typing.errors.push(e instanceof Error ? e.message : String(e));
          }
          await sleep(30);
        }
        client.didChange(doc.uri, ++version, [{ range: { start: probe.completionAt, end: { line, character: character + typed.length } }, text: '' }]);
      }
      res.typing.completion = stats(typingSamples);
      // Let the last re-check finish before the next phase.
      await sleep(res.edit.debounceMs + 300);
    }

    // Whole-document analysis, timed by the server itself. The first runs are untimed, as for
    // completion and hover: a fresh parse runs only when a document is opened, so its first
    // runs here are still in V8's interpreter; that cold analysis is part of cold start.
    if (spec.id === 'ours') {
      const ms: number[] = [];
      let unsupported = false;
      for (let i = 0; i < R.warmup + R.analysis; i++) {
        try {
          const r = await client.request<{ ms: number }>('skillLens/analyzeTiming', { uri: doc.uri }, 30_000);
          if (typeof r?.ms === 'number' && i >= R.warmup) ms.push(r.ms);
        } catch (e) {
          if (e instanceof LspResponseError && e.error.code === ErrorCodes.MethodNotFound) unsupported = true;
          else res.errors.push(`analyzeTiming: ${e instanceof Error ? e.message : String(e)}`);
          break;
        }
      }
      if (ms.length) {
        res.analysis = { source: 'server', ms: stats(ms), note: `skillLens/analyzeTiming (parse and check afresh, timed in the server, after ${R.warmup} untimed runs)` };
      } else if (unsupported && cliPath) {
        res.analysis = await analysisViaCli(cliPath, doc.path, w.tinyAdvert, repoRoot);
      } else {
        res.analysis.note = unsupported ? 'skillLens/analyzeTiming not offered and no CLI' : 'skillLens/analyzeTiming failed';
      }
    }

    const mem = client.memory();
    if (mem) res.memory = { peakMb: round1(mem.peakKb / 1024), rssMb: round1(mem.rssKb / 1024) };
    const lateErrors = client.stderr.trim();
    if (lateErrors && args.trace) log(`${spec.name} stderr: ${lateErrors.slice(-500)}`);
  } catch (e) {
    res.errors.push(e instanceof Error ? e.message : String(e));
  } finally {
    await client.shutdown();
  }
  return res;
}

/** Median time from spawning Node.js on an empty script to its first output, over 9 runs. */
async function nodeStartMs(env: NodeJS.ProcessEnv): Promise<number | null> {
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    const ok = await new Promise<boolean>((done) => {
      const p = spawn(process.execPath, ['-e', 'process.stdout.write("x")'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
      p.stdout.once('data', () => done(true));
      p.on('error', () => done(false));
      p.on('close', () => done(false));
    });
    if (ok) times.push(performance.now() - t);
  }
  return stats(times)?.p50 ?? null;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

// ---- CLI -----------------------------------------------------------------------------------

interface CliRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

const cliChildren = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of cliChildren) c.kill('SIGKILL');
});

function runCli(cliPath: string, cliArgs: string[], cwd: string, timeoutMs: number): Promise<CliRun> {
  return new Promise((resolvePromise) => {
    const t = performance.now();
    const p = spawn(process.execPath, [cliPath, ...cliArgs], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    cliChildren.add(p);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (b: Buffer) => out.push(b));
    p.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code) => {
      cliChildren.delete(p);
      clearTimeout(timer);
      resolvePromise({ ms: performance.now() - t, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    p.on('error', () => {
      cliChildren.delete(p);
      clearTimeout(timer);
      resolvePromise({ ms: performance.now() - t, code: null, stdout: '', stderr: 'spawn failed' });
    });
  });
}

async function analysisViaCli(cliPath: string, file: string, tiny: string, cwd: string): Promise<DocResult['analysis']> {
  const big: number[] = [];
  const small: number[] = [];
  for (let i = 0; i < 3; i++) {
    const b = await runCli(cliPath, ['check', '--format', 'json', file], cwd, 60_000);
    const s = await runCli(cliPath, ['check', '--format', 'json', tiny], cwd, 60_000);
    if (b.code === 0 || b.code === 1) big.push(b.ms);
    if (s.code === 0 || s.code === 1) small.push(s.ms);
  }
  const b = stats(big);
  const s = stats(small);
  if (!b || !s) return { source: 'none', ms: null, note: 'CLI failed' };
  const d = Math.max(0, b.p50 - s.p50);
  return {
    source: 'cli',
    ms: { n: b.n, p50: round1(d), p95: round1(Math.max(0, b.p95 - s.p50)), min: round1(Math.max(0, b.min - s.p50)), max: round1(Math.max(0, b.max - s.p50)), mean: round1(Math.max(0, b.mean - s.p50)) },
    note: `approximate: CLI on this file minus CLI on a tiny file (${s.p50.toFixed(0)} ms); includes reading and JSON output (server has no skillLens/analyzeTiming)`,
  };
}

interface CliResult {
  files: number;
  bytes: number;
  runs: number;
  wall: Stats | null;
  filesPerSecond: number | null;
  mbPerSecond: number | null;
  exitCode: number | null;
  diagnostics: number | null;
  filesWithDiagnostics: number | null;
  codes: Record<string, number>;
  startupMs: number | null;
  errors: string[];
}

async function measureCli(cliPath: string, w: Workspace, repoRoot: string): Promise<CliResult> {
  const c = w.corpus!;
  const res: CliResult = { files: c.files, bytes: c.bytes, runs: 0, wall: null, filesPerSecond: null, mbPerSecond: null, exitCode: null, diagnostics: null, filesWithDiagnostics: null, codes: {}, startupMs: null, errors: [] };
  const tiny = await runCli(cliPath, ['check', '--format', 'json', w.tinyAdvert], repoRoot, 30_000);
  if (tiny.code === 0 || tiny.code === 1) res.startupMs = round1(tiny.ms);
  const times: number[] = [];
  for (let i = 0; i < R.cliRuns && (i === 0 || timeLeft() > 0); i++) {
    const r = await runCli(cliPath, ['check', '--format', 'json', c.dir], repoRoot, 120_000);
    res.runs++;
    res.exitCode = r.code;
    if (r.code !== 0 && r.code !== 1) {
      res.errors.push(`exit ${r.code}: ${r.stderr.slice(0, 500)}`);
      break;
    }
    // Only a run that printed a JSON array counts (a crash can still exit 1).
    let diags: { file?: string; code?: string }[];
    try {
      diags = JSON.parse(r.stdout) as { file?: string; code?: string }[];
      if (!Array.isArray(diags)) throw new Error('not an array');
    } catch (e) {
      res.errors.push(`run ${i + 1}: output is not a JSON array (${(e as Error).message}); stdout starts ${JSON.stringify(r.stdout.slice(0, 200))}, stderr ${JSON.stringify(r.stderr.slice(0, 300))}`);
      continue;
    }
    times.push(r.ms);
    if (res.diagnostics === null) {
      res.diagnostics = diags.length;
      res.filesWithDiagnostics = new Set(diags.map((d) => d.file)).size;
      for (const d of diags) res.codes[String(d.code)] = (res.codes[String(d.code)] ?? 0) + 1;
    }
  }
  res.wall = stats(times);
  if (res.wall) {
    res.filesPerSecond = Math.round(c.files / (res.wall.p50 / 1000));
    res.mbPerSecond = round1(c.bytes / 1024 / 1024 / (res.wall.p50 / 1000));
  }
  return res;
}

// ---- report --------------------------------------------------------------------------------

interface BudgetCheck {
  what: string;
  doc: string;
  value: number | null;
  limit: number;
  unit: string;
  pass: boolean | null;
  note?: string;
}

interface Ratio {
  what: string;
  ours: number | null;
  theirs: number | null;
  ratio: number | null;
  card: number | null;
}

interface Results {
  meta: Record<string, unknown>;
  ours?: { server: string; docs: DocResult[]; cli?: CliResult; skipped?: string };
  peer?: { server: string; docs: DocResult[]; skipped?: string };
  budget: BudgetCheck[];
  ratios: Ratio[];
  notes: string[];
}

function budgetChecks(ours: DocResult[]): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const check = (what: string, doc: string, value: number | null | undefined, limit: number, unit: string, note?: string) =>
    checks.push({ what, doc, value: value ?? null, limit, unit, pass: value === null || value === undefined ? null : value < limit, note });
  for (const d of ours) {
    check('completion p95', d.doc, d.completion?.p95, BUDGET.completionP95, 'ms');
    check('hover p95', d.doc, d.hover?.p95, BUDGET.hoverP95, 'ms');
    check('cold start to first diagnostics p50', d.doc, d.cold.firstDiagnostics?.p50, BUDGET.coldToDiagnostics, 'ms');
    check('edit to diagnostics p50', d.doc, d.edit.toDiagnostics?.p50, d.edit.debounceMs + BUDGET.editSlack, 'ms', `debounce ${d.edit.debounceMs} + ${BUDGET.editSlack}`);
    check('peak resident memory', d.doc, d.memory.peakMb, BUDGET.memoryMb, 'MB');
  }
  const big = ours.find((d) => d.doc === 'advert-1m');
  if (big) check('whole-document analysis p50', big.doc, big.analysis.ms?.p50, BUDGET.analysis1MbMs, 'ms', big.analysis.source === 'cli' ? 'approximate, via the CLI' : big.analysis.source === 'none' ? big.analysis.note : undefined);
  return checks;
}

function ratios(ours: DocResult | undefined, theirs: DocResult | undefined): Ratio[] {
  const r = (what: string, o: number | null | undefined, t: number | null | undefined, card: number | null): Ratio => ({
    what,
    ours: o ?? null,
    theirs: t ?? null,
    ratio: o !== null && o !== undefined && t ? Math.round((o / t) * 1000) / 1000 : null,
    card,
  });
  return [
    r('completion p50 (ms)', ours?.completion?.p50, theirs?.completion?.p50, PEER_CARD.completionP50),
    r('completion p95 (ms)', ours?.completion?.p95, theirs?.completion?.p95, PEER_CARD.completionP95),
    r('hover p50 (ms)', ours?.hover?.p50, theirs?.hover?.p50, null),
    r('hover p95 (ms)', ours?.hover?.p95, theirs?.hover?.p95, null),
    r('initialize p50 (ms)', ours?.cold.initialize?.p50, theirs?.cold.initialize?.p50, null),
    r('cold start to first diagnostics p50 (ms)', ours?.cold.firstDiagnostics?.p50, theirs?.cold.firstDiagnostics?.p50, PEER_CARD.coldToDiagnostics),
    r('edit to diagnostics p50 (ms)', ours?.edit.toDiagnostics?.p50, theirs?.edit.toDiagnostics?.p50, PEER_CARD.editToDiagnostics),
    r('peak resident memory (MB)', ours?.memory.peakMb, theirs?.memory.peakMb, PEER_CARD.memoryMb),
  ];
}

function f(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined) return '–';
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(Math.min(digits, 1));
  return x.toFixed(digits === 1 ? 2 : digits);
}

function pair(s: Stats | null | undefined): string {
  return s ? `${f(s.p50)} / ${f(s.p95)}` : '–';
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r, ri) => {
      const line = r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
      return ri === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

function render(res: Results): string {
  const out: string[] = [];
  const m = res.meta;
  out.push(`Skill Lens bench  (${m.node}, ${m.cpu}, ${m.mode}; ${m.seconds} s)`);
  out.push(`files: ${m.folder}${m.kept ? '' : ' (removed)'}; schema for yaml-language-server: ${m.schema}`);
  const start = m.nodeStartMs as { before?: number | null; after?: number | null } | undefined;
  if (start?.before != null) {
    out.push(`an empty Node.js script starts in ${start.before.toFixed(0)} ms here${start.after != null ? ` before the runs and ${start.after.toFixed(0)} ms after` : ''} (p50 of 9, spawn to first output): the floor under every cold start`);
  }
  const ours = res.ours?.docs ?? [];
  const peer = res.peer?.docs ?? [];
  const cols: { title: string; d: DocResult }[] = [
    ...ours.map((d) => ({ title: `ours ${d.title}`, d })),
    ...peer.map((d) => ({ title: `yaml-ls ${d.title}`, d })),
  ];
  if (cols.length) {
    const sharedOurs = ours.find((d) => d.doc === 'pathway-yaml');
    const sharedPeer = peer[0];
    const ratio = (o: number | null | undefined, t: number | null | undefined) => (o != null && t ? `${(o / t).toFixed(3)}` : '–');
    const rows: string[][] = [['(ms unless noted; a / b = p50 / p95)', ...cols.map((c) => c.title), 'ours/theirs']];
    rows.push(['size', ...cols.map((c) => `${(c.d.bytes / 1024).toFixed(0)} KB`), '']);
    rows.push(['initialize (spawn to result)', ...cols.map((c) => pair(c.d.cold.initialize)), ratio(sharedOurs?.cold.initialize?.p50, sharedPeer?.cold.initialize?.p50)]);
    rows.push(['cold start to first diagnostics', ...cols.map((c) => pair(c.d.cold.firstDiagnostics)), ratio(sharedOurs?.cold.firstDiagnostics?.p50, sharedPeer?.cold.firstDiagnostics?.p50)]);
    rows.push(['completion', ...cols.map((c) => pair(c.d.completion)), `${ratio(sharedOurs?.completion?.p50, sharedPeer?.completion?.p50)} / ${ratio(sharedOurs?.completion?.p95, sharedPeer?.completion?.p95)}`]);
    rows.push(['hover', ...cols.map((c) => pair(c.d.hover)), `${ratio(sharedOurs?.hover?.p50, sharedPeer?.hover?.p50)} / ${ratio(sharedOurs?.hover?.p95, sharedPeer?.hover?.p95)}`]);
    rows.push(['completion right after a keystroke', ...cols.map((c) => pair(c.d.typing.completion)), `${ratio(sharedOurs?.typing.completion?.p50, sharedPeer?.typing.completion?.p50)} / ${ratio(sharedOurs?.typing.completion?.p95, sharedPeer?.typing.completion?.p95)}`]);
    rows.push(['edit to diagnostics', ...cols.map((c) => pair(c.d.edit.toDiagnostics)), ratio(sharedOurs?.edit.toDiagnostics?.p50, sharedPeer?.edit.toDiagnostics?.p50)]);
    rows.push(['  first edit after opening', ...cols.map((c) => f(c.d.edit.firstMs)), '']);
    rows.push(['  debounce (configured)', ...cols.map((c) => `${c.d.edit.debounceMs}`), '']);
    rows.push(['whole-document analysis', ...cols.map((c) => (c.d.analysis.ms ? `${pair(c.d.analysis.ms)}${c.d.analysis.source === 'cli' ? ' ~cli' : ''}` : '–')), '']);
    rows.push(['peak resident (VmHWM, MB)', ...cols.map((c) => f(c.d.memory.peakMb)), ratio(sharedOurs?.memory.peakMb, sharedPeer?.memory.peakMb)]);
    rows.push(['diagnostics in the document', ...cols.map((c) => `${c.d.diagnostics.count}`), '']);
    out.push('', table(rows));
    out.push('ours/theirs: our server and yaml-language-server on the same .yaml pathway file (p50; completion and hover p50 / p95).');

    const prow: string[][] = [['position', 'server / document', 'completion', 'items', 'hover', 'hover chars']];
    for (const c of cols)
      for (const p of c.d.probes)
        prow.push([`${p.label} (${p.completionAt.line + 1}:${p.completionAt.character + 1})`, c.title, pair(p.completion), p.completionItems === null ? '–' : `${p.completionItems}`, pair(p.hover), p.hoverChars === null ? '–' : `${p.hoverChars}`]);
    out.push('', 'Per position (ms, p50 / p95; line:column of the completion, 1-based):', table(prow));
  }
  if (res.ratios.some((r) => r.theirs !== null)) {
    const rrow: string[][] = [['shared figure', 'ours', 'yaml-ls', 'ours/theirs', 'yaml-ls on the design card']];
    for (const r of res.ratios) rrow.push([r.what, f(r.ours), f(r.theirs), r.ratio === null ? '–' : r.ratio.toFixed(3), r.card === null ? '' : `${r.card}`]);
    out.push('', table(rrow));
  }
  if (res.budget.length) {
    const brow: string[][] = [['budget', 'document', 'measured', 'limit', 'result']];
    for (const b of res.budget) brow.push([b.what, b.doc, b.value === null ? '–' : `${f(b.value)} ${b.unit}`, `< ${b.limit} ${b.unit}`, (b.pass === null ? 'n/a' : b.pass ? 'PASS' : 'FAIL') + (b.note ? `  (${b.note})` : '')]);
    out.push('', table(brow));
  }
  const cli = res.ours?.cli;
  if (cli) {
    out.push('', `CLI: node dist/cli.js check --format json <${cli.files} files, ${(cli.bytes / 1024 / 1024).toFixed(1)} MB>`);
    if (cli.wall) {
      out.push(`  wall ${pair(cli.wall)} ms over ${cli.wall.n} run(s): ${cli.filesPerSecond} files/s, ${cli.mbPerSecond} MB/s; exit ${cli.exitCode}; startup on a tiny file ${f(cli.startupMs)} ms`);
      out.push(`  ${cli.diagnostics ?? '?'} diagnostics in ${cli.filesWithDiagnostics ?? '?'} files: ${Object.entries(cli.codes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
    for (const e of cli.errors) out.push(`  error: ${e}`);
  }
  const problems: string[] = [];
  for (const [who, docs] of [['ours', ours], ['yaml-ls', peer]] as const) {
    for (const d of docs) {
      for (const e of [...d.cold.errors.map((x) => `cold start: ${x}`), ...d.edit.errors.map((x) => `edit: ${x}`), ...d.typing.errors.map((x) => `completion while typing: ${x}`), ...d.errors]) problems.push(`${who} ${d.doc}: ${e.slice(0, 400)}`);
      for (const p of d.probes) for (const e of p.errors) problems.push(`${who} ${d.doc} ${p.label}: ${e.slice(0, 400)}`);
      const codes = Object.entries(d.diagnostics.codes).map(([k, v]) => `${k} ${v}`).join(', ');
      if (codes) out.push(`${who} ${d.doc}: diagnostics ${codes}`);
      if (d.analysis.note && d.analysis.source !== 'server') problems.push(`${who} ${d.doc}: analysis ${d.analysis.note}`);
    }
  }
  for (const n of res.notes) problems.push(n);
  if (problems.length) out.push('', 'Notes:', ...problems.map((p) => `- ${p}`));
  return out.join('\n');
}

// ---- main ----------------------------------------------------------------------------------

function findRepoRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'skill-lens') return dir;
      } catch {
        // keep looking
      }
    }
    if (dirname(dir) === dir) return process.cwd();
  }
}

async function main(): Promise<number> {
  const repoRoot = findRepoRoot();
  const ourBundle = resolve(args.server ?? join(repoRoot, 'dist', 'server.js'));
  const cliPath = resolve(args.cliPath ?? join(repoRoot, 'dist', 'cli.js'));
  const runOurs = args.only !== 'peer';
  const runPeer = args.only !== 'ours';
  const haveOurs = existsSync(ourBundle);
  const haveCli = existsSync(cliPath);
  const peerBin = join(repoRoot, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const notes: string[] = [];

  log('generating documents');
  const w = buildWorkspace(repoRoot, runOurs && haveCli && args.cli);
  // Run copies of the bundles: the working tree is shared, and a rebuild elsewhere (node
  // esbuild.mjs empties dist/) must not pull the server out from under a running bench.
  // The bundles are self-contained (everything but `vscode` is bundled in).
  const copyBundle = (from: string, name: string) => {
    const to = join(w.root, 'bin', name);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    return to;
  };
  const serverRun = runOurs && haveOurs ? copyBundle(ourBundle, 'server.js') : ourBundle;
  // dist/server.js starts dist/server-main.js, which sits beside it.
  const mainBundle = join(dirname(ourBundle), 'server-main.js');
  if (runOurs && haveOurs && existsSync(mainBundle)) copyBundle(mainBundle, 'server-main.js');
  const cliRun = runOurs && haveCli ? copyBundle(cliPath, 'cli.js') : cliPath;
  const results: Results = {
    meta: {
      node: process.version,
      cpu: `${cpus()[0]?.model ?? '?'} x${cpus().length}`,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      platform: process.platform,
      mode: args.quick ? 'quick' : 'full',
      repetitions: R,
      folder: w.root,
      kept: args.keep,
      schema: w.schemaSource,
      documents: w.docs.map((d) => ({ id: d.id, bytes: d.bytes, typos: d.typos, path: d.path })),
      corpus: w.corpus ? { files: w.corpus.files, bytes: w.corpus.bytes } : null,
    },
    budget: [],
    ratios: [],
    notes,
  };
  if (process.platform !== 'linux') notes.push('peak memory is read from /proc and is only measured on Linux');
  const load = loadavg()[0];
  results.meta.loadAverage = Math.round(load * 100) / 100;
  if (load > cpus().length * 0.5) notes.push(`the machine was busy when the bench started (load average ${load.toFixed(2)} on ${cpus().length} CPUs): timings are noisy`);
  // The floor under every cold start: how long Node.js takes to run an empty script here, now.
  results.meta.nodeStartMs = { before: await nodeStartMs(serverEnvironment()) };

  try {
    if (runOurs) {
      if (!haveOurs) {
        results.ours = { server: ourBundle, docs: [], skipped: `${ourBundle} not found (run node esbuild.mjs)` };
        notes.push(`our server was not measured: ${ourBundle} not found`);
      } else {
        const spec = ourServer(serverRun);
        results.ours = { server: ourBundle, docs: [] };
        for (const doc of w.docs) {
          if (timeLeft() < 0) {
            notes.push(`ours ${doc.id}: skipped, out of time`);
            continue;
          }
          log(`ours: ${doc.title}`);
          results.ours.docs.push(await measureDoc(spec, w, doc, repoRoot, haveCli ? cliRun : undefined));
        }
        if (args.cli) {
          if (!haveCli) notes.push(`CLI throughput not measured: ${cliPath} not found`);
          else if (timeLeft() < -30_000) notes.push('CLI throughput skipped, out of time');
          else {
            log(`CLI on ${w.corpus!.files} files`);
            results.ours.cli = await measureCli(cliRun, w, repoRoot);
          }
        }
      }
    }
    if (runPeer) {
      if (!existsSync(peerBin)) {
        results.peer = { server: peerBin, docs: [], skipped: 'yaml-language-server not installed' };
        notes.push('yaml-language-server not installed (npm install)');
      } else {
        const spec = peerServer(repoRoot, w);
        const doc = w.docs.find((d) => d.id === w.sharedDocId)!;
        log(`yaml-language-server: ${doc.title}`);
        results.peer = { server: `yaml-language-server ${peerVersion(repoRoot)}`, docs: [await measureDoc(spec, w, doc, repoRoot, undefined)] };
      }
    }
  } finally {
    killAllServers();
    if (!args.keep) rmSync(w.root, { recursive: true, force: true });
  }

  (results.meta.nodeStartMs as { after?: number | null }).after = await nodeStartMs(serverEnvironment());
  const ours = results.ours?.docs ?? [];
  results.budget = budgetChecks(ours);
  results.ratios = ratios(ours.find((d) => d.doc === w.sharedDocId), results.peer?.docs[0]);
  results.meta.seconds = Math.round((performance.now() - started) / 100) / 10;

  if (args.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else process.stdout.write(render(results) + '\n');
  const failed = results.budget.some((b) => b.pass === false);
  return args.strict && failed ? 1 : 0;
}

function peerVersion(repoRoot: string): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

main().then(
  (code) => {
    killAllServers();
    process.exit(code);
  },
  (e: unknown) => {
    killAllServers();
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  },
);
