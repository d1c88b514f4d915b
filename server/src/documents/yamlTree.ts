// YAML with source positions: js-yaml's event stream turned into a small tree whose nodes keep
// their offsets, so diagnostics point at the exact key or value. Aliases are kept as nodes and
// never expanded, so an alias bomb costs nothing.
import { EVENT_ID, getScalarValue, parseEvents, YAMLException } from 'js-yaml';

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
}

const STYLE_PLAIN = 1;

/** Parses the first YAML document of `source`; offsets are relative to `source`. */
export function parseYaml(source: string): YamlParseResult {
  let events;
  try {
    events = parseEvents(source, { maxDepth: 64 });
  } catch (e) {
    if (e instanceof YAMLException) {
      return { error: { message: e.reason || e.message, offset: e.mark?.position ?? 0 } };
    }
    return { error: { message: e instanceof Error ? e.message : String(e), offset: 0 } };
  }

  type Open = { node: YamlMap | YamlSeq; pendingKey?: YamlNode };
  const stack: Open[] = [];
  let root: YamlNode | undefined;
  let lastEnd = 0;

  const attach = (node: YamlNode) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root ??= node;
      return;
    }
    if (top.node.kind === 'seq') top.node.items.push(node);
    else if (top.pendingKey === undefined) top.pendingKey = node;
    else {
      top.node.items.push({ key: top.pendingKey, value: node });
      top.pendingKey = undefined;
    }
  };

  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.SCALAR: {
        const empty = ev.valueStart < 0;
        const start = empty ? lastEnd : ev.valueStart;
        const end = empty ? lastEnd : ev.valueEnd;
        if (!empty) lastEnd = end;
        attach({ kind: 'scalar', value: empty ? '' : getScalarValue(source, ev), plain: ev.style === STYLE_PLAIN, start, end });
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const node: YamlMap | YamlSeq =
          ev.type === EVENT_ID.MAPPING ? { kind: 'map', start: ev.start, end: ev.start, items: [] } : { kind: 'seq', start: ev.start, end: ev.start, items: [] };
        attach(node);
        stack.push({ node });
        break;
      }
      case EVENT_ID.ALIAS:
        lastEnd = ev.anchorEnd;
        attach({ kind: 'alias', start: Math.max(0, ev.anchorStart - 1), end: ev.anchorEnd });
        break;
      case EVENT_ID.POP: {
        const closed = stack.pop();
        if (closed) closed.node.end = Math.max(closed.node.start, lastEnd);
        break;
      }
      default:
        break;
    }
    // Only the first document matters (front matter or a pathway file).
    if (root && stack.length === 0 && ev.type === EVENT_ID.POP) break;
  }
  return { root };
}

/** Looks up a key in a YAML mapping, comparing scalar keys case-insensitively. */
export function mapGet(node: YamlNode | undefined, key: string): { key: YamlNode; value: YamlNode } | undefined {
  if (!node || node.kind !== 'map') return undefined;
  const wanted = key.toLowerCase();
  return node.items.find((i) => i.key.kind === 'scalar' && i.key.value.toLowerCase() === wanted);
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
      for (const { key, value } of node.items) if (key.kind === 'scalar') out[key.value] = toValue(value, depth + 1);
      return out;
    }
    default:
      return null;
  }
}
