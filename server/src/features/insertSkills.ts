// Insert skills for a role level, in the document's own format: pathway topics in YAML (a YAML
// pathway, or the front matter of a Markdown one), a table with an evidence column in a review,
// and in an advert the list, table or gov.uk style it already uses. Inserting a Markdown list
// into YAML would break the file (yaml-syntax, and every other finding hidden), so YAML always
// gets YAML, placed where YAML may go: in the `topics:` list, after the topic at the cursor.
import { dump } from 'js-yaml';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Framework, RoleLevelRef } from '../framework/framework';
import { skillFullName } from '../framework/model';
import type { ParsedDocument } from '../documents/model';
import { documentStyle, skillsText, type SkillsStyle } from './skillsText';

export interface SkillsInsertion {
  /** What the text replaces (empty: an insertion). */
  range: Range;
  text: string;
  /** How the skills were written: `topics` in YAML, or a Markdown style. */
  format: 'topics' | SkillsStyle | 'review-table';
}

export interface InsertOptions {
  /** The document is YAML (a .yaml file, or an untitled document in YAML mode). */
  yaml: boolean;
  /** A style asked for (a keybinding's argument), for Markdown documents. */
  style?: SkillsStyle;
}

/** The edit that writes `role`'s skills at `cursor`, or why there is nothing to insert. */
export function insertSkills(doc: ParsedDocument, framework: Framework, role: RoleLevelRef, cursor: Position, options: InsertOptions): SkillsInsertion | { message: string } {
  if (options.yaml || doc.kind === 'pathway' || doc.pathway) return insertTopics(doc, framework, role, cursor, options.yaml);
  const at = { start: cursor, end: cursor };
  if (doc.kind === 'review' && !options.style) return { range: at, text: onOwnLines(doc, cursor, reviewTable(framework, role)), format: 'review-table' };
  const style = options.style ?? documentStyle(doc);
  return { range: at, text: onOwnLines(doc, cursor, skillsText(framework, role, style)), format: style };
}

/** A review's table: the level the role level expects, and an empty evidence cell to fill. */
function reviewTable(framework: Framework, role: RoleLevelRef): string {
  const rows = role.level.skills.map((req) => {
    const skill = framework.resolveSkill(req.skill);
    return `| ${skill ? skillFullName(skill) : req.skill} | ${framework.levelName(req.level).toLowerCase()} |  |`;
  });
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

function insertTopics(doc: ParsedDocument, framework: Framework, role: RoleLevelRef, cursor: Position, yaml: boolean): SkillsInsertion | { message: string } {
  // Topics the pathway has already are not written twice (duplicate-skill).
  const have = new Set<string>();
  for (const t of doc.pathway?.topics ?? []) {
    const found = framework.lookupSkill(t.name.text);
    if (found.kind === 'exact' || found.kind === 'renamed') have.add(skillFullName(found.skill));
  }
  const topics = role.level.skills
    .map((req) => ({ req, skill: framework.resolveSkill(req.skill) }))
    .filter(({ req, skill }) => !have.has(skill ? skillFullName(skill) : req.skill))
    .map(({ req, skill }) => {
      const levelEntry = skill?.levels?.[req.level];
      const statements = levelEntry?.statements ?? [];
      const levelDescription = framework.levels.find((l) => l.id === req.level)?.description;
      return {
        name: skill ? skillFullName(skill) : req.skill,
        ...(skill?.description ? { description: skill.description } : {}),
        pathway: {
          [req.level]: statements.length ? { indicators: statements } : levelDescription ? { description: levelDescription } : {},
        },
      };
    });
  if (!topics.length) return { message: `The pathway has a topic for each of the ${role.level.skills.length} skills of ${role.level.name} already.` };
  // Quoted where YAML needs it, never folded: what is written reads back as written.
  const items = (indent: string) =>
    dump(topics, { lineWidth: -1, noRefs: true })
      .trimEnd()
      .split('\n')
      .map((l) => indent + l)
      .join('\n') + '\n';

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
  // A Markdown pathway without front matter gets one, holding the topics.
  if (!region) return { range: point(0), text: `---\ntopics:\n${items('  ')}---\n\n`, format: 'topics' };

  let topicsLine = -1;
  for (let l = region.start; l < region.end; l++) {
    if (/^topics\s*:/.test(lines.line(l))) {
      topicsLine = l;
      break;
    }
  }
  if (topicsLine < 0) {
    // No topics yet: a `topics:` list at the end of the YAML.
    const end = lastContentLine(doc, region.start, region.end) + 1;
    const needsNewline = end >= lines.lineCount && lines.text.length > 0 && !lines.text.endsWith('\n');
    return { range: point(end), text: `${needsNewline ? '\n' : ''}topics:\n${items('  ')}`, format: 'topics' };
  }
  const value = lines.line(topicsLine).replace(/^topics\s*:/, '').replace(/\s#.*$/, '').trim();
  if (value === '[]') {
    // `topics: []`: the empty flow list becomes a block list.
    const start = { line: topicsLine, character: lines.line(topicsLine).indexOf(':') + 1 };
    const end = { line: topicsLine, character: lines.line(topicsLine).indexOf(']') + 1 };
    return { range: { start, end }, text: `\n${items('  ')}`.replace(/\n$/, ''), format: 'topics' };
  }
  if (value) return { message: 'The pathway writes its topics on one line; write them as a list ("topics:" then "- name: …" lines) to insert skills.' };

  // The block under `topics:`: lines indented, or `- ` items at the key's own column.
  let blockEnd = topicsLine + 1;
  let indent: string | undefined;
  for (let l = topicsLine + 1; l < region.end; l++) {
    const text = lines.line(l);
    if (!text.trim() || /^\s*#/.test(text)) continue;
    if (!/^\s/.test(text) && !/^-(\s|$)/.test(text)) break;
    indent ??= /^(\s*)-(\s|$)/.exec(text)?.[1];
    blockEnd = l + 1;
  }
  indent ??= '  ';
  // After the topic the cursor is in (before the next item), else at the end of the list.
  let at = blockEnd;
  if (cursor.line > topicsLine && cursor.line < blockEnd) {
    for (let l = cursor.line + 1; l < blockEnd; l++) {
      if (lines.line(l).startsWith(`${indent}- `) || lines.line(l) === `${indent}-`) {
        at = lastContentLine(doc, cursor.line, l) + 1;
        break;
      }
    }
  }
  const needsNewline = at >= lines.lineCount && lines.text.length > 0 && !lines.text.endsWith('\n');
  return { range: point(at), text: (needsNewline ? '\n' : '') + items(indent), format: 'topics' };
}

/** The last line in [from, to) with text that is not a comment; from - 1 when there is none. */
function lastContentLine(doc: ParsedDocument, from: number, to: number): number {
  for (let l = Math.min(to, doc.lines.lineCount) - 1; l >= from; l--) {
    const text = doc.lines.line(l);
    if (text.trim() && !/^\s*#/.test(text)) return l;
  }
  return from - 1;
}
