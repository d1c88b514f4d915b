// YAML with source positions: js-yaml's event stream turned into a small tree whose nodes keep
// their offsets, so diagnostics point at the exact key or value. Aliases are kept as nodes and
// never expanded, so an alias bomb costs nothing.
import { constructFromEvents, CORE_SCHEMA, dump, EVENT_ID, getScalarValue, load, parseEvents, YAMLException, type Event } from 'js-yaml';
import { readBlockYaml, type YamlSink } from './blockYaml';

export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlAlias;

export interface YamlScalar {
  kind: 'scalar';
  value: string;
  /** Plain (unquoted) scalars may be numbers, booleans or null; quoted ones are strings. */
  plain: boolean;
  /** Offsets of the value's text; start === end for an empty (null) value. */
  start: number;
  end: number;
}

export interface YamlMap {
  kind: 'map';
  start: number;
  end: number;
  items: { key: YamlNode; value: YamlNode }[];
}

export interface YamlSeq {
  kind: 'seq';
  start: number;
  end: number;
  items: YamlNode[];
}

export interface YamlAlias {
  kind: 'alias';
  start: number;
  end: number;
}

export interface YamlParseResult {
  root?: YamlNode;
  error?: { message: string; offset: number };
  /** Read by the fast block reader: plain block YAML, no anchors, aliases or tags. */
  block?: boolean;
}

const STYLE_PLAIN = 1;

/** Builds the tree from either reader: blockYaml's calls or js-yaml's events. */
class TreeBuilder implements YamlSink {
  root?: YamlNode;
  private readonly stack: { node: YamlMap | YamlSeq; pendingKey?: YamlNode }[] = [];
  /** End of the last scalar or alias: where an empty value sits and a collection ends. */
  private lastEnd = 0;

  get depth(): number {
    return this.stack.length;
  }

  private attach(node: YamlNode): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.root ??= node;
      return;
    }
    if (top.node.kind === 'seq') top.node.items.push(node);
    else if (top.pendingKey === undefined) top.pendingKey = node;
    else {
      top.node.items.push({ key: top.pendingKey, value: node });
      top.pendingKey = undefined;
    }
  }

  scalar(start: number, end: number, value: string, plain: boolean): void {
    if (start < 0) {
      this.attach({ kind: 'scalar', value: '', plain, start: this.lastEnd, end: this.lastEnd });
      return;
    }
    this.lastEnd = end;
    this.attach({ kind: 'scalar', value, plain, start, end });
  }

  alias(start: number, end: number): void {
    this.lastEnd = end;
    this.attach({ kind: 'alias', start, end });
  }

  open(kind: 'map' | 'seq', start: number): void {
    const node: YamlMap | YamlSeq = kind === 'map' ? { kind, start, end: start, items: [] } : { kind, start, end: start, items: [] };
    this.attach(node);
    this.stack.push({ node });
  }

  close(): void {
    const closed = this.stack.pop();
    if (closed) closed.node.end = Math.max(closed.node.start, this.lastEnd);
  }
}

/**
 * Parses the first YAML document of `source`; offsets are relative to `source`. `depth`: how
 * many collections down a larger document the source sits (see readBlockYaml), so that the
 * nesting limit falls where it would for the whole.
 */
export function parseYaml(source: string, depth = 0): YamlParseResult {
  // Block YAML as people write it takes the fast reader; everything else, and every error,
  // js-yaml.
  return parseBlockYaml(source, depth) ?? parseYamlEvents(source, depth);
}

/** The fast reader's tree, or undefined where it leaves the text to js-yaml (see readBlockYaml for `depth`). */
export function parseBlockYaml(source: string, depth = 0): YamlParseResult | undefined {
  const tree = new TreeBuilder();
  return readBlockYaml(source, tree, depth) ? { root: tree.root, block: true } : undefined;
}

/** The tree from js-yaml's event stream: any YAML, with its errors. */
export function parseYamlEvents(source: string, depth = 0): YamlParseResult {
  let events;
  try {
    events = parseEvents(source, { maxDepth: 64 - depth });
  } catch (e) {
    if (e instanceof YAMLException) {
      return { error: { message: e.reason || e.message, offset: e.mark?.position ?? 0 } };
    }
    return { error: { message: e instanceof Error ? e.message : String(e), offset: 0 } };
  }
  return yamlTreeFromEvents(source, events);
}

