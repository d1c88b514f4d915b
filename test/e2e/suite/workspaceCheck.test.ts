// Check workspace finds the same files as `skill-lens check .` (a file whose front matter says
// `kind:` is checked whatever its name), and its findings on closed files follow the framework:
// switching framework checks them again, never leaving the old framework's findings.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, codeOf, waitFor, workspaceDir } from './helpers';

type Summary = { files: number; errors: number; warnings: number };

describe('Check workspace', () => {
  before(async () => {
    await activeApi();
    await closeAllEditors();
  });

  it('checks a file whose front matter says kind: though its name matches no glob, as the CLI does', async () => {
    const profile = vscode.Uri.file(join(workspaceDir(), 'notes/team-profile.md'));
    const summary = await vscode.commands.executeCommand<Summary>('skillLens.checkWorkspace');
    assert.ok(summary);
    const found = await waitFor('diagnostics for notes/team-profile.md', () => vscode.languages.getDiagnostics(profile).find((d) => codeOf(d) === 'unknown-level'));
    assert.equal(found.range.start.line, 12);
    assert.match(found.message, /"wizzard" is not a skill level in DDaT/);
    // Every Markdown and YAML file of the workspace, as `skill-lens check` walks a folder.
    const all = await vscode.workspace.findFiles('**/*.{md,markdown,yaml,yml}', '**/node_modules/**');
    assert.equal(summary.files, all.length, `checked ${summary.files} of ${all.map((u) => vscode.workspace.asRelativePath(u)).join(', ')}`);
  });

  it('checks closed files again when the framework changes: no finding left from the old one', async () => {
    const closed = vscode.Uri.file(join(workspaceDir(), 'reviews/closed-review.md'));
    const profile = vscode.Uri.file(join(workspaceDir(), 'notes/team-profile.md'));
    await vscode.commands.executeCommand('skillLens.checkWorkspace');
    await waitFor('the DDaT finding on the closed review', () => vscode.languages.getDiagnostics(closed).some((d) => /in DDaT/.test(d.message)));
    const config = vscode.workspace.getConfiguration('skillLens');
    try {
      assert.equal(await vscode.commands.executeCommand('skillLens.chooseFramework', 'sfia'), 'sfia');
      // SFIA's scale has no "wizard" either, but the review names no SFIA skill: nothing to say.
      await waitFor('the DDaT finding to go from the closed review', () => !vscode.languages.getDiagnostics(closed).some((d) => /DDaT/.test(d.message)));
      const sfia = await waitFor('SFIA findings on the closed profile', () => {
        const ds = vscode.languages.getDiagnostics(profile);
        return ds.length && ds.every((d) => !/DDaT/.test(d.message)) ? ds : undefined;
      });
      assert.ok(sfia.some((d) => codeOf(d) === 'unknown-skill' && /is not a skill in SFIA/.test(d.message)), sfia.map((d) => d.message).join('\n'));
    } finally {
      await config.update('framework', undefined, vscode.ConfigurationTarget.Workspace);
    }
    // And back: DDaT's findings return without another Check workspace.
    await waitFor('the DDaT finding back on the closed review', () => vscode.languages.getDiagnostics(closed).some((d) => codeOf(d) === 'unknown-level' && /in DDaT/.test(d.message)));
  });
});
