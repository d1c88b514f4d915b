// The skill profile view in a real editor (code-server in headless Chromium, the packaged
// .vsix): opens a review, runs "Skill Lens: Show skill profile", reads the chart's bars from the
// webview's DOM and checks them against the review's levels, edits an assessed level and sees
// the bar follow, copies the table, and saves a screenshot under test/e2e/screenshots/
// (E2E_UPDATE_DOCS=1 copies the first to docs/profile.png).
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { root } from './codeServer';
import { closeWorkbench, openFile, openWorkbench, screenshotIfFailed, screenshots, type Workbench } from './workbench';

const isMac = process.platform === 'darwin';
// Exist in the page, where the evaluated functions run (the project has no DOM typings).
declare const document: { documentElement: unknown };
declare function getComputedStyle(e: unknown): { fill: string; getPropertyValue(name: string): string };

/** The levels the fixture review (a copy of examples/reviews/mid-year-review.md) assesses. */
const ASSESSED: Record<string, string> = {
  'Coding and scripting': 'awareness',
  'IT infrastructure': 'practitioner',
  'Information security': 'awareness',
  'Modern development standards': 'working',
  'Ownership and initiative': 'working',
  'Problem management': 'awareness',
  'Service focus': 'working',
  'Systems design': 'awareness',
  'Systems integration': 'working',
  'Technical understanding': 'working',
  Testing: 'awareness',
  'Troubleshooting and problem resolution': 'working',
};
const RANK: Record<string, number> = { awareness: 1, working: 2, practitioner: 3, expert: 4 };

