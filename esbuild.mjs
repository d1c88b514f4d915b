// Builds everything into dist/: the bundled server, CLI and extension client (what ships),
// plus the importer, tests and bench (what developers run). `--production` minifies the
// shipped bundles for the .vsix.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--tools` builds only the importer, so `npm run import` never depends on the server building.
const toolsOnly = process.argv.includes('--tools');

const shipped = [
  // dist/server.js starts dist/server-main.js from V8's code cache (server/src/boot/start.ts).
  { in: 'server/src/boot/start.ts', out: 'server' },
  { in: 'server/src/serverMain.ts', out: 'server-main' },
  // Reads and checks framework files off the server's main thread (server/src/lsp/frameworkFiles.ts).
  { in: 'server/src/framework/fileWorker.ts', out: 'framework-worker' },
  { in: 'server/src/cli.ts', out: 'cli' },
  { in: 'client/src/extension.ts', out: 'extension' },
].filter((e) => existsSync(e.in));

// The browser entry (package.json `browser`, VS Code for the web): the extension in the web
// worker extension host, and the same server in a web worker of its own. Built for the browser,
// where no Node module exists: the build fails if either pulls one in (noNodeModules).
const browserShipped = [
  { in: 'client/src/browserExtension.ts', out: 'browser-extension', format: 'cjs' },
  { in: 'server/src/browserServerMain.ts', out: 'browser-server', format: 'iife' },
  // Reads and checks framework files off the browser server's thread (browserServerMain.ts).
  { in: 'server/src/framework/browserFileWorker.ts', out: 'browser-framework-worker', format: 'iife' },
].filter((e) => existsSync(e.in));
// The browser test's file system: a web extension of its own (test/e2e/web.test.ts).
const browserTest = [{ in: 'test/e2e/fixtures/web-fs/extension.ts', out: 'test/e2e/web-fs/extension', format: 'cjs' }].filter((e) => existsSync(e.in));

const devEntries = [
  { in: 'server/importers/run.ts', out: 'import' },
  ...listTs('test').map((f) => ({ in: f, out: f.replace(/\.ts$/, '') })),
].filter((e) => existsSync(e.in));

function listTs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.includes('node_modules') && !f.includes('/fixtures/'));
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.json': 'json' },
  plugins: [lazyRequires()],
};

/**
 * Node modules that the language server's libraries load at start for transports and helpers
 * the server does not use at start (random pipe names, global module lookup): required on first
 * use instead, which takes 5 ms off every start. The build fails if a library upgrade moves the
 * line, rather than silently loading them again.
 */
function lazyRequires() {
  const rewrites = [
    {
      file: /vscode-jsonrpc[\\/]lib[\\/]node[\\/]main\.js$/,
      from: 'const crypto_1 = require("crypto");',
      to: 'const crypto_1 = { get randomBytes() { return require("crypto").randomBytes; } };',
    },
    {
      file: /vscode-languageserver[\\/]lib[\\/]node[\\/]files\.js$/,
      from: 'const child_process_1 = require("child_process");',
      to: 'const child_process_1 = { get fork() { return require("child_process").fork; }, get spawnSync() { return require("child_process").spawnSync; } };',
    },
  ];
  return {
    name: 'lazy-requires',
    setup(build) {
      // SKILL_LENS_LAZY_REQUIRES=off builds without the rewrites (to measure them: boot/start.ts).
      if (process.env.SKILL_LENS_LAZY_REQUIRES === 'off') return;
      for (const r of rewrites) {
        build.onLoad({ filter: r.file }, (args) => {
          const source = readFileSync(args.path, 'utf8');
          if (!source.includes(r.from)) throw new Error(`${args.path} no longer has ${r.from}: update lazyRequires in esbuild.mjs`);
          return { contents: source.replace(r.from, r.to), loader: 'js' };
        });
      }
    },
  };
}

/**
 * Fails a browser build that imports a Node module (`fs`, `node:url`, `worker_threads`, ...),
 * naming the module and the file that imports it. esbuild alone stops only at an import it
 * cannot resolve: a `require` inside a `try`, or a package's `browser` field that maps the
 * module away, would get through and fail (or do nothing) only when the code runs.
 */
function noNodeModules() {
  const names = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/.]/g, '\\$&'));
  const filter = new RegExp(`^(node:.*|(${names.join('|')})(/.*)?)$`);
  return {
    name: 'no-node-modules',
    setup(build) {
      build.onResolve({ filter }, (args) => ({
        errors: [{ text: `${args.path} is a Node module: the browser build cannot use it (imported by ${relative(process.cwd(), args.importer)})` }],
      }));
    },
  };
}

if (!watch && !toolsOnly) rmSync('dist', { recursive: true, force: true });

const builds = toolsOnly
  ? [{ ...common, entryPoints: [{ in: 'server/importers/run.ts', out: 'import' }], outdir: 'dist', packages: 'external' }]
  : [
  {
    ...common,
    entryPoints: shipped,
    outdir: 'dist',
    external: ['vscode'],
    minify: production,
    sourcemap: production ? 'external' : true,
  },
  ...[...browserShipped, ...browserTest].map((e) => ({
    ...common,
    entryPoints: [{ in: e.in, out: e.out }],
    outdir: 'dist',
    platform: 'browser',
    target: 'es2022',
    format: e.format,
    external: ['vscode'],
    plugins: [noNodeModules()],
    minify: production,
    sourcemap: production ? 'external' : true,
  })),
  {
    ...common,
    entryPoints: devEntries,
    outdir: 'dist',
    // Tests and tools load packages from node_modules; the project's own code is bundled in.
    packages: 'external',
  },
  ];

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  // Node reads an ASCII bundle as a one-byte string: half the memory and a faster start. esbuild
  // escapes non-ASCII in strings but not in regular expressions; write those as \u escapes.
  for (const e of toolsOnly ? [] : [...shipped, ...browserShipped]) {
    const file = join('dist', `${e.out}.js`);
    const at = readFileSync(file, 'latin1').search(/[^\x00-\x7f]/);
    if (at >= 0) throw new Error(`${file} has a non-ASCII character at offset ${at} (from ${e.in}?): write it as a \\u escape`);
  }
  // dist/server.js keys its code cache by the server bundle's hash: written in at build time
  // (the placeholder has the hash's length, so the source map still lines up).
  if (!toolsOnly && existsSync('dist/server.js')) {
    const placeholder = 'bundle hash: written by esbuild.mjs.....';
    const starter = readFileSync('dist/server.js', 'latin1');
    if (!starter.includes(placeholder)) throw new Error('dist/server.js has no bundle hash placeholder (server/src/boot/start.ts)');
    const hash = createHash('sha1').update(readFileSync('dist/server-main.js')).digest('hex');
    writeFileSync('dist/server.js', starter.replace(placeholder, hash), 'latin1');
  }
}
