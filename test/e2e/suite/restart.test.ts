// The server is restarted when it dies (the client's error handler allows it).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { activeApi, openFixture, waitFor } from './helpers';

/** The server: a child of this extension host running dist/server.js. */
function serverPid(): number | undefined {
  try {
    const out = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'dist/server.js'], { encoding: 'utf8' });
    return Number(out.trim().split('\n')[0]) || undefined;
  } catch {
    return undefined; // pgrep exits 1 when nothing matches
  }
}

describe('server restart', () => {
  it('restarts a server that was killed, and it answers again', async function () {
    this.timeout(60_000);
    const { client } = await activeApi();
    const before = serverPid();
    assert.ok(before, 'the server process is found');
    const restarted = new Promise<void>((resolve) => {
      const sub = client.onDidChangeState((e) => {
        if (e.oldState === State.Starting && e.newState === State.Running) {
          sub.dispose();
          resolve();
        }
      });
    });
    process.kill(before, 'SIGKILL');
    await restarted;
    const after = await waitFor('a new server process', () => {
      const pid = serverPid();
      return pid !== before && pid;
    });
    assert.notEqual(after, before);
    const editor = await openFixture('adverts/platform-engineer-advert.md');
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('**Information security**'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 8));
    assert.ok(hovers.length > 0, 'the restarted server answers hovers');
  });
});
