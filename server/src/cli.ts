#!/usr/bin/env node
// The command-line checker and framework browser, on the same engine as the server.
//   skill-lens check [--fix] [--format text|json] [--framework FILE|ID] PATHS…
//   skill-lens frameworks [--format text|json]
//   skill-lens show "SKILL" [--level LEVEL] [--framework FILE|ID]
//   skill-lens profile FILE [--format text|json|svg] [--framework FILE|ID]
//   skill-lens import ddat --roles ROLES.csv [--skills SKILLS.csv] [--a-z PAGE] -o FILE
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdits } from './features/fixAll';
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from './languageService';
import { frameworkSummary } from './framework/summary';
import { nearestIgnoreLists } from './ignoreListFiles';
import { skillMarkdown } from './features/frameworkViews';
import { skillFullName } from './framework/model';
import { computeProfile, profileSvg, profileText } from './reviews/profile';
import { failureReason, readRegularFile, Unreadable, Walk, walkDocuments } from './workspaceFiles';
import { frameworkFileText, ImportInputError, importDdatFiles, writeWhole } from '../importers/importCommand';

const USAGE = `Usage:
  skill-lens check [--fix] [--format text|json] [--framework FILE|ID] PATHS…
  skill-lens frameworks [--format text|json]
  skill-lens show "SKILL" [--level LEVEL] [--framework FILE|ID]
  skill-lens profile FILE [--format text|json|svg] [--framework FILE|ID]
  skill-lens import ddat --roles ROLES.csv [--skills SKILLS.csv] [--a-z PAGE] -o FILE

check       checks job adverts, pathway files and reviews (.md, .markdown, .yaml, .yml;
            folders are walked, links followed). Exit 0 when there are no errors, 1 when there
            are, 2 on bad usage or when a path could not be checked (each is named on stderr).
            --fix first applies, in each file, every fix that has one clear replacement (as
            the editor's "Fix all" does), then reports what is left.
frameworks  lists the loaded frameworks with their counts.
show        prints a skill at every level (or one level) and the roles that need it.
profile     prints a review's assessed levels (an advert's levels) against its role level's
            and the next role level's, as a table, JSON or an SVG chart.
import ddat writes a framework file (FILE.skills.yaml, or .json) from the official DDaT CSV
            exports ("all roles", and optionally "all skills") and optionally a newer skills A to Z
            page, over the embedded framework; prints what it repaired and skipped.`;

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'] as const;

class UsageError extends Error {}

/** A framework that cannot be used: the command was right, so the usage would not help; the
 *  error is followed by one line on where to look (`hint`). */
class FrameworkError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/**
 * Writes to stdout while it has a reader. When the reader goes away (`| head`), output stops
 * quietly and the run finishes with its own exit code; any other failure to write is reported
 * once and makes the exit 2 (kept in process.exitCode, which the end of the run leaves at 2).
 */
function output(text: string): void {
  if (process.stdout.writable && !process.stdout.destroyed) process.stdout.write(text);
}
function onOutputError(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE') return;
  process.stdout.off('error', onOutputError).on('error', () => undefined);
  process.exitCode = 2; // also when the error arrives after the run has set its code
  process.stderr.write(`skill-lens: cannot write the output (${e.message})\n`);
}
process.stdout.on('error', onOutputError);
process.stderr.on('error', () => undefined); // nowhere left to say anything

interface Options {
  format: 'text' | 'json' | 'svg';
  framework?: string;
  level?: string;
  roles?: string;
  skills?: string;
  aToZ?: string;
  out?: string;
  fix?: boolean;
  positional: string[];
}

