// Loads frameworks: the embedded ones (bundled JSON, no file I/O at start-up) and users' own
// framework files (YAML or JSON), which are data only and checked before use.
import ddat from '../../../data/ddat.json';
import ladder from '../../../data/ladder.json';
import sfia from '../../../data/sfia.json';
import { Framework } from './framework';
import { FrameworkData } from './model';
import { DataPath, validateFrameworkData } from './validate';
import { yamlTreeFromEvents, type YamlNode } from '../documents/yamlTree';
import { LineIndex } from '../documents/lineIndex';
import { constructFromEvents, CORE_SCHEMA, parseEvents, YAMLException, type Event } from 'js-yaml';
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
}

/**
 * Parses a user's framework file (YAML, or JSON, which is YAML too); any problem means no
 * framework (the caller keeps the previous one). The file is read by js-yaml with YAML 1.2's
 * core schema, so `rank: 3` is a number and a duplicate key or an unknown tag is an error;
 * aliases are refused (an alias bomb would take the schema check forever). The data is then
 * checked against data/framework.schema.json (validate.ts), and each problem is put on the line
 * of the key at fault, found in the positioned tree of the same parse.
 */
export function parseFrameworkFile(text: string): FrameworkFileResult {
  const lines = new LineIndex(text);
  const at = (offset: number): Range => lineFrom(lines, offset);
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, { maxDepth: 64 });
    documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 });
  } catch (e) {
    const offset = e instanceof YAMLException ? (e.mark?.position ?? 0) : 0;
    return { problems: [{ message: yamlMessage(e, text, offset), range: at(offset) }] };
  }
  if (documents.length > 1) {
    return {
      problems: [{ message: 'A framework file holds one YAML document: remove the second `---` and what follows, or put it in a file of its own.', range: at(secondDocumentStart(text)) }],
    };
  }
  const value = documents[0];
  const problems = validateFrameworkData(value);
  if (problems.length) {
    const root = yamlTreeFromEvents(text, events).root;
    const placed = problems.map((p) => ({ message: p.message, range: at(offsetOf(root, p.path)) }));
    return { problems: placed.sort((a, b) => a.range.start.line - b.range.start.line) };
  }
  return { framework: new Framework(value as FrameworkData), problems: [] };
}

/** js-yaml's errors in the words of the rest of the file's messages. */
function yamlMessage(e: unknown, text: string, offset: number): string {
  const reason = e instanceof YAMLException ? e.reason || e.message : e instanceof Error ? e.message : String(e);
  if (reason.startsWith('duplicated mapping key')) {
    const key = /^\s*(?:"([^"]*)"|'([^']*)'|([^:#\n]*?))\s*:/.exec(text.slice(offset));
    const name = key ? (key[1] ?? key[2] ?? key[3]) : undefined;
    return name ? `YAML: the key \`${name}\` is given twice in one mapping.` : 'YAML: a key is given twice in one mapping.';
  }
  const tag = /^unknown (?:scalar |sequence |mapping )?tag !<(.*)>/.exec(reason);
  if (tag) {
    const name = tag[1].startsWith('tag:yaml.org,2002:') ? `!!${tag[1].slice('tag:yaml.org,2002:'.length)}` : tag[1];
    return `YAML: the tag ${name} is not supported in framework files.`;
  }
  if (reason.startsWith('aliases exceeded maxAliases')) return 'YAML: aliases (*name) are not supported in framework files; write the value out.';
  return `YAML syntax error: ${reason}.`;
}

/** Where the second document of a multi-document file starts. */
function secondDocumentStart(text: string): number {
  const re = /^---/gm;
  const first = re.exec(text);
  // A file that starts with `---` has its second document at the next marker.
  if (first && text.slice(0, first.index).trim() === '') return re.exec(text)?.index ?? first.index;
  return first?.index ?? 0;
}

/** The offset of the key (or, for a list item, the item) that a data path names; the nearest found. */
function offsetOf(root: YamlNode | undefined, path: DataPath): number {
  let node = root;
  let offset = root?.start ?? 0;
  for (const seg of path) {
    if (!node) break;
    if (node.kind === 'seq' && typeof seg === 'number') {
      node = node.items[seg];
      if (node) offset = node.start;
    } else if (node.kind === 'map') {
      // The last of equal keys is the one the data holds.
      let found: { key: YamlNode; value: YamlNode } | undefined;
      for (const item of node.items) if (item.key.kind === 'scalar' && item.key.value === String(seg)) found = item;
      if (!found) break;
      offset = found.key.start;
      node = found.value;
    } else break;
  }
  return offset;
}

/** From an offset to the end of its line: the line of a key as the range of its problem. */
function lineFrom(lines: LineIndex, offset: number): Range {
  const start = lines.position(offset);
  let end = lines.line(start.line).trimEnd().length;
  if (end < start.character) end = start.character;
  return { start, end: { line: start.line, character: end } };
}

/** The loaded frameworks: embedded plus workspace files, by id; a workspace file may replace an embedded one. */
export class FrameworkRegistry {
  private readonly fromFiles = new Map<string, Framework>();

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

  /** Loads or reloads a workspace framework file. On error the previous version stays in use. */
  setFile(uri: string, text: string): FrameworkFileResult {
    const result = parseFrameworkFile(text);
    if (result.framework) this.fromFiles.set(uri, result.framework);
    return result;
  }

  removeFile(uri: string): void {
    this.fromFiles.delete(uri);
  }
}
