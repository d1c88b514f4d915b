// HTML comments are invisible in rendered Markdown, so the body is read without them: a
// silencing comment at the end of a line (`- Kubernetes (expert) <!-- skill-lens-disable-line -->`)
// must not change how the line is read. They are blanked in a copy with the same offsets, made
// once per version: the parser and the block map (blockMap.ts) read the same copy.
import { caches } from '../caches';
import { LineIndex } from './lineIndex';

const blanked = caches.weak<LineIndex, LineIndex>();

export function withoutHtmlComments(lines: LineIndex): LineIndex {
  const text = lines.text;
  if (!text.includes('<!--')) return lines;
  let copy = blanked.get(lines);
  if (!copy) {
    copy = new LineIndex(text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\r\n]/g, ' ')), lines.starts);
    blanked.set(lines, copy);
  }
  return copy;
}
