// The editor's own settings: given at initialize, pulled with workspace/configuration once the
// client is ready and after each change. They override the project's configuration file where
// the user set them (the VS Code extension sends only those: client/src/settings.ts).
import type { InitializeParams } from 'vscode-languageserver';
import { DidChangeConfigurationNotification } from 'vscode-languageserver';
import { readOverrides } from '../../project/settings';
import type { ServerContext } from './context';
import type { DocumentsHandler } from './documents';
import type { ProjectFilesHandler } from './projectFiles';

export class SettingsHandler {
  /** The client answers workspace/configuration. */
  private pulls = false;

  constructor(
    private readonly context: ServerContext,
    private readonly documents: DocumentsHandler,
    private readonly projectFiles: ProjectFilesHandler,
  ) {
    context.connection.onDidChangeConfiguration(async (change) => {
      const changed = this.pulls ? await this.pull() : this.context.service.configure(readOverrides(change.settings?.skillLens));
      // Clients send this at start-up with nothing changed: re-checking then is wasted work.
      if (changed) this.changed();
    });
  }

  initialize(params: InitializeParams): void {
    this.pulls = !!params.capabilities.workspace?.configuration;
    const given = params.initializationOptions?.settings;
    this.context.service.configure(readOverrides(given ?? params.initializationOptions));
    // Settings the client will be asked for after `initialized` are not known yet.
    if (!this.pulls || given) this.documents.gate.settingsKnown = true;
  }

  /** Once the client is ready: its settings, asked for and watched. */
  async initialized(): Promise<void> {
    if (!this.pulls) return;
    this.context.connection.client.register(DidChangeConfigurationNotification.type, { section: 'skillLens' }).catch(() => undefined);
    const known = this.documents.gate.settingsKnown;
    if ((await this.pull()) && known) this.changed();
  }

  /** True when the settings changed. */
  private async pull(): Promise<boolean> {
    try {
      const raw = await this.context.connection.workspace.getConfiguration('skillLens');
      return this.context.service.configure(readOverrides(raw));
    } catch {
      // A client that cannot answer keeps what it gave.
      return false;
    }
  }

  private changed(): void {
    this.projectFiles.watch();
    // The framework files again: the settings may name others.
    void this.context.service.loadProjectFrameworks().then(() => this.documents.refreshAll());
  }
}
