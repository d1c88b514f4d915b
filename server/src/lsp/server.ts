// LSP wiring only: connection, documents, settings, debounced diagnostics, custom requests.
// Every answer comes from the pure features through the LanguageService.
import { promises as fs } from 'node:fs';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  Disposable,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLanguageService, mergeSettings } from '../languageService';
import { StartupGate } from './startupGate';
import { frameworkLabelStartsWith, SPACE_TRIGGER, spaceMayWantList, textBefore } from '../features/completion/whileTyping';
import { limitDiagnostics } from '../features/diagnostics';
import { allCodeActions, FIX_ALL_KIND } from '../features/fixAll';
import { isIgnoreFile } from '../features/ignoreList';
import { localPath, WorkspaceIgnoreLists } from '../workspaceIgnoreLists';
import { frameworkViewLocation, FrameworkRenderings } from './frameworkRendering';
import { WorkspaceCheck } from './workspaceCheck';
import { frameworkContext } from '../features/frameworkContext';
import { version } from '../../../package.json';
import { registerCustomRequests } from './customRequests';
import { StatusNotification, StatusParams } from '../protocol';
import { matchesAny, onBadGlob } from '../documents/glob';
import { findFiles, readRegularFile } from '../workspaceFiles';
import { sizeProblem, type FrameworkFileProblem } from '../framework/frameworkFile';
import { FrameworkFileReader } from './frameworkFiles';
import { protocolGate, REFUSED_METHOD, Refusal } from './protocolGate';

/**
 * Starts the language server on stdio: wires the connection to the language service. All the
 * server's state (timers, the start-up gate, framework file loads) lives in this call.
 */
