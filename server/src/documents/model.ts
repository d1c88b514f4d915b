// The parsed model of one document: what the features read. Built once per document version
// by parseDocument() and cached; features never re-scan the text.
import type { Position, Range } from 'vscode-languageserver-types';
import type { LineIndex } from './lineIndex';

export type DocumentKind = 'job-advert' | 'pathway' | 'review' | 'unknown';

/** A piece of source text and where it sits. */
export interface Located {
  readonly text: string;
  readonly range: Range;
}

/**
 * A Located on one line whose Range is built when first read: a long advert holds tens of
 * thousands of names and levels, and only the few that are reported or pointed at need one.
 */
export class LineSpan implements Located {
  private built?: Range = undefined;
  constructor(
    readonly text: string,
    readonly line: number,
    readonly start: number,
    readonly end: number,
  ) {}

  get range(): Range {
    return (this.built ??= { start: { line: this.line, character: this.start }, end: { line: this.line, character: this.end } });
  }

  covers(pos: Position): boolean {
    return onLine(this.line, this.start, this.end, pos);
  }
}

/** Whether a position is on `line` between `start` and `end` (ends included). */
function onLine(line: number, start: number, end: number, pos: Position): boolean {
  return pos.line === line && pos.character >= start && pos.character <= end;
}

/** A Located that may run over several lines (a YAML scalar), its Range made when first read. */
export class TextSpan implements Located {
  private built?: Range = undefined;
  constructor(
    readonly text: string,
    readonly startLine: number,
    readonly startChar: number,
    readonly endLine: number,
    readonly endChar: number,
  ) {}

  get range(): Range {
    return (this.built ??= { start: { line: this.startLine, character: this.startChar }, end: { line: this.endLine, character: this.endChar } });
  }

  covers(pos: Position): boolean {
    const afterStart = pos.line > this.startLine || (pos.line === this.startLine && pos.character >= this.startChar);
    const beforeEnd = pos.line < this.endLine || (pos.line === this.endLine && pos.character <= this.endChar);
    return afterStart && beforeEnd;
  }

  /** The same text, `lines` lines further down (or up). */
  moved(lines: number): TextSpan {
    return new TextSpan(this.text, this.startLine + lines, this.startChar, this.endLine + lines, this.endChar);
  }
}

/**
 * Whether a position falls within a Located (ends included), without building its Range: a
 * hover looks through every mention of a long advert.
 */
export function covers(l: Located, pos: Position): boolean {
  if (l instanceof LineSpan || l instanceof TextSpan) return l.covers(pos);
  const r = l.range;
  const afterStart = pos.line > r.start.line || (pos.line === r.start.line && pos.character >= r.start.character);
  const beforeEnd = pos.line < r.end.line || (pos.line === r.end.line && pos.character <= r.end.character);
  return afterStart && beforeEnd;
}

/** How a skill mention was written (README, "What it checks"). */
export type MentionForm =
  | 'govuk' // skill line or heading, then `Level: working`
  | 'inline' // **Skill** (level), Skill: level, Skill - level, Skill — level
  | 'table' // a Markdown table with a skill column and a level column
  | 'yaml-skills' // front matter `skills:` map
  | 'pathway-topic' // pathway `topics[].name`
  | 'bold-paragraph' // **Skill name.** description…
  | 'list'; // a list item that is only a skill name (no level)

export interface SkillMention {
  /** The name as written, qualifier included: `Coding and scripting (infrastructure engineer)`. */
  name: Located;
  /** The level as written, when the form carries one. */
  level?: Located;
  /** The level's text, read without building its span (the checks read it for every mention). */
  levelText?: string;
  form: MentionForm;
  /** Mentions sharing a group id are one list or table: a skill twice there is `duplicate-skill`. */
  group?: string;
  /** Whether the text must be a skill (tables, YAML keys) or only might be (a bold phrase). */
  certain: boolean;
}

/**
 * A mention with every field in the same order, so that all mentions share one shape: the checks
 * read thousands of them.
 */
export function mention(name: Located, level: Located | undefined, form: MentionForm, group: string | undefined, certain: boolean): SkillMention {
  return { name, level, levelText: level?.text, form, group, certain };
}

/**
 * A mention in a Markdown body: it is its own name's span, and holds its level's text and place,
 * the level's span being made only when asked for. A long advert has thousands of mentions and
 * keeps them from one version to the next: one object each rather than three.
 */
export class LineMention extends LineSpan implements SkillMention {
  constructor(
    text: string,
    line: number,
    start: number,
    end: number,
    readonly levelText: string | undefined,
    readonly levelLine: number,
    readonly levelStart: number,
    readonly levelEnd: number,
    readonly form: MentionForm,
    readonly group: string | undefined,
    readonly certain: boolean,
  ) {
    super(text, line, start, end);
  }

  static of(name: LineSpan, level: LineSpan | undefined, form: MentionForm, group: string | undefined, certain: boolean): LineMention {
    const { text, line, start, end } = name;
    return level
      ? new LineMention(text, line, start, end, level.text, level.line, level.start, level.end, form, group, certain)
      : new LineMention(text, line, start, end, undefined, 0, 0, 0, form, group, certain);
  }

  get name(): Located {
    return this;
  }

  get level(): Located | undefined {
    return this.levelText === undefined ? undefined : new LineSpan(this.levelText, this.levelLine, this.levelStart, this.levelEnd);
  }

