// Custom LSP requests the server answers, so the VS Code client, the CLI and other editors
// compute from the same framework data. Imported by both sides: the typed requests and what they carry.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Profile } from './reviews/profile';
import type { DocumentKind } from './documents/model';

export interface FrameworkSummary {
  id: string;
  name: string;
  active: boolean;
  skills: number;
  skillLevels: number;
  notDefinedLevels: number;
  roleFamilies: number;
  roles: number;
  roleLevels: number;
  /** (role level, skill, level) requirements over every role level. */
  requirements: number;
  renames: number;
  /** Where the framework came from (a URL or a description of the page). */
  source?: string;
  /** Imported from the seeds by the importers (the embedded frameworks), not written by hand. */
  imported?: boolean;
  /** What the framework's importers repaired and skipped (the CLI's `frameworks --format json`). */
  imports?: { source: string; repaired: string[]; skipped: string[] }[];
}

export interface RoleLevelSummary {
  /** Role family: `Data`, `IT operations` (the role's name where the framework has no families). */
  family: string;
  /** Role: `Data engineer`. */
  role: string;
  /** Role level name: `Senior infrastructure engineer`. */
  name: string;
  grades: string[];
  skills: { skill: string; level: string; levelName: string }[];
}

export interface SkillSummary {
  name: string;
  description?: string;
  category?: string;
}

export type SkillsStyle = 'list' | 'table' | 'govuk';
/** A position as LSP writes it (0-based line and character). */
export interface Place {
  line: number;
  character: number;
}
/** The edit that writes a role level's skills, or why there is nothing to write. */
export type SkillsInsertionResult = { range: { start: Place; end: Place }; text: string; format: string } | { message: string } | null;
export type MarkdownView = { markdown: string } | null;
export interface ReviewTarget {
  name: string;
  detail: string;
}
export interface SkillProfileResult {
  profile: Profile;
  svg: string;
  markdown: string;
  /** What the document is: the profile view follows the active editor only to reviews and adverts. */
  documentKind: DocumentKind;
}
export type TextResult = { text: string } | null;
export interface CheckFilesResult {
  files: number;
  errors: number;
  warnings: number;
  skipped: { uri: string; reason: string }[];
}

/**
 * Each request with its parameter and result types: the client sends and the server answers
 * these objects, so neither side writes a method name or re-declares a type. Parameters are
 * checked on arrival all the same (other editors send what they like).
 */
