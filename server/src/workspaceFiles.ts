// Walks folders for the files the CLI checks and the server loads, skipping what is never a
// document (dependencies, VCS folders, build output), and reads them: regular files only, never
// a named pipe or a device, which could block a read forever.
// fs.promises loads on first use: the server does not read files at start.
import { constants, promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
import { compareNames } from './framework/normalize';
import { DOCUMENT_EXTENSIONS, SKIPPED_FOLDERS } from './project/projectFiles';

const SKIP: ReadonlySet<string> = new Set(SKIPPED_FOLDERS);

/** A path that could not be checked, and why in a few words. */
export interface Unreadable {
  path: string;
  reason: string;
}

export interface Walk {
  /** Regular files (or links to them) whose root-relative path passes `wanted`, in walk order. */
  files: string[];
  /** Wanted files and folders that could not be read: their documents went unchecked. */
  unreadable: Unreadable[];
  /** Folders reached a second time, through a link (a loop, or another way in), with the path they were walked by: skipped, nothing unchecked. */
  skipped: { path: string; walkedAs: string }[];
}

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
  return (await failure(path, error)).reason;
}

/** Why reading `path` failed, and whether nothing is there at all (`missing`: not even a dangling link). */
async function failure(path: string, error: unknown): Promise<{ reason: string; missing?: true }> {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') {
    const target = await fs.readlink(path).catch(() => undefined);
    return target === undefined ? { reason: 'no such file or folder', missing: true } : { reason: `a link to ${target}, which does not exist` };
  }
  return { reason: errorWords(e, error) };
}

/** An error other than ENOENT, in words. */
function errorWords(e: NodeJS.ErrnoException | undefined, error: unknown): string {
  switch (e?.code) {
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
 * read (`missing` when nothing is there, not even a dangling link). A named pipe, socket or
 * device is never opened for reading: opening a pipe waits for a writer, for ever. The file is
 * opened without blocking and looked at again once open, so one swapped for a pipe after the
 * first look is not read either.
 */
export async function readRegularFile(path: string): Promise<{ text: string } | { reason: string; missing?: true }> {
  try {
    // Looked at before opening (opening a device or a named pipe can have effects), and again
    // once open, as the name may have been given to something else in between.
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
    return failure(path, error);
  }
}

/**
 * Walks root for the files whose root-relative path passes `wanted`, at most `limit` of them,
 * sorted by name within each folder. Links are followed: to a file, it is listed under the
 * link's name; to a folder, it is walked unless that folder (by its real path) already was,
 * which also ends link loops. Wanted names that cannot be read (a named pipe, a dangling link, a
 * name that is not UTF-8) and folders that cannot be listed are returned as unreadable.
 */
export async function walkFiles(root: string, wanted: (relativePath: string) => boolean, limit = Infinity): Promise<Walk> {
  const result: Walk = { files: [], unreadable: [], skipped: [] };
  const walked = new Map<string, string>(); // real path -> the path it was walked by
  const wants = (full: string) => wanted(relative(root, full).split('\\').join('/'));
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      const real = await fs.realpath(dir);
      const walkedAs = walked.get(real);
      if (walkedAs !== undefined) {
        result.skipped.push({ path: dir, walkedAs });
        return;
      }
      walked.set(real, dir);
      // Names as bytes: a name that is not UTF-8 would otherwise be read back as another name.
      entries = await fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      result.unreadable.push({ path: dir, reason: await failureReason(dir, error) });
      return;
    }
    const named = entries.map((entry) => ({ entry, name: entry.name.toString('utf8') }));
    named.sort((a, b) => compareNames(a.name, b.name));
    for (const { entry, name } of named) {
      if (result.files.length >= limit) return;
      const full = join(dir, name);
      if (!Buffer.from(name, 'utf8').equals(entry.name)) {
        // Reported when it is, or may lead to, a document: a folder, a link to one, a wanted name.
        const folder = entry.isDirectory() || (entry.isSymbolicLink() && (await isFolder(Buffer.concat([Buffer.from(join(dir, '/')), entry.name]))));
        if (folder || wants(full)) result.unreadable.push({ path: full, reason: 'the name is not valid UTF-8' });
        continue;
      }
      let kind: Kind & { isFile(): boolean } = entry;
      if (entry.isSymbolicLink()) {
        try {
          kind = await fs.stat(full);
        } catch (error) {
          if (wants(full)) result.unreadable.push({ path: full, reason: await failureReason(full, error) });
          continue;
        }
      }
      if (kind.isDirectory()) {
        if (!SKIP.has(name)) await walk(full);
      } else if (wants(full)) {
        if (kind.isFile()) result.files.push(full);
        else result.unreadable.push({ path: full, reason: notRegularFile(kind) });
      }
    }
  };
  await walk(root);
  return result;
}

function isFolder(path: Buffer): Promise<boolean> {
  return fs.stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Files under root whose root-relative path passes `wanted`, at most `limit` of them, sorted. */
export async function findFiles(root: string, wanted: (relativePath: string) => boolean, limit = Infinity): Promise<string[]> {
  return (await walkFiles(root, wanted, limit)).files;
}

/**
 * The documents in a folder: every Markdown and YAML file (what is not an advert, pathway or
 * review is told apart by its content, front matter `kind:` included, not by its name). One
 * rule for `skill-lens check FOLDER` and the editor's Check workspace, so both check the same
 * files.
 */
export function walkDocuments(root: string): Promise<Walk> {
  return walkFiles(root, (relativePath) => DOCUMENT_EXTENSIONS.test(relativePath));
}
