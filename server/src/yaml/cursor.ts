// Where the cursor is in YAML being typed (a pathway file, front matter): the keys above it, and
// whether a key or a value is typed. Read from the lines, since half-typed YAML rarely parses;
// the document's YAML itself is read by yamlTree.ts.
import type { LineIndex } from '../documents/lineIndex';

/** The cursor's line and what is before it. */
export interface YamlCursor {
  lines: LineIndex;
  line: number;
  /** The whole line, and the text before the cursor. */
  text: string;
  before: string;
}

/** Where the cursor is in the YAML: the keys above it, and whether a key or a value is typed. */
export interface YamlSpot {
  /** Keys from the root to the mapping being written; `[]` marks a list item. */
  path: string[];
  /** The key whose value is being typed, if the cursor is after `key:`. */
  valueKey?: string;
  /** Column where the typed text starts (after a quote, if any), and the quote. */
  start: number;
  quote: string;
  /** Column of the key being typed or of the key owning the value. */
  keyColumn: number;
}

// `  - key: value` split into indent, list dashes, key, and the rest.
const YAML_KEY_LINE = /^(\s*)((?:-\s+)*)((?:"[^"]*"|'[^']*'|[^\s#'"][^:#]*?))\s*:(?:\s+(.*)|$)/;

export function yamlSpot(ctx: YamlCursor, firstLine: number): YamlSpot | undefined {
  const before = ctx.before;
  if (/^\s*#/.test(before)) return undefined;
  const valueMatch = YAML_KEY_LINE.exec(before);
  if (valueMatch && valueMatch[4] !== undefined) {
    // Typing a value: `key: val|`.
    const indent = valueMatch[1].length;
    const dashes = valueMatch[2];
    const keyColumn = indent + dashes.length;
    const path = ancestors(ctx, firstLine, dashes ? indent : keyColumn, !!dashes);
    if (!path) return undefined;
    if (dashes) path.push('[]');
    const value = valueMatch[4];
    if (/^[|>[{&*!]/.test(value)) return undefined;
    const quote = /^["']/.test(value) ? value[0] : '';
    return { path, valueKey: unquote(valueMatch[3]), start: before.length - value.length + quote.length, quote, keyColumn };
  }
  const keyMatch = /^(\s*)((?:-\s+)*)([^\s#:'"][^:#]*)?$/.exec(before);
  if (!keyMatch) return undefined;
  const indent = keyMatch[1].length;
  const dashes = keyMatch[2];
  const path = ancestors(ctx, firstLine, indent, !!dashes);
  if (!path) return undefined;
  if (dashes) path.push('[]');
  return { path, start: indent + dashes.length, quote: '', keyColumn: indent + dashes.length };
}

/**
 * The keys that own a line written at `column`, found by walking up to less-indented lines.
 * A list item's `- ` may sit at the same column as its owning key (`topics:\n- name: x`),
 * hence `sameColumnOwns`. Returns undefined inside block scalars and other text we cannot place.
 */
function ancestors(ctx: YamlCursor, firstLine: number, column: number, sameColumnOwns: boolean): string[] | undefined {
  const path: string[] = [];
  let col = column;
  let equalOk = sameColumnOwns;
  for (let n = ctx.line - 1; n >= firstLine; n--) {
    if (col === 0 && !equalOk) break; // reached the root mapping
    // A pathway has thousands of lines nested deeper than the cursor's owners: pass over them
    // (and blank and comment lines) without slicing the line.
    const lead = leadingSpaces(ctx.lines, n);
    if (lead === SKIP_LINE || lead > col) continue;
    const t = ctx.lines.line(n);
    if (!t.trim() || /^\s*#/.test(t)) continue;
    if (/^(---|\.\.\.)\s*$/.test(t)) break;
    const m = /^(\s*)((?:-\s+)*)(.*)$/.exec(t)!;
    const indent = m[1].length;
    const dashes = m[2];
    const keyCol = indent + dashes.length;
    const key = YAML_KEY_LINE.exec(t);
    const opensBlock = !!key && (key[4] === undefined || /^#/.test(key[4]));
    const blockScalar = !!key && key[4] !== undefined && /^[|>][-+0-9]*\s*(#.*)?$/.test(key[4]);

    if (dashes) {
      // A `- ` at the same column is a sibling item of the same list, never a container.
      if (indent >= col) continue;
      // This line is a list item containing the cursor's line.
      if (key && keyCol < col && (opensBlock || blockScalar)) {
        if (blockScalar) return undefined;
        path.push(unquote(key[3]));
      }
      path.push('[]');
      col = indent;
      equalOk = true;
      continue;
    }
    if (indent < col || (equalOk && indent === col)) {
      if (!key) return undefined; // a continuation line of plain text
      if (blockScalar) return undefined;
      if (!opensBlock) {
        if (indent < col) return undefined; // the cursor is inside a multi-line scalar
        continue;
      }
      path.push(unquote(key[3]));
      col = indent;
      equalOk = false;
    }
  }
  return path.reverse();
}

/** leadingSpaces for a blank or comment line, which every YAML scan here passes over. */
const SKIP_LINE = -1;

/**
 * How many spaces line n starts with; SKIP_LINE for a blank or comment line, and 0 for a line
 * starting with a tab (it is then looked at in full).
 */
function leadingSpaces(lines: LineIndex, n: number): number {
  const text = lines.text;
  const start = lines.starts[n];
  const next = lines.starts[n + 1];
  const end = next === undefined ? text.length : next - 1;
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const c = i < end ? text.charCodeAt(i) : -1;
  if (c === -1 || c === 13 || c === 35) return SKIP_LINE; // blank, or `#`
  return c === 9 ? 0 : i - start;
}

function unquote(key: string): string {
  const k = key.trim();
  return /^(["']).*\1$/.test(k) ? k.slice(1, -1) : k;
}

/** Keys of the mapping the cursor is in that are already written (so they are not offered twice). */
export function siblingKeys(ctx: YamlCursor, spot: YamlSpot): Set<string> {
  const keys = new Set<string>();
  const scan = (n: number) => {
    const lead = leadingSpaces(ctx.lines, n);
    if (lead === SKIP_LINE || lead > spot.keyColumn) return true;
    const t = ctx.lines.line(n);
    if (!t.trim() || /^\s*#/.test(t)) return true;
    const m = /^(\s*)((?:-\s+)*)/.exec(t)!;
    const col = m[1].length + m[2].length;
    if (col < spot.keyColumn) return false;
    if (col === spot.keyColumn) {
      const key = YAML_KEY_LINE.exec(t);
      if (key) keys.add(unquote(key[3]).toLowerCase());
      if (m[2]) return false; // the first key of this list item
    }
    return true;
  };
  const limit = 500;
  // On a fresh `- ` line the keys above belong to the previous list item.
  const startsItem = /^\s*-\s/.test(ctx.text);
  if (!startsItem) for (let n = ctx.line - 1; n >= Math.max(0, ctx.line - limit) && scan(n); n--);
  for (let n = ctx.line + 1; n < Math.min(ctx.lines.lineCount, ctx.line + limit); n++) {
    const t = ctx.lines.line(n);
    if (/^\s*-\s/.test(t) && /^(\s*)/.exec(t)![1].length + 2 <= spot.keyColumn) break;
    if (!scan(n)) break;
  }
  return keys;
}

/** Plain YAML scalar if safe, else double-quoted. */
export function yamlText(text: string): string {
  const plainSafe = !/^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|:$|^(true|false|null|yes|no|on|off|~)$|^[\d.+-]+$/i.test(text) && !/\s$/.test(text);
  return plainSafe ? text : JSON.stringify(text);
}
