// What the framework file worker is asked and answers, the same for Node's worker thread
// (fileWorker.ts) and the browser's web worker (browserFileWorker.ts); lsp/frameworkFiles.ts asks.
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

/** Reads and checks one framework file's text; a failure is a problem on the file, never a throw. */
export function answerRequest({ id, text }: WorkerRequest): WorkerAnswer {
  try {
    const { data, problems } = checkFrameworkFile(text);
    return { id, json: data ? JSON.stringify(data) : undefined, problems };
  } catch (e) {
    const message = `The framework file could not be read: ${e instanceof Error ? e.message : String(e)}.`;
    return { id, problems: [{ message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
  }
}
