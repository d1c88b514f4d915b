// Markdown tables: the separator row, a row's cells and which columns hold skills and levels,
// written once for the parser and completion.
import { isBlankFrom } from './space';

/** Which header holds the level to check, best first. A review's table holds the writer's own
 *  rating (`Assessed level`, `Manager rating`, else `Self rating`), checked ahead of an expected or
 *  target level that only restates the framework (`| Skill | Expected level | Assessed level |`);
 *  any other table, the column headed `Level`, else the expected one. */
const LEVEL_HEADERS: readonly RegExp[] = [/assess|manager/, /rating|self|score/, /^(?!.*(?:expected|required|target)).*level/, /level/, /expected|required|target/];

/** The skill column (`Skill`, `DDaT skill`, `Competency`) and the level column (see LEVEL_HEADERS). -1 for none. */
export function tableColumns(headers: readonly string[]): { skillCol: number; levelCol: number } {
  const lower = headers.map((h) => h.trim().toLowerCase());
  const skillCol = lower.findIndex((h) => /skill|competenc|capabilit/.test(h) && !/level/.test(h));
  const levelCol = LEVEL_HEADERS.map((re) => lower.findIndex((h, i) => i !== skillCol && re.test(h))).find((i) => i >= 0) ?? -1;
  return { skillCol, levelCol };
}

/** Whether a header heads a column of levels (`Expected`, `Self rating`, `Manager rating`, `Level`). */
export function isLevelHeader(header: string): boolean {
  const h = header.trim().toLowerCase();
  return LEVEL_HEADERS.some((re) => re.test(h));
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
