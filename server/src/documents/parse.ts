// Turns a document's text into the model the features read: kind, front matter, and every
// skill mention with exact ranges, the pathway's structure read by pathway.ts. One pass over the
// lines; YAML through the positioned tree of yamlTree.ts. Given the model of the previous version,
// what an edit did not touch is kept: the Markdown body's unchanged sections (markdownMentions.ts)
// and a pathway's unchanged topics (pathway.ts).
import type { Framework } from '../framework/framework';
import { findBodyGrade } from './bodyGrade';
import { findBodyRole, findRoleLinks } from './bodyRole';
import { blockMapOf, type BlockMap } from './blockMap';
import { findOtherFramework } from './otherFramework';
import { matchesAny } from './glob';
import { LineIndex, lineRange } from './lineIndex';
import { parseMarkdownBody, type MarkdownBody } from './markdownMentions';
import { withoutHtmlComments } from './htmlComments';
import { DocumentKind, FrontMatterField, LineMention, LineSpan, Located, mention, ParsedDocument, SkillMention } from './model';
import { duplicateKeys, mapGet, parseYaml, parseYamlEntries, YamlNode, YamlParseResult } from '../yaml/yamlTree';
import { caches } from '../caches';
import { duplicateKeyProblem, located, pathwayList, readPathway, span } from './pathway';
import { previousPathway, readTopicsAgain } from './pathwayReuse';

export interface KindGlobs {
  jobAdvert?: string[];
  pathway?: string[];
  review?: string[];
}

export interface ParseOptions {
  uri: string;
  version: number;
  /** The framework the document is read with, unless its front matter names another. */
  framework: Framework;
  /**
   * The framework a front matter's `framework:` names, if it is loaded: chosen once, as soon
   * as the front matter is read, and used for the rest of the document (undefined keeps
   * `framework`). The YAML and the fields are read without a framework.
   */
  chooseFramework?: (named: string) => Framework | undefined;
  kindGlobs?: KindGlobs;
  /** Workspace folders (paths): the kind globs match the path relative to the one that holds the document. */
  roots?: readonly string[];
  /** The model of this document's previous version: what did not change is not read again. */
  previous?: ParsedDocument;
}

// What a document's next version can reuse: its body scan (a pathway's topics: pathway.ts).
const bodies = caches.weak<ParsedDocument, MarkdownBody>();

const KIND_WORDS: Record<string, DocumentKind> = {
  'job-advert': 'job-advert',
  'job advert': 'job-advert',
  advert: 'job-advert',
  'job-ad': 'job-advert',
  pathway: 'pathway',
  review: 'review',
  'performance-review': 'review',
  'performance review': 'review',
};

