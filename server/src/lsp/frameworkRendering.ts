// Go to definition lands in a readable Markdown rendering of the framework, written once per
// framework to the temp folder, so every editor (VS Code, Neovim) can open it without a
// custom scheme.
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver-types';
import type { Framework } from '../framework/framework';
import { SkillData } from '../framework/model';
import { skillMarkdown } from '../features/frameworkViews';

/** One per server: the renderings it has written, by framework. */
export class FrameworkRenderings {
  private readonly written = new Map<Framework, { uri: string; lineOf: Map<SkillData, number> }>();
  private readonly uris = new Set<string>();


  /** Whether a document is one of these renderings: shown to read, never checked as a document. */
  isRendering(uri: string): boolean {
    return this.uris.has(uri);
  }

  /** Where a skill is in its framework's rendering (written on first use). */
  readonly location = (framework: Framework, skill: SkillData): Location | null => {
    let doc = this.written.get(framework);
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
      const dir = join(tmpdir(), 'skill-lens');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${framework.id.replace(/[^\w.-]/g, '_')}.md`);
      // Read-only, so that it is not mistaken for a document to edit. Written beside and renamed
      // over the old one: two servers may write it at once, and a read-only file cannot be rewritten.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, parts.join('\n'));
      chmodSync(temporary, 0o444);
      renameSync(temporary, file);
      doc = { uri: pathToFileURL(file).toString(), lineOf };
      this.uris.add(doc.uri);
      this.written.set(framework, doc);
    }
    const line = doc.lineOf.get(skill);
    if (line === undefined) return null;
    return { uri: doc.uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
  };
}
