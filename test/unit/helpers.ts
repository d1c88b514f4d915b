// Feature tests go through the language service, as the server and the CLI do: `open` makes one
// with a framework in use and parses the text with it. `doc('- Informa|', 'file:///adverts/job.md')`
// also gives where the cursor marker was: `|`, or `‸` when the text itself needs pipes (tables).
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../../server/src/documents/model';
import type { KindGlobs } from '../../server/src/documents/parse';
import type { Framework } from '../../server/src/framework/framework';
import { embeddedFrameworks } from '../../server/src/framework/loader';
import { createLanguageService, type LanguageService, type Settings } from '../../server/src/languageService';

export const [ddat, sfia, ladder] = ['ddat', 'sfia', 'ladder'].map((id) => embeddedFrameworks().find((f) => f.id === id)!);

/** The default globs of package.json, so file names decide kinds as they do in the editor. */
export const KIND_GLOBS = {
  jobAdvert: ['**/adverts/**/*.md', '**/*advert*.md', '**/*job*.md'],
  pathway: ['**/pathways/**/*.{yaml,yml,md}', '**/*pathway*.{yaml,yml,md}'],
  review: ['**/reviews/**/*.md', '**/*review*.md'],
};

/** No file-name globs: the kind comes from front matter or content alone. */
export const NO_KIND_GLOBS: KindGlobs = { jobAdvert: [], pathway: [], review: [] };

export interface ServiceOptions {
  framework?: Framework;
  severity?: Settings['severity'];
  kinds?: KindGlobs;
}

/** A language service with `framework` in use (registered when it is not an embedded one). */
export function serviceFor({ framework = ddat, severity = {}, kinds = KIND_GLOBS }: ServiceOptions = {}): LanguageService {
  const extra = [ddat, sfia, ladder].includes(framework) ? [] : [{ uri: `test:///${framework.id}.skills.yaml`, framework }];
  return createLanguageService({ overrides: { framework: framework.id, severity, documentKinds: kinds }, frameworks: extra });
}

/** A service and the text parsed by it, as version 1 of the document at `uri`. */
export function open(text: string, uri = 'file:///work/adverts/job.md', options: ServiceOptions = {}): { service: LanguageService; doc: ParsedDocument } {
  const service = serviceFor(options);
  return { service, doc: service.parse(uri, 1, text) };
}

export interface TestDoc {
  service: LanguageService;
  doc: ParsedDocument;
  /** Where the marker was (0:0 when there was none). */
  position: Position;
  /** The text without the marker. */
  text: string;
}

/** Parses text as is (no cursor marker), for features that read the whole document. */
export function parsed(text: string, uri = 'file:///work/adverts/job.md', framework: Framework = ddat): ParsedDocument {
  return open(text, uri, { framework }).doc;
}

/** Parses text with a cursor marker: `‸` when the text has one, else the first `|`. */
export function doc(textWithCursor: string, uri = 'file:///work/adverts/job.md', framework: Framework = ddat): TestDoc {
  const marker = textWithCursor.includes('‸') ? '‸' : '|';
  const offset = textWithCursor.indexOf(marker);
  const text = offset === -1 ? textWithCursor : textWithCursor.slice(0, offset) + textWithCursor.slice(offset + marker.length);
  const { service, doc: model } = open(text, uri, { framework });
  const position = offset === -1 ? { line: 0, character: 0 } : model.lines.position(offset);
  return { service, doc: model, position, text };
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

/** Findings as a user reads them, `code line:start-end message` (1-based), without the
 *  missing-skill and coverage findings a role brings unless asked. */
export function findingLines(diagnostics: readonly Diagnostic[], withMissing = false): string[] {
  return diagnostics
    .filter((d) => withMissing || (d.code !== 'missing-skill' && d.code !== 'review-coverage'))
    .map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${d.message}`);
}

/** The skills (and levels) the parser read, as `name @ level`. */
export function mentionLines(model: ParsedDocument): string[] {
  return model.mentions.map((m) => (m.level ? `${m.name.text} @ ${m.level.text}` : m.name.text));
}