export function parseDocument(text: string, given: ParseOptions): ParsedDocument {
  // A copy: its framework becomes the one the front matter names, once that is read.
  const options = { ...given };
  const lines = new LineIndex(text);
  const doc: ParsedDocument = {
    uri: options.uri,
    version: options.version,
    kind: 'unknown',
    fields: new Map(),
    mentions: [],
    problems: [],
    lineCount: lines.lineCount,
    lines,
    bodyStart: 0,
    frameworkId: options.framework.id,
  };
  const isYamlFile = /\.ya?ml$/i.test(options.uri);

  // The YAML part: the whole file for .yaml, else the front matter block.
  let bodyStartLine = 0;
  // The lines the body is read from: the document's, or a copy without a glued closing `---`.
  let bodyLines = lines;
  let glued: { line: number; by: number } | undefined;
  if (isYamlFile) {
    doc.yamlLines = { start: 0, end: lines.lineCount };
    readYamlPart(text, 0, lines, doc, options, true, text);
    bodyStartLine = lines.lineCount;
  } else if (/^---\s*$/.test(lines.line(0))) {
    const close = frontMatterEnd(lines);
    const yamlStart = lines.lineCount > 1 ? lines.starts[1] : text.length;
    // The problems of the lines around the YAML come first; they are added after it is read, as
    // what it gave is kept for the next version (readTopicsAgain) without them.
    if (!close) {
      // Still read what it holds, and the body after it: one slip must not hide the rest.
      bodyStartLine = unclosedFrontMatterEnd(lines);
      doc.yamlLines = { start: 1, end: bodyStartLine };
      const yamlEnd = bodyStartLine < lines.lineCount ? lines.starts[bodyStartLine] : text.length;
      readYamlPart(text.slice(yamlStart, yamlEnd), yamlStart, lines, doc, options, false, text);
      doc.problems.unshift({ code: 'yaml-syntax', message: 'Front matter is not closed: add a line "---" after it.', range: lineRange(0, 0, 3) });
    } else {
      doc.frontMatterRange = { start: { line: 0, character: 0 }, end: { line: close.line, character: 3 } };
      doc.yamlLines = { start: 1, end: close.line };
      bodyStartLine = close.line + 1;
      if (close.textStart > 0) {
        // `---## About the job`: the text after the dashes is the body's first line, read from a
        // copy where it starts the line (padded at the end, so that every offset stays put).
        const lineText = lines.line(close.line);
        const after = lineText.slice(close.textStart);
        const at = lines.starts[close.line];
        const copy = text.slice(0, at) + after + ' '.repeat(close.textStart) + text.slice(at + lineText.length);
        bodyLines = new LineIndex(copy, lines.starts);
        glued = { line: close.line, by: close.textStart };
        bodyStartLine = close.line;
      }
      readYamlPart(text.slice(yamlStart, lines.starts[close.line]), yamlStart, lines, doc, options, false, bodyLines.text);
      if (glued) {
        const after = bodyLines.line(close.line).trimEnd();
        doc.problems.unshift({
          code: 'yaml-syntax',
          message: `The front matter's closing "---" has text after it: put "${after}" on its own line.`,
          range: lineRange(close.line, close.textStart, close.textStart + after.length),
        });
      }
    }
  } else {
    doc.kind = detectKind(doc, options, false, false, text);
  }

  doc.bodyStart = bodyStartLine;
  if (!isYamlFile) {
    bodyLines = withoutHtmlComments(bodyLines);
    // The body's blocks, as it is read here; the features ask the same map (blockMap(doc)).
    const blocks = blockMapOf(lines, bodyStartLine, bodyLines);
    // A body written against another framework (SFIA's skills and codes) is read with it, when it
    // is loaded; its title is no role level of the framework in use.
    const other = doc.framework ? undefined : findOtherFramework(bodyLines, bodyStartLine);
    if (other) {
      doc.otherFramework = { ...other, located: gluedBack(other.located, glued) };
      const named = other.id === undefined ? undefined : options.chooseFramework?.(other.id);
      if (named) useFramework(doc, options, named);
    }
    if (doc.role) doc.roleSource = 'front-matter';
    else if (!other) readBodyRole(doc, blocks, options.framework, glued);
    const links = other ? [] : findRoleLinks(blocks, options.framework);
    if (links.length) doc.roleLinks = links.map((l) => ({ located: gluedBack(l.located, glued), suggestions: l.suggestions.map((ref) => ref.level.name) }));
    if (doc.grade) doc.gradeSource = 'front-matter';
    else readBodyGrade(doc, blocks, options.framework, glued);
    const previous = options.previous && bodies.get(options.previous);
    const body = parseMarkdownBody(bodyLines, bodyStartLine, options.framework, previous);
    bodies.set(doc, body);
    const mentions = glued ? body.mentions.map((m) => movedRight(m, glued)) : body.mentions;
    doc.mentions = doc.mentions.length ? doc.mentions.concat(mentions) : mentions;
  }
  return doc;
}

/** A body mention found in the copy without a glued `---`, put back where it is in the document. */
function movedRight(m: SkillMention, glued: { line: number; by: number }): SkillMention {
  const lm = m as LineMention;
  if (lm.line !== glued.line) return m;
  const by = glued.by;
  const levelBy = lm.levelText !== undefined && lm.levelLine === glued.line ? by : 0;
  return new LineMention(lm.text, lm.line, lm.start + by, lm.end + by, lm.levelText, lm.levelLine, lm.levelStart + levelBy, lm.levelEnd + levelBy, lm.form, lm.group, lm.certain);
}

