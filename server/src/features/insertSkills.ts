// Insert skills for a role level, in the document's own format: pathway topics in YAML (a YAML
// pathway, or the front matter of a Markdown one), a review's rows or sections, and in an advert
// the list, table or gov.uk style it already uses. Only the skills the document does not name
// yet are written, into the list (table, topics) it has, each as its items are written.
// Inserting a Markdown list into YAML would break the file (yaml-syntax, and every other finding
// hidden), so YAML always gets YAML, placed where YAML may go: in the list of topics, after the
// topic at the cursor.
import { dump } from 'js-yaml';
import type { Position, Range } from 'vscode-languageserver-types';
import { isTypoOf, type Framework, type RoleLevelRef } from '../framework/framework';
import { skillFullName, type LevelData, type SkillData } from '../framework/model';
import type { ParsedDocument } from '../documents/model';
import { oneLineScalar, parseYaml, type YamlMap, type YamlNode } from '../yaml/yamlTree';
import { readReview, roleStanding } from '../reviews/read';
import { coverageInsert } from '../reviews/template';
import { documentStyle, skillsText, type SkillsStyle } from './skillsText';
import { addSkillLines, skillList } from './skillLines';

export interface SkillsInsertion {
  /** What the text replaces (empty: an insertion). */
  range: Range;
  text: string;
  /** How the skills were written: `topics` in YAML, a Markdown style, or a review's rows or sections. */
  format: 'topics' | SkillsStyle | 'review-table' | 'review-sections';
}

export interface InsertOptions {
  /** The document is YAML (a .yaml file, or an untitled document in YAML mode). */
  yaml: boolean;
  /** A style asked for (a keybinding's argument), for Markdown documents: a new block at the cursor. */
  style?: SkillsStyle;
}

/** The edit that writes `role`'s skills at `cursor`, or why there is nothing to insert. */
export function insertSkills(doc: ParsedDocument, framework: Framework, role: RoleLevelRef, cursor: Position, options: InsertOptions): SkillsInsertion | { message: string } {
  const named = namedSkills(doc, framework, role);
  // What the document does not name yet: skills are not written twice (a pathway's topics, duplicate-skill).
  const wanted = role.level.skills.flatMap((req) => {
    const skill = framework.resolveSkill(req.skill);
    const level = framework.findLevel(req.level);
    return skill && level && !named.has(skill) ? [{ skill, level }] : [];
  });
  if (options.yaml || doc.kind === 'pathway' || doc.pathway) return insertTopics(doc, framework, role, cursor, options.yaml, wanted);
  if (!wanted.length) return { message: `The ${doc.kind === 'review' ? 'review' : 'document'} names each of the ${role.level.skills.length} skills of ${role.level.name} already.` };
  const at = { start: cursor, end: cursor };
  if (doc.kind === 'review' && !options.style) {
    const review = readReview(doc, framework);
    if (review.layout.form !== 'none') {
      // After the review's last assessment, as its own rows or sections are written.
      const insert = coverageInsert(doc, framework, { ...review, current: roleStanding(role, framework) }, wanted.map((w) => w.skill));
      const point = { line: insert.line, character: insert.character };
      return { range: { start: point, end: point }, text: insert.text, format: review.layout.form === 'table' ? 'review-table' : 'review-sections' };
    }
    return { range: at, text: onOwnLines(doc, cursor, reviewTable(wanted)), format: 'review-table' };
  }
  const list = options.style ? undefined : skillList(doc, cursor.line);
  if (list) {
    const insert = addSkillLines(doc, framework, list, wanted.map((w) => ({ name: skillFullName(w.skill), level: w.level })));
    const point = { line: insert.line, character: insert.character };
    const form = list[list.length - 1].form;
    return { range: { start: point, end: point }, text: insert.text, format: form === 'table' ? 'table' : form === 'govuk' ? 'govuk' : 'list' };
  }
  const style = options.style ?? documentStyle(doc);
  return { range: at, text: onOwnLines(doc, cursor, skillsText(framework, role, style, named)), format: style };
}

