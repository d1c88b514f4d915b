// Turns a document's text into the model the features read: kind, front matter, pathway
// structure and every skill mention with exact ranges. One pass over the lines; YAML through
// the positioned tree of yamlTree.ts.
import type { Range } from 'vscode-languageserver-types';
import type { Framework } from '../framework/framework';
import { matchesAny } from './glob';
import { LineIndex, lineRange } from './lineIndex';
import { parseMarkdownBody, type MarkdownBody } from './markdownMentions';
import { DocumentKind, FrontMatterField, Located, OffsetSpan, ParsedDocument, PathwayModel } from './model';
import { parseYaml, YamlNode, mapGet, toValue } from './yamlTree';

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

// What a document's next version can reuse of its body scan.
const bodies = new WeakMap<ParsedDocument, MarkdownBody>();

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
  let yamlRoot: YamlNode | undefined;
  let bodyStartLine = 0;
  if (isYamlFile) {
    yamlRoot = readYaml(text, 0, lines, doc);
    bodyStartLine = lines.lineCount;
  } else if (/^---\s*$/.test(lines.line(0))) {
    let end = -1;
    for (let n = 1; n < lines.lineCount; n++) {
      if (/^(---|\.\.\.)\s*$/.test(lines.line(n))) {
        end = n;
        break;
      }
    }
    if (end === -1) {
      doc.problems.push({ code: 'yaml-syntax', message: 'Front matter is not closed: add a line "---" after it.', range: lineRange(0, 0, 3) });
      bodyStartLine = lines.lineCount;
    } else {
      doc.frontMatterRange = { start: { line: 0, character: 0 }, end: { line: end, character: 3 } };
      const startOffset = lines.starts[1];
      yamlRoot = readYaml(text.slice(startOffset, lines.starts[end]), startOffset, lines, doc);
      bodyStartLine = end + 1;
    }
  }

  if (yamlRoot) readFields(yamlRoot, doc);
  doc.kind = detectKind(doc, options, isYamlFile, yamlRoot, text);
  if (yamlRoot && doc.kind === 'pathway') doc.pathway = readPathway(yamlRoot, doc);

  if (!isYamlFile) {
    const previous = options.previous && bodies.get(options.previous);
    const body = parseMarkdownBody(lines, bodyStartLine, options.framework, previous);
    bodies.set(doc, body);
    doc.mentions = doc.mentions.length ? doc.mentions.concat(body.mentions) : body.mentions;
  }
  return doc;
}


function readYaml(source: string, base: number, lines: LineIndex, doc: ParsedDocument): YamlNode | undefined {
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
  if (result.root) origins.set(result.root, { lines, base });
  return result.root;
}

// Each YAML tree remembers where its offsets start in the document.
const origins = new WeakMap<YamlNode, { lines: LineIndex; base: number }>();

/** Where a node of the tree under `root` sits in the document. */
function located(root: YamlNode, node: YamlNode): Range {
  const { lines, base } = origins.get(root)!;
  return lines.range(base + node.start, base + node.end);
}

/** A node's text and place; the range is worked out only if something reads it. */
function span(root: YamlNode, node: YamlNode, text: string): Located {
  const { lines, base } = origins.get(root)!;
  return new OffsetSpan(text, lines, base + node.start, base + node.end);
}

function readFields(root: YamlNode, doc: ParsedDocument): void {
  if (root.kind !== 'map') return;
  for (const { key, value } of root.items) {
    if (key.kind !== 'scalar') continue;
    const field: FrontMatterField = {
      key: key.value,
      // A pathway's `topics` is most of the file: its plain value is built only if asked for.
      get value() {
        return toValue(value);
      },
      keyRange: located(root, key),
      valueRange: value.kind === 'scalar' ? located(root, value) : undefined,
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
      doc.mentions.push({
        name: span(root, key, key.value),
        level: value.kind === 'scalar' && value.value ? span(root, value, value.value) : undefined,
        form: 'yaml-skills',
        group: 'front-matter:skills',
        certain: true,
      });
    }
  } else if (skills?.kind === 'seq') {
    for (const item of skills.items) {
      const name = mapGet(item, 'skill')?.value ?? mapGet(item, 'name')?.value ?? (item.kind === 'scalar' ? item : undefined);
      if (!name || name.kind !== 'scalar' || !name.value) continue;
      const level = mapGet(item, 'level')?.value;
      doc.mentions.push({
        name: span(root, name, name.value),
        level: level?.kind === 'scalar' && level.value ? span(root, level, level.value) : undefined,
        form: 'yaml-skills',
        group: 'front-matter:skills',
        certain: true,
      });
    }
  }
}

