// The packaged extension (.vsix) in a real editor UI: code-server in headless Chromium. Types
// in an advert, reads the suggest widget, hovers a skill, shows a skill from the palette and
// sees a squiggle, saving screenshots under test/e2e/screenshots/ (E2E_UPDATE_DOCS=1 copies
// the completion and hover ones to docs/).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { root, type Profile } from './codeServer';
import { closeWorkbench, openFile as openWorkbenchFile, openWorkbench, screenshotIfFailed, screenshots, type Workbench } from './workbench';

const isMac = process.platform === 'darwin';
const TOOLS_ADVERT = '---\nkind: job-advert\n---\n\n# Cloud engineer\n\n## Skills\n\n- **Kubernetes** (expert)\n- **Terraform** (expert)\n';
// Exists in the page, where Locator.evaluate runs its function (the project has no DOM typings).
declare function getComputedStyle(e: unknown): { color: string };

describe('Skill Lens in code-server (UI)', function () {
  this.timeout(120_000);
  let bench: Workbench | undefined;
  let page: Page;
  let profile: Profile;

  before(async function () {
    this.timeout(180_000);
    bench = await openWorkbench('ui', (workspace) => writeFileSync(join(workspace, 'adverts', 'cloud-tools-advert.md'), TOOLS_ADVERT));
    page = bench.page;
    ({ profile } = bench);
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, page, 'failed');
  });

  after(async () => {
    // The pictures in docs/ are refreshed on request, so a test run leaves the tree clean.
    if (process.env.E2E_UPDATE_DOCS) {
      mkdirSync(join(root, 'docs'), { recursive: true });
      for (const name of ['completion.png', 'hover.png']) {
        if (existsSync(join(screenshots, name))) copyFileSync(join(screenshots, name), join(root, 'docs', name));
      }
    }
    await closeWorkbench(bench);
  });

  const openFile = (name: string) => openWorkbenchFile(page, name);

  it('installed the packaged extension', () => {
    const dirs = readdirSync(profile.extDir);
    assert.ok(dirs.some((d) => d.startsWith('skill-lens.skill-lens-')), `extensions: ${dirs.join(', ')}`);
  });

  it('completes a skill name in a Markdown advert', async () => {
    await openFile('platform-engineer-advert.md');
    // The server has checked the file once the status bar names the framework and role; until
    // then the editor offers only its own word completions.
    const started = Date.now();
    await page.locator('.statusbar-item', { hasText: 'DDaT' }).first().waitFor({ timeout: 30_000 });
    console.log(`      server ready ${Date.now() - started} ms after the file opened`);
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('- **Informa', { delay: 20 });
    await page.keyboard.press('Escape'); // a widget a trigger character opened; ask afresh
    await page.keyboard.press('Control+Space');
    const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
    await rows.first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300); // let the list settle before reading and shooting
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    console.log(`      suggest rows: ${labels.slice(0, 5).join(' | ')}`);
    assert.ok(labels.length > 0, 'the suggest widget has rows');
    assert.match(labels[0], /Information security/, 'the best match is first');
    await page.screenshot({ path: join(screenshots, 'completion.png') });
  });

  it('accepts the completion into the text', async () => {
    await page.keyboard.press('Enter');
    const line = page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Information security' }).last();
    await line.waitFor();
    const text = (await line.textContent())?.replace(/\u00a0/g, ' ') ?? '';
    assert.match(text, /- \*\*Information security/);
    assert.doesNotMatch(text, /Informa(?!tion)/);
  });

  it('highlights skill levels (injection grammar)', async () => {
    const colourOf = (l: Locator): Promise<string> => l.evaluate((e) => getComputedStyle(e).color);
    const editorLine = (text: string) => page.locator('.editor-instance .monaco-editor .view-line', { hasText: text }).first();
    const level = await colourOf(editorLine('Information security** (working)').locator('span span', { hasText: 'working' }).last());
    const plain = await colourOf(editorLine('We run the department').locator('span span').first());
    assert.notEqual(level, plain, `the level is coloured unlike body text (${level} vs ${plain})`);
  });

  it('explains a skill on hover', async () => {
    await page.keyboard.press('Escape');
    // The "**Information security** (working)" line of the fixture.
    const line = page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Information security** (working)' }).first();
    const span = line.locator('span span', { hasText: 'Information' }).first();
    const box = await span.boundingBox();
    assert.ok(box, 'the skill name is on screen');
    // Into the middle of the name: the `**` around it are not part of the skill.
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForTimeout(300);
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    console.log(`      hover: ${text.slice(0, 120)}…`);
    assert.match(text, /Information security/);
    assert.match(text, /confidentiality and integrity/i, 'the framework description is shown');
    await page.screenshot({ path: join(screenshots, 'hover.png') });
  });

  it('shows a skill from the command palette, rendered', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press(isMac ? 'Meta+Shift+P' : 'Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Skill Lens: Show skill');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Skill Lens: Show skill' }).first().waitFor();
    await page.keyboard.press('Enter');
    // The second quick pick: the framework's skills.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Show skill' }).waitFor({ timeout: 20_000 });
    await input.fill('Information security');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Information security' }).first().waitFor();
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await preview.locator('h1', { hasText: 'Information security' }).waitFor({ timeout: 20_000 });
    const body = (await preview.locator('body').innerText()).replace(/\s+/g, ' ');
    assert.match(body, /confidentiality and integrity/);
    assert.match(body, /Practitioner/);
    await page.screenshot({ path: join(screenshots, 'show-skill.png') });
    // Another Markdown document made active leaves the view as it was.
    await keepsItsContent('Information security.md', preview.locator('h1', { hasText: 'Information security' }), 'show-skill-kept.png');
    // Closed with the mouse: the preview's frame has the keyboard focus.
    const tab = page.locator('.tabs-container .tab.active', { hasText: 'Information security' });
    await tab.hover();
    await tab.locator('.tab-actions .action-label').first().click();
    await tab.waitFor({ state: 'detached' });
  });

  it('picks role levels of any family from a list grouped by role, and compares them', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press(isMac ? 'Meta+Shift+P' : 'Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Skill Lens: Compare role levels');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Skill Lens: Compare role levels' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Compare role levels (1 of 2)' }).waitFor({ timeout: 20_000 });
    await input.fill('senior data engineer');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Senior data engineer' }).first().waitFor();
    // Each role level says which family and role it belongs to, and that no grade is given.
    await page.locator('.quick-input-list', { hasText: 'Data › Data engineer' }).first().waitFor();
    await page.locator('.quick-input-list', { hasText: 'grade not given' }).first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, 'role-picker.png') });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Compare Senior data engineer with' }).waitFor({ timeout: 20_000 });
    await input.fill('lead product manager');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Lead product manager' }).first().waitFor();
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await preview.locator('h1', { hasText: 'Senior data engineer → Lead product manager' }).waitFor({ timeout: 20_000 });
    const body = (await preview.locator('body').innerText()).replace(/\s+/g, ' ');
    assert.match(body, /Data › Data engineer, role level 2 of 4 → Product and delivery › Product manager, role level 4 of 5/);
    assert.match(body, /Data modelling practitioner — dropped/);
    await page.screenshot({ path: join(screenshots, 'compare-role-levels.png') });
    // Under the table, the chart of both role levels: an image the preview shows, not a broken one.
    const chart = preview.locator('img[src^="data:image/svg+xml"]').first();
    await chart.scrollIntoViewIfNeeded();
    const shown = await chart.evaluate((img) => {
      const i = img as unknown as { complete: boolean; naturalWidth: number; getBoundingClientRect(): { width: number; height: number } };
      const box = i.getBoundingClientRect();
      return { complete: i.complete, naturalWidth: i.naturalWidth, width: Math.round(box.width), height: Math.round(box.height) };
    });
    assert.ok(shown.complete && shown.naturalWidth > 0 && shown.height > 100, `chart image ${JSON.stringify(shown)}`);
    await page.screenshot({ path: join(screenshots, 'compare-chart.png') });
    await keepsItsContent('Senior data engineer vs Lead product manager.md', preview.locator('h1', { hasText: 'Senior data engineer → Lead product manager' }), 'compare-kept.png');
    const tab = page.locator('.tabs-container .tab.active', { hasText: 'Senior data engineer' });
    await tab.hover();
    await tab.locator('.tab-actions .action-label').first().click();
    await tab.waitFor({ state: 'detached' });
  });

  /**
   * Opens a Markdown document, then goes back to the view's tab: it still has its title and
   * shows `heading` (a preview that followed the active editor showed the document instead).
   */
  async function keepsItsContent(title: string, heading: Locator, picture: string): Promise<void> {
    await page.mouse.move(5, 5);
    await openFile('platform-engineer-advert.md');
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'We run the department' }).first().waitFor();
    // Time for a preview that follows the editor to follow it, before it is looked at again.
    await page.waitForTimeout(1500);
    const tab = page.locator('.tabs-container .tab', { hasText: title }).first();
    assert.equal(await page.locator('.tabs-container .tab', { hasText: 'Preview platform-engineer-advert.md' }).count(), 0, 'no view shows the advert');
    await tab.click();
    await page.locator('.tabs-container .tab.active', { hasText: `[Preview] ${title}` }).waitFor({ timeout: 10_000 });
    await heading.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, picture) });
  }

  it('underlines a level the framework does not have', async () => {
    await page.mouse.move(5, 5);
    await openFile('broken-level-advert.md');
    const squiggle = page.locator('.editor-instance .monaco-editor .squiggly-error, .editor-instance .monaco-editor .squiggly-warning');
    await squiggle.first().waitFor({ timeout: 20_000 });
    await page.keyboard.press(isMac ? 'Meta+Shift+M' : 'Control+Shift+M'); // Problems panel
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'wizard' }).first();
    await problem.waitFor({ timeout: 20_000 });
    assert.match((await problem.innerText()).replace(/\s+/g, ' '), /unknown-level/);
    await page.screenshot({ path: join(screenshots, 'diagnostics.png') });
  });
  it('"Ignore … in this workspace" used twice saves the ignore list each time, so the CLI ignores both words', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await openFile('cloud-tools-advert.md');
    const ignoreFile = join(bench!.workspace, '.skill-lens', 'ignore.yaml');
    for (const word of ['Kubernetes', 'Terraform']) {
      // The cursor on the word, once the server has underlined it; then the quick fixes (Ctrl+.).
      const squiggles = page.locator('.editor-instance .monaco-editor .squiggly-error');
      await squiggles.first().waitFor({ timeout: 30_000 });
      const span = page.locator('.editor-instance .monaco-editor .view-line', { hasText: `${word}** (expert)` }).first().locator('span span', { hasText: word }).first();
      const box = await span.boundingBox();
      assert.ok(box, `${word} is on screen`);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.press(`${isMac ? 'Meta' : 'Control'}+.`);
      const title = `Ignore "${word}" in this workspace`;
      await page.locator('.action-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 20_000 });
      // Chosen with the keyboard, as the widget keeps the mouse off its rows while it opens.
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      for (let n = 0; n < 10 && (await focused.getAttribute('aria-label').catch(() => null)) !== title; n++) await page.keyboard.press('ArrowDown');
      assert.equal(await focused.getAttribute('aria-label'), title);
      await page.keyboard.press('Enter');
      // Saved: on disk, as the CLI and a CI run read it.
      const deadline = Date.now() + 15_000;
      while (!(existsSync(ignoreFile) && readFileSync(ignoreFile, 'utf8').includes(`- ${word}`))) {
        assert.ok(Date.now() < deadline, `${word} is in ${ignoreFile} on disk: ${existsSync(ignoreFile) ? JSON.stringify(readFileSync(ignoreFile, 'utf8')) : 'no file'}`);
        await page.waitForTimeout(200);
      }
      await page.locator('.editor-instance .monaco-editor .view-line', { hasText: `${word}** (expert)` }).first().waitFor();
    }
    assert.equal(readFileSync(ignoreFile, 'utf8'), '# Findings Skill Lens does not report in this workspace, by code (see the README).\nunknown-skill:\n  - Kubernetes\n  - Terraform\n');
    // No ignore list tab is left with unsaved changes.
    assert.equal(await page.locator('.tabs-container .tab.dirty', { hasText: 'ignore.yaml' }).count(), 0);
    const cli = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', join('adverts', 'cloud-tools-advert.md')], { cwd: bench!.workspace, encoding: 'utf8' });
    assert.equal(cli.stdout, '', cli.stderr);
    assert.equal(cli.stderr, '1 file checked: 0 errors, 0 warnings.\n');
    await page.screenshot({ path: join(screenshots, 'ignore-twice.png') });
  });
});
