// Custom LSP requests the server answers, so the VS Code client, the CLI and other editors
// compute from the same framework data. Imported by both sides; types only plus method names.

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

export const Requests = {
  /** () => FrameworkSummary[] */
  frameworks: 'skillLens/frameworks',
  /** () => RoleLevelSummary[] (active framework) */
  roleLevels: 'skillLens/roleLevels',
  /** () => SkillSummary[] (active framework) */
  skills: 'skillLens/skills',
  /** ({ name }) => { markdown: string } | null: a skill at all levels and the roles needing it */
  showSkill: 'skillLens/showSkill',
  /** ({ id }) => { markdown: string } | null: a whole framework, as go to definition shows it in a
   *  `skill-lens:` view (clients that announce capabilities.experimental.skillLensViews) */
  frameworkMarkdown: 'skillLens/frameworkMarkdown',
  /** ({ a, b }) => { markdown: string } | null: role level a vs b */
  compareRoleLevels: 'skillLens/compareRoleLevels',
  /** ({ roleLevel, style: 'list' | 'table' | 'govuk' }) => { text: string } | null */
  skillsText: 'skillLens/skillsText',
  /** ({ roleLevel }) => { text: string } | null: a whole Markdown advert with front matter */
  newAdvert: 'skillLens/newAdvert',
  /** ({ uris: string[] }) => { files: number; errors: number; warnings: number; skipped: { uri, reason }[] }:
   *  reads those files from disk (regular files only) and publishes their diagnostics; says
   *  which it could not read and why (a named pipe, a missing file, not a file: URI) */
  checkFiles: 'skillLens/checkFiles',
  /** ({ roots: string[] }) => { uris: string[]; skipped: { uri, reason }[] }: the documents under
   *  those folders (file: URIs), the same files `skill-lens check FOLDER` checks */
  workspaceDocuments: 'skillLens/workspaceDocuments',
  /** ({ uri, text? }) => { style: 'list' | 'table' | 'govuk'; role?: string }: how a document writes
   *  its skills, and the role level it names (front matter or title), if the framework has it
   *  (the text as the editor shows it, when given, else the server's copy of the document) */
  documentStyle: 'skillLens/documentStyle',
  /** ({ uri, text, languageId?, position, roleLevel, style? }) => { range, text, format } | { message } | null:
   *  the edit that writes a role level's skills at the position in the document's own format
   *  (pathway topics in YAML, a review's table, an advert's style); null when there is no such role level */
  insertSkills: 'skillLens/insertSkills',
  /** ({ uri }) => { ms: number; diagnostics: number }: parse and check an open document afresh, timed (for the bench) */
  analyzeTiming: 'skillLens/analyzeTiming',
} as const;

/** Notification the server sends when the active framework or a document's role changes. */
export const StatusNotification = 'skillLens/status';
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