/** A place on the line glued to the front matter's closing `---`, moved back to where it is in the text. */
function gluedBack(located: Located, glued?: { line: number; by: number }): Located {
  if (!glued || !(located instanceof LineSpan) || located.line !== glued.line) return located;
  return new LineSpan(located.text, located.line, located.start + glued.by, located.end + glued.by);
}

/** A role named by the title or a `Role:` line, when front matter names none: it makes the
 *  document an advert when nothing else said what it is (a byline does not: notes and check-ins
 *  carry one too). */
function readBodyRole(doc: ParsedDocument, blocks: BlockMap, framework: Framework, glued?: { line: number; by: number }): void {
  const found = findBodyRole(blocks, framework);
  if (!found) return;
  const located = gluedBack(found.located, glued);
  if (found.role) {
    doc.role = located;
    doc.roleSource = found.source;
    if (doc.kind === 'unknown' && found.source !== 'byline') {
      doc.kind = 'job-advert';
      doc.kindFromContent = true;
    }
  } else if (found.suggestions) {
    doc.roleNearMiss = { located, suggestions: found.suggestions.map((ref) => ref.level.name) };
  }
}

/** A grade given in the body, when front matter gives none. */
function readBodyGrade(doc: ParsedDocument, blocks: BlockMap, framework: Framework, glued?: { line: number; by: number }): void {
  const found = findBodyGrade(blocks, framework);
  if (!found) return;
  doc.grade = gluedBack(found.located, glued);
  doc.gradeSource = 'body';
}

// A line starting `---` or `...`, in a multi-line search.
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)/gm;

/**
 * The line closing the front matter: `---` or `...` alone, or `---` with text glued on
 * (`---## About the job`, `--- # Skills`), and where that text starts (0 when there is none).
 * One search, not a look at every line.
 */
function frontMatterEnd(lines: LineIndex): { line: number; textStart: number } | undefined {
  if (lines.lineCount < 2) return undefined;
  FRONT_MATTER_CLOSE.lastIndex = lines.starts[1];
  for (let m = FRONT_MATTER_CLOSE.exec(lines.text); m; m = FRONT_MATTER_CLOSE.exec(lines.text)) {
    // The search also starts lines after a carriage return or U+2028; a line is what ends in \n.
    const line = lines.lineOf(m.index);
    if (lines.starts[line] !== m.index) continue;
    const text = lines.line(line);
    if (/^(---|\.\.\.)\s*$/.test(text)) return { line, textStart: 0 };
    // `----` is a longer rule, and `...` with more is text; `---` then text is a slip.
    const glued = /^---(?!-)\s*/.exec(text);
    if (glued) return { line, textStart: glued[0].length };
  }
  return undefined;
}

// A line that can be a front-matter key: `role: Senior data engineer`, `"a b": c`, `skills:`.
// Greedy and without a choice of where spaces go, so that a long line costs one pass.
const KEY_LINE = /^(?:"[^"]*"\s*|'[^']*'\s*|[^\s:#'"\-?[\]{},&*!|>%@`][^:]*):(?:\s|$)/;

/**
 * Where the body starts when the front matter has no closing line: after the last line of YAML
 * (a key, a list item, an indented line) before the first line that cannot be front matter
 * (prose, a table, bold text) or a heading after a blank line. Comments and blank lines between
 * go with the body: `# Senior data engineer` is more likely a title than a comment.
 */
