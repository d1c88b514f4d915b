// Small pieces of the project's reading: where a file is relative to a folder URI, how a
// configuration's setting is named in a message, the ignore words of a configuration and of an
// ignore list as one list, and building a framework without a worker.
import { EMPTY_IGNORE_LIST, normaliseWord, type IgnoreList } from '../features/ignoreList';
import { parseFrameworkFile } from '../framework/loader';
import type { FrameworkLoader } from './project';

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Builds a framework on the calling thread, giving way to other work before and after. */
export const loadFrameworkHere: FrameworkLoader = async (text) => {
  await turn();
  const result = parseFrameworkFile(text);
  await turn();
  return result;
};

/** How a configuration's setting is named in a message: `frameworkFiles in .skill-lens.yaml`. */
export function settingName(config: { uri: string }, key: string): string {
  return `${key} in ${config.uri.slice(config.uri.lastIndexOf('/') + 1)}`;
}

/** The folder of a URI (or of a folder URI, its parent). */
export function folderOf(uri: string): string {
  const at = uri.lastIndexOf('/');
  return at <= 0 ? uri : uri.slice(0, at);
}

/** A URI's path below a folder URI, as globs match it. */
export function relativePath(folder: string, uri: string): string {
  const rest = uri.startsWith(`${folder}/`) ? uri.slice(folder.length + 1) : uri;
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

/** A configuration's `ignore` words and an ignore list, as one list. */
export function mergeIgnore(words: Record<string, string[]> | undefined, list: IgnoreList | undefined): IgnoreList | undefined {
  if (!words || Object.keys(words).length === 0) return list;
  const byCode = new Map<string, Set<string>>();
  for (const [code, set] of (list ?? EMPTY_IGNORE_LIST).byCode) byCode.set(code, new Set(set));
  for (const [code, ws] of Object.entries(words)) {
    const set = byCode.get(code) ?? new Set<string>();
    for (const w of ws) set.add(normaliseWord(w));
    byCode.set(code, set);
  }
  return { byCode, problems: [] };
}
