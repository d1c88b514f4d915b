// The CLI's ignore lists: a checked file's is `.skill-lens/ignore.yaml` in the nearest folder
// above it that has one (the workspace folder, when the CLI runs in a workspace).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IGNORE_FILE, IGNORE_LIST_MAX_BYTES, parseIgnoreList, unreadIgnoreList, type IgnoreList } from './features/ignoreList';
import { readProjectFile } from './projectFiles';

export interface NearestIgnoreLists {
  /** Reads the list a document uses, once per folder: before its findings are asked for. */
  load(uri: string): Promise<void>;
  /** The list a document uses, once loaded. */
  listFor(uri: string): IgnoreList | undefined;
}

export function nearestIgnoreLists(onProblem: (file: string, message: string) => void): NearestIgnoreLists {
  const byFolder = new Map<string, Promise<IgnoreList | undefined>>();
  const loaded = new Map<string, IgnoreList | undefined>();
  const inFolder = (folder: string): Promise<IgnoreList | undefined> => {
    let found = byFolder.get(folder);
    if (!found) {
      found = (async () => {
        // Only a regular file inside the folder that holds `.skill-lens/`, and not a large one.
        const read = await readProjectFile(folder, IGNORE_FILE, IGNORE_LIST_MAX_BYTES);
        if ('missing' in read) {
          const parent = dirname(folder);
          return parent === folder ? undefined : inFolder(parent);
        }
        const list = 'text' in read ? parseIgnoreList(read.text) : unreadIgnoreList(read.refused);
        const file = join(folder, IGNORE_FILE);
        for (const p of list.problems) onProblem(`${file}:${p.range.start.line + 1}:${p.range.start.character + 1}`, p.message);
        return list;
      })();
      byFolder.set(folder, found);
    }
    return found;
  };
  const folderOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  };
  return {
    async load(uri) {
      const folder = folderOf(uri);
      if (folder !== undefined && !loaded.has(folder)) loaded.set(folder, await inFolder(folder));
    },
    listFor: (uri) => {
      const folder = folderOf(uri);
      return folder === undefined ? undefined : loaded.get(folder);
    },
  };
}
