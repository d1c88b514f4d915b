// Insert skills for a role level, in the file's own format: pathway topics in a YAML pathway
// (which must still check without a yaml-syntax error), a table in a review; the picker starts
// on the document's own role.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { join } from 'node:path';
import { activeApi, closeAllEditors, codeOf, openFixture, stubQuickPick, waitFor, openUntitled, workspaceDir } from './helpers';

const senior = 'Senior infrastructure engineer';

describe('insert skills in the file’s own format', () => {
  before(async () => {
    await activeApi();
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  it('adds YAML topics to a YAML pathway, which then checks without a yaml-syntax error', async () => {
    const editor = await openFixture('pathways/cloud-pathway.yaml');
    const doc = editor.document;
    // A wrong level first, put right after the insertion: when its finding has gone, the server
    // has checked a version with the inserted topics (a finding never seen proves nothing).
    const seo = doc.getText().split('\n').findIndex((l) => l === '  SEO: working');
    assert.ok(seo >= 0);
    const level = new vscode.Range(seo, 7, seo, 7 + 'working'.length);
    await editor.edit((b) => b.replace(level, 'wizard'));
    await waitFor('unknown-level for wizard', () => vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === 'unknown-level'));
    const before = doc.getText();
    const end = doc.positionAt(before.length);
    editor.selection = new vscode.Selection(end, end);
    const inserted = await vscode.commands.executeCommand<string>('skillLens.insertRoleSkills', senior);
    assert.ok(inserted, 'text was inserted');
    const text = doc.getText();
    assert.ok(text.startsWith(before), 'what was there is kept');
    assert.doesNotMatch(inserted, /\*\*/, 'no Markdown in YAML');
    assert.match(inserted, /^ {2}- name: Coding and scripting\n {4}description: /);
    assert.match(text, /\n {2}- name: IT infrastructure\n {4}description: .*\n {4}pathway:\n {6}practitioner:\n/);
    assert.equal(text.match(/- name: Information security/g)?.length, 1, 'the topic it had is not added twice');
    await editor.edit((b) => b.replace(level, 'working'));
    await waitFor('unknown-level to go', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === 'unknown-level'));
    const codes = vscode.languages.getDiagnostics(doc.uri).map(codeOf);
    for (const bad of ['yaml-syntax', 'schema', 'duplicate-skill', 'unknown-skill']) assert.ok(!codes.includes(bad), `${bad} in ${codes.join(', ')}`);
  });

  it('adds only the topics a pathway lacks, written as its own topics are', async () => {
    // A skills list, names quoted, `- ` at the key's column, statements in single quotes; one
    // topic named by the shared name the role level's variant goes by, one by its old name.
    const uri = vscode.Uri.file(join(workspaceDir(), 'pathways', 'data-engineer-pathway.yaml'));
    const before = "skills:\n- name: \"Programming and build\"\n  levels:\n  - name: Practitioner\n    examples:\n    - 'Builds tested pipelines'\n- name: \"Problem solving\"\n  levels:\n  - name: Working\n    examples:\n    - 'Finds why loads fail'\n";
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(before));
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const end = editor.document.positionAt(before.length);
      editor.selection = new vscode.Selection(end, end);
      const inserted = await vscode.commands.executeCommand<string>('skillLens.insertRoleSkills', 'Senior data engineer');
      assert.ok(inserted);
      const text = editor.document.getText();
      assert.ok(text.startsWith(before), 'what was there is kept');
      assert.equal(
        text.slice(before.length).split('\n').slice(0, 6).join('\n'),
        [
          '- name: "Communicating between the technical and non-technical"',
          '  levels:',
          '  - name: Working',
          '    examples:',
          "    - 'communicate effectively with technical and non-technical stakeholders'",
          "    - 'support and host discussions within a multidisciplinary team, with potentially difficult dynamics'",
        ].join('\n'),
      );
      for (const name of ['Programming and build', 'Problem management', 'Problem solving']) assert.doesNotMatch(text.slice(before.length), new RegExp(`name: "${name}`), name);
      // A wrong level after the insertion: once its finding is there, the server has checked a
      // version with the inserted topics.
      const practitioner = new vscode.Range(3, '  - name: '.length, 3, '  - name: Practitioner'.length);
      await editor.edit((b) => b.replace(practitioner, 'Wizard'));
      await waitFor('unknown-level for Wizard', () => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'unknown-level'), 20_000);
      const codes = vscode.languages.getDiagnostics(uri).map(codeOf);
      for (const bad of ['yaml-syntax', 'schema', 'duplicate-skill']) assert.ok(!codes.includes(bad), `${bad} in ${codes.join(', ')}`);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('writes a table with an evidence column into a review', async () => {
    const content = '---\nkind: review\nrole: Senior infrastructure engineer\n---\n\n# Review\n\n## Evidence\n\n';
    const doc = await openUntitled(content);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(doc.positionAt(content.length), doc.positionAt(content.length));
    const inserted = await vscode.commands.executeCommand<string>('skillLens.insertRoleSkills', senior);
    assert.ok(inserted);
    assert.match(inserted, /^\| Skill \| Level \| Evidence \|\n\| --- \| --- \| --- \|\n\| Coding and scripting \| awareness \| {2}\|\n/);
    assert.equal(doc.getText(), content + inserted);
  });

  it('starts the role level picker on the role the document names (front matter or title)', async () => {
    for (const [content, role] of [
      ['---\nkind: job-advert\nrole: Senior data engineer\n---\n\n## Skills\n\n', 'Senior data engineer'],
      ['# Lead infrastructure engineer\n\n## Skills you need\n\n', 'Lead infrastructure engineer'],
    ]) {
      const doc = await openUntitled(content);
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(doc.positionAt(content.length), doc.positionAt(content.length));
      const stub = stubQuickPick(() => undefined);
      try {
        await vscode.commands.executeCommand('skillLens.insertRoleSkills');
      } finally {
        stub.restore();
      }
      const items = stub.calls[0]?.items ?? [];
      const first = items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator);
      assert.equal(items[0]?.label, "This document's role");
      assert.equal(first?.label, role, `first: ${items.slice(0, 3).map((i) => i.label).join(' | ')}`);
      assert.ok(items.filter((i) => i.label === role).length === 2, 'still in its own group too');
      assert.equal(doc.getText(), content, 'dismissed: nothing inserted');
      await closeAllEditors();
    }
  });
});
