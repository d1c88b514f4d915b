// What a pathway's next version can reuse: when the YAML before the topics is unchanged and the
// topics come last, only the topics whose lines changed are read again (pathway.ts reads them);
// the others keep their model, moved by the lines added or removed above them.
import type { Range } from 'vscode-languageserver-types';
import type { Framework } from '../framework/framework';
import { keepUnchanged } from './keepUnchanged';
import type { LineIndex } from './lineIndex';
import { DocumentKind, FrontMatterField, Located, mention, ParsedDocument, PathwayModel, SkillMention, TextSpan, YamlProblem } from './model';
import { hasAlias, parseYaml } from '../yaml/yamlTree';
import { caches } from '../caches';
import { addTopic, readTopic, type PathwayList, type TopicRead } from './pathway';

// What a pathway's next version can reuse.
const pathways = caches.weak<ParsedDocument, PathwayYaml>();

/** What a previous version of a document left for the next to reuse. */
export function previousPathway(doc: ParsedDocument): PathwayYaml | undefined {
  return pathways.get(doc);
}

/** Keeps what a pathway's version gives its next one. */
export function keepPathway(doc: ParsedDocument, kept: PathwayYaml): void {
  pathways.set(doc, kept);
}

// ---- pathways, topic by topic ---------------------------------------------------------------

/**
 * What the next version of a pathway can reuse. A topic is one item of `topics`: its lines,
 * from its `-` to the next one. When the YAML before the topics is unchanged and the topics come
 * last, only the topics whose lines changed are read again (each on its own, by the block
 * reader); the others keep their model, moved by the lines added or removed above them.
 */
export interface PathwayYaml {
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
export function topicChunks(source: string, from: number, itemIndent: number, to = source.length): { start: number; end: number }[] | undefined {
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
export function readTopicsAgain(source: string, lines: LineIndex, doc: ParsedDocument, previous: PathwayYaml): boolean {
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
