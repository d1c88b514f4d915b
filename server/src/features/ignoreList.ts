// The workspace's ignore list, `.skill-lens/ignore.yaml`: words whose findings of a code are
// not reported anywhere in the workspace, the way cspell keeps a project's word list.
//
//   # Findings Skill Lens does not report in this workspace, by code.
//   unknown-skill:
//     - Kubernetes
//     - Terraform
//
// A finding is ignored when the text it points at (bold and spacing aside, any case) is listed
// under its code. The file sits beside framework files in `.skill-lens/` but is never one.
import { CORE_SCHEMA, load } from 'js-yaml';
import { oneLineScalar } from '../yaml/yamlTree';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/model';
import { excerpt, shortened, textBytes, tooLarge } from '../fileText';

export const IGNORE_FOLDER = '.skill-lens';
export const IGNORE_FILE_NAME = 'ignore.yaml';
/** The folder and file, relative to the workspace folder. */
export const IGNORE_FILE = `${IGNORE_FOLDER}/${IGNORE_FILE_NAME}`;
/** Its two spellings (isIgnoreFile), relative to the folder that holds `.skill-lens/`. */
export const IGNORE_FILE_NAMES = [IGNORE_FILE, `${IGNORE_FOLDER}/ignore.yml`] as const;

/**
 * Ignore lists larger than this are not read: a list is parsed on the server's main thread, and
 * 1 MB (some 40,000 words) takes about 65 ms; a 50 MB one took 306 MB and stalled hovers for 1.4 s.
 */
export const IGNORE_LIST_MAX_BYTES = 1024 * 1024;

/** The most problems reported of one list: a file that is no ignore list would otherwise get one per line. */
const MAX_PROBLEMS = 10;

/** The codes a quick fix "Ignore … in this workspace" is offered for: findings about a written name. */
export const IGNORABLE_CODES: ReadonlySet<string> = new Set(['unknown-skill', 'unknown-level', 'unknown-role', 'unknown-grade', 'ambiguous-skill']);

export interface IgnoreList {
  /** Normalised words, by code. */
  readonly byCode: ReadonlyMap<string, ReadonlySet<string>>;
  /** What is wrong with the file, each on its line. */
  readonly problems: { message: string; range: Range }[];
  /** The file was not read (too large, a link out of the project…): nothing may be written to it. */
  readonly unread?: boolean;
}

export const EMPTY_IGNORE_LIST: IgnoreList = { byCode: new Map(), problems: [] };

/** Whether a path (or URI) is an ignore file: `.skill-lens/ignore.yaml` (or `.yml`) anywhere. */
export function isIgnoreFile(pathOrUri: string): boolean {
  return /(?:^|[\\/])\.skill-lens[\\/]ignore\.ya?ml$/i.test(pathOrUri);
}

/** A list that was not read, and why (readProjectFile's reason): no words, one problem on its first line. */
export function unreadIgnoreList(reason: string): IgnoreList {
  return { byCode: new Map(), problems: [{ message: `The ignore list is not read (${reason}).`, range: startRange() }], unread: true };
}

/** Reads an ignore list; a file that is not a map of codes to lists of words is reported, never thrown. */
export function parseIgnoreList(text: string): IgnoreList {
  const bytes = textBytes(text, IGNORE_LIST_MAX_BYTES);
  if (bytes > IGNORE_LIST_MAX_BYTES) return unreadIgnoreList(tooLarge(bytes, IGNORE_LIST_MAX_BYTES));
  const byCode = new Map<string, Set<string>>();
  const problems: IgnoreList['problems'] = [];
  const whole = startRange();
  // Blank or only comments: an empty list (the YAML reader wants a document).
  if (!/^[ \t]*[^\s#]/m.test(text)) return { byCode, problems };
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch (e) {
    const mark = (e as { mark?: { line?: number; column?: number } }).mark;
    const at = { line: mark?.line ?? 0, character: mark?.column ?? 0 };
    // js-yaml's first line, which may hold a piece of the file (a tag, an alias): cut short.
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    problems.push({ message: `The ignore list is not valid YAML: ${shortened(reason, 120)}`, range: { start: at, end: at } });
    return { byCode, problems };
  }
  if (data === undefined || data === null) return { byCode, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ message: 'The ignore list must map codes to lists of words, e.g. "unknown-skill: [Kubernetes]".', range: whole });
    return { byCode, problems };
  }
  for (const [code, value] of Object.entries(data as Record<string, unknown>)) {
    const words = Array.isArray(value) ? value : [value];
    const set = new Set<string>();
    for (const w of words) if (typeof w === 'string' || typeof w === 'number') set.add(normaliseWord(String(w)));
    if (set.size) byCode.set(code, set);
    if (words.some((w) => typeof w !== 'string' && typeof w !== 'number') && problems.length < MAX_PROBLEMS) {
      problems.push({ message: `Under ${excerpt(code)}, list words (text), e.g. "unknown-skill: [Kubernetes]".`, range: keyRange(text, code) ?? whole });
    }
  }
  return { byCode, problems };
}

