// Offsets to LSP positions and back, in one pass over the text and binary search after.
import type { Position, Range } from 'vscode-languageserver-types';

export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: Int32Array;

  /** `known`: the line starts of a text with the same line breaks, when one is at hand. */
  constructor(
    readonly text: string,
    known?: Int32Array,
  ) {
    if (known) {
      this.starts = known;
      return;
    }
    // One pass into an array sized for lines of about 32 characters, grown when that is short.
    let starts = new Int32Array(Math.max(16, (text.length >> 5) + 1));
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      if (n === starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[n++] = i + 1;
    }
    this.starts = starts.subarray(0, n);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The text of a line without its line break. */
  line(n: number): string {
    const start = this.starts[n];
    if (start === undefined) return '';
    const next = this.starts[n + 1];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  /** The line break that ends line n (`\r\n` or `\n`); for the last line, the one before it, as a line added there would take. */
  lineBreak(n: number): string {
    const end = this.starts[n + 1] ?? this.starts[Math.min(n, this.starts.length - 1)];
    return end >= 2 && this.text.charCodeAt(end - 2) === 13 ? '\r\n' : '\n';
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: o - this.starts[line] };
  }

  /** The line an offset is on. Readers go through a document in order: the last answer or the next line is tried first. */
  lineOf(offset: number): number {
    const last = this.lastLine;
    const starts = this.starts;
    if (offset >= starts[last]) {
      if (last + 1 >= starts.length || offset < starts[last + 1]) return last;
      if (last + 2 >= starts.length || offset < starts[last + 2]) return (this.lastLine = last + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.lastLine = lo);
  }

  private lastLine = 0;

  offset(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    const start = this.starts[line];
    const lineEnd = start + this.line(line).length;
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function contains(range: Range, pos: Position): boolean {
  const afterStart = pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const beforeEnd = pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** From an offset to the end of its line: the line of a key as the range of its problem. */
export function restOfLine(lines: LineIndex, offset: number): Range {
  const start = lines.position(offset);
  let end = lines.line(start.line).trimEnd().length;
  if (end < start.character) end = start.character;
  return { start, end: { line: start.line, character: end } };
}
