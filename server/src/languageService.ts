// The facade the server, the CLI and tests share (createLanguageService): settings, the
// framework registry, every feature, and the one document cache. What features and the parser
// keep between requests is made by caches.ts; invalidate() here drops it all with the documents.
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, Position, Range, SymbolInformation } from 'vscode-languageserver-types';
import { parseDocument } from './documents/parse';
import type { ParsedDocument } from './documents/model';
import type { Framework } from './framework/framework';
import { DEFAULT_FRAMEWORK_ID } from './framework/loader';
import { applySeverity, findings } from './features/diagnostics';
import { completions } from './features/completion';
import { configCompletions } from './features/completion/config';
import { isConfigFile } from './project/config';
import { frameworkLabelStartsWith, spaceMayWantList, textBefore } from './features/completion/whileTyping';
import { hover } from './features/hover';
import { codeActions } from './features/codeActions';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { definition, type FrameworkLocator } from './features/definition';
import { applySilencing, type SilencedFinding } from './features/silencing';
import { frameworkFileTemplate, type FrameworkFileTemplate } from './features/frameworkTemplate';
import type { IgnoreList } from './features/ignoreList';
import { caches } from './caches';
import { allCodeActions, fixAllEdits, lineEdits, type IgnoreTarget } from './features/fixAll';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { frameworkContext } from './features/frameworkContext';
import { frameworkSummary } from './framework/summary';
import { frameworkRendering } from './features/frameworkRendering';
import { skillFullName, type LevelData } from './framework/model';
import { compareMarkdown, skillMarkdown } from './features/frameworkViews';
import { documentStyle, newAdvertText, skillsText, type SkillsStyle } from './features/skillsText';
import { insertSkills, type InsertOptions, type SkillsInsertion } from './features/insertSkills';
import { computeProfile, type Profile } from './reviews/profile';
import { newReview, type NewReviewForm } from './reviews/template';
import { diagnose } from './features/diagnostics';
import type { FrameworkSummary, ReviewTarget, RoleLevelSummary, SkillSummary } from './protocol';
import { Project, type DocumentSettings, type FileRole, type ProjectOptions } from './project/project';
import type { Settings, SettingsOverrides } from './project/settings';

export { readOverrides, type Settings, type SettingsOverrides } from './project/settings';

/** Each parsed version's published findings (LanguageService.diagnostics). */
const published = caches.weak<ParsedDocument, { severity: Settings['severity']; ignore?: IgnoreList; found: Diagnostic[]; silenced: SilencedFinding[] }>();

export interface LanguageServiceOptions extends ProjectOptions {
  /** The editor's own settings, where the user set them: they override the project's configuration. */
  overrides?: SettingsOverrides;
  /** The workspace folders (URIs): where configuration, ignore lists and framework files are found. */
  roots?: readonly string[];
  /** Frameworks given in memory, by the URI they are known under (tests, a host's own). */
  frameworks?: readonly { uri: string; framework: Framework }[];
  /** Words not reported in any document, besides the project's ignore lists. */
  ignoreList?: IgnoreList;
}

/** The one entry to the language features: the server, the CLI, the browser worker and tests each make one. */
export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  return new LanguageService(options);
}

/**
 * The engine behind every surface. It is given what it needs from outside (how to find and read
 * the project's files, how to build a framework, where to report a project file's problems) and
 * exposes only operations: nothing is set on it from outside after it is made (ARCHITECTURE.md).
 */
export class LanguageService {
  private readonly project: Project;
  private readonly cache = new Map<string, { version: number; text: string; key: string; doc: ParsedDocument }>();

  constructor(options: LanguageServiceOptions = {}) {
    this.project = new Project(options, options.ignoreList);
    this.project.setRoots(options.roots ?? []);
    this.project.setOverrides(options.overrides ?? {});
    for (const { uri, framework } of options.frameworks ?? []) this.project.registry.setFramework(uri, framework);
  }

  // --- the project: folders, settings, configuration, ignore lists, framework files ---

  /** The workspace folders (URIs). */
  setRoots(uris: readonly string[]): void {
    this.project.setRoots(uris);
    this.invalidate();
  }

  /** The editor's own settings (only those the user set). True when they changed. */
  configure(overrides: SettingsOverrides): boolean {
    const changed = this.project.setOverrides(overrides);
    if (changed) this.invalidate();
    return changed;
  }

  /** The settings that apply to a document (without one: to the first workspace folder). */
  settingsFor(uri?: string): DocumentSettings {
    return this.project.settingsFor(uri);
  }

  /** What a file is: a document to check, the project's configuration, an ignore list, a framework file, or excluded. */
  roleOf(uri: string): FileRole {
    return this.project.roleOf(uri);
  }

