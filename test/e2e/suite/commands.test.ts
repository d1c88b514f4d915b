// Each command's effect. Commands take optional arguments (role level, skill, framework id)
// so they run here without UI; where the quick pick is the point, showQuickPick is stubbed.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, codeOf, stubQuickPick, waitFor, workspaceDir, openUntitled } from './helpers';

const senior = 'Senior infrastructure engineer';

describe('commands', () => {
  before(async () => {
    await activeApi();
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  it('Insert skills for a role level: picks from the role levels and inserts at the cursor', async () => {
    const doc = await openUntitled('---\nkind: job-advert\n---\n\n## Skills\n\n');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(doc.positionAt(doc.getText().length), doc.positionAt(doc.getText().length));
    const stub = stubQuickPick((items) => items.find((i) => i.label === senior));
    let inserted: string | undefined;
    try {
      inserted = await vscode.commands.executeCommand<string>('skillLens.insertRoleSkills');
    } finally {
      stub.restore();
    }
    const offered = stub.calls[0]?.items.map((i) => i.label) ?? [];
    assert.ok(offered.includes('Associate infrastructure engineer') && offered.includes(senior), `offered: ${offered.join(', ')}`);
    assert.ok(inserted, 'text was inserted');
    const text = doc.getText();
    assert.ok(text.startsWith('---\nkind: job-advert\n---\n\n## Skills\n\n'), 'inserted after what was there');
    assert.ok(text.endsWith(inserted));
    for (const skill of ['IT infrastructure', 'Information security', 'Modern development standards', 'Troubleshooting and problem resolution']) assert.ok(text.includes(skill), skill);
    assert.match(text, /Information security\W+working/i, 'with the level the role needs');
  });

  it('Insert skills for a role level: keeps the document’s gov.uk style', async () => {
    const content = '---\nkind: job-advert\n---\n\nInformation security\n\nLevel: working\n\n';
    const doc = await openUntitled(content);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(doc.positionAt(content.length), doc.positionAt(content.length));
    const inserted = await vscode.commands.executeCommand<string>('skillLens.insertRoleSkills', 'Infrastructure engineer');
    assert.ok(inserted);
    assert.match(inserted, /^IT infrastructure\s*\n\s*\nLevel: working/m);
  });

  it('New job advert from a role level: opens an untitled advert', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('skillLens.newAdvert', 'Lead infrastructure engineer');
    assert.ok(doc);
    assert.equal(doc.uri.scheme, 'untitled');
    assert.equal(doc.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, doc);
    const text = doc.getText();
    assert.match(text, /^---\n[\s\S]*kind: job-advert[\s\S]*\n---\n/);
    assert.match(text, /Lead infrastructure engineer/);
    assert.match(text, /IT infrastructure/);
    // The server checks it like any advert: its own text has no errors.
    await new Promise((r) => setTimeout(r, 1000));
    const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
  });

  it('Show skill: quick pick over the skills, read-only rendered view', async () => {
    const stub = stubQuickPick((items) => items.find((i) => i.label === 'Information security'));
    let uri: vscode.Uri | undefined;
    try {
      uri = await vscode.commands.executeCommand<vscode.Uri>('skillLens.showSkill');
    } finally {
      stub.restore();
    }
    const { items, options } = stub.calls[0];
    assert.ok(items.length >= 180, `${items.length} skills offered`);
    assert.equal(options?.matchOnDescription, true);
    assert.ok(uri);
    assert.equal(uri.scheme, 'skill-lens');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /Information security/);
    assert.match(doc.getText(), /confidentiality and integrity/);
    assert.match(doc.getText(), /practitioner/i);
    await waitFor('the Markdown preview', () => previewTabs().length > 0);
    // A view, not a file: nothing can write to it.
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, Buffer.from('x'))));
  });

  it('Compare role levels: two role levels in a read-only view', async () => {
    const stub = stubQuickPick((items) => items[0]);
    let uri: vscode.Uri | undefined;
    try {
      uri = await vscode.commands.executeCommand<vscode.Uri>('skillLens.compareRoleLevels', 'Infrastructure engineer', senior);
    } finally {
      stub.restore();
    }
    assert.equal(stub.calls.length, 0, 'arguments skip the quick picks');
    assert.ok(uri);
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /Infrastructure engineer/);
    assert.match(text, new RegExp(senior));
    assert.match(text, /IT infrastructure/);
    await waitFor('the Markdown preview', () => previewTabs().length > 0);
  });

  it('Check workspace: diagnostics of files never opened reach the Problems panel', async () => {
    const closed = vscode.Uri.file(join(workspaceDir(), 'reviews/closed-review.md'));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()));
    assert.equal(vscode.languages.getDiagnostics(closed).length, 0, 'nothing before the check');
    const summary = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number }>('skillLens.checkWorkspace');
    assert.ok(summary);
    assert.ok(summary.files >= 5, `${summary.files} files checked`);
    assert.ok(summary.errors >= 1, `${summary.errors} errors`);
    const found = await waitFor('diagnostics for the closed file', () => vscode.languages.getDiagnostics(closed).find((d) => codeOf(d) === 'unknown-level'));
    assert.equal(found.range.start.line, 9);
  });

  it('New framework file: writes a commented framework into the workspace, which loads without problems', async () => {
    const api = await activeApi();
    const written = await vscode.commands.executeCommand<string>('skillLens.newFrameworkFile', 'Platform team');
    assert.ok(written);
    const uri = vscode.Uri.parse(written);
    try {
      assert.equal(uri.fsPath, join(workspaceDir(), 'platform-team.skills.yaml'));
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(text, /^# A skills framework of your own/);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the file is opened');
      // The server loads it from the workspace: it is among the frameworks, with no problem shown on it.
      await waitFor('platform-team among the frameworks', async () => (await api.client.sendRequest<{ id: string }[]>('skillLens/frameworks')).some((f) => f.id === 'platform-team'), 20_000);
      assert.deepEqual(vscode.languages.getDiagnostics(uri).map((d) => d.message), []);
      // A document can name it at once.
      const doc = await openUntitled('---\nkind: job-advert\nframework: platform-team\nrole: Team member\n---\n\n# Team member\n\n- **First skill** (doing)\n- **Second skill** (doing)\n- **Third skill** (doing)\n');
      await vscode.window.showTextDocument(doc);
      const unknown = await waitFor('the unknown skill', () => vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'unknown-skill'), 20_000);
      assert.match(unknown.message, /"Third skill" is not a skill in Platform team/);
      assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).map(codeOf), ['unknown-skill']);
      // Run again: the file is opened as it is, never overwritten.
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${text}# edited\n`));
      await vscode.commands.executeCommand<string>('skillLens.newFrameworkFile', 'Platform team');
      assert.ok(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).endsWith('# edited\n'));
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('Choose framework: quick pick of frameworks writes the workspace setting', async () => {
    const config = () => vscode.workspace.getConfiguration('skillLens');
    const stub = stubQuickPick((items) => items.find((i) => !i.picked));
    try {
      const id = await vscode.commands.executeCommand<string>('skillLens.chooseFramework');
      const offered = stub.calls[0]?.items ?? [];
      assert.ok(offered.length >= 2, `${offered.length} frameworks offered`);
      assert.equal(offered.find((i) => i.picked)?.label.includes('DDaT') || offered.find((i) => i.picked)?.description?.startsWith('ddat'), true);
      assert.ok(id && id !== 'ddat');
      assert.equal(config().inspect('framework')?.workspaceValue, id);
    } finally {
      stub.restore();
      await config().update('framework', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.equal(config().get('framework'), 'ddat');
  });
});

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType));
}
