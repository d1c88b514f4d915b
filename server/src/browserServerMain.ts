// dist/browser-server.js: the language server's browser entry, run in a web worker by the
// extension's browser client (client/src/browserExtension.ts) in VS Code for the web (vscode.dev,
// github.dev). The wiring is lsp/server.ts, the same as the Node server's; this gives it the
// worker's message port, the project's files through the editor, and a web worker of its own
// for framework files (dist/browser-framework-worker.js, whose address the client sends at
// initialize), as the Node server has a worker thread. Go to definition lands in the extension's
// `skill-lens:` views, so there are no renderings on disk; Check workspace lists and reads
// through the same files (ARCHITECTURE.md, "Project files").
// The build fails if anything here pulls in a Node module (esbuild.mjs).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/browser';
import { startServer } from './lsp/server';
import { clientProjectFiles } from './lsp/clientProjectFiles';
import { FrameworkFileReader, WorkerUnavailable } from './lsp/frameworkFiles';
import type { WorkerAnswer, WorkerRequest } from './framework/fileWorkerProtocol';

/** The worker's global scope and its Worker, as far as they are used here (the project compiles
 *  against Node's types, without TypeScript's WebWorker library). */
declare const self: {
  addEventListener(type: 'error', listener: (e: { error?: unknown; message: string }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (e: { reason: unknown }) => void): void;
  Worker?: unknown;
};
declare class Worker {
  constructor(url: string, options?: { name?: string });
  onmessage: ((e: { data: WorkerAnswer }) => void) | null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null;
  postMessage(request: WorkerRequest): void;
  terminate(): void;
}

/** dist/browser-framework-worker.js, from the client's initializationOptions. */
let frameworkWorker: string | undefined;
/** What the framework worker runs: a script of this worker's own origin that loads it from
 *  wherever the extension is served (on vscode.dev another origin, which a worker cannot be
 *  started from directly). */
let frameworkWorkerSource: string | undefined;

const frameworkFiles = new FrameworkFileReader((answered, failed) => {
  // No address, or a browser without workers in workers: the file is read on this thread.
  if (!frameworkWorker || typeof self.Worker !== 'function') return undefined;
  frameworkWorkerSource ??= URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(frameworkWorker)});`], { type: 'text/javascript' }));
  const w = new Worker(frameworkWorkerSource, { name: 'Skill Lens framework files' });
  let answers = 0;
  w.onmessage = (e) => {
    answers++;
    answered(e.data);
  };
  w.onerror = (e) => {
    e.preventDefault();
    w.terminate();
    if (answers > 0) return failed(new Error(e.message || 'the worker failed'));
    // It never answered: it could not start here (a policy against nested workers, its script
    // out of reach). Files are read on this thread from now on, these ones too.
    frameworkWorker = undefined;
    connection?.console.warn(`Framework files are read on the server's thread: their worker did not start (${e.message || 'no reason given'}).`);
    failed(new WorkerUnavailable(e.message));
  };
  return { postMessage: (request) => w.postMessage(request), terminate: () => w.terminate() };
});

let connection: Connection | undefined;
const files = clientProjectFiles(() => {
  if (!connection) throw new Error('the connection is not made yet');
  return connection;
});

startServer({
  connect: (messageStrategy) => (connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self), { messageStrategy })),
  files,
  loadFramework: (text) => frameworkFiles.load(text),
  initialize: (params) => {
    const options = params.initializationOptions as { frameworkWorker?: unknown } | undefined;
    frameworkWorker = typeof options?.frameworkWorker === 'string' ? options.frameworkWorker : undefined;
  },
  onUncaught: (report) => {
    self.addEventListener('error', (e) => report(`Unexpected error: ${e.error instanceof Error ? (e.error.stack ?? e.error.message) : e.message}`));
    self.addEventListener('unhandledrejection', (e) => report(`Unexpected rejection: ${String(e.reason)}`));
  },
});
