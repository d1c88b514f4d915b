// Skill Lens: New review for a role level. Asks for the role level (a ladder's level) and the
// form (a table, or a heading per skill), and opens an untitled review to fill in: every skill
// with its expected level; assessed levels and evidence left blank.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Requests } from '../../../server/src/protocol';
import { openNewDocument, reportErrors, stringArg } from '../ui';

export const newReviewCommand = 'skillLens.newReview';

/** Arguments (optional): role level name, and `table` or `headings`. Returns the new document. */
export function registerNewReview(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(newReviewCommand, (roleLevel?: unknown, form?: unknown) =>
    reportErrors('create the review', () => newReview(client, stringArg(roleLevel), stringArg(form))),
  );
}

async function newReview(client: LanguageClient, roleLevel?: string, form?: string): Promise<vscode.TextDocument | undefined> {
  let name = roleLevel;
  if (!name) {
    const targets = await client.sendRequest(Requests.reviewTargets);
    const picked = await vscode.window.showQuickPick(
      targets.map((t) => ({ label: t.name, description: t.detail })),
      { title: 'New review for a role level', placeHolder: 'Role level (type a role or family to narrow the list)', matchOnDescription: true },
    );
    name = picked?.label;
  }
  if (!name) return undefined;
  let chosen = form === 'table' || form === 'headings' ? form : undefined;
  if (!chosen) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'Table', description: '| Skill | Expected | Assessed | Evidence |', form: 'table' as const },
        { label: 'A heading per skill', description: 'Expected level, Assessed: and evidence bullets under each skill', form: 'headings' as const },
      ],
      { title: `New review for ${name}: form` },
    );
    chosen = picked?.form;
  }
  if (!chosen) return undefined;
  return openNewDocument(await client.sendRequest(Requests.newReview, { roleLevel: name, form: chosen }), name);
}
