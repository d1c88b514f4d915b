// Runs `vsce package` (with the arguments given) on a copy of the project whose package.json has
// no "files", and writes skill-lens.vsix here. package.json's "files" says what the npm package
// holds (the CLI and the language server); .vscodeignore says what the extension holds; and vsce
// refuses to package a project that has both. The copy leaves out what vsce never packages here
// (node_modules, the tests' bundles, source maps), so it takes a moment.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = process.cwd();
const stage = mkdtempSync(join(tmpdir(), 'skill-lens-vsix-'));
const left = /^(node_modules|\.git|\.e2e|dist[\\/]test)([\\/]|$)|\.(vsix|map)$/;
let status = 1;
try {
  cpSync(root, stage, { recursive: true, filter: (source) => !left.test(relative(root, source)) });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const run = spawnSync(process.execPath, [vsce, 'package', ...process.argv.slice(2), '-o', resolve(root, 'skill-lens.vsix')], { cwd: stage, stdio: 'inherit' });
  status = run.status ?? 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
process.exitCode = status;
