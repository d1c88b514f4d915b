// What every completion context shares: the cursor context, the replaced range, and the
// skill-name and level lists (with their per-framework caches).
import { noteReviewLevels } from '../../reviews/completion';
import { Command, CompletionItem, CompletionItemKind, MarkupKind, Range } from 'vscode-languageserver-types';
import type { Framework, RoleLevelRef } from '../../framework/framework';
import { LevelData, SkillData, skillFullName } from '../../framework/model';
import { compareNames } from '../../framework/normalize';
import { lineRange } from '../../documents/lineIndex';
import type { ParsedDocument } from '../../documents/model';
import {
  escapeMd,
  joinWords,
  levelPlace,
  levelWord,
  levelWordMd,
  skillCategory,
  skillHeader,
  statementsAt,
} from '../frameworkProse';
import { caches } from '../../caches';

/** Asks the editor to open the list again, so a key's value or children are offered next. */
export const SUGGEST_AGAIN: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/**
 * The most skill names a list holds. A longer one (a framework of thousands of skills) keeps
 * its best-ranked names and is marked incomplete, so the editor asks again as the user types.
 */
export const MAX_ITEMS = 200;

export interface Ctx {
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

/**
 * Skill names ranked for what has been typed from `start` to the cursor, replacing it: names
 * that start with it, or else the skills it is about (Framework.findSkills). `byTopic` false
 * keeps to names, for a line of prose that may be a name or the start of a sentence.
 */
export function skillNameItems(ctx: Ctx, start: number, closeMarker: string, byTopic = true): CompletionItem[] {
  const { framework, doc } = ctx;
  const typed = ctx.before.slice(start);
  const range = replaceRange(ctx, start);
  // Close the bold the user opened, unless it is already closed after the cursor.
  const suffix = closeMarker && !ctx.text.slice(range.end.character).startsWith(closeMarker) ? closeMarker : '';
  const role = doc.role ? framework.findRoleLevel(doc.role.text) : undefined;
  const requiredLevels = role ? framework.requirements(role) : undefined;

  let ranked: { skill: SkillData; score: number }[];
  if (typed.trim()) {
    // One more than a list holds tells whether there are more.
    ranked = byTopic ? framework.findSkills(typed, MAX_ITEMS + 1) : framework.search.rank(typed, MAX_ITEMS + 1);
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
export const sortedSkills = caches.weak<Framework, SkillData[]>();
export function byName(framework: Framework): SkillData[] {
  let list = sortedSkills.get(framework);
  if (!list) {
    list = [...framework.skills].sort((a, b) => compareNames(skillFullName(a), skillFullName(b)));
    sortedSkills.set(framework, list);
  }
  return list;
}

/** Skills the role requires that the document does not mention yet. */
export function missingForRole(doc: ParsedDocument, framework: Framework, role: RoleLevelRef): Set<SkillData> {
  const mentioned = mentionedSkills(doc, framework);
  return new Set([...framework.requirements(role).keys()].filter((s) => !mentioned.has(s)));
}

/** The skills a document mentions, once per parsed version (a long advert has thousands of mentions). */
export const mentionedCache = caches.weak<ParsedDocument, Set<SkillData>>();
export function mentionedSkills(doc: ParsedDocument, framework: Framework): Set<SkillData> {
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
export const skillDocs = caches.weak<SkillData, string>();
export function skillDocumentation(framework: Framework, skill: SkillData): string {
  let text = skillDocs.get(skill);
  if (text === undefined) {
    text = `${skillHeader(framework, skill)}\n\n${definedLevels(framework, skill)}`.trim();
    skillDocs.set(skill, text);
  }
  return text;
}

/** "Defined at awareness, working and practitioner; not defined at expert." */
export function definedLevels(framework: Framework, skill: SkillData): string {
  if (!skill.levels || Object.keys(skill.levels).length === 0) return `No ${escapeMd(framework.levelNoun)}s.`;
  const defined: string[] = [];
  const undefinedAt: string[] = [];
  for (const level of framework.levels) {
    const at = framework.skillLevel(skill, level);
    if (at) defined.push(levelWordMd(level));
    else if (at === null) undefinedAt.push(levelWordMd(level));
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
export function levelItems(ctx: Ctx, skill: SkillData | undefined, start: number, closeParen: boolean): CompletionItem[] {
  const { framework, doc } = ctx;
  const range = replaceRange(ctx, start);
  const typed = ctx.before.slice(start);
  const role = doc.role ? framework.findRoleLevel(doc.role.text) : undefined;
  const required = role && skill ? framework.requirements(role).get(skill) : undefined;
  const suffix = closeParen && !/^\s*\)/.test(ctx.text.slice(range.end.character)) ? ')' : '';
  // Keep the writer's capitalisation: `Level: Pr` gives `Practitioner`.
  const capital = /^[A-Z]/.test(typed);

  const items = framework.levels.map((level, i) => {
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
  // A review marks the level expected and the one the next role level needs instead.
  noteReviewLevels(doc, framework, skill, items);
  return items;
}

export function levelDetail(framework: Framework, level: LevelData, skill: SkillData | undefined, at: unknown): string {
  const place = `${capitaliseWord(framework.levelNoun)} ${framework.levelIndex(level) + 1} of ${framework.levels.length}`;
  if (skill && at === null) return `${place}: not defined for ${skillFullName(skill)}`;
  return place;
}

/** For `Programming and build` (several qualified variants) the first variant's statements are still useful. */
export function ambiguousFirst(framework: Framework, name: string): SkillData | undefined {
  const found = framework.lookupSkill(name);
  return found.kind === 'ambiguous' ? found.candidates[0] : undefined;
}

/** From `start` to the cursor, extended over the rest of the word under the cursor. */
export function replaceRange(ctx: Ctx, start: number): Range {
  let end = ctx.ch;
  while (end < ctx.text.length && /[\p{L}\p{N}'-]/u.test(ctx.text[end])) end++;
  return lineRange(ctx.line, Math.min(start, ctx.ch), end);
}

export function capitaliseWord(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
