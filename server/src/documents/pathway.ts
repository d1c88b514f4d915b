// A pathway file's list of skills (`topics`, a `skills` list with levels, or the file as such a
// list), each item read into a topic with its levels, and what the next version can reuse: when
// the YAML before the topics is unchanged and the topics come last, only the topics whose lines
// changed are read again.
import type { Range } from 'vscode-languageserver-types';
import type { Framework } from '../framework/framework';
import type { LineIndex } from './lineIndex';
import { GradeLevel, Located, mention, ParsedDocument, PathwayLevel, PathwayModel, PathwayTopic, SkillMention, TextSpan, YamlProblem } from './model';
import { BrokenPart, duplicateKeys, hasAlias, mapGet, parseYaml, YamlNode, YamlScalar, YamlSeq } from '../yaml/yamlTree';
import { keepPathway, topicChunks } from './pathwayReuse';

/**
 * The pathway's list of skills: `topics`, a `skills` list whose items have levels, or the
 * whole file as such a list. Each item with its index and, for items read on their own after a
 * syntax error, the offset of the text it was read from (else 0).
 */
export interface PathwayList {
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
export function pathwayList(source: string, root: YamlNode | undefined, broken: BrokenPart[] | undefined, framework: Framework): (PathwayList & { sure: boolean }) | undefined {
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
export function located(node: YamlNode, base: number, lines: LineIndex): Range {
  return lines.range(base + node.start, base + node.end);
}

/** `description` twice in one topic: YAML keeps one of them, and the other is silently lost. */
export function duplicateKeyProblem(d: { key: YamlScalar; first: YamlScalar }, base: number, lines: LineIndex): YamlProblem {
  // No line number in the text: a topic's problems move with it when lines are added above.
  return {
    code: 'yaml-syntax',
    message: `"${d.key.value}" is given twice in this mapping: only one of them is read. Remove one, or merge them.`,
    range: located(d.key, base, lines),
  };
}

/** A node's text and place. */
export function span(node: YamlNode, text: string, base: number, lines: LineIndex): TextSpan {
  const start = base + node.start;
  const end = base + node.end;
  const startLine = lines.lineOf(start);
  const endLine = end === start ? startLine : lines.lineOf(end);
  return new TextSpan(text, startLine, start - lines.starts[startLine], endLine, end - lines.starts[endLine]);
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
export interface TopicRead {
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
export function readTopic(item: YamlNode, i: number, base: number, lines: LineIndex, list: PathwayList['key'], framework: Framework): TopicRead {
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

export function addTopic(doc: ParsedDocument, pathway: PathwayModel, read: TopicRead): void {
  if (read.mention) doc.mentions.push(read.mention);
  if (read.topic) pathway.topics.push(read.topic);
  for (const p of read.problems) doc.problems.push(p);
}

/**
 * A pathway's header and topics into the model, from the YAML read whole (`root`, or the parts
 * that parse after a syntax error), and what its next version can reuse.
 */
export function readPathway(doc: ParsedDocument, yaml: { root: YamlNode | undefined; list: PathwayList | undefined; error: boolean; block: boolean }, source: string, base: number, lines: LineIndex, framework: Framework): void {
  const { root, list } = yaml;
  const pathway = root ? readPathwayHeader(root, base, lines, doc, list) : { gradeLevels: [], topics: [] };
  doc.pathway = pathway;
  const headerMentions = doc.mentions.slice();
  const headerProblems = doc.problems.slice();
  if (!list) return;
  const read = list.items.map((item) => readTopic(item.node, item.index, base + item.base, lines, list.key, framework));
  for (const r of read) addTopic(doc, pathway, r);

  // Kept for the next version when the topics can be read one by one: YAML without errors or
  // aliases (an item that names an anchor elsewhere cannot be read alone), the list last (or the
  // whole file).
  const seq = list.seq;
  if (yaml.error || !seq || seq.items.length === 0 || (!yaml.block && hasAlias(root!))) return;
  if (root !== seq && (root?.kind !== 'map' || root.items[root.items.length - 1]?.value !== seq)) return;
  const itemLine = source.lastIndexOf('\n', seq.start - 1) + 1;
  const spans = topicChunks(source, itemLine, seq.start - itemLine);
  if (!spans || spans.length !== read.length || spans.some((c, i) => seq.items[i].start < c.start || seq.items[i].end > c.end)) return;
  keepPathway(doc, {
    framework: framework,
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