/** The tree of the first document of js-yaml's events for `source`. */
export function yamlTreeFromEvents(source: string, events: readonly Event[]): YamlParseResult {
  const tree = new TreeBuilder();
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.SCALAR:
        if (ev.valueStart < 0) tree.scalar(-1, -1, '', ev.style === STYLE_PLAIN);
        else tree.scalar(ev.valueStart, ev.valueEnd, getScalarValue(source, ev), ev.style === STYLE_PLAIN);
        break;
      case EVENT_ID.MAPPING:
        tree.open('map', ev.start);
        break;
      case EVENT_ID.SEQUENCE:
        tree.open('seq', ev.start);
        break;
      case EVENT_ID.ALIAS:
        tree.alias(Math.max(0, ev.anchorStart - 1), ev.anchorEnd);
        break;
      case EVENT_ID.POP:
        tree.close();
        // Only the first document matters (front matter or a pathway file).
        if (tree.root && tree.depth === 0) return { root: tree.root };
        break;
      default:
        break;
    }
  }
  return { root: tree.root };
}

/** A piece of YAML that does not parse on its own: its span and, for a mapping entry, its key. */
export interface BrokenPart {
  key?: string;
  start: number;
  end: number;
}

/**
 * What can still be read of YAML that has a syntax error: each top-level entry of a mapping (a
 * key at column 0 and the lines under it) parsed on its own. The entries that parse make one
 * mapping, offsets relative to `source`; `broken` are the others. Undefined when the text is
 * not a mapping of such entries. One slip must not hide the rest of a file.
 */
export function parseYamlEntries(source: string): { root: YamlMap; broken: BrokenPart[] } | undefined {
  const starts = entryStarts(source);
  if (!starts) return undefined;
  const root: YamlMap = { kind: 'map', start: starts[0], end: starts[0], items: [] };
  const broken: BrokenPart[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : source.length;
    const entry = parseYaml(source.slice(start, end)).root;
    if (entry?.kind === 'map' && entry.items.length === 1) {
      const item = entry.items[0];
      root.items.push({ key: shifted(item.key, start), value: shifted(item.value, start) });
      root.end = start + entry.end;
    } else {
      broken.push({ key: entryKey(source, start), start, end });
    }
  }
  return { root, broken };
}

/**
 * The offsets of the lines that start a top-level mapping entry: not blank, not indented, not
 * a comment, a sequence item, the end of a flow collection or a document marker. Undefined when
 * the first such line does not look like a key (a list, a scalar).
 */
function entryStarts(source: string): number[] | undefined {
  const starts: number[] = [];
  for (let pos = 0; pos < source.length; ) {
    const nl = source.indexOf('\n', pos);
    const end = nl < 0 ? source.length : nl;
    const c = source.charCodeAt(pos);
    const marker = (c === 45 || c === 46) && /^(---|\.\.\.)\s*$/.test(source.slice(pos, Math.min(end, pos + 8)));
    const item = c === 45 && (pos + 1 >= end || /\s/.test(source[pos + 1]));
    if (pos < end && !marker && !item && !/[\s#\]},]/.test(source[pos])) starts.push(pos);
    else if (item && starts.length === 0) return undefined; // the document is a list
    pos = nl < 0 ? source.length : nl + 1;
  }
  return starts.length && entryKey(source, starts[0]) !== undefined ? starts : undefined;
}

/** The key of the entry starting at `at`, if its first line has one (`topics:`, `"a b": x`). */
function entryKey(source: string, at: number): string | undefined {
  const nl = source.indexOf('\n', at);
  const line = source.slice(at, nl < 0 ? source.length : nl);
  // Greedy, with one place for spaces: a long line costs one pass.
  const m = /^(?:"([^"]*)"\s*|'([^']*)'\s*|([^\s:#'"][^:#]*)):(?:\s|$)/.exec(line);
  return m ? (m[1] ?? m[2] ?? m[3].trimEnd()) : undefined;
}

/** A tree read from text that starts `by` characters into the whole, moved to the whole's offsets. */
function shifted(node: YamlNode, by: number): YamlNode {
  node.start += by;
  node.end += by;
  if (node.kind === 'seq') for (const item of node.items) shifted(item, by);
  else if (node.kind === 'map') {
    for (const item of node.items) {
      shifted(item.key, by);
      shifted(item.value, by);
    }
  }
  return node;
}

/** Looks up a key in a YAML mapping, comparing scalar keys case-insensitively. */
export function mapGet(node: YamlNode | undefined, key: string): { key: YamlNode; value: YamlNode } | undefined {
  if (!node || node.kind !== 'map') return undefined;
  const wanted = key.toLowerCase();
  for (const item of node.items) {
    const k = item.key;
    // Keys are nearly always written in lower case already: compare before lower-casing.
    if (k.kind === 'scalar' && k.value.length === wanted.length && (k.value === wanted || k.value.toLowerCase() === wanted)) return item;
  }
  return undefined;
}

/** Whether a tree holds an alias (`*name`): a part of it read alone may then not stand alone. */
export function hasAlias(node: YamlNode, depth = 0): boolean {
  if (node.kind === 'alias') return true;
  if (node.kind === 'seq') return node.items.some((i) => hasAlias(i, depth + 1));
  if (node.kind === 'map') return node.items.some((i) => hasAlias(i.key, depth + 1) || hasAlias(i.value, depth + 1));
  return false;
}

/** A scalar's text, or undefined for collections and aliases. */
export function scalarText(node: YamlNode | undefined): string | undefined {
  return node?.kind === 'scalar' ? node.value : undefined;
}

/** Plain JavaScript value of a node (aliases become null), for front-matter fields. */
export function toValue(node: YamlNode | undefined, depth = 0): unknown {
  if (!node || depth > 64) return null;
  switch (node.kind) {
    case 'scalar':
      // Plain `null`, `~` or nothing is YAML's null (a framework's "not defined" level).
      return node.plain && /^(null|Null|NULL|~|)$/.test(node.value) ? null : node.value;
    case 'seq':
      return node.items.map((i) => toValue(i, depth + 1));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const { key, value } of node.items) {
        if (key.kind !== 'scalar') continue;
        // `__proto__:` is a key like any other, not the object's prototype.
        if (key.value === '__proto__') Object.defineProperty(out, key.value, { value: toValue(value, depth + 1), enumerable: true, writable: true, configurable: true });
        else out[key.value] = toValue(value, depth + 1);
      }
      return out;
    }
    default:
      return null;
  }
}

