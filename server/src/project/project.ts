// The project as the engine sees it, the same on every surface (the Node server, the CLI, the
// browser worker): its folders, the configuration files in them, their ignore lists and
// framework files, and the editor's own settings over them. Files are found and read through
// ProjectFiles; everything here works on URIs, so a folder on github.dev is no different from
// one on disk. ARCHITECTURE.md, "One configuration", says which file wins where.
import type { Diagnostic } from 'vscode-languageserver-types';
import { globPath, matchesAny } from '../documents/glob';
import { FrameworkRegistry, type FrameworkFileResult } from '../framework/loader';
import { FRAMEWORK_FILE_MAX_BYTES, sizeProblem, type FrameworkFileProblem } from '../framework/frameworkFile';
import { IGNORE_FILE, IGNORE_FILE_NAMES, IGNORE_LIST_MAX_BYTES, isIgnoreFile, parseIgnoreList, unreadIgnoreList, type IgnoreList } from '../features/ignoreList';
import { CONFIG_FILE_MAX_BYTES, CONFIG_FILE_NAMES, isConfigFile, readProjectConfig, type ConfigRead } from './config';
import { DEFAULT_SETTINGS, resolveSettings, type Settings, type SettingsOverrides } from './settings';
import { NO_PROJECT_FILES, type ProjectFiles } from './projectFiles';
import { folderOf, loadFrameworkHere, mergeIgnore, relativePath, settingName } from './projectPaths';

/** What a file of the project is to the engine. */
export type FileRole = 'document' | 'config' | 'ignore' | 'framework' | 'excluded';

/** A document's settings: resolved from defaults, its configuration file and the editor's. */
export interface DocumentSettings extends Settings {
  /** The folders the kind globs are relative to (as glob paths): the configuration's, else the workspace folder. */
  kindRoots: readonly string[];
  /** The words not reported for it: its configuration's `ignore` and the nearest ignore list. */
  ignore: IgnoreList | undefined;
  /** The configuration file and ignore list that apply (URIs). */
  from: { config?: string; ignore?: string };
  /** What of these settings a parse depends on (the kinds and where their globs start), as one key. */
  parseKey: string;
}

export type FrameworkLoader = (text: string) => Promise<FrameworkFileResult>;

export interface ProjectOptions {
  files?: ProjectFiles;
  /** Builds a framework from a file's text; the Node server does it off its main thread. */
  loadFramework?: FrameworkLoader;
  /** Told the problems of a configuration, ignore list or framework file each time they are read. */
  onFileProblems?: (uri: string, problems: Diagnostic[]) => void;
  log?: (message: string) => void;
}

/** The most framework files read from a workspace. */
const MAX_FRAMEWORK_FILES = 200;

interface HeldConfig {
  uri: string;
  folder: string;
  /** The text `read` was read from. */
  text: string;
  read: ConfigRead;
}

interface HeldIgnore {
  uri: string;
  text: string;
  list: IgnoreList;
}

export class Project {
  readonly registry = new FrameworkRegistry();
  private rootUris: string[] = [];
  private overrides: SettingsOverrides = {};
  /** Configuration files by the folder that holds them. */
  private readonly configs = new Map<string, HeldConfig>();
  /** Ignore lists by the folder that holds their `.skill-lens/` folder. */
  private readonly ignores = new Map<string, HeldIgnore>();
  /** Texts of project files open in the editor: they win over what is on disk. */
  private readonly open = new Map<string, string>();
  /** Framework files found in the project (loaded or with problems). */
  private readonly frameworkFiles = new Set<string>();
  /** The latest load of each framework file: a load that a newer one overtook is dropped. */
  private readonly latestLoad = new Map<string, number>();
  private loads = 0;
  private resolved = new Map<string, DocumentSettings>();
  private settingsReading: Promise<boolean> | undefined;
  /** Folders whose configuration files and ignore lists have been looked for (settingsReadFor); the file watcher keeps them current. */
  private readonly looked = new Set<string>();
  /** Those being looked for: a second document below one joins its reading. */
  private readonly folderReads = new Map<string, Promise<boolean>>();
  /** Readings of project files under way (settled()). */
  private readonly reading = new Set<Promise<unknown>>();
  private readonly files: ProjectFiles;
  private readonly loadFramework: FrameworkLoader;

  constructor(
    private readonly options: ProjectOptions = {},
    /** A list given by the host, applying everywhere. */
    private readonly hostIgnore?: IgnoreList,
  ) {
    this.files = options.files ?? NO_PROJECT_FILES;
    this.loadFramework = options.loadFramework ?? loadFrameworkHere;
  }

