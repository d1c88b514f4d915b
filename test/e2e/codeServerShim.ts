// Stands in for the VS Code executable that @vscode/test-electron's runTests() launches
// (see the code-server-shim launcher). Takes the same Electron-style arguments, runs the
// tests in code-server driven by Chromium, and exits with the extension host's exit code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { format } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, prepareProfile, startCodeServer, type RunningCodeServer } from './codeServer';

const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 240_000);
const verbose = !!process.env.E2E_VERBOSE;
// Workbench chatter that says nothing about the tests (no marketplace here, by design).
const noise = [/open-vsx\.org/, /^CodeExpectedError/, /connection token/, /^Updating additional builtin/, /^\[Service Worker\]/, /^Creating a socket/, /^ChatSessionStore/, /^\[(driver|trace|debug)\]/];

interface Args {
  extensionDevelopmentPath: string[];
  extensionTestsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  folder?: string;
}

function parseArgs(argv: string[]): Args {
  const out: Args = { extensionDevelopmentPath: [] };
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (!m) {
      if (!arg.startsWith('-')) out.folder = resolve(arg);
      continue; // other switches (--no-sandbox, --skip-welcome …) mean nothing to code-server
    }
    const [, key, value] = m;
    if (key === 'extensionDevelopmentPath') out.extensionDevelopmentPath.push(resolve(value));
    else if (key === 'extensionTestsPath') out.extensionTestsPath = resolve(value);
    else if (key === 'user-data-dir') out.userDataDir = resolve(value);
    else if (key === 'extensions-dir') out.extensionsDir = resolve(value);
  }
  return out;
}

// A reader that goes away (`| head`) must not kill the shim before it has cleaned up.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath || !args.extensionDevelopmentPath.length) {
    console.error('code-server-shim: --extensionTestsPath= and --extensionDevelopmentPath= are required');
    return 2;
  }
  const run = mkdtempSync(join(tmpdir(), 'skill-lens-shim-'));
  const profile = { run, userDir: args.userDataDir ?? join(run, 'user'), extDir: args.extensionsDir ?? join(run, 'ext') };
  prepareProfile(profile);

  let server: RunningCodeServer | undefined;
  let browser: BrowserContext | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await browser?.close().catch(() => undefined);
      await server?.stop();
      if (!process.env.E2E_KEEP) rmSync(run, { recursive: true, force: true });
    })());
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => void cleanup().then(() => process.exit(sig === 'SIGINT' ? 130 : 143)));
  }

  try {
    server = await startCodeServer(profile, args.folder, verbose);
    browser = await launchBrowser(profile);
    const page = browser.pages()[0] ?? (await browser.newPage());
    let exited!: (code: number) => void;
    const exit = new Promise<number>((r) => (exited = r));
    await page.exposeFunction('codeAutomationExit', (code: unknown) => exited(Number(code) || 0));
    await page.exposeFunction('codeAutomationLog', (type: string, logArgs: unknown) => {
      // The workbench forwards its log, mocha's output included, as console-style arguments.
      const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      if (!verbose && noise.some((re) => re.test(text))) return;
      (type === 'error' ? console.error : console.log)(text);
    });
    if (verbose) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));

    const remote = (p: string) => `vscode-remote://${server!.host}${p.split(sep).join('/')}`;
    const payload = [
      ...args.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(args.extensionTestsPath)],
    ];
    const query = new URLSearchParams();
    if (args.folder) query.set('folder', args.folder);
    query.set('payload', JSON.stringify(payload));
    await page.goto(`${server.base}/?${query}`);

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((r) => {
      timer = setTimeout(() => {
        console.error(`code-server-shim: no exit code from the extension host within ${timeoutMs} ms`);
        r(1);
      }, timeoutMs);
    });
    const code = await Promise.race([exit, timedOut]);
    clearTimeout(timer);
    return code;
  } catch (e) {
    console.error(`code-server-shim: ${e instanceof Error ? e.stack : e}`);
    return 1;
  } finally {
    await cleanup();
  }
}

void main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