  /** Reads the workspace's configuration, ignore lists and framework files. True when any applies. */
  async loadProject(): Promise<boolean> {
    return this.whenChanged(await this.project.load());
  }

  /** loadProject() in two halves: what applies where (configuration, ignore lists), then the framework files. */
  async loadProjectSettings(): Promise<boolean> {
    return this.whenChanged(await this.project.settingsRead());
  }

  /** Whether the configuration files and ignore lists that may apply to a document have been read. */
  hasSettingsFor(uri: string): boolean {
    return this.project.hasSettingsFor(uri);
  }

  /**
   * Resolves once the configuration files and ignore lists that may apply to a document have
   * been read (reading those of its folders not read yet), and any change to them reported
   * meanwhile. True when what applies changed.
   */
  async whenSettingsReadFor(uri: string): Promise<boolean> {
    const changed = this.whenChanged(await this.project.settingsReadFor(uri));
    await this.project.settled();
    return changed;
  }

  async loadProjectFrameworks(): Promise<boolean> {
    return this.whenChanged(await this.project.findFrameworkFiles());
  }

  /** A project file changed on disk (or went). True when documents must be checked again. */
  async fileChanged(uri: string, deleted = false): Promise<boolean> {
    return this.whenChanged(await this.project.changedOnDisk(uri, deleted));
  }

  /** A project file's text as the editor holds it. True when documents must be checked again. */
  async fileEdited(uri: string, text: string): Promise<boolean> {
    return this.whenChanged(await this.project.edited(uri, text));
  }

  /** A project file closed in the editor. True when documents must be checked again. */
  async fileClosed(uri: string): Promise<boolean> {
    return this.whenChanged(await this.project.closed(uri));
  }

  /** Loads a framework file the user names (the CLI's --framework FILE); its problems when it has any. */
  async loadFrameworkFile(uri: string, text: string): Promise<{ framework?: Framework; problems: { message: string; range: Range }[] }> {
    const result = await this.project.loadFrameworkText(uri, text);
    this.whenChanged(!!result.framework);
    return result;
  }

  /** Globs of the files a watcher should report: configuration, ignore lists, framework files. */
  watchedGlobs(): string[] {
    return this.project.watchedGlobs();
  }

  /** Where "Ignore WORD in this workspace" writes for a document. */
  ignoreTarget(uri: string): { uri: string; text: string | undefined } | undefined {
    return this.project.ignoreTarget(uri);
  }

  private whenChanged(changed: boolean): boolean {
    if (changed) this.invalidate();
    return changed;
  }

  // --- frameworks ---

  /** The loaded frameworks: embedded, then the project's (a project file may replace an embedded one). */
  frameworks(): Framework[] {
    return this.project.registry.all();
  }

  /** A loaded framework by id or name. */
  framework(id: string | undefined): Framework | undefined {
    return this.project.registry.get(id);
  }

  /** The framework a document's settings choose (without one: the first workspace folder's), the default when it is not loaded. */
  activeFramework(uri?: string): Framework {
    return this.frameworkFor(this.settingsFor(uri));
  }

  /** The framework some settings choose, the default when it is not loaded. */
  private frameworkFor(settings: DocumentSettings): Framework {
    return this.project.registry.get(settings.framework) ?? this.project.registry.get(DEFAULT_FRAMEWORK_ID)!;
  }

  /** Whether a document names a framework (by its settings or front matter) that is not loaded (yet). */
  lacksFramework(doc: ParsedDocument): boolean {
    const named = doc.framework?.text;
    return !this.project.registry.get(this.settingsFor(doc.uri).framework) || (!!named && !this.project.registry.get(named));
  }

  // --- documents ---

  /**
   * Parsed model of a document version; cached until the version, settings or framework
   * change. A front matter's `framework:` is honoured as the parser reads it, once.
   */
  parse(uri: string, version: number, text: string): ParsedDocument {
    const settings = this.settingsFor(uri);
    const framework = this.frameworkFor(settings);
    const key = `${framework.id}|${settings.parseKey}`;
    const hit = this.cache.get(uri);
    if (hit && hit.version === version && hit.key === key && hit.text.length === text.length && hit.text === text) return hit.doc;
    // The previous version's model, when settings and framework are the same, lets the parse
    // keep what the edit did not touch.
    const previous = hit && hit.key === key ? hit.doc : undefined;
    const doc = this.parseWith(settings, framework, uri, text, version, previous);
    this.cache.set(uri, { version, text, key, doc });
    return doc;
  }

  /**
   * A text parsed as parse() reads it (settings, the framework its front matter names), and not
   * kept: what an editor command sends, a timing run. `previous`: a version to reuse parts of.
   */
  parseFresh(uri: string, text: string, version = 0, previous?: ParsedDocument): ParsedDocument {
    const settings = this.settingsFor(uri);
    return this.parseWith(settings, this.frameworkFor(settings), uri, text, version, previous);
  }

