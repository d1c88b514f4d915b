// Skill Lens: New job advert from a role level. Opens an untitled Markdown advert, front
// matter included, which the server then checks like any other advert.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Requests } from '../../../server/src/protocol';
import { openNewDocument, pickRoleLevel, reportErrors, stringArg } from '../ui';

export const newAdvertCommand = 'skillLens.newAdvert';

/** Argument (optional): role level name. Returns the new document. */
export function registerNewAdvert(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(newAdvertCommand, (roleLevel?: unknown) =>
    reportErrors('create the advert', () => newAdvert(client, stringArg(roleLevel))),
  );
}

async function newAdvert(client: LanguageClient, roleLevel?: string): Promise<vscode.TextDocument | undefined> {
  const name = roleLevel ?? (await pickRoleLevel(client, 'New job advert from a role level'));
  if (!name) return undefined;
  return openNewDocument(await client.sendRequest(Requests.newAdvert, { roleLevel: name }), name);
}
