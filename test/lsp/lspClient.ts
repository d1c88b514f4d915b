// A minimal LSP client over stdio (JSON-RPC 2.0 with Content-Length framing), for the bench and
// for tests that drive a language server as an editor would. It spawns the server, resolves
// requests by id (each with a timeout), answers the server's own requests with defaults
// (workspace/configuration from the given settings, client/registerCapability with null …),
// and records every publishDiagnostics notification with the time it arrived.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
}
export interface DiagnosticsEvent {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
  /** performance.now() when the notification was read. */
  at: number;
}
export type ContentChange = { range: Range; text: string } | { text: string };

export interface ResponseError {
  code: number;
  message: string;
  data?: unknown;
}

/** A request the server failed (an error response), as opposed to a timeout or a dead server. */
export class LspResponseError extends Error {
  constructor(
    readonly method: string,
    readonly error: ResponseError,
  ) {
    super(`${method}: ${error.message} (${error.code})`);
  }
}
export class LspTimeoutError extends Error {
  constructor(
    readonly method: string,
    readonly ms: number,
  ) {
    super(`${method}: no answer within ${ms} ms`);
  }
}

export const ErrorCodes = { MethodNotFound: -32601, RequestCancelled: -32800 } as const;

export interface LspClientOptions {
  /** Executable and arguments; `process.execPath` for a Node server. */
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Settings by section, answered to workspace/configuration (`{ section: 'yaml' }` gets
   * `settings.yaml`; dotted sections are looked up by path) and sent in didChangeConfiguration.
   * Unknown sections get `{}`.
   */
  settings?: Record<string, unknown>;
  /** Timeout of every request unless the call gives its own. */
  requestTimeoutMs?: number;
  /** Keep the last N KB of the server's stderr (for error messages). Default 16. */
  stderrKb?: number;
  /** Called for every notification from the server (after it is recorded). */
  onNotification?: (method: string, params: unknown) => void;
  /** Log every message to stderr (debugging). */
  trace?: boolean;
}

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

type Waiter = { match: (e: DiagnosticsEvent) => boolean; resolve: (e: DiagnosticsEvent) => void };

const live = new Set<LspClient>();
let exitHookInstalled = false;

/** Kill every server still running (also done automatically when this process exits). */
export function killAllServers(): void {
  for (const c of live) c.kill();
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAllServers);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      killAllServers();
      process.exit(130);
    });
  }
}

