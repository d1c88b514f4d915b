#!/usr/bin/env node
// The command-line checker and framework browser, on the same engine as the server.
//   skill-lens check [--fix | --fix-dry-run] [--format text|json|sarif|github|codequality] [--quiet] [--max-warnings N] [--framework FILE|ID] PATHS…
//   skill-lens frameworks [--format text|json]
//   skill-lens show "SKILL" [--level LEVEL] [--framework FILE|ID]
//   skill-lens profile FILE [--format text|json|svg] [--framework FILE|ID]
//   skill-lens import ddat --roles ROLES.csv [--skills SKILLS.csv] [--a-z PAGE] -o FILE
import { existsSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService } from './languageService';
import { skillFullName } from './framework/model';
import { profileSvg, profileText } from './reviews/profile';
import { failureReason, readRegularFile, Unreadable, Walk, walkDocuments } from './workspaceFiles';
import { nodeProjectFiles } from './project/nodeProjectFiles';
import { CONFIG_FILE_NAMES } from './project/config';
import { writeIfUnchanged } from './fixFile';
import { CHECK_FORMATS, checkReport, listsSilenced, readsText, severityName, type CheckedFile, type CheckFormat } from './reports';
import { version } from '../../package.json';
import { frameworkFileText, ImportInputError, importDdatFiles, writeWhole } from '../importers/importCommand';

const USAGE = `Usage:
  skill-lens check [--fix | --fix-dry-run] [--format text|json|sarif|github|codequality] [--quiet]
                   [--max-warnings N] [--framework FILE|ID] PATHS…
  skill-lens frameworks [--format text|json]
  skill-lens show "SKILL" [--level LEVEL] [--framework FILE|ID]
  skill-lens profile FILE [--format text|json|svg] [--framework FILE|ID]
  skill-lens import ddat --roles ROLES.csv [--skills SKILLS.csv] [--a-z PAGE] -o FILE

check       checks job adverts, pathway files and reviews (.md, .markdown, .yaml, .yml;
            folders are walked, links followed). Exit 0 when there are no errors, 1 when there
            are, 2 on bad usage or when a path could not be checked (each is named on stderr).
            The project's configuration (.skill-lens.yaml in the current folder or above),
            ignore lists and framework files apply, as in the editor.
            --fix first applies, in each file, every fix of an error or warning that has one
            clear replacement (as the editor's "Fix all" does), then reports what is left;
            --fix-dry-run prints what --fix would change, as a unified diff, and writes nothing.
            --format sarif (SARIF 2.1.0, silenced findings as suppressed), github (workflow
            commands: annotations), codequality (GitLab Code Quality JSON).
            --quiet prints errors only. --max-warnings N exits 1 when there are more than N
            warnings (counted with --quiet too).
frameworks  lists the loaded frameworks with their counts.
show        prints a skill at every level (or one level) and the roles that need it.
profile     prints a review's assessed levels (an advert's levels) against its role level's
            and the next role level's, as a table, JSON or an SVG chart.
import ddat writes a framework file (FILE.skills.yaml, or .json) from the official DDaT CSV
            exports ("all roles", and optionally "all skills") and optionally a newer skills A to Z
            page, over the embedded framework; prints what it repaired and skipped.`;

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
  format: CheckFormat | 'svg';
  framework?: string;
  level?: string;
  roles?: string;
  skills?: string;
  aToZ?: string;
  out?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
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
      const formats: readonly string[] = command === 'check' ? CHECK_FORMATS : command === 'profile' ? ['text', 'json', 'svg'] : ['text', 'json'];
      if (!formats.includes(f)) throw new UsageError(`--format must be ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}, not "${f}".`);
      opts.format = f as Options['format'];
    } else if (flag === '--framework') opts.framework = value();
    else if (flag === '--level') opts.level = value();
    else if (flag === '--roles') opts.roles = value();
    else if (flag === '--skills') opts.skills = value();
    else if (flag === '--a-z') opts.aToZ = value();
    else if (flag === '-o' || flag === '--out') opts.out = value();
    else if (arg === '--fix') opts.fix = true;
    else if (arg === '--fix-dry-run') opts.fixDryRun = true;
    else if (arg === '--quiet') opts.quiet = true;
    else if (flag === '--max-warnings') opts.maxWarnings = warningCount(value());
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`Unknown option ${flag}.`);
    else opts.positional.push(arg);
  }
  return opts;
}