export const Requests = {
  frameworks: new RequestType0<FrameworkSummary[], void>('skillLens/frameworks'),
  /** The active framework's role levels. */
  roleLevels: new RequestType0<RoleLevelSummary[], void>('skillLens/roleLevels'),
  /** The active framework's skills. */
  skills: new RequestType0<SkillSummary[], void>('skillLens/skills'),
  /** The active framework's skills for what the user typed, best first (at most 50): names that
   *  start with it, or else the skills it is about (Framework.findSkills). */
  findSkills: new RequestType<{ query: string }, SkillSummary[], void>('skillLens/findSkills'),
  /** A skill at all levels and the roles needing it. */
  showSkill: new RequestType<{ name: string }, MarkdownView, void>('skillLens/showSkill'),
  /** A whole framework, as go to definition shows it in a `skill-lens:` view (for clients that
   *  announce capabilities.experimental.skillLensViews; see lsp/frameworkRendering.ts). */
  frameworkMarkdown: new RequestType<{ id: string }, MarkdownView, void>('skillLens/frameworkMarkdown'),
  /** Role level a against b. */
  compareRoleLevels: new RequestType<{ a: string; b: string }, MarkdownView, void>('skillLens/compareRoleLevels'),
  skillsText: new RequestType<{ roleLevel: string; style: SkillsStyle }, TextResult, void>('skillLens/skillsText'),
  /** A whole Markdown advert with front matter. */
  newAdvert: new RequestType<{ roleLevel: string }, TextResult, void>('skillLens/newAdvert'),
  /** Reads those files (regular files only) and publishes their diagnostics; says which it
   *  could not read and why (a named pipe, a missing file, for the Node server not a file: URI). */
  checkFiles: new RequestType<{ uris: string[] }, CheckFilesResult, void>('skillLens/checkFiles'),
  /** The documents under those folders (URIs): the same files `skill-lens check FOLDER` checks. */
  workspaceDocuments: new RequestType<{ roots: string[] }, { uris: string[]; skipped: { uri: string; reason: string }[] }, void>('skillLens/workspaceDocuments'),
  /** How a document writes its skills, and the role level it names (front matter or title) if
   *  the framework has it (the text as the editor shows it, when given, else the server's copy
   *  of the document). */
  documentStyle: new RequestType<{ uri: string; text?: string; languageId?: string }, { style: SkillsStyle; role?: string }, void>('skillLens/documentStyle'),
  /** The edit that writes a role level's skills at the position in the document's own format
   *  (pathway topics in YAML, a review's table, an advert's style); null when there is no such
   *  role level. The text goes with the request: the server may not have this version yet. */
  insertSkills: new RequestType<
    { uri: string; text: string; languageId?: string; position: Place; roleLevel: string; style?: SkillsStyle },
    SkillsInsertionResult,
    void
  >('skillLens/insertSkills'),
  /** The role levels a review can be for (a ladder's levels where the framework has no roles). */
  reviewTargets: new RequestType0<ReviewTarget[], void>('skillLens/reviewTargets'),
  /** A new review for a role level: a table or a heading per skill (a ladder: its competency areas). */
  newReview: new RequestType<{ roleLevel: string; form: 'table' | 'headings' }, TextResult, void>('skillLens/newReview'),
  /** A commented framework file to start from, for a framework of that name: its id, the file
   *  name it is found under by default (`<id>.skills.yaml`) and its text. */
  newFrameworkFile: new RequestType<{ name: string }, { id: string; fileName: string; text: string } | null, void>('skillLens/newFrameworkFile'),
  /** An open review's (or advert's) skill profile, as data, an SVG chart and a Markdown table. */
  skillProfile: new RequestType<{ uri: string }, SkillProfileResult | null, void>('skillLens/skillProfile'),
  /** Parse and check an open document afresh, timed (for the bench). */
  analyzeTiming: new RequestType<{ uri: string }, { ms: number; diagnostics: number } | null, void>('skillLens/analyzeTiming'),
};

/** A file as the client read it for the server: its text, or why not (`missing`: there is no
 *  such file; `size` alone: over the cap). */
export type ClientFileRead = { text: string } | { reason: string; missing?: true } | { size: number };

/**
 * Requests the server sends to the client, for the browser's server: its web worker has no file
 * system, so the project's files and Check workspace's documents are found and read by the
 * editor (client/src/projectFiles.ts; ARCHITECTURE.md, "Project files"). The Node server reads
 * the disk and never sends them.
 */
export const ClientRequests = {
  /** The files under a folder (a URI) matching any of the globs (VS Code's glob syntax, relative
   *  to the folder), none under a folder the `exclude` glob matches; at most `limit` per glob. */
  findFiles: new RequestType<{ folder: string; globs: string[]; exclude: string; limit?: number }, string[], void>('skillLens/findFiles'),
  /** A file's text, unless it is not a file or is larger than `maxBytes` (looked at by its size
   *  first, so a file over the cap is never read). */
  readFile: new RequestType<{ uri: string; maxBytes?: number }, ClientFileRead, void>('skillLens/readFile'),
};

/** Notification the server sends when the active framework or a document's role changes. */
export const StatusNotification = new NotificationType<StatusParams>('skillLens/status');
export interface StatusParams {
  framework: string;
  /** Role level of the document, if its front matter names one. */
  role?: string;
  /** The document this status is about; the client shows it while that document is active. */
  uri?: string;
  /** Whether that document is about the framework (a known kind, or framework context: see
   *  features/frameworkContext.ts); the status bar shows only for those, not on every README. */
  about?: boolean;
}
