// Completion while typing, in the packaged extension in a real editor (code-server in headless
// Chromium), keystroke by keystroke as a writer types: a skill in a table row (`| Trou`, then
// accept), a level after `Level: ` and a grade after `grade: ` in front matter, where the list
// must stay open after the space. Saves test/e2e/screenshots/table-completion.png.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeWorkbench, openFile as openWorkbenchFile, openWorkbench, screenshotIfFailed, screenshots, type Workbench } from './workbench';

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
  let bench: Workbench | undefined;
  let page: Page;

  before(async function () {
    this.timeout(180_000);
    bench = await openWorkbench('typing', (workspace) => writeFileSync(join(workspace, 'adverts', 'typing-advert.md'), ADVERT));
    page = bench.page;
    await openFile('typing-advert.md');
    // The server has checked the file once the status bar names the framework.
    await page.locator('.statusbar-item', { hasText: 'DDaT' }).first().waitFor({ timeout: 30_000 });
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, page, 'failed-typing');
  });

  after(async () => {
    await closeWorkbench(bench);
  });

  const openFile = (name: string) => openWorkbenchFile(page, name);

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
