// Findings silenced in the document itself, as markdownlint and cspell do it:
//   Markdown  <!-- skill-lens-disable-next-line unknown-skill -->   (the line below)
//             <!-- skill-lens-disable-line unknown-skill -->        (at the end of the line)
//             <!-- skill-lens-disable unknown-skill --> … <!-- skill-lens-enable -->
//   YAML      # skill-lens-disable-next-line unknown-skill          (also in front matter)
//             # skill-lens-disable … # skill-lens-enable
// No code silences every code; several codes are separated by spaces or commas.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/model';
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
const HTML_DIRECTIVE = new RegExp(String.raw`<!--\s*skill-lens-(disable-next-line|disable-line|disable|enable)${CODES}-->`, 'g');
const YAML_DIRECTIVE = new RegExp(String.raw`(?:^|\s)#\s*skill-lens-(disable-next-line|disable-line|disable|enable)${CODES}$`);

/** The directives of a document, in line order: HTML comments in Markdown, `#` comments in YAML and front matter. */
export function readDirectives(doc: ParsedDocument): Directive[] {
  const out: Directive[] = [];
  const text = doc.lines.text;
  const isYamlFile = /\.ya?ml$/i.test(doc.uri);
  const fm = doc.frontMatterRange;
  let lastLine = -1;
  // The marker is rare: jumping between its occurrences costs nothing on a long document.
  for (let i = text.indexOf(MARKER); i !== -1; i = text.indexOf(MARKER, i + MARKER.length)) {
    const line = doc.lines.position(i).line;
    if (line === lastLine) continue;
    lastLine = line;
    const lineText = doc.lines.line(line);
    const yaml = isYamlFile || (!!fm && line > fm.start.line && line < fm.end.line);
    if (yaml) {
      const m = YAML_DIRECTIVE.exec(lineText);
      if (m) out.push({ line, verb: m[1] as Verb, codes: splitCodes(m[2]) });
      continue;
    }
    for (const m of lineText.matchAll(HTML_DIRECTIVE)) out.push({ line, verb: m[1] as Verb, codes: splitCodes(m[2]) });
  }
  return out;
}

function splitCodes(text: string | undefined): string[] {
  return (text ?? '').split(/[\s,]+/).filter(Boolean);
}

/** Whether the document's directives silence a diagnostic (by the line it starts on, and its code). */
export function silencer(doc: ParsedDocument): (d: Diagnostic) => boolean {
  const directives = readDirectives(doc);
  if (!directives.length) return () => false;
  const covers = (codes: string[], code: string) => codes.length === 0 || codes.includes(code);
  return (d) => {
    const line = d.range.start.line;
    const code = String(d.code ?? '');
    // The block state at this line: every directive above it, in order.
    let all = false;
    const off = new Set<string>();
    const except = new Set<string>();
    for (const dir of directives) {
      if (dir.line === line - 1 && dir.verb === 'disable-next-line' && covers(dir.codes, code)) return true;
      if (dir.line === line && dir.verb === 'disable-line' && covers(dir.codes, code)) return true;
      if (dir.line >= line) continue;
      if (dir.verb === 'disable') {
        if (!dir.codes.length) {
          all = true;
          except.clear();
        }
        for (const c of dir.codes) (all ? except.delete(c) : off.add(c));
      } else if (dir.verb === 'enable') {
        if (!dir.codes.length) {
          all = false;
          off.clear();
          except.clear();
        }
        for (const c of dir.codes) (all ? except.add(c) : off.delete(c));
      }
    }
    return all ? !except.has(code) : off.has(code);
  };
}

/**
 * The edit that silences a diagnostic on its line. YAML (and front matter): a
 * `# skill-lens-disable-next-line CODE` line above it, with its indentation. Markdown: a
 * `<!-- skill-lens-disable-line CODE -->` comment at the end of the line, as a line between
 * would split a table, a list or a gov.uk skill and its `Level:` line (comments are not read as
 * text, so the line reads the same).
 */
export function disableLineEdit(doc: ParsedDocument, d: Diagnostic): { range: Diagnostic['range']; newText: string } {
  const line = d.range.start.line;
  const text = doc.lines.line(line);
  const code = String(d.code ?? '');
  const fm = doc.frontMatterRange;
  const yaml = /\.ya?ml$/i.test(doc.uri) || (!!fm && line > fm.start.line && line < fm.end.line);
  if (yaml) {
    return { range: at(line, 0), newText: `${/^[ \t]*/.exec(text)![0]}# skill-lens-disable-next-line ${code}${doc.lines.lineBreak(line)}` };
  }
  const end = text.replace(/\s+$/, '').length;
  return { range: at(line, end), newText: ` <!-- skill-lens-disable-line ${code} -->` };
}

function at(line: number, character: number) {
  return { start: { line, character }, end: { line, character } };
}

/** The diagnostics still reported: those no directive of the document and no workspace ignore list silences. */
export function reported(doc: ParsedDocument, diagnostics: Diagnostic[], ignore?: IgnoreList): Diagnostic[] {
  const silenced = silencer(doc);
  return diagnostics.filter((d) => !silenced(d) && !(ignore && isIgnored(ignore, doc, d)));
}

/** What silenced a finding: a disable comment in the document, or the workspace's ignore list. */
export type SilencedBy = 'comment' | 'ignore-list';

export interface SilencedFinding {
  diagnostic: Diagnostic;
  by: SilencedBy;
}

/** The diagnostics that reported() leaves out, each with what silenced it (a comment first, as there). */
export function silencedFindings(doc: ParsedDocument, diagnostics: Diagnostic[], ignore?: IgnoreList): SilencedFinding[] {
  const silenced = silencer(doc);
  const out: SilencedFinding[] = [];
  for (const d of diagnostics) {
    if (silenced(d)) out.push({ diagnostic: d, by: 'comment' });
    else if (ignore && isIgnored(ignore, doc, d)) out.push({ diagnostic: d, by: 'ignore-list' });
  }
  return out;
}
