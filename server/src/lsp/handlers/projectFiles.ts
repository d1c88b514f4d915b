// The project's own files: configuration files, ignore lists and framework files. The
// configuration and ignore lists are read as soon as the workspace is known (documents wait for
// them), the framework files after the first check (documents naming one wait for it); all are
// watched for changes on disk, and taken from the editor while open there. What each file means is the
// language service's (project/project.ts); this handler only moves texts and events to it.
import type { InitializeParams } from 'vscode-languageserver';
import { DidChangeWatchedFilesNotification, FileChangeType, type Disposable } from 'vscode-languageserver';
import { version as VERSION } from '../../../../package.json';
import type { ServerContext } from './context';
import type { DocumentsHandler } from './documents';

export class ProjectFilesHandler {
  /** The client registers file watchers on request (workspace.didChangeWatchedFiles.dynamicRegistration). */
  private canWatch = false;
  private hasWorkspace = false;
  private watcher: { globs: string; registration: Promise<Disposable | undefined> } | undefined;

  constructor(
    private readonly context: ServerContext,
    private readonly documents: DocumentsHandler,
  ) {
    context.connection.onDidChangeWatchedFiles(async ({ changes }) => {
      let changed = false;
      // A file whose text the editor has handed over is read from the editor, not from disk
      // (the service keeps to that); one open but not handed over yet is read from disk.
      for (const change of changes) changed = (await this.context.service.fileChanged(change.uri, change.type === FileChangeType.Deleted)) || changed;
      if (changed) this.afterChange();
    });
  }

  initialize(params: InitializeParams, roots: string[]): void {
    this.canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.hasWorkspace = roots.length > 0;
    this.context.service.setRoots(roots);
    // The whole workspace's configuration files and ignore lists, read at once, in the
    // background: a document waits only for those of its own folders (documents.ts); the
    // framework files are read after the first check (scan()).
    if (this.hasWorkspace) this.settingsRead = this.readSettings();
    // A client that never says `initialized` still gets its workspace read.
    setTimeout(() => void this.scan(), 2000).unref?.();
  }

  private settingsRead: Promise<boolean> = Promise.resolve(false);

  private async readSettings(): Promise<boolean> {
    let changed = false;
    try {
      changed = await this.context.service.loadProjectSettings();
    } finally {
      // Files found that no document's own reading had read yet: documents are checked again
      // (those they apply to were not checked before their own folders were read).
      if (changed) this.documents.refreshAll();
    }
    return changed;
  }

  initialized(): void {
    this.watch();
    // Behind the first check of the documents opened with the workspace, once its diagnostics
    // are written: the scan can wait that long, and no longer.
    void this.documents.lastPublish.then(() => setTimeout(() => void this.scan(), 0));
  }

  /** The client's file watcher for the project's files, registered again when their globs change. */
  watch(): void {
    if (!this.canWatch) return;
    const globs = this.context.service.watchedGlobs();
    const key = JSON.stringify(globs);
    if (this.watcher?.globs === key) return;
    const previous = this.watcher?.registration;
    this.watcher = {
      globs: key,
      registration: this.context.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) }).catch(() => undefined),
    };
    void previous?.then((d) => d?.dispose());
  }

  /** The workspace's project files, read once at start: configuration first, then framework files. */
  private async scan(): Promise<void> {
    const { gate } = this.documents;
    if (!gate.startScan()) return;
    let changed = false;
    try {
      await this.settingsRead;
      if (this.hasWorkspace) changed = await this.context.service.loadProjectFrameworks();
    } finally {
      gate.workspaceScanned = true;
      this.watch();
      if (changed) this.documents.refreshAll();
      this.documents.checkWaiting();
      // One line that says what is running, first in the editor's output channel.
      this.context.connection.console.info(this.startLine());
    }
  }

  /** A project file's text in the editor (open, perhaps unsaved). */
  edited(uri: string, text: string): void {
    void this.context.service.fileEdited(uri, text).then((changed) => changed && this.afterChange());
  }

  /** A project file closed in the editor: what is on disk applies again. */
  closed(uri: string): void {
    void this.context.service.fileClosed(uri).then((changed) => changed && this.afterChange());
  }

  private afterChange(): void {
    this.watch();
    this.documents.refreshAll();
  }

  /** `Skill Lens 0.1.0: DDaT (ddat), 188 skills, 52 roles, 201 role levels`. */
  private startLine(): string {
    const f = this.context.service.activeFramework();
    const roles = f.data.roles?.length ?? 0;
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    return `Skill Lens ${VERSION}: ${f.shortName} (${f.id}), ${count(f.skills.length, 'skill')}, ${count(roles, 'role')}, ${count(f.roleLevels.length, 'role level')}`;
  }
}
