// A user's framework file (YAML, or JSON, which is YAML too) read and checked: the data, or the
// problems, each on the line of the key at fault. No Framework is built here: this module runs
// in the worker that reads framework files off the server's main thread (fileWorker.ts) too.
import type { Range } from 'vscode-languageserver-types';
import { LineIndex, restOfLine } from '../documents/lineIndex';
import { offsetOfPath, readDataYaml, yamlTreeFromEvents } from '../yaml/yamlTree';
import type { FrameworkData } from './model';
import { validateFrameworkData } from './validate';
import { sizeOverLimit, textBytes } from '../fileText';

/**
 * Framework files larger than this are not read: a 9.5 MB file took 4 s and 700 MB to load.
 * The largest real framework, DDaT with every role, is 0.7 MB as JSON.
 */
export const FRAMEWORK_FILE_MAX_BYTES = 5 * 1024 * 1024;

export interface FrameworkFileProblem {
  message: string;
  range: Range;
}

export interface FrameworkFileCheck {
  /** The checked data, when the file has no problems. */
  data?: FrameworkData;
  problems: FrameworkFileProblem[];
}

/** The problem of a file over the cap, or undefined; from its size alone, so the file need not be read. */
export function sizeProblem(bytes: number): FrameworkFileProblem | undefined {
  if (bytes <= FRAMEWORK_FILE_MAX_BYTES) return undefined;
  const { size, limit } = sizeOverLimit(bytes, FRAMEWORK_FILE_MAX_BYTES);
  return {
    message: `This framework file is ${size}: framework files are limited to ${limit}, so it is not loaded.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

/**
 * Reads and checks a user's framework file; any problem means no data (the caller keeps the
 * previous framework). A file over the size cap is not parsed. The file is read by js-yaml with
 * YAML 1.2's core schema, so `rank: 3` is a number and a duplicate key or an unknown tag is an
 * error; aliases are refused (an alias bomb would take the schema check forever). The data is then
 * checked against data/framework.schema.json (validate.ts), and each problem is put on the line
 * of the key at fault, found in the positioned tree of the same parse.
 */
export function checkFrameworkFile(text: string): FrameworkFileCheck {
  const tooLarge = sizeProblem(textBytes(text, FRAMEWORK_FILE_MAX_BYTES));
  if (tooLarge) return { problems: [tooLarge] };
  const lines = new LineIndex(text);
  const at = (offset: number): Range => restOfLine(lines, offset);
  const parsed = readDataYaml(text, 64);
  if ('reason' in parsed) return { problems: [{ message: yamlMessage(parsed.reason, text, parsed.offset), range: at(parsed.offset) }] };
  const { events, documents } = parsed;
  if (documents.length > 1) {
    return {
      problems: [{ message: 'A framework file holds one YAML document: remove the second `---` and what follows, or put it in a file of its own.', range: at(secondDocumentStart(text)) }],
    };
  }
  const value = documents[0];
  const problems = validateFrameworkData(value);
  if (problems.length) {
    const root = yamlTreeFromEvents(text, events).root;
    const placed = problems.map((p) => ({ message: p.message, range: at(offsetOfPath(root, p.path)) }));
    return { problems: placed.sort((a, b) => a.range.start.line - b.range.start.line) };
  }
  return { data: value as FrameworkData, problems: [] };
}

/** js-yaml's errors in the words of the rest of the file's messages. */
function yamlMessage(reason: string, text: string, offset: number): string {
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
