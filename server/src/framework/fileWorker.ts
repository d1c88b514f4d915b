// The worker that reads and checks framework files for the server (dist/framework-worker.js):
// parsing and checking a large file takes a second or more, which the server's main thread
// spends answering the editor instead. Ajv and the schema live here, not in the server.
// browserFileWorker.ts is the same for the browser's server.
import { parentPort } from 'node:worker_threads';
import { answerRequest, type WorkerRequest } from './fileWorkerProtocol';

parentPort?.on('message', (request: WorkerRequest) => {
  parentPort!.postMessage(answerRequest(request));
});
