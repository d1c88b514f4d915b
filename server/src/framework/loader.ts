// Loads frameworks: the embedded ones (bundled JSON, no file I/O at start-up) and users' own
// framework files (YAML or JSON), which are data only and checked before use.
import ddat from '../../../data/ddat.json';
import ladder from '../../../data/ladder.json';
import sfia from '../../../data/sfia.json';
import { Framework } from './framework';
import { FrameworkData } from './model';
import { validateFrameworkData } from './validate';
import { parseYaml, toValue } from '../documents/yamlTree';
import { LineIndex } from '../documents/lineIndex';
import type { Range } from 'vscode-languageserver-types';

export const DEFAULT_FRAMEWORK_ID = 'ddat';

/** Embedded frameworks, default first; built lazily, once per process. */
let embedded: Framework[] | undefined;
export function embeddedFrameworks(): Framework[] {
  return (embedded ??= [ddat, sfia, ladder].map((d) => new Framework(d as FrameworkData)));
}

export interface FrameworkFileProblem {
  message: string;
  range: Range;
}

export interface FrameworkFileResult {
  framework?: Framework;
  problems: FrameworkFileProblem[];
  /** From FrameworkRegistry.setFile: whether the framework in use changed (a new version loaded). */
  changed?: boolean;
}

/** Parses a user's framework file; any problem means no framework (the caller keeps the previous one). */
export function parseFrameworkFile(text: string): FrameworkFileResult {
  const lines = new LineIndex(text);
  const parsed = parseYaml(text);
  if (parsed.error) {
    const at = lines.position(parsed.error.offset);
    return { problems: [{ message: `YAML syntax error: ${parsed.error.message}.`, range: { start: at, end: at } }] };
  }
  const value = toValue(parsed.root);
  const errors = validateFrameworkData(value);
  if (errors.length) {
    const whole = { start: { line: 0, character: 0 }, end: lines.position(Math.min(text.length, lines.starts[1] ?? text.length)) };
    return { problems: errors.map((message) => ({ message, range: whole })) };
  }
  return { framework: new Framework(value as FrameworkData), problems: [] };
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

  /** Loads or reloads a workspace framework file. On error the previous version stays in use;
   *  `changed` says whether a new version was loaded (the text differs from the one in use). */
  setFile(uri: string, text: string): FrameworkFileResult {
    const current = this.fromFiles.get(uri);
    if (current && this.loadedTexts.get(uri) === text) return { framework: current, problems: [], changed: false };
    const result = parseFrameworkFile(text);
    if (result.framework) {
      this.fromFiles.set(uri, result.framework);
      this.loadedTexts.set(uri, text);
    }
    return { ...result, changed: !!result.framework };
  }

  /** Forgets a framework file; true when it was loaded. */
  removeFile(uri: string): boolean {
    this.loadedTexts.delete(uri);
    return this.fromFiles.delete(uri);
  }
}