function unclosedFrontMatterEnd(lines: LineIndex): number {
  let lastYaml = 0;
  let blankAbove = false;
  for (let n = 1; n < lines.lineCount; n++) {
    const text = lines.line(n);
    const blank = !text.trim();
    if (text.startsWith('#')) {
      if (blankAbove && /^#{1,6}\s/.test(text)) break;
    } else if (!blank) {
      if (!(/^\s/.test(text) || /^-(\s|$)/.test(text) || KEY_LINE.test(text))) break;
      lastYaml = n;
    }
    blankAbove = blank;
  }
  return lastYaml + 1;
}

/** Reads the YAML of a document (`source`, at offset `base`): fields, kind and pathway. */
function readYamlPart(source: string, base: number, lines: LineIndex, doc: ParsedDocument, options: ParseOptions, isYamlFile: boolean, text: string): void {
  const previous = options.previous && previousPathway(options.previous);
  // An unchanged header names the same framework as before.
  if (previous && previous.framework === chosenFramework(options, previous.named.framework) && previous.base === base && readTopicsAgain(source, lines, doc, previous)) {
    useFramework(doc, options, previous.framework);
    return;
  }

  const parsed = readYaml(source, base, lines, doc);
  // With a syntax error, the entries and list items that parse on their own.
  const recovered = parsed.error ? parseYamlEntries(source) : undefined;
  const root = parsed.root ?? recovered?.root;
  if (root) readFields(root, base, lines, doc);
  useFramework(doc, options, chosenFramework(options, doc.framework));
  const list = pathwayList(source, root, recovered?.broken, options.framework);
  // Keys given twice, outside the list of topics (each topic reports its own: readTopic).
  if (root) for (const d of duplicateKeys(root, list?.seq)) doc.problems.push(duplicateKeyProblem(d, base, lines));
  doc.kind = detectKind(doc, options, isYamlFile, !!list?.sure, text);
  const isPathway = doc.kind === 'pathway';
  // A list of skills with levels is the pathway's; any other `skills:` is the advert's.
  if (root && !(isPathway && list?.key === 'skills')) readSkills(root, base, lines, doc);
  if (!isPathway || (!root && !list)) return;

  readPathway(doc, { root, list, error: !!parsed.error, block: !!parsed.block }, source, base, lines, options.framework);
}

/** The framework a document naming `named` is read with. */
function chosenFramework(options: ParseOptions, named: Located | undefined): Framework {
  return (named && options.chooseFramework?.(named.text)) || options.framework;
}

function useFramework(doc: ParsedDocument, options: ParseOptions, framework: Framework): void {
  options.framework = framework;
  doc.frameworkId = framework.id;
}

/** Parses YAML, reporting a syntax error where the parser found it. */
function readYaml(source: string, base: number, lines: LineIndex, doc: ParsedDocument): YamlParseResult {
  const result = parseYaml(source);
  if (result.error) {
    const at = lines.position(base + result.error.offset);
    const lineText = lines.line(at.line);
    // Point at the offending token, not a zero-width spot, so the squiggle is visible.
    const endChar = at.character < lineText.length ? at.character + 1 : at.character;
    const startChar = endChar === at.character && at.character > 0 ? at.character - 1 : at.character;
    doc.problems.push({ code: 'yaml-syntax', message: `YAML syntax error: ${result.error.message}.`, range: lineRange(at.line, startChar, endChar) });
  }
  return result;
}

function readFields(root: YamlNode, base: number, lines: LineIndex, doc: ParsedDocument): void {
  if (root.kind !== 'map') return;
  for (const { key, value } of root.items) {
    if (key.kind !== 'scalar') continue;
    const field: FrontMatterField = {
      key: key.value,
      // Plain `null`, `~` or nothing is YAML's null.
      value: value.kind !== 'scalar' ? undefined : value.plain && /^(null|Null|NULL|~|)$/.test(value.value) ? null : value.value,
      keyRange: located(key, base, lines),
      valueRange: value.kind === 'scalar' ? located(value, base, lines) : undefined,
    };
    doc.fields.set(key.value.toLowerCase(), field);
  }
  const text = (name: string): Located | undefined => {
    const f = doc.fields.get(name);
    if (!f || f.valueRange === undefined || typeof f.value !== 'string' || !f.value.trim()) return undefined;
    return { text: f.value, range: f.valueRange };
  };
  doc.framework = text('framework');
  doc.role = text('role');
  doc.grade = text('grade');
}

/** An advert's or review's `skills:`, as a map (Skill: level) or a list of { skill|name, level }. */
function readSkills(root: YamlNode, base: number, lines: LineIndex, doc: ParsedDocument): void {
  const skills = mapGet(root, 'skills')?.value;
  if (skills?.kind === 'map') {
    for (const { key, value } of skills.items) {
      if (key.kind !== 'scalar') continue;
      const level = value.kind === 'scalar' && value.value ? span(value, value.value, base, lines) : undefined;
      doc.mentions.push(mention(span(key, key.value, base, lines), level, 'yaml-skills', 'front-matter:skills', true));
    }
  } else if (skills?.kind === 'seq') {
    for (const item of skills.items) {
      const name = mapGet(item, 'skill')?.value ?? mapGet(item, 'name')?.value ?? (item.kind === 'scalar' ? item : undefined);
      if (!name || name.kind !== 'scalar' || !name.value) continue;
      const level = mapGet(item, 'level')?.value;
      const levelSpan = level?.kind === 'scalar' && level.value ? span(level, level.value, base, lines) : undefined;
      doc.mentions.push(mention(span(name, name.value, base, lines), levelSpan, 'yaml-skills', 'front-matter:skills', true));
    }
  }
}

/** `hasList`: the YAML holds a pathway's list of skills (`topics`, or skills with levels). */
function detectKind(doc: ParsedDocument, options: ParseOptions, isYamlFile: boolean, hasList: boolean, text: string): DocumentKind {
  const declared = doc.fields.get('kind');
  if (declared && typeof declared.value === 'string') {
    const word = declared.value.trim().toLowerCase();
    const kind = Object.hasOwn(KIND_WORDS, word) ? KIND_WORDS[word] : undefined;
    if (kind) return kind;
    if (declared.valueRange) {
      doc.problems.push({
        code: 'schema',
        message: `"${declared.value}" is not a document kind: use job-advert, pathway or review.`,
        range: declared.valueRange,
      });
    }
  }
  const globs = options.kindGlobs;
  if (globs) {
    const { uri, roots } = options;
    if (matchesAny(uri, globs.pathway, { setting: 'skillLens.documentKinds.pathway', roots })) return 'pathway';
    if (matchesAny(uri, globs.review, { setting: 'skillLens.documentKinds.review', roots })) return 'review';
    if (matchesAny(uri, globs.jobAdvert, { setting: 'skillLens.documentKinds.jobAdvert', roots })) return 'job-advert';
  }
  if (hasList) return 'pathway';
  if (isYamlFile) return 'unknown';
  const kind = kindFromContent(doc, text);
  if (kind !== 'unknown') doc.kindFromContent = true;
  return kind;
}

// What the headings (and table headers) of a document's first part say it is.
const REVIEW_HEADING = /^(?:#{1,4}\s.*\b(?:(?:performance|annual|mid-year|end[- ]of[- ]year|year-end)\s+(?:review|assessment)|appraisal|self[- ]assessment|check-?in|objectives|assessed\s+levels?)\b|\|.*\b(?:assessed|self[- ]rating|manager(?:'s)? rating)\b.*\|)/im;
const REVIEW_TITLE = /^#{1,2}\s.*\b(performance\s+)?review\b/im;
const ADVERT_HEADING =
  /^#{1,4}\s+(?:about the (?:job|role|team)|job (?:description|summary)|person specification|essential (?:criteria|skills)|desirable (?:criteria|skills)|skills(?: (?:needed|required|you(?:'|\u2019)ll need|and experience))?|responsibilities|what you(?:'|\u2019)ll do|how to apply|benefits|selection process|things you need to know|we(?:'|\u2019)ll assess you)\b/im;

/** A document's kind from what it says when nothing else does: reviews assess levels and record
 *  evidence; adverts have a role-level title or the sections adverts have. */
function kindFromContent(doc: ParsedDocument, text: string): DocumentKind {
  const head = text.slice(0, 4000);
  if (REVIEW_TITLE.test(head) || REVIEW_HEADING.test(head) || doc.fields.has('reviewee')) return 'review';
  if (doc.role || /^#{1,2}\s.*\b(job|vacancy|advert|we('| a)re hiring)\b/im.test(head) || ADVERT_HEADING.test(head)) return 'job-advert';
  return 'unknown';
}