function parseArgs(args: string[], command?: string): Options {
  const opts: Options = { format: 'text', positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json' && (f !== 'svg' || command !== 'profile')) throw new UsageError(`--format must be text${command === 'profile' ? ', json or svg' : ' or json'}, not "${f}".`);
      opts.format = f;
    } else if (flag === '--framework') opts.framework = value();
    else if (flag === '--level') opts.level = value();
    else if (flag === '--roles') opts.roles = value();
    else if (flag === '--skills') opts.skills = value();
    else if (flag === '--a-z') opts.aToZ = value();
    else if (flag === '-o' || flag === '--out') opts.out = value();
    else if (arg === '--fix') opts.fix = true;
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`Unknown option ${flag}.`);
    else opts.positional.push(arg);
  }
  return opts;
}

/** Chooses the framework: a file path loads it; otherwise an id or name of a loaded one. */
function chooseFramework(service: LanguageService, spec: string | undefined): void {
  if (!spec) return;
  if (existsSync(spec) && statSync(spec).isFile()) {
    const uri = pathToFileURL(resolve(spec)).toString();
    const { framework, problems } = service.registry.setFile(uri, readFileSync(spec, 'utf8'));
    if (!framework) {
      const lines = problems.map((p) => `${spec}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);
      throw new FrameworkError(`The framework file has problems:\n${lines.join('\n')}`, 'A framework file\'s fields are described under "Your own framework" in the README, and in full in data/framework.schema.json.');
    }
    service.settings = { ...service.settings, framework: framework.id };
    return;
  }
  const found = service.registry.get(spec);
  if (!found) {
    const known = service.registry.all().map((f) => f.id).join(', ');
    throw new FrameworkError(`No framework file or framework named "${spec}". Loaded frameworks: ${known}.`, '`skill-lens frameworks` lists them; --framework also takes the path of a framework file.');
  }
  service.settings = { ...service.settings, framework: found.id };
}

async function check(service: LanguageService, opts: Options): Promise<number> {
  if (opts.positional.length === 0) throw new UsageError('check needs at least one file or folder.');
  const shown = (path: string) => relative(process.cwd(), path) || path;
  // Findings the workspace ignores (.skill-lens/ignore.yaml) are not reported, as in the editor.
  service.ignoreListFor = nearestIgnoreLists((where, message) => process.stderr.write(`skill-lens: ${shown(where)}: ${message}\n`));
  // Every path is tried: one that cannot be checked is named at the end and makes the exit 2.
  const paths: ({ file: string } | Unreadable)[] = [];
  const skipped: Walk['skipped'] = [];
  for (const p of opts.positional) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(p)).isDirectory();
    } catch (error) {
      paths.push({ path: p, reason: await failureReason(p, error) });
      continue;
    }
    if (!isFolder) {
      paths.push({ file: p });
      continue;
    }
    const walked = await walkDocuments(p);
    paths.push(...walked.files.map((file) => ({ file })), ...walked.unreadable);
    skipped.push(...walked.skipped);
  }
  const results: { file: string; diagnostics: Diagnostic[] }[] = [];
  const unreadable: Unreadable[] = [];
  const unwritable: Unreadable[] = [];
  for (const p of paths) {
    if (!('file' in p)) {
      unreadable.push(p);
      continue;
    }
    const read = await readRegularFile(p.file);
    if (!('text' in read)) {
      unreadable.push({ path: p.file, reason: read.reason });
      continue;
    }
    const uri = pathToFileURL(resolve(p.file)).toString();
    let diagnostics = service.diagnostics(service.parse(uri, 0, read.text));
    if (opts.fix) {
      const fixed = fixFile(service, p.file, uri, read.text, diagnostics);
      if (typeof fixed === 'string') unwritable.push({ path: p.file, reason: fixed });
      else if (fixed) {
        diagnostics = fixed.diagnostics;
        process.stderr.write(`skill-lens: ${shown(p.file)}: fixed ${plural(fixed.count, 'finding')}\n`);
      }
    }
    results.push({ file: shown(p.file), diagnostics });
    service.forget(uri);
  }
  let errors = 0;
  let warnings = 0;
  const json: unknown[] = [];
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      const severity = SEVERITY_NAMES[d.severity ?? 1];
      if (severity === 'error') errors++;
      if (severity === 'warning') warnings++;
      if (opts.format === 'json') json.push({ file, range: d.range, severity, code: d.code, message: d.message });
      else output(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severity} ${d.code} ${d.message}\n`);
    }
  }
  if (opts.format === 'json') output(JSON.stringify(json, null, 2) + '\n');
  for (const s of skipped) process.stderr.write(`skill-lens: ${shown(s.path)}: skipped (the same folder as ${shown(s.walkedAs)}, already walked)\n`);
  for (const u of unreadable) process.stderr.write(`skill-lens: ${shown(u.path)}: cannot be checked (${u.reason})\n`);
  for (const u of unwritable) process.stderr.write(`skill-lens: ${shown(u.path)}: cannot be fixed (${u.reason})\n`);
  if (opts.format === 'text') {
    const notChecked = unreadable.length ? `; ${plural(unreadable.length, 'path')} could not be checked` : '';
    process.stderr.write(`${plural(results.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notChecked}.\n`);
  }
  return unreadable.length || unwritable.length ? 2 : errors > 0 ? 1 : 0;
}

