// How the project's own files (configuration, ignore lists, framework files) are found and read:
// from disk by the Node server and the CLI (nodeProjectFiles.ts), through the editor in the
// browser, where the worker has no file system. Everything above this interface is the same code
// on every surface (ARCHITECTURE.md, "One engine").

/** A file's text, or why it was not read (`size` when it was too large). */
export type FileRead = { text: string } | { reason: string; size?: number; missing?: boolean };

export interface ProjectFiles {
  /**
   * The files under a folder (a URI) whose path relative to it matches one of the globs, sorted
   * by path, at most `limit` of them. Dependency, build and version-control folders are skipped.
   * `setting`: where the globs come from, named if one does not compile.
   */
  find(folder: string, globs: readonly string[], limit: number, setting?: string): Promise<string[]>;
  /**
   * A project file's text: a regular file of at most `maxBytes`, else why it was not read. With
   * `root` (a folder URI), only a file whose real path is inside it: a configuration or ignore
   * list that is a link out of the project (to a secret) is never read.
   */
  read(uri: string, maxBytes: number, root?: string): Promise<FileRead>;
}

/** No files: a service that is only given texts (tests, a single document). */
export const NO_PROJECT_FILES: ProjectFiles = {
  find: async () => [],
  read: async () => ({ reason: 'no such file', missing: true }),
};
