// Skill Lens: Show skill. A skill at every level and the roles needing it, in a read-only
// rendered view.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests } from '../../../server/src/protocol';
import { reportErrors, stringArg } from '../ui';
import type { SkillLensViews } from '../views';

export const showSkillCommand = 'skillLens.showSkill';

/** Argument (optional): skill name. Returns the URI of the view. */
export function registerShowSkill(client: LanguageClient, views: SkillLensViews): vscode.Disposable {
  return vscode.commands.registerCommand(showSkillCommand, (name?: unknown) =>
    reportErrors('show the skill', () => showSkill(client, views, stringArg(name))),
  );
}

async function showSkill(client: LanguageClient, views: SkillLensViews, name?: string): Promise<vscode.Uri | undefined> {
  const skill = name ?? (await pickSkill(client));
  if (!skill) return undefined;
  const uri = views.skillUri(skill);
  await views.show(uri);
  return uri;
}

async function pickSkill(client: LanguageClient): Promise<string | undefined> {
  const skills = await client.sendRequest(Requests.skills);
  const picked = await vscode.window.showQuickPick(
    skills.map((s) => ({ label: s.name, description: s.category, detail: s.description })),
    { title: 'Show skill', placeHolder: 'Skill name or words from its description', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.label;
}