function warningCount(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings needs a number of warnings (0 or more), not "${text}".`);
  return Number(text);
}

/** Chooses the framework: a file path loads it; otherwise an id or name of a loaded one. */
async function chooseFramework(service: LanguageService, spec: string | undefined): Promise<void> {
  if (!spec) return;
  if (existsSync(spec) && statSync(spec).isFile()) {
    const read = await readRegularFile(spec);
    if (!('text' in read)) throw new FrameworkError(`${spec}: the framework file cannot be read (${read.reason}).`, '--framework takes the path of a framework file, or the id of a loaded framework.');
    const { framework, problems } = await service.loadFrameworkFile(pathToFileURL(resolve(spec)).toString(), read.text);
    if (!framework) {
      const lines = problems.map((p) => `${spec}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);
      throw new FrameworkError(`The framework file has problems:\n${lines.join('\n')}`, 'A framework file\'s fields are described under "Your own framework" in the README, and in full in data/framework.schema.json.');
    }
    service.configure({ framework: framework.id });
    return;
  }
  const found = service.framework(spec);
  if (!found) {
    const known = service.frameworks().map((f) => f.id).join(', ');
    throw new FrameworkError(`No framework file or framework named "${spec}". Loaded frameworks: ${known}.`, '`skill-lens frameworks` lists them; --framework also takes the path of a framework file.');
  }
  service.configure({ framework: found.id });
}

async function check(service: LanguageService, opts: Options, projectProblems: Map<string, Diagnostic[]>): Promise<number> {
  if (opts.positional.length === 0) throw new UsageError('check needs at least one file or folder.');
  if (opts.fix && opts.fixDryRun) throw new UsageError('--fix and --fix-dry-run go one at a time.');
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const uriOf = (path: string) => pathToFileURL(resolve(path)).toString();
  // Every path is tried: one that cannot be checked is named at the end and makes the exit 2.
  const paths: ({ file: string } | Unreadable)[] = [];
  const skipped: Walk['skipped'] = [];
  const excluded: string[] = [];
  for (const p of opts.positional) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(p)).isDirectory();
    } catch (error) {
      paths.push({ path: p, reason: await failureReason(p, error) });
      continue;
    }
    if (!isFolder) {
      // A file named on the command line is checked unless the project says it is no document.
      const role = service.roleOf(uriOf(p));
      if (role === 'excluded') excluded.push(p);
      else if (role === 'document') paths.push({ file: p });
      continue;
    }
    const walked = await walkDocuments(p);
    // The project's own files (configuration, ignore lists, framework files) are never checked
    // as documents, and what its configuration excludes is left out, as in the editor.
    paths.push(...walked.files.filter((file) => service.roleOf(uriOf(file)) === 'document').map((file) => ({ file })), ...walked.unreadable);
    skipped.push(...walked.skipped);
  }
  const format = opts.format === 'svg' ? 'text' : opts.format; // parseArgs refuses svg for check
  const results: CheckedFile[] = [];
  const unreadable: Unreadable[] = [];
  const unwritable: Unreadable[] = [];
  /** The configuration files and ignore lists that apply to the documents checked. */
  const applied = new Set<string>();
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
    const uri = uriOf(p.file);
    const doc = service.parse(uri, 0, read.text);
    const from = service.settingsFor(uri).from;
    for (const file of [from.config, from.ignore]) if (file) applied.add(file);
    let diagnostics = service.diagnostics(doc);
    let text = read.text;
    /** The version reported: the fixed one once a fix is written (or shown). */
    let checked = doc;
    if (opts.fix || opts.fixDryRun) {
      const fixed = service.fixAllText(doc);
      if (fixed && opts.fixDryRun) {
        output(createTwoFilesPatch(`a/${shown(p.file)}`, `b/${shown(p.file)}`, read.text, fixed.text, undefined, undefined, { context: 3 }).replace(/^=+\n/, ''));
        ({ diagnostics, text, doc: checked } = fixed);
      } else if (fixed) {
        const failed = await writeIfUnchanged(p.file, read.text, fixed.text);
        if (failed) unwritable.push({ path: p.file, reason: failed });
        else {
          ({ diagnostics, text, doc: checked } = fixed);
          process.stderr.write(`skill-lens: ${shown(p.file)}: fixed ${plural(fixed.fixed.length, 'finding')}\n`);
        }
      } else if (service.lacksFramework(doc)) {
        process.stderr.write(`skill-lens: ${shown(p.file)}: not fixed: its framework is not loaded\n`);
      }
    }
    const silenced = listsSilenced(format) ? service.silenced(checked) : [];
    results.push({ file: shown(p.file), text, diagnostics, silenced });
    service.forget(uri);
  }
  // A configuration, ignore list or framework file with problems is reported as the editor shows
  // it: those among the paths checked, and those that apply to a document checked.
  const inChecked = (path: string) => opts.positional.some((p) => isInside(path, resolve(p)));
  for (const [uri, diagnostics] of projectProblems) {
    const path = fileURLToPath(uri);
    if (!diagnostics.length || !(inChecked(path) || applied.has(uri))) continue;
    // Read again only for the formats that use its text.
    const read = readsText(format) ? await readRegularFile(path) : undefined;
    results.push({ file: shown(path), text: read && 'text' in read ? read.text : '', diagnostics, silenced: [] });
  }
  let errors = 0;
  let warnings = 0;
  for (const d of results.flatMap((r) => r.diagnostics)) {
    if (severityName(d) === 'error') errors++;
    if (severityName(d) === 'warning') warnings++;
  }
  if (!opts.fixDryRun) {
    // --quiet prints errors only; the warnings still count toward --max-warnings, as ESLint's do.
    const isError = (d: Diagnostic) => severityName(d) === 'error';
    const printed = opts.quiet ? results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter(isError), silenced: r.silenced.filter((x) => isError(x.diagnostic)) })) : results;
    const report = checkReport(format, printed, { version, root: pathToFileURL(process.cwd()).href, notChecked: unreadable, notFixed: unwritable });
    if (report) output(report);
  }
  for (const s of skipped) process.stderr.write(`skill-lens: ${shown(s.path)}: skipped (the same folder as ${shown(s.walkedAs)}, already walked)\n`);
  for (const e of excluded) process.stderr.write(`skill-lens: ${shown(e)}: not checked (excluded by the project's configuration)\n`);
  for (const u of unreadable) process.stderr.write(`skill-lens: ${shown(u.path)}: cannot be checked (${u.reason})\n`);
  for (const u of unwritable) process.stderr.write(`skill-lens: ${shown(u.path)}: cannot be fixed (${u.reason})\n`);
  if (format === 'text' || format === 'github' || opts.fixDryRun) {
    const notChecked = unreadable.length ? `; ${plural(unreadable.length, 'path')} could not be checked` : '';
    process.stderr.write(`${plural(results.length, 'file')} checked${opts.fixDryRun ? ' (nothing written)' : ''}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notChecked}.\n`);
  }
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  if (tooManyWarnings) process.stderr.write(`skill-lens: ${plural(warnings, 'warning')}, more than --max-warnings ${opts.maxWarnings} allows.\n`);
  return unreadable.length || unwritable.length ? 2 : errors > 0 || tooManyWarnings ? 1 : 0;
}

