// File-name globs from settings (`**/adverts/**/*.md`, `**/{*.skills.yaml,frameworks/*.yaml}`),
// with VS Code's glob syntax: `**`, `*`, `?`, `{a,b}` (globs inside too) and `[abc]`, ignoring
// case. Compiled once by picomatch. A glob that does not compile is reported once and skipped:
// a bad setting never stops checking, and the setting's other globs still apply.
import picomatch from 'picomatch/posix';
import { caches, OnceReporter } from '../caches';

export interface GlobProblem {
  /** The setting that holds the glob: `skillLens.frameworkFiles`. */
  setting: string;
  glob: string;
  /** Says the setting, the glob and why, for a log line or a message to the user. */
  message: string;
}

type Matcher = (path: string) => boolean;

const OPTIONS: picomatch.PicomatchOptions = {
  // `*` and `**` match names that start with a dot, as in VS Code (`.skill-lens/`).
  dot: true,
  nocase: true,
  // VS Code's syntax has no extended globs (`+(a|b)`) and no negation (`!a`).
  noextglob: true,
  nonegate: true,
  // Throw on a glob whose regular expression does not compile, rather than never match.
  debug: true,
};

const compiled = caches.map<string, Matcher | Error>();
const badGlobs = caches.own(new OnceReporter<GlobProblem>());

/** Who hears about a glob that does not compile (each setting and glob once per process). */
export function onBadGlob(fn: ((problem: GlobProblem) => void) | undefined): void {
  badGlobs.listen(fn);
}

function compile(glob: string): Matcher | Error {
  let m = compiled.get(glob);
  if (m) return m;
  try {
    if (typeof glob !== 'string' || !glob.trim()) throw new Error('it is empty');
    const re = picomatch.makeRe(glob, OPTIONS);
    // A glob without a slash also matches the base name (`*.skills.yaml` anywhere), as before.
    m = glob.includes('/') ? (path: string) => re.test(path) : (path: string) => re.test(path) || re.test(baseName(path));
  } catch (e) {
    m = e instanceof Error ? e : new Error(String(e));
  }
  compiled.set(glob, m);
  return m;
}

/** Why a glob does not compile, in words; undefined when it does. */
export function globError(glob: string): string | undefined {
  const m = compile(glob);
  return m instanceof Error ? whyNot(m) : undefined;
}

function whyNot(error: Error): string {
  return error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '').toLowerCase();
}

function report(setting: string, glob: string, error: Error): void {
  badGlobs.report(`${setting}\n${glob}`, () => {
    const why = whyNot(error);
    return {
      setting,
      glob,
      message: `The glob "${glob}" in ${setting} is not valid (${why}) and is ignored; the setting's other globs still apply.`,
    };
  });
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The path that globs match: forward slashes, a `file:` URI turned into its path, and relative to
 * the workspace folder that holds it (else as it is).
 */
export function globPath(pathOrUri: string, roots: readonly string[] = []): string {
  let p = pathOrUri;
  if (p.startsWith('file://')) {
    p = p.slice('file://'.length);
    try {
      p = decodeURIComponent(p);
    } catch {
      // A malformed escape: match the text as written.
    }
    // file:///c:/work on Windows is the path c:/work.
    if (/^\/[A-Za-z]:/.test(p)) p = p.slice(1);
  }
  p = p.replace(/\\/g, '/');
  for (const root of roots) {
    const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
    if (!r || p.length <= r.length || p[r.length] !== '/') continue;
    const head = p.slice(0, r.length);
    // Windows paths (c:/work) ignore case; others do not.
    if (head === r || (/^[A-Za-z]:/.test(r) && head.toLowerCase() === r.toLowerCase())) {
      return p.slice(r.length + 1);
    }
  }
  return p;
}

export interface MatchOptions {
  /** The setting the globs come from, named when one does not compile. */
  setting?: string;
  /** Workspace folders (paths): a path inside one is matched relative to it. */
  roots?: readonly string[];
}

/** Whether any of the globs matches the path (or `file:` URI). */
export function matchesAny(path: string, globs: readonly string[] | undefined, options: MatchOptions = {}): boolean {
  if (!globs || globs.length === 0) return false;
  const p = globPath(path, options.roots);
  let found = false;
  for (const glob of globs) {
    const m = compile(glob);
    if (m instanceof Error) report(options.setting ?? 'a file glob setting', String(glob), m);
    else if (!found && m(p)) found = true;
  }
  return found;
}
