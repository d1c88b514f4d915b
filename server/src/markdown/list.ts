// List items (`- `, `* `, `+ `, `12. `, `3) `, with a task box `[ ]`, `[x]`): written once for
// the parser and completion. Text pasted from a web page or a word processor keeps its bullets
// (`• `, `◦ `, `▪ `): they are list markers too.
import { isSpace } from './space';

/** A list item can start only with `-`, `*`, `+`, a pasted bullet or a digit. */
export function mayBeListItem(c: number): boolean {
  return c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57) || isBullet(c);
}

/** •, ◦, ▪, ●, ‣ or ⁃. */
function isBullet(c: number): boolean {
  return c === 0x2022 || c === 0x25e6 || c === 0x25aa || c === 0x25cf || c === 0x2023 || c === 0x2043;
}

/**
 * The length of the list marker the line starts with (`- `, `12. `, `* [x] `), white space
 * before and after included, or -1; `first` is the line's first non-space character.
 */
export function listMarkerLength(text: string, first: number): number {
  let i = first;
  const c = text.charCodeAt(i);
  if (c === 45 || c === 42 || c === 43 || isBullet(c)) i++; // - * + •
  else {
    while (i < text.length && i - first < 4 && isDigit(text.charCodeAt(i))) i++;
    const digits = i - first;
    const after = text.charCodeAt(i);
    if (digits < 1 || digits > 3 || (after !== 46 && after !== 41)) return -1; // . )
    i++;
  }
  if (!isSpace(text.charCodeAt(i))) return -1;
  while (isSpace(text.charCodeAt(i))) i++;
  // A task list's checkbox: `[ ]`, `[x]`, `[X]`, then white space.
  if (text.charCodeAt(i) === 91 && text.charCodeAt(i + 2) === 93 && isSpace(text.charCodeAt(i + 3))) {
    const box = text.charCodeAt(i + 1);
    if (box === 32 || box === 120 || box === 88) {
      i += 3;
      while (isSpace(text.charCodeAt(i))) i++;
    }
  }
  return i;
}

/** The list marker at the start of a line (white space before it included), or -1 when the line is no list item. */
export function listLead(text: string): number {
  let first = 0;
  while (first < text.length && isSpace(text.charCodeAt(first))) first++;
  return first < text.length && mayBeListItem(text.charCodeAt(first)) ? listMarkerLength(text, first) : -1;
}

/** Whether a line goes on with the list item above it (its text wrapped, indented or not): not
 *  blank, and no other item, heading, table row, fence or block quote. */
export function continuesItem(text: string): boolean {
  let f = 0;
  while (f < text.length && isSpace(text.charCodeAt(f))) f++;
  if (f === text.length) return false;
  const c = text.charCodeAt(f);
  if (mayBeListItem(c) && listMarkerLength(text, f) >= 0) return false;
  return c !== 35 && c !== 124 && c !== 96 && c !== 126 && c !== 62; // # | ` ~ >
}

/** 0 to 9. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
