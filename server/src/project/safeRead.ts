// Small files a project keeps for Skill Lens (the ignore list, a configuration file): read only
// when they are regular files inside the project, under a size cap, and never quoted at length.
// A project may come from a cloned repository: a link planted as `.skill-lens/ignore.yaml` that
// points at /etc/shadow must not have its lines printed in a CI log.
import { constants, promises as fs } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { tooLarge } from '../fileText';
import { failureReason, notRegularFile } from '../workspaceFiles';

export type ProjectFileRead =
  /** The file's text (UTF-8). */
  | { text: string }
  /** There is no such file: nothing to report. */
  | { missing: true }
  /** The file is there but was not read, and why, in a few words: "… is not read (REASON)". */
  | { refused: string };

/**
 * Reads `path`, a file of the project whose folder is `root`, when it is a regular file of at
 * most `maxBytes` whose real path (links followed) is inside the real path of `root`. A link
 * inside the project to another file of it is followed; one leading out of it is refused. The
 * file is opened without following a link and looked at again once open, so a name swapped for
 * a link or a named pipe after the first look is not read either.
 */
export async function readProjectFile(root: string, path: string, maxBytes: number): Promise<ProjectFileRead> {
  const full = resolve(root, path);
  if (!inside(resolve(root), full)) return { refused: 'outside the project' };
  let real: string;
  try {
    const realRoot = await fs.realpath(root);
    real = await fs.realpath(full);
    if (!inside(realRoot, real)) return { refused: 'a link to a file outside the project' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await isLink(full))) return { missing: true };
    return { refused: await failureReason(full, error) };
  }
  try {
    const seen = await fs.stat(real);
    if (!seen.isFile()) return { refused: notRegularFile(seen) };
    if (seen.size > maxBytes) return { refused: tooLarge(seen.size, maxBytes) };
    const handle = await fs.open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return { refused: notRegularFile(opened) };
      // At most one byte more than allowed: a file that grew since it was looked at is not read whole.
      const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
      let length = 0;
      for (let n = -1; n !== 0 && length < buffer.length; length += n) n = (await handle.read(buffer, length, buffer.length - length, length)).bytesRead;
      if (length > maxBytes) return { refused: tooLarge(length, maxBytes) };
      return { text: buffer.toString('utf8', 0, length) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { refused: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'a link, put in its place while it was read' : await failureReason(real, error) };
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function isLink(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    (s) => s.isSymbolicLink(),
    () => false,
  );
}
