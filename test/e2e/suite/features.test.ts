// Language features through the VS Code API, answered by the bundled server: completion,
// hover, diagnostics and quick fixes in a Markdown advert, diagnostics in a YAML pathway.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, codeOf, labelOf, openFixture, waitFor } from './helpers';

const levels = ['awareness', 'working', 'practitioner', 'expert'];

describe('language features in adverts and pathways', () => {
  before(async () => {
    await activeApi();
  });

  it('completes `Informa` to `Information security`', async () => {
    const editor = await openFixture('adverts/platform-engineer-advert.md');
    const doc = editor.document;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\n- **Informa'));
    const position = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('Information security'), `labels: ${labels.slice(0, 10).join(', ')}`);
    // Accepting it replaces the typed prefix, not only appends.
    const item = list.items.find((i) => labelOf(i) === 'Information security')!;
    const insert = typeof item.insertText === 'string' ? item.insertText : (item.insertText?.value ?? labelOf(item));
    const range = item.range instanceof vscode.Range ? item.range : (item.range?.replacing ?? doc.getWordRangeAtPosition(position));
    assert.ok(range, 'the item says what it replaces');
    await editor.edit((b) => b.replace(range, insert));
    assert.match(doc.lineAt(doc.lineCount - 1).text, /^- \*\*Information security/);
    await closeAllEditors();
  });

  it('completes levels after a skill', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\nkind: job-advert\n---\n\n- **Information security** (' });
    await vscode.window.showTextDocument(doc);
    const position = doc.lineAt(4).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, '(');
    const labels = list.items.map(labelOf);
    for (const level of levels) assert.ok(labels.some((l) => l.toLowerCase().startsWith(level)), `${level} in ${labels.join(', ')}`);
    await closeAllEditors();
  });

  it('explains a skill on hover', async () => {
    const editor = await openFixture('adverts/platform-engineer-advert.md');
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('**Information security**'));
    assert.ok(line >= 0);
    const character = editor.document.lineAt(line).text.indexOf('Information') + 3;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, character));
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /Information security/);
    assert.match(text, /confidentiality and integrity/, 'the framework description');
    assert.match(text, /working/i, 'the level the advert asks for');
  });

  it('flags a level the framework does not have (unknown-level)', async () => {
    const editor = await openFixture('adverts/broken-level-advert.md');
    const diagnostic = await unknownLevel(editor.document.uri);
    assert.equal(editor.document.getText(diagnostic.range), 'wizard');
    assert.equal(diagnostic.source, 'skill-lens');
    assert.match(diagnostic.message, /wizard/);
  });

  it('fixes the level with a quick fix', async () => {
    const editor = await openFixture('adverts/broken-level-advert.md');
    const doc = editor.document;
    const diagnostic = await unknownLevel(doc.uri);
    const line = diagnostic.range.start.line;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    // The level's own fixes (silencing it, or ignoring the word, are offered beside them).
    const fixes = actions.filter((a) => a.edit && a.kind?.contains(vscode.CodeActionKind.QuickFix) && !/^(Disable|Ignore|Fix all) /.test(a.title));
    assert.ok(fixes.length > 0, `actions: ${actions.map((a) => a.title).join(', ')}`);
    for (const a of fixes) assert.match(a.title, new RegExp(levels.join('|')), 'each fix offers a level of the scale');
    const fix = fixes.find((a) => a.isPreferred) ?? fixes[0];
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
    const after = doc.lineAt(line).text;
    assert.match(after, new RegExp(`^- \\*\\*Information security\\*\\* \\((${levels.join('|')})\\)$`, 'i'));
    // Only that line changed.
    const otherLines = (t: string) => t.split('\n').filter((_, i) => i !== line);
    assert.deepEqual(otherLines(doc.getText()), otherLines(before));
    await waitFor('unknown-level to go', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === 'unknown-level'));
    await closeAllEditors();
  });

  it('checks YAML pathway files too', async () => {
    const editor = await openFixture('pathways/cloud-pathway.yaml');
    const doc = editor.document;
    assert.equal(doc.languageId, 'yaml');
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('  SEO: working'));
    assert.ok(line >= 0);
    const at = doc.lineAt(line).text.indexOf('working');
    await editor.edit((b) => b.replace(new vscode.Range(line, at, line, at + 'working'.length), 'wizard'));
    const diagnostic = await unknownLevel(doc.uri);
    assert.equal(doc.getText(diagnostic.range), 'wizard');
    await closeAllEditors();
  });
});

function unknownLevel(uri: vscode.Uri): Promise<vscode.Diagnostic> {
  return waitFor('an unknown-level diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'unknown-level'));
}
