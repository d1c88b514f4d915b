// Reading an official CSV export: strict UTF-8, a header checked by column name, and cells
// cleaned of what exports leave in text (zero-width spaces, HTML entities, mojibake, stray
// white space). Every cleaning is counted so the importer can report it.
import { parse } from 'csv-parse/sync';
import { ImportError } from './common';
import { repairWindows1252 } from './textRepair';

/** One data row, by column name, with the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** What cleaning changed, by kind, summed over every cell. */
export type CleaningTally = Map<string, number>;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's bytes as UTF-8 (a byte order mark is dropped); anything else is refused. */
export function decodeCsv(bytes: Uint8Array, source: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) throw new ImportError(source, 0, 'the file is UTF-16: save it as UTF-8 ("CSV UTF-8" in a spreadsheet)');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) throw new ImportError(source, 0, 'the file is UTF-16: save it as UTF-8 ("CSV UTF-8" in a spreadsheet)');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new ImportError(source, 0, 'the file is not UTF-8 text: save it as UTF-8 ("CSV UTF-8" in a spreadsheet)');
  }
}

/** Parses CSV text whose header must hold every one of `columns` (in any order; more are ignored). */
export function readCsv(text: string, source: string, columns: readonly string[]): CsvRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let records: string[][];
  try {
    records = parse(body, { relax_column_count: true, skip_empty_lines: true, info: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new ImportError(source, line, `not a readable CSV file: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new ImportError(source, 1, 'the file is empty: expected a header line');
  const header = records[0].map((name) => name.replace(/\u200b/g, '').trim());
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new ImportError(
      source,
      1,
      `the header has no ${missing.map((m) => `"${m}"`).join(', ')} column${missing.length > 1 ? 's' : ''} (it has ${header.map((h) => `"${h}"`).join(', ')}); expected ${columns.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  const index = columns.map((column) => header.indexOf(column));
  // csv-parse counts records, not lines: find each record's first line by counting line breaks.
  const rows: CsvRow[] = [];
  let line = 2 + (records[0].join('').match(/\n/g)?.length ?? 0);
  for (let r = 1; r < records.length; r++) {
    const record = records[r];
    if (record.length < header.length && record.every((cell) => cell.trim() === '')) continue;
    const cells: Record<string, string> = {};
    columns.forEach((column, c) => (cells[column] = record[index[c]] ?? ''));
    rows.push({ line, cells });
    line += 1 + record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
  }
  return rows;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const ENTITY = /&(nbsp|amp|lt|gt|quot|apos|#39);/g;

function count(tally: CleaningTally, kind: string, n: number): void {
  if (n > 0) tally.set(kind, (tally.get(kind) ?? 0) + n);
}

/** A cell's text as the framework keeps it: no zero-width space, no HTML entity, no mojibake,
 *  Unix line ends, no space at the end of a line or around the whole. */
export function cleanCell(text: string, tally: CleaningTally): string {
  let out = text;
  if (out.includes('\u200b')) {
    count(tally, 'zero-width spaces removed', out.split('\u200b').length - 1);
    out = out.replace(/\u200b/g, '');
  }
  if (out.includes('&')) {
    const found = out.match(ENTITY)?.length ?? 0;
    if (found) {
      count(tally, 'HTML entities decoded', found);
      out = out.replace(ENTITY, (_, name: string) => ENTITIES[name]);
    }
  }
  if (out.includes('â€')) {
    const repaired = repairWindows1252(out);
    count(tally, 'mojibake sequences repaired', repaired.repairs.reduce((sum, r) => sum + r.count, 0));
    out = repaired.text;
  }
  out = out.replace(/\r\n?/g, '\n').replace(/[ \t\u00a0]+$/gm, '').replace(/^[ \t\u00a0]+(?=- )/gm, '');
  const trimmed = out.trim();
  if (trimmed.length !== out.length) count(tally, 'texts trimmed of leading or trailing space', 1);
  return trimmed;
}

/** `You can:\n- a\n- b` as its bullets; `Examples…:` starts a second list. */
export function bulletLists(text: string): { statements: string[]; examples: string[] } {
  const statements: string[] = [];
  const examples: string[] = [];
  let target = statements;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (/^examples\b.*:$/i.test(trimmed)) target = examples;
    const bullet = /^[-\u2022*]\s+(.+)$/.exec(trimmed);
    if (bullet) target.push(bullet[1].trim());
  }
  return { statements, examples };
}