describe('Skill Lens skill profile view in code-server (UI)', function () {
  this.timeout(120_000);
  let bench: Workbench | undefined;
  let page: Page;

  before(async function () {
    this.timeout(180_000);
    bench = await openWorkbench('profile');
    page = bench.page;
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, page, 'failed');
  });

  after(async () => {
    if (process.env.E2E_UPDATE_DOCS && existsSync(join(screenshots, 'profile.png'))) {
      mkdirSync(join(root, 'docs'), { recursive: true });
      copyFileSync(join(screenshots, 'profile.png'), join(root, 'docs', 'profile.png'));
    }
    await closeWorkbench(bench);
  });

  async function palette(command: string): Promise<void> {
    await page.keyboard.press(isMac ? 'Meta+Shift+P' : 'Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill(`>${command}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  /** The profile webview's document: the panel's iframe, then the frame inside it that holds the page. */
  function profileFrame(): FrameLocator {
    return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /** Each bar as `skill=level` with its width, in chart order. */
  async function bars(frame: FrameLocator): Promise<{ skill: string; level: string; width: number }[]> {
    return frame.locator('svg.skill-profile rect.bar').evaluateAll((els) =>
      els.map((e) => ({ skill: e.getAttribute('data-skill') ?? '', level: e.getAttribute('data-level') ?? '', width: Number(e.getAttribute('width')) })),
    );
  }

  it('draws a bar per assessed skill at the level the review gives, against the expected and next role level', async () => {
    await page.keyboard.press(isMac ? 'Meta+P' : 'Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill('sam-review.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'sam-review.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'sam-review.md' }).waitFor();
    // The server has read the review once the status bar names its role level.
    await page.locator('.statusbar-item', { hasText: 'Infrastructure engineer' }).first().waitFor({ timeout: 30_000 });

    await palette('Skill Lens: Show skill profile');
    const frame = profileFrame();
    await frame.locator('svg.skill-profile rect.bar').nth(11).waitFor({ timeout: 20_000 });
    const drawn = await bars(frame);
    assert.deepEqual(Object.fromEntries(drawn.map((b) => [b.skill, b.level])), ASSESSED);
    // A bar's length is its level's place on the scale.
    const step = drawn.find((b) => b.level === 'awareness')!.width;
    for (const b of drawn) assert.equal(Math.round(b.width), Math.round(step * RANK[b.level]), `${b.skill} is ${RANK[b.level]} steps long`);
    // The expected (Infrastructure engineer) and next role level's (Senior infrastructure engineer) marks.
    const marks = await frame.locator('svg.skill-profile g.row').evaluateAll((rows) =>
      rows.map((r) => `${r.getAttribute('data-skill')}: ${r.querySelector('line.expected')?.getAttribute('data-level')} > ${r.querySelector('line.next')?.getAttribute('data-level')}`),
    );
    assert.ok(marks.includes('IT infrastructure: working > practitioner'), marks.join('\n'));
    assert.ok(marks.includes('Systems design: working > practitioner'), marks.join('\n'));
    // The chart is drawn in the editor theme's colours.
    const colours = await frame.locator('svg.skill-profile rect.bar').first().evaluate((e) => ({ fill: getComputedStyle(e).fill, theme: getComputedStyle(document.documentElement).getPropertyValue('--vscode-charts-blue').trim() }));
    assert.ok(colours.theme, 'the webview has the theme variable --vscode-charts-blue');
    console.log(`      bar fill ${colours.fill}, theme --vscode-charts-blue ${colours.theme}`);
    // The document it shows, by its path in the workspace.
    assert.equal(await frame.locator('#title').innerText(), 'Skill profile: reviews/sam-review.md');
    // The picture for the README: the side bar hidden so the review and the chart have the room.
    await page.keyboard.press(isMac ? 'Meta+B' : 'Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(screenshots, 'profile.png') });
  });

  it('redraws the bar when an assessed level changes in the document', async () => {
    // Systems design: assessed awareness -> working, with the editor's find and replace.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press(isMac ? 'Meta+Alt+F' : 'Control+H');
    const find = page.locator('.find-widget .find-part .input').first();
    const replace = page.locator('.find-widget .replace-part .input').first();
    await find.waitFor({ state: 'visible', timeout: 10_000 });
    await find.fill('| awareness | Contributed');
    await replace.fill('| working | Contributed');
    // The count is in the DOM even when the widget is too narrow to show it.
    await page.locator('.find-widget .matchesCount', { hasText: '1 of 1' }).waitFor({ state: 'attached', timeout: 10_000 });
    await page.keyboard.press(isMac ? 'Meta+Alt+Enter' : 'Control+Alt+Enter');
    await page.keyboard.press('Escape');
    const frame = profileFrame();
    await frame.locator('svg.skill-profile rect.bar[data-skill="Systems design"][data-level="working"]').waitFor({ timeout: 20_000 });
    const drawn = await bars(frame);
    assert.deepEqual(Object.fromEntries(drawn.map((b) => [b.skill, b.level])), { ...ASSESSED, 'Systems design': 'working' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, 'profile-edited.png') });
  });

  it('copies the profile as a Markdown table', async () => {
    await profileFrame().locator('#copy').click();
    await page.locator('.notifications-toasts', { hasText: 'Skill profile copied as a Markdown table.' }).first().waitFor({ timeout: 20_000 });
  });

  it('stays on the review while notes are active, and follows an advert made active', async () => {
    const frame = profileFrame();
    // Back in the review's editor group, so files open there and the chart stays in view.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await openFile(page, 'shopping-list.md');
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Buy milk' }).first().waitFor();
    // The time a profile that follows every editor took to follow one.
    await page.waitForTimeout(1500);
    assert.equal(await frame.locator('#title').innerText(), 'Skill profile: reviews/sam-review.md');
    assert.equal(await frame.locator('svg.skill-profile rect.bar').count(), 12);
    await page.locator('.tabs-container .tab', { hasText: 'Skill profile: reviews/sam-review.md' }).first().waitFor();
    await page.screenshot({ path: join(screenshots, 'profile-kept-on-notes.png') });
    await openFile(page, 'senior-data-analyst.md');
    await frame.locator('#title', { hasText: 'Skill profile: adverts/senior-data-analyst.md' }).waitFor({ timeout: 20_000 });
    const drawn = await bars(frame);
    assert.deepEqual(Object.fromEntries(drawn.map((b) => [b.skill, b.level])), { 'Data visualisation': 'practitioner', 'Data management': 'practitioner', 'Data ethics and privacy': 'practitioner' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, 'profile-follows-advert.png') });
  });
});
