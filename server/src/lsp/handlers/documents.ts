// Open documents and publishing their findings: the typing debounce, a newer version cancelling
// an older one's publication, the start-up gate, and the status the client shows. A project file
// open in the editor (configuration, ignore list, framework file) is handed to the project files
// handler instead of being checked as a document.
import type { InitializeParams } from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../../documents/model';
import { limitDiagnostics } from '../../features/diagnostics';
import { StatusNotification, type StatusParams } from '../../protocol';
import { StartupGate } from '../startupGate';
import type { WorkspaceCheck } from '../workspaceCheck';
import type { ServerContext } from './context';
import type { ProjectFilesHandler } from './projectFiles';

type Timer = ReturnType<typeof setTimeout>;

export class DocumentsHandler {
  readonly documents: TextDocuments<TextDocument>;
  projectFiles?: ProjectFilesHandler;
  /** Start-up: documents wait for the settings and the workspace's framework files (startupGate.ts). */
  readonly gate: StartupGate;
  /** When each document's latest change arrived: the typing debounce counts from there, so
   *  applying an edit to a long document (a copy of its text) does not lengthen the wait. */
  private readonly changedAt = new Map<string, number>();
  private readonly timers = new Map<string, Timer>();
  /** TextDocuments reports an opened document as changed too; it is checked at once. */
  private readonly justOpened = new Set<string>();
  /** The diagnostics sent last, settled once they are written. */
  lastPublish: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly context: ServerContext,
    private readonly workspaceCheck: WorkspaceCheck,
  ) {
    this.documents = new TextDocuments<TextDocument>({
      create: TextDocument.create,
      update: (document, changes, version) => {
        this.changedAt.set(document.uri, performance.now());
        return TextDocument.update(document, changes, version);
      },
    });
    this.gate = new StartupGate(context.service);
  }

  initialize(params: InitializeParams): void {
    this.gate.workspaceScanned = !(params.workspaceFolders?.length || params.rootUri);
  }

  /** The model of an open document (parsed once per version). */
  model(uri: string): ParsedDocument | undefined {
    const doc = this.documents.get(uri);
    return doc ? this.context.service.parse(uri, doc.version, doc.getText()) : undefined;
  }

  text(uri: string): string | undefined {
    return this.documents.get(uri)?.getText();
  }

  /** The settings are known: the documents that waited for them are checked. */
  settingsKnown(): void {
    this.gate.settingsKnown = true;
    this.checkWaiting();
  }

  checkWaiting(): void {
    for (const uri of this.gate.release()) this.schedule(uri, 0);
  }

  /** After a framework, a setting or a project file changed: every document is checked again. */
  refreshAll(): void {
    this.context.service.invalidate();
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
    // Closed files that Check workspace reported on: checked again, never left with old findings.
    void this.workspaceCheck.recheck();
  }

  shutDown(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.gate.release();
  }

  /** Findings after a quiet period; a newer version cancels the older one's publication. */
  schedule(uri: string, delay = this.context.service.settingsFor(uri).debounceMs): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.validate(uri);
      }, delay),
    );
  }

  private validate(uri: string): void {
    const { connection, service, guard } = this.context;
    const doc = this.documents.get(uri);
    if (!doc || this.stopped) return;
    // The framework as go to definition shows it is to read, not a document to check.
    if (this.context.host.renderings?.isRendering(uri)) {
      connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const role = service.roleOf(uri);
    if (role === 'config' || role === 'ignore' || role === 'framework') {
      // The editor's text of a project file is the one in use: documents are checked again against it.
      this.projectFiles?.edited(uri, doc.getText());
      return;
    }
    if (role === 'excluded') {
      connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    // The configuration of the document's own folders first: its findings depend on it.
    if (!service.hasSettingsFor(uri)) {
      void service.whenSettingsReadFor(uri).then(
        () => this.schedule(uri, 0),
        () => this.schedule(uri, 0),
      );
      return;
    }
    const version = doc.version;
    const parsed = guard('parse', undefined, () => this.model(uri));
    if (parsed && this.gate.mustWait(parsed)) {
      this.gate.hold(uri);
      return;
    }
    const diagnostics = parsed ? guard('diagnostics', [], () => service.diagnostics(parsed)) : [];
    // Stale: the document changed while we worked; the newer version has its own timer.
    if (this.documents.get(uri)?.version !== version) return;
    this.lastPublish = connection.sendDiagnostics({ uri, version, diagnostics: limitDiagnostics(diagnostics) }).catch(() => undefined);
    if (parsed) {
      const framework = service.frameworkOf(parsed);
      const about = guard('frameworkContext', false, () => service.isAboutFramework(parsed));
      const status: StatusParams = { framework: framework.shortName, role: parsed.role?.text, uri, about };
      void connection.sendNotification(StatusNotification, status);
    }
  }

  listen(): void {
    const { service } = this.context;
    this.documents.onDidOpen((e) => {
      this.justOpened.add(e.document.uri);
      this.schedule(e.document.uri, 0);
    });
    this.documents.onDidChangeContent((e) => {
      const uri = e.document.uri;
      if (this.justOpened.delete(uri)) return;
      const since = performance.now() - (this.changedAt.get(uri) ?? performance.now());
      this.schedule(uri, Math.max(0, service.settingsFor(uri).debounceMs - since));
    });
    this.documents.onDidClose((e) => {
      const uri = e.document.uri;
      this.workspaceCheck.forget(uri);
      clearTimeout(this.timers.get(uri));
      this.changedAt.delete(uri);
      this.gate.drop(uri);
      service.forget(uri);
      this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
      // A project file closed unsaved: what is on disk applies again.
      this.projectFiles?.closed(uri);
    });
    this.documents.listen(this.context.connection);
  }
}
