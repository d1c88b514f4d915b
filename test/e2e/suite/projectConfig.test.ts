// The project's configuration file in the editor: .skill-lens.yaml applies to the documents
// below it, a VS Code setting the user sets overrides it, a change to the file on disk applies
// at once, and a wrong key is shown on its line in the Problems panel.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, codeOf, waitFor, workspaceDir } from './helpers';

const folder = () => join(workspaceDir(), 'config-project');
const write = (relative: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.file(join(folder(), relative)), Buffer.from(text));

describe('the project configuration file', function () {
  this.timeout(150_000);
  before(async () => {
    await activeApi();
  });

  afterEach(async () => {
    await closeAllEditors();
    await vscode.workspace.getConfiguration('skillLens').update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(vscode.Uri.file(folder()), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('applies below its folder, is overridden by a setting the user sets, and is read again when it changes', async () => {
    await write('.skill-lens.yaml', '# The team\'s settings\nseverity:\n  unknown-skill: warning\n');
    await write('job-advert.md', '# Senior infrastructure engineer\n\n- **Kubernetes** (expert)\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(folder(), 'job-advert.md')));
    await vscode.window.showTextDocument(doc);
    const severityOf = () => vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'unknown-skill')?.severity;

    await waitFor('unknown-skill as a warning, from .skill-lens.yaml', () => severityOf() === vscode.DiagnosticSeverity.Warning, 30_000);

    await vscode.workspace.getConfiguration('skillLens').update('severity', { 'unknown-skill': 'information' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('unknown-skill as information, from the workspace setting', () => severityOf() === vscode.DiagnosticSeverity.Information, 30_000);

    await vscode.workspace.getConfiguration('skillLens').update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('unknown-skill as a warning again', () => severityOf() === vscode.DiagnosticSeverity.Warning, 30_000);

    // Changed on disk (a pull, another editor): the file watcher brings it in.
    await write('.skill-lens.yaml', 'severity:\n  unknown-skill: hint\n');
    await waitFor('unknown-skill as a hint, from the changed file', () => severityOf() === vscode.DiagnosticSeverity.Hint, 30_000);
  });

  it('shows a wrong key on its line, and keeps applying the rest', async () => {
    await write('.skill-lens.yaml', 'severity:\n  unknown-skill: warning\nseverty:\n  missing-skill: off\n');
    await write('job-advert.md', '# Senior infrastructure engineer\n\n- **Kubernetes** (expert)\n');
    const config = vscode.Uri.file(join(folder(), '.skill-lens.yaml'));
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(folder(), 'job-advert.md')));
    await vscode.window.showTextDocument(doc);
    const problem = await waitFor('the problem on severty', () => vscode.languages.getDiagnostics(config).find((d) => d.range.start.line === 2), 30_000);
    assert.equal(problem.message, '"severty" is not a setting of the configuration: did you mean "severity"? Settings: framework, frameworkFiles, severity, documentKinds, ignore, exclude.');
    await waitFor('unknown-skill as a warning', () => vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'unknown-skill')?.severity === vscode.DiagnosticSeverity.Warning, 30_000);
  });
});