function frameworks(service: LanguageService, opts: Options): number {
  const list = service.frameworkSummaries(true);
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
  const embedded = service.frameworks().find((f) => f.id === 'ddat' && f.data.imports)?.data;
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
  output(service.skillView(skillFullName(found.skill), level) ?? '');
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
  const result = service.profile(doc);
  if (opts.format === 'json') output(JSON.stringify(result, null, 2) + '\n');
  else if (opts.format === 'svg') output(profileSvg(result));
  else output(profileText(result));
  return 0;
}

/**
 * The projects of a run: the current folder's, and for a path outside it, the path's own (its
 * framework files and configuration apply to it, as when checked from its folder).
 */
function projectRoots(cwd: string, paths: readonly string[]): string[] {
  const roots = [projectRoot(cwd)];
  for (const p of paths) {
    const full = resolve(p);
    if (roots.some((r) => isInside(full, r))) continue;
    const folder = existsSync(full) && statSync(full).isDirectory() ? full : dirname(full);
    roots.push(projectRoot(folder));
  }
  return roots;
}

/** Whether a path is a folder or inside it. */
function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The nearest folder at or above `from` that holds a configuration file, else `from`. */
function projectRoot(from: string): string {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    if (CONFIG_FILE_NAMES.some((name) => existsSync(join(folder, name)))) return folder;
    if (dirname(folder) === folder) return resolve(from);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    output(USAGE + '\n');
    return command ? 0 : 2;
  }
  const opts = parseArgs(rest, command);
  // The project is the folder of the nearest configuration file at or above the current folder,
  // else the current folder: its configuration, ignore lists and framework files are read with
  // the same code as the editor's. File globs match paths from there, as an editor's from its
  // workspace folder (a checkout under a folder called `reviews` is no folder of reviews).
  const projectProblems = new Map<string, Diagnostic[]>();
  const service = createLanguageService({
    roots: projectRoots(process.cwd(), command === 'check' || command === 'profile' ? opts.positional : []).map((r) => pathToFileURL(r).toString()),
    files: nodeProjectFiles,
    onFileProblems: (uri, diagnostics) => projectProblems.set(uri, diagnostics),
    log: (message) => process.stderr.write(`skill-lens: ${message}\n`),
  });
  await service.loadProject();
  await chooseFramework(service, opts.framework);
  switch (command) {
    case 'check':
      return check(service, opts, projectProblems);
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
