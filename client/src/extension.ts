// dist/extension.js, the desktop entry (package.json `main`): starts the Skill Lens language
// server as a Node process (dist/server.js) and hands the client to the editor side shared with
// the browser entry (activate.ts).
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { serverEnvironment } from '../../server/src/serverEnvironment';
import { activateSkillLens, deactivateSkillLens, type SkillLensApi } from './activate';

export type { SkillLensApi } from './activate';

export function activate(context: vscode.ExtensionContext): SkillLensApi {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const env = serverEnvironment();
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { env, execArgv: ['--nolazy', '--inspect=6010'] },
    },
  };
  return activateSkillLens(context, {
    createClient: (options) => new LanguageClient('skillLens', 'Skill Lens', serverOptions, options),
    // Files on disk, and new documents not saved yet.
    schemes: ['file', 'untitled'],
  });
}

export function deactivate(): Promise<void> | undefined {
  return deactivateSkillLens();
}
