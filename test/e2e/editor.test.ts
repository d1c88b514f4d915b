// The packaged extension in a real editor (code-server in headless Chromium), for what only the
// screen shows: the status bar only on documents about the framework, Go to Definition (F12)
// into the read-only framework view, and Insert skills for a role level into a YAML pathway.
// Saves test/e2e/screenshots/go-to-definition.png and insert-yaml-pathway.png.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeWorkbench, mod, openFile as openWorkbenchFile, openWorkbench, screenshotIfFailed, screenshots, type Workbench } from './workbench';

describe('Skill Lens in code-server: status bar, go to definition, insert into YAML (UI)', function () {
  this.timeout(120_000);
  let bench: Workbench | undefined;
  let page: Page;

  before(async function () {
    this.timeout(180_000);
    bench = await openWorkbench('editor');
    page = bench.page;
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, page, 'failed');
  });

  after(async () => {
    await closeWorkbench(bench);
  });

  const openFile = (name: string) => openWorkbenchFile(page, name);

  async function runCommand(title: string): Promise<void> {
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${mod}+Shift+P`);
    const input = page.locator('.quick-input-widget input');
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  const status = () => page.locator('.statusbar-item', { hasText: 'DDaT' });
  const editorLine = (text: string) => page.locator('.editor-instance .monaco-editor .view-line', { hasText: text }).first();

  it('shows the status bar item on an advert and not on notes', async () => {
    await openFile('platform-engineer-advert.md');
    await status().first().waitFor({ state: 'visible', timeout: 30_000 });
    await openFile('shopping-list.md');
    // The server checks the notes and says they are not about the framework: the item goes.
    await status().first().waitFor({ state: 'hidden', timeout: 20_000 });
    await page.screenshot({ path: join(screenshots, 'status-bar-notes.png') });
    // Nor on notes with one skill and a level word in prose (`Testing: practitioner-level
    // pairing`): after the advert shows it, the notes hide it, and warn of nothing.
    await openFile('platform-engineer-advert.md');
    await status().first().waitFor({ state: 'visible', timeout: 20_000 });
    await openFile('sprint-notes.md');
    // Checked once **Communication** is marked (a hint; a warning when the notes were taken for
    // a document about skills); the server says what the document is about with its findings.
    await page.locator('.editor-instance .monaco-editor').locator('.squiggly-hint, .squiggly-warning').first().waitFor({ state: 'attached', timeout: 20_000 });
    assert.equal(await page.locator('.editor-instance .monaco-editor .squiggly-warning, .editor-instance .monaco-editor .squiggly-error').count(), 0, 'no warning on **Communication**');
    assert.equal(await status().first().isVisible(), false, 'no status bar item on the notes');
    await page.screenshot({ path: join(screenshots, 'status-bar-sprint-notes.png') });
    await openFile('platform-engineer-advert.md');
    await status().first().waitFor({ state: 'visible', timeout: 20_000 });
  });

  it('goes to a skill’s definition in a read-only framework view (F12)', async () => {
    await openFile('platform-engineer-advert.md');
    const span = editorLine('Information security** (working)').locator('span span', { hasText: 'Information' }).first();
    const box = await span.boundingBox();
    assert.ok(box, 'the skill name is on screen');
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
    await page.keyboard.press('F12');
    const tab = page.locator('.tabs-container .tab.active', { hasText: 'DDaT framework.md' });
    await tab.waitFor({ timeout: 20_000 });
    await editorLine('## Information security').waitFor({ timeout: 20_000 });
    // Read-only: typing is refused, with the editor's own message.
    await page.keyboard.type('x');
    await page.locator('.monaco-editor-overlaymessage, .notifications-toasts', { hasText: /read-only/i }).first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, 'go-to-definition.png') });
    assert.equal(await page.locator('.tabs-container .tab.active.dirty').count(), 0, 'the view is not edited');
    // Never checked: the Problems panel has nothing for it.
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${mod}+Shift+M`);
    await page.locator('.markers-panel').first().waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: 'DDaT framework.md' }).count(), 0);
    await page.keyboard.press(`${mod}+Shift+M`);
  });

  it('shows its README with the screenshots on its page in the extensions view', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${mod}+Shift+X`);
    const search = page.locator('.extensions-viewlet .suggest-input-container .monaco-editor').first();
    await search.waitFor({ timeout: 30_000 });
    await search.click();
    await page.keyboard.type('@installed skill lens', { delay: 20 });
    const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Skill Lens' }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await page.locator('.tabs-container .tab.active', { hasText: 'Skill Lens' }).waitFor({ timeout: 20_000 });
    const readme = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await readme.locator('h2', { hasText: 'Silencing a finding' }).waitFor({ timeout: 30_000 });
    const images = readme.locator('img');
    await images.first().waitFor({ timeout: 20_000 });
    // Decoded before they are measured.
    await page.waitForTimeout(1000);
    // Every screenshot is loaded from the packaged extension, none broken.
    const loaded = await images.evaluateAll((els) => els.map((e) => [(e as unknown as { alt: string }).alt.slice(0, 30), (e as unknown as { naturalWidth: number }).naturalWidth]));
    console.log(`      README images: ${loaded.map(([alt, w]) => `${alt}… ${w}px`).join(' | ')}`);
    assert.equal(loaded.length, 4, 'completion, hover, insert into a pathway, go to definition');
    for (const [alt, width] of loaded) assert.ok(Number(width) > 0, `${alt} is shown`);
    await readme.locator('h2', { hasText: 'Commands' }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(screenshots, 'extension-page.png') });
    await page.keyboard.press(`${mod}+W`);
  });

  it('offers the framework setting in the settings UI as text with the known frameworks described', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${mod}+,`);
    const search = page.locator('.settings-editor .suggest-input-container .monaco-editor').first();
    await search.waitFor({ timeout: 30_000 });
    await search.click();
    await page.keyboard.type('skillLens.framework', { delay: 20 });
    const item = page.locator('.settings-editor .setting-item', { hasText: 'The active skills framework' }).first();
    await item.waitFor({ timeout: 20_000 });
    const text = (await item.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /`?ddat`? \(the UK DDaT framework, embedded\)/i);
    assert.match(text, /one-skill SFIA sample/);
    // A text box, so a workspace framework's id can be typed; Choose framework lists them all.
    assert.equal(await item.locator('input.input, textarea, .setting-item-control input').count() > 0, true, 'the setting is edited in place');
    await item.locator('a', { hasText: 'Choose framework' }).first().waitFor();
    await page.screenshot({ path: join(screenshots, 'framework-setting.png') });
    await page.keyboard.press(`${mod}+W`);
  });

  it('inserts a role level’s skills into a YAML pathway as YAML topics', async () => {
    await openFile('cloud-pathway.yaml');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press(`${mod}+End`);
    await runCommand('Skill Lens: Insert skills for a role level');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Insert skills for a role level' }).waitFor({ timeout: 20_000 });
    await input.fill('senior infrastructure engineer');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Senior infrastructure engineer' }).first().waitFor();
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await editorLine('- name: Coding and scripting').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('.editor-instance .monaco-editor .view-line', { hasText: '**' }).count(), 0, 'no Markdown in the YAML');
    // Scrolled to show the new topics under the old one; the Problems panel has no YAML error.
    await page.keyboard.press(`${mod}+Shift+M`);
    await page.locator('.markers-panel').first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: 'yaml-syntax' }).count(), 0);
    await page.screenshot({ path: join(screenshots, 'insert-yaml-pathway.png') });
  });
});
