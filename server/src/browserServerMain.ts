// dist/browser-server.js: the language server's browser entry, run in a web worker by the
// extension's browser client (client/src/browserExtension.ts) in VS Code for the web
// (vscode.dev, github.dev). The wiring is lsp/server.ts, the same as the Node server's; this gives
// it the worker's message port and the project's files through the editor. Framework files are
// built on this thread, yielding between steps (project.ts loadFrameworkHere); go to definition
// lands in the extension's `skill-lens:` views, so there are no renderings on disk; Check
// workspace lists and reads through the same files (ARCHITECTURE.md, "Project files").
// The build fails if anything here pulls in a Node module (esbuild.mjs).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/browser';
import { startServer } from './lsp/server';
import { clientProjectFiles } from './lsp/clientProjectFiles';
import { WorkspaceCheck } from './lsp/workspaceCheck';

/** The worker's global scope, as far as it is used here (the project compiles against Node's
 *  types, without TypeScript's WebWorker library). */
declare const self: {
  addEventListener(type: 'error', listener: (e: { error?: unknown; message: string }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (e: { reason: unknown }) => void): void;
};

let connection: Connection | undefined;
const files = clientProjectFiles(() => {
  if (!connection) throw new Error('the connection is not made yet');
  return connection;
});

startServer({
  connect: (messageStrategy) => (connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self), { messageStrategy })),
  files,
  workspaceCheck: (context) =>
    new WorkspaceCheck(context.service, {
      documentModel: (uri) => (context.documentModel ? context.documentModel(uri) : undefined),
      publish: context.publish,
      guard: context.guard,
      files,
    }),
  onUncaught: (report) => {
    self.addEventListener('error', (e) => report(`Unexpected error: ${e.error instanceof Error ? (e.error.stack ?? e.error.message) : e.message}`));
    self.addEventListener('unhandledrejection', (e) => report(`Unexpected rejection: ${String(e.reason)}`));
  },
});
