// Fix all on save and silencing in VS Code itself: "editor.codeActionsOnSave" with
// source.fixAll.skillLens fixes the typos of an advert when it is saved, and the ignore-list
// quick fix writes .skill-lens/ignore.yaml, after which the finding goes.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activeApi, codeOf, waitFor, workspaceDir } from './helpers';

const ADVERT = '---\nkind: job-advert\n---\n# Platform engineer\n\n- **Informaton security** (working)\n- **Kubernetes** (expert)\n- **Problem solving** (working)\n';

describe('fix all on save and the ignore list (extension host)', () => {
  const file = () => join(workspaceDir(), 'adverts', 'fix-on-save-advert.md');
  const ignore = () => join(workspaceDir(), '.skill-lens', 'ignore.yaml');

  before(async () => {
    await activeApi();
    writeFileSync(file(), ADVERT);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(file(), { force: true });
    rmSync(ignore(), { force: true });
  });

  it('fixes every finding with one clear fix when the file is saved', async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', { 'source.fixAll.skillLens': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file()));
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor('the typo is reported', () => vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === 'unknown-skill' && /Informaton/.test(d.message)));
    // A change, so that the save is a real one.
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount - 1, 0), '\n'));
    assert.ok(await doc.save(), 'saved');
    const expected = `${ADVERT.replace('Informaton', 'Information').replace('Problem solving', 'Problem management')}\n`;
    await waitFor('the fixes are in the file', () => readFileSync(file(), 'utf8') === expected || undefined, 15_000);
    assert.equal(doc.getText(), expected);
  });

  it('"Ignore "Kubernetes" in this workspace" writes .skill-lens/ignore.yaml and the finding goes', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file()));
    const finding = await waitFor('Kubernetes is reported', () => vscode.languages.getDiagnostics(doc.uri).find((d) => /Kubernetes/.test(d.message)));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find((a) => a.title === 'Ignore "Kubernetes" in this workspace');
    assert.ok(action?.edit, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit), 'the edit applies');
    // The editor saves files a refactoring created; save it in any case, as a user would.
    const ignoreDoc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === ignore());
    if (ignoreDoc?.isDirty) await ignoreDoc.save();
    await waitFor('the ignore list is on disk', () => existsSync(ignore()) && readFileSync(ignore(), 'utf8').includes('- Kubernetes'));
    await waitFor('Kubernetes is no longer reported', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => /Kubernetes/.test(d.message)), 15_000);
  });
});
