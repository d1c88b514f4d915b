// Completion: skill names, levels, ladder statements, pathway keys and front-matter values.
// Pure and cheap: it looks only at the cursor's line (and a few lines above it) through
// doc.lines, plus the parsed model; it never re-parses the document, so a 1 MB file completes
// as fast as a small one.
import {
  Command,
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  MarkupKind,
  Position,
  Range,
} from 'vscode-languageserver-types';
import type { Framework, RoleLevelRef } from '../framework/framework';
import { LevelData, SkillData, skillFullName } from '../framework/model';
import { compareNames } from '../framework/normalize';
import { afterLine, type Fence } from '../markdown/fence';
import { LEVEL_LINE_BEFORE } from '../markdown/levelLine';
import { tableColumns } from '../markdown/table';
import { frameworkContext } from './frameworkContext';
import { answerToSpace, SPACE_TRIGGER, textBefore, withCellSpace } from './completionTrigger';
import { lineRange } from '../documents/lineIndex';
import type { ParsedDocument } from '../documents/model';
import {
  escapeMd,
  frameworkLabel,
  joinWords,
  levelPlace,
  levelWord,
  skillCategory,
  skillHeader,
  statementsAt,
} from './hover';

const DOCUMENT_KINDS = [
  { id: 'job-advert', doc: 'A job advert: skills with the levels the job needs.' },
  { id: 'pathway', doc: 'A pathway: grades mapped to skill levels, and topics with what each level looks like.' },
  { id: 'review', doc: 'A performance review: evidence against skills or competency areas.' },
];

/** Keys of a pathway file, in the order the seed pathway writes them. */
const PATHWAY_ROOT_KEYS: KeySpec[] = [
  { key: 'path', doc: 'Where the pathway is published, e.g. `/pathways/cloudengineer`.', shape: 'scalar' },
  { key: 'title', doc: 'The pathway’s title, e.g. `Cloud Engineer Pathway`.', shape: 'scalar' },
  { key: 'levels', doc: 'Maps each grade to the skill level expected at it, e.g. `SEO: working`.', shape: 'map' },
  { key: 'topics', doc: 'The skills of the pathway, each with a description and what each level looks like.', shape: 'topics' },
  { key: 'framework', doc: 'The framework the pathway uses, e.g. `ddat`.', shape: 'scalar' },
  { key: 'kind', doc: 'The document kind: `pathway`.', shape: 'scalar' },
];
const TOPIC_KEYS: KeySpec[] = [
  { key: 'name', doc: 'The skill this topic describes, as the framework names it.', shape: 'scalar' },
  { key: 'description', doc: 'What the skill means in this pathway.', shape: 'scalar' },
  { key: 'pathway', doc: 'Each skill level of this topic, with a description and indicators.', shape: 'map' },
];
const PATHWAY_LEVEL_KEYS: KeySpec[] = [
  { key: 'description', doc: 'What someone at this level does.', shape: 'scalar' },
  { key: 'indicators', doc: 'Observable signs that someone works at this level.', shape: 'list' },
];
const FRONT_MATTER_KEYS: KeySpec[] = [
  { key: 'kind', doc: 'The document kind: `job-advert`, `pathway` or `review`.', shape: 'scalar' },
  { key: 'role', doc: 'The role level, e.g. `Senior infrastructure engineer`: its skills and levels are checked.', shape: 'scalar' },
  { key: 'grade', doc: 'The grade, e.g. `SEO`.', shape: 'scalar' },
  { key: 'framework', doc: 'The framework the document uses, e.g. `ddat`.', shape: 'scalar' },
  { key: 'skills', doc: 'Skills and their levels, one per line: `Information security: practitioner`.', shape: 'map' },
];

interface KeySpec {
  key: string;
  doc: string;
  shape: 'scalar' | 'map' | 'list' | 'topics';
}

/** Asks the editor to open the list again, so a key's value or children are offered next. */
const SUGGEST_AGAIN: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/**
 * The most skill names a list holds. A longer one (a framework of thousands of skills) keeps
 * its best-ranked names and is marked incomplete, so the editor asks again as the user types.
 */
export const MAX_ITEMS = 200;
/** The most items of any other list (role levels, ladder statements), which are kept whole
 *  when they are of a usual size (DDaT's 201 role levels). */
export const MAX_OTHER_ITEMS = 1000;

/**
 * `byCharacter`: the editor asked on its own, after a trigger character (`*`, `(`, `:`, `|`).
 * In a Markdown document that is not about skills (a README, notes: see frameworkContext) that
 * gives nothing, so `**` or `- Buy milk (` pops up no list of skills there; asked for
 * (Ctrl+Space), completion works in every document, and always in front matter.
 */
export function completions(
  doc: ParsedDocument,
  framework: Framework,
  position: Position,
  frameworkIds: readonly string[] = [framework.id],
  byCharacter = false,
  triggerCharacter?: string,
): CompletionList {
  const inFrontMatter = !!doc.frontMatterRange && position.line <= doc.frontMatterRange.end.line;
  if (byCharacter && !inFrontMatter && !/\.ya?ml$/i.test(doc.uri) && !frameworkContext(doc, framework)) return { isIncomplete: false, items: [] };
  const cut = { incomplete: false };
  let items = collect(doc, framework, position, frameworkIds, cut);
  if (items.length > MAX_OTHER_ITEMS) {
    // Lists no generator capped itself (statements of a large ladder, thousands of role
    // levels): the first ones in the editor's own order.
    const key = (item: CompletionItem) => item.sortText ?? item.label;
    items = items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).slice(0, MAX_OTHER_ITEMS);
    cut.incomplete = true;
  }
  if (triggerCharacter === SPACE_TRIGGER && position.line >= 0 && position.line < doc.lines.lineCount) {
    items = answerToSpace(items, textBefore(doc.lines.line(position.line), position.character), position.character);
    if (!items.length) return { isIncomplete: false, items };
  }
  return { isIncomplete: cut.incomplete, items };
}

