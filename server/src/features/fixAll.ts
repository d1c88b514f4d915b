// The code actions beyond each finding's own quick fixes: fix every finding of the file that has
// one clear fix (`source.fixAll.skillLens`, for "editor.codeActionsOnSave"), fix all of one code,
// silence a finding on its line, and add its word to the workspace's ignore list.
import { CodeAction, CodeActionKind, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/model';
import { codeActions, fixData, fixReplacements } from './codeActions';
import { addToIgnoreList, IGNORABLE_CODES, normaliseWord, pointedText } from './ignoreList';
import { disableLineEdit } from './silencing';

export const FIX_ALL_KIND = 'source.fixAll.skillLens';

/** Where the workspace's ignore list is, and what it holds now (undefined: no file yet). */
export interface IgnoreTarget {
  uri: string;
  text: string | undefined;
  /** The client can create files in a workspace edit (workspace.workspaceEdit.resourceOperations). */
  canCreate: boolean;
}

export interface ActionRequest {
  doc: ParsedDocument;
  /** The findings the editor asks about (at the cursor), as it sent them back. */
  diagnostics: Diagnostic[];
  /** The kinds asked for (CodeActionContext.only); undefined: the usual quick fixes. */
  only?: string[];
  /** Every finding of the document, as reported (computed only when needed). */
  all: () => Diagnostic[];
  ignore?: IgnoreTarget;
}

export function allCodeActions(req: ActionRequest): CodeAction[] {
  const wants = (kind: string) => !req.only || req.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  // Fix all on save is asked for by its kind only, never offered in the light bulb.
  if (req.only && wants(FIX_ALL_KIND)) {
    const all = fixAllAction(req.doc, req.all());
    if (all) actions.push(all);
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
    if (!code) continue;
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

function fixAllAction(doc: ParsedDocument, diagnostics: Diagnostic[], code?: string): CodeAction | undefined {
  const { edits, fixed } = fixAllEdits(diagnostics, code);
  if (!edits.length) return undefined;
  return {
    title: code ? `Fix all ${code} in this file` : 'Fix all Skill Lens findings that have one clear fix',
    kind: code ? CodeActionKind.QuickFix : FIX_ALL_KIND,
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
  return { title: `Ignore "${word}" in this workspace`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit };
}
