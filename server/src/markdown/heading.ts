// ATX headings (`## Skills`, up to three spaces before the `#`s): written once for the parser
// and completion.

/** Group 1: the `#`s with the white space around them; group 2: the heading's text, closing `#`s dropped. */
export const HEADING = /^(\s{0,3}#{1,6}\s+)(.*?)\s*#*\s*$/;

/** The heading's depth, 1 to 6. */
export function headingDepth(heading: RegExpExecArray): number {
  return heading[1].trim().length;
}
