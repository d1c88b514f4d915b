// LSP wiring only: makes the connection and the language service, and hands each concern to its
// handler (handlers/): documents and publishing, settings, the project's own files, language
// features, workspace requests. The same wiring runs in Node (serverMain.ts) and in a browser's
// web worker (browserServerMain.ts); what differs is given as a ServerHost.
import type { Connection, InitializeParams, MessageStrategy } from 'vscode-languageserver';
import { CodeActionKind, MessageType, ShowMessageNotification, TextDocumentSyncKind } from 'vscode-languageserver';
import { createLanguageService } from '../languageService';
import { SPACE_TRIGGER } from '../features/completion/whileTyping';
import { FIX_ALL_KIND } from '../features/fixAll';
import { onBadGlob } from '../documents/glob';
import { limitDiagnostics } from '../features/diagnostics';
import type { FrameworkLocator } from '../features/definition';
import type { ProjectFiles } from '../project/projectFiles';
import type { FrameworkLoader } from '../project/project';
import { protocolGate, REFUSED_METHOD, Refusal } from './protocolGate';
import { DocumentsHandler } from './handlers/documents';
import { SettingsHandler } from './handlers/settings';
import { ProjectFilesHandler } from './handlers/projectFiles';
import { registerLanguageFeatures } from './handlers/languageFeatures';
import { registerWorkspaceRequests } from './handlers/workspaceRequests';
import { WorkspaceCheck } from './workspaceCheck';
import type { ServerContext } from './handlers/context';

/** What differs between the Node server and the browser's. */
export interface ServerHost {
  /** Makes the connection over the host's transport, with the protocol gate as its message strategy. */
  connect(strategy: MessageStrategy): Connection;
  /** How the project's files are found and read. */
  files: ProjectFiles;
  /** Builds a framework from a file's text (off the main thread where the host can). */
  loadFramework?: FrameworkLoader;
  /** For clients without the extension's read-only views: the framework rendered to a file. */
  renderings?: { location: FrameworkLocator; isRendering(uri: string): boolean };
  /** Told what the client sent at initialize, before anything is read (the browser's server
   *  learns there where its framework file worker is). */
  initialize?: (params: InitializeParams) => void;
  /** Reports errors nothing else caught, so that they are logged rather than fatal. */
  onUncaught?: (report: (message: string) => void) => void;
}

/** Starts the language server: every piece of its state lives in this call's handlers. */
export function startServer(host: ServerHost): void {
  // Every message passes the protocol gate first: nothing before initialize or after shutdown,
  // malformed params answered or ignored with one log line.
  const messages = protocolGate((line) => connection.console.warn(line));
  const connection = host.connect(messages);
  connection.onRequest(REFUSED_METHOD, (params: unknown) => Refusal.answer(params));

  /** Runs a handler so that a bug answers empty and is logged, never crashes the server. */
  function guard<T>(what: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      connection.console.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  }

  const service = createLanguageService({
    files: host.files,
    loadFramework: host.loadFramework,
    // A configuration, ignore list or framework file's own problems, in the Problems panel.
    onFileProblems: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    log: (message) => {
      connection.console.warn(message);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    },
  });
  const context: ServerContext = { connection, service, guard, host, publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics: limitDiagnostics(diagnostics) }) };

  // A glob in the settings or a configuration that does not compile is skipped; the user hears of it once.
  onBadGlob((problem) => {
    connection.console.warn(problem.message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Skill Lens: ${problem.message}` });
  });

  // Check workspace lists and reads closed files through the host's files (the disk in Node,
  // the editor in the browser).
  const workspaceCheck = new WorkspaceCheck(service, {
    documentModel: (uri) => documents.model(uri),
    publish: context.publish,
    guard,
    files: host.files,
  });
  const documents = new DocumentsHandler(context, workspaceCheck);
  const projectFiles = new ProjectFilesHandler(context, documents);
  const settings = new SettingsHandler(context, documents, projectFiles);
  documents.projectFiles = projectFiles;

  connection.onInitialize((params) => {
    context.client = params;
    host.initialize?.(params);
    settings.initialize(params);
    const roots = (params.workspaceFolders ?? [])
      .map((f) => f.uri)
      .concat(params.rootUri ? [params.rootUri] : [])
      .filter((u, i, all) => all.indexOf(u) === i);
    projectFiles.initialize(params, roots);
    documents.initialize(params);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['(', ':', '|', '*', SPACE_TRIGGER], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        definitionProvider: true,
      },
      serverInfo: { name: 'skill-lens' },
    };
  });

  connection.onInitialized(async () => {
    await settings.initialized();
    documents.settingsKnown();
    projectFiles.initialized();
  });

  // After shutdown nothing more is checked or published; the client's `exit` ends the process.
  connection.onShutdown(() => documents.shutDown());

  registerLanguageFeatures(context, documents);
  registerWorkspaceRequests(context, documents, workspaceCheck);

  // Nothing a client sends may bring the server down; log and carry on.
  host.onUncaught?.((message) => connection.console.error(message));

  documents.listen();
  connection.listen();
}
