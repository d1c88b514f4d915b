// Walks folders for the files the CLI checks and the server loads, skipping what is never a
// document (dependencies, VCS folders, build output).
// fs.promises loads on first use: the server does not read files at start.
import { promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
import { compareNames } from './framework/normalize';

const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.e2e']);

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
