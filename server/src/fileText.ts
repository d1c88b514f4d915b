// A project file's text and size as a message gives them: a message never carries more of a
// file than a short, escaped excerpt (a file may be a link to a secret, or hold terminal escapes).

const KB = 1024;
const MB = 1024 * 1024;

/** Why a file over a size limit is not read: "300 KB, over the limit of 256 KB", "1.1 MB, over the limit of 1 MB". */
export function tooLarge(bytes: number, maxBytes: number): string {
  const { size, limit } = sizeOverLimit(bytes, maxBytes);
  return `${size}, over the limit of ${limit}`;
}

/**
 * A size over a limit, and the limit, in words: under 1 MB in whole KB, from 1 MB in MB to one
 * decimal (none when whole). The size is never shown as equal to the limit or below it: it is
 * given with more decimals when it would be, and both in bytes when those do not part them.
 */
export function sizeOverLimit(bytes: number, maxBytes: number): { size: string; limit: string } {
  const limit = inWords(maxBytes);
  for (let more = 0; more <= 3; more++) {
    const size = inWords(bytes, more);
    if (size.bytes > limit.bytes) return { size: size.text, limit: limit.text };
  }
  return { size: `${grouped(bytes)} bytes`, limit: `${grouped(maxBytes)} bytes` };
}

/** A size in words, and the bytes those words say (`more`: decimals besides the usual ones). */
function inWords(bytes: number, more = 0): { text: string; bytes: number } {
  if (bytes < KB) return { text: `${bytes} bytes`, bytes };
  const [unit, name] = bytes < MB ? [KB, 'KB'] : [MB, 'MB'];
  const shown = (bytes / unit).toFixed((unit === MB && bytes % MB !== 0 ? 1 : 0) + more);
  return { text: `${shown} ${name}`, bytes: Number(shown) * unit };
}

/** 1048577 as "1,048,577". */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The size of a text in UTF-8, without encoding it. A text short enough to be under `maxBytes`
 * whatever it holds is not counted: its length is given (under the limit either way).
 */
export function textBytes(text: string, maxBytes: number): number {
  // UTF-8 takes 1 to 3 bytes per UTF-16 unit.
  if (text.length * 3 <= maxBytes) return text.length;
  // Counted rather than encoded (no copy of a large text), as Buffer.byteLength counts, which
  // the browser's worker does not have: a lone surrogate is written as U+FFFD, 3 bytes.
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// C0 and C1 controls and DEL (a terminal acts on them: ESC starts a sequence that can write the
// clipboard or erase a line), line and paragraph separators, and the bidirectional overrides and
// isolates, which reorder what is shown.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text with its control characters written as escapes (`\x1b`, `\u2028`); other text as it is. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/**
 * A short piece of a file's text fit to quote in a message: in double quotes, at most `max`
 * characters (then "…"), quotes, backslashes and control characters escaped.
 */
export function excerpt(text: string, max = 40): string {
  const chars = Array.from(text);
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  return `"${escapeControls(cut.replace(/["\\]/g, '\\$&'))}"`;
}

/** Text of a message cut to at most `max` characters, its control characters escaped. */
export function shortened(text: string, max: number): string {
  const chars = Array.from(text);
  return escapeControls(chars.length > max ? `${chars.slice(0, max).join('')}…` : text);
}
