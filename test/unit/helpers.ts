// Builds a parsed document from inline text with a cursor marker, the way feature tests read:
// `doc('- Informa|', 'file:///adverts/job.md')`. The marker is `|`, or `‸` when the text
// itself needs pipes (Markdown tables).
import type { Position } from 'vscode-languageserver-types';
import { parseDocument } from '../../server/src/documents/parse';
import type { ParsedDocument } from '../../server/src/documents/model';
import type { Framework } from '../../server/src/framework/framework';
import { embeddedFrameworks } from '../../server/src/framework/loader';

export const [ddat, sfia, ladder] = ['ddat', 'sfia', 'ladder'].map((id) => embeddedFrameworks().find((f) => f.id === id)!);

/** The default globs of package.json, so file names decide kinds as they do in the editor. */
export const KIND_GLOBS = {
  jobAdvert: ['**/adverts/**/*.md', '**/*advert*.md', '**/*job*.md'],
  pathway: ['**/pathways/**/*.{yaml,yml,md}', '**/*pathway*.{yaml,yml,md}'],
  review: ['**/reviews/**/*.md', '**/*review*.md'],
};

export interface TestDoc {
  doc: ParsedDocument;
  /** Where the marker was (0:0 when there was none). */
  position: Position;
  /** The text without the marker. */
  text: string;
}

/** Parses text as is (no cursor marker), for features that read the whole document. */
export function parsed(text: string, uri = 'file:///work/adverts/job.md', framework: Framework = ddat): ParsedDocument {
  return parseDocument(text, { uri, version: 1, framework, kindGlobs: KIND_GLOBS });
}

/** Parses text with a cursor marker: `‸` when the text has one, else the first `|`. */
export function doc(textWithCursor: string, uri = 'file:///work/adverts/job.md', framework: Framework = ddat): TestDoc {
  const marker = textWithCursor.includes('‸') ? '‸' : '|';
  const offset = textWithCursor.indexOf(marker);
  const text = offset === -1 ? textWithCursor : textWithCursor.slice(0, offset) + textWithCursor.slice(offset + marker.length);
  const model = parsed(text, uri, framework);
  const position = offset === -1 ? { line: 0, character: 0 } : model.lines.position(offset);
  return { doc: model, position, text };
}

/** Applies a single-line edit to the text, as the editor does on accepting a completion. */
export function applyEdit(text: string, edit: { range: { start: Position; end: Position }; newText: string }): string {
  const lines = text.split('\n');
  const { start, end } = edit.range;
  const line = lines[start.line];
  lines[start.line] = line.slice(0, start.character) + edit.newText + line.slice(end.character);
  if (end.line !== start.line) throw new Error('multi-line edit');
  return lines.join('\n');
}
