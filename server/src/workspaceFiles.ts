// Walks folders for the files the CLI checks and the server loads, skipping what is never a
// document (dependencies, VCS folders, build output), and reads them: regular files only, never
// a named pipe or a device, which could block a read forever.
// fs.promises loads on first use: the server does not read files at start.
import { constants, promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
import { compareNames } from './framework/normalize';

const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.e2e']);

/** What a path is when it is not a regular file. */
interface Kind {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

export function notRegularFile(kind: Kind): string {
  if (kind.isDirectory()) return 'a folder, not a file';
  if (kind.isFIFO()) return 'a named pipe (FIFO), not a regular file';
  if (kind.isSocket()) return 'a socket, not a regular file';
  if (kind.isCharacterDevice() || kind.isBlockDevice()) return 'a device, not a regular file';
  return 'not a regular file';
}

/** Why reading `path` failed, in words; a dangling link names its target. */
export async function failureReason(path: string, error: unknown): Promise<string> {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': {
      const target = await fs.readlink(path).catch(() => undefined);
      return target === undefined ? 'no such file or folder' : `a link to ${target}, which does not exist`;
    }
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ERR_STRING_TOO_LONG':
    case 'ERR_FS_FILE_TOO_LARGE':
      return 'too large to read';
    default:
      // "EIO: i/o error, open 'x'": the code and the words, without the call and the path.
      return e instanceof Error ? e.message.replace(/, \w+ '.*'$/s, '') : String(error);
  }
}

/**
 * The text of a regular file (or of the regular file a link leads to), or why it could not be
 * read. A named pipe, socket or device is never opened for reading: opening a pipe waits for a
 * writer, for ever. The file is opened without blocking and looked at again once open, so one
 * swapped for a pipe after the first look is not read either.
 */
export async function readRegularFile(path: string): Promise<{ text: string } | { reason: string }> {
  try {
    const seen = await fs.stat(path);
    if (!seen.isFile()) return { reason: notRegularFile(seen) };
    const handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return { reason: notRegularFile(opened) };
      return { text: await handle.readFile('utf8') };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { reason: await failureReason(path, error) };
  }
}

/** Files under root whose root-relative path passes `wanted`, at most `limit` of them, sorted. */
export async function findFiles(root: string, wanted: (relativePath: string) => boolean, limit = Infinity): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folders are skipped, not fatal
    }
    entries.sort((a, b) => compareNames(a.name, b.name));
    for (const e of entries) {
      if (found.length >= limit) return;
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) await walk(full);
      } else if (e.isFile() && wanted(relative(root, full).split('\\').join('/'))) found.push(full);
    }
  };
  await walk(root);
  return found;
}

export const DOCUMENT_EXTENSIONS = /\.(md|markdown|ya?ml)$/i;
