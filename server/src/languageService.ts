// The facade the server, the CLI and tests share: settings, the framework registry and a
// parse cache keyed by document version, so every feature reads one cached model.
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseDocument, KindGlobs } from './documents/parse';
import type { ParsedDocument } from './documents/model';
import type { Framework } from './framework/framework';
import { DEFAULT_FRAMEWORK_ID, FrameworkRegistry } from './framework/loader';
import { diagnose, SeveritySetting } from './features/diagnostics';
import { reported } from './features/silencing';
import type { IgnoreList } from './features/ignoreList';

export interface Settings {
  framework: string;
  documentKinds: KindGlobs;
  severity: Partial<Record<string, SeveritySetting>>;
  debounceMs: number;
  frameworkFiles: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  framework: DEFAULT_FRAMEWORK_ID,
  documentKinds: {
    jobAdvert: ['**/adverts/**/*.md', '**/*advert*.md', '**/*job*.md'],
    pathway: ['**/pathways/**/*.{yaml,yml,md}', '**/*pathway*.{yaml,yml,md}'],
    review: ['**/reviews/**/*.md', '**/*review*.md'],
  },
  severity: {},
  debounceMs: 200,
  frameworkFiles: ['**/*.skills.yaml', '**/*.skills.yml', '.skill-lens/*.yaml'],
};

/** Merges user settings over the defaults, ignoring values of the wrong type. */
export function mergeSettings(raw: unknown): Settings {
  const s = (typeof raw === 'object' && raw) || {};
  const r = s as Record<string, unknown>;
  const kinds = (typeof r.documentKinds === 'object' && r.documentKinds) || {};
  const list = (v: unknown, d: string[] | undefined) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : d);
  const k = kinds as Record<string, unknown>;
  return {
    framework: typeof r.framework === 'string' && r.framework ? r.framework : DEFAULT_SETTINGS.framework,
    documentKinds: {
      jobAdvert: list(k.jobAdvert, DEFAULT_SETTINGS.documentKinds.jobAdvert),
      pathway: list(k.pathway, DEFAULT_SETTINGS.documentKinds.pathway),
      review: list(k.review, DEFAULT_SETTINGS.documentKinds.review),
    },
    severity: typeof r.severity === 'object' && r.severity ? (r.severity as Settings['severity']) : {},
    debounceMs: typeof r.debounceMs === 'number' && r.debounceMs >= 0 && r.debounceMs <= 10000 ? r.debounceMs : DEFAULT_SETTINGS.debounceMs,
    frameworkFiles: list(r.frameworkFiles, DEFAULT_SETTINGS.frameworkFiles)!,
  };
}

export class LanguageService {
  settings: Settings = DEFAULT_SETTINGS;
  /** Workspace folders (paths), for the file globs of the settings. */
  workspaceRoots: readonly string[] = [];
  readonly registry = new FrameworkRegistry();
  /** The workspace ignore list (`.skill-lens/ignore.yaml`) that applies to a document. */
  ignoreListFor: (uri: string) => IgnoreList | undefined = () => undefined;
  /** Each parsed version's findings, for the code actions that need them all (fix all). */
  private readonly findings = new WeakMap<ParsedDocument, { severity: Settings['severity']; ignore?: IgnoreList; found: Diagnostic[] }>();
  private readonly cache = new Map<string, { version: number; text: string; key: string; doc: ParsedDocument }>();

  /** The framework chosen in settings (falling back to the default when unknown). */
  activeFramework(): Framework {
    return this.registry.get(this.settings.framework) ?? this.registry.get(DEFAULT_FRAMEWORK_ID)!;
  }

  /** Parsed model of a document version; cached until the version, settings or framework change. */
  parse(uri: string, version: number, text: string): ParsedDocument {
    const active = this.activeFramework();
    const key = `${active.id}|${JSON.stringify(this.settings.documentKinds)}`;
    const hit = this.cache.get(uri);
    if (hit && hit.version === version && hit.key === key && hit.text.length === text.length && hit.text === text) return hit.doc;
    // The previous version's model, when settings and framework are the same, lets the parse
    // keep what the edit did not touch.
    const previous = hit && hit.key === key ? hit.doc : undefined;
    let doc = parseDocument(text, { uri, version, framework: active, kindGlobs: this.settings.documentKinds, roots: this.workspaceRoots, previous });
    // Front matter `framework:` wins over the setting; parse again with that framework.
    const named = doc.framework && this.registry.get(doc.framework.text);
    if (named && named !== active) doc = parseDocument(text, { uri, version, framework: named, kindGlobs: this.settings.documentKinds, roots: this.workspaceRoots, previous });
    this.cache.set(uri, { version, text, key, doc });
    return doc;
  }

  frameworkOf(doc: ParsedDocument): Framework {
    return this.registry.get(doc.frameworkId) ?? this.activeFramework();
  }

  diagnostics(doc: ParsedDocument): Diagnostic[] {
    const ignore = this.ignoreListFor(doc.uri);
    const severity = this.settings.severity;
    const hit = this.findings.get(doc);
    if (hit && hit.severity === severity && hit.ignore === ignore) return [...hit.found];
    // Silenced in the document (comments) or in the workspace (the ignore list): not reported.
    const found = reported(doc, this.allDiagnostics(doc), ignore);
    this.findings.set(doc, { severity, ignore, found });
    return [...found];
  }

  private allDiagnostics(doc: ParsedDocument): Diagnostic[] {
    const out = diagnose(doc, this.frameworkOf(doc), { severity: this.settings.severity });
    if (doc.framework && !this.registry.get(doc.framework.text) && this.settings.severity.schema !== 'off') {
      const known = this.registry.all().map((f) => f.id).join(', ');
      out.unshift({
        range: doc.framework.range,
        severity: 1,
        code: 'schema',
        source: 'skill-lens',
        message: `"${doc.framework.text}" is not a loaded framework. Use one of: ${known}; ${this.activeFramework().shortName} is used meanwhile.`,
      });
    }
    return out;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Drops every cached model, e.g. after the framework or settings change. */
  clear(): void {
    this.cache.clear();
  }
}
