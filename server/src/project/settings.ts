// Settings: what the product uses (defaults), what a project configuration file sets, and what
// an editor's own settings override. Each document's settings are resolved from the three by
// project.ts: an editor setting where the user set one, else the nearest configuration file's,
// else the default (README, "Configuration").
import type { KindGlobs } from '../documents/parse';
import type { SeveritySetting } from '../features/diagnostics';
import type { ProjectConfig } from './config';

export interface Settings {
  framework: string;
  documentKinds: KindGlobs;
  severity: Partial<Record<string, SeveritySetting>>;
  debounceMs: number;
  frameworkFiles: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  framework: 'ddat',
  documentKinds: {
    jobAdvert: ['**/adverts/**/*.md', '**/*advert*.md', '**/*job*.md'],
    pathway: ['**/pathways/**/*.{yaml,yml,md}', '**/*pathway*.{yaml,yml,md}'],
    review: ['**/reviews/**/*.md', '**/*review*.md'],
  },
  severity: {},
  debounceMs: 200,
  frameworkFiles: ['**/*.skills.yaml', '**/*.skills.yml', '.skill-lens/*.yaml'],
};

/** What an editor's settings set: only the keys given, each of the right type. */
export type SettingsOverrides = Partial<Omit<Settings, 'documentKinds'>> & { documentKinds?: Partial<KindGlobs> };

const isList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * The settings an editor sent, keeping the keys it gave with a value of the right type. Each one
 * overrides the project's configuration, so the VS Code extension sends only what the user set
 * (client/src/settings.ts), not the defaults of package.json.
 */
export function readOverrides(raw: unknown): SettingsOverrides {
  const r = (typeof raw === 'object' && raw ? raw : {}) as Record<string, unknown>;
  const out: SettingsOverrides = {};
  if (typeof r.framework === 'string' && r.framework.trim()) out.framework = r.framework;
  if (typeof r.documentKinds === 'object' && r.documentKinds) {
    const k = r.documentKinds as Record<string, unknown>;
    const kinds: Partial<KindGlobs> = {};
    for (const kind of ['jobAdvert', 'pathway', 'review'] as const) if (isList(k[kind])) kinds[kind] = k[kind] as string[];
    if (Object.keys(kinds).length) out.documentKinds = kinds;
  }
  if (typeof r.severity === 'object' && r.severity && !Array.isArray(r.severity)) out.severity = r.severity as Settings['severity'];
  if (typeof r.debounceMs === 'number' && r.debounceMs >= 0 && r.debounceMs <= 10000) out.debounceMs = r.debounceMs;
  if (isList(r.frameworkFiles)) out.frameworkFiles = r.frameworkFiles;
  return out;
}

/** Defaults, then the configuration file's settings, then the editor's, key by key (severity by code). */
export function resolveSettings(config: ProjectConfig | undefined, overrides: SettingsOverrides): Settings {
  const c = config ?? {};
  return {
    framework: overrides.framework ?? c.framework ?? DEFAULT_SETTINGS.framework,
    documentKinds: {
      jobAdvert: overrides.documentKinds?.jobAdvert ?? c.documentKinds?.jobAdvert ?? DEFAULT_SETTINGS.documentKinds.jobAdvert,
      pathway: overrides.documentKinds?.pathway ?? c.documentKinds?.pathway ?? DEFAULT_SETTINGS.documentKinds.pathway,
      review: overrides.documentKinds?.review ?? c.documentKinds?.review ?? DEFAULT_SETTINGS.documentKinds.review,
    },
    severity: { ...c.severity, ...overrides.severity },
    debounceMs: overrides.debounceMs ?? DEFAULT_SETTINGS.debounceMs,
    frameworkFiles: overrides.frameworkFiles ?? c.frameworkFiles ?? DEFAULT_SETTINGS.frameworkFiles,
  };
}
