// Framework data from users' files, checked against data/framework.schema.json with Ajv, and
// Ajv's errors put in words a person can act on: where (`skills[3].levels.expert`) and what.
// Ajv is loaded, and the schema compiled, the first time a framework file is checked: the
// server starts without it.
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../data/framework.schema.json';
import { editDistance } from './normalize';
import { caches } from '../caches';

/** Where a problem is: the path of the value at fault, from the root of the file. */
export type DataPath = (string | number)[];

export interface DataProblem {
  message: string;
  path: DataPath;
}

/**
 * Skill names longer than this, or with no letter or digit (`.*`, `---`), are never recognised
 * in documents: the document readers take at most 90 characters for a name (a longer phrase is
 * prose), and a name's normal form drops punctuation and markup at its ends, so `.*` would be
 * the empty name. Such names are refused when the file is loaded, with a message, rather than
 * loaded to never match (data/framework.schema.json says the same with `skillName`).
 */
export const MAX_SKILL_NAME_LENGTH = 90;

const validator = caches.once((): ValidateFunction => {
  // Required here, not imported at the top: only a framework file needs Ajv.
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    // YAML's plain scalars: `id: 3` is the text "3", `rank: "3"` the number 3.
    coerceTypes: true,
    strict: false,
    logger: false,
  });
  return ajv.compile(schema);
});

function compiled(): ValidateFunction {
  return validator.get();
}

/** At most this many problems per file: a file that is not a framework at all would list thousands. */
const MAX_PROBLEMS = 100;

/**
 * Checks a framework file's data against the schema, and what the schema cannot say (the level
 * ids of a skill's levels are the framework's levels; a skill's full name fits). Ajv fills in
 * coerced values (`id: 3` becomes "3"), and the lists a role level may leave out are added.
 */