function keyRange(text: string, key: string): Range | undefined {
  const lines = text.split('\n');
  const n = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`) || l.startsWith(`'${key}':`));
  return n === -1 ? undefined : { start: { line: n, character: 0 }, end: { line: n, character: key.length } };
}

/** Bold and code marks, outer spaces and case do not matter; inner spaces count once. */
export function normaliseWord(text: string): string {
  return text.replace(/[*_`]/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The text a diagnostic points at, as written (one line). */
export function pointedText(doc: ParsedDocument, d: Diagnostic): string {
  const { start, end } = d.range;
  if (end.line !== start.line) return '';
  return doc.lines.line(start.line).slice(start.character, end.character);
}

/** Whether the list ignores a diagnostic: its code lists the text it points at. */
export function isIgnored(list: IgnoreList, doc: ParsedDocument, d: Diagnostic): boolean {
  const words = list.byCode.get(String(d.code ?? ''));
  if (!words) return false;
  const text = normaliseWord(pointedText(doc, d));
  return !!text && words.has(text);
}

/**
 * The edit that adds a word under a code to the list's text (undefined: a new file), keeping
 * what is there: under the code's block list when it has one, else a new entry at the end. A
 * list written another way (`unknown-skill: [a, b]`) is written again in block style. Undefined
 * when the file is not YAML that can be extended safely.
 */
export function addToIgnoreList(existing: string | undefined, code: string, word: string): TextEdit[] | undefined {
  const item = oneLineScalar(word.trim());
  if (item === undefined) return undefined;
  const header = '# Findings Skill Lens does not report in this workspace, by code (see the README).\n';
  if (existing === undefined || !existing.trim()) return [{ range: startRange(), newText: `${existing === undefined ? header : ''}${code}:\n  - ${item}\n` }];
  const lines = existing.split('\n');
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const keyLine = lines.findIndex((l) => new RegExp(`^(["']?)${escapeRegExp(code)}\\1\\s*:`).test(l));
  if (keyLine === -1) {
    const end = endOf(lines);
    const lead = existing.endsWith('\n') ? '' : eol;
    return [{ range: { start: end, end }, newText: `${lead}${code}:${eol}  - ${item}${eol}` }];
  }
  const after = lines[keyLine].replace(/^[^:]*:/, '').replace(/\s+#.*$/, '').trim();
  if (after === '') {
    // A block list: after its last item (or the key, when it has none yet).
    let last = keyLine;
    let indent = '  ';
    for (let n = keyLine + 1; n < lines.length; n++) {
      const m = /^(\s*)-\s/.exec(lines[n]);
      if (m) {
        last = n;
        indent = m[1];
        continue;
      }
      if (/^\s*(#.*)?\r?$/.test(lines[n]) || /^\s+\S/.test(lines[n])) continue;
      break;
    }
    const at = { line: last + 1, character: 0 };
    if (last + 1 >= lines.length) {
      const end = endOf(lines);
      return [{ range: { start: end, end }, newText: `${existing.endsWith('\n') ? '' : eol}${indent}- ${item}${eol}` }];
    }
    return [{ range: { start: at, end: at }, newText: `${indent}- ${item}${eol}` }];
  }
  // A flow list or a single word on the key's line: written again as a block list, with the new word.
  let value: unknown;
  try {
    value = (load(existing, { schema: CORE_SCHEMA }) as Record<string, unknown>)[code];
  } catch {
    return undefined; // not valid YAML: the file's own finding says so; nothing is written over it
  }
  if (/^[[{]/.test(after) && !/[\]}]$/.test(after)) return undefined; // a flow list over several lines
  const words = (Array.isArray(value) ? value : [value]).filter((w) => typeof w === 'string' || typeof w === 'number').map(String);
  const items = [...words.map(oneLineScalar), item];
  if (items.includes(undefined)) return undefined;
  const block = [`${lines[keyLine].replace(/:.*$/, ':')}`, ...items.map((w) => `  - ${w}`)].join(eol);
  return [{ range: { start: { line: keyLine, character: 0 }, end: { line: keyLine, character: lines[keyLine].replace(/\r$/, '').length } }, newText: block }];
}

function startRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function endOf(lines: string[]) {
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

