// dist/server-main.js: the language server's entry, run by dist/server.js (boot/start.ts) from V8's
// code cache. Everything it does is in lsp/server.ts.
import { startServer } from './lsp/server';

startServer();
