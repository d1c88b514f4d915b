// The Node server's framework file worker (frameworkFiles.ts): a worker thread running
// dist/framework-worker.js (framework/fileWorker.ts), when the build has it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StartFileWorker } from './frameworkFiles';

export const startNodeFileWorker: StartFileWorker = (answered, failed) => {
  const file = join(__dirname, 'framework-worker.js');
  if (!existsSync(file)) return undefined;
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  // Enough for the largest file the size cap lets through, with room to spare; a file that
  // needs more ends the worker, not the server.
  const w = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  w.unref();
  w.on('message', answered);
  w.on('error', failed);
  w.on('exit', (code) => failed(new Error(`the worker stopped (exit code ${code})`)));
  return { postMessage: (request) => w.postMessage(request), terminate: () => void w.terminate() };
};

/** Other work waiting is done before the next step (a timer would wait a millisecond or more). */
export const turnNode = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
