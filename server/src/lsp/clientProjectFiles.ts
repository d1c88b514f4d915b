// The project's files for the browser's server: its web worker has no file system, so it asks
// the editor (protocol.ts ClientRequests; the client answers with vscode.workspace.findFiles and
// vscode.workspace.fs, client/src/projectFiles.ts). What is found is matched here, with the
// engine's own globs (documents/glob.ts), so a folder on github.dev gives the same files as the
// same folder on disk (ARCHITECTURE.md, "Project files").
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { matchesAny } from '../documents/glob';
import { tooLarge } from '../fileText';
import { compareNames } from '../framework/normalize';
import { ClientRequests } from '../protocol';
import { DOCUMENT_EXTENSIONS, SKIPPED_FOLDERS, type FileRead, type ProjectFiles, type UnreadableFile } from '../project/projectFiles';

/** Every file under a folder of SKIPPED_FOLDERS, at any depth. */
const EXCLUDE = `**/{${SKIPPED_FOLDERS.join(',')}}/**`;

/** `connection` is asked each time: the connection is made after this object, by startServer. */
export function clientProjectFiles(connection: () => Connection): ProjectFiles {
  /** The files under `folder` that the editor finds for these globs, relative path first. */
  async function found(folder: string, globs: readonly string[], limit: number | undefined): Promise<{ uri: string; path: string }[]> {
    // A glob without a slash matches a file's name in any folder (documents/glob.ts): asked of
    // the editor as such.
    const asked = globs.filter((g) => typeof g === 'string' && g.trim()).map((g) => (g.includes('/') ? g : `**/${g}`));
    if (!asked.length) return [];
    // The project gives folders without a final slash: a workspace at the root of its file
    // system (`scheme:/`) comes as `scheme:`, which names no folder to the editor.
    const base = URI.parse(folder);
    const asFolder = base.path ? folder : base.with({ path: '/' }).toString();
    let uris: string[];
    try {
      uris = await connection().sendRequest(ClientRequests.findFiles, { folder: asFolder, globs: asked, exclude: EXCLUDE, limit });
    } catch (e) {
      connection().console.warn(`Could not list the files of ${folder}: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    }
    const prefix = base.path.replace(/\/+$/, '') + '/';
    const files = new Map<string, string>();
    for (const uri of Array.isArray(uris) ? uris : []) {
      if (typeof uri !== 'string') continue;
      const u = URI.parse(uri);
      if (u.scheme !== base.scheme || u.authority !== base.authority || !u.path.startsWith(prefix)) continue;
      files.set(uri, u.path.slice(prefix.length));
    }
    // In the order the Node walk lists them: folder by folder, names sorted within each.
    return [...files].map(([uri, path]) => ({ uri, path })).sort((a, b) => comparePaths(a.path, b.path));
  }

  return {
    async find(folder, globs, limit, setting = 'skillLens.frameworkFiles') {
      const files = await found(folder, globs, Number.isFinite(limit) ? limit : undefined);
      return files
        .filter((f) => matchesAny(f.path, globs, { setting }))
        .slice(0, limit)
        .map((f) => f.uri);
    },

    async read(uri, maxBytes): Promise<FileRead> {
      try {
        const read = await connection().sendRequest(ClientRequests.readFile, { uri, maxBytes });
        if ('text' in read && typeof read.text === 'string') return { text: read.text };
        if ('size' in read && typeof read.size === 'number' && maxBytes !== undefined) return { reason: tooLarge(read.size, maxBytes), size: read.size };
        const reason = 'reason' in read && typeof read.reason === 'string' ? read.reason : 'could not be read';
        // A file that is not there, as the Node reader says it (nodeProjectFiles.ts): nothing to report.
        return 'missing' in read && read.missing === true ? { reason, missing: true } : { reason };
      } catch (e) {
        return { reason: e instanceof Error ? e.message : String(e) };
      }
    },

    async documents(folder): Promise<{ uris: string[]; unreadable: UnreadableFile[] }> {
      const files = await found(folder, ['**/*.{md,markdown,yaml,yml}'], undefined);
      return { uris: files.filter((f) => DOCUMENT_EXTENSIONS.test(f.path)).map((f) => f.uri), unreadable: [] };
    },
  };
}

/** Paths compared folder by folder, as a walk that sorts each folder's names lists them. */
function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = compareNames(x[i], y[i]);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}
