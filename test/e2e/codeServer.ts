// Runs code-server (VS Code for the browser, installed by setup.sh) and Debian's Chromium for
// the real-editor tests, and stops everything it started. Used by the runTests shim and the
// UI test.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The repository root (this file runs as dist/test/e2e/codeServer.js or bundled beside it). */
export const root = resolve(__dirname, '../../..');
export const codeServerBin = process.env.CODE_SERVER_BIN ?? join(root, '.e2e/code-server/node_modules/.bin/code-server');
export const chromiumPath = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

export interface Profile {
  /** A scratch folder of this run: config, logs, XDG homes, the browser profile. */
  run: string;
  userDir: string;
  extDir: string;
}

/** Creates the folders and seeds the user settings that keep the workbench predictable. */
export function prepareProfile(profile: Profile): void {
  for (const d of [profile.userDir, join(profile.userDir, 'User'), profile.extDir, join(profile.run, 'xdg-config'), join(profile.run, 'xdg-data')]) {
    mkdirSync(d, { recursive: true });
  }
  const settings = join(profile.userDir, 'User/settings.json');
  // The welcome page steals focus; auto save would write typed test text into fixtures.
  if (!existsSync(settings)) {
    writeFileSync(
      settings,
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'files.autoSave': 'off',
          'telemetry.telemetryLevel': 'off',
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'workbench.tips.enabled': false,
          'chat.disableAIFeatures': true,
        },
        null,
        2,
      ),
    );
  }
  writeFileSync(join(profile.run, 'config.yaml'), 'auth: none\n');
}

/** Environment for code-server: XDG homes inside the run, so nothing is written under ~. */
function env(profile: Profile): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CONFIG_HOME: join(profile.run, 'xdg-config'), XDG_DATA_HOME: join(profile.run, 'xdg-data') };
}

export function installVsix(profile: Profile, vsix: string): void {
  const r = spawnSync(
    codeServerBin,
    ['--extensions-dir', profile.extDir, '--user-data-dir', profile.userDir, '--install-extension', vsix],
    { env: env(profile), encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status}): ${r.stdout}\n${r.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface RunningCodeServer {
  host: string;
  base: string;
  log: string;
  stop(): Promise<void>;
}

export async function startCodeServer(profile: Profile, folder?: string, verbose = false): Promise<RunningCodeServer> {
  if (!existsSync(codeServerBin)) throw new Error(`${codeServerBin} is missing: run test/e2e/setup.sh`);
  const host = `127.0.0.1:${await freePort()}`;
  const base = `http://${host}`;
  const log = join(profile.run, 'code-server.log');
  const fd = openSync(log, 'a');
  const args = [
    '--bind-addr', host, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--config', join(profile.run, 'config.yaml'),
    '--user-data-dir', profile.userDir, '--extensions-dir', profile.extDir,
    ...(folder ? [folder] : []),
  ];
  // detached: a process group of its own, so one kill reaches code-server and all it spawned
  // (extension hosts, the language server, ptys); a plain SIGTERM would leave children.
  const child = spawn(codeServerBin, args, { detached: true, stdio: ['ignore', verbose ? 'inherit' : fd, verbose ? 'inherit' : fd], env: env(profile) });
  closeSync(fd);
  // Last resort if this process dies without stopping it (an uncaught error, a closed pipe):
  // 'exit' handlers run synchronously, and a SIGKILL to the group needs nothing more.
  const onExit = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', onExit);
  const running: RunningCodeServer = {
    host,
    base,
    log,
    stop: async () => {
      await killGroup(child);
      process.off('exit', onExit);
    },
  };
  try {
    await waitForHealth(base, child, 30_000);
  } catch (e) {
    await running.stop();
    throw new Error(`${e instanceof Error ? e.message : e}\n${readFileSync(log, 'utf8').slice(-3000)}`);
  }
  return running;
}

async function waitForHealth(base: string, child: ChildProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${base}/healthz within ${ms} ms`);
}

/** Kills a whole process group and waits for its leader; stragglers get SIGKILL. */
export async function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // the group is gone
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const gone = new Promise((r) => child.once('exit', r));
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }
  signal('SIGKILL'); // children that outlived their leader are still in the group
}

export async function launchBrowser(profile: Profile): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(join(profile.run, 'browser'), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // The workbench's first load fetches several megabytes of scripts from code-server; on a
  // machine whose cores are busy that took over Playwright's default 30 s, so navigation gets
  // the same two minutes as the tests that wait for the workbench.
  context.setDefaultNavigationTimeout(120_000);
  return context;
}
