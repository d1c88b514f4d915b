// Completion: skill names, levels, evidence frames in reviews, pathway keys and front-matter values.
// Pure and cheap: it looks only at the cursor's line (and a few lines above it) through
// doc.lines, plus the parsed model; it never re-parses the document, so a 1 MB file completes
// as fast as a small one. One file per context: markdown.ts, table.ts, ladder.ts, yaml.ts;
// the skill and level lists they share are in shared.ts.
import { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import type { Framework } from '../../framework/framework';
import { afterLine, type Fence } from '../../markdown/fence';
import { frameworkContext } from '../frameworkContext';
import type { ParsedDocument } from '../../documents/model';

import { Ctx, MAX_ITEMS } from './shared';
import { markdownCompletions } from './markdown';
import { frontMatterCompletions, pathwayCompletions } from './yaml';
import { answerToSpace, SPACE_TRIGGER, textBefore } from './whileTyping';

export { MAX_ITEMS };

/** The most items of any other list (role levels), which is kept whole when it is of a usual
 *  size (DDaT's 201 role levels). */
export const MAX_OTHER_ITEMS = 1000;

/**
 * `byCharacter`: the editor asked on its own, after a trigger character (`*`, `(`, `:`, `|`).
 * In a Markdown document that is not about skills (a README, notes: see frameworkContext) that
 * gives nothing, so `**` or `- Buy milk (` pops up no list of skills there; asked for
 * (Ctrl+Space), completion works in every document, and always in front matter.
 */
export function completions(
  doc: ParsedDocument,
  framework: Framework,
  position: Position,
  frameworkIds: readonly string[] = [framework.id],
  byCharacter = false,
  triggerCharacter?: string,
): CompletionList {
  const inFrontMatter = !!doc.frontMatterRange && position.line <= doc.frontMatterRange.end.line;
  if (byCharacter && !inFrontMatter && !/\.ya?ml$/i.test(doc.uri) && !frameworkContext(doc, framework)) return { isIncomplete: false, items: [] };
  const cut = { incomplete: false };
  let items = collect(doc, framework, position, frameworkIds, cut);
  if (items.length > MAX_OTHER_ITEMS) {
    // Lists no generator capped itself (thousands of role levels): the first ones in the
    // editor's own order.
    const key = (item: CompletionItem) => item.sortText ?? item.label;
    items = items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).slice(0, MAX_OTHER_ITEMS);
    cut.incomplete = true;
  }
  // A typed space (whileTyping.ts) keeps the list only where a value or a name is being written.
  if (triggerCharacter === SPACE_TRIGGER && position.line >= 0 && position.line < doc.lines.lineCount) {
    items = answerToSpace(items, textBefore(doc.lines.line(position.line), position.character), position.character, (name) => !!framework.resolveSkill(name));
    if (!items.length) return { isIncomplete: false, items };
  }
  return { isIncomplete: cut.incomplete, items };
}

function collect(doc: ParsedDocument, framework: Framework, position: Position, frameworkIds: readonly string[], cut: { incomplete: boolean }): CompletionItem[] {
  if (!Number.isInteger(position.line) || position.line < 0 || position.line >= doc.lines.lineCount) return [];
  const text = doc.lines.line(position.line);
  // Very long lines are pasted prose or junk; looking at them could only be slow.
  if (text.length > 10_000) return [];
  const character = Number.isFinite(position.character) ? Math.floor(position.character) : 0;
  const cursor = { line: position.line, character: Math.max(0, Math.min(character, text.length)) };
  const ctx: Ctx = { doc, framework, line: cursor.line, text, ch: cursor.character, before: text.slice(0, cursor.character), cut };

  const isYamlFile = /\.ya?ml$/i.test(doc.uri);
  const fm = doc.frontMatterRange;
  const inFrontMatter = !!fm && cursor.line > fm.start.line && cursor.line < fm.end.line;
  if (isYamlFile || inFrontMatter) {
    const firstLine = isYamlFile ? 0 : 1;
    if (doc.kind === 'pathway' || looksLikePathway(doc, isYamlFile)) return pathwayCompletions(ctx, firstLine, frameworkIds);
    if (isYamlFile) return []; // other YAML files (CI configs, compose files) are not ours
    return frontMatterCompletions(ctx, firstLine, frameworkIds);
  }
  if (fm && (cursor.line === fm.start.line || cursor.line === fm.end.line)) return [];
  if (isInFence(doc, cursor.line)) return [];
  return markdownCompletions(ctx);
}

/**
 * While a key is half typed the YAML often does not parse, so the kind the parser saw may be
 * `unknown`; a pathway's own top-level keys in the text still say what the file is.
 */
function looksLikePathway(doc: ParsedDocument, isYamlFile: boolean): boolean {
  if (doc.kind !== 'unknown' || !doc.problems.some((p) => p.code === 'yaml-syntax')) return false;
  const end = isYamlFile ? doc.lines.text.length : doc.lines.starts[doc.frontMatterRange?.end.line ?? 0] ?? 0;
  const yaml = doc.lines.text.slice(0, end);
  return /^topics\s*:/m.test(yaml) && /^(levels|path)\s*:/m.test(yaml);
}

/**
 * Whether the line is inside a fenced code block. Fences are rare, so jumping between their
 * occurrences with indexOf is far cheaper than walking every line above the cursor.
 */
function isInFence(doc: ParsedDocument, line: number): boolean {
  const text = doc.lines.text;
  const limit = doc.lines.starts[line];
  const bodyStart = doc.frontMatterRange ? doc.lines.starts[doc.frontMatterRange.end.line + 1] ?? text.length : 0;
  let open: Fence | undefined;
  let i = bodyStart;
  while (i < limit) {
    const a = text.indexOf('```', i);
    const b = text.indexOf('~~~', i);
    const at = a === -1 ? b : b === -1 ? a : Math.min(a, b);
    if (at === -1 || at >= limit) break;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const eol = text.indexOf('\n', at);
    const lineEnd = eol === -1 ? text.length : eol;
    open = afterLine(open, text.slice(lineStart, lineEnd).replace(/\r$/, ''));
    i = lineEnd + 1;
  }
  return open !== undefined;
}
