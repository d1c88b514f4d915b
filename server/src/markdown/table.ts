// Markdown tables: the separator row, a row's cells and which columns hold skills and levels,
// written once for the parser and completion.
import { isBlankFrom } from './space';

/** The skill column (`Skill`, `DDaT skill`, `Competency`) and the level column: one headed
 *  `Level`; in a review, the assessed level (`Assessed`, `Rating`), else the expected one. -1 for none. */
export function tableColumns(headers: readonly string[]): { skillCol: number; levelCol: number } {
  const lower = headers.map((h) => h.trim().toLowerCase());
  const skillCol = lower.findIndex((h) => /skill|competenc|capabilit/.test(h) && !/level/.test(h));
  const levelCol = [/level/, /assess|rating|self/, /expected|required/].map((re) => lower.findIndex((h, i) => i !== skillCol && re.test(h))).find((i) => i >= 0) ?? -1;
  return { skillCol, levelCol };
}

/** A table's header row starts with a pipe (after indent); its other rows need only hold one. */
export function mayBeTableHeader(text: string): boolean {
  return text.trimStart().startsWith('|');
}

/** A row of a table under its separator: any line with a pipe that is not blank. */
export function isTableRow(text: string): boolean {
  return text.includes('|') && !isBlankFrom(text, 0);
}

/** The row under a table's header: `| --- | :--: |`. */
export function isTableSeparator(text: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(text);
}

/**
 * A row's cells as [start, end) columns between unescaped pipes. `open`: keep a last cell with
 * nothing in it after the last pipe (a cell being typed); a finished row has none.
 */
export function tableCells(text: string, open = false): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = text.indexOf('|');
  if (i === -1) return out;
  let start = i + 1;
  for (i = start; i <= text.length; i++) {
    if (i === text.length || (text.charCodeAt(i) === 124 && text.charCodeAt(i - 1) !== 92)) {
      if (i === text.length && !open && isBlankFrom(text, start)) break;
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}
