// The language features an editor asks for as the user types and points: completion, hover, code
// actions, symbols, go to definition. Each answers from the open document's model through the
// language service; a cancelled request is answered empty.
import type { CancellationToken } from 'vscode-languageserver';
import { SPACE_TRIGGER } from '../../features/completion/whileTyping';
import { frameworkViewLocation } from '../../features/frameworkRendering';
import type { FrameworkLocator } from '../../features/definition';
import type { ServerContext } from './context';
import type { DocumentsHandler } from './documents';

export function registerLanguageFeatures(context: ServerContext, documents: DocumentsHandler): void {
  const { connection, service, guard } = context;
  const capabilities = () => context.client?.capabilities;
  /** The client opens `skill-lens:` views (the VS Code extension): go to definition lands in one. */
  const clientOpensViews = () => (capabilities()?.experimental as { skillLensViews?: unknown } | undefined)?.skillLensViews === true;
  /** The client can create files from a workspace edit: "Ignore WORD in this workspace" may make the list. */
  const canCreateFiles = () => !!capabilities()?.workspace?.workspaceEdit?.resourceOperations?.includes('create');
  /** The client saves a document on SAVE_DOCUMENT_COMMAND: the ignore list is saved after each word added. */
  const clientSaves = () => (capabilities()?.experimental as { skillLensSaveDocument?: unknown } | undefined)?.skillLensSaveDocument === true;
  const locate = (): FrameworkLocator | undefined => (clientOpensViews() ? frameworkViewLocation : context.host.renderings?.location);

  const answer = <T>(what: string, fallback: T, token: CancellationToken, fn: () => T): T => guard(what, fallback, () => (token.isCancellationRequested ? fallback : fn()));

  connection.onCompletion((params, token) =>
    answer('completion', null, token, () => {
      // Trigger character: 2 (CompletionTriggerKind.TriggerCharacter).
      const byCharacter = params.context?.triggerKind === 2;
      const character = byCharacter ? params.context?.triggerCharacter : undefined;
      // A space typed in prose is answered from its line alone, before any parse.
      if (character === SPACE_TRIGGER) {
        const { line, character: ch } = params.position;
        const text = documents.documents.get(params.textDocument.uri)?.getText({ start: { line, character: 0 }, end: { line, character: ch } });
        if (!service.spaceWantsCompletion(text, ch)) return { isIncomplete: false, items: [] };
      }
      const doc = documents.model(params.textDocument.uri);
      return doc ? service.completions(doc, params.position, byCharacter, character) : null;
    }),
  );

  connection.onHover((params, token) =>
    answer('hover', null, token, () => {
      const doc = documents.model(params.textDocument.uri);
      return doc ? service.hover(doc, params.position) : null;
    }),
  );

  connection.onCodeAction(async (params, token) => {
    // "Ignore WORD in this workspace" is built from the ignore list's text: right after start,
    // before the workspace was read, it is read first (an edit made without it would add a
    // second key to the file).
    await service.whenSettingsReadFor(params.textDocument.uri);
    return answer('code actions', [], token, () => {
      const uri = params.textDocument.uri;
      const doc = documents.model(uri);
      if (!doc) return [];
      const target = service.ignoreTarget(uri);
      // While the ignore list is open in the editor, its text there is the one to extend.
      const ignore = target && { uri: target.uri, text: documents.text(target.uri) ?? target.text, canCreate: canCreateFiles(), canSave: clientSaves() };
      return service.allCodeActions(doc, params.context.diagnostics, params.context.only, ignore);
    });
  });

  connection.onDocumentSymbol((params, token) =>
    answer('symbols', [], token, () => {
      const doc = documents.model(params.textDocument.uri);
      return doc ? service.documentSymbols(doc) : [];
    }),
  );

  connection.onWorkspaceSymbol((params, token) =>
    answer('workspace symbols', [], token, () => {
      const where = locate();
      return where ? service.workspaceSymbols(typeof params.query === 'string' ? params.query : '', where) : [];
    }),
  );

  connection.onDefinition((params, token) =>
    answer('definition', null, token, () => {
      const doc = documents.model(params.textDocument.uri);
      const where = locate();
      return doc && where ? service.definition(doc, params.position, where) : null;
    }),
  );
}
