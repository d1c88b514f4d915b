// Findings silenced in the document itself, as markdownlint and cspell do it:
//   Markdown  <!-- skill-lens-disable-next-line unknown-skill -->   (the line below)
//             <!-- skill-lens-disable-line unknown-skill -->        (at the end of the line)
//             <!-- skill-lens-disable unknown-skill --> … <!-- skill-lens-enable -->
//   YAML      # skill-lens-disable-next-line unknown-skill          (also in front matter)
//             # skill-lens-disable … # skill-lens-enable
// No code silences every code; several codes are separated by spaces or commas.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/model';
import { commentsOutsideCode } from '../markdown/code';
import { blockMap } from '../documents/blockMap';
import { blockScalarLines } from '../yaml/blockScalar';
import { isIgnored, type IgnoreList } from './ignoreList';

type Verb = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
interface Directive {
  line: number;
  verb: Verb;
  /** Empty: every code. */
  codes: string[];
}

const MARKER = 'skill-lens-';
const CODES = String.raw`((?:[\s,]+[A-Za-z][\w-]*)*)[\s,]*`;
const HTML_DIRECTIVE = new RegExp(String.raw`^<!--\s*skill-lens-(disable-next-line|disable-line|disable|enable)${CODES}-->$`);
const YAML_DIRECTIVE = new RegExp(String.raw`(?:^|\s)#\s*skill-lens-(disable-next-line|disable-line|disable|enable)${CODES}$`);

/**
 * The directives of a document, in line order: HTML comments in Markdown, `#` comments in YAML
 * and front matter. Only where they are comments: not in a code block or code span (a handbook
 * shows them there), nor in a YAML block scalar, which is text.
 */
export function readDirectives(doc: ParsedDocument): Directive[] {
  const out: Directive[] = [];
  const text = doc.lines.text;
  const bodyStart = doc.yamlLines && doc.yamlLines.start === 0 ? doc.lines.lineCount : doc.yamlLines?.end ?? 0;
  // Made when a directive is first met; each looks at every line once, from the top.
  let inBlockScalar: ((line: number) => boolean) | undefined;
  let lastLine = -1;
  // The marker is rare: jumping between its occurrences costs nothing on a long document.
  for (let i = text.indexOf(MARKER); i !== -1; i = text.indexOf(MARKER, i + MARKER.length)) {
    const line = doc.lines.position(i).line;
    if (line === lastLine) continue;
    lastLine = line;
    const lineText = doc.lines.line(line);
    if (isYamlLine(doc, line)) {
      inBlockScalar ??= blockScalarLines(doc.lines, doc.yamlLines!.start);
      if (inBlockScalar(line)) continue;
      const m = YAML_DIRECTIVE.exec(lineText);
      if (m) out.push({ line, verb: m[1] as Verb, codes: splitCodes(m[2]) });
      continue;
    }
    if (line < bodyStart || blockMap(doc).isCode(line)) continue;
    for (const [start, end] of commentsOutsideCode(lineText)) {
      const m = HTML_DIRECTIVE.exec(lineText.slice(start, end));
      if (m) out.push({ line, verb: m[1] as Verb, codes: splitCodes(m[2]) });
    }
  }
  return out;
}

/** Whether a line is read as YAML: a YAML file's, or front matter's (closed or not, as the parser reads it). */
function isYamlLine(doc: ParsedDocument, line: number): boolean {
  return !!doc.yamlLines && line >= doc.yamlLines.start && line < doc.yamlLines.end;
}

function splitCodes(text: string | undefined): string[] {
  return (text ?? '').split(/[\s,]+/).filter(Boolean);
}

/**
 * Which diagnostics the document's directives silence (by the line each starts on, and its
 * code), in the order given. One pass over the directives and the diagnostics in line order:
 * asking every directive above each finding took the square of their number (64k comments, 11 s).
 */
