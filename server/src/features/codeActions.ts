// Quick fixes for the diagnostics that carry FixData: replace with a suggestion, update a
// renamed skill, set the role's level, add a missing skill or a review's missing rows (the
// lines the check wrote, in the document's own style: skillLines.ts, reviews/template.ts).
// Each edit changes only the range its diagnostic points at (or inserts whole lines).
import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/model';
import type { FixData } from './diagnostics';

export function codeActions(doc: ParsedDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    const data = fixData(d);
    if (!data) continue;
    const replacements = fixReplacements(data);
    replacements.forEach((text, i) => {
      actions.push(fix(doc, d, titleFor(String(d.code), text), [TextEdit.replace(d.range, text)], i === 0));
    });
    for (const text of oneLine(data.byTopic)) actions.push(fix(doc, d, `Replace with "${text}" (closest by topic)`, [TextEdit.replace(d.range, text)], false));
    // Lines to add: a missing skill (one of several, so none is preferred) or a review's rows.
    const insert = data.insert;
    if (insert && typeof insert.text === 'string' && typeof insert.line === 'number' && typeof insert.title === 'string' && insert.line >= 0 && insert.line < doc.lines.lineCount && (insert.character === 0 || insert.character === doc.lines.line(insert.line).length)) {
      actions.push(fix(doc, d, insert.title, [TextEdit.insert({ line: insert.line, character: insert.character }, insert.text)], d.code !== 'missing-skill'));
    }
  }
  return actions;
}

/** A finding's fix data, when it is ours. It comes back from the client: only what has the
 *  shape the server gave is used. */
export function fixData(d: Diagnostic): FixData | undefined {
  return d.source === 'skill-lens' && typeof d.data === 'object' && d.data !== null ? (d.data as FixData) : undefined;
}

/** The replacements a fix offers: strings of one line. */
export function fixReplacements(data: FixData): string[] {
  return oneLine(data.replacements);
}

function oneLine(texts: unknown): string[] {
  return Array.isArray(texts) ? texts.filter((t): t is string => typeof t === 'string' && !/[\r\n]/.test(t)) : [];
}

/** The title of the quick fix that writes `text` over a finding of `code`. */
export function titleFor(code: string, text: string): string {
  switch (code) {
    case 'renamed-skill':
      return `Update to "${text}"`;
    case 'level-mismatch':
      return `Set level to "${text}"`;
    default:
      return `Replace with "${text}"`;
  }
}

function fix(doc: ParsedDocument, d: Diagnostic, title: string, edits: TextEdit[], preferred: boolean): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: preferred || undefined,
    edit: { changes: { [doc.uri]: edits } },
  };
}