  setRoots(uris: readonly string[]): void {
    this.rootUris = [...new Set(uris.map((u) => u.replace(/\/+$/, '')))];
    this.resolved.clear();
  }

  /** The editor's settings, where the user set them. True when they changed. */
  setOverrides(overrides: SettingsOverrides): boolean {
    if (JSON.stringify(overrides) === JSON.stringify(this.overrides)) return false;
    this.overrides = overrides;
    this.resolved.clear();
    return true;
  }

  // --- what applies where (synchronous) ---

  /** The settings of a document (or, without one, of the first workspace folder). */
  settingsFor(uri?: string): DocumentSettings {
    const root = uri === undefined ? this.rootUris[0] : this.rootOf(uri);
    const config = uri === undefined ? (root === undefined ? undefined : this.configs.get(root)) : this.nearest(this.configs, uri, root);
    const ignore = uri === undefined ? undefined : this.nearest(this.ignores, uri, root);
    const key = `${config?.uri ?? ''}\n${ignore?.uri ?? ''}\n${root ?? ''}`;
    let s = this.resolved.get(key);
    if (!s) {
      const settings = resolveSettings(config?.read.config, this.overrides);
      const kindsFromConfig = !!config?.read.config.documentKinds && !this.overrides.documentKinds;
      const kindRoots = kindsFromConfig ? [globPath(config!.folder)] : root === undefined ? this.rootUris.map((r) => globPath(r)) : [globPath(root)];
      const parseKey = `${JSON.stringify(settings.documentKinds)}|${kindRoots.join('|')}`;
      s = { ...settings, kindRoots, ignore: mergeIgnore(config?.read.config.ignore, ignore?.list ?? this.hostIgnore), from: { config: config?.uri, ignore: ignore?.uri }, parseKey };
      this.resolved.set(key, s);
    }
    return s;
  }

  /** What a file is: a document to check, or one of the project's own files, or left out. */
  roleOf(uri: string): FileRole {
    if (isConfigFile(uri)) return 'config';
    if (isIgnoreFile(uri)) return 'ignore';
    const root = this.rootOf(uri);
    const config = this.nearest(this.configs, uri, root);
    if (this.isFrameworkFile(uri, root, config)) return 'framework';
    const exclude = config?.read.config.exclude;
    if (config && exclude?.length && matchesAny(relativePath(config.folder, uri), exclude, { setting: settingName(config, 'exclude') })) return 'excluded';
    return 'document';
  }

  /** Where "Ignore WORD in this workspace" writes for a document, and the text it has now. */
  ignoreTarget(uri: string): { uri: string; text: string | undefined } | undefined {
    const root = this.rootOf(uri);
    if (root === undefined) return undefined;
    const held = this.nearest(this.ignores, uri, root);
    // A list that was not read (a link out of the project, too large) is never written to.
    if (held?.list.unread) return undefined;
    if (held) return { uri: held.uri, text: this.open.get(held.uri) ?? held.text };
    const folder = this.nearest(this.configs, uri, root)?.folder ?? root;
    const target = `${folder}/${IGNORE_FILE}`;
    return { uri: target, text: this.open.get(target) };
  }

  /** The globs a file watcher needs for the project's own files. */
  watchedGlobs(): string[] {
    // A watcher's globs match the whole path; a file they report that is none of these is ignored.
    const globs = new Set<string>();
    for (const scope of this.frameworkScopes()) for (const glob of scope.globs) globs.add(glob.startsWith('**/') ? glob : `**/${glob.replace(/^\/+/, '')}`);
    globs.add(eitherSpelling(IGNORE_FILE_NAMES));
    globs.add(eitherSpelling(CONFIG_FILE_NAMES));
    return [...globs];
  }

  // --- reading the project (asynchronous) ---

  /** Reads every configuration file, ignore list and framework file of the workspace folders. True when anything is in use. */
  async load(): Promise<boolean> {
    const settings = await this.settingsRead();
    return (await this.findFrameworkFiles()) || settings;
  }

  /**
   * The configuration files and ignore lists, read once (then kept current by the watcher's
   * changes): an answer that needs them, asked for before the workspace was read (a quick fix
   * right after start), waits for the same reading.
   */
  settingsRead(): Promise<boolean> {
    return (this.settingsReading ??= this.loadSettings());
  }

