// Skill Lens: Choose framework. Writes `skillLens.framework` to the workspace settings; the
// server hears of it through configuration sync and re-checks open documents.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Requests } from '../../../server/src/protocol';
import { frameworkDetail } from '../../../server/src/framework/summary';
import { reportErrors, stringArg } from '../ui';

export const chooseFrameworkCommand = 'skillLens.chooseFramework';

/** Argument (optional): framework id. Returns the id written. */
export function registerChooseFramework(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(chooseFrameworkCommand, (id?: unknown) =>
    reportErrors('choose the framework', () => chooseFramework(client, stringArg(id))),
  );
}

async function chooseFramework(client: LanguageClient, id?: string): Promise<string | undefined> {
  const chosen = id ?? (await pickFramework(client));
  if (!chosen) return undefined;
  // Workspace settings when a folder is open; with none, the user's settings are all there is.
  const target = vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('skillLens').update('framework', chosen, target);
  return chosen;
}

async function pickFramework(client: LanguageClient): Promise<string | undefined> {
  const frameworks = await client.sendRequest(Requests.frameworks);
  const picked = await vscode.window.showQuickPick(
    frameworks.map((f) => ({
      label: f.name,
      description: f.active ? `${f.id} (active)` : f.id,
      detail: frameworkDetail(f),
      picked: f.active,
      id: f.id,
    })),
    { title: 'Choose the skills framework', placeHolder: 'Framework', matchOnDescription: true },
  );
  return picked?.id;
}
