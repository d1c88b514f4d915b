// Skill Lens: Show skill profile. A chart of the active review's (or advert's) levels against its
// role level's and the next role level's, in a webview that follows the editor's theme (the SVG
// is drawn with the theme's CSS variables) and is redrawn as the document changes. The chart is
// the server's, the same as `skill-lens profile --format svg`. It moves to another review or
// advert made active, and stays on the one it shows while notes or a README are looked at; its
// title names the document it shows.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Requests, type SkillProfileResult } from '../../../server/src/protocol';
import { reportErrors } from '../ui';

export const showProfileCommand = 'skillLens.showProfile';

export function registerShowProfile(client: LanguageClient): vscode.Disposable {
  const view = new ProfileView(client);
  return vscode.Disposable.from(
    view,
    vscode.commands.registerCommand(showProfileCommand, (uri?: unknown) =>
      reportErrors('show the skill profile', async () => {
        const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
        if (!target) {
          void vscode.window.showInformationMessage('Open a review or an advert to see its skill profile.');
          return undefined;
        }
        await view.show(target);
        return target.toString();
      }),
    ),
  );
}

class ProfileView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private markdown = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers are drawn in the order asked: an older answer arriving late is dropped. */
  private asked = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document.uri.toString() === this.uri?.toString()) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Follows the document being edited when it is a review or an advert: the server says.
        if (!this.panel || !editor || editor.document.languageId !== 'markdown') return;
        if (editor.document.uri.toString() === this.uri?.toString()) return;
        void this.follow(editor.document.uri);
      }),
    ];
  }

  /** Shows `uri`'s profile if it is a review's or an advert's; else keeps the one shown. */
  private async follow(uri: vscode.Uri): Promise<void> {
    const ticket = ++this.asked;
    const result = await this.profileOf(uri);
    if (ticket !== this.asked || !this.panel || !result || (result.documentKind !== 'review' && result.documentKind !== 'job-advert')) return;
    this.uri = uri;
    this.draw(this.panel, uri, result);
  }

  private async profileOf(uri: vscode.Uri): Promise<SkillProfileResult | null> {
    try {
      return await this.client.sendRequest(Requests.skillProfile, { uri: uri.toString() });
    } catch {
      return null;
    }
  }

  async show(uri: vscode.Uri): Promise<void> {
    this.uri = uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('skillLens.profile', 'Skill profile', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        if (this.timer) clearTimeout(this.timer);
      });
      this.panel.webview.onDidReceiveMessage(async (m: { type?: string }) => {
        if (m?.type !== 'copy') return;
        await vscode.env.clipboard.writeText(this.markdown);
        void vscode.window.showInformationMessage('Skill profile copied as a Markdown table.');
      });
      this.panel.webview.html = page(this.panel.webview);
    } else this.panel.reveal(undefined, true);
    await this.refresh();
  }

  private schedule(ms = 250): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), ms);
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    if (!panel || !uri) return;
    const ticket = ++this.asked;
    const result = await this.profileOf(uri);
    if (ticket !== this.asked || panel !== this.panel) return;
    this.draw(panel, uri, result);
  }

  private draw(panel: vscode.WebviewPanel, uri: vscode.Uri, result: SkillProfileResult | null): void {
    // Its path in the workspace, so that two reviews of the same name are told apart.
    const name = uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri) : uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
    panel.title = `Skill profile: ${name}`;
    this.markdown = result?.markdown ?? '';
    void panel.webview.postMessage(
      result
        ? { type: 'profile', svg: result.svg, title: name, skills: result.profile.skills.length }
        : { type: 'empty', message: `${name} is not open as a document Skill Lens reads.` },
    );
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The page: a toolbar, and the chart the extension posts. The SVG's inline styles need 'unsafe-inline' styles. */
function page(webview: vscode.Webview): string {
  const nonce = Array.from({ length: 24 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 62)]).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); padding: 12px 16px; }
  header { display: flex; align-items: center; gap: 12px; margin-bottom: 12px; }
  header h1 { font-size: 1.1em; font-weight: 600; margin: 0; flex: 1; }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; font-family: inherit; }
  button:hover { background: var(--vscode-button-hoverBackground); }
  #chart svg { max-width: 100%; height: auto; }
  #empty { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<header><h1 id="title">Skill profile</h1><button id="copy" type="button">Copy as Markdown table</button></header>
<div id="chart" aria-live="polite"></div>
<p id="empty" hidden></p>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const chart = document.getElementById('chart');
  const empty = document.getElementById('empty');
  document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ type: 'copy' }));
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'profile') {
      document.getElementById('title').textContent = 'Skill profile: ' + m.title;
      chart.innerHTML = m.svg;
      empty.hidden = true;
    } else if (m.type === 'empty') {
      chart.innerHTML = '';
      empty.textContent = m.message;
      empty.hidden = false;
    }
  });
</script>
</body>
</html>`;
}