  /** The first half of load(): the configuration files and ignore lists, which say what applies where. */
  private async loadSettings(): Promise<boolean> {
    let any = false;
    for (const root of this.rootUris) {
      const found = await this.files.find(root, PROJECT_FILE_NAMES.map((name) => `**/${name}`), 1000);
      for (const uri of found) any = (await this.readProjectFile(uri)) || any;
    }
    return any;
  }

  /**
   * Whether what applies to a document is known: the configuration files and ignore lists of the
   * folders from its own up to its workspace folder have been looked for. Only those can apply to
   * it, so its first check need not wait for a walk of the whole workspace (a second on a
   * workspace of 50,000 files). The walk does not stand in for them: a folder made after it (a
   * file the watcher has not reported yet) is read directly.
   */
  hasSettingsFor(uri: string): boolean {
    return this.pathFolders(uri).every((folder) => this.looked.has(folder));
  }

  /**
   * Looks for the configuration files and ignore lists of a document's folders not looked for yet,
   * joining a reading another document began. True when what applies changed.
   */
  async settingsReadFor(uri: string): Promise<boolean> {
    const reads: Promise<boolean>[] = [];
    for (const folder of this.pathFolders(uri)) {
      if (this.looked.has(folder)) continue;
      let read = this.folderReads.get(folder);
      if (!read) this.folderReads.set(folder, (read = this.track(this.readFolderSettings(folder))));
      reads.push(read);
    }
    return (await Promise.all(reads)).some(Boolean);
  }

  private async readFolderSettings(folder: string): Promise<boolean> {
    let changed = false;
    try {
      // A file that is not there is forgotten quietly (readProjectFile).
      for (const name of PROJECT_FILE_NAMES) changed = (await this.readProjectFile(`${folder}/${name}`)) || changed;
    } finally {
      this.looked.add(folder);
      this.folderReads.delete(folder);
    }
    return changed;
  }

  /** The folders from a document's up to its workspace folder (none outside the workspace). */
  private pathFolders(uri: string): string[] {
    const root = this.rootOf(uri);
    if (root === undefined) return [];
    const folders: string[] = [];
    for (let folder = folderOf(uri); folder.length >= root.length; folder = folderOf(folder)) {
      folders.push(folder);
      if (folder.length === root.length) break;
    }
    return folders;
  }

