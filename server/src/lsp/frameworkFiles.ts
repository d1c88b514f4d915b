// Framework files read off the server's main thread, so that hovers, completions and checks of
// open documents are answered while a large one loads. The worker (framework/fileWorker.ts in
// Node, framework/browserFileWorker.ts in the browser) parses and checks the text; the main
// thread gets JSON back, and parses it and builds the framework's indexes with a turn of the
// event loop before each. How the worker is started is the host's (nodeFrameworkWorker.ts,
// browserServerMain.ts); where there is none (a build without it, a runtime without workers)
// the file is read on the main thread, as the CLI reads it. No Node module here: the browser's
// server uses this too (ARCHITECTURE.md, "Project files").
import { Framework } from '../framework/framework';
import type { FrameworkData } from '../framework/model';
import { checkFrameworkFile, FRAMEWORK_FILE_MAX_BYTES, sizeProblem, type FrameworkFileProblem } from '../framework/frameworkFile';
import { textBytes } from '../fileText';
import type { WorkerAnswer, WorkerRequest } from '../framework/fileWorkerProtocol';

export interface FrameworkFileLoad {
  framework?: Framework;
  problems: FrameworkFileProblem[];
}

/** A started worker, whatever the runtime's kind. */
export interface FileWorker {
  postMessage(request: WorkerRequest): void;
  terminate(): void;
}

/** Starts a worker that calls `answered` with each answer and `failed` when it fails or ends;
 *  undefined when there is none to start. */
export type StartFileWorker = (answered: (answer: WorkerAnswer) => void, failed: (e: Error) => void) => FileWorker | undefined;

/** A worker's failure that is not the file's: the files it was given are read on the main thread. */
export class WorkerUnavailable extends Error {}

/** The worker stops after this long without work: its heap (Ajv, the last file) is freed. */
const IDLE_MS = 30_000;

/** One per server: its worker, started on first use and stopped when idle. */
export class FrameworkFileReader {
  private worker: FileWorker | undefined;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (a: WorkerAnswer) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly start: StartFileWorker,
    /** Lets requests that came in meanwhile be answered (Node: setImmediate). */
    private readonly turn: () => Promise<void> = () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
  ) {}

  private startWorker(): FileWorker | undefined {
    let w: FileWorker | undefined;
    try {
      w = this.start(
        (answer) => {
          const waiting = this.pending.get(answer.id);
          this.pending.delete(answer.id);
          waiting?.resolve(answer);
        },
        (e) => {
          if (this.worker === w) this.worker = undefined;
          for (const [, waiting] of this.pending) waiting.reject(e);
          this.pending.clear();
        },
      );
    } catch {
      return undefined;
    }
    return w;
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
            w.terminate();
          }
        }, IDLE_MS);
        // Node: the idle timer alone does not keep the process alive.
        (this.idle as { unref?: () => void }).unref?.();
      }
    });
  }

  /** Reads and checks a framework file's text and builds the framework, mostly off the main thread. */
  async load(text: string): Promise<FrameworkFileLoad> {
    // A file over the size cap is not sent to the worker to be refused there.
    const tooLarge = sizeProblem(textBytes(text, FRAMEWORK_FILE_MAX_BYTES));
    if (tooLarge) return { problems: [tooLarge] };
    // Requests that came in meanwhile are answered first.
    await this.turn();
    const asked = this.inWorker(text);
    let data: FrameworkData | undefined;
    let problems: FrameworkFileProblem[];
    let answer: WorkerAnswer | undefined;
    if (asked) {
      try {
        answer = await asked;
      } catch (e) {
        if (!(e instanceof WorkerUnavailable)) {
          const why = e instanceof Error ? e.message : String(e);
          const message = `The framework file could not be loaded (${why}): it may be too large or too deeply nested.`;
          return { problems: [{ message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
        }
      }
    }
    if (answer) {
      problems = answer.problems;
      if (answer.json !== undefined) {
        await this.turn();
        data = JSON.parse(answer.json) as FrameworkData;
      }
    } else {
      ({ data, problems } = checkFrameworkFile(text));
    }
    if (!data) return { problems };
    await this.turn();
    const framework = new Framework(data);
    await this.turn();
    return { framework, problems };
  }
}
