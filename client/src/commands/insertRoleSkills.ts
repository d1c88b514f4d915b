// Skill Lens: Insert skills for a role level. Writes the role level's skills in the document's
// own format (server/src/features/insertSkills.ts): pathway topics in YAML, a review's table, an
// advert's list, table or gov.uk `Level:` lines. The picker starts on the document's role.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Requests, type SkillsStyle } from '../../../server/src/protocol';
import { pickRoleLevel, reportErrors, stringArg } from '../ui';

export const insertRoleSkillsCommand = 'skillLens.insertRoleSkills';

/** Arguments (optional, for keybindings and tests): role level name, style. Returns the inserted text. */
export function registerInsertRoleSkills(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(insertRoleSkillsCommand, (roleLevel?: unknown, style?: unknown) =>
    reportErrors('insert the skills', () => insertRoleSkills(client, stringArg(roleLevel), stringArg(style))),
  );
}

async function insertRoleSkills(client: LanguageClient, roleLevel?: string, style?: string): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a job advert, pathway or review to insert skills into.');
    return undefined;
  }
  const document = editor.document;
  // The text as the editor shows it goes with each request: the server may not have this
  // version yet.
  const sent = () => ({ uri: document.uri.toString(), text: document.getText(), languageId: document.languageId });
  let name = roleLevel;
  if (!name) {
    const { role } = await client.sendRequest(Requests.documentStyle, sent());
    name = await pickRoleLevel(client, 'Insert skills for a role level', undefined, role);
  }
  if (!name) return undefined;
  const version = document.version;
  const position = editor.selection.active;
  const result = await client.sendRequest(Requests.insertSkills, { ...sent(), position: { line: position.line, character: position.character }, roleLevel: name, style: asStyle(style) });
  if (!result) {
    void vscode.window.showWarningMessage(`The active framework has no role level “${name}”.`);
    return undefined;
  }
  if ('message' in result) {
    void vscode.window.showInformationMessage(result.message);
    return undefined;
  }
  // Typed into meanwhile: the edit was made for the text as it was, so it is not applied.
  if (document.version !== version) {
    void vscode.window.showWarningMessage('The document changed while the skills were prepared: run Insert skills again.');
    return undefined;
  }
  const range = new vscode.Range(result.range.start.line, result.range.start.character, result.range.end.line, result.range.end.character);
  const ok = await editor.edit((b) => b.replace(range, result.text));
  return ok ? result.text : undefined;
}

function asStyle(style: string | undefined): SkillsStyle | undefined {
  return style === 'list' || style === 'table' || style === 'govuk' ? style : undefined;
}