  /**
   * Resolves once every reading of a project file begun so far is over: an answer built from an
   * ignore list's text (a quick fix) must not be built from the text before a change the editor
   * reported just before asking.
   */
  async settled(): Promise<void> {
    while (this.reading.size) await Promise.allSettled([...this.reading]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.reading.add(work);
    void work.finally(() => this.reading.delete(work)).catch(() => undefined);
    return work;
  }

  /** A project file changed, appeared or went on disk. True when what applies changed. */
  changedOnDisk(uri: string, deleted: boolean): Promise<boolean> {
    return this.track(this.readChanged(uri, deleted));
  }

  private async readChanged(uri: string, deleted: boolean): Promise<boolean> {
    if (this.open.has(uri)) return false;
    const role = this.roleOf(uri);
    if (role === 'config' || role === 'ignore') {
      const changed = deleted ? this.forgetProjectFile(uri) : await this.readProjectFile(uri);
      // A configuration may name other framework files.
      if (changed && role === 'config') await this.findFrameworkFiles();
      return changed;
    }
    if (role === 'framework' || this.frameworkFiles.has(uri)) {
      if (deleted) {
        this.claimLoad(uri);
        this.frameworkFiles.delete(uri);
        return this.registry.removeFile(uri);
      }
      return this.readFrameworkFile(uri);
    }
    return false;
  }

  /** A project file's text as the editor holds it (open, perhaps unsaved). True when what applies changed. */
  edited(uri: string, text: string): Promise<boolean> {
    return this.track(this.useEdited(uri, text));
  }

  private async useEdited(uri: string, text: string): Promise<boolean> {
    const role = this.roleOf(uri);
    if (role !== 'config' && role !== 'ignore' && role !== 'framework') return false;
    this.open.set(uri, text);
    if (role === 'framework') {
      this.frameworkFiles.add(uri);
      return this.useFrameworkText(uri, text);
    }
    const changed = this.useProjectFileText(uri, text);
    if (changed && role === 'config') await this.findFrameworkFiles();
    return changed;
  }

  /** A project file closed in the editor: what is on disk applies again. */
  async closed(uri: string): Promise<boolean> {
    // Read again even when the editor's text never reached the project: a file created by a
    // quick fix is opened, saved and closed before the debounce hands its text over.
    this.open.delete(uri);
    const role = this.roleOf(uri);
    return role === 'config' || role === 'ignore' || role === 'framework' ? this.changedOnDisk(uri, false) : false;
  }

  /** Loads a framework file given by the user (the CLI's --framework FILE). */
  async loadFrameworkText(uri: string, text: string): Promise<FrameworkFileResult> {
    const result = await this.loadFramework(text);
    if (result.framework) this.registry.setFramework(uri, result.framework, text);
    return result;
  }

  // --- internals ---

  private rootOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const root of this.rootUris) if ((uri === root || uri.startsWith(`${root}/`)) && (best === undefined || root.length > best.length)) best = root;
    return best;
  }

  /** The entry of the folder nearest above a file, no higher than its workspace folder. */
  private nearest<T>(byFolder: Map<string, T>, uri: string, root: string | undefined): T | undefined {
    if (root === undefined || byFolder.size === 0) return undefined;
    let folder = folderOf(uri);
    for (;;) {
      const held = byFolder.get(folder);
      if (held) return held;
      if (folder.length <= root.length) return undefined;
      folder = folderOf(folder);
    }
  }

  /** Where framework files are looked for, and by which globs: each folder with a configuration that names them, else the workspace folders. */
  private frameworkScopes(): { folder: string | undefined; globs: readonly string[]; setting: string }[] {
    const SETTING = 'skillLens.frameworkFiles';
    if (this.overrides.frameworkFiles) return this.rootUris.map((folder) => ({ folder, globs: this.overrides.frameworkFiles!, setting: SETTING }));
    const scopes = this.rootUris.map((folder) => {
      const config = this.configs.get(folder);
      const globs = config?.read.config.frameworkFiles;
      return globs ? { folder, globs, setting: settingName(config!, 'frameworkFiles') } : { folder, globs: DEFAULT_SETTINGS.frameworkFiles, setting: SETTING };
    });
    for (const config of this.configs.values()) {
      const globs = config.read.config.frameworkFiles;
      if (globs && !this.rootUris.includes(config.folder)) scopes.push({ folder: config.folder, globs, setting: settingName(config, 'frameworkFiles') });
    }
    return scopes;
  }

  private isFrameworkFile(uri: string, root: string | undefined, config: HeldConfig | undefined): boolean {
    if (root === undefined) return this.frameworkFiles.has(uri);
    if (this.overrides.frameworkFiles) return matchesAny(relativePath(root, uri), this.overrides.frameworkFiles, { setting: 'skillLens.frameworkFiles' });
    const globs = config?.read.config.frameworkFiles;
    if (config && globs) return matchesAny(relativePath(config.folder, uri), globs, { setting: settingName(config, 'frameworkFiles') });
    return matchesAny(relativePath(root, uri), DEFAULT_SETTINGS.frameworkFiles, { setting: 'skillLens.frameworkFiles' });
  }

  /**
   * The second half of load(): finds the framework files the configuration names, loads new and
   * changed ones, drops those no longer named. True when the frameworks changed.
   */
  async findFrameworkFiles(): Promise<boolean> {
    const found = new Set<string>();
    for (const { folder, globs, setting } of this.frameworkScopes()) {
      if (folder === undefined) continue;
      for (const uri of await this.files.find(folder, globs, MAX_FRAMEWORK_FILES + 1, setting)) if (this.roleOf(uri) === 'framework') found.add(uri);
    }
    let files = [...found].sort();
    if (files.length > MAX_FRAMEWORK_FILES) {
      files = files.slice(0, MAX_FRAMEWORK_FILES);
      this.options.log?.(`Skill Lens found more than ${MAX_FRAMEWORK_FILES} framework files in the workspace and loaded the first ${MAX_FRAMEWORK_FILES} (by path, A to Z). Narrow frameworkFiles (in .skill-lens.yaml or the skillLens.frameworkFiles setting) to the ones you use.`);
    }
    let changed = false;
    for (const uri of [...this.frameworkFiles]) {
      if (files.includes(uri) || this.open.has(uri)) continue;
      this.frameworkFiles.delete(uri);
      this.claimLoad(uri);
      changed = this.registry.removeFile(uri) || changed;
      this.options.onFileProblems?.(uri, []);
    }
    for (const uri of files) changed = (await this.readFrameworkFile(uri)) || changed;
    return changed;
  }

  private claimLoad(uri: string): number {
    this.latestLoad.set(uri, ++this.loads);
    return this.loads;
  }

  private async readFrameworkFile(uri: string): Promise<boolean> {
    this.frameworkFiles.add(uri);
    const open = this.open.get(uri);
    if (open !== undefined) return this.useFrameworkText(uri, open);
    const read = await this.files.read(uri, FRAMEWORK_FILE_MAX_BYTES);
    if ('reason' in read) {
      this.claimLoad(uri);
      const tooLarge = read.size !== undefined ? sizeProblem(read.size) : undefined;
      if (!tooLarge) this.options.log?.(`Framework file ${uri} cannot be read (${read.reason}).`);
      this.report(uri, [tooLarge ?? { message: `This framework file cannot be read (${read.reason}).`, range: START }]);
      return false;
    }
    return this.useFrameworkText(uri, read.text);
  }

  /** Puts a framework file's text in use; on problems the previous version stays. True when a new version is in use. */
  private async useFrameworkText(uri: string, text: string): Promise<boolean> {
    const load = this.claimLoad(uri);
    if (this.registry.isLoaded(uri, text)) {
      this.latestLoad.delete(uri);
      this.report(uri, []);
      return false;
    }
    const { framework, problems } = await this.loadFramework(text);
    if (this.latestLoad.get(uri) !== load) return false;
    this.latestLoad.delete(uri);
    if (framework) this.registry.setFramework(uri, framework, text);
    this.report(uri, problems);
    return !!framework;
  }

  private async readProjectFile(uri: string): Promise<boolean> {
    const open = this.open.get(uri);
    if (open !== undefined) return this.useProjectFileText(uri, open);
    // Only a regular file inside the project: one that is a link out of it (to a secret) is not read.
    const read = await this.files.read(uri, isConfigFile(uri) ? CONFIG_FILE_MAX_BYTES : IGNORE_LIST_MAX_BYTES, this.rootOf(uri));
    if ('reason' in read) {
      const had = this.forgetProjectFile(uri);
      if (read.missing) return had;
      if (isConfigFile(uri)) {
        this.report(uri, [{ message: `This configuration is not read (${read.reason}); the defaults apply.`, range: START }]);
        return had;
      }
      // An ignore list that is not read is held as such: no word of it applies, and nothing is written to it.
      const list = unreadIgnoreList(read.reason);
      this.ignores.set(heldUnder(uri), { uri, text: '', list });
      this.report(uri, list.problems);
      this.resolved.clear();
      return true;
    }
    return this.useProjectFileText(uri, read.text);
  }

  /** True when what applies changed. */
  private useProjectFileText(uri: string, text: string): boolean {
    const folder = heldUnder(uri);
    if (isConfigFile(uri)) {
      const before = this.configs.get(folder);
      // The same file with the same text is not read again; another text may still read the same.
      if (before?.uri === uri && before.text === text) return false;
      const read = readProjectConfig(text);
      if (before?.uri === uri && JSON.stringify(before.read) === JSON.stringify(read)) return false;
      this.configs.set(folder, { uri, folder, text, read });
      this.report(uri, read.problems);
    } else {
      const before = this.ignores.get(folder);
      if (before?.uri === uri && before.text === text) return false;
      const list = parseIgnoreList(text);
      this.ignores.set(folder, { uri, text, list });
      this.report(uri, list.problems);
    }
    this.resolved.clear();
    return true;
  }

  private forgetProjectFile(uri: string): boolean {
    const map: Map<string, { uri: string }> = isConfigFile(uri) ? this.configs : this.ignores;
    const folder = heldUnder(uri);
    if (map.get(folder)?.uri !== uri) return false;
    map.delete(folder);
    this.resolved.clear();
    this.report(uri, []);
    return true;
  }

  private report(uri: string, problems: readonly FrameworkFileProblem[]): void {
    this.options.onFileProblems?.(uri, problems.map((p) => ({ range: p.range, severity: 1, code: 'schema', source: 'skill-lens', message: p.message })));
  }
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The project's files a folder may hold, relative to it: its configuration file and its ignore list, in either spelling. */
const PROJECT_FILE_NAMES = [...CONFIG_FILE_NAMES, ...IGNORE_FILE_NAMES];

/** One watcher glob for a file's spellings, which differ in their extension only: `.skill-lens.{yaml,yml}` in any folder. */
function eitherSpelling(names: readonly string[]): string {
  const stem = names[0].slice(0, names[0].lastIndexOf('.'));
  return `**/${stem}.{${names.map((name) => name.slice(stem.length + 1)).join(',')}}`;
}

/** The folder a configuration file (`F/.skill-lens.yaml`) or an ignore list (`F/.skill-lens/ignore.yaml`) applies from: F. */
function heldUnder(uri: string): string {
  return isConfigFile(uri) ? folderOf(uri) : folderOf(folderOf(uri));
}
