// Skill Lens: New framework file. Writes a commented framework file to fill in (the server's
// template) into the workspace as `<id>.skills.yaml`, where the server finds and loads it, and
// opens it. An existing file of that name is opened, never overwritten.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Requests } from '../../../server/src/protocol';
import { reportErrors, stringArg } from '../ui';

export const newFrameworkFileCommand = 'skillLens.newFrameworkFile';

/** Argument (optional): the framework's name. Returns the file's URI. */
export function registerNewFrameworkFile(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(newFrameworkFileCommand, (name?: unknown) =>
    reportErrors('create the framework file', () => newFrameworkFile(client, stringArg(name))),
  );
}

async function newFrameworkFile(client: LanguageClient, given?: string): Promise<string | undefined> {
  const name =
    given ??
    (await vscode.window.showInputBox({
      title: 'New framework file',
      prompt: 'The framework’s name, as lists and messages will show it',
      value: 'Team skills',
      validateInput: (v) => (/[\p{L}\p{N}]/u.test(v) ? undefined : 'Give the framework a name.'),
    }));
  if (!name) return undefined;
  const template = await client.sendRequest(Requests.newFrameworkFile, { name });
  if (!template) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    // No workspace to write into: the text to save as a `.skills.yaml` file.
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: template.text });
    await vscode.window.showTextDocument(doc);
    void vscode.window.showInformationMessage(`Save it as ${template.fileName} in your workspace for Skill Lens to load it.`);
    return doc.uri.toString();
  }
  const uri = vscode.Uri.joinPath(folder.uri, template.fileName);
  const exists = await vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
  if (exists) void vscode.window.showInformationMessage(`${template.fileName} is there already: it is opened as it is.`);
  else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(template.text));
  await vscode.window.showTextDocument(uri);
  return uri.toString();
}
