// The project configuration file, `.skill-lens.yaml` (or `.yml`): the settings that change
// findings, kept in the repository so that the editor and `skill-lens check` in CI read the same
// ones (ARCHITECTURE.md, "One configuration"). Checked against data/skill-lens.schema.json, which
// also ships for editors to complete its keys. A key with a wrong value is reported on its line
// and left out; the rest of the file still applies, so a slip never stops checking.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Range } from 'vscode-languageserver-types';
import schema from '../../../data/skill-lens.schema.json';
import { LineIndex, restOfLine } from '../documents/lineIndex';
import { offsetOfPath, readDataYaml, yamlTreeFromEvents, type YamlNode } from '../yaml/yamlTree';
import { editDistance } from '../framework/normalize';
import { globError } from '../documents/glob';
import { excerpt, shortened } from '../fileText';
import type { SeveritySetting } from '../features/diagnostics';
import { caches } from '../caches';

export const CONFIG_FILE_NAMES = ['.skill-lens.yaml', '.skill-lens.yml'] as const;

/** A configuration file larger than this is not read (real ones are a few hundred bytes). */
export const CONFIG_FILE_MAX_BYTES = 256 * 1024;

export interface ProjectConfig {
  framework?: string;
  frameworkFiles?: string[];
  severity?: Partial<Record<string, SeveritySetting>>;
  documentKinds?: { jobAdvert?: string[]; pathway?: string[]; review?: string[] };
  ignore?: Record<string, string[]>;
  exclude?: string[];
}

export interface ConfigProblem {
  message: string;
  range: Range;
}

export interface ConfigRead {
  config: ProjectConfig;
  problems: ConfigProblem[];
}

/** Whether a path (or URI) names a project configuration file. */
export function isConfigFile(pathOrUri: string): boolean {
  return /(?:^|[\\/])\.skill-lens\.ya?ml$/i.test(pathOrUri);
}

const KEYS = Object.keys(schema.properties);
const CODES: readonly string[] = schema.properties.severity.propertyNames.enum;
const SEVERITIES: readonly string[] = schema.properties.severity.additionalProperties.enum;

const validator = caches.once((): ValidateFunction => {
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  return new Ajv({ allErrors: true, verbose: true, strict: false, logger: false }).compile(schema);
});

/** Reads a configuration file's text: what applies, and what is wrong, each on its line. */
export function readProjectConfig(text: string): ConfigRead {
  const lines = new LineIndex(text);
  const at = (offset: number): Range => restOfLine(lines, offset);
  if (text.length > CONFIG_FILE_MAX_BYTES) {
    return { config: {}, problems: [{ message: `This configuration file is over ${CONFIG_FILE_MAX_BYTES / 1024} KB and is not read; the defaults apply.`, range: at(0) }] };
  }
  // Blank or only comments: nothing set.
  if (!/^[ \t]*[^\s#]/m.test(text)) return { config: {}, problems: [] };
  const parsed = readDataYaml(text, 16);
  if ('reason' in parsed) {
    return { config: {}, problems: [{ message: `This configuration is not valid YAML (${shortened(parsed.reason.split('\n')[0], 120)}); the defaults apply until it is.`, range: at(parsed.offset) }] };
  }
  const { events, documents } = parsed;
  const value = documents[0];
  if (value === null || value === undefined) return { config: {}, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { config: {}, problems: [{ message: `The configuration is a map of settings (${KEYS.join(', ')}); the defaults apply until it is.`, range: at(0) }] };
  }
  const validate = validator.get();
  const config = { ...(value as Record<string, unknown>) };
  const problems: ConfigProblem[] = [];
  // The positioned tree of the same parse, made only when a problem needs its line.
  let tree: YamlNode | undefined;
  const root = () => (tree ??= yamlTreeFromEvents(text, events).root);
  if (!validate(config)) {
    const dropped = new Set<string>();
    for (const error of validate.errors ?? []) {
      const path = pathOf(error);
      if (path.length === 0) continue;
      dropped.add(path[0]);
      problems.push({ message: describe(error, path), range: at(offsetOfPath(root(), path)) });
    }
    for (const key of dropped) delete config[key];
  }
  // A glob that does not compile is reported on its line and left out; the others apply.
  const globLists: [string[], ProjectConfig['exclude']][] = [
    [['frameworkFiles'], (config as ProjectConfig).frameworkFiles],
    [['exclude'], (config as ProjectConfig).exclude],
    ...(['jobAdvert', 'pathway', 'review'] as const).map((kind): [string[], string[] | undefined] => [['documentKinds', kind], (config as ProjectConfig).documentKinds?.[kind]]),
  ];
  for (const [path, globs] of globLists) {
    if (!globs) continue;
    for (let i = globs.length - 1; i >= 0; i--) {
      const why = globError(globs[i]);
      if (!why) continue;
      problems.push({ message: `The glob ${excerpt(globs[i])} is not valid (${why}) and is left out; the other globs apply.`, range: at(offsetOfPath(root(), [...path, String(i)])) });
      globs.splice(i, 1);
    }
  }
  // One problem per line: Ajv may say the same key twice (a wrong type and a wrong length).
  const seen = new Set<number>();
  const once = problems.filter((p) => !seen.has(p.range.start.line) && seen.add(p.range.start.line));
  return { config: config as ProjectConfig, problems: once.sort((a, b) => a.range.start.line - b.range.start.line) };
}

/** The path of the value at fault: for an unknown key, the key itself. */
function pathOf(error: ErrorObject): string[] {
  const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as { additionalProperty?: string; propertyName?: string };
  if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined) path.push(params.additionalProperty);
  const name = error.propertyName ?? params.propertyName;
  if (name !== undefined) path.push(name);
  return path;
}

function closest(word: string, among: readonly string[]): string | undefined {
  let best: string | undefined;
  let distance = Infinity;
  for (const candidate of among) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < distance) [best, distance] = [candidate, d];
  }
  return best !== undefined && distance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function describe(error: ErrorObject, path: string[]): string {
  const [key, sub] = path;
  const last = path[path.length - 1];
  if (error.keyword === 'additionalProperties' && path.length === 1) {
    const near = closest(key, KEYS);
    return `${excerpt(key)} is not a setting of the configuration${near ? `: did you mean "${near}"?` : '.'} Settings: ${KEYS.join(', ')}.`;
  }
  if (error.keyword === 'additionalProperties' && key === 'documentKinds') return `${excerpt(last)} is not a kind of document: use jobAdvert, pathway or review.`;
  if (error.keyword === 'propertyNames' || error.propertyName !== undefined) {
    const near = closest(last, CODES);
    return `${excerpt(last)} is not a diagnostic code${near ? `: did you mean "${near}"?` : '.'} The codes are in the README's table.`;
  }
  if (error.keyword === 'enum' && key === 'severity' && sub !== undefined) {
    return `The severity of ${sub} is one of ${SEVERITIES.join(', ')}, not ${excerpt(String(error.data))}.`;
  }
  if (key === 'framework') return 'framework is the id of a framework: ddat, sfia, ladder or a framework file\'s id.';
  if (key === 'frameworkFiles' || key === 'exclude' || (key === 'documentKinds' && sub !== undefined)) return `${path.slice(0, key === 'documentKinds' ? 2 : 1).join('.')} is a list of globs, e.g. ["drafts/**"].`;
  if (key === 'ignore') return `ignore maps codes to lists of words, e.g. "unknown-skill: [Kubernetes]".`;
  return `${path.join('.')} ${error.message ?? 'is not valid'}.`;
}
