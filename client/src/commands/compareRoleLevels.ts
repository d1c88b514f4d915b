// Skill Lens: Compare role levels. Two role levels side by side (skills and levels that
// differ), in a read-only rendered view.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { pickRoleLevel, reportErrors, stringArg } from '../ui';
import type { SkillLensViews } from '../views';

export const compareRoleLevelsCommand = 'skillLens.compareRoleLevels';

/** Arguments (optional): the two role level names. Returns the URI of the view. */
export function registerCompareRoleLevels(client: LanguageClient, views: SkillLensViews): vscode.Disposable {
  return vscode.commands.registerCommand(compareRoleLevelsCommand, (a?: unknown, b?: unknown) =>
    reportErrors('compare the role levels', () => compareRoleLevels(client, views, stringArg(a), stringArg(b))),
  );
}

async function compareRoleLevels(
  client: LanguageClient,
  views: SkillLensViews,
  a?: string,
  b?: string,
): Promise<vscode.Uri | undefined> {
  const first = a ?? (await pickRoleLevel(client, 'Compare role levels (1 of 2)'));
  if (!first) return undefined;
  const second = b ?? (await pickRoleLevel(client, `Compare ${first} with… (2 of 2)`, first));
  if (!second) return undefined;
  const uri = views.compareUri(first, second);
  await views.show(uri);
  return uri;
}
