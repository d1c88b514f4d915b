// `skill-lens check --fix`: the fixed text (LanguageService.fixAllText) written so that the file
// is never damaged (ARCHITECTURE.md, "--fix"):
// - atomically: a temporary file beside the target, renamed over it, with the target's mode;
//   through a symbolic link, to the file it leads to, the link kept;
// - only when the file is still what was read: a change made meanwhile (an editor's autosave
//   during a pre-commit hook) is never lost, the file is left and the run says so;
// - bytes outside the fixed ranges as they were (byte-order mark, line endings, final newline).
import { constants, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { failureReason } from './workspaceFiles';

/**
 * Writes `text` over `path` if the file still holds `expected`. The reason when it was not
 * written (the file is then as it was).
 */
export async function writeIfUnchanged(path: string, expected: string, text: string): Promise<string | undefined> {
  let target: string;
  let mode: number;
  try {
    // Through a link to the file it leads to: the link stays a link.
    target = await fs.realpath(path);
    mode = (await fs.stat(target)).mode & 0o7777;
  } catch (error) {
    return failureReason(path, error);
  }
  const temporary = join(dirname(target), `.${basename(target)}.skill-lens-${process.pid}-${Date.now().toString(36)}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    // Created new (never through a link planted under this name), readable only by the owner
    // until it takes the target's mode.
    handle = await fs.open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.chmod(mode);
    await handle.close();
    handle = undefined;
    // Read again just before it is replaced: a change made since it was read is kept. Compared
    // as bytes: a file that is not valid UTF-8 reads as text with replacement characters, and
    // writing that text back would change bytes no fix touched.
    const now = await fs.readFile(target);
    if (!now.equals(Buffer.from(expected, 'utf8'))) {
      await fs.rm(temporary, { force: true });
      if (now.toString('utf8') === expected) return 'it is not valid UTF-8 text, so it was left as it is';
      return 'it changed while it was being fixed, so it was left as it is; run again';
    }
    await fs.rename(temporary, target);
    return undefined;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
    if (e.code === 'ENOSPC') return 'no space left on the device';
    if (e.code === 'EFBIG') return 'the file would be too large to write';
    return failureReason(path, error);
  }
}
