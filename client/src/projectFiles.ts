// The browser's server has no file system: it asks the client for the project's files
// (configuration, ignore lists, framework files) and, for Check workspace, the documents
// (protocol.ts ClientRequests). Answered here with the editor's own file access, so whatever
// holds the workspace (github.dev's repository, vscode.dev's local folder) serves them. The
// server matches what is found with the engine's globs (server/src/lsp/clientProjectFiles.ts).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ClientRequests, type ClientFileRead } from '../../server/src/protocol';

export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(ClientRequests.findFiles, async (p, token) => {
      const folder = vscode.Uri.parse(p.folder);
      const found = new Set<string>();
      // One search per glob: VS Code's glob syntax does not nest groups, and the globs may have some.
      for (const glob of p.globs) {
        try {
          const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), p.exclude, p.limit ?? undefined, token);
          for (const uri of uris) found.add(uri.toString());
        } catch {
          // A glob the editor cannot search for finds nothing; the server names bad globs itself.
        }
      }
      return [...found];
    }),
    client.onRequest(ClientRequests.readFile, (p) => readFile(vscode.Uri.parse(p.uri), p.maxBytes ?? undefined)),
  ];
}

/** A regular file's text, looked at by its size first so that a file over the cap is never read. */
async function readFile(uri: vscode.Uri, maxBytes: number | undefined): Promise<ClientFileRead> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { reason: 'a folder, not a file' };
    if (!(stat.type & vscode.FileType.File)) return { reason: 'not a regular file' };
    if (maxBytes !== undefined && stat.size > maxBytes) return { size: stat.size };
    const bytes = await vscode.workspace.fs.readFile(uri);
    // As Node reads a file as UTF-8: a byte-order mark is kept, invalid bytes become U+FFFD.
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  } catch (e) {
    return failure(e);
  }
}

/** Why a file could not be read, in the words the Node server uses, and whether it is not there. */
function failure(e: unknown): { reason: string; missing?: true } {
  if (e instanceof vscode.FileSystemError) {
    if (e.code === 'FileNotFound') return { reason: 'no such file or folder', missing: true };
    if (e.code === 'NoPermissions') return { reason: 'permission denied' };
    if (e.code === 'FileIsADirectory') return { reason: 'a folder, not a file' };
  }
  return { reason: e instanceof Error ? e.message : String(e) };
}
