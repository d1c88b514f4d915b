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
import { SkillData } from '../framework/model';
import { skillMarkdown } from '../features/frameworkViews';
import { caches } from '../caches';

/** The scheme of the VS Code extension's read-only views (client/src/views.ts). */
export const VIEW_SCHEME = 'skill-lens';

export interface Rendering {
  /** Markdown: the framework's name, then each skill at every level. */
  text: string;
  /** The line of each skill's heading. */
  lineOf: Map<SkillData, number>;
}

const rendered = caches.weak<Framework, Rendering>();

/** The framework as one Markdown document, made once per framework version. */
export function frameworkRendering(framework: Framework): Rendering {
  let doc = rendered.get(framework);
  if (!doc) {
    const lineOf = new Map<SkillData, number>();
    const parts: string[] = [`# ${framework.name}`, ''];
    let line = 2;
    for (const s of framework.skills) {
      lineOf.set(s, line);
      const md = skillMarkdown(framework, s).replace(/^# /, '## ').replace(/\n## /g, '\n### ');
      parts.push(md);
      line += md.split('\n').length;
    }
    doc = { text: parts.join('\n'), lineOf };
    rendered.set(framework, doc);
  }
  return doc;
}

/** `skill-lens:/DDaT%20framework.md?view=framework&id=ddat`: what the extension's views open. */
export function frameworkViewUri(framework: Framework): string {
  const title = `${framework.shortName} framework.md`.replace(/[\\/]/g, '_');
  return `${VIEW_SCHEME}:/${encodeURIComponent(title)}?view=framework&id=${encodeURIComponent(framework.id)}`;
}

/** A skill in the `skill-lens:` view of its framework. */
export function frameworkViewLocation(framework: Framework, skill: SkillData): Location | null {
  const line = frameworkRendering(framework).lineOf.get(skill);
  return line === undefined ? null : at(frameworkViewUri(framework), line);
}

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
    return line === undefined ? null : at(uri, line);
  };
}

function at(uri: string, line: number): Location {
  return { uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}
