// Framework files read off the server's main thread, so that hovers, completions and checks of
// open documents are answered while a large one loads. The worker (framework/fileWorker.ts,
// dist/framework-worker.js) parses and checks the text; the main thread gets JSON back, and
// parses it and builds the framework's indexes with a turn of the event loop before each.
// Where there is no worker (a build without it, a runtime without worker threads) the file is
// read on the main thread, as the CLI reads it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { Framework } from '../framework/framework';
import type { FrameworkData } from '../framework/model';
import { checkFrameworkFile, sizeProblem, textBytes, type FrameworkFileProblem } from '../framework/frameworkFile';
import type { WorkerAnswer } from '../framework/fileWorker';

export interface FrameworkFileLoad {
  framework?: Framework;
  problems: FrameworkFileProblem[];
}

/** The worker stops after this long without work: its heap (Ajv, the last file) is freed. */
const IDLE_MS = 30_000;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One per server: its worker, started on first use and stopped when idle. */
export class FrameworkFileReader {
  private worker: Worker | undefined;
  private idle: NodeJS.Timeout | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (a: WorkerAnswer) => void; reject: (e: Error) => void }>();

  private startWorker(): Worker | undefined {
    const file = join(__dirname, 'framework-worker.js');
    if (!existsSync(file)) return undefined;
    try {
      const { Worker: WorkerClass } = require('node:worker_threads') as typeof import('node:worker_threads');
      // Enough for the largest file the size cap lets through, with room to spare; a file that
      // needs more ends the worker, not the server.
      const w = new WorkerClass(file, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
      w.unref();
      w.on('message', (answer: WorkerAnswer) => {
        const waiting = this.pending.get(answer.id);
        this.pending.delete(answer.id);
        waiting?.resolve(answer);
      });
      const fail = (e: Error) => {
        if (this.worker === w) this.worker = undefined;
        for (const [, waiting] of this.pending) waiting.reject(e);
        this.pending.clear();
      };
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(`the worker stopped (exit code ${code})`)));
      return w;
    } catch {
      return undefined;
    }
  }

  private inWorker(text: string): Promise<WorkerAnswer> | undefined {
    this.worker ??= this.startWorker();
    if (!this.worker) return undefined;
    clearTimeout(this.idle);
    const w = this.worker;
    const id = this.nextId++;
    const answer = new Promise<WorkerAnswer>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    w.postMessage({ id, text });
    return answer.finally(() => {
      if (this.pending.size === 0 && this.worker === w) {
        this.idle = setTimeout(() => {
          if (this.worker === w && this.pending.size === 0) {
            this.worker = undefined;
            void w.terminate();
          }
        }, IDLE_MS);
        this.idle.unref();
      }
    });
  }

  /** Reads and checks a framework file's text and builds the framework, mostly off the main thread. */
  async load(text: string): Promise<FrameworkFileLoad> {
    // A file over the size cap is not sent to the worker to be refused there.
    const tooLarge = sizeProblem(textBytes(text));
    if (tooLarge) return { problems: [tooLarge] };
    // Requests that came in meanwhile are answered first.
    await turn();
    const asked = this.inWorker(text);
    let data: FrameworkData | undefined;
    let problems: FrameworkFileProblem[];
    if (asked) {
      let answer: WorkerAnswer;
      try {
        answer = await asked;
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        const message = `The framework file could not be loaded (${why}): it may be too large or too deeply nested.`;
        return { problems: [{ message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
      }
      problems = answer.problems;
      if (answer.json !== undefined) {
        await turn();
        data = JSON.parse(answer.json) as FrameworkData;
      }
    } else {
      ({ data, problems } = checkFrameworkFile(text));
    }
    if (!data) return { problems };
    await turn();
    const framework = new Framework(data);
    await turn();
    return { framework, problems };
  }
}
