// The worker that reads and checks framework files for the server (dist/framework-worker.js):
// parsing and checking a large file takes a second or more, which the server's main thread
// spends answering the editor instead. Ajv and the schema live here, not in the server.
import { parentPort } from 'node:worker_threads';
import { checkFrameworkFile } from './frameworkFile';

export interface WorkerRequest {
  id: number;
  text: string;
}

export interface WorkerAnswer {
  id: number;
  /** The checked data as JSON: the main thread's JSON.parse is quicker than a structured clone. */
  json?: string;
  problems: ReturnType<typeof checkFrameworkFile>['problems'];
}

parentPort?.on('message', ({ id, text }: WorkerRequest) => {
  let answer: WorkerAnswer;
  try {
    const { data, problems } = checkFrameworkFile(text);
    answer = { id, json: data ? JSON.stringify(data) : undefined, problems };
  } catch (e) {
    const message = `The framework file could not be read: ${e instanceof Error ? e.message : String(e)}.`;
    answer = { id, problems: [{ message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
  }
  parentPort!.postMessage(answer);
});
