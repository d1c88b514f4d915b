// Skill Lens: Check workspace. The server lists the workspace's documents, reads them (from disk,
// or in the browser through the editor) and publishes their diagnostics, so every problem lands
// in the Problems panel, open or not; it checks them again when the framework changes.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Requests, type CheckFilesResult } from '../../../server/src/protocol';
import { reportErrors } from '../ui';

export const checkWorkspaceCommand = 'skillLens.checkWorkspace';

/** What the command returns: the server's counts, `skipped` left out when nothing was checked. */
export type CheckSummary = Omit<CheckFilesResult, 'skipped'> & Partial<Pick<CheckFilesResult, 'skipped'>>;

/** Files per request: small enough for steady progress and prompt cancellation. */
const chunkSize = 50;

/** Returns the summary (also shown as a message); undefined when cancelled. `schemes`: the
 *  workspace folders the server can list (on disk for the Node server, any in the browser). */
export function registerCheckWorkspace(client: LanguageClient, schemes: readonly string[]): vscode.Disposable {
  return vscode.commands.registerCommand(checkWorkspaceCommand, () =>
    reportErrors('check the workspace', () => checkWorkspace(client, schemes)),
  );
}

async function checkWorkspace(client: LanguageClient, schemes: readonly string[]): Promise<CheckSummary | undefined> {
  const uris = await documentFiles(client, schemes);
  if (!uris.length) {
    void vscode.window.showInformationMessage('Skill Lens found no job adverts, pathways or reviews in the workspace.');
    return { files: 0, errors: 0, warnings: 0 };
  }
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Skill Lens: checking', cancellable: true },
    async (progress, token) => {
      const total: Required<CheckSummary> = { files: 0, errors: 0, warnings: 0, skipped: [] };
      for (let i = 0; i < uris.length; i += chunkSize) {
        if (token.isCancellationRequested) return undefined;
        const chunk = uris.slice(i, i + chunkSize);
        progress.report({ message: `${i} of ${uris.length} files`, increment: (chunk.length / uris.length) * 100 });
        const r = await client.sendRequest(Requests.checkFiles, { uris: chunk }, token);
        total.files += r.files;
        total.errors += r.errors;
        total.warnings += r.warnings;
        total.skipped.push(...(r.skipped ?? []));
      }
      return total;
    },
  );
  if (!summary) return undefined;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const notChecked = summary.skipped.length
    ? ` ${plural(summary.skipped.length, 'file')} could not be checked: ${summary.skipped
        .slice(0, 3)
        .map((s) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri))} (${s.reason})`)
        .join(', ')}${summary.skipped.length > 3 ? ', …' : ''}.`
    : '';
  const text = `Skill Lens checked ${plural(summary.files, 'file')}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}.${notChecked}`;
  const action = summary.errors + summary.warnings ? 'Show Problems' : undefined;
  void vscode.window.showInformationMessage(text, ...(action ? [action] : [])).then((a) => {
    if (a) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return summary;
}

/**
 * The workspace's documents, each once, sorted: the server lists them with the CLI's own rule
 * (ProjectFiles.documents, server/src/project/projectFiles.ts), so Check workspace and
 * `skill-lens check .` check the same files, those whose front matter says `kind:` whatever
 * their name included.
 */
async function documentFiles(client: LanguageClient, schemes: readonly string[]): Promise<string[]> {
  const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => schemes.includes(f.uri.scheme)).map((f) => f.uri.toString());
  const { uris } = await client.sendRequest(Requests.workspaceDocuments, { roots });
  return [...new Set(uris)].sort();
}
