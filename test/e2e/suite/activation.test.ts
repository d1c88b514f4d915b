import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, openFixture } from './helpers';

describe('activation', () => {
  it('activates on a Markdown advert and starts the language server', async () => {
    await openFixture('adverts/platform-engineer-advert.md');
    const api = await activeApi();
    await api.ready;
    assert.equal(api.client.isRunning(), true);
  });

  it('registers every command', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['insertRoleSkills', 'newAdvert', 'showSkill', 'compareRoleLevels', 'checkWorkspace', 'chooseFramework']) {
      assert.ok(all.includes(`skillLens.${c}`), `skillLens.${c} is registered`);
    }
  });
});
