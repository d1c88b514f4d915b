// Turns a document's text into the model the features read: kind, front matter, pathway
// structure and every skill mention with exact ranges. One pass over the lines; YAML through
// the positioned tree of yamlTree.ts. Given the model of the previous version, what an edit did
// not touch is kept: the Markdown body's unchanged sections (markdownMentions.ts) and a
// pathway's unchanged topics (below).
import type { Range } from 'vscode-languageserver-types';
import type { Framework } from '../framework/framework';
import { findBodyGrade } from './bodyGrade';
import { findBodyRole } from './bodyRole';
import { matchesAny } from './glob';
import { keepUnchanged } from './keepUnchanged';
import { LineIndex, lineRange } from './lineIndex';
import { parseMarkdownBody, type MarkdownBody } from './markdownMentions';
import { withoutHtmlComments } from './htmlComments';
import { DocumentKind, FrontMatterField, GradeLevel, LineMention, LineSpan, Located, mention, ParsedDocument, PathwayLevel, PathwayModel, PathwayTopic, SkillMention, TextSpan, YamlProblem } from './model';
import { BrokenPart, duplicateKeys, hasAlias, mapGet, parseYaml, parseYamlEntries, YamlNode, YamlParseResult, YamlScalar, YamlSeq } from '../yaml/yamlTree';
import { caches } from '../caches';

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

