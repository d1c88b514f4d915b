// How the project's own files (configuration, ignore lists, framework files) and, for Check
// workspace, its documents are found and read: from disk by the Node server and the CLI
// (nodeProjectFiles.ts), through the editor in the browser (lsp/clientProjectFiles.ts), where the
// worker has no file system. Everything above this interface is the same code on every surface
// (ARCHITECTURE.md, "One engine"). No Node module here: the browser build includes this file.

/** A file's text, or why it was not read (`size` when it was too large). */
export type FileRead = { text: string } | { reason: string; size?: number; missing?: boolean };

/** A file or folder that could not be read, and why in a few words. */
export interface UnreadableFile {
  uri: string;
  reason: string;
}

export interface ProjectFiles {
  /**
   * The files under a folder (a URI) whose path relative to it matches one of the globs, sorted
   * by path, at most `limit` of them. Dependency, build and version-control folders are skipped.
   * `setting`: where the globs come from, named if one does not compile.
   */
  find(folder: string, globs: readonly string[], limit: number, setting?: string): Promise<string[]>;
  /**
   * A file's text: a regular file of at most `maxBytes` (no cap when not given), else why it was
   * not read. With `root` (a folder URI), only a file whose real path is inside it: a
   * configuration or ignore list that is a link out of the project (to a secret) is never read.
   */
  read(uri: string, maxBytes?: number, root?: string): Promise<FileRead>;
  /**
   * The documents under a folder, as `skill-lens check FOLDER` finds them (every Markdown and
   * YAML file, folders of SKIPPED_FOLDERS passed over), in walk order, and the files and folders
   * that could not be read.
   */
  documents(folder: string): Promise<{ uris: string[]; unreadable: UnreadableFile[] }>;
}

/** Folders never walked: dependencies, version control, build output, the editors' test installs. */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.e2e'];

/** What a document is named: Markdown or YAML (its kind is told by its content and settings). */
export const DOCUMENT_EXTENSIONS = /\.(md|markdown|ya?ml)$/i;

/** No files: a service that is only given texts (tests, a single document). */
export const NO_PROJECT_FILES: ProjectFiles = {
  find: async () => [],
  read: async () => ({ reason: 'no such file', missing: true }),
  documents: async () => ({ uris: [], unreadable: [] }),
};
