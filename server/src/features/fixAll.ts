// The code actions beyond each finding's own quick fixes: fix every finding of the file that has
// one clear fix (`source.fixAll.skillLens`, for "editor.codeActionsOnSave"), fix all of one code,
// silence a finding on its line, and add its word to the workspace's ignore list.
import { CodeAction, CodeActionKind, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/model';
import { codeActions, fixData, fixReplacements } from './codeActions';
import { addToIgnoreList, IGNORABLE_CODES, normaliseWord, pointedText } from './ignoreList';
import { disableLineEdit } from './silencing';
import { SAVE_DOCUMENT_COMMAND } from '../clientCommands';

export const FIX_ALL_KIND = 'source.fixAll.skillLens';

/** Where the workspace's ignore list is, and what it holds now (undefined: no file yet). */
export interface IgnoreTarget {
  uri: string;
  text: string | undefined;
  /** The client can create files in a workspace edit (workspace.workspaceEdit.resourceOperations). */
  canCreate: boolean;
  /** The client saves a document on SAVE_DOCUMENT_COMMAND: the edit is followed by it. */
  canSave?: boolean;
}

export interface ActionRequest {
  doc: ParsedDocument;
  /** The findings the editor asks about (at the cursor), as it sent them back. */
  diagnostics: Diagnostic[];
  /** The kinds asked for (CodeActionContext.only); undefined: the usual quick fixes. */
  only?: string[];
  /** Every finding of the document, as reported (computed only when needed). */
  all: () => Diagnostic[];
  /** Fix all (on save): the edits `check --fix` would make, and the findings they fix (computed only when asked). */
  fixAll: () => { edits: TextEdit[]; fixed: Diagnostic[] } | undefined;
  ignore?: IgnoreTarget;
}

export function allCodeActions(req: ActionRequest): CodeAction[] {
  const wants = (kind: string) => !req.only || req.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  // Fix all on save is asked for by its kind only, never offered in the light bulb.
  if (req.only && wants(FIX_ALL_KIND)) {
    const all = req.fixAll();
    if (all?.edits.length) {
      actions.push({ title: 'Fix all Skill Lens findings that have one clear fix', kind: FIX_ALL_KIND, diagnostics: all.fixed, edit: { changes: { [req.doc.uri]: all.edits } } });
    }
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;
  const codesDone = new Set<string>();
  // One "Disable" per code and line, and one "Ignore" per word: a title shown once however many
  // findings share it (four missing-skill findings on a role's title gave four).
  const silencing = new Map<string, CodeAction>();
  for (const d of req.diagnostics) {
    if (d.source !== 'skill-lens') continue;
    const code = String(d.code ?? '');
    actions.push(...codeActions(req.doc, [d]));
    if (soleFix(d) && !codesDone.has(code)) {
      codesDone.add(code);
      const ofCode = fixAllAction(req.doc, req.all(), code);
      if (ofCode && ofCode.diagnostics!.length > 1) actions.push(ofCode);
    }
    // A syntax error is fixed, not silenced.
    if (!code || code === 'yaml-syntax') continue;
    const disable = silencing.get(`${d.range.start.line}:${code}`);
    if (disable) disable.diagnostics!.push(d);
    else {
      const action: CodeAction = {
        title: `Disable ${code} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [req.doc.uri]: [disableLineEdit(req.doc, d)] } },
      };
      silencing.set(`${d.range.start.line}:${code}`, action);
      actions.push(action);
    }
    const ignore = req.ignore && IGNORABLE_CODES.has(code) ? ignoreAction(req.doc, d, req.ignore) : undefined;
    const same = ignore && silencing.get(ignore.title);
    if (same) same.diagnostics!.push(d);
    else if (ignore) {
      silencing.set(ignore.title, ignore);
      actions.push(ignore);
    }
  }
  return actions;
}

/** The one replacement of a finding, when its quick fix has exactly one (on one line). */
export function soleFix(d: Diagnostic): TextEdit | undefined {
  const data = fixData(d);
  if (!data) return undefined;
  const replacements = fixReplacements(data);
  if (replacements.length !== 1 || d.range.start.line !== d.range.end.line) return undefined;
  return TextEdit.replace(d.range, replacements[0]);
}

/**
 * The edits that turn one text into another, a line at a time: what Fix all sends for the text
 * `check --fix` writes, so that the editor keeps the cursor and folds of untouched lines.
 */
export function lineEdits(before: string, after: string): TextEdit[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return [TextEdit.replace({ start: { line: 0, character: 0 }, end: { line: a.length - 1, character: a[a.length - 1].length } }, after)];
  const edits: TextEdit[] = [];
  for (let n = 0; n < a.length; n++) {
    if (a[n] === b[n]) continue;
    // Only the part of the line between its first and last change.
    let start = 0;
    while (start < a[n].length && start < b[n].length && a[n][start] === b[n][start]) start++;
    let endA = a[n].length;
    let endB = b[n].length;
    while (endA > start && endB > start && a[n][endA - 1] === b[n][endB - 1]) [endA, endB] = [endA - 1, endB - 1];
    edits.push(TextEdit.replace({ start: { line: n, character: start }, end: { line: n, character: endA } }, b[n].slice(start, endB)));
  }
  return edits;
}

/**
 * Every finding (of one code, when given) with one clear fix, fixed at once. Edits never
 * overlap: of two findings on the same text, the first in reading order is fixed.
 */
export function fixAllEdits(diagnostics: Diagnostic[], code?: string): { edits: TextEdit[]; fixed: Diagnostic[] } {
  const candidates = diagnostics
    .filter((d) => code === undefined || String(d.code) === code)
    .map((d) => ({ d, edit: soleFix(d) }))
    .filter((x): x is { d: Diagnostic; edit: TextEdit } => !!x.edit)
    .sort((a, b) => a.d.range.start.line - b.d.range.start.line || a.d.range.start.character - b.d.range.start.character);
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  let last: TextEdit | undefined;
  for (const { d, edit } of candidates) {
    const r = edit.range;
    if (last) {
      const l = last.range.end;
      const touches = r.start.line < l.line || (r.start.line === l.line && r.start.character < l.character);
      const same = r.start.line === last.range.start.line && r.start.character === last.range.start.character;
      if (touches || same) continue;
    }
    edits.push(edit);
    fixed.push(d);
    last = edit;
  }
  return { edits, fixed };
}

function fixAllAction(doc: ParsedDocument, diagnostics: Diagnostic[], code: string): CodeAction | undefined {
  const { edits, fixed } = fixAllEdits(diagnostics, code);
  if (!edits.length) return undefined;
  return {
    title: `Fix all ${code} in this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: fixed,
    edit: { changes: { [doc.uri]: edits } },
  };
}

/** "Ignore "Kubernetes" in this workspace": the word added under its code in the ignore list. */
function ignoreAction(doc: ParsedDocument, d: Diagnostic, target: IgnoreTarget): CodeAction | undefined {
  const word = pointedText(doc, d).replace(/[*_`]/g, '').trim();
  if (!normaliseWord(word) || (target.text === undefined && !target.canCreate)) return undefined;
  const edits = addToIgnoreList(target.text, String(d.code), word);
  if (!edits) return undefined;
  const edit: WorkspaceEdit =
    target.text === undefined
      ? {
          documentChanges: [
            { kind: 'create', uri: target.uri, options: { ignoreIfExists: true } },
            { textDocument: { uri: target.uri, version: null }, edits },
          ],
        }
      : { changes: { [target.uri]: edits } };
  // Saved, so that the CLI (and CI) reads what the editor shows.
  const command = target.canSave ? { title: 'Save the ignore list', command: SAVE_DOCUMENT_COMMAND, arguments: [target.uri] } : undefined;
  return { title: `Ignore "${word}" in this workspace`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit, ...(command ? { command } : {}) };
}
