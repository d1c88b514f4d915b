// Read-only views of server-made Markdown (a skill, a comparison of role levels, the whole
// framework that go to definition lands in): virtual documents of scheme `skill-lens`, shown in
// the Markdown preview or as read-only source. The URI carries the query, so a view reopened
// later (or refreshed) asks the server again rather than a stale cache. The language client
// syncs only file: and untitled: documents, so a view is never checked as a document.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient, StaticFeature } from 'vscode-languageclient';
import { Requests, type MarkdownView } from '../../server/src/protocol';

export const viewScheme = 'skill-lens';

export class SkillLensViews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor(private readonly client: LanguageClient) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(viewScheme, this);
  }

  skillUri(name: string): vscode.Uri {
    return view(`${name}.md`, { view: 'skill', name });
  }

  compareUri(a: string, b: string): vscode.Uri {
    return view(`${a} vs ${b}.md`, { view: 'compare', a, b });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const q = new URLSearchParams(uri.query);
    let result: MarkdownView = null;
    if (q.get('view') === 'skill') {
      result = await this.client.sendRequest(Requests.showSkill, { name: q.get('name') ?? '' }, token);
      return result?.markdown ?? `# Not found\n\nThe active framework has no skill called “${q.get('name')}”.\n`;
    }
    if (q.get('view') === 'framework') {
      // Go to definition's target: the server makes these URIs (frameworkViewUri, server/src/features/frameworkRendering.ts).
      result = await this.client.sendRequest(Requests.frameworkMarkdown, { id: q.get('id') ?? '' }, token);
      return result?.markdown ?? `# Not found\n\nNo framework “${q.get('id')}” is loaded.\n`;
    }
    if (q.get('view') === 'compare') {
      const params = { a: q.get('a') ?? '', b: q.get('b') ?? '' };
      result = await this.client.sendRequest(Requests.compareRoleLevels, params, token);
      return result?.markdown ?? `# Not found\n\nThe active framework has no role level “${params.a}” or “${params.b}”.\n`;
    }
    return `# Unknown view\n\n${uri.toString()}\n`;
  }

  /**
   * Shows the view rendered, in a locked preview: an unlocked one follows the active Markdown
   * editor, so the skill or comparison asked for was replaced by the next document looked at
   * (and an open preview of a document was taken over by the view). Falls back to the (still
   * read-only) source if no preview exists.
   */
  async show(uri: vscode.Uri): Promise<void> {
    this.changed.fire(uri); // the server's answer may have changed since it was last opened
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri, [uri], { locked: true });
    } catch {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true });
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

function view(title: string, query: Record<string, string>): vscode.Uri {
  // A slash in a name would read as a folder in the tab title.
  const path = '/' + title.replace(/[\\/]/g, '∕');
  return vscode.Uri.from({ scheme: viewScheme, path, query: new URLSearchParams(query).toString() });
}

/**
 * Tells the server that this client opens `skill-lens:` views, so go to definition answers with
 * one rather than with a file written to disk for clients that cannot (server/src/lsp/frameworkRendering.ts).
 */
export const viewsCapability: StaticFeature = {
  fillClientCapabilities(capabilities) {
    capabilities.experimental = { ...(capabilities.experimental as object | undefined), skillLensViews: true };
  },
  initialize() {},
  getState() {
    return { kind: 'static' };
  },
  clear() {},
};
