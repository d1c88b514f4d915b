// The framework as one Markdown document, for go to definition: `frameworkRendering` makes the
// text and where each skill's heading is; `frameworkViewLocation` points into the VS Code
// extension's read-only `skill-lens:` view of it. Clients without such views get the same text
// written to a file by the server (lsp/frameworkRendering.ts).
import type { Location } from 'vscode-languageserver-types';
import type { Framework } from '../framework/framework';
import type { SkillData } from '../framework/model';
import { skillMarkdown } from './frameworkViews';
import { escapeMd } from './frameworkProse';
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
    const parts: string[] = [`# ${escapeMd(framework.name)}`, ''];
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
  return line === undefined ? null : locationAt(frameworkViewUri(framework), line);
}

export function locationAt(uri: string, line: number): Location {
  return { uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}
