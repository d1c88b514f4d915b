// Fenced code blocks as CommonMark reads them: a fence of three or more backticks or tildes,
// indented at most three spaces, closed only by a fence of the same character, at least as long,
// with nothing after it. Written once for the parser and completion.

export interface Fence {
  /** `` ` `` or `~`. */
  char: string;
  length: number;
  /** Nothing but white space follows the marker: such a fence may close a block. */
  bare: boolean;
}

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** The fence a line is, if it is one (a backtick fence's info string has no backtick). */
export function fenceAt(line: string): Fence | undefined {
  const m = FENCE_LINE.exec(line);
  if (!m) return undefined;
  const char = m[1][0];
  if (char === '`' && m[2].includes('`')) return undefined;
  return { char, length: m[1].length, bare: m[2].trim() === '' };
}

/** The open fence after a line: a fence line opens a block, or closes the open one when it matches. */
export function afterLine(open: Fence | undefined, line: string): Fence | undefined {
  const fence = fenceAt(line);
  if (!fence) return open;
  if (!open) return fence;
  return fence.char === open.char && fence.length >= open.length && fence.bare ? undefined : open;
}