function detectKind(doc: ParsedDocument, options: ParseOptions, isYamlFile: boolean, root: YamlNode | undefined, text: string): DocumentKind {
  const declared = doc.fields.get('kind');
  if (declared && typeof declared.value === 'string') {
    const kind = KIND_WORDS[declared.value.trim().toLowerCase()];
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
    const path = decodeURIComponent(options.uri);
    if (matchesAny(path, globs.pathway)) return 'pathway';
    if (matchesAny(path, globs.review)) return 'review';
    if (matchesAny(path, globs.jobAdvert)) return 'job-advert';
  }
  if (root && mapGet(root, 'topics')?.value.kind === 'seq') return 'pathway';
  if (isYamlFile) return 'unknown';
  const head = text.slice(0, 2000);
  if (/^#{1,2}\s.*\b(performance\s+)?review\b/im.test(head) || doc.fields.has('reviewee')) return 'review';
  if (doc.role || /^#{1,2}\s.*\b(job|vacancy|advert|we('| a)re hiring)\b/im.test(head)) return 'job-advert';
  return 'unknown';
}

function readPathway(root: YamlNode, doc: ParsedDocument): PathwayModel {
  const pathway: PathwayModel = { gradeLevels: [], topics: [] };
  const at = (node: YamlNode) => located(root, node);
  const spanOf = (node: YamlNode, text: string) => span(root, node, text);
  const problem = (node: YamlNode, message: string) => doc.problems.push({ code: 'schema', message, range: at(node) });
  const statements = (items: YamlNode[]) => {
    const out: Located[] = [];
    for (const n of items) if (n.kind === 'scalar' && n.value) out.push(spanOf(n, n.value));
    return out;
  };
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
      pathway.gradeLevels.push({ grade: spanOf(key, key.value), level: spanOf(value, value.value) });
    }
  }

  const topics = mapGet(root, 'topics');
  if (topics && topics.value.kind !== 'seq') problem(topics.key, '`topics` must be a list of skills, each with `name` and `pathway`.');
  if (topics?.value.kind === 'seq') {
    topics.value.items.forEach((item, i) => {
      if (item.kind !== 'map') {
        problem(item, `topics[${i}] must be a mapping with \`name\`, \`description\` and \`pathway\`.`);
        return;
      }
      const name = mapGet(item, 'name');
      if (!name || name.value.kind !== 'scalar' || !name.value.value) {
        problem(name ? name.value : item, `topics[${i}] needs a \`name\`: the skill this topic describes.`);
        return;
      }
      const description = mapGet(item, 'description')?.value;
      const topic = {
        name: spanOf(name.value, name.value.value),
        description: description?.kind === 'scalar' ? spanOf(description, description.value) : undefined,
        levels: [] as PathwayModel['topics'][number]['levels'],
      };
      doc.mentions.push({ name: topic.name, form: 'pathway-topic', group: 'pathway:topics', certain: true });
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
          topic.levels.push({
            level: spanOf(key, key.value),
            description: levelDescription?.kind === 'scalar' && levelDescription.value ? spanOf(levelDescription, levelDescription.value) : undefined,
            indicators: indicators?.value.kind === 'seq' ? statements(indicators.value.items) : [],
          });
        }
      }
      pathway.topics.push(topic);
    });
  }
  return pathway;
}

