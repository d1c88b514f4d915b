#!/usr/bin/env node
// dist/server.js, what editors launch: sets the server's memory policy, then runs the language
// server bundle (server-main.js) from V8's code cache when this Node.js has made one for this
// bundle before. Compiling half a megabyte of JavaScript is a third of the server's start-up;
// Node 22 caches it itself (module.enableCompileCache), but the server also runs on Node 20 and
// on the Node.js inside VS Code. The cache lives in the user's cache folder, is keyed by the
// bundle's content and the runtime, and is written once, when a server that had none exits.
//
// The start-up tricks, all here or in boot/ (measured on a 2-core machine under heavy load, so
// only large differences count: test/bench/tricks.sh for the bench rows, medians of alternating
// runs; spawn to initialize answered, medians of 12 alternating starts):
//
// | trick                                   | what it saves                                  | to turn it off                   |
// |-----------------------------------------|------------------------------------------------|----------------------------------|
// | code cache, keyed by the bundle's hash  | spawn to initialize: 724 ms with, 951 without  | SKILL_LENS_CODE_CACHE=off        |
// |   written into the bundle by the build  |   (bench cold-start rows: within the noise)    |                                  |
// | V8 flags set at start (young generation | peak memory: advert 1 MB 89 MB with, 143 MB    | SKILL_LENS_V8_FLAGS=off          |
// |   kept small, old one collected sooner) |   without; pathway 500 KB 75-77 MB vs 111 MB   |                                  |
// | build-time rewriting of library         | spawn to initialize: 724 ms with, 845 without  | SKILL_LENS_LAZY_REQUIRES=off     |
// |   requires (esbuild.mjs lazyRequires)   |   (bench cold-start rows: within the noise)    |   when building                  |
// | string interning by slicing             | peak memory: advert 1 MB 89 MB with, 97 MB     | SKILL_LENS_INTERN=off            |
// |   (boot/intern.ts)                      |   without (2 runs each; it also keeps old      |                                  |
// |                                         |   versions of a document from staying alive)   |                                  |
//
// Each saves more than the noise of these measurements, so all four stay.
import { isAscii } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// The server keeps under 15 MB of live objects, but V8 would let its young generation grow to
// 32 MB while a large document is parsed, and its old generation reach four times what is live
// before collecting it: each re-check of a 1 MB advert leaves some 7 MB behind. Keeping the young
// generation at its starting size and collecting the old one once it is half as large again as
// what survived costs a few more, short collections (2 to 6 ms here) and keeps the resident set
// within budget.
if (process.env.SKILL_LENS_V8_FLAGS !== 'off') {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=50');
}

// The bundle's SHA-1, written here by the build (esbuild.mjs) so that starting needs neither
// node:crypto (3 ms to load) nor a pass over the bundle; a build that did not write it (watch
// mode) leaves this text, and the bundle is hashed at start.
const BUILT_BUNDLE_HASH = 'bundle hash: written by esbuild.mjs.....';

const main = join(__dirname, 'server-main.js');
const { script, cacheFile, saveCache } = compile(main);
if (cacheFile && saveCache) process.once('exit', () => saveCodeCache(cacheFile));

/** The bundle compiled, from the code cache when there is one (the buffers are not kept). */
function compile(file: string): { script: Script; cacheFile?: string; saveCache: boolean } {
  const bytes = readFileSync(file);
  // The build keeps the bundle ASCII (esbuild.mjs checks), so it needs no UTF-8 decoding.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const cacheDir = codeCacheFolder();
  // The modification time too: a bundle changed after the build keeps the hash written into it.
  const cacheFile = cacheDir && join(cacheDir, `server-${bundleHash(bytes)}-${Math.round(statSync(file).mtimeMs)}-${process.version}-${process.arch}.v8`);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // First start with this bundle: compile, and leave a cache on exit.
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  return { script, cacheFile, saveCache: !!cacheFile && (!cachedData || !!script.cachedDataRejected) };
}

const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
const mod = { exports: {}, filename: main, id: main, loaded: false };
run.call(mod.exports, mod.exports, createRequire(main), mod, main, dirname(main));

function bundleHash(bytes: Buffer): string {
  if (/^[0-9a-f]{40}$/.test(BUILT_BUNDLE_HASH)) return BUILT_BUNDLE_HASH;
  return (require('node:crypto') as typeof import('node:crypto')).createHash('sha1').update(bytes).digest('hex');
}

/** The per-user cache folder, or undefined when SKILL_LENS_CODE_CACHE=off. */
function codeCacheFolder(): string | undefined {
  const setting = process.env.SKILL_LENS_CODE_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  if (setting) return setting;
  const base =
    process.platform === 'win32'
      ? process.env.LOCALAPPDATA
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Caches')
        : process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return base ? join(base, 'skill-lens') : undefined;
}

/** Writes the cache (functions compiled during this run included); drops caches unused for a month. */
function saveCodeCache(file: string): void {
  try {
    const folder = dirname(file);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, file);
    const monthAgo = Date.now() - 30 * 24 * 3600 * 1000;
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (/^server-[0-9a-f]{40}.*\.v8$/.test(name) && statSync(path).atimeMs < monthAgo) rmSync(path, { force: true });
    }
  } catch {
    // A read-only or full disk only means the next start compiles again.
  }
}
