import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, extensionId, openFixture } from './helpers';

describe('activation', () => {
  it('activates on a Markdown advert and starts the language server', async () => {
    await openFixture('adverts/platform-engineer-advert.md');
    const api = await activeApi();
    await api.ready;
    assert.equal(api.client.isRunning(), true);
  });

  it('registers every command the package contributes', async () => {
    const all = await vscode.commands.getCommands(true);
    const contributed = (vscode.extensions.getExtension(extensionId)!.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    assert.ok(contributed.includes('skillLens.newFrameworkFile'));
    for (const c of contributed) assert.ok(all.includes(c), `${c} is registered`);
  });
});
