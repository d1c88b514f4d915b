// The facade the server, the CLI and tests share (createLanguageService): settings, the
// framework registry, every feature, and the one document cache. What features and the parser
// keep between requests is made by caches.ts; invalidate() here drops it all with the documents.
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, Position, SymbolInformation } from 'vscode-languageserver-types';
import { parseDocument, KindGlobs } from './documents/parse';
import type { ParsedDocument } from './documents/model';
import type { Framework } from './framework/framework';
import { DEFAULT_FRAMEWORK_ID, FrameworkRegistry } from './framework/loader';
import { applySeverity, findings, SeveritySetting } from './features/diagnostics';
import { completions } from './features/completion';
import { hover } from './features/hover';
import { codeActions } from './features/codeActions';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { definition, type FrameworkLocator } from './features/definition';
import { reported } from './features/silencing';
import { frameworkFileTemplate, type FrameworkFileTemplate } from './features/frameworkTemplate';
import type { IgnoreList } from './features/ignoreList';
import { caches } from './caches';

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

/** Each parsed version's published findings (LanguageService.diagnostics). */
const published = caches.weak<ParsedDocument, { severity: Settings['severity']; ignore?: IgnoreList; found: Diagnostic[] }>();

/** The one entry to the language features: the server, the CLI and tests each make one. */
export function createLanguageService(settings: Settings = DEFAULT_SETTINGS): LanguageService {
  const service = new LanguageService();
  service.settings = settings;
  return service;
}

export class LanguageService {
  settings: Settings = DEFAULT_SETTINGS;
  /** Workspace folders (paths), for the file globs of the settings. */
  workspaceRoots: readonly string[] = [];
  readonly registry = new FrameworkRegistry();
  /** The workspace ignore list (`.skill-lens/ignore.yaml`) that applies to a document. */
  ignoreListFor: (uri: string) => IgnoreList | undefined = () => undefined;
  private readonly cache = new Map<string, { version: number; text: string; key: string; doc: ParsedDocument }>();

  /** The framework chosen in settings (falling back to the default when unknown). */
  activeFramework(): Framework {
    return this.registry.get(this.settings.framework) ?? this.registry.get(DEFAULT_FRAMEWORK_ID)!;
  }

  /**
   * Parsed model of a document version; cached until the version, settings or framework
   * change. A front matter's `framework:` is honoured as the parser reads it, once.
   */
  parse(uri: string, version: number, text: string): ParsedDocument {
    const active = this.activeFramework();
    const key = `${active.id}|${JSON.stringify(this.settings.documentKinds)}`;
    const hit = this.cache.get(uri);
    if (hit && hit.version === version && hit.key === key && hit.text.length === text.length && hit.text === text) return hit.doc;
    // The previous version's model, when settings and framework are the same, lets the parse
    // keep what the edit did not touch.
    const previous = hit && hit.key === key ? hit.doc : undefined;
    const doc = this.parseFresh(uri, text, version, previous);
    this.cache.set(uri, { version, text, key, doc });
    return doc;
  }

  /**
   * A text parsed as parse() reads it (settings, the framework its front matter names), and not
   * kept: what an editor command sends, a timing run. `previous`: a version to reuse parts of.
   */
  parseFresh(uri: string, text: string, version = 0, previous?: ParsedDocument): ParsedDocument {
    return parseDocument(text, {
      uri,
      version,
      framework: this.activeFramework(),
      chooseFramework: (named) => this.registry.get(named),
      kindGlobs: this.settings.documentKinds,
      roots: this.workspaceRoots,
      previous,
    });
  }

  frameworkOf(doc: ParsedDocument): Framework {
    return this.registry.get(doc.frameworkId) ?? this.activeFramework();
  }

  /** What the checks find, at the codes' default severities (what is kept between versions). */
  findings(doc: ParsedDocument): Diagnostic[] {
    const out = findings(doc, this.frameworkOf(doc));
    if (doc.framework && !this.registry.get(doc.framework.text)) {
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

  /**
   * The findings as they are published: the user's severity settings applied, and without what
   * is silenced in the document (comments) or in the workspace (the ignore list). Kept per
   * parsed version, for the code actions that need them all (fix all).
   */
  diagnostics(doc: ParsedDocument): Diagnostic[] {
    const ignore = this.ignoreListFor(doc.uri);
    const severity = this.settings.severity;
    const hit = published.get(doc);
    if (hit && hit.severity === severity && hit.ignore === ignore) return [...hit.found];
    const found = reported(doc, applySeverity(this.findings(doc), severity), ignore);
    published.set(doc, { severity, ignore, found });
    return [...found];
  }

  /** `character`: the trigger character typed, when the editor asked on its own. */
  completions(doc: ParsedDocument, position: Position, byCharacter = false, character?: string): CompletionList {
    return completions(doc, this.frameworkOf(doc), position, this.registry.all().map((f) => f.id), byCharacter, character);
  }

  hover(doc: ParsedDocument, position: Position): Hover | null {
    return hover(doc, this.frameworkOf(doc), position);
  }

  codeActions(doc: ParsedDocument, diagnostics: Diagnostic[]): CodeAction[] {
    return codeActions(doc, diagnostics);
  }

  documentSymbols(doc: ParsedDocument): DocumentSymbol[] {
    return documentSymbols(doc, this.frameworkOf(doc));
  }

  /** The active framework's skills for what the user typed, best first, each where go to
   *  definition would land (Framework.findSkills: by name, or by what the skill is about). */
  workspaceSymbols(query: string, locate: FrameworkLocator): SymbolInformation[] {
    return workspaceSymbols(this.activeFramework(), query, locate);
  }

  definition(doc: ParsedDocument, position: Position, locate: FrameworkLocator): Location | null {
    return definition(doc, this.frameworkOf(doc), position, locate);
  }

  /** A commented framework file to start a team's own framework from (New framework file). */
  frameworkFileTemplate(name: string): FrameworkFileTemplate {
    return frameworkFileTemplate(name);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    caches.forgetDocument(uri);
  }

  /**
   * Drops every parsed document and everything features and the parser keep (caches.ts): after
   * a framework, a setting or the workspace changes.
   */
  invalidate(): void {
    this.cache.clear();
    caches.invalidate();
  }
}
