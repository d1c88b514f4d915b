// The ignore list of each workspace folder (`.skill-lens/ignore.yaml`), as the server holds it:
// read at start, read again when the file watcher reports a change, and taken from the editor
// while the file is open there (an "Ignore … in this workspace" fix edits it before it is saved).
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { EMPTY_IGNORE_LIST, IGNORE_FILE, IGNORE_LIST_MAX_BYTES, parseIgnoreList, unreadIgnoreList, type IgnoreList } from './features/ignoreList';
import type { IgnoreTarget } from './features/fixAll';
import { readProjectFile } from './projectFiles';

interface Held {
  /** The text in use (undefined: no file, or one not read). */
  text: string | undefined;
  /** Whether there is a file, read or not. */
  exists: boolean;
  list: IgnoreList;
}

export class WorkspaceIgnoreLists {
  roots: readonly string[] = [];
  canCreateFiles = false;
  /** The client saves a document on SAVE_DOCUMENT_COMMAND (capabilities.experimental.skillLensSaveDocument). */
  clientSaves = false;
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly io: {
      publish: (uri: string, diagnostics: Diagnostic[]) => void;
      /** The text of a document open in the editor, if it is. */
      openText: (uri: string) => string | undefined;
    },
  ) {}

  /** The ignore list that applies to a document: its workspace folder's. */
  listFor(uri: string): IgnoreList | undefined {
    const root = this.rootOf(uri);
    return root === undefined ? undefined : this.held.get(root)?.list;
  }

  /** Where a document's ignore list is and what it holds, for the quick fix that adds to it. */
  target(uri: string): IgnoreTarget | undefined {
    const root = this.rootOf(uri);
    if (root === undefined) return undefined;
    const fileUri = pathToFileURL(join(root, IGNORE_FILE)).toString();
    const held = this.held.get(root);
    // A list that was not read (a link out of the project, too large) is never written to.
    if (held?.list.unread) return undefined;
    return { uri: fileUri, text: this.io.openText(fileUri) ?? held?.text, canCreate: this.canCreateFiles, canSave: this.clientSaves };
  }

  /**
   * Reads the list of a document's workspace folder if it has not been read yet: right after
   * start a quick fix may be asked for before the workspace is, and an edit built without the
   * file's text would add a second key to it.
   */
  async readFor(uri: string): Promise<void> {
    const root = this.rootOf(uri);
    if (root === undefined || this.held.has(root)) return;
    await this.changedOnDisk(pathToFileURL(join(root, IGNORE_FILE)).toString());
  }

  /** Reads every folder's list from disk. True when any list has words. */
  async readAll(): Promise<boolean> {
    let any = false;
    for (const root of this.roots) {
      const uri = pathToFileURL(join(root, IGNORE_FILE)).toString();
      if (this.io.openText(uri) !== undefined) continue;
      await this.changedOnDisk(uri);
      any = any || (this.held.get(root)?.list.byCode.size ?? 0) > 0;
    }
    return any;
  }

  /** The file changed (or appeared, or went) on disk. True when the list in use changed. */
  async changedOnDisk(uri: string): Promise<boolean> {
    // While the file is open, the editor's text is the one in use.
    const open = this.io.openText(uri);
    if (open !== undefined) return this.edited(uri, open);
    const root = this.rootOfIgnoreFile(uri);
    if (root === undefined) return false;
    // Only a regular file inside the workspace folder, and not a large one (projectFiles.ts).
    const read = await readProjectFile(root, IGNORE_FILE, IGNORE_LIST_MAX_BYTES);
    if ('refused' in read) return this.use(root, uri, { text: undefined, exists: true, list: unreadIgnoreList(read.refused) });
    return this.edited(uri, 'text' in read ? read.text : undefined);
  }

  /** A new text of the file (undefined: no file). True when the list in use changed. */
  edited(uri: string, text: string | undefined): boolean {
    const root = this.rootOfIgnoreFile(uri);
    if (root === undefined) return false;
    const before = this.held.get(root);
    if (before && before.text === text && !before.list.unread) return false;
    return this.use(root, uri, { text, exists: text !== undefined, list: text === undefined ? EMPTY_IGNORE_LIST : parseIgnoreList(text) });
  }

  private use(root: string, uri: string, now: Held): boolean {
    const before = this.held.get(root);
    if (before && !before.exists && !now.exists) return false;
    if (before?.list.unread && now.list.unread && before.list.problems[0]?.message === now.list.problems[0]?.message) return false;
    this.held.set(root, now);
    if (now.exists || before?.exists) this.io.publish(
      uri,
      now.list.problems.map((p) => ({ range: p.range, severity: 1, code: 'schema', source: 'skill-lens', message: p.message })),
    );
    return true;
  }

  /** The workspace folder whose ignore file this is. */
  private rootOfIgnoreFile(uri: string): string | undefined {
    const path = localPath(uri);
    if (!path) return undefined;
    return this.roots.find((root) => join(root, IGNORE_FILE) === path);
  }

  /** The innermost workspace folder holding a document. */
  private rootOf(uri: string): string | undefined {
    const path = localPath(uri);
    if (!path) return undefined;
    let best: string | undefined;
    for (const root of this.roots) {
      const inside = path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
      if (inside && (best === undefined || root.length > best.length)) best = root;
    }
    return best;
  }
}

/** The file system path of a file: URI, or undefined for another scheme or a URI that names
 *  no local path (a remote host on Linux). */
export function localPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
