// Start-up: until the client's settings are known, and while the workspace's framework files are
// being read a document that names a framework not loaded yet (in its front matter or through
// its settings), documents wait rather than be checked against defaults. (Each document also
// waits for the configuration of its own folders: documents.ts.)
import type { ParsedDocument } from '../documents/model';
import type { LanguageService } from '../languageService';

export class StartupGate {
  /** The client's settings have arrived (or it has none to give). */
  settingsKnown = false;
  /** The workspace's framework files have been read too (or there is no workspace). */
  workspaceScanned = false;
  private scanStarted = false;
  private readonly waiting = new Set<string>();

  constructor(private readonly service: LanguageService) {}

  /** True once: the workspace scan starts at most once. */
  startScan(): boolean {
    if (this.scanStarted) return false;
    this.scanStarted = true;
    return true;
  }

  /** Whether a document must wait before it is checked. */
  mustWait(doc: ParsedDocument): boolean {
    if (!this.settingsKnown) return true;
    if (this.workspaceScanned) return false;
    return this.service.lacksFramework(doc);
  }

  hold(uri: string): void {
    this.waiting.add(uri);
  }

  drop(uri: string): void {
    this.waiting.delete(uri);
  }

  /** The documents that waited, to be checked now; none wait after this. */
  release(): string[] {
    const uris = [...this.waiting];
    this.waiting.clear();
    return uris;
  }
}