/**
 * `check --fix`: applies every fix with one clear replacement (fixAll.ts) and writes the file
 * in place. The findings of the fixed text; undefined when there was nothing to fix; the reason
 * when the file could not be written (it is then left as it was).
 */
function fixFile(service: LanguageService, file: string, uri: string, text: string, diagnostics: Diagnostic[]): { diagnostics: Diagnostic[]; count: number } | string | undefined {
  const { edits } = fixAllEdits(diagnostics);
  if (!edits.length) return undefined;
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
  try {
    writeFileSync(file, fixed);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message;
  }
  service.forget(uri);
  return { diagnostics: service.diagnostics(service.parse(uri, 1, fixed)), count: edits.length };
}

function frameworks(service: LanguageService, opts: Options): number {
  const active = service.activeFramework();
  const list = service.registry.all().map((f) => ({ ...frameworkSummary(f, true), active: f === active }));
  if (opts.format === 'json') {
    output(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  for (const f of list) {
    output(
      `${f.active ? '*' : ' '} ${f.id.padEnd(8)} ${f.name}\n` +
        `           ${plural(f.skills, 'skill')}, ${f.skillLevels} skill-levels (${f.notDefinedLevels} not defined), ` +
        `${plural(f.roleFamilies, 'role family', 'role families')}, ${plural(f.roles, 'role')}, ${plural(f.roleLevels, 'role level')}, ` +
        `${plural(f.requirements, 'requirement')}, ${plural(f.renames, 'rename')}\n` +
        (f.imports
          ? `           imported from ${f.imports.map((i) => i.source).join(', ')}: ` +
            `${plural(f.imports.reduce((n, i) => n + i.repaired.length, 0), 'repair')}, ${f.imports.reduce((n, i) => n + i.skipped.length, 0)} skipped (--format json lists them)\n`
          : ''),
    );
  }
  return 0;
}

function importFramework(service: LanguageService, opts: Options): number {
  const [what, ...extra] = opts.positional;
  if (what !== 'ddat' || extra.length) throw new UsageError(`import takes one kind of source: ddat${what && what !== 'ddat' ? `, not "${what}"` : ''}.`);
  if (!opts.roles) throw new UsageError('import ddat needs --roles ROLES.csv (the "all roles" CSV export).');
  if (!opts.out) throw new UsageError('import ddat needs -o FILE (for example ddat.skills.yaml).');
  const embedded = service.registry.all().find((f) => f.id === 'ddat' && f.data.imports)?.data;
  if (!embedded) throw new Error('the embedded DDaT framework is missing');
  let result;
  try {
    result = importDdatFiles({ roles: opts.roles, skills: opts.skills, aToZ: opts.aToZ }, embedded);
    writeWhole(opts.out, frameworkFileText(result.data, opts.out));
  } catch (error) {
    if (error instanceof ImportInputError) {
      process.stderr.write(`skill-lens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  for (const report of result.reports) {
    const counts = Object.entries(report.counts).map(([key, value]) => `${key} ${value}`);
    output(`${report.source}: ${counts.join(', ')}\n`);
    for (const line of report.repaired) output(`  repaired: ${line}\n`);
    for (const line of report.skipped) output(`  skipped: ${line}\n`);
  }
  const roles = result.data.roles ?? [];
  output(
    `wrote ${opts.out}: ${plural(result.data.skills.length, 'skill')}, ${plural(roles.length, 'role')}, ` +
      `${plural(roles.reduce((n, r) => n + r.levels.length, 0), 'role level')}\n`,
  );
  return 0;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function show(service: LanguageService, opts: Options): number {
  const name = opts.positional.join(' ').trim();
  if (!name) throw new UsageError('show needs a skill name, e.g. skill-lens show "Information security".');
  const f = service.activeFramework();
  const found = f.lookupSkill(name);
  if (found.kind === 'ambiguous') {
    process.stderr.write(`"${name}" names ${found.candidates.length} skills: ${found.candidates.map(skillFullName).join('; ')}. Give the full name.\n`);
    return 1;
  }
  if (found.kind === 'unknown') {
    const near = f.suggestSkills(name).map(skillFullName);
    process.stderr.write(`No skill named "${name}" in ${f.shortName}.${near.length ? ` Did you mean: ${near.join('; ')}?` : ''}\n`);
    return 1;
  }
  let level;
  if (opts.level) {
    level = f.findLevel(opts.level);
    if (!level) throw new UsageError(`"${opts.level}" is not a level of ${f.shortName}: use ${f.levels.map((l) => l.id).join(', ')}.`);
  }
  if (found.kind === 'renamed') output(`("${name}" is now called "${skillFullName(found.skill)}".)\n\n`);
  output(skillMarkdown(f, found.skill, level));
  return 0;
}

/** A review's (or an advert's) levels against its role level and the next one. */
async function profile(service: LanguageService, opts: Options): Promise<number> {
  if (opts.positional.length !== 1) throw new UsageError(opts.positional.length ? 'profile takes one file.' : 'profile needs a file, e.g. skill-lens profile review.md.');
  const [file] = opts.positional;
  const shown = relative(process.cwd(), file) || file;
  const read = await readRegularFile(file);
  if (!('text' in read)) {
    process.stderr.write(`skill-lens: ${shown}: cannot be checked (${read.reason})\n`);
    return 2;
  }
  const doc = service.parse(pathToFileURL(resolve(file)).toString(), 0, read.text);
  const result = computeProfile(doc, service.frameworkOf(doc));
  if (opts.format === 'json') output(JSON.stringify(result, null, 2) + '\n');
  else if (opts.format === 'svg') output(profileSvg(result));
  else output(profileText(result));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    output(USAGE + '\n');
    return command ? 0 : 2;
  }
  const service = new LanguageService();
  // File globs match paths from the current folder, as an editor's from its workspace folder: a
  // checkout under a folder called `reviews` does not make every document in it a review.
  service.workspaceRoots = [process.cwd()];
  const opts = parseArgs(rest, command);
  chooseFramework(service, opts.framework);
  switch (command) {
    case 'check':
      return check(service, opts);
    case 'frameworks':
      return frameworks(service, opts);
    case 'show':
      return show(service, opts);
    case 'import':
      return importFramework(service, opts);
    case 'profile':
      return profile(service, opts);
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (process.exitCode !== 2) process.exitCode = code;
  },
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`skill-lens: ${e.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (e instanceof FrameworkError) {
      process.stderr.write(`skill-lens: ${e.message}\nskill-lens: ${e.hint}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`skill-lens: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    }
  },
);
