// Small UI helpers the commands share: picking a role level, reporting a failed request.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Requests, type RoleLevelSummary } from '../../server/src/protocol';

/** The role levels of the active framework; a message instead when it has none. */
export async function roleLevels(client: LanguageClient): Promise<RoleLevelSummary[]> {
  const levels = await client.sendRequest(Requests.roleLevels);
  if (!levels.length) void vscode.window.showInformationMessage('The active skills framework defines no role levels.');
  return levels;
}

/**
 * Quick pick of a role level, grouped by family and role and searchable by either; undefined when
 * dismissed. `first` (the document's own role level) is offered at the top, where the picker
 * starts, so Enter takes it.
 */
export async function pickRoleLevel(client: LanguageClient, title: string, exclude?: string, first?: string): Promise<string | undefined> {
  const levels = (await roleLevels(client)).filter((l) => l.name !== exclude);
  if (!levels.length) return undefined;
  const items = roleLevelItems(levels);
  const own = levels.find((l) => l.name === first);
  if (own) items.unshift({ label: "This document's role", kind: vscode.QuickPickItemKind.Separator }, ...roleLevelItems([own]).slice(1));
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: 'Role level (type a role, a family or a grade to narrow the list)',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.label;
}

/** One separator per role (`Data › Data engineer`), its role levels most junior first under it. */
export function roleLevelItems(levels: RoleLevelSummary[]): vscode.QuickPickItem[] {
  const items: vscode.QuickPickItem[] = [];
  let group: string | undefined;
  for (const l of levels) {
    const heading = l.family === l.role ? l.role : `${l.family} › ${l.role}`;
    if (heading !== group) {
      items.push({ label: heading, kind: vscode.QuickPickItemKind.Separator });
      group = heading;
    }
    items.push({
      label: l.name,
      description: `${heading} · ${l.grades.length ? l.grades.join(', ') : 'grade not given'}`,
      detail: `${l.skills.length} skills`,
    });
  }
  return items;
}

/** Runs a command body, turning a failure (server down, request error) into a message. */
export async function reportErrors<T>(what: string, body: () => Promise<T>): Promise<T | undefined> {
  try {
    return await body();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`Skill Lens: could not ${what}: ${message}`);
    return undefined;
  }
}

/** A command argument is used only when it is a string: menus pass a URI instead. */
export function stringArg(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** Opens a new untitled Markdown document with the text the server wrote for a role level, or
 *  says the framework has no such role level. */
export async function openNewDocument(result: { text: string } | null | undefined, roleLevel: string): Promise<vscode.TextDocument | undefined> {
  if (!result) {
    void vscode.window.showWarningMessage(`The active framework has no role level \u201c${roleLevel}\u201d.`);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.text });
  await vscode.window.showTextDocument(doc);
  return doc;
}
