// dist/browser-framework-worker.js: fileWorker.ts for the browser's server, a web worker the
// server's own worker starts (browserServerMain.ts), so that a large framework file is parsed
// and checked while the server answers the editor.
import { answerRequest, type WorkerAnswer, type WorkerRequest } from './fileWorkerProtocol';

/** The worker's global scope, as far as it is used here (the project compiles against Node's types). */
declare const self: {
  onmessage: ((e: { data: WorkerRequest }) => void) | null;
  postMessage(answer: WorkerAnswer): void;
};

self.onmessage = (e) => self.postMessage(answerRequest(e.data));
