// One map of a document version's Markdown blocks, line by line: front matter, code (fenced or
// indented), HTML comments, headings and their depth and section, tables and their header row,
// list items, blank lines and text. Every reader that walks a body's lines (the review reader,
// the body role and grade, completion's section scans, silencing) asks it instead of deciding
// again with rules of its own (ARCHITECTURE.md, "One reader per syntax"). The rules are those of
// markdown/: a line is read with its HTML comments blanked, as the mention scanner reads it, so
// `### Data modelling <!-- note -->` is the heading Data modelling to every reader.
//
// The map is made once per version and filled only as far down as it is asked: the body role
// reads the first lines of a 1 MB advert without the rest being classified, and a document no
// reader walks (an advert being typed, without silencing comments) costs nothing.
import { caches } from '../caches';
import { codeBlockLines } from '../markdown/code';
import { HEADING, headingDepth } from '../markdown/heading';
import { listLead } from '../markdown/list';
import { isTableRow, isTableSeparator, mayBeTableHeader } from '../markdown/table';
import { withoutHtmlComments } from './htmlComments';
import type { LineIndex } from './lineIndex';
import type { ParsedDocument } from './model';

/** What a line is. */
export const Block = {
  blank: 0,
  text: 1,
  heading: 2,
  listItem: 3,
  tableRow: 4,
  code: 5,
  comment: 6,
  frontMatter: 7,
} as const;
export type BlockKind = (typeof Block)[keyof typeof Block];

export class BlockMap {
  /** The lines as every reader reads them: HTML comments blanked, offsets kept. */
  readonly read: LineIndex;
  private readonly kinds: Uint8Array;
  private readonly depths: Uint8Array;
  private readonly sections: Int32Array;
  private readonly tables: Int32Array;
  /** Lines classified so far (from 0). */
  private done = 0;
  private readonly inCode: (line: number) => boolean;
  private section = -1;
  private table = -1;

  constructor(
    /** The lines as written. */
    readonly lines: LineIndex,
    /** The first line of the Markdown body (after front matter). */
    readonly bodyStart: number,
    /** The lines as the parser reads them: comments blanked (and a body glued to the front
     *  matter's closing `---` moved to the start of its line), offsets kept. */
    read: LineIndex = withoutHtmlComments(lines),
  ) {
    this.read = read;
    const count = lines.lineCount;
    this.kinds = new Uint8Array(count);
    this.depths = new Uint8Array(count);
    this.sections = new Int32Array(count);
    this.tables = new Int32Array(count);
    // Code as the parser reads it: a fence inside a comment opens nothing.
    this.inCode = codeBlockLines(read, bodyStart, lines);
  }

  kind(line: number): BlockKind {
    return this.at(line) ? (this.kinds[line] as BlockKind) : Block.blank;
  }

  /** Whether the line is body text a reader may read: not front matter, code or a comment. */
  isRead(line: number): boolean {
    const k = this.kind(line);
    return k !== Block.code && k !== Block.comment && k !== Block.frontMatter;
  }

  isCode(line: number): boolean {
    return this.kind(line) === Block.code;
  }

  /** The depth of a heading line (1 to 6); 0 for any other line. */
  headingDepth(line: number): number {
    return this.at(line) ? this.depths[line] : 0;
  }

  /** A heading's text (as read: comments blanked) and where it starts on its line. */
  heading(line: number): { text: string; start: number; depth: number } | undefined {
    const depth = this.headingDepth(line);
    if (!depth) return undefined;
    const m = HEADING.exec(this.read.line(line))!;
    return { text: m[2], start: m[1].length, depth };
  }

  /** The heading line whose section holds a line (the nearest heading above or on it); -1 before the first. */
  sectionOf(line: number): number {
    return this.at(line) ? this.sections[line] : -1;
  }

  /** For a table row (its header, separator and body rows): the header row's line; else -1. */
  tableHeaderOf(line: number): number {
    return this.at(line) && this.kinds[line] === Block.tableRow ? this.tables[line] : -1;
  }

  /** Whether a line exists, classifying the lines down to it on first ask. */
  private at(line: number): boolean {
    if (line < 0 || line >= this.kinds.length) return false;
    for (; this.done <= line; this.done++) this.classify(this.done);
    return true;
  }

  private classify(n: number): void {
    this.sections[n] = this.section;
    this.tables[n] = -1;
    if (n < this.bodyStart) {
      this.kinds[n] = Block.frontMatter;
      return;
    }
    if (this.inCode(n)) {
      this.kinds[n] = Block.code;
      this.table = -1;
      return;
    }
    const text = this.read.line(n);
    if (!text.trim()) {
      // Blank once the comments are blanked: a comment's line, or a blank one.
      this.kinds[n] = this.lines.line(n).trim() ? Block.comment : Block.blank;
      if (this.kinds[n] === Block.blank) this.table = -1;
      return;
    }
    const heading = HEADING.exec(text);
    if (heading) {
      this.kinds[n] = Block.heading;
      this.depths[n] = headingDepth(heading);
      this.section = n;
      this.sections[n] = n;
      this.table = -1;
      return;
    }
    if (this.table >= 0 && isTableRow(text)) {
      this.kinds[n] = Block.tableRow;
      this.tables[n] = this.table;
      return;
    }
    if (mayBeTableHeader(text) && n + 1 < this.lines.lineCount && isTableSeparator(this.read.line(n + 1))) {
      this.table = n;
      this.kinds[n] = Block.tableRow;
      this.tables[n] = n;
      return;
    }
    this.table = -1;
    this.kinds[n] = listLead(text) >= 0 ? Block.listItem : Block.text;
  }
}

const maps = caches.weak<LineIndex, BlockMap>();

/**
 * The block map of a text (the lines as written) whose body starts at `bodyStart`, made once per
 * version: the parser makes it with the lines it reads (`read`), and the features, asking with
 * the document's lines, get the same map.
 */
export function blockMapOf(lines: LineIndex, bodyStart: number, read?: LineIndex): BlockMap {
  let map = maps.get(lines);
  if (!map || map.bodyStart !== bodyStart || (read && map.read !== read)) {
    map = new BlockMap(lines, bodyStart, read);
    maps.set(lines, map);
  }
  return map;
}

/** A parsed document's block map: its body from the line after the front matter. */
export function blockMap(doc: ParsedDocument): BlockMap {
  return blockMapOf(doc.lines, doc.bodyStart);
}