// What a document's next version can reuse: its body scan, its pathway topics.
const bodies = caches.weak<ParsedDocument, MarkdownBody>();
const pathways = caches.weak<ParsedDocument, PathwayYaml>();

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
    frameworkId: options.framework.id,
  };
  const isYamlFile = /\.ya?ml$/i.test(options.uri);

  // The YAML part: the whole file for .yaml, else the front matter block.
  let bodyStartLine = 0;
  // The lines the body is read from: the document's, or a copy without a glued closing `---`.
  let bodyLines = lines;
  let glued: { line: number; by: number } | undefined;
  if (isYamlFile) {
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
      const yamlEnd = bodyStartLine < lines.lineCount ? lines.starts[bodyStartLine] : text.length;
      readYamlPart(text.slice(yamlStart, yamlEnd), yamlStart, lines, doc, options, false, text);
      doc.problems.unshift({ code: 'yaml-syntax', message: 'Front matter is not closed: add a line "---" after it.', range: lineRange(0, 0, 3) });
    } else {
      doc.frontMatterRange = { start: { line: 0, character: 0 }, end: { line: close.line, character: 3 } };
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

  if (!isYamlFile) {
    bodyLines = withoutHtmlComments(bodyLines);
    if (doc.role) doc.roleSource = 'front-matter';
    else readBodyRole(doc, bodyLines, bodyStartLine, options.framework, glued);
    if (doc.grade) doc.gradeSource = 'front-matter';
    else readBodyGrade(doc, bodyLines, bodyStartLine, options.framework, glued);
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
function readBodyRole(doc: ParsedDocument, lines: LineIndex, bodyStartLine: number, framework: Framework, glued?: { line: number; by: number }): void {
  const found = findBodyRole(lines, bodyStartLine, framework);
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
function readBodyGrade(doc: ParsedDocument, lines: LineIndex, bodyStartLine: number, framework: Framework, glued?: { line: number; by: number }): void {
  const found = findBodyGrade(lines, bodyStartLine, framework);
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
  const previous = options.previous && pathways.get(options.previous);
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

  const pathway = root ? readPathwayHeader(root, base, lines, doc, list) : { gradeLevels: [], topics: [] };
  doc.pathway = pathway;
  const headerMentions = doc.mentions.slice();
  const headerProblems = doc.problems.slice();
  if (!list) return;
  const read = list.items.map((item) => readTopic(item.node, item.index, base + item.base, lines, list.key, options.framework));
  for (const r of read) addTopic(doc, pathway, r);

  // Kept for the next version when the topics can be read one by one: YAML without errors or
  // aliases (an item that names an anchor elsewhere cannot be read alone), the list last (or the
  // whole file).
  const seq = list.seq;
  if (parsed.error || !seq || seq.items.length === 0 || (!parsed.block && hasAlias(root!))) return;
  if (root !== seq && (root?.kind !== 'map' || root.items[root.items.length - 1]?.value !== seq)) return;
  const itemLine = source.lastIndexOf('\n', seq.start - 1) + 1;
  const spans = topicChunks(source, itemLine, seq.start - itemLine);
  if (!spans || spans.length !== read.length || spans.some((c, i) => seq.items[i].start < c.start || seq.items[i].end > c.end)) return;
  pathways.set(doc, {
    framework: options.framework,
    base,
    header: source.slice(0, itemLine),
    itemIndent: seq.start - itemLine,
    list: list.key,
    kind: doc.kind,
    fields: doc.fields,
    named: { framework: doc.framework, role: doc.role, grade: doc.grade },
    headerMentions,
    headerProblems,
    gradeLevels: pathway.gradeLevels,
    chunks: spans.map((c, i) => ({ text: source.slice(c.start, c.end), startLine: lines.lineOf(base + c.start), index: i, read: read[i] })),
  });
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

/**
 * The pathway's list of skills: `topics`, a `skills` list whose items have levels, or the
 * whole file as such a list. Each item with its index and, for items read on their own after a
 * syntax error, the offset of the text it was read from (else 0).
 */
interface PathwayList {
  /** The key holding the list; undefined for a file that is the list. */
  key: 'topics' | 'skills' | undefined;
  /** The list, when it was read whole. */
  seq?: YamlSeq;
  items: { node: YamlNode; index: number; base: number }[];
}

/** Keys that give an item of a list of skills its levels. */
const LEVELS_KEYS = ['pathway', 'content', 'levels'];

/** Whether a list item may be a skill with levels: `- name: Testing` with `pathway`, `content` or `levels`. */
function mayHaveLevels(item: YamlNode): boolean {
  return item.kind === 'map' && !!(mapGet(item, 'name') ?? mapGet(item, 'skill')) && LEVELS_KEYS.some((k) => mapGet(item, k));
}

/**
 * Whether it surely is: its `pathway`, `content` or `levels` give at least one level of the
 * scale. Other lists of names (`- name: build`, `content: …`) are not ours unless the file says
 * it is a pathway: their names must not be reported as unknown skills.
 */
function hasLevels(item: YamlNode, framework: Framework): boolean {
  if (!mayHaveLevels(item)) return false;
  const isLevel = (node: YamlNode | undefined) => node?.kind === 'scalar' && !!node.value && !!framework.findLevelOrNumber(node.value);
  const levelOf = (node: YamlNode) => isLevel(node) || isLevel(mapGet(node, 'level')?.value) || isLevel(mapGet(node, 'name')?.value);
  const pathway = mapGet(item, 'pathway')?.value;
  if (pathway?.kind === 'map' && pathway.items.some((i) => isLevel(i.key))) return true;
  const content = mapGet(item, 'content')?.value;
  if (content?.kind === 'seq' && content.items.some(levelOf)) return true;
  const levels = mapGet(item, 'levels')?.value;
  if (levels?.kind === 'seq') return levels.items.some(levelOf);
  return levels?.kind === 'map' && levels.items.some((i) => isLevel(i.key) || isLevel(i.value));
}

/** The pathway's list, and whether it alone makes the file a pathway (`sure`). */
function pathwayList(source: string, root: YamlNode | undefined, broken: BrokenPart[] | undefined, framework: Framework): (PathwayList & { sure: boolean }) | undefined {
  const sure = (items: PathwayList['items']) => items.some((i) => hasLevels(i.node, framework));
  const whole = (key: PathwayList['key'], seq: YamlSeq) => {
    const items = seq.items.map((node, index) => ({ node, index, base: 0 }));
    return { key, seq, items, sure: key === 'topics' || sure(items) };
  };
  const topics = mapGet(root, 'topics')?.value;
  if (topics?.kind === 'seq') return whole('topics', topics);
  const skills = mapGet(root, 'skills')?.value;
  if (skills?.kind === 'seq' && skills.items.some(mayHaveLevels)) return whole('skills', skills);
  if (root?.kind === 'seq' && root.items.some(mayHaveLevels)) return whole(undefined, root);
  let list: PathwayList | undefined;
  if (!broken) {
    // A syntax error in a file that is a list: its items one by one.
    if (!root && /^(?:[^\S\n]*(?:#.*)?\n)*-\s/.test(source)) list = itemsOnTheirOwn(undefined, source, 0, source.length);
  } else {
    // A syntax error in the list: the items that parse on their own.
    const part = broken.find((b) => b.key === 'topics' || b.key === 'skills');
    const from = part ? source.indexOf('\n', part.start) + 1 : 0;
    if (part && from > 0) list = itemsOnTheirOwn(part.key as PathwayList['key'], source, from, part.end);
  }
  if (!list || (list.key !== 'topics' && !list.items.some((i) => mayHaveLevels(i.node)))) return undefined;
  return { ...list, sure: list.key === 'topics' || sure(list.items) };
}

/** The items of a list from `from` to `to` read one by one; those that do not parse are left out. */
function itemsOnTheirOwn(key: PathwayList['key'], source: string, from: number, to: number): PathwayList | undefined {
  const first = /^(?:[^\S\n]*(?:#.*)?\n)*([^\S\n]*)-\s/.exec(source.slice(from, Math.min(to, from + 2000)));
  if (!first) return undefined;
  const spans = topicChunks(source, from + first[0].length - first[1].length - 2, first[1].length, to);
  if (!spans) return undefined;
  const items: PathwayList['items'] = [];
  spans.forEach((c, index) => {
    const item = parseYaml(source.slice(c.start, c.end)).root;
    if (item?.kind === 'seq' && item.items.length === 1) items.push({ node: item.items[0], index, base: c.start });
  });
  return { key, items };
}

/** Where a node of a tree read from offset `base` sits in the document. */
function located(node: YamlNode, base: number, lines: LineIndex): Range {
  return lines.range(base + node.start, base + node.end);
}

/** `description` twice in one topic: YAML keeps one of them, and the other is silently lost. */
function duplicateKeyProblem(d: { key: YamlScalar; first: YamlScalar }, base: number, lines: LineIndex): YamlProblem {
  // No line number in the text: a topic's problems move with it when lines are added above.
  return {
    code: 'yaml-syntax',
    message: `"${d.key.value}" is given twice in this mapping: only one of them is read. Remove one, or merge them.`,
    range: located(d.key, base, lines),
  };
}

/** A node's text and place. */
function span(node: YamlNode, text: string, base: number, lines: LineIndex): TextSpan {
  const start = base + node.start;
  const end = base + node.end;
  const startLine = lines.lineOf(start);
  const endLine = end === start ? startLine : lines.lineOf(end);
  return new TextSpan(text, startLine, start - lines.starts[startLine], endLine, end - lines.starts[endLine]);
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

/** A pathway's shape and its `levels:` map; the topics are read one by one (readTopic). */
function readPathwayHeader(root: YamlNode, base: number, lines: LineIndex, doc: ParsedDocument, list: PathwayList | undefined): PathwayModel {
  const pathway: PathwayModel = { gradeLevels: [], topics: [] };
  const problem = (node: YamlNode, message: string) => doc.problems.push({ code: 'schema', message, range: located(node, base, lines) });
  if (root.kind !== 'map') {
    if (root !== list?.seq) problem(root, 'A pathway file must be a mapping with `levels` and `topics`.');
    return pathway;
  }

  const levels = mapGet(root, 'levels');
  if (levels && levels.value.kind !== 'map') problem(levels.key, '`levels` must map each grade to a skill level, e.g. `SEO: working`.');
  if (levels?.value.kind === 'map') {
    for (const { key, value } of levels.value.items) readGrade(key, value, base, lines, problem, pathway.gradeLevels);
  }

  const topics = mapGet(root, 'topics');
  if (topics && topics.value.kind !== 'seq') problem(topics.key, '`topics` must be a list of skills, each with `name` and `pathway`.');
  return pathway;
}

/** One `grade: level` entry of a grade map, into `out`. */
function readGrade(key: YamlNode, value: YamlNode, base: number, lines: LineIndex, problem: (node: YamlNode, message: string) => void, out: GradeLevel[]): void {
  if (key.kind !== 'scalar') return;
  if (value.kind !== 'scalar' || !value.value) {
    problem(value.kind === 'scalar' ? key : value, `Grade ${key.value} needs a skill level, e.g. \`${key.value}: working\`.`);
    return;
  }
  out.push({ grade: span(key, key.value, base, lines), level: span(value, value.value, base, lines) });
}

/** What one item of `topics` gives the model. */
interface TopicRead {
  topic?: PathwayTopic;
  mention?: SkillMention;
  problems: YamlProblem[];
  /** Whether the item surely is a skill with levels (hasLevels). */
  withLevels?: boolean;
}

/** Keys of a level's statements, as different pathways name them. */
const STATEMENT_KEYS = ['indicators', 'examples', 'statements'];

/** Whether a node is empty: a value not given yet. */
function isEmpty(node: YamlNode): boolean {
  return node.kind === 'scalar' && !node.value;
}

/**
 * Item `i` of the pathway's list (`topics`, `skills` or the file itself: `list`), from a tree
 * read from offset `base`. Its levels come as `pathway.<level>`, `content[]` items with `level`,
 * `levels` as a list of levels or a grade map, or a lone `level`.
 */
function readTopic(item: YamlNode, i: number, base: number, lines: LineIndex, list: PathwayList['key'], framework: Framework): TopicRead {
  const problems: YamlProblem[] = duplicateKeys(item).map((d) => duplicateKeyProblem(d, base, lines));
  const problem = (node: YamlNode, message: string) => problems.push({ code: 'schema', message, range: located(node, base, lines) });
  const spanOf = (node: YamlNode, text: string) => span(node, text, base, lines);
  const place = list ? `${list}[${i}]` : `Item ${i + 1} of the list`;
  // Only a list other than `topics` needs to know (readTopicsAgain).
  const withLevels = list !== 'topics' && hasLevels(item, framework);
  if (item.kind !== 'map') {
    problem(item, list === 'topics' ? `topics[${i}] must be a mapping with \`name\`, \`description\` and \`pathway\`.` : `${place} must be a mapping with \`name\` and \`levels\`.`);
    return { problems };
  }
  const name = mapGet(item, 'name') ?? mapGet(item, 'skill');
  if (!name || name.value.kind !== 'scalar' || !name.value.value) {
    problem(name ? name.value : item, list === 'topics' ? `topics[${i}] needs a \`name\`: the skill this topic describes.` : `${place} needs a \`name\`: the skill it describes.`);
    return { problems, withLevels };
  }
  const description = mapGet(item, 'description')?.value;
  const topic: PathwayTopic = {
    name: spanOf(name.value, name.value.value),
    description: description?.kind === 'scalar' ? spanOf(description, description.value) : undefined,
    levels: [],
    gradeLevels: [],
  };
  const skill = topic.name.text;
  const topicMention = mention(topic.name, undefined, 'pathway-topic', `pathway:${list ?? 'list'}`, true);

  /** A level's statements: a list, or a list under any of STATEMENT_KEYS. */
  const statementsOf = (node: YamlNode): Located[] => {
    const statements: Located[] = [];
    const add = (seq: YamlSeq) => {
      for (const n of seq.items) if (n.kind === 'scalar' && n.value) statements.push(spanOf(n, n.value));
    };
    if (node.kind === 'seq') add(node);
    for (const key of STATEMENT_KEYS) {
      const found = mapGet(node, key);
      if (found?.value.kind === 'seq') add(found.value);
      else if (found && !isEmpty(found.value)) problem(found.key, `\`${key}\` must be a list of statements.`);
    }
    return statements;
  };
  /** A level written as `level`: a description and statements, if its value has them. */
  const addLevel = (level: YamlScalar, value: YamlNode | undefined, grade?: YamlNode, mapKey?: PathwayLevel['mapKey']) => {
    // `working: [statements]` lists the statements alone.
    const levelDescription = value && mapGet(value, 'description')?.value;
    topic.levels.push({
      level: spanOf(level, level.value),
      description: levelDescription?.kind === 'scalar' && levelDescription.value ? spanOf(levelDescription, levelDescription.value) : undefined,
      indicators: value ? statementsOf(value) : [],
      grade: grade?.kind === 'scalar' && grade.value ? spanOf(grade, grade.value) : undefined,
      mapKey,
    });
  };
  /** An item of `content` or of a `levels` list: `{ level: 2, grade: SEO, indicators: [...] }`, `{ name: Working, examples: [...] }` or `Working`. */
  const addLevelItem = (node: YamlNode, where: string) => {
    if (node.kind === 'scalar') {
      if (node.value) addLevel(node, undefined);
      return;
    }
    const level = mapGet(node, 'level') ?? mapGet(node, 'name');
    if (node.kind !== 'map' || !level || level.value.kind !== 'scalar' || !level.value.value) {
      problem(level ? level.value : node, `${where} of ${skill} needs a \`level\`, e.g. \`level: 2\` or \`level: working\`.`);
      return;
    }
    addLevel(level.value, node, mapGet(node, 'grade')?.value);
  };

  // `pathway: { working: { description, indicators } }`
  const levelsOfTopic = mapGet(item, 'pathway');
  if (levelsOfTopic && levelsOfTopic.value.kind !== 'map') {
    problem(levelsOfTopic.key, `\`pathway\` of ${skill} must map skill levels to a description and indicators.`);
  }
  if (levelsOfTopic?.value.kind === 'map') {
    for (const { key, value } of levelsOfTopic.value.items) {
      if (key.kind !== 'scalar') continue;
      if (value.kind !== 'map' && !isEmpty(value)) {
        problem(value, `Level ${key.value} of ${skill} must have \`description\` and \`indicators\`.`);
      }
      addLevel(key, value, undefined, 'pathway');
    }
  }

  // `content: [{ level: 2, grade: SEO, description, indicators }]`
  const content = mapGet(item, 'content');
  if (content && content.value.kind !== 'seq' && !isEmpty(content.value)) {
    problem(content.key, `\`content\` of ${skill} must be a list of levels, each with \`level\` and \`indicators\`.`);
  }
  if (content?.value.kind === 'seq') content.value.items.forEach((node, k) => addLevelItem(node, `content[${k}]`));

  // `levels: [{ name: Awareness, examples: [...] }]`, or a grade map `levels: { SEO: working }`
  // (whose keys may also be levels: `levels: { working: { indicators } }`).
  const levels = mapGet(item, 'levels');
  if (levels?.value.kind === 'seq') levels.value.items.forEach((node, k) => addLevelItem(node, `levels[${k}]`));
  else if (levels?.value.kind === 'map') {
    for (const { key, value } of levels.value.items) {
      if (key.kind !== 'scalar') continue;
      if (value.kind === 'scalar' && !framework.findLevelOrNumber(key.value) && !isDescription(value.value)) {
        readGrade(key, value, base, lines, problem, topic.gradeLevels);
      } else if (value.kind === 'scalar') {
        // `working: Can do it`: a level and its description.
        topic.levels.push({ level: spanOf(key, key.value), description: value.value ? spanOf(value, value.value) : undefined, indicators: [], mapKey: 'levels' });
      } else addLevel(key, value, undefined, 'levels');
    }
  } else if (levels && !isEmpty(levels.value)) {
    problem(levels.key, `\`levels\` of ${skill} must be a list of levels or map each grade to a level, e.g. \`SEO: working\`.`);
  }

  // `level: working`: the one level the list gives the skill.
  const one = mapGet(item, 'level')?.value;
  if (one?.kind === 'scalar' && one.value) addLevel(one, undefined);
  return { topic, mention: topicMention, problems, withLevels };
}

/** Whether a grade map's value is rather a level's description: more than three words. */
function isDescription(value: string): boolean {
  return /^\S+(\s+\S+){3}/.test(value.trim());
}

function addTopic(doc: ParsedDocument, pathway: PathwayModel, read: TopicRead): void {
  if (read.mention) doc.mentions.push(read.mention);
  if (read.topic) pathway.topics.push(read.topic);
  for (const p of read.problems) doc.problems.push(p);
}

// ---- pathways, topic by topic ---------------------------------------------------------------

/**
 * What the next version of a pathway can reuse. A topic is one item of `topics`: its lines,
 * from its `-` to the next one. When the YAML before the topics is unchanged and the topics come
 * last, only the topics whose lines changed are read again (each on its own, by the block
 * reader); the others keep their model, moved by the lines added or removed above them.
 */
interface PathwayYaml {
  framework: Framework;
  /** The document offset of the YAML. */
  base: number;
  /** The YAML before the first topic, and what it gave. */
  header: string;
  kind: DocumentKind;
  fields: Map<string, FrontMatterField>;
  named: { framework?: Located; role?: Located; grade?: Located };
  headerMentions: SkillMention[];
  headerProblems: YamlProblem[];
  gradeLevels: PathwayModel['gradeLevels'];
  /** The column of the topics' `-`. */
  itemIndent: number;
  /** The key of the list (`topics`, `skills`), or undefined for a file that is the list. */
  list: PathwayList['key'];
  chunks: TopicChunk[];
}

interface TopicChunk {
  text: string;
  startLine: number;
  /** Its place in `topics`, which problem messages name. */
  index: number;
  read: TopicRead;
}

/**
 * The topics from `from` (the first topic's line) to `to`: one [start, end) per item. Undefined
 * when anything but topics follows, or a line at the items' column is not an item.
 */
function topicChunks(source: string, from: number, itemIndent: number, to = source.length): { start: number; end: number }[] | undefined {
  const chunks: { start: number; end: number }[] = [];
  for (let pos = from; pos < to; ) {
    const nl = source.indexOf('\n', pos);
    const end = nl < 0 || nl > to ? to : nl;
    let i = pos;
    while (i < end && source.charCodeAt(i) === 32) i++;
    const c = i < end ? source.charCodeAt(i) : -1;
    if (c !== -1 && c !== 13 && c !== 35) {
      // Not blank, not a comment.
      if (c === 9 || i - pos < itemIndent) return undefined;
      if (i - pos === itemIndent) {
        const after = source.charCodeAt(i + 1);
        if (c !== 45 || !(i + 1 >= end || after === 32 || after === 13)) return undefined;
        if (chunks.length) chunks[chunks.length - 1].end = pos;
        chunks.push({ start: pos, end: to });
      }
    }
    pos = nl < 0 ? source.length : nl + 1;
  }
  return chunks.length && chunks[0].start === from ? chunks : undefined;
}

/** The pathway's new version from the previous one's, or false when it must be read whole. */
function readTopicsAgain(source: string, lines: LineIndex, doc: ParsedDocument, previous: PathwayYaml): boolean {
  const { base, header, itemIndent } = previous;
  if (source.length <= header.length || !source.startsWith(header)) return false;
  const spans = topicChunks(source, header.length, itemIndent);
  if (!spans) return false;
  const chunks: TopicChunk[] = spans.map((c, index) => ({
    text: source.slice(c.start, c.end),
    startLine: lines.lineOf(base + c.start),
    index,
    read: { problems: [] },
  }));

  // Unchanged topics keep their model, moved by the lines added or removed above them; one
  // whose problems name its place in the list is read again if that place changed.
  const { front, end } = keepUnchanged(previous.chunks, chunks, (was, now, moved) => {
    if (was.index !== now.index && was.read.problems.length) return false;
    now.read = moved === 0 ? was.read : movedTopic(was.read, moved);
    return true;
  });
  for (let i = front; i < end; i++) {
    const c = spans[i];
    // The items of a list under a key sit two collections down, those of a list file one.
    const parsed = parseYaml(source.slice(c.start, c.end), previous.list ? 2 : 1);
    const root = parsed?.root;
    // An empty item sits where the text before it ends, which this chunk alone cannot know.
    if (!root || root.kind !== 'seq' || root.items.length !== 1 || root.items[0].start === root.items[0].end || (!parsed.block && hasAlias(root))) return false;
    chunks[i].read = readTopic(root.items[0], i, base + c.start, lines, previous.list, previous.framework);
  }
  // A list other than `topics` may make the file a pathway only while some item has levels:
  // else the file is read whole, to decide its kind afresh.
  if (previous.list !== 'topics' && !chunks.some((c) => c.read.withLevels)) return false;

  doc.kind = previous.kind;
  doc.fields = previous.fields;
  doc.framework = previous.named.framework;
  doc.role = previous.named.role;
  doc.grade = previous.named.grade;
  for (const m of previous.headerMentions) doc.mentions.push(m);
  for (const p of previous.headerProblems) doc.problems.push(p);
  const pathway: PathwayModel = { gradeLevels: previous.gradeLevels, topics: [] };
  doc.pathway = pathway;
  for (const c of chunks) addTopic(doc, pathway, c.read);
  pathways.set(doc, { ...previous, chunks });
  return true;
}

/** A topic's model moved down (or up) by `lines` lines. */
function movedTopic(read: TopicRead, lines: number): TopicRead {
  const move = (l: Located) => (l as TextSpan).moved(lines);
  const topic = read.topic && {
    name: move(read.topic.name),
    description: read.topic.description && move(read.topic.description),
    levels: read.topic.levels.map((l) => ({
      level: move(l.level),
      description: l.description && move(l.description),
      indicators: l.indicators.map(move),
      grade: l.grade && move(l.grade),
      mapKey: l.mapKey,
    })),
    gradeLevels: read.topic.gradeLevels.map((g) => ({ grade: move(g.grade), level: move(g.level) })),
  };
  const shift = (r: Range): Range => ({ start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } });
  return {
    topic,
    withLevels: read.withLevels,
    // New objects: the findings kept for the old ones (features/diagnostics/) were for the old place.
    mention: read.mention && topic && mention(topic.name, undefined, read.mention.form, read.mention.group, read.mention.certain),
    problems: read.problems.map((p) => ({ ...p, range: shift(p.range) })),
  };
}