export function validateFrameworkData(value: unknown): DataProblem[] {
  const validate = compiled();
  const problems: DataProblem[] = [];
  if (!validate(value)) problems.push(...describeErrors(validate.errors ?? [], value));
  if (isObj(value)) problems.push(...crossChecks(value));
  if (problems.length === 0) fillDefaults(value as Obj);
  return problems.slice(0, MAX_PROBLEMS);
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function crossChecks(f: Obj): DataProblem[] {
  const problems: DataProblem[] = [];
  if (!Array.isArray(f.levels) || !Array.isArray(f.skills)) return problems;
  const levelIds = f.levels.filter((l) => isObj(l) && typeof l.id === 'string').map((l) => (l as Obj).id as string);
  const known = new Set(levelIds);
  f.skills.forEach((skill: unknown, i) => {
    if (!isObj(skill)) return;
    if (typeof skill.name === 'string' && typeof skill.qualifier === 'string') {
      const full = `${skill.name} (${skill.qualifier})`;
      if (full.length > MAX_SKILL_NAME_LENGTH) {
        problems.push({
          message: `skills[${i}] is ${full.length} characters long with its qualifier: names longer than ${MAX_SKILL_NAME_LENGTH} characters are never recognised in documents, so shorten the name or the qualifier.`,
          path: ['skills', i, 'qualifier'],
        });
      }
    }
    if (!isObj(skill.levels)) return;
    for (const id of Object.keys(skill.levels)) {
      if (!known.has(id)) {
        problems.push({ message: `skills[${i}].levels.${id} is not one of the framework's levels (${levelIds.join(', ')}).`, path: ['skills', i, 'levels', id] });
      }
    }
  });
  return problems;
}

/** A role level may leave out its responsibilities, grades and skills: empty lists. */
function fillDefaults(f: Obj): void {
  for (const role of (f.roles as Obj[] | undefined) ?? []) {
    for (const level of role.levels as Obj[]) {
      level.responsibilities ??= [];
      level.grades ??= [];
      level.skills ??= [];
    }
  }
}

/** `/skills/3/levels/expert` as path segments, array indexes as numbers. */
function pathOf(instancePath: string, root: unknown): DataPath {
  const path: DataPath = [];
  let at: unknown = root;
  for (const raw of instancePath.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const index = Array.isArray(at) && /^\d+$/.test(seg) ? Number(seg) : undefined;
    path.push(index ?? seg);
    at = at === null || typeof at !== 'object' ? undefined : index !== undefined ? (at as unknown[])[index] : Object.hasOwn(at, seg) ? (at as Obj)[seg] : undefined;
  }
  return path;
}

/** `skills[3].levels.expert`; a top-level field in backticks: `` `levels` ``. */
export function formatPath(path: DataPath): string {
  if (path.length === 1 && typeof path[0] === 'string') return `\`${path[0]}\``;
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[\w-]+$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** What the value at a path is, for "is not a field of …": a skill, a role level… */
function whatIs(path: DataPath): string {
  const shape = path.map((s) => (typeof s === 'number' ? '#' : s)).join('/');
  const names: Record<string, string> = {
    '': 'a framework file',
    'levels/#': 'a level',
    'levels/#/metadata': "a level's metadata",
    'skills/#': 'a skill',
    'skills/#/levels/*': "a skill's level",
    'grades/#': 'a grade',
    'renames/#': 'a rename',
    'roles/#': 'a role',
    'roles/#/levels/#': 'a role level',
    'roles/#/levels/#/skills/#': "a role level's skill",
    'roles/#/sharedSkills/#': "a role's shared skills",
    'imports/#': 'an import note',
  };
  return names[shape] ?? names[shape.replace(/^skills\/#\/levels\/[^/]+$/, 'skills/#/levels/*')] ?? 'this mapping';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (`key: value` lines)',
  null: 'null',
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '\u2026' : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

const ROOT_MISSING: Record<string, string> = {
  id: '`id` is missing: give the framework a short id, e.g. `id: my-ladder`.',
  name: '`name` is missing: give the framework a display name.',
  levels: '`levels` is missing: list the levels, lowest first.',
  skills: '`skills` is missing: list the skills (`skills: []` while there are none).',
};

const ROOT_SHAPE = 'A framework file must be a mapping with id, name, levels and skills.';

function isSkillName(path: DataPath): boolean {
  return path[0] === 'skills' && path.length >= 3 && (path[2] === 'name' || path[2] === 'aliases' || path[2] === 'formerNames') && path.length === (path[2] === 'name' ? 3 : 4);
}

function describeErrors(errors: ErrorObject[], root: unknown): DataProblem[] {
  // A skill level is null or statements: one message for the value, not one per branch of anyOf.
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const covered = (e: ErrorObject) => e.keyword !== 'anyOf' && anyOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/'));
  const problems: DataProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (covered(e)) continue;
    const path = pathOf(e.instancePath, root);
    const problem = describe(e, path);
    const key = `${problem.path.join('/')}\n${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describe(e: ErrorObject, path: DataPath): DataProblem {
  const where = formatPath(path);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      if (path.length === 0) return { message: ROOT_MISSING[missing] ?? `\`${missing}\` is missing.`, path };
      return { message: `${where} needs \`${missing}\`.`, path };
    }
    case 'additionalProperties': {
      const field = String(p.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = allowed.find((a) => editDistance(a.toLowerCase(), field.toLowerCase()) <= Math.min(2, Math.floor(field.length / 3)));
      return {
        message: `${formatPath([...path, field])} is not a field of ${whatIs(path)}.${near ? ` Did you mean \`${near}\`?` : ''}`,
        path: [...path, field],
      };
    }
    case 'type': {
      if (path.length === 0) return { message: ROOT_SHAPE, path };
      const wanted = String(p.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ');
      return { message: `${where} must be ${wanted}, not ${describeValue(e.data)}.`, path };
    }
    case 'anyOf':
      if (path[0] === 'skills' && path[2] === 'levels' && path.length === 4) {
        return { message: `${where} must be null (not defined) or have a list of statements.`, path };
      }
      return { message: `${where} is not of any of the allowed forms.`, path };
    case 'pattern':
      if (path.length === 1 && path[0] === 'id') {
        return {
          message: `\`id\` must be letters, digits, \`-\` and \`_\`, starting with a letter or digit (e.g. \`my-ladder\`): it names the framework in settings and front matter. ${describeValue(e.data)} is not.`,
          path,
        };
      }
      if (isSkillName(path)) return { message: `${where} ${JSON.stringify(e.data)} has no letter or digit: such a name is never recognised in documents.`, path };
      if (path[0] === 'renames' && path[2] === 'date') return { message: `${where} must be a date written as YYYY-MM-DD, e.g. 2022-08-30.`, path };
      return { message: `${where} must match ${String(p.pattern)}.`, path };
    case 'minLength':
      return { message: `${where} must not be empty.`, path };
    case 'maxLength':
      if (isSkillName(path)) {
        return {
          message: `${where} is ${String(e.data).length} characters long: names longer than ${MAX_SKILL_NAME_LENGTH} characters are never recognised in documents, so shorten it.`,
          path,
        };
      }
      return { message: `${where} must be at most ${String(p.limit)} characters long.`, path };
    case 'minItems':
      if (path.length === 1 && path[0] === 'levels') return { message: '`levels` must be a non-empty list, lowest level first.', path };
      return { message: `${where} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}.`, path };
    default:
      return { message: `${where || 'The file'} ${e.message ?? 'is not valid'}.`, path };
  }
}
