// Mojibake repair. The seeds contain UTF-8 text that was once decoded with a single-byte code
// page: `’` (bytes E2 80 99) read as Windows-1252 becomes `â€™`; `🦉` (F0 9F A6 89) read as
// Mac Roman becomes `ü¶â`. Repair re-encodes such runs to bytes with the same code page and
// decodes them as UTF-8. Only runs that form valid multi-byte UTF-8 are touched, so correctly
// encoded text is left as it is.

/** What one kind of mojibake sequence was turned into, and how often. */
export interface Repair {
  from: string;
  to: string;
  count: number;
}

export interface RepairResult {
  text: string;
  repairs: Repair[];
}

/** Characters for bytes 0x80..0x9F in Windows-1252; 0xA0..0xFF are the Latin-1 code points.
 *  The five bytes Windows-1252 leaves undefined decode to the C1 control of the same value,
 *  which is how `”` (E2 80 9D) turns into `â€\u009d`. */
const WINDOWS_1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Characters for bytes 0x80..0xFF in Mac Roman (0xF0 is the Apple logo, U+F8FF). */
const MAC_ROMAN_80_FF =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü\u2020°¢£§\u2022¶ß®©\u2122´¨\u2260ÆØ\u221e±\u2264\u2265¥µ\u2202\u2211' +
  '\u220fπ\u222bªºΩæø¿¡¬\u221aƒ\u2248\u2206«»\u2026\u00a0ÀÃÕŒœ\u2013\u2014\u201c\u201d\u2018\u2019÷\u25caÿŸ' +
  '\u2044\u20ac\u2039\u203a\ufb01\ufb02\u2021·\u201a\u201e\u2030ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

function byteTable(high: string): Map<string, number> {
  const table = new Map<string, number>();
  [...high].forEach((char, index) => table.set(char, 0x80 + index));
  return table;
}

const windows1252Bytes = (() => {
  const table = byteTable(WINDOWS_1252_80_9F);
  for (let byte = 0xa0; byte <= 0xff; byte++) table.set(String.fromCharCode(byte), byte);
  return table;
})();

const macRomanBytes = byteTable(MAC_ROMAN_80_FF);

/** The source ends some bullets with a zero width space; it carries no text, so it is dropped. */
const ZERO_WIDTH_SPACE = '\u200b';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function redecode(text: string, bytesOf: Map<string, number>): RepairResult {
  const counts = new Map<string, Repair>();
  let output = '';
  let index = 0;
  while (index < text.length) {
    const decoded = decodeAt(text, index, bytesOf);
    if (!decoded) {
      output += text[index];
      index++;
      continue;
    }
    const from = text.slice(index, index + decoded.length);
    const to = decoded.char === ZERO_WIDTH_SPACE ? '' : decoded.char;
    const repair = counts.get(from) ?? { from, to, count: 0 };
    repair.count++;
    counts.set(from, repair);
    output += to;
    index += decoded.length;
  }
  return { text: output, repairs: [...counts.values()] };
}

/** The character that the mojibake run starting at `index` stands for, if there is one. */
function decodeAt(
  text: string,
  index: number,
  bytesOf: Map<string, number>,
): { char: string; length: number } | undefined {
  const lead = bytesOf.get(text[index]);
  const length = lead === undefined ? 0 : sequenceLength(lead);
  if (length === 0 || index + length > text.length) return undefined;
  const bytes = [lead as number];
  for (let offset = 1; offset < length; offset++) {
    const byte = bytesOf.get(text[index + offset]);
    if (byte === undefined || byte < 0x80 || byte > 0xbf) return undefined;
    bytes.push(byte);
  }
  try {
    return { char: strictUtf8.decode(Uint8Array.from(bytes)), length };
  } catch {
    return undefined; // overlong or surrogate encodings are not mojibake of real text
  }
}

/** Repairs UTF-8 text that was decoded as Windows-1252 (`â€™` -> `’`, `â€‹` removed). */
export function repairWindows1252(text: string): RepairResult {
  return redecode(text, windows1252Bytes);
}

/** Repairs UTF-8 text that was decoded as Mac Roman (`ü¶â` -> `🦉`). */
export function repairMacRoman(text: string): RepairResult {
  return redecode(text, macRomanBytes);
}

/** One report line per repaired sequence: `"â€™" -> "’" (45×)`. */
export function describeRepairs(repairs: Repair[], codePage: string): string[] {
  return repairs.map(
    (repair) =>
      `${codePage} mojibake ${JSON.stringify(repair.from)} -> ` +
      `${repair.to ? JSON.stringify(repair.to) : 'removed (zero width)'} (${repair.count}×)`,
  );
}
