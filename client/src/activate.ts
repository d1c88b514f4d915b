// The editor side of Skill Lens, the same in desktop VS Code (extension.ts: the server is a Node
// process) and in VS Code for the web (browserExtension.ts: the server is a web worker): the
// language client's options, the commands, the status bar and the read-only views. Everything
// about skills is computed by the server; the client only asks (protocol.ts) and shows.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type BaseLanguageClient,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';
import { registerCheckWorkspace } from './commands/checkWorkspace';
import { registerChooseFramework } from './commands/chooseFramework';
import { registerCompareRoleLevels } from './commands/compareRoleLevels';
import { registerInsertRoleSkills } from './commands/insertRoleSkills';
import { registerNewAdvert } from './commands/newAdvert';
import { registerNewFrameworkFile } from './commands/newFrameworkFile';
import { registerNewReview } from './commands/newReview';
import { registerShowProfile } from './commands/showProfile';
import { registerShowSkill } from './commands/showSkill';
import { registerSaveDocument, saveDocumentCapability } from './saveDocument';
import { SkillLensViews, viewsCapability } from './views';
import { settingsMiddleware } from './settings';

/** What activate() returns: tests reach the running client through it. */
export interface SkillLensApi {
  client: BaseLanguageClient;
  /** Resolves once the server has answered `initialize`. */
  ready: Promise<void>;
}

/** What differs between the desktop and the browser entries. */
export interface ClientHost {
  /** Makes the language client with these options: the server started the host's way. */
  createClient(options: LanguageClientOptions): BaseLanguageClient;
  /** The URI schemes of the documents the server checks, and of the folders Check workspace lists. */
  schemes: readonly string[];
  /** The host's own wiring, made before the client starts (kept until deactivation). */
  wire?(client: BaseLanguageClient): vscode.Disposable[];
  /** Sent to the server at initialize. */
  initializationOptions?: Record<string, unknown>;
}

const languages = ['markdown', 'yaml'];

let client: BaseLanguageClient | undefined;

export function activateSkillLens(context: vscode.ExtensionContext, host: ClientHost): SkillLensApi {
  const output = vscode.window.createOutputChannel('Skill Lens');
  context.subscriptions.push(output);

  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => host.schemes.map((scheme) => ({ scheme, language }))),
    // The server registers the file watchers it needs (configuration, ignore lists, framework
    // files, as the project's configuration names them): none is made here.
    synchronize: { configurationSection: 'skillLens' },
    outputChannel: output,
    errorHandler: restartingErrorHandler(output),
    // Only the settings the user set: each overrides the project's configuration file.
    middleware: settingsMiddleware,
    // Hovers and completion documentation quote framework files, which are workspace content:
    // never trusted (no command: links run) and no HTML, whatever the client library defaults to.
    markdown: { isTrusted: false, supportHtml: false },
    initializationOptions: host.initializationOptions,
  };

  const c = host.createClient(clientOptions);
  client = c;
  c.registerFeature(viewsCapability);
  c.registerFeature(saveDocumentCapability);
  context.subscriptions.push(...(host.wire?.(c) ?? []));

  // The status bar shows the active framework and, for the active document, its role level.
  const status = vscode.window.createStatusBarItem('skillLens.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Skill Lens';
  status.command = 'skillLens.chooseFramework';
  context.subscriptions.push(status);
  let framework: string | undefined;
  // Per document, from the server's status: its role, and whether it is about the framework at
  // all. Documents the server has not said so of (a README, notes, any other YAML) show nothing.
  const roles = new Map<string, { role?: string; about: boolean }>();
  const renderStatus = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !languages.includes(editor.document.languageId)) return status.hide();
    const known = roles.get(editor.document.uri.toString());
    if (!known?.about) return status.hide();
    const role = known.role;
    status.text = `$(mortar-board) ${framework ?? 'Skill Lens'}${role ? ` · ${role}` : ''}`;
    status.tooltip = `Skill Lens: framework ${framework ?? '(starting)'}${role ? `, role ${role}` : ''}. Click to choose the framework.`;
    status.show();
  };
  renderStatus();
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(renderStatus),
    vscode.workspace.onDidCloseTextDocument((d) => roles.delete(d.uri.toString())),
  );

  const views = new SkillLensViews(c);
  context.subscriptions.push(
    views,
    registerInsertRoleSkills(c),
    registerNewAdvert(c),
    registerShowSkill(c, views),
    registerCompareRoleLevels(c, views),
    registerCheckWorkspace(c, host.schemes),
    registerChooseFramework(c),
    registerNewReview(c),
    registerShowProfile(c),
    registerSaveDocument(),
    registerNewFrameworkFile(c),
  );

  // Registered before start so the first status is not missed; the client keeps it across restarts.
  context.subscriptions.push(
    c.onNotification(StatusNotification, (p: StatusParams) => {
      framework = p.framework;
      if (p.uri) roles.set(p.uri, { role: p.role, about: p.about === true });
      renderStatus();
    }),
  );

  const ready = c.start();
  ready.catch((e) => output.appendLine(`Skill Lens server failed to start: ${String(e)}`));
  return { client: c, ready };
}

export function deactivateSkillLens(): Promise<void> | undefined {
  return client?.stop();
}

/**
 * Keeps the server alive: a crash restarts it, unless it crashed 5 times within 3 minutes
 * (then something is badly wrong and restarting would only loop).
 */
function restartingErrorHandler(output: vscode.OutputChannel): ErrorHandler {
  const restarts: number[] = [];
  return {
    error(): ErrorHandlerResult {
      return { action: ErrorAction.Continue };
    },
    closed(): CloseHandlerResult {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && now - restarts[0] > 3 * 60_000) restarts.shift();
      if (restarts.length > 5) {
        const message = 'The Skill Lens server crashed 5 times in the last 3 minutes and will not be restarted.';
        output.appendLine(message);
        return { action: CloseAction.DoNotRestart, message };
      }
      output.appendLine('The Skill Lens server stopped; restarting it.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
