// dist/server-main.js: the language server's Node entry, run by dist/server.js (boot/start.ts)
// from V8's code cache. The wiring is lsp/server.ts; this gives it Node's transport, the disk,
// the framework file worker and renderings on disk for other editors; Check workspace reads the same disk.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { nodeProjectFiles } from './project/nodeProjectFiles';
import { FrameworkFileReader } from './lsp/frameworkFiles';
import { startNodeFileWorker, turnNode } from './lsp/nodeFrameworkWorker';
import { FrameworkRenderings } from './lsp/frameworkRendering';

const frameworkFiles = new FrameworkFileReader(startNodeFileWorker, turnNode);
const renderings = new FrameworkRenderings();

startServer({
  connect: (messageStrategy) => createConnection(ProposedFeatures.all, { messageStrategy }),
  files: nodeProjectFiles,
  loadFramework: (text) => frameworkFiles.load(text),
  renderings,
  onUncaught: (report) => {
    process.on('uncaughtException', (e) => report(`Unexpected error: ${e.stack ?? e.message}`));
    process.on('unhandledRejection', (e) => report(`Unexpected rejection: ${String(e)}`));
  },
});