  /** The same mention `lines` lines further down (or up), without the findings of its old place. */
  movedBy(lines: number): LineMention {
    return new LineMention(this.text, this.line + lines, this.start, this.end, this.levelText, this.levelLine + lines, this.levelStart, this.levelEnd, this.form, this.group, this.certain);
  }
}

/**
 * A mention checked against a role level of its own rather than the document's: a skill under a
 * heading that names a role level (a role page's `## Senior infrastructure engineer`), or in a
 * table whose columns are role levels (`| Skill | Data engineer | Senior data engineer |`): a
 * row's name, with the first column's role level (which settles a name shared by qualified
 * skills), or one cell, the level that column's role level is given.
 */
export class RoleLevelMention extends LineMention {
  constructor(name: LineSpan, level: LineSpan | undefined, form: MentionForm, group: string | undefined, certain: boolean, readonly roleLevel: string) {
    super(name.text, name.line, name.start, name.end, level?.text, level?.line ?? 0, level?.start ?? 0, level?.end ?? 0, form, group, certain);
  }

  movedBy(lines: number): LineMention {
    const name = new LineSpan(this.text, this.line + lines, this.start, this.end);
    const level = this.levelText === undefined ? undefined : new LineSpan(this.levelText, this.levelLine + lines, this.levelStart, this.levelEnd);
    return new RoleLevelMention(name, level, this.form, this.group, this.certain, this.roleLevel);
  }
}

/** Whether a position falls on a mention's level, without making its span. */
export function levelCovers(m: SkillMention, pos: Position): boolean {
  if (m instanceof LineMention) return m.levelText !== undefined && onLine(m.levelLine, m.levelStart, m.levelEnd, pos);
  return !!m.level && covers(m.level, pos);
}

/** A front-matter field and the range of its value. */
export interface FrontMatterField {
  key: string;
  /** A scalar's value (null when empty); undefined for a list or mapping. */
  value: string | null | undefined;
  keyRange: Range;
  /** Range of the scalar value; undefined for collections. */
  valueRange?: Range;
}

export interface YamlProblem {
  message: string;
  range: Range;
  code: 'yaml-syntax' | 'schema';
}

export interface PathwayLevel {
  /** As written: a level's name, or its place on the scale (`level: 3`). */
  level: Located;
  description?: Located;
  /** The level's statements (`indicators`, `examples` or `statements`). */
  indicators: Located[];
  /** The grade a `content[]` item gives the level, if any. */
  grade?: Located;
  /** The map whose key the level is (`pathway.<level>`, `levels.<level>`); none for a list item. */
  mapKey?: 'pathway' | 'levels';
}

/** A grade mapped to a skill level, in the pathway's `levels:` or in a topic's own. */
export interface GradeLevel {
  grade: Located;
  level: Located;
}

/**
 * A skill of a pathway, however it is written: an item of `topics` (with `pathway.<level>`,
 * `content[].level` or its own `levels:` grade map) or of a list of skills with `levels`.
 */
export interface PathwayTopic {
  name: Located;
  description?: Located;
  levels: PathwayLevel[];
  /** The topic's own grade map (`levels: { SEO: working }`). */
  gradeLevels: GradeLevel[];
}

export interface PathwayModel {
  /** `levels:` map: grade key -> skill level value. */
  gradeLevels: GradeLevel[];
  topics: PathwayTopic[];
}

export interface ParsedDocument {
  uri: string;
  version: number;
  kind: DocumentKind;
  /** The kind was guessed from headings, not declared in front matter or given by a file name. */
  kindFromContent?: boolean;
  /** The whole front matter block (between the `---` lines), if any. */
  frontMatterRange?: Range;
  /** The lines read as YAML, [start, end): every line of a YAML file; the front matter's between
   *  its `---` lines, or to where the body starts when it is not closed. */
  yamlLines?: { start: number; end: number };
  /** The first line of the Markdown body (the line count for a YAML file); documents/blockMap.ts maps it. */
  bodyStart: number;
  fields: Map<string, FrontMatterField>;
  /** Named in front matter. */
  framework?: Located;
  role?: Located;
  /** Where `role` was written: front matter, the title heading or a `Role:` line of the body. */
  roleSource?: 'front-matter' | 'title' | 'role-line' | 'byline';
  /** A title or `Role:` line close to a role level but not one, with the closest role levels' names. */
  roleNearMiss?: { located: Located; suggestions: string[] };
  /** Role levels a list names by links that are a typo of one, with the closest role levels' names. */
  roleLinks?: { located: Located; suggestions: string[] }[];
  grade?: Located;
  /** Where `grade` was written: front matter, or the body (`Grade: G7`, the gov.uk summary list). */
  gradeSource?: 'front-matter' | 'body';
  mentions: SkillMention[];
  pathway?: PathwayModel;
  /** YAML syntax and structure problems. */
  problems: YamlProblem[];
  /** Line count, for clamping positions. */
  lineCount: number;
  /** The text and its line offsets, for features that look at the text around a position. */
  lines: LineIndex;
  /** The framework the document was parsed against (front matter `framework:`, the one the body
   *  says it is written against when that is loaded, or the active one). */
  frameworkId: string;
  /** Another framework than the one in use that the body says it is written against (SFIA, a
   *  state's capability framework), when front matter names none; its `id` when Skill Lens can
   *  read it with one. */
  otherFramework?: { id?: string; name: string; located: Located };
}
