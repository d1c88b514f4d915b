// Completion while typing, in the packaged extension in a real editor (code-server in headless
// Chromium), keystroke by keystroke as a writer types: a skill in a table row (`| Trou`, then
// accept), a level after `Level: ` and a grade after `grade: ` in front matter, where the list
// must stay open after the space. Saves test/e2e/screenshots/table-completion.png.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { installVsix, launchBrowser, prepareProfile, root, startCodeServer, type Profile, type RunningCodeServer } from './codeServer';

const screenshots = join(root, 'test/e2e/screenshots');
const vsix = join(root, 'skill-lens.vsix');
const isMac = process.platform === 'darwin';

const ADVERT = [
  '---',
  'kind: job-advert',
  'role: Senior infrastructure engineer',
  '---',
  '',
  '# Senior infrastructure engineer',
  '',
  '## Skills',
  '',
  '| Skill | Level |',
  '| --- | --- |',
  '| IT infrastructure | practitioner |',
  '',
].join('\n');

describe('Skill Lens in code-server: completion while typing (UI)', function () {
  this.timeout(120_000);
  let profile: Profile;
  let server: RunningCodeServer | undefined;
  let browser: BrowserContext | undefined;
  let page: Page;

  before(async function () {
    this.timeout(180_000);
    assert.ok(existsSync(vsix), `${vsix} exists (npm run package)`);
    const run = mkdtempSync(join(tmpdir(), 'skill-lens-typing-'));
    profile = { run, userDir: join(run, 'user'), extDir: join(run, 'ext') };
    prepareProfile(profile);
    installVsix(profile, vsix);
    const workspace = join(run, 'workspace');
    cpSync(join(root, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
    writeFileSync(join(workspace, 'adverts', 'typing-advert.md'), ADVERT);
    mkdirSync(screenshots, { recursive: true });
    server = await startCodeServer(profile, workspace);
    browser = await launchBrowser(profile);
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    await openFile('typing-advert.md');
    // The server has checked the file once the status bar names the framework.
    await page.locator('.statusbar-item', { hasText: 'DDaT' }).first().waitFor({ timeout: 30_000 });
  });

  afterEach(async function () {
    const t = this.currentTest;
    if (t?.state === 'failed' && page) {
      await page.screenshot({ path: join(screenshots, `failed-typing-${t.title.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (profile && !process.env.E2E_KEEP) rmSync(profile.run, { recursive: true, force: true });
  });

  async function openFile(name: string): Promise<void> {
    const input = page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press(isMac ? 'Meta+P' : 'Control+P');
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
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  const suggestRows = () => page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
  const rowLabels = () => suggestRows().evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
  /** The editor's text of the last line that shows `text`, as shown. */
  async function lineWith(text: string): Promise<string> {
    const line = page.locator('.editor-instance .monaco-editor .view-line', { hasText: text }).last();
    await line.waitFor();
    return ((await line.textContent()) ?? '').replace(/\u00a0/g, ' ');
  }
  /** Types as a person does: one key at a time, with the pause of a quick typist. */
  const type = (text: string) => page.keyboard.type(text, { delay: 120 });

  it('completes `| Trou` in a table row and keeps the cell space when accepted', async () => {
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await type('| Trou');
    const first = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
    await first.waitFor({ timeout: 20_000 });
    await page.waitForTimeout(400); // the list as the writer sees it, settled
    const labels = await rowLabels();
    console.log(`      suggest rows: ${labels.slice(0, 4).join(' | ')}`);
    assert.match((await first.getAttribute('aria-label')) ?? '', /^Troubleshooting and problem resolution/, `the focused row (rows: ${labels.slice(0, 4).join(' | ')})`);
    await page.screenshot({ path: join(screenshots, 'table-completion.png') });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(await lineWith('Troubleshooting'), '| Troubleshooting and problem resolution');
  });

  it('keeps the level list open after `Level: ` and accepts a level', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await type(' | working |');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await type('Information security');
    await page.keyboard.press('Escape'); // a list of names the space in the name opened
    await page.keyboard.press('Enter');
    await type('Level: ');
    await suggestRows().first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(400);
    const labels = await rowLabels();
    console.log(`      after "Level: ": ${labels.join(' | ')}`);
    assert.ok(labels.some((l) => /^practitioner/.test(l)), `levels offered after the space: ${labels.join(' | ')}`);
    await type('pra');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(await lineWith('Level:'), 'Level: practitioner');
  });

  it('keeps the grade list open after `grade: ` in front matter', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await type('grade: ');
    await suggestRows().first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(400);
    const labels = await rowLabels();
    console.log(`      after "grade: ": ${labels.slice(0, 4).join(' | ')}`);
    assert.match(labels[0] ?? '', /^SEO/, 'the role’s grade first');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(await lineWith('grade:'), 'grade: SEO');
  });
});
