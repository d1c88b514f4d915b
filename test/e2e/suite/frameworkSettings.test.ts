// Choosing the framework: the picker says what each framework holds (1 skill, a sample), and the
// skillLens.framework setting suggests the embedded frameworks in settings.json, described,
// while a workspace framework's id is accepted without a warning.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, labelOf, stubQuickPick, waitFor, workspaceDir } from './helpers';

describe('choosing the framework', () => {
  before(async () => {
    await activeApi();
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  it('labels the frameworks honestly in the picker', async () => {
    const stub = stubQuickPick(() => undefined);
    try {
      await vscode.commands.executeCommand('skillLens.chooseFramework');
    } finally {
      stub.restore();
    }
    const items = stub.calls[0]?.items ?? [];
    const detailOf = (id: string) => (items as (vscode.QuickPickItem & { id?: string })[]).find((i) => i.id === id)?.detail;
    assert.equal(detailOf('ddat'), '188 skills, 201 role levels');
    assert.match(detailOf('sfia') ?? '', /^1 skill, no role levels: a one-skill sample \(SFIA 9 skill page/);
  });

  it('suggests the embedded frameworks in settings.json and accepts a workspace framework id', async () => {
    const uri = vscode.Uri.file(join(workspaceDir(), '.vscode/settings.json'));
    let saved: Uint8Array | undefined;
    try {
      saved = await vscode.workspace.fs.readFile(uri);
    } catch {
      await vscode.workspace.fs.createDirectory(vscode.Uri.file(join(workspaceDir(), '.vscode')));
      await vscode.workspace.fs.writeFile(uri, Buffer.from('{}\n'));
    }
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      // Edited, never saved: the settings in force do not change.
      const text = '{\n  "skillLens.framework": "my-team-framework",\n  "skillLens.debounceMs": "soon"\n}\n';
      await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text));
      // A wrong type is flagged (so the settings schema is in force), the workspace id is not.
      await waitFor('the schema warning on debounceMs', () => vscode.languages.getDiagnostics(uri).some((d) => d.range.start.line === 2), 20_000);
      assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.range.start.line === 1).map((d) => d.message), []);
      const inValue = new vscode.Position(1, '  "skillLens.framework": "'.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, inValue);
      const labels = list.items.map(labelOf);
      for (const id of ['ddat', 'sfia', 'ladder']) assert.ok(labels.some((l) => l.replace(/"/g, '') === id), `${id} in ${labels.join(', ')}`);
      const sfia = list.items.find((i) => labelOf(i).replace(/"/g, '') === 'sfia')!;
      const docs = typeof sfia.documentation === 'string' ? sfia.documentation : (sfia.documentation?.value ?? '');
      assert.match(`${docs} ${sfia.detail ?? ''}`, /one-skill sample/);
    } finally {
      await closeAllEditors();
      if (saved) await vscode.workspace.fs.writeFile(uri, saved);
      else await vscode.workspace.fs.delete(uri);
    }
  });
});
