// The set-up every code-server UI test shares: a fresh profile with the packaged extension, a
// copy of the fixture workspace, code-server on it and Chromium showing the workbench; Quick Open
// that survives a key press landing in a webview; a picture of the editor when a test fails.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { installVsix, launchBrowser, prepareProfile, root, startCodeServer, type Profile, type RunningCodeServer } from './codeServer';

export const screenshots = join(root, 'test/e2e/screenshots');
export const vsix = join(root, 'skill-lens.vsix');
export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

export interface Workbench {
  profile: Profile;
  workspace: string;
  server: RunningCodeServer;
  browser: BrowserContext;
  page: Page;
}

/**
 * Opens the workbench on a copy of test/e2e/fixtures/workspace (`prepare` may add files to it)
 * and waits until the explorer lists the workspace, which it does once the workbench restored.
 */
export async function openWorkbench(name: string, prepare?: (workspace: string) => void): Promise<Workbench> {
  assert.ok(existsSync(vsix), `${vsix} exists (npm run package)`);
  const run = mkdtempSync(join(tmpdir(), `skill-lens-${name}-`));
  const profile = { run, userDir: join(run, 'user'), extDir: join(run, 'ext') };
  prepareProfile(profile);
  installVsix(profile, vsix);
  const workspace = join(run, 'workspace');
  cpSync(join(root, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
  prepare?.(workspace);
  mkdirSync(screenshots, { recursive: true });
  const server = await startCodeServer(profile, workspace);
  const browser = await launchBrowser(profile);
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  return { profile, workspace, server, browser, page };
}

/** Closes the browser and code-server and removes the run's folder (E2E_KEEP keeps it). */
export async function closeWorkbench(bench: Workbench | undefined): Promise<void> {
  if (!bench) return;
  await bench.browser.close().catch(() => undefined);
  await bench.server.stop();
  if (!process.env.E2E_KEEP) rmSync(bench.profile.run, { recursive: true, force: true });
}

/** A failed test leaves a picture of what the editor showed. */
export async function screenshotIfFailed(test: Mocha.Test | undefined, page: Page | undefined, prefix = 'failed'): Promise<void> {
  if (test?.state !== 'failed' || !page) return;
  await page.screenshot({ path: join(screenshots, `${prefix}-${test.title.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
}

/** Opens a workspace file by name: its tab when it is open, else through Quick Open. */
export async function openFile(page: Page, name: string): Promise<void> {
  // Open already: its tab. (Quick Open lists recent files first, and Enter could take one of them.)
  const tab = page.locator('.tabs-container .tab', { hasText: name }).first();
  if (await tab.count()) {
    await tab.click();
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
    return;
  }
  const input = page.locator('.quick-input-widget input');
  // A key press can land in a webview's frame, not the workbench, and then Quick Open never
  // shows: once it has not within a few seconds, give the workbench the focus and press again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(`${mod}+P`);
    try {
      await input.waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : 30_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
      await page.locator('.monaco-workbench').focus();
    }
  }
  await input.fill(name);
  // The list filtered to the name: its first row is the file.
  await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: name }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}