/**
 * The keys given a second time in the same mapping, anywhere under `node` but not under `skip`,
 * each with the key it repeats. The readers keep one of them; the writer should know.
 */
export function duplicateKeys(node: YamlNode, skip?: YamlNode): { key: YamlScalar; first: YamlScalar }[] {
  const out: { key: YamlScalar; first: YamlScalar }[] = [];
  const walk = (n: YamlNode): void => {
    if (n === skip) return;
    if (n.kind === 'map') {
      const seen = new Map<string, YamlScalar>();
      for (const { key, value } of n.items) {
        if (key.kind === 'scalar') {
          const first = seen.get(key.value);
          if (first) out.push({ key, first });
          else seen.set(key.value, key);
        }
        walk(value);
      }
    } else if (n.kind === 'seq') {
      for (const item of n.items) walk(item);
    }
  };
  walk(node);
  return out;
}

/** The offset of the key (or, for a list item, the item) that a data path names; the nearest found. */
export function offsetOfPath(root: YamlNode | undefined, path: readonly (string | number)[]): number {
  let node = root;
  let offset = root?.start ?? 0;
  for (const seg of path) {
    if (!node) break;
    if (node.kind === 'seq' && (typeof seg === 'number' || /^\d+$/.test(seg))) {
      node = node.items[Number(seg)];
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

/**
 * A data file's YAML (a framework file, the project configuration) read strictly: YAML 1.2's
 * core schema, no aliases (an alias bomb would take the schema check forever), nesting capped.
 * The events are kept for the positioned tree of the same parse (yamlTreeFromEvents); on an
 * error, js-yaml's reason and where it found it.
 */
export function readDataYaml(text: string, maxDepth: number): { events: Event[]; documents: unknown[] } | { reason: string; offset: number } {
  try {
    const events = parseEvents(text, { maxDepth });
    return { events, documents: constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 }) };
  } catch (e) {
    const offset = e instanceof YAMLException ? (e.mark?.position ?? 0) : 0;
    const reason = e instanceof YAMLException ? e.reason || e.message : e instanceof Error ? e.message : String(e);
    return { reason, offset };
  }
}

/**
 * A string as one YAML scalar on one line, written by js-yaml: quoted when it would otherwise be
 * read as a number, a boolean or null (`0x1F`, `1e3`, `.inf`) or not as written, control
 * characters escaped (a raw one makes a whole file unreadable). Undefined when it cannot be
 * written so and read back as it is.
 */
export function oneLineScalar(text: string): string | undefined {
  const written = dump(text, { lineWidth: -1 }).replace(/\n$/, '');
  if (written.includes('\n')) return undefined;
  try {
    return load(written, { schema: CORE_SCHEMA }) === text ? written : undefined;
  } catch {
    return undefined;
  }
}