  /** A text parsed with its settings and the framework they choose. */
  private parseWith(settings: DocumentSettings, framework: Framework, uri: string, text: string, version: number, previous: ParsedDocument | undefined): ParsedDocument {
    return parseDocument(text, {
      uri,
      version,
      framework,
      chooseFramework: (named) => this.project.registry.get(named),
      kindGlobs: settings.documentKinds,
      roots: settings.kindRoots,
      previous,
    });
  }

  frameworkOf(doc: ParsedDocument): Framework {
    return this.project.registry.get(doc.frameworkId) ?? this.activeFramework(doc.uri);
  }

  /** What the checks find, at the codes' default severities (what is kept between versions). */
  findings(doc: ParsedDocument): Diagnostic[] {
    const out = findings(doc, this.frameworkOf(doc));
    if (doc.framework && !this.project.registry.get(doc.framework.text)) {
      const known = this.frameworks().map((f) => f.id).join(', ');
      out.unshift({
        range: doc.framework.range,
        severity: 1,
        code: 'schema',
        source: 'skill-lens',
        message: `"${doc.framework.text}" is not a loaded framework. Use one of: ${known}; ${this.activeFramework(doc.uri).shortName} is used meanwhile.`,
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
    return [...this.publishedOf(doc).found];
  }

  /**
   * The findings diagnostics() leaves out because a comment in the document or the workspace's
   * ignore list silences them (the user's severities applied), each with what silenced it: for
   * reports that list them as suppressed rather than drop them (SARIF).
   */
  silenced(doc: ParsedDocument): SilencedFinding[] {
    return [...this.publishedOf(doc).silenced];
  }

  /** A version's findings with the user's severities, split once by silencing: those left (`found`) and those silenced. */
  private publishedOf(doc: ParsedDocument) {
    const { ignore, severity } = this.settingsFor(doc.uri);
    let hit = published.get(doc);
    if (!hit || hit.severity !== severity || hit.ignore !== ignore) {
      const { reported, silenced } = applySilencing(doc, applySeverity(this.findings(doc), severity), ignore);
      hit = { severity, ignore, found: reported, silenced };
      published.set(doc, hit);
    }
    return hit;
  }

  /**
   * Whether a space typed at the end of `lineBefore` (the line up to the cursor) may want the
   * completion list: decided from the line alone, before any parse, so that a space in prose
   * costs nothing (features/completion/whileTyping.ts).
   */
  spaceWantsCompletion(lineBefore: string | undefined, character: number): boolean {
    const startsName = (typed: string) => this.frameworks().some((f) => frameworkLabelStartsWith(f, typed));
    return spaceMayWantList(textBefore(lineBefore, character), startsName);
  }

  /** `character`: the trigger character typed, when the editor asked on its own. */
  completions(doc: ParsedDocument, position: Position, byCharacter = false, character?: string): CompletionList {
    // The project's configuration file completes from its schema.
    if (isConfigFile(doc.uri)) return configCompletions(doc.lines, position, this.frameworks());
    return completions(doc, this.frameworkOf(doc), position, this.frameworks().map((f) => f.id), byCharacter, character);
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

  /**
   * Fix all, as `check --fix` and fix on save make it: every error and warning with one clear
   * fix, applied until nothing changes (a fixed name may reveal a fixable level), at most ten
   * rounds. Undefined when there is nothing to fix, or when the document names a framework that
   * is not loaded: fixes made against the one used meanwhile would rewrite names from guesses.
   */
  fixAllText(doc: ParsedDocument): { text: string; fixed: Diagnostic[]; diagnostics: Diagnostic[]; doc: ParsedDocument } | undefined {
    if (this.lacksFramework(doc)) return undefined;
    let current = doc;
    const fixed: Diagnostic[] = [];
    for (let round = 1; round <= 10; round++) {
      const { edits, fixed: now } = fixAllEdits(this.diagnostics(current).filter((d) => d.severity === 1 || d.severity === 2));
      if (!edits.length) break;
      const text = TextDocument.applyEdits(TextDocument.create(doc.uri, 'markdown', round, current.lines.text), edits);
      if (text === current.lines.text) break;
      fixed.push(...now);
      current = this.parseFresh(doc.uri, text, doc.version);
    }
    return fixed.length ? { text: current.lines.text, fixed, diagnostics: this.diagnostics(current), doc: current } : undefined;
  }

  /** Quick fixes, Fix all and silencing for the editor's light bulb. */
  allCodeActions(doc: ParsedDocument, diagnostics: Diagnostic[], only: string[] | undefined, ignore: IgnoreTarget | undefined): CodeAction[] {
    const fixAll = () => {
      const result = this.fixAllText(doc);
      return result && { edits: lineEdits(doc.lines.text, result.text), fixed: result.fixed };
    };
    return allCodeActions({ doc, diagnostics, only, all: () => this.diagnostics(doc), fixAll, ignore });
  }

  /** Whether a document is about a framework at all (the status bar shows only for those). */
  isAboutFramework(doc: ParsedDocument): boolean {
    return frameworkContext(doc, this.frameworkOf(doc));
  }

  // --- editor commands and views (the custom requests of protocol.ts, and the CLI) ---

  frameworkSummaries(withImports = false): FrameworkSummary[] {
    const active = this.activeFramework();
    return this.frameworks().map((f) => ({ ...frameworkSummary(f, withImports), active: f === active }));
  }

  /** A framework as one Markdown document (go to definition's view). */
  frameworkMarkdown(id: string): string | undefined {
    const f = this.framework(id);
    return f ? frameworkRendering(f).text : undefined;
  }

  roleLevelSummaries(): RoleLevelSummary[] {
    const f = this.activeFramework();
    return f.roleLevels.map((r) => ({
      family: r.role.family ?? r.role.name,
      role: r.role.name,
      name: r.level.name,
      grades: r.level.grades,
      skills: r.level.skills.map((s) => ({ skill: s.skill, level: s.level, levelName: f.levelName(s.level) })),
    }));
  }

  /** The active framework's skills; with a query, those it finds (by name or by what they are about), best first. */
  skillSummaries(query?: string, limit = 50): SkillSummary[] {
    const f = this.activeFramework();
    const skills = query === undefined ? f.skills : f.findSkills(query, limit).map((found) => found.skill);
    return skills.map((skill) => ({ name: skillFullName(skill), description: skill.description, category: skill.category }));
  }

  /** A skill as Show skill presents it (at every level, or one). */
  skillView(name: string, level?: LevelData): string | undefined {
    const f = this.activeFramework();
    const skill = f.resolveSkill(name);
    return skill ? skillMarkdown(f, skill, level) : undefined;
  }

  compareRoleLevels(a: string, b: string): string | undefined {
    const f = this.activeFramework();
    const ra = f.findRoleLevel(a);
    const rb = f.findRoleLevel(b);
    return ra && rb ? compareMarkdown(f, ra, rb) : undefined;
  }

  skillsText(roleLevel: string, style: SkillsStyle): string | undefined {
    const f = this.activeFramework();
    const role = f.findRoleLevel(roleLevel);
    return role ? skillsText(f, role, style) : undefined;
  }

  newAdvert(roleLevel: string): string | undefined {
    const f = this.activeFramework();
    const role = f.findRoleLevel(roleLevel);
    return role ? newAdvertText(f, role) : undefined;
  }

  reviewTargets(): ReviewTarget[] {
    const f = this.activeFramework();
    if (f.roleLevels.length) return f.roleLevels.map((r) => ({ name: r.level.name, detail: `${r.role.name} \u00b7 ${r.level.skills.length} skills` }));
    return f.levels.map((l) => ({ name: l.id, detail: `${l.name} \u00b7 ${f.skills.length} ${f.skillNoun}s` }));
  }

  newReview(roleLevel: string, form: NewReviewForm): string | undefined {
    return newReview(this.activeFramework(), roleLevel, form);
  }

  /** The document's list style and role level, for Insert skills. */
  documentStyle(doc: ParsedDocument): { style: SkillsStyle; role?: string } {
    const role = doc.role ? this.frameworkOf(doc).findRoleLevel(doc.role.text)?.level.name : undefined;
    return { style: documentStyle(doc), ...(role ? { role } : {}) };
  }

  insertSkills(doc: ParsedDocument, roleLevel: string, cursor: Position, options: InsertOptions): SkillsInsertion | { message: string } | undefined {
    const f = this.frameworkOf(doc);
    const role = f.findRoleLevel(roleLevel);
    return role ? insertSkills(doc, f, role, cursor, options) : undefined;
  }

  /** A review's (or an advert's) levels against its role level and the next one. */
  profile(doc: ParsedDocument): Profile {
    return computeProfile(doc, this.frameworkOf(doc));
  }

  /** How long a fresh parse and check of a document takes (the timing request). */
  timeAnalysis(doc: ParsedDocument): { ms: number; diagnostics: number } {
    const start = performance.now();
    const fresh = this.parseFresh(doc.uri, doc.lines.text, doc.version);
    const found = diagnose(fresh, this.frameworkOf(fresh), { severity: this.settingsFor(doc.uri).severity, keep: false });
    return { ms: performance.now() - start, diagnostics: found.length };
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