/**
 * The skills the document names, as the checks read its names for `role`: exactly, by an old
 * name, as the role's own variant of a shared name, or with a typo (which its finding fixes).
 */
function namedSkills(doc: ParsedDocument, framework: Framework, role: RoleLevelRef): Set<SkillData> {
  const named = new Set<SkillData>();
  for (const m of doc.mentions) {
    const found = framework.lookupSkillForRole(m.name.text, role);
    if (found.kind === 'exact' || found.kind === 'renamed') named.add(found.skill);
    else if (found.kind === 'unknown') {
      const meant = framework.suggestSkills(m.name.text).find((s) => isTypoOf(m.name.text, s));
      if (meant) named.add(meant);
    }
  }
  return named;
}

/** A skill to write, at the level the role level expects. */
interface Wanted {
  skill: SkillData;
  level: LevelData;
}

/** A review's table: the level the role level expects, and an empty evidence cell to fill. */
function reviewTable(wanted: Wanted[]): string {
  const rows = wanted.map(({ skill, level }) => `| ${skillFullName(skill)} | ${level.name.toLowerCase()} |  |`);
  return ['| Skill | Level | Evidence |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
}

/** Markdown blocks start on a line of their own, after a blank line, and end their line. */
function onOwnLines(doc: ParsedDocument, cursor: Position, text: string): string {
  const line = doc.lines.line(cursor.line);
  const before = line.slice(0, cursor.character);
  const after = line.slice(cursor.character);
  let prefix = '';
  if (before.trim()) prefix = '\n\n';
  else if (cursor.line > 0 && doc.lines.line(cursor.line - 1).trim() && !before) prefix = '\n';
  const suffix = after.trim() ? '\n' : '';
  return prefix + text + suffix;
}

/** `wanted`: the role level's skills the pathway has no topic for yet. */
function insertTopics(doc: ParsedDocument, framework: Framework, role: RoleLevelRef, cursor: Position, yaml: boolean, wanted: Wanted[]): SkillsInsertion | { message: string } {
  if (!wanted.length) return { message: `The pathway has a topic for each of the ${role.level.skills.length} skills of ${role.level.name} already.` };
  const lines = doc.lines;
  const region = yaml
    ? { start: 0, end: lines.lineCount }
    : doc.frontMatterRange
      ? { start: 1, end: doc.frontMatterRange.end.line }
      : undefined;
  const point = (line: number): Range => {
    const p = line < lines.lineCount ? { line, character: 0 } : lines.position(lines.text.length);
    return { start: p, end: p };
  };
  // Written as js-yaml writes them where the pathway has no topic to copy the layout of:
  // quoted where YAML needs it, never folded, so what is written reads back as written.
  const canonical = (indent: string) =>
    dump(wanted.map((w) => canonicalTopic(framework, w.skill, w.level)), { lineWidth: -1, noRefs: true })
      .trimEnd()
      .split('\n')
      .map((l) => indent + l)
      .join('\n') + '\n';
  // A Markdown pathway without front matter gets one, holding the topics.
  if (!region) return { range: point(0), text: `---\ntopics:\n${canonical('  ')}---\n\n`, format: 'topics' };

  // The pathway's own list: `topics`, a `skills` list, or the file itself (the parser's choice).
  const group = doc.mentions.find((m) => m.form === 'pathway-topic')?.group;
  const listKey = group === 'pathway:skills' ? 'skills' : group === 'pathway:list' ? undefined : 'topics';
  let keyLine = -1;
  if (listKey) {
    const keyPattern = new RegExp(`^${listKey}\\s*:`);
    for (let l = region.start; l < region.end; l++) {
      if (keyPattern.test(lines.line(l))) {
        keyLine = l;
        break;
      }
    }
    if (keyLine < 0) {
      // No topics yet: a `topics:` list at the end of the YAML.
      const end = lastContentLine(doc, region.start, region.end) + 1;
      const needsNewline = end >= lines.lineCount && lines.text.length > 0 && !lines.text.endsWith('\n');
      return { range: point(end), text: `${needsNewline ? '\n' : ''}topics:\n${canonical('  ')}`, format: 'topics' };
    }
    const value = lines.line(keyLine).replace(/^\w+\s*:/, '').replace(/\s#.*$/, '').trim();
    if (value === '[]') {
      // `topics: []`: the empty flow list becomes a block list.
      const start = { line: keyLine, character: lines.line(keyLine).indexOf(':') + 1 };
      const end = { line: keyLine, character: lines.line(keyLine).indexOf(']') + 1 };
      return { range: { start, end }, text: `\n${canonical('  ')}`.replace(/\n$/, ''), format: 'topics' };
    }
    if (value) return { message: `The pathway writes its ${listKey} on one line; write them as a list ("${listKey}:" then "- name: …" lines) to insert skills.` };
  }

  // The block of the list: lines indented under its key, or `- ` items at the key's own column
  // (a file that is the list: its items at the first column).
  const first = keyLine + 1;
  let blockEnd = first;
  let indent: string | undefined;
  for (let l = Math.max(first, region.start); l < region.end; l++) {
    const text = lines.line(l);
    if (!text.trim() || /^\s*#/.test(text)) continue;
    if (listKey ? !/^\s/.test(text) && !/^-(\s|$)/.test(text) : !/^[\s-]/.test(text)) break;
    indent ??= /^(\s*)-(\s|$)/.exec(text)?.[1];
    blockEnd = l + 1;
  }
  indent ??= '  ';
  const items: number[] = [];
  for (let l = first; l < blockEnd; l++) if (lines.line(l).startsWith(`${indent}- `) || lines.line(l) === `${indent}-`) items.push(l);
  // After the topic the cursor is in, else after the last one; the new ones are written as it is.
  let model = items.length - 1;
  if (items.length && cursor.line >= items[0] && cursor.line < blockEnd) model = items.filter((l) => l <= cursor.line).length - 1;
  const end = (i: number) => lastContentLine(doc, items[i], items[i + 1] ?? blockEnd) + 1;
  const at = model >= 0 ? end(model) : blockEnd;
  // The layout of that topic, or of the nearest before it that gives levels (a topic that is
  // only a name says nothing of how levels are written).
  let layout: TopicLayout | undefined;
  for (let i = model; i >= 0; i--) {
    const found = topicLayout(lines.text.slice(lines.starts[items[i]], lines.starts[end(i)] ?? lines.text.length), indent.length, framework);
    layout ??= found;
    if (found?.keys.some((k) => LEVEL_KEYS.includes(k))) {
      layout = found;
      break;
    }
  }
  const text = layout
    ? wanted.map((w) => writeTopic(layout, framework, role, w.skill, w.level)).join('')
    : canonical(indent);
  const needsNewline = at >= lines.lineCount && lines.text.length > 0 && !lines.text.endsWith('\n');
  return { range: point(at), text: (needsNewline ? '\n' : '') + text, format: 'topics' };
}

/** A topic as a pathway with no topic of its own to copy gets it. */
function canonicalTopic(framework: Framework, skill: SkillData, level: LevelData): object {
  const statements = framework.skillLevel(skill, level)?.statements ?? [];
  return {
    name: skillFullName(skill),
    ...(skill.description ? { description: skill.description } : {}),
    pathway: { [level.id]: statements.length ? { indicators: statements } : level.description ? { description: level.description } : {} },
  };
}

/** The last line in [from, to) with text that is not a comment; from - 1 when there is none. */
function lastContentLine(doc: ParsedDocument, from: number, to: number): number {
  for (let l = Math.min(to, doc.lines.lineCount) - 1; l >= from; l--) {
    const text = doc.lines.line(l);
    if (text.trim() && !/^\s*#/.test(text)) return l;
  }
  return from - 1;
}

// ---- a topic written as the pathway writes its own ------------------------------------------

type Quote = 'plain' | 'single' | 'double';

/** How one topic of the pathway is written, for new ones to be written alike. */
interface TopicLayout {
  /** The column of the item's `-`. */
  column: number;
  /** Columns from `-` to the item's first key (`- name` is 2). */
  dashGap: number;
  /** How far a mapping's keys are indented under their key. */
  step: number;
  /** How far a block list's `-` is indented under its key (0: at the key's own column). */
  listIndent: number;
  /** The topic's keys, in its order. */
  keys: string[];
  /** The keys of a level's entry (`description`, `indicators`), in order, and its statements' key. */
  entryKeys: string[];
  /** The first value under `pathway`, `content` or `levels`: a list of statements, a mapping. */
  levelsValue: Map<string, YamlNode>;
  /** Keys whose value the topic writes in flow style (`[a, b]`, `{ SEO: working }`). */
  flow: Set<string>;
  quotes: { name?: Quote; description?: Quote; statement?: Quote; level?: Quote };
  /** How levels are written: a number on the scale, a capitalised name, or the id. */
  levelForm: 'number' | 'name' | 'id';
  /** The topic's own grade map (`levels: { SEO: working }`). */
  gradeMap: boolean;
  /** `levels:` maps levels by name to their entries (`working: {…}`) rather than listing them. */
  levelsByName: boolean;
}

/** The layout of the topic written in `text` (its lines, from its `-`), whose `-` is at `column`. */
function topicLayout(text: string, column: number, framework: Framework): TopicLayout | undefined {
  const root = parseYaml(text).root;
  const item = root?.kind === 'seq' ? root.items[0] : undefined;
  if (item?.kind !== 'map') return undefined;
  const col = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const keyText = (n: YamlNode) => (n.kind === 'scalar' ? n.value : '');
  const quoteOf = (n: YamlNode | undefined): Quote | undefined => (n?.kind !== 'scalar' ? undefined : n.plain ? 'plain' : text[n.start - 1] === "'" ? 'single' : 'double');
  const isFlow = (n: YamlNode) => text[n.start] === '[' || text[n.start] === '{';
  const layout: TopicLayout = {
    column,
    dashGap: col(item.start) - column,
    step: 0,
    listIndent: -1,
    keys: item.items.map((e) => keyText(e.key)),
    entryKeys: [],
    levelsValue: new Map(),
    flow: new Set(),
    quotes: {},
    levelForm: 'id',
    gradeMap: false,
    levelsByName: false,
  };
  const level = (n: YamlNode | undefined) => {
    if (n?.kind !== 'scalar' || !n.value || layout.quotes.level) return;
    layout.quotes.level = quoteOf(n);
    layout.levelForm = /^\d+$/.test(n.value) ? 'number' : /^[A-Z]/.test(n.value) ? 'name' : 'id';
  };
  const entry = (n: YamlNode) => {
    if (n.kind === 'seq') layout.quotes.statement ??= quoteOf(n.items[0]);
    if (n.kind !== 'map') return;
    if (!layout.entryKeys.length) layout.entryKeys = n.items.map((e) => keyText(e.key));
    for (const e of n.items) if (e.value.kind === 'seq') layout.quotes.statement ??= quoteOf(e.value.items[0]);
  };
  // Indentation from any block mapping or list under a key, anywhere in the topic.
  const walk = (map: YamlMap) => {
    for (const { key, value } of map.items) {
      if (isFlow(value)) layout.flow.add(keyText(key));
      else if (value.kind === 'map' && value.items.length && !layout.step) layout.step = col(value.items[0].key.start) - col(key.start);
      else if (value.kind === 'seq' && value.items.length && layout.listIndent < 0) layout.listIndent = col(text.lastIndexOf('-', value.items[0].start)) - col(key.start);
      if (value.kind === 'map') walk(value);
      if (value.kind === 'seq') for (const i of value.items) if (i.kind === 'map' && !isFlow(i)) walk(i);
    }
  };
  walk(item);
  if (layout.step <= 0) layout.step = 2;
  if (layout.listIndent < 0) layout.listIndent = layout.step;
  for (const { key, value } of item.items) {
    const k = keyText(key);
    if (k === 'name' || k === 'skill') layout.quotes.name = quoteOf(value);
    if (k === 'description') layout.quotes.description = quoteOf(value);
    if (k === 'level') level(value);
    if (k === 'pathway' && value.kind === 'map' && value.items.length) {
      level(value.items[0].key);
      entry(value.items[0].value);
      layout.levelsValue.set(k, value.items[0].value);
    }
    if ((k === 'content' || k === 'levels') && value.kind === 'seq' && value.items.length) {
      const first = value.items[0];
      if (first.kind === 'map') {
        level((first.items.find((e) => ['level', 'name'].includes(keyText(e.key))) ?? first.items[0])?.value);
        entry(first);
      } else level(first);
      layout.levelsValue.set(k, first);
    }
    if (k === 'levels' && value.kind === 'map' && value.items.length) {
      const [{ key: first, value: v }] = value.items;
      // `SEO: working` maps grades (as the parser reads it); `working: {…}` gives levels by name.
      layout.gradeMap = v.kind === 'scalar' && !framework.findLevelOrNumber(keyText(first));
      if (layout.gradeMap) level(v);
      else {
        layout.levelsByName = true;
        level(first);
        entry(v);
      }
      layout.levelsValue.set(k, v);
    }
  }
  return layout;
}

/** A value to write: a scalar (with the quotes its kind takes in the topic), a number, a mapping, a list. */
type Out = { s: string; q?: Quote } | { n: number } | { map: [string, Out][] } | { seq: Out[] };

const STATEMENT_KEYS = ['indicators', 'examples', 'statements'];
/** The keys that give a topic its levels. */
const LEVEL_KEYS = ['pathway', 'content', 'levels', 'level'];

/** A new topic for `skill` at `level`, with the keys, quotes and indentation of the layout's topic. */
function writeTopic(layout: TopicLayout, framework: Framework, role: RoleLevelRef, skill: SkillData, level: LevelData): string {
  const statements = framework.skillLevel(skill, level)?.statements ?? [];
  const levelOut = (): Out => (layout.levelForm === 'number' ? { n: framework.levelIndex(level) + 1 } : { s: layout.levelForm === 'name' ? level.name : level.id, q: layout.quotes.level });
  const levelKey = layout.levelForm === 'number' ? String(framework.levelIndex(level) + 1) : layout.levelForm === 'name' ? level.name : level.id;
  const statementList = (): Out => ({ seq: statements.map((t) => ({ s: t, q: layout.quotes.statement })) });
  /** A level's entry as the topic's are written: its statements alone, or its keys in order; in a
   *  list of levels it names its level under its own key (`level: 2`, `name: Working`). */
  const entryOf = (model: YamlNode | undefined, inList: boolean): Out => {
    if (model?.kind === 'seq') return statementList();
    if (inList && model?.kind === 'scalar') return levelOut();
    const keys = layout.entryKeys.length ? [...layout.entryKeys] : ['indicators'];
    const own = inList ? (keys.find((k) => k === 'level' || k === 'name') ?? 'level') : undefined;
    if (own && !keys.includes(own)) keys.unshift(own);
    const statementKey = keys.find((k) => STATEMENT_KEYS.includes(k)) ?? 'indicators';
    if (!keys.includes(statementKey)) keys.push(statementKey);
    const out: [string, Out][] = [];
    for (const k of keys) {
      if (k === own) out.push([k, levelOut()]);
      else if (k === statementKey && statements.length) out.push([k, statementList()]);
      else if (k === 'description' && !statements.length && level.description) out.push([k, { s: level.description, q: layout.quotes.description }]);
      else if (k === 'grade' && role.level.grades[0]) out.push([k, { s: role.level.grades[0] }]);
    }
    return { map: out };
  };
  const topic: [string, Out][] = [];
  let leveled = false;
  for (const k of layout.keys) {
    const model = layout.levelsValue.get(k);
    if (k === 'name' || k === 'skill') topic.push([k, { s: skillFullName(skill), q: layout.quotes.name }]);
    else if (k === 'description' && skill.description) topic.push([k, { s: skill.description, q: layout.quotes.description }]);
    else if (k === 'pathway') topic.push([k, { map: [[levelKey, entryOf(model, false)]] }]);
    else if (k === 'content') topic.push([k, { seq: [entryOf(model, true)] }]);
    else if (k === 'levels' && layout.gradeMap) {
      // The role level's grades, each mapped to the level; a role level without grades gets its level alone.
      if (role.level.grades.length) topic.push([k, { map: role.level.grades.map((g): [string, Out] => [g, levelOut()]) }]);
      else topic.push(['level', levelOut()]);
    } else if (k === 'levels') topic.push([k, layout.levelsByName ? { map: [[levelKey, entryOf(model, false)]] } : { seq: [entryOf(model, true)] }]);
    else if (k === 'level') topic.push([k, levelOut()]);
    else continue;
    if (LEVEL_KEYS.includes(k)) leveled = true;
  }
  if (!leveled) topic.push(['pathway', { map: [[levelKey, entryOf(undefined, false)]] }]);
  const lines: string[] = [];
  writeMap(layout, topic, layout.column + layout.dashGap, lines);
  lines[0] = ' '.repeat(layout.column) + '-' + ' '.repeat(layout.dashGap - 1) + lines[0].slice(layout.column + layout.dashGap);
  return lines.join('\n') + '\n';
}

function writeMap(layout: TopicLayout, entries: [string, Out][], column: number, out: string[]): void {
  for (const [key, value] of entries) {
    const head = `${' '.repeat(column)}${plain(key)}:`;
    if ('s' in value || 'n' in value) out.push(`${head} ${scalar(value)}`);
    else if (layout.flow.has(key)) out.push(`${head} ${flow(value)}`);
    else if ('map' in value) {
      out.push(head);
      writeMap(layout, value.map, column + layout.step, out);
    } else {
      out.push(head);
      for (const item of value.seq) {
        const at = column + layout.listIndent;
        if ('s' in item || 'n' in item) out.push(`${' '.repeat(at)}- ${scalar(item)}`);
        else if ('map' in item) {
          const lines: string[] = [];
          writeMap(layout, item.map, at + layout.dashGap, lines);
          if (lines.length) lines[0] = ' '.repeat(at) + '-' + ' '.repeat(layout.dashGap - 1) + lines[0].slice(at + layout.dashGap);
          out.push(...lines);
        } else out.push(`${' '.repeat(at)}- ${flow(item)}`);
      }
    }
  }
}

/** A value on one line, in flow style: `[a, b]`, `{ SEO: working }`. */
function flow(value: Out): string {
  // A comma or bracket would end a plain scalar in flow style (a statement would become two).
  if ('s' in value && (!value.q || value.q === 'plain') && /[,[\]{}]/.test(value.s)) return `'${value.s.replace(/'/g, "''")}'`;
  if ('s' in value || 'n' in value) return scalar(value);
  if ('seq' in value) return `[${value.seq.map(flow).join(', ')}]`;
  return `{ ${value.map.map(([k, v]) => `${plain(k)}: ${flow(v)}`).join(', ')} }`;
}

/** A scalar in the quotes its kind has in the topic; unquoted where YAML reads it back as written. */
function scalar(value: { s: string; q?: Quote } | { n: number }): string {
  if ('n' in value) return String(value.n);
  if (value.q === 'single') return `'${value.s.replace(/'/g, "''")}'`;
  if (value.q === 'double') return JSON.stringify(value.s);
  return plain(value.s);
}

/** Plain when YAML reads the text back as the same string, else quoted (js-yaml decides). */
function plain(text: string): string {
  return oneLineScalar(text) ?? JSON.stringify(text);
}
