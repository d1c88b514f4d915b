// Runs the extension-host tests (suite/) through @vscode/test-electron's runTests. Desktop
// VS Code cannot be downloaded here, so by default it launches code-server-shim, which takes
// the same arguments; E2E_DESKTOP=1 uses a downloaded VS Code instead, with the same suite.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// This file runs as dist/test/e2e/runExtensionTests.js.
const root = resolve(__dirname, '../../..');

async function main(): Promise<number> {
  // A fresh copy of the fixture workspace per run: tests edit and check files in it.
  const run = mkdtempSync(join(tmpdir(), 'skill-lens-ext-tests-'));
  const workspace = join(run, 'workspace');
  cpSync(join(root, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath: process.env.E2E_DESKTOP ? undefined : join(root, 'test/e2e/code-server-shim'),
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'dist/test/e2e/suite/index.js'),
      launchArgs: [workspace, `--user-data-dir=${join(run, 'user')}`, `--extensions-dir=${join(run, 'ext')}`],
      extensionTestsEnv: { SKILL_LENS_E2E_WORKSPACE: workspace },
    });
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return 1;
  } finally {
    rmSync(run, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
