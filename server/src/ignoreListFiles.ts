// The CLI's ignore lists: a checked file's is `.skill-lens/ignore.yaml` in the nearest folder
// above it that has one (the workspace folder, when the CLI runs in a workspace).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IGNORE_FILE, parseIgnoreList, type IgnoreList } from './features/ignoreList';

export function nearestIgnoreLists(onProblem: (file: string, message: string) => void): (uri: string) => IgnoreList | undefined {
  const byFolder = new Map<string, IgnoreList | undefined>();
  const inFolder = (folder: string): IgnoreList | undefined => {
    if (byFolder.has(folder)) return byFolder.get(folder);
    const file = join(folder, IGNORE_FILE);
    let list: IgnoreList | undefined;
    try {
      if (existsSync(file) && statSync(file).isFile()) {
        list = parseIgnoreList(readFileSync(file, 'utf8'));
        for (const p of list.problems) onProblem(`${file}:${p.range.start.line + 1}:${p.range.start.character + 1}`, p.message);
      } else {
        const parent = dirname(folder);
        list = parent === folder ? undefined : inFolder(parent);
      }
    } catch {
      list = undefined;
    }
    byFolder.set(folder, list);
    return list;
  };
  return (uri) => {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return inFolder(dirname(fileURLToPath(uri)));
    } catch {
      return undefined;
    }
  };
}
