// Code in Markdown as CommonMark reads it, for what must not read code as markup (a silencing
// comment shown in a code block is an example, not a comment): fenced and indented code blocks,
// and code spans on a line.
import type { LineIndex } from '../documents/lineIndex';
import { afterLine, fenceAt, type Fence } from './fence';
import { listLead } from './list';

/**
 * Whether a line is in a code block (fenced, the fences included, or indented), for lines asked
 * about in increasing order from `from`: each line is looked at once, however many are asked.
 * An indented block needs four columns more than the list item it is in, and cannot interrupt
 * a paragraph.
 *
 * `lines` are read as the parser reads them, HTML comments blanked: a fence inside a comment
 * opens nothing. `written`, the same lines with their comments, tells a line that starts with a
 * comment (or is one) from a blank or indented one: it is an HTML block, which ends a paragraph
 * and an indented block (unless indented as far as the block's code), and opens an indented
 * block when indented as far as code.
 */
export function codeBlockLines(lines: LineIndex, from: number, written: LineIndex = lines): (line: number) => boolean {
  let n = from;
  let fence: Fence | undefined;
  let indented = false;
  let afterParagraph = false;
  let blankAbove = false;
  /** The column of the innermost list item's text; 0 outside lists. */
  let item = 0;
  let code = false;
  return (line) => {
    for (; n <= line && n < lines.lineCount; n++) {
      const text = lines.line(n);
      const indent = columns(text);
      if (written !== lines && !fence) {
        const own = written.line(n);
        const ownIndent = columns(own);
        if (ownIndent !== indent) {
          // A line that starts with a comment (or goes on with one): code inside an indented
          // block or opening one, else an HTML block.
          if (ownIndent >= item + 4 && (indented || (!afterParagraph && own.trimStart().startsWith('<!--')))) {
            if (!indented) blankAbove = false;
            indented = code = true;
            continue;
          }
          indented = code = false;
          if (blankAbove && ownIndent < item) item = 0;
          blankAbove = afterParagraph = false;
          continue;
        }
      }
      if (fence) {
        fence = afterLine(fence, text.slice(indentEnd(text, item)));
        code = true;
        continue;
      }
      if (indent === -1) {
        code = indented;
        blankAbove = true;
        afterParagraph = false;
        continue;
      }
      if (indented && indent >= item + 4) {
        code = true;
        continue;
      }
      indented = false;
      if (indent >= item + 4 && !afterParagraph) {
        indented = code = true;
        blankAbove = false;
        continue;
      }
      code = false;
      // A line less indented than the list item's text, after a blank line, ends the list.
      if (blankAbove && indent < item) item = 0;
      blankAbove = false;
      const relative = text.slice(indentEnd(text, item));
      const opened = fenceAt(relative);
      if (opened) {
        fence = opened;
        code = true;
        afterParagraph = false;
        continue;
      }
      const lead = listLead(text);
      if (lead >= 0) item = indentColumns(text.slice(0, lead));
      const first = relative.trimStart()[0];
      afterParagraph = lead >= 0 || !(first === '#' || (first === '<' && /-->\s*$/.test(relative)));
    }
    return code;
  };
}

/** The columns of white space a line starts with (a tab to the next multiple of four); -1 for a blank line. */
function columns(text: string): number {
  const start = textStart(text);
  return start === text.length ? -1 : indentColumns(text.slice(0, start));
}

function textStart(text: string): number {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function indentColumns(lead: string): number {
  let col = 0;
  for (const c of lead) col = c === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

/** Where `want` columns of a line's leading white space end (fewer when it has fewer). */
function indentEnd(text: string, want: number): number {
  let col = 0;
  let i = 0;
  while (i < text.length && col < want && (text[i] === ' ' || text[i] === '\t')) {
    col = text[i] === '\t' ? col + 4 - (col % 4) : col + 1;
    i++;
  }
  return i;
}

/**
 * The HTML comments of a line that are not inside a code span, as [start, end) offsets, read
 * left to right as CommonMark does: a backtick string opens a code span when a string of as many
 * backticks follows on the line, and what comes first, a code span or a comment, wins.
 */
export function commentsOutsideCode(text: string): [number, number][] {
  const out: [number, number][] = [];
  // Each backtick string, and the next one of the same length (its closer): one pass from the right.
  const runs: { start: number; end: number; closer: number }[] = [];
  for (let i = text.indexOf('`'); i !== -1; i = text.indexOf('`', i)) {
    let e = i;
    while (text[e] === '`') e++;
    runs.push({ start: i, end: e, closer: -1 });
    i = e;
  }
  const nextOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const length = runs[r].end - runs[r].start;
    runs[r].closer = nextOfLength.get(length) ?? -1;
    nextOfLength.set(length, r);
  }
  let r = 0;
  let i = 0;
  while (i < text.length) {
    const comment = text.indexOf('<!--', i);
    while (r < runs.length && runs[r].start < i) r++;
    const run = runs[r];
    if (run && (comment === -1 || run.start < comment) && !escaped(text, run.start)) {
      // An opener without a closer is plain backticks.
      i = run.closer === -1 ? run.end : runs[run.closer].end;
      continue;
    }
    if (comment === -1) break;
    if (run && run.start < comment) {
      i = run.end; // an escaped backtick
      continue;
    }
    const end = text.indexOf('-->', comment + 4);
    if (end === -1) break;
    out.push([comment, end + 3]);
    i = end + 3;
  }
  return out;
}

/** Whether the character at `at` is escaped by an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let n = 0;
  while (at - n - 1 >= 0 && text[at - n - 1] === '\\') n++;
  return n % 2 === 1;
}
