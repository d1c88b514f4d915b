// What the editor writes into a document, in a real editor (code-server in headless Chromium,
// the packaged .vsix): the light bulb on an advert's title lists "Disable missing-skill for
// this line" once however many skills are missing; "Add SKILL" puts one line at the end of the
// advert's list, written as its items are; Insert skills for a role level adds only the skills
// the advert does not name, into that list. The text is read from the saved file, as the user
// would find it. Saves lightbulb-missing-skills.png, add-missing-skill.png and
// insert-into-advert-list.png under test/e2e/screenshots/.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeWorkbench, mod, openFile as openWorkbenchFile, openWorkbench, screenshotIfFailed, screenshots, type Workbench } from './workbench';

const ADVERT = 'senior-data-analyst.md';
const LIST = '- Data visualisation - practitioner\n- Data management - practitioner\n- Data ethics and privacy - practitioner\n';

describe('Skill Lens in code-server: light bulb, quick fix and Insert skills in an advert (UI)', function () {
  this.timeout(120_000);
  let bench: Workbench | undefined;
  let page: Page;
  let advertPath: string;

  before(async function () {
    this.timeout(180_000);
    bench = await openWorkbench('inserts');
    page = bench.page;
    advertPath = join(bench.workspace, 'adverts', ADVERT);
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, page, 'failed');
  });

  after(async () => {
    await closeWorkbench(bench);
  });

  const editorLine = (text: string) => page.locator('.editor-instance .monaco-editor .view-line', { hasText: text }).first();

  /** Saves the active editor and reads the file: the text as the user would find it. */
  async function saved(): Promise<string> {
    const before = readFileSync(advertPath, 'utf8');
    await page.keyboard.press(`${mod}+S`);
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 20_000 });
    const after = readFileSync(advertPath, 'utf8');
    assert.notEqual(after, before, 'the file was saved with the change');
    return after;
  }

  /** The rows of the light-bulb menu (Ctrl+.) for the cursor's line, as shown. */
  async function lightBulbRows(): Promise<string[]> {
    // The editor shows the light bulb once it has the actions for the cursor's place.
    await page.locator('.editor-instance .monaco-editor .lightBulbWidget').first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press(`${mod}+.`);
    const rows = page.locator('.action-widget .monaco-list-row');
    await rows.first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300); // the list settles before it is read
    return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  it('lists "Disable missing-skill for this line" once on a title that misses six skills', async () => {
    await openWorkbenchFile(page, ADVERT);
    // The server has read the advert once its role is in the status bar.
    await page.locator('.statusbar-item', { hasText: 'Senior data analyst' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor({ timeout: 20_000 });
    const title = editorLine('# Senior data analyst').locator('span span', { hasText: 'analyst' }).first();
    const box = await title.boundingBox();
    assert.ok(box, 'the title is on screen');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const rows = await lightBulbRows();
    console.log(`      light bulb: ${rows.join(' | ')}`);
    await page.screenshot({ path: join(screenshots, 'lightbulb-missing-skills.png') });
    assert.deepEqual(rows.filter((r) => r.startsWith('Disable')), ['Disable missing-skill for this line']);
    assert.equal(rows.filter((r) => r.startsWith('Add ')).length, 6, rows.join('\n'));
    await page.keyboard.press('Escape');
  });

  it('adds a missing skill at the end of the list, as its items are written, without a blank line', async () => {
    const rows = await lightBulbRows();
    const add = 'Add Applying statistical and analytical tools and techniques (practitioner)';
    assert.ok(rows.includes(add), rows.join('\n'));
    // Chosen with the keyboard, as the menu is used (the list lies under a pointer block).
    for (let i = 0; i < rows.length && (await page.locator('.action-widget .monaco-list-row.focused').innerText()).trim() !== add; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await editorLine('- Applying statistical and analytical tools and techniques - practitioner').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, 'add-missing-skill.png') });
    const text = await saved();
    assert.ok(text.includes(`## Skills you need\n\n${LIST}- Applying statistical and analytical tools and techniques - practitioner\n\n## How to apply`), text);
  });

  it('inserts only the skills the advert does not name, into its list', async () => {
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press(`${mod}+Home`);
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${mod}+Shift+P`);
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Skill Lens: Insert skills for a role level');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Skill Lens: Insert skills for a role level' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Insert skills for a role level' }).waitFor({ timeout: 20_000 });
    // The picker starts on the advert's own role level.
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Senior data analyst' }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await editorLine('- Managing a data project - practitioner').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, 'insert-into-advert-list.png') });
    const text = await saved();
    const list =
      LIST +
      '- Applying statistical and analytical tools and techniques - practitioner\n' +
      '- Communicating between the technical and non-technical - practitioner\n' +
      '- Data preparation and linkage - practitioner\n' +
      '- Delivering business impact through data - practitioner\n' +
      '- Developing code for analysis - practitioner\n' +
      '- Managing a data project - practitioner\n';
    assert.ok(text.includes(`## Skills you need\n\n${list}\n## How to apply`), text);
    // Every skill once: the three it had and the one added before are not written again.
    for (const skill of ['Data visualisation', 'Data management', 'Applying statistical']) assert.equal(text.split(skill).length, 2, skill);
    // Nothing is missing now: the title has no warning left.
    await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor({ state: 'detached', timeout: 20_000 });
  });
});
