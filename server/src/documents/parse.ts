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
import { DocumentKind, FrontMatterField, Located, mention, ParsedDocument, PathwayModel, PathwayTopic, SkillMention, TextSpan, YamlProblem } from './model';
import { parseBlockYaml, parseYaml, YamlNode, mapGet } from './yamlTree';

export interface KindGlobs {
  jobAdvert?: string[];
  pathway?: string[];
  review?: string[];
}

export interface ParseOptions {
  uri: string;
  version: number;
  framework: Framework;
  kindGlobs?: KindGlobs;
  /** The model of this document's previous version: what did not change is not read again. */
  previous?: ParsedDocument;
}

// What a document's next version can reuse: its body scan, its pathway topics.
const bodies = new WeakMap<ParsedDocument, MarkdownBody>();
const pathways = new WeakMap<ParsedDocument, PathwayYaml>();

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

export function parseDocument(text: string, options: ParseOptions): ParsedDocument {
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
  if (isYamlFile) {
    readYamlPart(text, 0, lines, doc, options, true, text);
    bodyStartLine = lines.lineCount;
  } else if (/^---\s*$/.test(lines.line(0))) {
    const end = frontMatterEnd(lines);
    if (end === -1) {
      doc.problems.push({ code: 'yaml-syntax', message: 'Front matter is not closed: add a line "---" after it.', range: lineRange(0, 0, 3) });
      doc.kind = detectKind(doc, options, false, undefined, text);
      bodyStartLine = lines.lineCount;
    } else {
      doc.frontMatterRange = { start: { line: 0, character: 0 }, end: { line: end, character: 3 } };
      const startOffset = lines.starts[1];
      readYamlPart(text.slice(startOffset, lines.starts[end]), startOffset, lines, doc, options, false, text);
      bodyStartLine = end + 1;
    }
  } else {
    doc.kind = detectKind(doc, options, false, undefined, text);
  }

  if (!isYamlFile) {
    if (doc.role) doc.roleSource = 'front-matter';
    else readBodyRole(doc, lines, bodyStartLine, options.framework);
    if (doc.grade) doc.gradeSource = 'front-matter';
    else readBodyGrade(doc, lines, bodyStartLine, options.framework);
    const previous = options.previous && bodies.get(options.previous);
    const body = parseMarkdownBody(lines, bodyStartLine, options.framework, previous);
    bodies.set(doc, body);
    doc.mentions = doc.mentions.length ? doc.mentions.concat(body.mentions) : body.mentions;
  }
  return doc;
}

/** A role named by the title or a `Role:` line, when front matter names none: it makes the
 *  document an advert when nothing else said what it is. */
function readBodyRole(doc: ParsedDocument, lines: LineIndex, bodyStartLine: number, framework: Framework): void {
  const found = findBodyRole(lines, bodyStartLine, framework);
  if (!found) return;
  if (found.role) {
    doc.role = found.located;
    doc.roleSource = found.source;
    if (doc.kind === 'unknown') {
      doc.kind = 'job-advert';
      doc.kindFromContent = true;
    }
  } else if (found.suggestions) {
    doc.roleNearMiss = { located: found.located, suggestions: found.suggestions.map((ref) => ref.level.name) };
  }
}

/** A grade given in the body, when front matter gives none. */
function readBodyGrade(doc: ParsedDocument, lines: LineIndex, bodyStartLine: number, framework: Framework): void {
  const found = findBodyGrade(lines, bodyStartLine, framework);
  if (!found) return;
  doc.grade = found.located;
  doc.gradeSource = 'body';
}

// A line of `---` or `...` (and nothing but white space after), in a multi-line search.
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[^\S\n]*$/gm;

/** The line closing the front matter (`---` or `...`), or -1: one search, not a look at every line. */
function frontMatterEnd(lines: LineIndex): number {
  if (lines.lineCount < 2) return -1;
  FRONT_MATTER_CLOSE.lastIndex = lines.starts[1];
  for (let m = FRONT_MATTER_CLOSE.exec(lines.text); m; m = FRONT_MATTER_CLOSE.exec(lines.text)) {
    // The search also starts lines after a carriage return or U+2028; a line is what ends in \n.
    const line = lines.lineOf(m.index);
    if (/^(---|\.\.\.)\s*$/.test(lines.line(line))) return line;
  }
  return -1;
}

