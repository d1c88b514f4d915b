// dist/browser-extension.js, the browser entry (package.json `browser`): VS Code for the web
// (vscode.dev, github.dev) runs it in its web worker extension host. It starts the same language
// server in a web worker of its own (dist/browser-server.js, server/src/browserServerMain.ts),
// answers the server's requests for the project's files (projectFiles.ts), and hands the client to
// the editor side shared with the desktop entry (activate.ts). The build fails if anything here
// pulls in a Node module (esbuild.mjs).
import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { activateSkillLens, deactivateSkillLens, type SkillLensApi } from './activate';
import { answerFileRequests } from './projectFiles';
import { viewScheme } from './views';

export type { SkillLensApi } from './activate';

/** The web worker the extension host can start (the project compiles against Node's types,
 *  without TypeScript's DOM library). */
declare class Worker {
  constructor(url: string);
  terminate(): void;
}

export function activate(context: vscode.ExtensionContext): SkillLensApi {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/browser-server.js').toString(true);
  // The server reads and checks framework files in a worker of its own, from this script.
  const frameworkWorker = vscode.Uri.joinPath(context.extensionUri, 'dist/browser-framework-worker.js').toString(true);
  // The workspace's documents whatever file system holds them (github.dev's `vscode-vfs`, a
  // local folder), and new documents; never the extension's own read-only views.
  const schemes = [...new Set(['file', 'untitled', 'vscode-vfs', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])].filter((s) => s !== viewScheme);
  return activateSkillLens(context, {
    createClient: (options) => new WorkerLanguageClient(options, serverMain),
    schemes,
    wire: (client) => answerFileRequests(client),
    initializationOptions: { frameworkWorker },
  });
}

export function deactivate(): Promise<void> | undefined {
  return deactivateSkillLens();
}

/**
 * The language client with its server in a web worker: a new worker each time the client
 * starts (the first start, and a restart after a crash), the previous one ended. (The library's
 * browser client keeps one worker for ever, and a restart would talk to the one that failed.)
 */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: Worker | undefined;

  constructor(
    options: LanguageClientOptions,
    private readonly script: string,
  ) {
    super('skillLens', 'Skill Lens', options);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    this.worker = new Worker(this.script);
    return Promise.resolve({ reader: new BrowserMessageReader(this.worker), writer: new BrowserMessageWriter(this.worker) });
  }
}