function collect(doc: ParsedDocument, framework: Framework, position: Position, frameworkIds: readonly string[], cut: { incomplete: boolean }): CompletionItem[] {
  if (!Number.isInteger(position.line) || position.line < 0 || position.line >= doc.lines.lineCount) return [];
  const text = doc.lines.line(position.line);
  // Very long lines are pasted prose or junk; looking at them could only be slow.
  if (text.length > 10_000) return [];
  const character = Number.isFinite(position.character) ? Math.floor(position.character) : 0;
  const cursor = { line: position.line, character: Math.max(0, Math.min(character, text.length)) };
  const ctx: Ctx = { doc, framework, line: cursor.line, text, ch: cursor.character, before: text.slice(0, cursor.character), cut };

  const isYamlFile = /\.ya?ml$/i.test(doc.uri);
  const fm = doc.frontMatterRange;
  const inFrontMatter = !!fm && cursor.line > fm.start.line && cursor.line < fm.end.line;
  if (isYamlFile || inFrontMatter) {
    const firstLine = isYamlFile ? 0 : 1;
    if (doc.kind === 'pathway' || looksLikePathway(doc, isYamlFile)) return pathwayCompletions(ctx, firstLine, frameworkIds);
    if (isYamlFile) return []; // other YAML files (CI configs, compose files) are not ours
    return frontMatterCompletions(ctx, firstLine, frameworkIds);
  }
  if (fm && (cursor.line === fm.start.line || cursor.line === fm.end.line)) return [];
  if (isInFence(doc, cursor.line)) return [];
  return markdownCompletions(ctx);
}

/**
 * While a key is half typed the YAML often does not parse, so the kind the parser saw may be
 * `unknown`; a pathway's own top-level keys in the text still say what the file is.
 */
function looksLikePathway(doc: ParsedDocument, isYamlFile: boolean): boolean {
  if (doc.kind !== 'unknown' || !doc.problems.some((p) => p.code === 'yaml-syntax')) return false;
  const end = isYamlFile ? doc.lines.text.length : doc.lines.starts[doc.frontMatterRange?.end.line ?? 0] ?? 0;
  const yaml = doc.lines.text.slice(0, end);
  return /^topics\s*:/m.test(yaml) && /^(levels|path)\s*:/m.test(yaml);
}

interface Ctx {
  doc: ParsedDocument;
  framework: Framework;
  line: number;
  /** The whole line, the cursor column and the text before it. */
  text: string;
  ch: number;
  before: string;
  /** Set when a list was cut to MAX_ITEMS. */
  cut: { incomplete: boolean };
}

// =============================================================================================
// Markdown bodies: adverts, reviews and documents of unknown kind