/** Reads the YAML of a document (`source`, at offset `base`): fields, kind and pathway. */
function readYamlPart(source: string, base: number, lines: LineIndex, doc: ParsedDocument, options: ParseOptions, isYamlFile: boolean, text: string): void {
  const previous = options.previous && pathways.get(options.previous);
  if (previous && previous.framework === options.framework && previous.base === base && readTopicsAgain(source, lines, doc, previous)) return;

  const parsed = readYaml(source, base, lines, doc);
  const root = parsed?.root;
  if (root) readFields(root, base, lines, doc);
  doc.kind = detectKind(doc, options, isYamlFile, root, text);
  if (!root || doc.kind !== 'pathway') return;

  const pathway = readPathwayHeader(root, base, lines, doc);
  doc.pathway = pathway;
  const headerMentions = doc.mentions.slice();
  const headerProblems = doc.problems.slice();
  const topics = mapGet(root, 'topics');
  if (topics?.value.kind !== 'seq') return;
  const read = topics.value.items.map((item, i) => readTopic(item, i, base, lines));
  for (const r of read) addTopic(doc, pathway, r);

  // Kept for the next version when the topics can be read one by one: block YAML, topics last.
  const seq = topics.value;
  const last = (root as Extract<YamlNode, { kind: 'map' }>).items[(root as Extract<YamlNode, { kind: 'map' }>).items.length - 1];
  if (!parsed.block || last !== topics || seq.items.length === 0) return;
  const itemLine = source.lastIndexOf('\n', seq.start - 1) + 1;
  const spans = topicChunks(source, itemLine, seq.start - itemLine);
  if (!spans || spans.length !== read.length || spans.some((c, i) => seq.items[i].start < c.start || seq.items[i].end > c.end)) return;
  pathways.set(doc, {
    framework: options.framework,
    base,
    header: source.slice(0, itemLine),
    itemIndent: seq.start - itemLine,
    kind: doc.kind,
    fields: doc.fields,
    named: { framework: doc.framework, role: doc.role, grade: doc.grade },
    headerMentions,
    headerProblems,
    gradeLevels: pathway.gradeLevels,
    chunks: spans.map((c, i) => ({ text: source.slice(c.start, c.end), startLine: lines.lineOf(base + c.start), index: i, read: read[i] })),
  });
}

function readYaml(source: string, base: number, lines: LineIndex, doc: ParsedDocument): ReturnType<typeof parseYaml> | undefined {
  const result = parseYaml(source);
  if (result.error) {
    const at = lines.position(base + result.error.offset);
    const lineText = lines.line(at.line);
    // Point at the offending token, not a zero-width spot, so the squiggle is visible.
    const endChar = at.character < lineText.length ? at.character + 1 : at.character;
    const startChar = endChar === at.character && at.character > 0 ? at.character - 1 : at.character;
    doc.problems.push({ code: 'yaml-syntax', message: `YAML syntax error: ${result.error.message}.`, range: lineRange(at.line, startChar, endChar) });
    return undefined;
  }
  return result;
}

/** Where a node of a tree read from offset `base` sits in the document. */
function located(node: YamlNode, base: number, lines: LineIndex): Range {
  return lines.range(base + node.start, base + node.end);
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

  // `skills:` as a map (Skill: level) or a list of { skill|name, level }.
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

function detectKind(doc: ParsedDocument, options: ParseOptions, isYamlFile: boolean, root: YamlNode | undefined, text: string): DocumentKind {
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
    const path = decodeUri(options.uri);
    if (matchesAny(path, globs.pathway)) return 'pathway';
    if (matchesAny(path, globs.review)) return 'review';
    if (matchesAny(path, globs.jobAdvert)) return 'job-advert';
  }
  if (root && mapGet(root, 'topics')?.value.kind === 'seq') return 'pathway';
  if (isYamlFile) return 'unknown';
  const kind = kindFromContent(doc, text);
  if (kind !== 'unknown') doc.kindFromContent = true;
  return kind;
}

