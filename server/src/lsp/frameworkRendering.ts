// Go to definition lands in a readable Markdown rendering of the framework. Where it lives
// depends on what the client can open:
// - a client that says it opens `skill-lens:` documents (capabilities.experimental.skillLensViews,
//   sent by the VS Code extension) gets a `skill-lens:` URI and fetches the text with the
//   skillLens/frameworkMarkdown request: a read-only view, never a file on disk, and never sent
//   back to the server to be checked (the extension syncs only file: and untitled: documents);
// - any other client (Neovim, Emacs, a plain LSP client) cannot open a custom scheme without
//   code of its own, so it gets a file written once per framework to the temp folder, made
//   read-only, and never checked when opened.
// The server decides rather than the client mapping file locations afterwards, so that VS Code
// never has a real file written on its behalf.
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver-types';
import type { Framework } from '../framework/framework';
import type { SkillData } from '../framework/model';
import { frameworkRendering, locationAt } from '../features/frameworkRendering';

export { frameworkViewLocation, frameworkViewUri, VIEW_SCHEME } from '../features/frameworkRendering';

/** One per server: the renderings it has written to disk for clients without the views, by framework. */
export class FrameworkRenderings {
  private readonly written = new Map<Framework, string>();
  private readonly uris = new Set<string>();

  /** Whether a document is one of these renderings: shown to read, never checked as a document. */
  isRendering(uri: string): boolean {
    return this.uris.has(uri);
  }

  /** Where a skill is in its framework's rendering on disk (written on first use). */
  readonly location = (framework: Framework, skill: SkillData): Location | null => {
    const rendering = frameworkRendering(framework);
    let uri = this.written.get(framework);
    if (!uri) {
      const dir = join(tmpdir(), 'skill-lens');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${framework.id.replace(/[^\w.-]/g, '_')}.md`);
      // Read-only, so that it is not mistaken for a document to edit. Written beside and renamed
      // over the old one: two servers may write it at once, and a read-only file cannot be rewritten.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, rendering.text);
      chmodSync(temporary, 0o444);
      renameSync(temporary, file);
      uri = pathToFileURL(file).toString();
      this.uris.add(uri);
      this.written.set(framework, uri);
    }
    const line = rendering.lineOf.get(skill);
    return line === undefined ? null : locationAt(uri, line);
  };
}