function silencedBy(doc: ParsedDocument, diagnostics: Diagnostic[]): boolean[] {
  const silenced = new Array<boolean>(diagnostics.length).fill(false);
  const directives = readDirectives(doc);
  if (!directives.length) return silenced;
  // What silences one line only (disable-line on it, disable-next-line above it), merged per line.
  const lineOnly = new Map<number, { all: boolean; codes: Set<string> }>();
  const blocks: Directive[] = [];
  for (const dir of directives) {
    if (dir.verb === 'disable' || dir.verb === 'enable') {
      blocks.push(dir);
      continue;
    }
    const target = dir.verb === 'disable-next-line' ? dir.line + 1 : dir.line;
    let entry = lineOnly.get(target);
    if (!entry) lineOnly.set(target, (entry = { all: false, codes: new Set() }));
    if (!dir.codes.length) entry.all = true;
    for (const c of dir.codes) entry.codes.add(c);
  }
  const order = diagnostics.map((_, i) => i).sort((a, b) => diagnostics[a].range.start.line - diagnostics[b].range.start.line);
  // The block state at a line: every disable and enable above it, in order.
  let all = false;
  const off = new Set<string>();
  const except = new Set<string>();
  let next = 0;
  for (const i of order) {
    const line = diagnostics[i].range.start.line;
    const code = String(diagnostics[i].code ?? '');
    for (; next < blocks.length && blocks[next].line < line; next++) {
      const dir = blocks[next];
      if (dir.verb === 'disable') {
        if (!dir.codes.length) {
          all = true;
          except.clear();
        }
        for (const c of dir.codes) (all ? except.delete(c) : off.add(c));
      } else {
        if (!dir.codes.length) {
          all = false;
          off.clear();
          except.clear();
        }
        for (const c of dir.codes) (all ? except.add(c) : off.delete(c));
      }
    }
    const only = lineOnly.get(line);
    silenced[i] = (!!only && (only.all || only.codes.has(code))) || (all ? !except.has(code) : off.has(code));
  }
  return silenced;
}

/**
 * The edit that silences a diagnostic on its line, in the syntax of where the line is, as the
 * parser reads it. YAML (a YAML file, front matter closed or not): a
 * `# skill-lens-disable-next-line CODE` line above it, with its indentation. Markdown: a
 * `<!-- skill-lens-disable-line CODE -->` comment at the end of the line, as a line between
 * would split a table, a list or a gov.uk skill and its `Level:` line (comments are not read as
 * text, so the line reads the same).
 */
export function disableLineEdit(doc: ParsedDocument, d: Diagnostic): { range: Diagnostic['range']; newText: string } {
  const line = d.range.start.line;
  const text = doc.lines.line(line);
  const code = String(d.code ?? '');
  if (isYamlLine(doc, line)) {
    return { range: at(line, 0), newText: `${/^[ \t]*/.exec(text)![0]}# skill-lens-disable-next-line ${code}${doc.lines.lineBreak(line)}` };
  }
  const end = text.replace(/\s+$/, '').length;
  return { range: at(line, end), newText: ` <!-- skill-lens-disable-line ${code} -->` };
}

function at(line: number, character: number) {
  return { start: { line, character }, end: { line, character } };
}

/** What silenced a finding: a disable comment in the document, or the workspace's ignore list. */
export type SilencedBy = 'comment' | 'ignore-list';

export interface SilencedFinding {
  diagnostic: Diagnostic;
  by: SilencedBy;
}

/**
 * The diagnostics still reported (those no directive of the document and no workspace ignore
 * list silences), and those left out, each with what silenced it (a comment first), both in the
 * order given.
 */
export function applySilencing(doc: ParsedDocument, diagnostics: Diagnostic[], ignore?: IgnoreList): { reported: Diagnostic[]; silenced: SilencedFinding[] } {
  const byComment = silencedBy(doc, diagnostics);
  const reported: Diagnostic[] = [];
  const silenced: SilencedFinding[] = [];
  diagnostics.forEach((d, i) => {
    if (byComment[i]) silenced.push({ diagnostic: d, by: 'comment' });
    else if (ignore && isIgnored(ignore, doc, d)) silenced.push({ diagnostic: d, by: 'ignore-list' });
    else reported.push(d);
  });
  return { reported, silenced };
}
