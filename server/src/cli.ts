#!/usr/bin/env node
// The command-line checker and framework browser, on the same engine as the server.
//   skill-lens check [--format text|json] [--framework FILE|ID] PATHS…
//   skill-lens frameworks [--format text|json]
//   skill-lens show "SKILL" [--level LEVEL] [--framework FILE|ID]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from './languageService';
import { frameworkSummary } from './framework/summary';
import { skillMarkdown } from './features/frameworkViews';
import { skillFullName } from './framework/model';
import { DOCUMENT_EXTENSIONS, findFiles } from './workspaceFiles';

const USAGE = `Usage:
  skill-lens check [--format text|json] [--framework FILE|ID] PATHS…
  skill-lens frameworks [--format text|json]
  skill-lens show "SKILL" [--level LEVEL] [--framework FILE|ID]

check       checks job adverts, pathway files and reviews (.md, .markdown, .yaml, .yml;
            folders are walked). Exit 0 when there are no errors, 1 when there are, 2 on bad usage.
frameworks  lists the loaded frameworks with their counts.
show        prints a skill at every level (or one level) and the roles that need it.`;

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'] as const;

class UsageError extends Error {}

interface Options {
  format: 'text' | 'json';
  framework?: string;
  level?: string;
  positional: string[];
}

function parseArgs(args: string[]): Options {
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
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not "${f}".`);
      opts.format = f;
    } else if (flag === '--framework') opts.framework = value();
    else if (flag === '--level') opts.level = value();
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
      throw new UsageError(`The framework file has problems:\n${lines.join('\n')}`);
    }
    service.settings = { ...service.settings, framework: framework.id };
    return;
  }
  const found = service.registry.get(spec);
  if (!found) {
    const known = service.registry.all().map((f) => f.id).join(', ');
    throw new UsageError(`No framework file or framework named "${spec}". Loaded frameworks: ${known}.`);
  }
  service.settings = { ...service.settings, framework: found.id };
}

async function check(service: LanguageService, opts: Options): Promise<number> {
  if (opts.positional.length === 0) throw new UsageError('check needs at least one file or folder.');
  const files: string[] = [];
  for (const p of opts.positional) {
    if (!existsSync(p)) throw new UsageError(`No such file or folder: ${p}`);
    if (statSync(p).isDirectory()) files.push(...(await findFiles(p, (rel) => DOCUMENT_EXTENSIONS.test(rel))));
    else files.push(p);
  }
  const results: { file: string; diagnostics: Diagnostic[] }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      process.stderr.write(`${file}: cannot be read (${(e as Error).message})\n`);
      continue;
    }
    const uri = pathToFileURL(resolve(file)).toString();
    const doc = service.parse(uri, 0, text);
    results.push({ file: relative(process.cwd(), file) || file, diagnostics: service.diagnostics(doc) });
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
      else process.stdout.write(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severity} ${d.code} ${d.message}\n`);
    }
  }
  if (opts.format === 'json') process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  else process.stderr.write(`${results.length} file${results.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.\n`);
  return errors > 0 ? 1 : 0;
}

function frameworks(service: LanguageService, opts: Options): number {
  const active = service.activeFramework();
  const list = service.registry.all().map((f) => ({ ...frameworkSummary(f), active: f === active }));
  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  for (const f of list) {
    process.stdout.write(
      `${f.active ? '*' : ' '} ${f.id.padEnd(8)} ${f.name}\n` +
        `           ${f.skills} skills, ${f.skillLevels} skill-levels (${f.notDefinedLevels} not defined), ` +
        `${f.roles} role famil${f.roles === 1 ? 'y' : 'ies'} with ${f.roleLevels} role levels, ${f.renames} rename${f.renames === 1 ? '' : 's'}\n`,
    );
  }
  return 0;
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
  if (found.kind === 'renamed') process.stdout.write(`("${name}" is now called "${skillFullName(found.skill)}".)\n\n`);
  process.stdout.write(skillMarkdown(f, found.skill, level));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const service = new LanguageService();
  const opts = parseArgs(rest);
  chooseFramework(service, opts.framework);
  switch (command) {
    case 'check':
      return check(service, opts);
    case 'frameworks':
      return frameworks(service, opts);
    case 'show':
      return show(service, opts);
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`skill-lens: ${e.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`skill-lens: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    }
  },
);
