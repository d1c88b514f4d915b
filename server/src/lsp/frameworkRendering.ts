// Go to definition lands in a readable Markdown rendering of the framework. Where it lives
// depends on what the client can open:
// - a client that says it opens `skill-lens:` documents (capabilities.experimental.skillLensViews,
//   sent by the VS Code extension) gets a `skill-lens:` URI and fetches the text with the
//   skillLens/frameworkMarkdown request: a read-only view, never a file on disk, and never sent
//   back to the server to be checked (the extension syncs only file: and untitled: documents);
// - any other client (Neovim, Emacs, a plain LSP client) cannot open a custom scheme without
//   code of its own, so it gets a file written once per framework version, read-only, into a
//   folder of the server's own under the temp folder, and never checked when opened.
// The server decides rather than the client mapping file locations afterwards, so that VS Code
// never has a real file written on its behalf.
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver-types';
import type { Framework } from '../framework/framework';
import type { SkillData } from '../framework/model';
import { frameworkRendering, locationAt } from '../features/frameworkRendering';

/** One per server: the renderings it has written to disk for clients without the views, by framework. */
export class FrameworkRenderings {
  private readonly written = new Map<Framework, string>();
  private readonly uris = new Set<string>();
  /**
   * The server's own folder for them, made on first use: a new name, mode 0700 (mkdtemp). A
   * folder of a fixed name in the temp folder can be made first by another user, who can then
   * plant a link where a rendering is written and have the server overwrite its target.
   */
  private folder?: string;

  /** Whether a document is one of these renderings: shown to read, never checked as a document. */
  isRendering(uri: string): boolean {
    return this.uris.has(uri);
  }

  /** Where a skill is in its framework's rendering on disk (written on first use). */
  readonly location = (framework: Framework, skill: SkillData): Location | null => {
    const rendering = frameworkRendering(framework);
    let uri = this.written.get(framework);
    if (!uri) {
      uri = pathToFileURL(this.write(framework.id.replace(/[^\w.-]/g, '_'), rendering.text)).toString();
      this.uris.add(uri);
      this.written.set(framework, uri);
    }
    const line = rendering.lineOf.get(skill);
    return line === undefined ? null : locationAt(uri, line);
  };

  /**
   * Writes a new file, `NAME.md` or, for a later version of the same framework, `NAME-2.md` and on:
   * created exclusively and read-only (so it is not taken for a document to edit), never through
   * a link, never written again.
   */
  private write(name: string, text: string): string {
    if (!this.folder) {
      const folder = mkdtempSync(join(tmpdir(), 'skill-lens-'));
      process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
      this.folder = folder;
    }
    for (let n = 1; ; n++) {
      const file = join(this.folder, `${name}${n === 1 ? '' : `-${n}`}.md`);
      let fd: number;
      try {
        fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o444);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw e;
      }
      try {
        const bytes = Buffer.from(text, 'utf8');
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      } finally {
        closeSync(fd);
      }
      return file;
    }
  }
}
