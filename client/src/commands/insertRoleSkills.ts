// Skill Lens: Insert skills for a role level. Writes the role level's skills at the cursor in
// the style the document already uses (list, table or gov.uk `Level:` lines).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type SkillsStyle } from '../../../server/src/protocol';
import { pickRoleLevel, reportErrors, stringArg } from '../ui';

export const insertRoleSkillsCommand = 'skillLens.insertRoleSkills';
const styles: readonly string[] = ['list', 'table', 'govuk'];

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
  const name = roleLevel ?? (await pickRoleLevel(client, 'Insert skills for a role level'));
  if (!name) return undefined;
  const chosenStyle: SkillsStyle = style && styles.includes(style)
    ? (style as SkillsStyle)
    : (await client.sendRequest(Requests.documentStyle, { uri: editor.document.uri.toString(), text: editor.document.getText() })).style;
  const result = await client.sendRequest(Requests.skillsText, { roleLevel: name, style: chosenStyle });
  if (!result) {
    void vscode.window.showWarningMessage(`The active framework has no role level “${name}”.`);
    return undefined;
  }
  const at = editor.selection.active;
  const ok = await editor.edit((b) => b.insert(at, result.text));
  return ok ? result.text : undefined;
}
