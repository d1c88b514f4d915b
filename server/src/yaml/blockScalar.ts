// Block scalars (`description: |`, `- >-`) found line by line: their lines are text, so a `#`
// in them is no comment.
import type { LineIndex } from '../documents/lineIndex';

// A line whose value is a block scalar's header: after a key (`key: |`), a list dash (`- >-`) or
// both, with tags or an anchor before it and a comment after it. Each part can start at one
// place only, so a long line costs one pass.
const HEADER = /^([ \t]*(?:-[ \t]+)*(?:(?:"(?:[^"\\]|\\.)*"[ \t]*|'(?:[^']|'')*'[ \t]*|(?:[^\s#'"-]|-(?=\S))[^:#]*(?::[^\s#:][^:#]*)*):[ \t]+)?)(?:[!&]\S*[ \t]+)*[|>][-+1-9]{0,2}(?:[ \t]+#.*)?[ \t]*$/;

/**
 * Whether a line is inside a block scalar (its header excluded), for lines asked about in
 * increasing order from `from`: each line is looked at once. A block scalar's text is every
 * following line that is blank or indented more than the key or dash it belongs to.
 */
export function blockScalarLines(lines: LineIndex, from: number): (line: number) => boolean {
  let n = from;
  /** The column the scalar's text must be indented past; -1 outside one. */
  let parent = -1;
  let inside = false;
  return (line) => {
    for (; n <= line && n < lines.lineCount; n++) {
      const text = lines.line(n);
      const indent = /^[ \t]*/.exec(text)![0].length;
      if (parent >= 0 && (indent === text.length || indent > parent)) {
        inside = true;
        continue;
      }
      inside = false;
      parent = -1;
      const header = HEADER.exec(text);
      if (!header) continue;
      // The node the scalar belongs to starts after the dashes: `- key: |` is the key's, at column 2.
      const dashes = /^[ \t]*(?:-[ \t]+)*/.exec(header[1])![0];
      parent = header[1].length > dashes.length ? dashes.length : Math.max(indent, dashes.length - 2);
    }
    return inside;
  };
}
