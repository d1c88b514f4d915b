// Go to Definition (F12) on a skill: the framework opens in a read-only `skill-lens:` view, never
// a file on disk, and the view is never checked as a document.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, openFixture, waitFor } from './helpers';

describe('go to definition', () => {
  before(async () => {
    await activeApi();
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  it('opens the skill in a read-only skill-lens: view of the framework, not a file', async () => {
    const editor = await openFixture('adverts/platform-engineer-advert.md');
    const doc = editor.document;
    const line = doc.getText().split('\n').findIndex((l) => l.includes('**Information security**'));
    assert.ok(line >= 0);
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('Information') + 4);
    editor.selection = new vscode.Selection(at, at);

    // What F12 runs.
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const target = await waitFor('the definition to open', () => {
      const active = vscode.window.activeTextEditor;
      return active && active.document.uri.toString() !== doc.uri.toString() ? active : undefined;
    });
    assert.equal(target.document.uri.scheme, 'skill-lens', `opened ${target.document.uri.toString()}`);
    assert.equal(target.document.languageId, 'markdown');
    assert.equal(target.document.lineAt(target.selection.active.line).text, '## Information security');
    assert.match(target.document.getText(), /^# UK Government Digital and Data Profession Capability Framework\n/);

    // A view, not a file: nothing can write to it (the UI test types into it).
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(target.document.uri, Buffer.from('x'))));

    // Never checked: no findings, while the advert it came from has its own.
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(vscode.languages.getDiagnostics(target.document.uri), []);
  });

  it('answers the definition provider with the skill-lens: location', async () => {
    const editor = await openFixture('adverts/platform-engineer-advert.md');
    const doc = editor.document;
    const line = doc.getText().split('\n').findIndex((l) => l.includes('**Information security**'));
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('Information') + 4);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at);
    const uris = found.map((l) => ('targetUri' in l ? l.targetUri : l.uri).toString());
    assert.equal(uris.length, 1, uris.join(', '));
    assert.match(uris[0], /^skill-lens:/);
    assert.ok(!uris.some((u) => u.startsWith('file:')), 'no file written for the editor');
  });
});