export class LspClient {
  readonly process: ChildProcess;
  readonly pid: number;
  /** performance.now() just before the server was spawned. */
  readonly spawnedAt: number;
  /** Every publishDiagnostics received, in order. */
  readonly diagnostics: DiagnosticsEvent[] = [];
  /** Server capabilities from the initialize result. */
  capabilities: Record<string, unknown> = {};
  /** Methods of requests the server sent us, with counts. */
  readonly serverRequests = new Map<string, number>();
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private readonly opts: LspClientOptions;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly waiters: Waiter[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  /** Bytes still missing from the message body being received. */
  private awaiting = 0;
  private stderrTail = '';
  private dead = false;
  private readonly requestHandlers = new Map<string, (params: unknown) => unknown>();

  constructor(opts: LspClientOptions) {
    this.opts = opts;
    installExitHook();
    this.spawnedAt = performance.now();
    this.process = spawn(opts.command, opts.args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (this.process.pid === undefined) throw new Error(`could not spawn ${opts.command}`);
    this.pid = this.process.pid;
    live.add(this);
    this.process.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    const keep = (opts.stderrKb ?? 16) * 1024;
    this.process.stderr!.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-keep);
      if (opts.trace) process.stderr.write(`[server stderr] ${chunk.toString('utf8')}`);
    });
    this.process.stdin!.on('error', () => undefined); // EPIPE when the server dies; reported via exit
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => {
        this.dead = true;
        live.delete(this);
        const err = new Error(`server exited (code ${code}, signal ${signal})${this.stderrTail ? `: ${this.stderrTail.slice(-2000)}` : ''}`);
        for (const p of this.pending.values()) {
          clearTimeout(p.timer);
          p.reject(err);
        }
        this.pending.clear();
        resolve({ code, signal });
      });
      this.process.on('error', (e) => {
        this.dead = true;
        live.delete(this);
        for (const p of this.pending.values()) {
          clearTimeout(p.timer);
          p.reject(e);
        }
        this.pending.clear();
        resolve({ code: null, signal: null });
      });
    });
    this.onRequest('workspace/configuration', (params) => {
      const items = (params as { items?: { section?: string }[] } | undefined)?.items ?? [];
      return items.map((it) => this.setting(it.section));
    });
    for (const m of [
      'client/registerCapability',
      'client/unregisterCapability',
      'window/workDoneProgress/create',
      'window/showMessageRequest',
      'workspace/codeLens/refresh',
      'workspace/semanticTokens/refresh',
      'workspace/inlayHint/refresh',
      'workspace/diagnostic/refresh',
    ]) {
      this.onRequest(m, () => null);
    }
    this.onRequest('workspace/workspaceFolders', () => null);
  }

  get isAlive(): boolean {
    return !this.dead;
  }

  /** The last part of what the server wrote to stderr. */
  get stderr(): string {
    return this.stderrTail;
  }

  /** Answer a request from the server (replaces the default answer). */
  onRequest(method: string, handler: (params: unknown) => unknown): void {
    this.requestHandlers.set(method, handler);
  }

  /** Look a section up in the settings: `skillLens` or `skillLens.debounceMs`. */
  setting(section: string | undefined): unknown {
    const settings = this.opts.settings ?? {};
    if (!section) return settings;
    if (section in settings) return settings[section];
    let cur: unknown = settings;
    for (const part of section.split('.')) {
      if (cur === null || typeof cur !== 'object' || !(part in (cur as object))) return {};
      cur = (cur as Record<string, unknown>)[part];
    }
    return cur;
  }

  request<R = unknown>(method: string, params: unknown, timeoutMs?: number): Promise<R> {
    if (this.dead) return Promise.reject(new Error(`${method}: server is not running`));
    const id = this.nextId++;
    const ms = timeoutMs ?? this.opts.requestTimeoutMs ?? 10_000;
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
        reject(new LspTimeoutError(method, ms));
      }, ms);
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    if (!this.dead) this.send({ jsonrpc: '2.0', method, params });
  }

  // ---- the usual conversation ----------------------------------------------------------------

  /** `workspaceCapabilities` adds to the client's workspace capabilities (e.g. `didChangeWatchedFiles`). */
  async initialize(
    opts: { rootUri?: string | null; initializationOptions?: unknown; timeoutMs?: number; workspaceCapabilities?: Record<string, unknown>; experimental?: Record<string, unknown> } = {},
  ): Promise<unknown> {
    const result = await this.request<{ capabilities?: Record<string, unknown> }>(
      'initialize',
      {
        processId: process.pid,
        clientInfo: { name: 'skill-lens-lsp-client', version: '0.1.0' },
        locale: 'en',
        rootUri: opts.rootUri ?? null,
        workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'workspace' }] : null,
        initializationOptions: opts.initializationOptions,
        capabilities: {
          workspace: {
            configuration: true,
            didChangeConfiguration: { dynamicRegistration: true },
            workspaceFolders: true,
            applyEdit: true,
            ...opts.workspaceCapabilities,
          },
          textDocument: {
            synchronization: { dynamicRegistration: true, didSave: true },
            completion: {
              dynamicRegistration: true,
              completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
              contextSupport: true,
            },
            hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
            codeAction: { dynamicRegistration: true },
            documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true },
            formatting: { dynamicRegistration: true },
          },
          window: { workDoneProgress: false },
          ...(opts.experimental ? { experimental: opts.experimental } : {}),
        },
      },
      opts.timeoutMs,
    );
    this.capabilities = result?.capabilities ?? {};
    this.notify('initialized', {});
    return result;
  }

  /** Send the settings in a didChangeConfiguration (servers that pull will then ask for them). */
  sendConfiguration(): void {
    this.notify('workspace/didChangeConfiguration', { settings: this.opts.settings ?? {} });
  }

  /** 1 full, 2 incremental (0 none), from the server's capabilities. */
  get syncKind(): number {
    const s = this.capabilities.textDocumentSync;
    if (typeof s === 'number') return s;
    if (s && typeof s === 'object' && typeof (s as { change?: unknown }).change === 'number') return (s as { change: number }).change;
    return 1;
  }

  didOpen(uri: string, languageId: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  didChange(uri: string, version: number, contentChanges: ContentChange[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  didClose(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  completion<R = unknown>(uri: string, position: Position, timeoutMs?: number): Promise<R> {
    return this.request<R>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } }, timeoutMs);
  }

  hover<R = unknown>(uri: string, position: Position, timeoutMs?: number): Promise<R> {
    return this.request<R>('textDocument/hover', { textDocument: { uri }, position }, timeoutMs);
  }

  /**
   * The first publishDiagnostics for `uri` that matches, among those already received after
   * `since` (performance.now(); default: any) or yet to come. Rejects after `timeoutMs`.
   */
  waitForDiagnostics(
    uri: string,
    opts: { since?: number; version?: number; timeoutMs?: number } = {},
  ): Promise<DiagnosticsEvent> {
    const match = (e: DiagnosticsEvent) =>
      e.uri === uri &&
      (opts.since === undefined || e.at >= opts.since) &&
      (opts.version === undefined || e.version === undefined || e.version >= opts.version);
    const seen = this.diagnostics.find(match);
    if (seen) return Promise.resolve(seen);
    if (this.dead) return Promise.reject(new Error(`diagnostics for ${uri}: server is not running`));
    const ms = opts.timeoutMs ?? this.opts.requestTimeoutMs ?? 10_000;
    return new Promise<DiagnosticsEvent>((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new LspTimeoutError(`publishDiagnostics ${uri}`, ms));
      }, ms);
      this.waiters.push(waiter);
      void this.exited.then(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) {
          this.waiters.splice(i, 1);
          clearTimeout(timer);
          reject(new Error(`diagnostics for ${uri}: server exited${this.stderrTail ? `: ${this.stderrTail.slice(-2000)}` : ''}`));
        }
      });
    });
  }

  /** Peak and current resident memory of the server process in KB (Linux /proc), if known. */
  memory(): { peakKb: number; rssKb: number } | undefined {
    return readProcMemory(this.pid);
  }

  /** shutdown then exit; kills the process if it does not end within `timeoutMs`. */
  async shutdown(timeoutMs = 3000): Promise<void> {
    if (this.dead) return;
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit', null);
    } catch {
      // fall through to kill
    }
    const timer = setTimeout(() => this.kill(), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.dead) {
      try {
        this.process.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  // ---- wire ----------------------------------------------------------------------------------

  private send(msg: Record<string, unknown>): void {
    if (this.dead) return;
    const json = JSON.stringify(msg);
    if (this.opts.trace) process.stderr.write(`--> ${json.slice(0, 300)}\n`);
    this.process.stdin!.write(`Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`);
  }

  private onData(chunk: Buffer): void {
    // A large message arrives in many chunks: keep them aside until the body is complete, so
    // a 50 MB message costs one copy, not one per chunk.
    this.chunks.push(chunk);
    this.chunkBytes += chunk.length;
    if (this.chunkBytes < this.awaiting) return;
    this.buffer = Buffer.concat([this.buffer, ...this.chunks]);
    this.chunks = [];
    this.chunkBytes = 0;
    this.awaiting = 0;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) {
        // Not LSP framing (a stray console.log): drop up to the header end and resync.
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const length = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) {
        this.awaiting = start + length - this.buffer.length;
        return;
      }
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      const at = performance.now();
      let msg: Record<string, unknown>;
      try {
        msg = JSON.parse(body) as Record<string, unknown>;
      } catch {
        continue;
      }
      this.dispatch(msg, at);
    }
  }

  private dispatch(msg: Record<string, unknown>, at: number): void {
    if (this.opts.trace) process.stderr.write(`<-- ${JSON.stringify(msg).slice(0, 300)}\n`);
    const method = typeof msg.method === 'string' ? msg.method : undefined;
    const hasId = msg.id !== undefined && msg.id !== null;
    if (method && hasId) {
      this.serverRequests.set(method, (this.serverRequests.get(method) ?? 0) + 1);
      const handler = this.requestHandlers.get(method);
      let result: unknown = null;
      if (handler) {
        try {
          result = handler(msg.params);
        } catch (e) {
          this.send({ jsonrpc: '2.0', id: msg.id, error: { code: -32603, message: String(e) } });
          return;
        }
      }
      this.send({ jsonrpc: '2.0', id: msg.id, result: result === undefined ? null : result });
      return;
    }
    if (method) {
      if (method === 'textDocument/publishDiagnostics') {
        const p = msg.params as { uri: string; version?: number; diagnostics?: Diagnostic[] };
        const e: DiagnosticsEvent = { uri: p.uri, version: p.version ?? undefined, diagnostics: p.diagnostics ?? [], at };
        this.diagnostics.push(e);
        for (let i = 0; i < this.waiters.length; i++) {
          if (this.waiters[i].match(e)) {
            const [w] = this.waiters.splice(i, 1);
            i--;
            w.resolve(e);
          }
        }
      }
      this.opts.onNotification?.(method, msg.params);
      return;
    }
    if (hasId) {
      const p = this.pending.get(msg.id as number);
      if (!p) return; // timed out already
      this.pending.delete(msg.id as number);
      clearTimeout(p.timer);
      if (msg.error) p.reject(new LspResponseError(p.method, msg.error as ResponseError));
      else p.resolve(msg.result);
    }
  }
}

/** VmHWM (peak resident set) and VmRSS of a process in KB, from /proc (Linux only). */
export function readProcMemory(pid: number): { peakKb: number; rssKb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (!hwm || !rss) return undefined;
    return { peakKb: Number(hwm[1]), rssKb: Number(rss[1]) };
  } catch {
    return undefined;
  }
}

/** Offset in a string (UTF-16 code units) to an LSP position. */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/**
 * Our language server as users start it: the `skill-lens-language-server` binary that
 * package.json declares (run through its `#!` line, as npm links it), with `--stdio`.
 */
export function languageServerCommand(root = process.cwd()): { command: string; args: string[] } {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return { command: join(root, manifest.bin['skill-lens-language-server']), args: ['--stdio'] };
}

/** A file path to a file: URI. */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
