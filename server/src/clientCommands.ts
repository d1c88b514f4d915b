// Commands of the VS Code extension that the server's answers may ask it to run. A module of
// its own, free of imports, so that the CLI's bundle, which shares the quick fixes, stays small.

/**
 * A client command that saves a document if it has unsaved changes (argument: its URI). The
 * quick fix that extends the ignore list runs it after its edit, for clients that announce
 * capabilities.experimental.skillLensSaveDocument (the VS Code extension): VS Code saves the
 * files of an edit that touches several, and left the ignore list unsaved when the edit changed
 * it alone, so the CLI kept reporting the word.
 */
export const SAVE_DOCUMENT_COMMAND = 'skillLens.saveDocument';
