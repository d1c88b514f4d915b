// Loads frameworks: the embedded ones (bundled JSON, no file I/O at start-up) and users' own
// framework files (YAML or JSON), which are data only and checked before use.
import ddat from '../../../data/ddat.json';
import ladder from '../../../data/ladder.json';
import sfia from '../../../data/sfia.json';
import { Framework } from './framework';
import { FrameworkData } from './model';
import { checkFrameworkFile, type FrameworkFileProblem } from './frameworkFile';
import { caches } from '../caches';

export const DEFAULT_FRAMEWORK_ID = 'ddat';

/** Embedded frameworks, default first; built lazily, once per process. SFIA is a sample: one skill's page. */
const embedded = caches.once(() => [ddat, sfia, ladder].map((d) => new Framework(d as FrameworkData, d === sfia)));
export function embeddedFrameworks(): Framework[] {
  return embedded.get();
}

export type { FrameworkFileProblem };

export interface FrameworkFileResult {
  framework?: Framework;
  problems: FrameworkFileProblem[];
}

/** Reads a user's framework file (frameworkFile.ts) and builds the framework when it has no problems. */
export function parseFrameworkFile(text: string): FrameworkFileResult {
  const { data, problems } = checkFrameworkFile(text);
  return data ? { framework: new Framework(data), problems } : { problems };
}

/** The loaded frameworks: embedded plus workspace files, by id; a workspace file may replace an embedded one. */
export class FrameworkRegistry {
  private readonly fromFiles = new Map<string, Framework>();
  /** The text each loaded file had, so that loading the same text again is free. */
  private readonly loadedTexts = new Map<string, string>();

  all(): Framework[] {
    const byId = new Map<string, Framework>();
    for (const f of embeddedFrameworks()) byId.set(f.id, f);
    for (const [, f] of this.fromFiles) byId.set(f.id, f);
    return [...byId.values()];
  }

  get(id: string | undefined): Framework | undefined {
    if (!id) return undefined;
    const wanted = id.trim().toLowerCase();
    return this.all().find((f) => f.id.toLowerCase() === wanted || f.name.toLowerCase() === wanted);
  }

  /** Whether this very text of the file is the one in use. */
  isLoaded(uri: string, text: string): boolean {
    return this.fromFiles.has(uri) && this.loadedTexts.get(uri) === text;
  }

  /** Puts in use a framework read from a workspace file (by the server, off its main thread). */
  setFramework(uri: string, framework: Framework, text?: string): void {
    this.fromFiles.set(uri, framework);
    if (text === undefined) this.loadedTexts.delete(uri);
    else this.loadedTexts.set(uri, text);
  }

  /** Forgets a framework file; true when it was loaded. */
  removeFile(uri: string): boolean {
    this.loadedTexts.delete(uri);
    return this.fromFiles.delete(uri);
  }
}
