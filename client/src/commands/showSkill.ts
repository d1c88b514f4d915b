// Skill Lens: Show skill. A skill at every level and the roles needing it, in a read-only
// rendered view.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Requests, type SkillSummary } from '../../../server/src/protocol';
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

/**
 * The skill picker asks the server as the user types (skillLens/findSkills) instead of leaving
 * the filtering to VS Code. VS Code would match what is typed letter by letter against the name,
 * category and description shown, so "cloud sec", a typo or a word found only in a level
 * statement would find nothing; the server finds skills by name, former name, qualifier,
 * description and statements, weighted in that order (Framework.findSkills). Its answers are
 * marked alwaysShow, so VS Code keeps every one, in the server's order except that names
 * matching what is typed come first, as they do in the server's order anyway. With nothing
 * typed the picker lists every skill, and VS Code's own filter (on the description too) narrows
 * that list at once while the server's answer is on its way.
 */
async function pickSkill(client: LanguageClient): Promise<string | undefined> {
  const item = (s: SkillSummary, alwaysShow = false): vscode.QuickPickItem => ({ label: s.name, description: s.category, detail: s.description, alwaysShow });
  const all = (await client.sendRequest(Requests.skills)).map((s) => item(s));
  const pick = vscode.window.createQuickPick();
  pick.title = 'Show skill';
  pick.placeholder = 'Skill name or what it is about (cloud security, accessibility testing)';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = all;
  let asked = 0;
  const subscriptions = [
    pick.onDidChangeValue(async (value) => {
      const n = ++asked;
      if (!value.trim()) {
        pick.items = all;
        return;
      }
      pick.busy = true;
      try {
        const found = await client.sendRequest(Requests.findSkills, { query: value });
        // Only the answer to what is typed now: an older one may arrive later.
        if (n === asked) pick.items = found.map((s) => item(s, true));
      } catch {
        // The server is restarting: VS Code's own filter over the full list still works.
      } finally {
        if (n === asked) pick.busy = false;
      }
    }),
  ];
  try {
    return await new Promise<string | undefined>((resolve) => {
      subscriptions.push(
        pick.onDidAccept(() => {
          resolve(pick.selectedItems[0]?.label ?? pick.activeItems[0]?.label);
          pick.hide();
        }),
        pick.onDidHide(() => resolve(undefined)),
      );
      pick.show();
    });
  } finally {
    for (const s of subscriptions) s.dispose();
    pick.dispose();
  }
}