// What the headings (and table headers) of a document's first part say it is.
const REVIEW_HEADING = /^(?:#{1,4}\s.*\b(?:(?:performance|annual|mid-year|end[- ]of[- ]year|year-end)\s+review|appraisal|self[- ]assessment|check-?in|objectives|assessed\s+levels?)\b|\|.*\bassessed\b.*\|)/im;
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
function readPathwayHeader(root: YamlNode, base: number, lines: LineIndex, doc: ParsedDocument): PathwayModel {
  const pathway: PathwayModel = { gradeLevels: [], topics: [] };
  const problem = (node: YamlNode, message: string) => doc.problems.push({ code: 'schema', message, range: located(node, base, lines) });
  if (root.kind !== 'map') {
    problem(root, 'A pathway file must be a mapping with `levels` and `topics`.');
    return pathway;
  }

  const levels = mapGet(root, 'levels');
  if (levels && levels.value.kind !== 'map') problem(levels.key, '`levels` must map each grade to a skill level, e.g. `SEO: working`.');
  if (levels?.value.kind === 'map') {
    for (const { key, value } of levels.value.items) {
      if (key.kind !== 'scalar') continue;
      if (value.kind !== 'scalar' || !value.value) {
        problem(value.kind === 'scalar' ? key : value, `Grade ${key.value} needs a skill level, e.g. \`${key.value}: working\`.`);
        continue;
      }
      pathway.gradeLevels.push({ grade: span(key, key.value, base, lines), level: span(value, value.value, base, lines) });
    }
  }

  const topics = mapGet(root, 'topics');
  if (topics && topics.value.kind !== 'seq') problem(topics.key, '`topics` must be a list of skills, each with `name` and `pathway`.');
  return pathway;
}

/** What one item of `topics` gives the model. */
interface TopicRead {
  topic?: PathwayTopic;
  mention?: SkillMention;
  problems: YamlProblem[];
}

/** Item `i` of `topics`, from a tree read from offset `base`. */
function readTopic(item: YamlNode, i: number, base: number, lines: LineIndex): TopicRead {
  const problems: YamlProblem[] = [];
  const problem = (node: YamlNode, message: string) => problems.push({ code: 'schema', message, range: located(node, base, lines) });
  const spanOf = (node: YamlNode, text: string) => span(node, text, base, lines);
  if (item.kind !== 'map') {
    problem(item, `topics[${i}] must be a mapping with \`name\`, \`description\` and \`pathway\`.`);
    return { problems };
  }
  const name = mapGet(item, 'name');
  if (!name || name.value.kind !== 'scalar' || !name.value.value) {
    problem(name ? name.value : item, `topics[${i}] needs a \`name\`: the skill this topic describes.`);
    return { problems };
  }
  const description = mapGet(item, 'description')?.value;
  const topic: PathwayTopic = {
    name: spanOf(name.value, name.value.value),
    description: description?.kind === 'scalar' ? spanOf(description, description.value) : undefined,
    levels: [],
    checked: undefined,
  };
  const topicMention = mention(topic.name, undefined, 'pathway-topic', 'pathway:topics', true);
  const levelsOfTopic = mapGet(item, 'pathway');
  if (levelsOfTopic && levelsOfTopic.value.kind !== 'map') {
    problem(levelsOfTopic.key, `\`pathway\` of ${topic.name.text} must map skill levels to a description and indicators.`);
  }
  if (levelsOfTopic?.value.kind === 'map') {
    for (const { key, value } of levelsOfTopic.value.items) {
      if (key.kind !== 'scalar') continue;
      const levelDescription = mapGet(value, 'description')?.value;
      const indicators = mapGet(value, 'indicators');
      if (indicators && indicators.value.kind !== 'seq' && !(indicators.value.kind === 'scalar' && !indicators.value.value)) {
        problem(indicators.key, '`indicators` must be a list of statements.');
      }
      if (value.kind !== 'map' && !(value.kind === 'scalar' && !value.value)) {
        problem(value, `Level ${key.value} of ${topic.name.text} must have \`description\` and \`indicators\`.`);
      }
      const statements: Located[] = [];
      if (indicators?.value.kind === 'seq') for (const n of indicators.value.items) if (n.kind === 'scalar' && n.value) statements.push(spanOf(n, n.value));
      topic.levels.push({
        level: spanOf(key, key.value),
        description: levelDescription?.kind === 'scalar' && levelDescription.value ? spanOf(levelDescription, levelDescription.value) : undefined,
        indicators: statements,
      });
    }
  }
  return { topic, mention: topicMention, problems };
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
 * The topics from `from` (the first topic's line) on: one [start, end) per item. Undefined when
 * anything but topics follows, or a line at the items' column is not an item.
 */
function topicChunks(source: string, from: number, itemIndent: number): { start: number; end: number }[] | undefined {
  const chunks: { start: number; end: number }[] = [];
  for (let pos = from; pos < source.length; ) {
    const nl = source.indexOf('\n', pos);
    const end = nl < 0 ? source.length : nl;
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
        chunks.push({ start: pos, end: source.length });
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
    const parsed = parseBlockYaml(source.slice(c.start, c.end), 2);
    const root = parsed?.root;
    // An empty item sits where the text before it ends, which this chunk alone cannot know.
    if (!root || root.kind !== 'seq' || root.items.length !== 1 || root.items[0].start === root.items[0].end) return false;
    chunks[i].read = readTopic(root.items[0], i, base + c.start, lines);
  }

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
    levels: read.topic.levels.map((l) => ({ level: move(l.level), description: l.description && move(l.description), indicators: l.indicators.map(move) })),
    checked: undefined,
  };
  const shift = (r: Range): Range => ({ start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } });
  return {
    topic,
    // New objects, without the findings of the old place (features/diagnostics.ts).
    mention: read.mention && topic && mention(topic.name, undefined, read.mention.form, read.mention.group, read.mention.certain),
    problems: read.problems.map((p) => ({ ...p, range: shift(p.range) })),
  };
}

/** A URI's text with its %-escapes decoded; a malformed escape (`%zz`) is left as written. */
function decodeUri(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
