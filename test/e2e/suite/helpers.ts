// Shared helpers for the extension-host tests.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SkillLensApi } from '../../../client/src/extension';

export const extensionId = 'skill-lens.skill-lens';

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return folder.uri.fsPath;
}

export async function activeApi(): Promise<SkillLensApi> {
  const ext = vscode.extensions.getExtension<SkillLensApi>(extensionId);
  assert.ok(ext, `${extensionId} is installed`);
  const api = await ext.activate();
  await api.ready;
  return api;
}

export async function openFixture(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(workspaceDir(), relative)));
  return vscode.window.showTextDocument(doc);
}

/** Polls until check() returns a value (not undefined/false) or the time runs out. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return c === undefined ? undefined : typeof c === 'object' ? String(c.value) : String(c);
}

/**
 * Replaces vscode.window.showQuickPick, and createQuickPick (the Show skill picker, which asks
 * the server as the user types), until the returned restore() is called. A created picker is
 * recorded when shown, with the items it holds then and its options, and answered as
 * showQuickPick is: the item chosen is accepted, or the picker is hidden.
 */
export function stubQuickPick(choose: (items: vscode.QuickPickItem[], options?: vscode.QuickPickOptions) => vscode.QuickPickItem | undefined): {
  calls: { items: vscode.QuickPickItem[]; options?: vscode.QuickPickOptions }[];
  restore: () => void;
} {
  const original = vscode.window.showQuickPick;
  const originalCreate = vscode.window.createQuickPick;
  const calls: { items: vscode.QuickPickItem[]; options?: vscode.QuickPickOptions }[] = [];
  (vscode.window as { showQuickPick: unknown }).showQuickPick = async (items: unknown, options?: vscode.QuickPickOptions) => {
    const resolved = (await items) as vscode.QuickPickItem[];
    calls.push({ items: resolved, options });
    return choose(resolved, options);
  };
  (vscode.window as { createQuickPick: unknown }).createQuickPick = () => {
    const accepted = new vscode.EventEmitter<void>();
    const hidden = new vscode.EventEmitter<void>();
    const changed = new vscode.EventEmitter<string>();
    const pick = {
      items: [] as vscode.QuickPickItem[],
      selectedItems: [] as vscode.QuickPickItem[],
      activeItems: [] as vscode.QuickPickItem[],
      title: undefined as string | undefined,
      placeholder: undefined as string | undefined,
      matchOnDescription: false,
      matchOnDetail: false,
      busy: false,
      value: '',
      onDidAccept: accepted.event,
      onDidHide: hidden.event,
      onDidChangeValue: changed.event,
      show() {
        const options: vscode.QuickPickOptions = { title: pick.title, placeHolder: pick.placeholder, matchOnDescription: pick.matchOnDescription, matchOnDetail: pick.matchOnDetail };
        calls.push({ items: pick.items, options });
        const chosen = choose(pick.items, options);
        setTimeout(() => {
          if (chosen) {
            pick.selectedItems = [chosen];
            accepted.fire();
          } else hidden.fire();
        }, 0);
      },
      hide() {
        hidden.fire();
      },
      dispose() {
        accepted.dispose();
        hidden.dispose();
        changed.dispose();
      },
    };
    return pick;
  };
  return {
    calls,
    restore: () => {
      (vscode.window as { showQuickPick: unknown }).showQuickPick = original;
      (vscode.window as { createQuickPick: unknown }).createQuickPick = originalCreate;
    },
  };
}

/**
 * Closes every editor without a save prompt (which would block the test run): dirty ones are
 * reverted. Returns once the extension host has let go of the untitled documents: the next
 * untitled document takes the same name (Untitled-1), and until the old one is gone the host can
 * hand out the old document, text and all, for the new editor.
 */
let untitledCount = 0;

/**
 * A new untitled Markdown document holding `content`, under a name no other test used:
 * `openTextDocument({ content })` names each one Untitled-1 once the last is closed, and the
 * workbench may hand the new one the closed one's text (from its backup).
 */
export async function openUntitled(content: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.parse(`untitled:skill-lens-test-${process.pid}-${++untitledCount}.md`);
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the test text was written');
  assert.equal(doc.getText(), content, 'the new document holds the test text and nothing else');
  return doc;
}

export async function closeAllEditors(): Promise<void> {
  const untitled = new Set(vscode.workspace.textDocuments.filter((d) => d.isUntitled).map((d) => d.uri.toString()));
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (!(tab.input instanceof vscode.TabInputText) || !tab.isDirty) continue;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === (tab.input as vscode.TabInputText).uri.toString());
    if (!doc) continue;
    const editor = await vscode.window.showTextDocument(doc);
    // Emptied first: the workbench may restore an untitled document's last text (its backup)
    // into the next untitled document of the same name.
    if (doc.isUntitled) await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length))));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('closed untitled documents to be released', () => !vscode.workspace.textDocuments.some((d) => untitled.has(d.uri.toString())));
}
