// HTML comments are invisible in rendered Markdown, so the body is read without them: a
// silencing comment at the end of a line (`- Kubernetes (expert) <!-- skill-lens-disable-line -->`)
// must not change how the line is read. They are blanked in a copy with the same offsets.
import { LineIndex } from './lineIndex';

export function withoutHtmlComments(lines: LineIndex): LineIndex {
  const text = lines.text;
  if (!text.includes('<!--')) return lines;
  const blank = text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\r\n]/g, ' '));
  return new LineIndex(blank, lines.starts);
}