export function startServer(): void {
  // Every message passes the protocol gate first: nothing before initialize or after shutdown,
  // malformed params answered or ignored with one log line.
  const messages = protocolGate((line) => connection.console.warn(line));
  const connection = createConnection(ProposedFeatures.all, { messageStrategy: messages });
  connection.onRequest(REFUSED_METHOD, (params: unknown) => Refusal.answer(params));
  // When each document's latest change arrived: the typing debounce counts from there, so
  // applying an edit to a long document (a copy of its text) does not lengthen the wait.
  const changedAt = new Map<string, number>();
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (document, changes, version) => {
      changedAt.set(document.uri, performance.now());
      return TextDocument.update(document, changes, version);
    },
  });
  const service = createLanguageService();
  const renderings = new FrameworkRenderings();
  const workspaceCheck = new WorkspaceCheck(service, {
    documentModel: (uri) => model(uri)?.parsed,
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics: limitDiagnostics(diagnostics) }),
    guard: (what, fallback, fn) => guard(what, fallback, fn),
  });
  const frameworkFiles = new FrameworkFileReader();
  /** The workspace folders' ignore lists (`.skill-lens/ignore.yaml`); see workspaceIgnoreLists.ts. */
  const ignoreLists = new WorkspaceIgnoreLists({
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    openText: (uri) => documents.get(uri)?.getText(),
  });
  service.ignoreListFor = (uri) => ignoreLists.listFor(uri);
  const timers = new Map<string, NodeJS.Timeout>();
  /** The diagnostics sent last, settled once they are written. */
  let lastPublish: Promise<void> = Promise.resolve();
  let hasConfiguration = false;
  /** The client registers file watchers on request (workspace.didChangeWatchedFiles.dynamicRegistration). */
  let canWatchFiles = false;
  /** The client opens `skill-lens:` views (the VS Code extension): go to definition lands in one (frameworkRendering.ts). */
  let clientOpensViews = false;
  let workspaceRoots: string[] = [];

  // A glob in the settings that does not compile is skipped; the user hears of it once.
  onBadGlob((problem) => {
    connection.console.warn(problem.message);
    // A notification: the user is told, nothing is asked.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Skill Lens: ${problem.message}` });
  });

  /** Runs a handler so that a bug answers empty and is logged, never crashes the server. */
  function guard<T>(what: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      connection.console.error(`${what} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  }

  function model(uri: string) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const parsed = service.parse(uri, doc.version, doc.getText());
    return { parsed, framework: service.frameworkOf(parsed) };
  }

  connection.onInitialize((params) => {
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    clientOpensViews = (params.capabilities.experimental as { skillLensViews?: unknown } | undefined)?.skillLensViews === true;
    ignoreLists.canCreateFiles = !!params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create');
    ignoreLists.clientSaves = (params.capabilities.experimental as { skillLensSaveDocument?: unknown } | undefined)?.skillLensSaveDocument === true;
    const given = params.initializationOptions?.settings;
    service.settings = mergeSettings(given ?? params.initializationOptions);
    // Settings the client will be asked for after `initialized` are not known yet.
    gate.settingsKnown = !hasConfiguration || !!given;
    workspaceRoots = (params.workspaceFolders ?? [])
      .map((f) => f.uri)
      .concat(params.rootUri ? [params.rootUri] : [])
      .filter((u, i, all) => u.startsWith('file:') && all.indexOf(u) === i)
      .map((u) => fileURLToPath(u));
    service.workspaceRoots = workspaceRoots;
    ignoreLists.roots = workspaceRoots;
    gate.workspaceScanned = workspaceRoots.length === 0;
    // A client that never says `initialized` still gets its workspace read.
    setTimeout(() => void scanWorkspaceFrameworks(), 2000).unref();
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
    if (hasConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'skillLens' }).catch(() => undefined);
      const before = JSON.stringify(service.settings);
      await pullSettings();
      if (gate.settingsKnown && JSON.stringify(service.settings) !== before) refreshAll();
    }
    gate.settingsKnown = true;
    checkWaiting();
    watchFrameworkFiles();
    // Behind the first check of the documents opened with the workspace, once its diagnostics are
    // written (the writer waits for the pipe between a message's header and its body): the scan
    // can wait.
    void lastPublish.then(() => setTimeout(() => void scanWorkspaceFrameworks(), 0));
    // One line that says what is running, first in the editor's output channel.
    void lastPublish.then(() => connection.console.info(startLine()));
  });

  /** `Skill Lens 0.1.0: DDaT (ddat), 188 skills, 52 roles, 201 role levels`. */
  function startLine(): string {
    const f = service.activeFramework();
    const roles = f.data.roles?.length ?? 0;
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    return `Skill Lens ${version}: ${f.shortName} (${f.id}), ${count(f.skills.length, 'skill')}, ${count(roles, 'role')}, ${count(f.roleLevels.length, 'role level')}`;
  }

  async function pullSettings(): Promise<void> {
    if (!hasConfiguration) return;
    try {
      const raw = await connection.workspace.getConfiguration('skillLens');
      service.settings = mergeSettings(raw);
    } catch {
      // A client that cannot answer keeps the defaults.
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    const before = JSON.stringify(service.settings);
    if (hasConfiguration) await pullSettings();
    else service.settings = mergeSettings(change.settings?.skillLens);
    // Clients send this at start-up with nothing changed: re-checking then is wasted work.
    if (JSON.stringify(service.settings) !== before) {
      watchFrameworkFiles();
      refreshAll();
    }
  });

  /** The client's file watcher for framework files, registered again when their globs change. */
  let watcher: { globs: string; registration: Promise<Disposable | undefined> } | undefined;
  function watchFrameworkFiles(): void {
    if (!canWatchFiles) return;
    const globs = JSON.stringify(service.settings.frameworkFiles);
    if (watcher?.globs === globs) return;
    const previous = watcher?.registration;
    // The settings' globs match at the end of a path; a watcher's are matched against all of it.
    const watchers = service.settings.frameworkFiles.map((glob) => ({ globPattern: glob.startsWith('**/') || glob.startsWith('/') ? glob : `**/${glob}` }));
    watchers.push({ globPattern: '**/.skill-lens/ignore.{yaml,yml}' });
    watcher = {
      globs,
      registration: connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined),
    };
    void previous?.then((d) => d?.dispose());
  }

  /** Start-up: documents wait for the settings and the workspace's framework files (startupGate.ts). */
  const gate = new StartupGate(service);

  function checkWaiting(): void {
    for (const uri of gate.release()) schedule(uri, 0);
  }

  /** Workspace framework files (data only): loaded at start and whenever they change. */
  async function scanWorkspaceFrameworks(): Promise<void> {
    if (!gate.startScan()) return;
    let loaded = 0;
    try {
      if (await ignoreLists.readAll()) loaded++;
      // One more than are loaded tells whether there are more.
      let files: string[] = [];
      for (const root of workspaceRoots) {
        if (files.length > MAX_FRAMEWORK_FILES) break;
        const more = (rel: string) => !isIgnoreFile(rel) && matchesAny(rel, service.settings.frameworkFiles, { setting: 'skillLens.frameworkFiles' });
        files = files.concat(await findFiles(root, more, MAX_FRAMEWORK_FILES + 1 - files.length));
      }
      if (files.length > MAX_FRAMEWORK_FILES) {
        files = files.slice(0, MAX_FRAMEWORK_FILES);
        const message = `Skill Lens found more than ${MAX_FRAMEWORK_FILES} framework files in the workspace and loaded the first ${MAX_FRAMEWORK_FILES} (by path, A to Z). Narrow the "skillLens.frameworkFiles" setting to the ones you use.`;
        connection.console.warn(message);
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
      }
      for (const file of files) {
        if (await loadFrameworkFileFromDisk(pathToFileURL(file).toString(), file)) loaded++;
      }
    } finally {
      gate.workspaceScanned = true;
      if (loaded) refreshAll();
      checkWaiting();
    }
  }

  /** The most framework files read from the workspace at start. */
  const MAX_FRAMEWORK_FILES = 200;

  /** The latest load of each framework file: a load that a newer one overtook is dropped. */
  const latestLoad = new Map<string, number>();
  let loads = 0;

  function claimLoad(uri: string): number {
    latestLoad.set(uri, ++loads);
    return loads;
  }

  /**
   * Loads a framework file's text, read and checked off the main thread (frameworkFiles.ts), so
   * that open documents are answered meanwhile. On problems the previous framework stays in use.
   * True when a new version is in use (the same text again changes nothing and costs nothing).
   */
  async function loadFrameworkFile(uri: string, text: string): Promise<boolean> {
    const load = claimLoad(uri);
    if (service.registry.isLoaded(uri, text)) {
      latestLoad.delete(uri);
      publishFrameworkProblems(uri, []);
      return false;
    }
    const { framework, problems } = await frameworkFiles.load(text);
    if (latestLoad.get(uri) !== load) return false;
    latestLoad.delete(uri);
    if (framework) service.registry.setFramework(uri, framework, text);
    publishFrameworkProblems(uri, problems);
    return !!framework;
  }

  /** A framework file on disk: one over the size cap is reported from its size, and not read. */
  async function loadFrameworkFileFromDisk(uri: string, file: string): Promise<boolean> {
    const size = await fs.stat(file).then((s) => s.size, () => 0);
    const tooLarge = sizeProblem(size);
    if (tooLarge) {
      claimLoad(uri);
      publishFrameworkProblems(uri, [tooLarge]);
      return false;
    }
    // Regular files only: a named pipe given a framework file's name must not stall the server.
    const read = await readRegularFile(file);
    if (!('text' in read)) connection.console.warn(`Framework file ${file} cannot be read (${read.reason}).`);
    return loadFrameworkFile(uri, 'text' in read ? read.text : '');
  }

  function publishFrameworkProblems(uri: string, problems: FrameworkFileProblem[]): void {
    connection.sendDiagnostics({
      uri,
      diagnostics: problems.map((p) => ({ range: p.range, severity: 1, code: 'schema', source: 'skill-lens', message: p.message })),
    });
  }

  function isFrameworkFile(uri: string): boolean {
    // The ignore list sits in `.skill-lens/` beside framework files, but is never one.
    return !isIgnoreFile(uri) && matchesAny(localPath(uri) ?? uri, service.settings.frameworkFiles, { setting: 'skillLens.frameworkFiles', roots: workspaceRoots });
  }

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let changed = false;
    for (const change of changes) {
      if (isIgnoreFile(change.uri)) {
        changed = (await ignoreLists.changedOnDisk(change.uri)) || changed;
        continue;
      }
      if (!isFrameworkFile(change.uri)) continue;
      const path = localPath(change.uri);
      if (change.type === 3 || !path) {
        claimLoad(change.uri);
        changed = service.registry.removeFile(change.uri) || changed;
      } else changed = (await loadFrameworkFileFromDisk(change.uri, path)) || changed;
    }
    // A file saved from the editor was loaded from its open document already.
    if (changed) refreshAll();
  });

  function refreshAll(): void {
    service.invalidate();
    for (const doc of documents.all()) schedule(doc.uri, 0);
    // Closed files that Check workspace reported on: checked again, never left with old findings.
    void workspaceCheck.recheck();
  }

  // After shutdown nothing more is checked or published; the client's `exit` ends the process.
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    gate.release();
  });

  /** Diagnostics after a quiet period; a newer version cancels the older one's publication. */
  function schedule(uri: string, delay = service.settings.debounceMs): void {
    if (shutDown) return;
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        validate(uri);
      }, delay),
    );
  }

  function validate(uri: string): void {
    const doc = documents.get(uri);
    if (!doc || shutDown) return;
    // The framework as go to definition shows it is to read, not a document to check.
    if (renderings.isRendering(uri)) {
      connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    if (isIgnoreFile(uri)) {
      // The ignore list as the editor holds it: the documents are checked again against it.
      if (ignoreLists.edited(uri, doc.getText())) refreshAll();
      return;
    }
    if (isFrameworkFile(uri)) {
      // A new version of a framework: the documents checked against the old one are checked again.
      void loadFrameworkFile(uri, doc.getText()).then((changed) => {
        if (changed) refreshAll();
      });
      return;
    }
    const version = doc.version;
    const m = guard('parse', undefined, () => model(uri));
    if (m && gate.mustWait(m.parsed)) {
      gate.hold(uri);
      return;
    }
    const diagnostics = m ? guard('diagnostics', [], () => service.diagnostics(m.parsed)) : [];
    // Stale: the document changed while we worked; the newer version has its own timer.
    if (documents.get(uri)?.version !== version) return;
    lastPublish = connection.sendDiagnostics({ uri, version, diagnostics: limitDiagnostics(diagnostics) }).catch(() => undefined);
    if (m) {
      const about = guard('frameworkContext', false, () => frameworkContext(m.parsed, m.framework));
      const status: StatusParams = { framework: m.framework.shortName, role: m.parsed.role?.text, uri, about };
      connection.sendNotification(StatusNotification, status);
    }
  }

  // TextDocuments reports an opened document as changed too; it is checked at once, not after the
  // typing debounce.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    if (justOpened.delete(uri)) return;
    const since = performance.now() - (changedAt.get(uri) ?? performance.now());
    schedule(uri, Math.max(0, service.settings.debounceMs - since));
  });
  documents.onDidClose((e) => {
    workspaceCheck.forget(e.document.uri);
    clearTimeout(timers.get(e.document.uri));
    changedAt.delete(e.document.uri);
    gate.drop(e.document.uri);
    service.forget(e.document.uri);
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    // An ignore list closed unsaved: what is on disk applies again.
    if (isIgnoreFile(e.document.uri)) void ignoreLists.changedOnDisk(e.document.uri).then((changed) => changed && refreshAll());
  });

  connection.onCompletion((params, token) =>
    guard('completion', null, () => {
      if (token.isCancellationRequested) return null;
      // Trigger character: 2 (CompletionTriggerKind.TriggerCharacter).
      const byCharacter = params.context?.triggerKind === 2;
      const character = byCharacter ? params.context?.triggerCharacter : undefined;
      // A space typed in prose is answered from its line alone, before any parse.
      if (character === SPACE_TRIGGER) {
        const { line, character: ch } = params.position;
        const text = documents.get(params.textDocument.uri)?.getText({ start: { line, character: 0 }, end: { line, character: ch } });
        const startsName = (typed: string) => service.registry.all().some((f) => frameworkLabelStartsWith(f, typed));
        if (!spaceMayWantList(textBefore(text, ch), startsName)) return { isIncomplete: false, items: [] };
      }
      const m = model(params.textDocument.uri);
      if (!m) return null;
      return service.completions(m.parsed, params.position, byCharacter, character);
    }),
  );

  connection.onHover((params, token) =>
    guard('hover', null, () => {
      if (token.isCancellationRequested) return null;
      const m = model(params.textDocument.uri);
      return m ? service.hover(m.parsed, params.position) : null;
    }),
  );

  connection.onCodeAction(async (params, token) => {
    // "Ignore … in this workspace" is built from the list's text: read it first if need be.
    await ignoreLists.readFor(params.textDocument.uri);
    return guard('code actions', [], () => {
      if (token.isCancellationRequested) return [];
      const m = model(params.textDocument.uri);
      if (!m) return [];
      return allCodeActions({
        doc: m.parsed,
        diagnostics: params.context.diagnostics,
        only: params.context.only,
        all: () => service.diagnostics(m.parsed),
        ignore: ignoreLists.target(params.textDocument.uri),
      });
    });
  });

  connection.onDocumentSymbol((params, token) =>
    guard('symbols', [], () => {
      if (token.isCancellationRequested) return [];
      const m = model(params.textDocument.uri);
      return m ? service.documentSymbols(m.parsed) : [];
    }),
  );

  connection.onWorkspaceSymbol((params, token) =>
    guard('workspace symbols', [], () => {
      if (token.isCancellationRequested) return [];
      return service.workspaceSymbols(typeof params.query === 'string' ? params.query : '', clientOpensViews ? frameworkViewLocation : renderings.location);
    }),
  );

  connection.onDefinition((params, token) =>
    guard('definition', null, () => {
      if (token.isCancellationRequested) return null;
      const m = model(params.textDocument.uri);
      return m ? service.definition(m.parsed, params.position, clientOpensViews ? frameworkViewLocation : renderings.location) : null;
    }),
  );

  registerCustomRequests(connection, service, {
    documentModel: (uri) => model(uri)?.parsed,
    publish: (uri, diagnostics) => connection.sendDiagnostics({ uri, diagnostics: limitDiagnostics(diagnostics) }),
    guard,
    workspaceCheck,
  });

  // Nothing a client sends may bring the server down; log and carry on.
  process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => connection.console.error(`Unexpected rejection: ${String(e)}`));

  documents.listen(connection);
  connection.listen();
}
