// Small UI helpers the commands share: picking a role level, reporting a failed request.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type RoleLevelSummary } from '../../server/src/protocol';

/** The role levels of the active framework; a message instead when it has none. */
export async function roleLevels(client: LanguageClient): Promise<RoleLevelSummary[]> {
  const levels = await client.sendRequest<RoleLevelSummary[]>(Requests.roleLevels);
  if (!levels.length) void vscode.window.showInformationMessage('The active skills framework defines no role levels.');
  return levels;
}

/** Quick pick of a role level; undefined when dismissed. */
export async function pickRoleLevel(client: LanguageClient, title: string, exclude?: string): Promise<string | undefined> {
  const levels = (await roleLevels(client)).filter((l) => l.name !== exclude);
  if (!levels.length) return undefined;
  const picked = await vscode.window.showQuickPick(
    levels.map((l) => ({
      label: l.name,
      description: l.grades.join(', '),
      detail: `${l.family} · ${l.skills.length} skills`,
    })),
    { title, placeHolder: 'Role level', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.label;
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
