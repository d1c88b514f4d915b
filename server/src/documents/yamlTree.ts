// YAML with source positions: js-yaml's event stream turned into a small tree whose nodes keep
// their offsets, so diagnostics point at the exact key or value. Aliases are kept as nodes and
// never expanded, so an alias bomb costs nothing.
import { EVENT_ID, getScalarValue, parseEvents, YAMLException } from 'js-yaml';
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

/** Parses the first YAML document of `source`; offsets are relative to `source`. */
export function parseYaml(source: string): YamlParseResult {
  // Block YAML as people write it takes the fast reader; everything else, and every error,
  // js-yaml.
  return parseBlockYaml(source) ?? parseYamlEvents(source);
}

/** The fast reader's tree, or undefined where it leaves the text to js-yaml (see readBlockYaml for `depth`). */
export function parseBlockYaml(source: string, depth = 0): YamlParseResult | undefined {
  const tree = new TreeBuilder();
  return readBlockYaml(source, tree, depth) ? { root: tree.root, block: true } : undefined;
}

/** The tree from js-yaml's event stream: any YAML, with its errors. */
export function parseYamlEvents(source: string): YamlParseResult {
  let events;
  try {
    events = parseEvents(source, { maxDepth: 64 });
  } catch (e) {
    if (e instanceof YAMLException) {
      return { error: { message: e.reason || e.message, offset: e.mark?.position ?? 0 } };
    }
    return { error: { message: e instanceof Error ? e.message : String(e), offset: 0 } };
  }
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
