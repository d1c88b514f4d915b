// The project's files on disk, for the Node server and the CLI: the same walk as the CLI's
// (workspaceFiles.ts: links followed once, dependency folders skipped) and regular files only.
import { promises as fs } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { matchesAny } from '../documents/glob';
import { tooLarge } from '../fileText';
import { relative } from 'node:path';
import { findFiles, readRegularFile, walkDocuments } from '../workspaceFiles';
import { readProjectFile } from './safeRead';
import type { FileRead, ProjectFiles, UnreadableFile } from './projectFiles';

/** The file system path of a file: URI, or undefined for another scheme or a URI that names
 *  no local path (a remote host on Linux). */
function localPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export const nodeProjectFiles: ProjectFiles = {
  async find(folder: string, globs: readonly string[], limit: number, setting = 'skillLens.frameworkFiles'): Promise<string[]> {
    const root = localPath(folder);
    if (!root || !globs.length) return [];
    const files = await findFiles(root, (rel) => matchesAny(rel, globs, { setting }), limit);
    return files.map((f) => pathToFileURL(f).toString());
  },

  async read(uri: string, maxBytes?: number, root?: string): Promise<FileRead> {
    const path = localPath(uri);
    if (!path) return { reason: 'not a file on disk' };
    const rootPath = root === undefined ? undefined : localPath(root);
    if (rootPath !== undefined) {
      const read = await readProjectFile(rootPath, relative(rootPath, path), maxBytes ?? Number.MAX_SAFE_INTEGER);
      if ('missing' in read) return { reason: 'no such file', missing: true };
      return 'refused' in read ? { reason: read.refused } : read;
    }
    if (maxBytes !== undefined) {
      // Looked at by its size first: a file over the cap is never read into memory.
      const size = await fs.stat(path).then((s) => (s.isFile() ? s.size : 0), () => 0);
      if (size > maxBytes) return { reason: tooLarge(size, maxBytes), size };
    }
    return readRegularFile(path);
  },

  async documents(folder: string): Promise<{ uris: string[]; unreadable: UnreadableFile[] }> {
    const root = localPath(folder);
    if (!root) return { uris: [], unreadable: [{ uri: folder, reason: 'not a folder on disk' }] };
    const walked = await walkDocuments(root);
    return {
      uris: walked.files.map((f) => pathToFileURL(f).toString()),
      unreadable: walked.unreadable.map((u) => ({ uri: pathToFileURL(u.path).toString(), reason: u.reason })),
    };
  },
};
