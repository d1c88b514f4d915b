// Saves a document the server's quick fix has just edited (server/src/clientCommands.ts,
// SAVE_DOCUMENT_COMMAND): "Ignore … in this workspace" extends .skill-lens/ignore.yaml, which
// the CLI reads from disk, and VS Code does not save a file an edit changed on its own.
import * as vscode from 'vscode';
import type { StaticFeature } from 'vscode-languageclient';
import { SAVE_DOCUMENT_COMMAND } from '../../server/src/clientCommands';

export function registerSaveDocument(): vscode.Disposable {
  return vscode.commands.registerCommand(SAVE_DOCUMENT_COMMAND, async (uri?: unknown) => {
    if (typeof uri !== 'string') return;
    const wanted = vscode.Uri.parse(uri).toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === wanted);
    if (doc?.isDirty) await doc.save();
  });
}

/** Tells the server this client has the command, so its quick fixes may run it. */
export const saveDocumentCapability: StaticFeature = {
  fillClientCapabilities(capabilities) {
    capabilities.experimental = { ...(capabilities.experimental as object | undefined), skillLensSaveDocument: true };
  },
  initialize() {},
  getState() {
    return { kind: 'static' };
  },
  clear() {},
};
