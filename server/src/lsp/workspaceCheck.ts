// Check workspace, on the server: which files (the same as `skill-lens check FOLDER`:
// ProjectFiles.documents), reading and checking closed files, and keeping their findings current.
// A closed file's findings stay in the Problems panel after the check, so when the framework or
// the settings change they are checked again with the new ones: never left from the old
// framework. Files come through the host's ProjectFiles, from disk in Node and through the
// editor in the browser (ARCHITECTURE.md, "Project files").
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from '../languageService';
import type { ParsedDocument } from '../documents/model';
import type { ProjectFiles } from '../project/projectFiles';

export interface CheckSummary {
  files: number;
  errors: number;
  warnings: number;
  /** Files that could not be read, and why. */
  skipped: { uri: string; reason: string }[];
}

export interface CheckWiring {
  /** The open document's model; undefined when the file is not open. */
  documentModel: (uri: string) => ParsedDocument | undefined;
  publish: (uri: string, diagnostics: Diagnostic[]) => void;
  guard: <T>(what: string, fallback: T, fn: () => T) => T;
  /** Where the documents are listed and read from. */
  files: ProjectFiles;
}

export class WorkspaceCheck {
  /** Closed files whose findings a check published: checked again when the framework changes. */
  private readonly published = new Set<string>();
  /** Bumped by each re-check, so that an older one still running stops. */
  private generation = 0;

  constructor(
    private readonly service: LanguageService,
    private readonly wiring: CheckWiring,
  ) {}

  /** The documents under the given folders, as the CLI finds them in a folder. */
  async documents(roots: string[]): Promise<{ uris: string[]; skipped: { uri: string; reason: string }[] }> {
    const uris: string[] = [];
    const skipped: { uri: string; reason: string }[] = [];
    for (const root of roots) {
      const found = await this.wiring.files.documents(root);
      // The project's own files (configuration, ignore lists, framework files) and what its
      // configuration excludes are never checked as documents, here as in the CLI.
      uris.push(...found.uris.filter((uri) => this.service.roleOf(uri) === 'document'));
      skipped.push(...found.unreadable);
    }
    return { uris: [...new Set(uris)], skipped };
  }

  /** Reads those files (regular files only), checks them and publishes the findings. */
  async check(uris: unknown[]): Promise<CheckSummary> {
    const result: CheckSummary = { files: 0, errors: 0, warnings: 0, skipped: [] };
    for (const uri of uris) {
      if (typeof uri !== 'string') continue;
      const checked = await this.checkOne(uri);
      if ('reason' in checked) {
        result.skipped.push({ uri, reason: checked.reason });
        continue;
      }
      result.files++;
      result.errors += checked.diagnostics.filter((d) => d.severity === 1).length;
      result.warnings += checked.diagnostics.filter((d) => d.severity === 2).length;
    }
    return result;
  }

  /** A document opened or closed in the editor: its own diagnostics take over. */
  forget(uri: string): void {
    this.published.delete(uri);
  }

  /**
   * After the framework or the settings changed: the closed files checked before are checked
   * again (one at a time, in the background), or cleared when they can no longer be read.
   */
  async recheck(): Promise<void> {
    const generation = ++this.generation;
    for (const uri of [...this.published]) {
      if (generation !== this.generation) return;
      if (this.wiring.documentModel(uri)) continue; // open: checked as an open document
      const checked = await this.checkOne(uri);
      if ('reason' in checked) {
        this.published.delete(uri);
        this.wiring.publish(uri, []);
      }
    }
  }

  private async checkOne(uri: string): Promise<{ diagnostics: Diagnostic[] } | { reason: string }> {
    // Regular files only: a named pipe would keep this request waiting for ever.
    const read = await this.wiring.files.read(uri);
    if (!('text' in read)) return { reason: read.reason }; // deleted since it was listed, a pipe, unreadable
    // Open documents have their own, fresher diagnostics.
    const open = this.wiring.documentModel(uri);
    const diagnostics = this.wiring.guard('checkFiles', [], () => this.service.diagnostics(open ?? this.service.parse(uri, -1, read.text)));
    if (!open) {
      this.service.forget(uri);
      this.published.add(uri);
    }
    this.wiring.publish(uri, diagnostics);
    return { diagnostics };
  }
}