const LIST_LEAD = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/;
// What may precede a skill name typed at the start of a line: a list marker or a heading.
const NAME_LEAD = /^(\s*(?:(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?|#{1,6}\s+)?)([^\s*_`|#>:][^*_`|:]*)?$/;
// `**Skill** (work`, `**Skill**: work`, `**Skill** - work`, `**Skill:** work`.
const BOLD_THEN_LEVEL = /(\*\*|__)([^*_]+?)\1(?:\s*\(\s*|\s*:\s*|\s+[-\u2013\u2014]\s*|\s*[\u2013\u2014]\s*|(?<=:(?:\*\*|__))\s*)([A-Za-z0-9/]*(?: [A-Za-z0-9/]+)?)$/;
// `Skill: work`, `Skill - work`, `Skill — work` after an optional list marker.
const PLAIN_THEN_LEVEL = /^(\s*(?:(?:[-*+]|\d{1,3}[.)])\s+)?)([^*_|:]+?)(?:\s*:\s*|\s+[-\u2013\u2014]\s+|\s*[\u2013\u2014]\s*)([A-Za-z0-9/]*(?: [A-Za-z0-9/]+)?)$/;
/** A skill name is a few words; more than this is a sentence being written, not a name. */
const MAX_TYPED_NAME = 60;

function markdownCompletions(ctx: Ctx): CompletionItem[] {
  const { before, framework } = ctx;

  if (ctx.text.trimStart().startsWith('|')) return tableCompletions(ctx);

  // Levels: after a skill in any of the inline forms, or on a gov.uk `Level:` line.
  const levelLine = LEVEL_LINE_BEFORE.exec(before);
  if (levelLine) {
    const skill = skillAbove(ctx);
    return levelItems(ctx, skill, ctx.ch - levelLine[1].length, false);
  }
  const bold = BOLD_THEN_LEVEL.exec(before);
  if (bold && !/\.$/.test(bold[2])) {
    const name = bold[2].replace(/[:\s]+$/, '');
    const inParens = /\(\s*[A-Za-z0-9/ ]*$/.test(before.slice(bold.index + bold[1].length * 2 + bold[2].length));
    return levelItems(ctx, framework.resolveSkill(name) ?? ambiguousFirst(framework, name), ctx.ch - bold[3].length, inParens);
  }
  const plain = PLAIN_THEN_LEVEL.exec(before);
  if (plain) {
    const skill = framework.resolveSkill(plain[2].trim());
    if (skill) return levelItems(ctx, skill, ctx.ch - plain[3].length, false);
  }

  const items: CompletionItem[] = [];
  const listItem = LIST_LEAD.exec(before);
  if (listItem && ctx.doc.kind === 'review' && isLadder(framework)) {
    items.push(...ladderStatementItems(ctx, listItem[0].length));
    // A list item that has begun as a sentence ("I …") wants statements, not names.
    if (/^I\b/.test(before.slice(listItem[0].length))) return items;
  }

  // Skill names: inside an unclosed `**`, or at the start of a line or list item.
  const open = unclosedBold(before);
  if (open !== undefined) {
    items.push(...skillNameItems(ctx, open.start, open.marker));
    return items;
  }
  const lead = NAME_LEAD.exec(before);
  if (lead) {
    const typed = lead[2] ?? '';
    const words = typed.trim() ? typed.trim().split(/\s+/).length : 0;
    // A plain line longer than any skill name is a sentence being written: offer nothing.
    const nameLike = typed.length <= MAX_TYPED_NAME && words <= maxNameWords(framework) && !/[.!?;]\s|[.!?]$/.test(typed);
    if (nameLike) items.push(...skillNameItems(ctx, lead[1].length, ''));
  }
  return items;
}

/** The most words any skill name has, so longer lines are known to be prose. Cached. */
const nameWords = new WeakMap<Framework, number>();
function maxNameWords(framework: Framework): number {
  let n = nameWords.get(framework);
  if (n === undefined) {
    n = Math.max(1, ...framework.skills.map((s) => skillFullName(s).split(/\s+/).length));
    nameWords.set(framework, n);
  }
  return n;
}

/** Skill names ranked for what has been typed from `start` to the cursor, replacing it. */
function skillNameItems(ctx: Ctx, start: number, closeMarker: string): CompletionItem[] {
  const { framework, doc } = ctx;
  const typed = ctx.before.slice(start);
  const range = replaceRange(ctx, start);
  // Close the bold the user opened, unless it is already closed after the cursor.
  const suffix = closeMarker && !ctx.text.slice(range.end.character).startsWith(closeMarker) ? closeMarker : '';
  const role = doc.role ? framework.findRoleLevel(doc.role.text) : undefined;
  const requiredLevels = role ? roleRequirements(framework, role) : undefined;

  let ranked: { skill: SkillData; score: number }[];
  if (typed.trim()) {
    // One more than a list holds tells whether there are more.
    ranked = framework.search.rank(typed, MAX_ITEMS + 1);
    if (ranked.length > MAX_ITEMS) {
      ranked = ranked.slice(0, MAX_ITEMS);
      ctx.cut.incomplete = true;
    }
  } else {
    // Nothing typed yet: the skills the role still needs first, then the others A to Z, as
    // many as a list holds.
    const missing = role ? missingForRole(doc, framework, role) : new Set<SkillData>();
    ranked = [...missing].sort((a, b) => compareNames(skillFullName(a), skillFullName(b))).map((skill) => ({ skill, score: 0 }));
    const all = byName(framework);
    for (let i = 0; i < all.length && ranked.length < MAX_ITEMS; i++) if (!missing.has(all[i])) ranked.push({ skill: all[i], score: 1 });
    if (all.length > ranked.length) ctx.cut.incomplete = true;
  }
  const width = String(ranked.length).length;
  return ranked.map(({ skill, score }, i) => {
    const name = skillFullName(skill);
    const prefixMatch = score === 0 && name.toLowerCase().startsWith(typed.trim().toLowerCase());
    const required = requiredLevels?.get(skill);
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Value,
      detail: skillCategory(framework, skill),
      documentation: { kind: MarkupKind.Markdown, value: skillDocumentation(framework, skill) },
      sortText: String(i).padStart(width, '0'),
      // Fuzzy matches (typos, old names, words later in the name) must survive the editor's own
      // prefix filter: what was typed leads their filter text.
      filterText: prefixMatch || !typed.trim() ? name : `${typed} ${name}`,
      textEdit: { range, newText: name + suffix },
    };
    if (required) item.labelDetails = { description: `${role!.level.name}: ${levelWord(required)}` };
    return item;
  });
}

/** Skills of the framework A to Z, computed once per framework. */
const sortedSkills = new WeakMap<Framework, SkillData[]>();
function byName(framework: Framework): SkillData[] {
  let list = sortedSkills.get(framework);
  if (!list) {
    list = [...framework.skills].sort((a, b) => compareNames(skillFullName(a), skillFullName(b)));
    sortedSkills.set(framework, list);
  }
  return list;
}

/** Each skill a role level requires, with its level; resolved once per role, not once per item. */
const requirements = new WeakMap<RoleLevelRef, Map<SkillData, LevelData>>();
function roleRequirements(framework: Framework, role: RoleLevelRef): Map<SkillData, LevelData> {
  let map = requirements.get(role);
  if (!map) {
    map = new Map();
    for (const req of role.level.skills) {
      const skill = framework.resolveSkill(req.skill);
      const level = framework.findLevel(req.level);
      if (skill && level && !map.has(skill)) map.set(skill, level);
    }
    requirements.set(role, map);
  }
  return map;
}

/** Skills the role requires that the document does not mention yet. */
function missingForRole(doc: ParsedDocument, framework: Framework, role: RoleLevelRef): Set<SkillData> {
  const mentioned = mentionedSkills(doc, framework);
  return new Set([...roleRequirements(framework, role).keys()].filter((s) => !mentioned.has(s)));
}

/** The skills a document mentions, once per parsed version (a long advert has thousands of mentions). */
const mentionedCache = new WeakMap<ParsedDocument, Set<SkillData>>();
function mentionedSkills(doc: ParsedDocument, framework: Framework): Set<SkillData> {
  let set = mentionedCache.get(doc);
  if (!set) {
    // The same few names repeat; resolving each distinct text once keeps this cheap.
    const texts = new Set<string>();
    for (const m of doc.mentions) texts.add(m.name.text);
    set = new Set();
    for (const text of texts) {
      const s = framework.resolveSkill(text);
      if (s) set.add(s);
    }
    mentionedCache.set(doc, set);
  }
  return set;
}

/** Documentation of a skill in the list: description and the levels it defines. Cached. */
const skillDocs = new WeakMap<SkillData, string>();
function skillDocumentation(framework: Framework, skill: SkillData): string {
  let text = skillDocs.get(skill);
  if (text === undefined) {
    text = `${skillHeader(framework, skill)}\n\n${definedLevels(framework, skill)}`.trim();
    skillDocs.set(skill, text);
  }
  return text;
}

/** "Defined at awareness, working and practitioner; not defined at expert." */
function definedLevels(framework: Framework, skill: SkillData): string {
  if (!skill.levels || Object.keys(skill.levels).length === 0) return `No ${framework.levelNoun}s.`;
  const defined: string[] = [];
  const undefinedAt: string[] = [];
  for (const level of framework.levels) {
    const at = framework.skillLevel(skill, level);
    if (at) defined.push(levelWord(level));
    else if (at === null) undefinedAt.push(levelWord(level));
  }
  const parts: string[] = [];
  if (defined.length) parts.push(`Defined at ${joinWords(defined, 'and')}`);
  if (undefinedAt.length) parts.push(`${defined.length ? 'not' : 'Not'} defined at ${joinWords(undefinedAt, 'and')}`);
  return parts.length ? `${parts.join('; ')}.` : '';
}

/**
 * The level list in scale order, each with what the skill says at that level. The level the
 * document's role requires is preselected and marked, so accepting gives the right answer.
 */
function levelItems(ctx: Ctx, skill: SkillData | undefined, start: number, closeParen: boolean): CompletionItem[] {
  const { framework, doc } = ctx;
  const range = replaceRange(ctx, start);
  const typed = ctx.before.slice(start);
  const role = doc.role ? framework.findRoleLevel(doc.role.text) : undefined;
  const required = role && skill ? roleRequirements(framework, role).get(skill) : undefined;
  const suffix = closeParen && !/^\s*\)/.test(ctx.text.slice(range.end.character)) ? ')' : '';
  // Keep the writer's capitalisation: `Level: Pr` gives `Practitioner`.
  const capital = /^[A-Z]/.test(typed);

  return framework.levels.map((level, i) => {
    const word = capital ? levelWord(level).charAt(0).toUpperCase() + levelWord(level).slice(1) : levelWord(level);
    const at = skill ? framework.skillLevel(skill, level) : undefined;
    const docs = [levelPlace(framework, level)];
    if (level.description) docs.push(escapeMd(level.description));
    if (skill) docs.push(statementsAt(framework, skill, level));
    const item: CompletionItem = {
      label: word,
      kind: CompletionItemKind.EnumMember,
      detail: levelDetail(framework, level, skill, at),
      documentation: { kind: MarkupKind.Markdown, value: docs.join('\n\n') },
      sortText: String(i).padStart(2, '0'),
      filterText: word,
      textEdit: { range, newText: word + suffix },
    };
    if (level.name.toLowerCase() !== word.toLowerCase()) item.labelDetails = { detail: ` ${level.name}` };
    if (required === level) {
      item.preselect = true;
      item.labelDetails = { ...item.labelDetails, description: `required for ${role!.level.name}` };
    }
    return item;
  });
}

function levelDetail(framework: Framework, level: LevelData, skill: SkillData | undefined, at: unknown): string {
  const place = `${capitaliseWord(framework.levelNoun)} ${framework.levelIndex(level) + 1} of ${framework.levels.length}`;
  if (skill && at === null) return `${place}: not defined for ${skillFullName(skill)}`;
  return place;
}

/** The skill a gov.uk `Level:` line belongs to: the nearest non-blank line above it. */
function skillAbove(ctx: Ctx): SkillData | undefined {
  for (let n = ctx.line - 1; n >= Math.max(0, ctx.line - 3); n--) {
    const text = ctx.doc.lines.line(n);
    if (!text.trim()) continue;
    const name = text
      .replace(/^\s*(?:#{1,6}\s+|(?:[-*+]|\d{1,3}[.)])\s+)?/, '')
      .replace(/[*_`]/g, '')
      .replace(/[\s.:#]+$/, '');
    return ctx.framework.resolveSkill(name) ?? ambiguousFirst(ctx.framework, name);
  }
  return undefined;
}

/** For `Programming and build` (several qualified variants) the first variant's statements are still useful. */
function ambiguousFirst(framework: Framework, name: string): SkillData | undefined {
  const found = framework.lookupSkill(name);
  return found.kind === 'ambiguous' ? found.candidates[0] : undefined;
}

/** The `**` or `__` opened before the cursor and not yet closed, and where the name starts. */
function unclosedBold(before: string): { start: number; marker: string } | undefined {
  for (const marker of ['**', '__']) {
    let count = 0;
    let last = -1;
    for (let i = before.indexOf(marker); i !== -1; i = before.indexOf(marker, i + 2)) {
      count++;
      last = i;
    }
    if (count % 2 === 1) {
      const typed = before.slice(last + 2);
      if (typed.length > MAX_TYPED_NAME || /[*_`]/.test(typed)) return undefined;
      return { start: last + 2, marker };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Tables: names in the skill column, levels in the level column

function tableCompletions(ctx: Ctx): CompletionItem[] {
  const { doc, line } = ctx;
  // Walk up to the separator row; the header is the row above it.
  let separator = -1;
  for (let n = line; n >= Math.max(0, line - 2000); n--) {
    const t = doc.lines.line(n);
    if (!t.trimStart().startsWith('|')) break;
    if (isTableSeparator(t)) {
      separator = n;
      break;
    }
  }
  if (separator < 1 || separator >= line) return [];
  const header = doc.lines.line(separator - 1);
  const { skillCol, levelCol } = tableColumns(cells(header).map((c) => header.slice(c.start, c.end)));

  const row = cells(ctx.text);
  const col = row.findIndex((c) => ctx.ch >= c.start && ctx.ch <= c.end);
  if (col === -1) return [];
  const cell = row[col];
  let start = cell.start;
  while (start < ctx.ch && /[\s*_`]/.test(ctx.text[start])) start++;
  // Asked right after the `|`: the item brings the cell's leading space.
  const pad = (items: CompletionItem[]) => (ctx.ch === cell.start ? withCellSpace(items) : items);
  if (col === skillCol) {
    const marker = /(\*\*|__)$/.exec(ctx.text.slice(cell.start, start))?.[1] ?? '';
    return pad(skillNameItems(ctx, start, marker));
  }
  if (col === levelCol) {
    let skill: SkillData | undefined;
    const nameCell = skillCol >= 0 ? row[skillCol] : undefined;
    if (nameCell) {
      const name = ctx.text.slice(nameCell.start, nameCell.end).replace(/[*_`]/g, '').trim();
      skill = ctx.framework.resolveSkill(name) ?? ambiguousFirst(ctx.framework, name);
    }
    return pad(levelItems(ctx, skill, start, false));
  }
  return [];
}

function isTableSeparator(text: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(text);
}

/** Cells of a table row as [start, end) column ranges between unescaped pipes. */
function cells(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = text.indexOf('|');
  if (i === -1) return out;
  let cellStart = i + 1;
  for (i = cellStart; i <= text.length; i++) {
    if (i === text.length || (text[i] === '|' && text[i - 1] !== '\\')) {
      out.push({ start: cellStart, end: i });
      cellStart = i + 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ladder statements in reviews

/** A ladder framework speaks in the first person: its statements start with "I". Cached. */
const ladderFlag = new WeakMap<Framework, boolean>();
function isLadder(framework: Framework): boolean {
  let flag = ladderFlag.get(framework);
  if (flag === undefined) {
    flag = framework.skills.some((s) => Object.values(s.levels ?? {}).some((l) => l?.statements.some((t) => /^I\b/.test(t))));
    ladderFlag.set(framework, flag);
  }
  return flag;
}

/**
 * "I …" statements for a review list item. Under a competency-area heading only that area's;
 * the reviewee's level (front matter `level`, `grade` or `role`) first, then the other levels.
 */
function ladderStatementItems(ctx: Ctx, start: number): CompletionItem[] {
  const { doc, framework } = ctx;
  const range = replaceRange(ctx, start);
  const area = headingSkillAbove(ctx);
  const ownLevel = reviewLevel(doc, framework);
  const skills = area ? [area] : framework.skills;
  const items: CompletionItem[] = [];
  for (const skill of skills) {
    for (const level of framework.levels) {
      const at = framework.skillLevel(skill, level);
      if (!at) continue;
      const rank = ownLevel ? (level === ownLevel ? 0 : 1) : 0;
      at.statements.forEach((statement, i) => {
        if (!/^I\b/.test(statement)) return;
        items.push({
          label: statement,
          kind: CompletionItemKind.Text,
          detail: `${skillFullName(skill)} · ${level.name}`,
          documentation: { kind: MarkupKind.Markdown, value: `${levelPlace(framework, level)}\n\n${skillFullName(skill)}` },
          sortText: `0${rank}${String(framework.levelIndex(level)).padStart(2, '0')}${String(i).padStart(3, '0')}`,
          filterText: statement,
          textEdit: { range, newText: statement },
        });
      });
    }
  }
  return items;
}

function reviewLevel(doc: ParsedDocument, framework: Framework): LevelData | undefined {
  for (const key of ['level', 'grade', 'role']) {
    const value = doc.fields.get(key)?.value;
    if (typeof value === 'string' || typeof value === 'number') {
      const level = framework.findLevel(String(value));
      if (level) return level;
    }
  }
  return undefined;
}

/** The competency area of the nearest heading above, if the heading names one (emoji and all). */
function headingSkillAbove(ctx: Ctx): SkillData | undefined {
  for (let n = ctx.line - 1; n >= Math.max(0, ctx.line - 300); n--) {
    const m = /^\s{0,3}#{1,6}\s+(.*)$/.exec(ctx.doc.lines.line(n));
    if (!m) continue;
    const name = m[1].replace(/^[^\p{L}\p{N}]+/u, '').replace(/[\s#*_]+$/, '');
    return ctx.framework.resolveSkill(name);
  }
  return undefined;
}

// =============================================================================================
// YAML: pathway files and front matter

/** Where the cursor is in the YAML: the keys above it, and whether a key or a value is typed. */
interface YamlSpot {
  /** Keys from the root to the mapping being written; `[]` marks a list item. */
  path: string[];
  /** The key whose value is being typed, if the cursor is after `key:`. */
  valueKey?: string;
  /** Column where the typed text starts (after a quote, if any), and the quote. */
  start: number;
  quote: string;
  /** Column of the key being typed or of the key owning the value. */
  keyColumn: number;
}

// `  - key: value` split into indent, list dashes, key, and the rest.
const YAML_KEY_LINE = /^(\s*)((?:-\s+)*)((?:"[^"]*"|'[^']*'|[^\s#'"][^:#]*?))\s*:(?:\s+(.*)|$)/;

function yamlSpot(ctx: Ctx, firstLine: number): YamlSpot | undefined {
  const before = ctx.before;
  if (/^\s*#/.test(before)) return undefined;
  const valueMatch = YAML_KEY_LINE.exec(before);
  if (valueMatch && valueMatch[4] !== undefined) {
    // Typing a value: `key: val|`.
    const indent = valueMatch[1].length;
    const dashes = valueMatch[2];
    const keyColumn = indent + dashes.length;
    const path = ancestors(ctx, firstLine, dashes ? indent : keyColumn, !!dashes);
    if (!path) return undefined;
    if (dashes) path.push('[]');
    const value = valueMatch[4];
    if (/^[|>[{&*!]/.test(value)) return undefined;
    const quote = /^["']/.test(value) ? value[0] : '';
    return { path, valueKey: unquote(valueMatch[3]), start: before.length - value.length + quote.length, quote, keyColumn };
  }
  const keyMatch = /^(\s*)((?:-\s+)*)([^\s#:'"][^:#]*)?$/.exec(before);
  if (!keyMatch) return undefined;
  const indent = keyMatch[1].length;
  const dashes = keyMatch[2];
  const path = ancestors(ctx, firstLine, indent, !!dashes);
  if (!path) return undefined;
  if (dashes) path.push('[]');
  return { path, start: indent + dashes.length, quote: '', keyColumn: indent + dashes.length };
}

/**
 * The keys that own a line written at `column`, found by walking up to less-indented lines.
 * A list item's `- ` may sit at the same column as its owning key (`topics:\n- name: x`),
 * hence `sameColumnOwns`. Returns undefined inside block scalars and other text we cannot place.
 */
function ancestors(ctx: Ctx, firstLine: number, column: number, sameColumnOwns: boolean): string[] | undefined {
  const path: string[] = [];
  let col = column;
  let equalOk = sameColumnOwns;
  for (let n = ctx.line - 1; n >= firstLine; n--) {
    if (col === 0 && !equalOk) break; // reached the root mapping
    // A pathway has thousands of lines nested deeper than the cursor's owners: pass over them
    // (and blank and comment lines) without slicing the line.
    const lead = leadingSpaces(ctx.doc, n);
    if (lead === SKIP_LINE || lead > col) continue;
    const t = ctx.doc.lines.line(n);
    if (!t.trim() || /^\s*#/.test(t)) continue;
    if (/^(---|\.\.\.)\s*$/.test(t)) break;
    const m = /^(\s*)((?:-\s+)*)(.*)$/.exec(t)!;
    const indent = m[1].length;
    const dashes = m[2];
    const keyCol = indent + dashes.length;
    const key = YAML_KEY_LINE.exec(t);
    const opensBlock = !!key && (key[4] === undefined || /^#/.test(key[4]));
    const blockScalar = !!key && key[4] !== undefined && /^[|>][-+0-9]*\s*(#.*)?$/.test(key[4]);

    if (dashes) {
      // A `- ` at the same column is a sibling item of the same list, never a container.
      if (indent >= col) continue;
      // This line is a list item containing the cursor's line.
      if (key && keyCol < col && (opensBlock || blockScalar)) {
        if (blockScalar) return undefined;
        path.push(unquote(key[3]));
      }
      path.push('[]');
      col = indent;
      equalOk = true;
      continue;
    }
    if (indent < col || (equalOk && indent === col)) {
      if (!key) return undefined; // a continuation line of plain text
      if (blockScalar) return undefined;
      if (!opensBlock) {
        if (indent < col) return undefined; // the cursor is inside a multi-line scalar
        continue;
      }
      path.push(unquote(key[3]));
      col = indent;
      equalOk = false;
    }
  }
  return path.reverse();
}

/** leadingSpaces for a blank or comment line, which every YAML scan here passes over. */
const SKIP_LINE = -1;

/**
 * How many spaces line n starts with; SKIP_LINE for a blank or comment line, and 0 for a line
 * starting with a tab (it is then looked at in full).
 */
function leadingSpaces(doc: ParsedDocument, n: number): number {
  const text = doc.lines.text;
  const start = doc.lines.starts[n];
  const next = doc.lines.starts[n + 1];
  const end = next === undefined ? text.length : next - 1;
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const c = i < end ? text.charCodeAt(i) : -1;
  if (c === -1 || c === 13 || c === 35) return SKIP_LINE; // blank, or `#`
  return c === 9 ? 0 : i - start;
}

function unquote(key: string): string {
  const k = key.trim();
  return /^(["']).*\1$/.test(k) ? k.slice(1, -1) : k;
}

function pathwayCompletions(ctx: Ctx, firstLine: number, frameworkIds: readonly string[]): CompletionItem[] {
  const spot = yamlSpot(ctx, firstLine);
  if (!spot) return [];
  const { framework, doc } = ctx;
  const p = spot.path;
  const at = (...want: string[]) => p.length === want.length && want.every((w, i) => w === '*' || w === p[i]);

  if (spot.valueKey !== undefined) {
    const key = spot.valueKey.toLowerCase();
    if (at() && key !== 'levels' && key !== 'topics') return rootValueItems(ctx, spot, key, frameworkIds);
    if (at('levels')) return levelValueItems(ctx, spot);
    if (at('topics', '[]') && key === 'name') return skillValueItems(ctx, spot);
    return [];
  }
  if (at()) return keyItems(ctx, spot, PATHWAY_ROOT_KEYS, new Set(doc.fields.keys()));
  if (at('levels')) {
    const used = new Set((doc.pathway?.gradeLevels ?? []).map((g) => framework.findGrade(g.grade.text)?.id ?? g.grade.text));
    return gradeKeyItems(ctx, spot, used);
  }
  if (at('topics', '[]')) return keyItems(ctx, spot, TOPIC_KEYS, siblingKeys(ctx, spot));
  if (at('topics', '[]', 'pathway')) return levelKeyItems(ctx, spot, siblingKeys(ctx, spot));
  if (at('topics', '[]', 'pathway', '*') && framework.findLevel(p[3])) return keyItems(ctx, spot, PATHWAY_LEVEL_KEYS, siblingKeys(ctx, spot));
  return [];
}

function frontMatterCompletions(ctx: Ctx, firstLine: number, frameworkIds: readonly string[]): CompletionItem[] {
  const spot = yamlSpot(ctx, firstLine);
  if (!spot) return [];
  const p = spot.path;
  if (spot.valueKey !== undefined) {
    if (p.length === 0) return rootValueItems(ctx, spot, spot.valueKey.toLowerCase(), frameworkIds);
    if (p.length === 1 && p[0].toLowerCase() === 'skills') {
      const skill = ctx.framework.resolveSkill(spot.valueKey);
      return levelItems(ctx, skill, spot.start, false).map((i) => quoteEdit(i, spot, ctx));
    }
    return [];
  }
  if (p.length === 0) return keyItems(ctx, spot, FRONT_MATTER_KEYS, new Set(ctx.doc.fields.keys()));
  if (p.length === 1 && p[0].toLowerCase() === 'skills') {
    return skillNameItems(ctx, spot.start, '').map((item) => {
      // A `skills:` entry is `Name: level`; carry on straight to the level list.
      if (item.textEdit && 'range' in item.textEdit) item.textEdit.newText = `${yamlText(item.textEdit.newText)}: `;
      item.command = SUGGEST_AGAIN;
      return item;
    });
  }
  return [];
}

/** Keys of the mapping the cursor is in that are already written (so they are not offered twice). */
function siblingKeys(ctx: Ctx, spot: YamlSpot): Set<string> {
  const keys = new Set<string>();
  const scan = (n: number) => {
    const lead = leadingSpaces(ctx.doc, n);
    if (lead === SKIP_LINE || lead > spot.keyColumn) return true;
    const t = ctx.doc.lines.line(n);
    if (!t.trim() || /^\s*#/.test(t)) return true;
    const m = /^(\s*)((?:-\s+)*)/.exec(t)!;
    const col = m[1].length + m[2].length;
    if (col < spot.keyColumn) return false;
    if (col === spot.keyColumn) {
      const key = YAML_KEY_LINE.exec(t);
      if (key) keys.add(unquote(key[3]).toLowerCase());
      if (m[2]) return false; // the first key of this list item
    }
    return true;
  };
  const limit = 500;
  // On a fresh `- ` line the keys above belong to the previous list item.
  const startsItem = /^\s*-\s/.test(ctx.text);
  if (!startsItem) for (let n = ctx.line - 1; n >= Math.max(0, ctx.line - limit) && scan(n); n--);
  for (let n = ctx.line + 1; n < Math.min(ctx.doc.lines.lineCount, ctx.line + limit); n++) {
    const t = ctx.doc.lines.line(n);
    if (/^\s*-\s/.test(t) && /^(\s*)/.exec(t)![1].length + 2 <= spot.keyColumn) break;
    if (!scan(n)) break;
  }
  return keys;
}

function keyItems(ctx: Ctx, spot: YamlSpot, specs: KeySpec[], existing: Set<string>): CompletionItem[] {
  const range = replaceRange(ctx, spot.start);
  const typedKey = ctx.before.slice(spot.start).trim().toLowerCase();
  const child = ' '.repeat(spot.keyColumn + 2);
  return specs
    .filter((s) => !existing.has(s.key) || s.key === typedKey)
    .map((s, i) => {
      const newText =
        s.shape === 'scalar' ? `${s.key}: ` : s.shape === 'topics' ? `${s.key}:\n${child}- name: ` : s.shape === 'list' ? `${s.key}:\n${child}- ` : `${s.key}:\n${child}`;
      return {
        label: s.key,
        kind: CompletionItemKind.Property,
        documentation: { kind: MarkupKind.Markdown, value: s.doc },
        sortText: String(i).padStart(2, '0'),
        filterText: s.key,
        textEdit: { range, newText },
        command: s.shape === 'list' ? undefined : SUGGEST_AGAIN,
      };
    });
}

/** Grade names as keys under a pathway's `levels:`, most junior first; ones already mapped are left out. */
function gradeKeyItems(ctx: Ctx, spot: YamlSpot, used: Set<string>): CompletionItem[] {
  const { framework } = ctx;
  const range = replaceRange(ctx, spot.start);
  const grades = [...framework.grades].sort((a, b) => a.rank - b.rank).filter((g) => !used.has(g.id));
  return grades.map((grade, i) => ({
    label: grade.id,
    kind: CompletionItemKind.Constant,
    detail: grade.name,
    documentation: { kind: MarkupKind.Markdown, value: gradeDocumentation(framework, grade.id) },
    sortText: String(i).padStart(2, '0'),
    filterText: grade.id,
    textEdit: { range, newText: `${yamlText(grade.id)}: ` },
    command: SUGGEST_AGAIN,
  }));
}

function gradeDocumentation(framework: Framework, gradeId: string): string {
  const roles = framework.roleLevels.filter((r) => r.level.grades.some((g) => framework.findGrade(g)?.id === gradeId));
  if (!roles.length) return `No role level of ${frameworkLabel(framework)} is performed at this grade.`;
  return `Performed at this grade: ${joinWords(roles.map((r) => escapeMd(r.level.name)), 'and')}.`;
}

/** Level names as the value of a `levels:` grade entry. */
function levelValueItems(ctx: Ctx, spot: YamlSpot): CompletionItem[] {
  return levelItems(ctx, undefined, spot.start, false).map((i) => quoteEdit(i, spot, ctx));
}

/** Level names as keys under a topic's `pathway:`, in scale order, each opening its mapping. */
function levelKeyItems(ctx: Ctx, spot: YamlSpot, existing: Set<string>): CompletionItem[] {
  const { framework } = ctx;
  const range = replaceRange(ctx, spot.start);
  const topic = topicAt(ctx);
  const child = ' '.repeat(spot.keyColumn + 2);
  return framework.levels
    .filter((l) => !existing.has(l.id.toLowerCase()))
    .map((level) => {
      const docs = [levelPlace(framework, level)];
      if (level.description) docs.push(escapeMd(level.description));
      if (topic) docs.push(statementsAt(framework, topic, level));
      return {
        label: levelWord(level),
        kind: CompletionItemKind.EnumMember,
        detail: `${capitaliseWord(framework.levelNoun)} ${framework.levelIndex(level) + 1} of ${framework.levels.length}`,
        documentation: { kind: MarkupKind.Markdown, value: docs.join('\n\n') },
        sortText: String(framework.levelIndex(level)).padStart(2, '0'),
        filterText: levelWord(level),
        textEdit: { range, newText: `${yamlText(levelWord(level))}:\n${child}` },
        command: SUGGEST_AGAIN,
      };
    });
}

/** The skill of the pathway topic whose entry contains the cursor line. */
function topicAt(ctx: Ctx): SkillData | undefined {
  let best: SkillData | undefined;
  for (const topic of ctx.doc.pathway?.topics ?? []) {
    if (topic.name.range.start.line > ctx.line) break;
    best = ctx.framework.resolveSkill(topic.name.text);
  }
  return best;
}

/** Skill names as the value of `topics[].name`. */
function skillValueItems(ctx: Ctx, spot: YamlSpot): CompletionItem[] {
  return skillNameItems(ctx, spot.start, '').map((i) => quoteEdit(i, spot, ctx));
}

/** Values of top-level keys: `kind`, `role`, `grade`, `framework`. */
function rootValueItems(ctx: Ctx, spot: YamlSpot, key: string, frameworkIds: readonly string[]): CompletionItem[] {
  const { framework, doc } = ctx;
  const range = replaceRange(ctx, spot.start);
  const make = (label: string, kind: CompletionItemKind, i: number, detail?: string, documentation?: string): CompletionItem => {
    const item: CompletionItem = {
      label,
      kind,
      sortText: String(i).padStart(3, '0'),
      filterText: label,
      textEdit: { range, newText: label },
    };
    if (detail) item.detail = detail;
    if (documentation) item.documentation = { kind: MarkupKind.Markdown, value: documentation };
    return quoteEdit(item, spot, ctx);
  };
  switch (key) {
    case 'kind':
      return DOCUMENT_KINDS.map((k, i) => make(k.id, CompletionItemKind.EnumMember, i, undefined, k.doc));
    case 'framework':
      return frameworkIds.map((id, i) => make(id, CompletionItemKind.Module, i, id === framework.id ? framework.name : undefined));
    case 'role': {
      // Role levels performed at the document's grade come first.
      const grade = doc.grade ? framework.findGrade(doc.grade.text) : undefined;
      const fits = (r: RoleLevelRef) => !!grade && r.level.grades.some((g) => framework.findGrade(g) === grade);
      const roles = framework.roleLevels.map((r, i) => ({ r, i })).sort((a, b) => Number(fits(b.r)) - Number(fits(a.r)) || a.i - b.i);
      return roles.map(({ r }, i) => {
        const where = r.role.family ? `${r.role.family} › ${r.role.name}` : r.role.name;
        const grades = r.level.grades.length ? r.level.grades.join(', ') : 'grade not given';
        const detail = `${where} · ${grades} · ${r.level.skills.length} skills`;
        return make(r.level.name, CompletionItemKind.Class, i, detail, r.level.summary ? escapeMd(r.level.summary) : undefined);
      });
    }
    case 'grade': {
      const role = doc.role ? framework.findRoleLevel(doc.role.text) : undefined;
      const fits = (id: string) => !!role && role.level.grades.some((g) => framework.findGrade(g)?.id === id);
      const grades = [...framework.grades].sort((a, b) => Number(fits(b.id)) - Number(fits(a.id)) || a.rank - b.rank);
      return grades.map((g, i) => {
        const item = make(g.id, CompletionItemKind.Constant, i, g.name, gradeDocumentation(framework, g.id));
        if (fits(g.id)) item.labelDetails = { description: `${role!.level.name}` };
        return item;
      });
    }
    default:
      return [];
  }
}

/** Fixes an item's text for a YAML value: closes an opened quote, or quotes text YAML would misread. */
function quoteEdit(item: CompletionItem, spot: YamlSpot, ctx: Ctx): CompletionItem {
  const edit = item.textEdit;
  if (!edit || !('range' in edit)) return item;
  if (spot.quote) {
    if (!ctx.text.slice(edit.range.end.character).startsWith(spot.quote)) edit.newText += spot.quote;
  } else edit.newText = yamlText(edit.newText);
  return item;
}

/** Plain YAML scalar if safe, else double-quoted. */
function yamlText(text: string): string {
  const plainSafe = !/^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|:$|^(true|false|null|yes|no|on|off|~)$|^[\d.+-]+$/i.test(text) && !/\s$/.test(text);
  return plainSafe ? text : JSON.stringify(text);
}

// =============================================================================================
// Shared

/** From `start` to the cursor, extended over the rest of the word under the cursor. */
function replaceRange(ctx: Ctx, start: number): Range {
  let end = ctx.ch;
  while (end < ctx.text.length && /[\p{L}\p{N}'-]/u.test(ctx.text[end])) end++;
  return lineRange(ctx.line, Math.min(start, ctx.ch), end);
}

/**
 * Whether the line is inside a fenced code block. Fences are rare, so jumping between their
 * occurrences with indexOf is far cheaper than walking every line above the cursor.
 */
function isInFence(doc: ParsedDocument, line: number): boolean {
  const text = doc.lines.text;
  const limit = doc.lines.starts[line];
  const bodyStart = doc.frontMatterRange ? doc.lines.starts[doc.frontMatterRange.end.line + 1] ?? text.length : 0;
  let open: Fence | undefined;
  let i = bodyStart;
  while (i < limit) {
    const a = text.indexOf('```', i);
    const b = text.indexOf('~~~', i);
    const at = a === -1 ? b : b === -1 ? a : Math.min(a, b);
    if (at === -1 || at >= limit) break;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const eol = text.indexOf('\n', at);
    const lineEnd = eol === -1 ? text.length : eol;
    open = afterLine(open, text.slice(lineStart, lineEnd).replace(/\r$/, ''));
    i = lineEnd + 1;
  }
  return open !== undefined;
}

function capitaliseWord(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
