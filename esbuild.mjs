// Builds everything into dist/: the bundled server, CLI and extension client (what ships),
// plus the importer, tests and bench (what developers run). `--production` minifies the
// shipped bundles for the .vsix.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--tools` builds only the importer, so `npm run import` never depends on the server building.
const toolsOnly = process.argv.includes('--tools');

const shipped = [
  // dist/server.js starts dist/server-main.js from V8's code cache (start.ts).
  { in: 'server/src/start.ts', out: 'server' },
  { in: 'server/src/server.ts', out: 'server-main' },
  { in: 'server/src/cli.ts', out: 'cli' },
  { in: 'client/src/extension.ts', out: 'extension' },
].filter((e) => existsSync(e.in));

const devEntries = [
  { in: 'server/src/framework/importers/run.ts', out: 'import' },
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
};

if (!watch && !toolsOnly) rmSync('dist', { recursive: true, force: true });

const builds = toolsOnly
  ? [{ ...common, entryPoints: [{ in: 'server/src/framework/importers/run.ts', out: 'import' }], outdir: 'dist', packages: 'external' }]
  : [
  {
    ...common,
    entryPoints: shipped,
    outdir: 'dist',
    external: ['vscode'],
    minify: production,
    sourcemap: production ? 'external' : true,
  },
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
  for (const e of toolsOnly ? [] : shipped) {
    const file = join('dist', `${e.out}.js`);
    const at = readFileSync(file, 'latin1').search(/[^\x00-\x7f]/);
    if (at >= 0) throw new Error(`${file} has a non-ASCII character at offset ${at} (from ${e.in}?): write it as a \\u escape`);
  }
}
