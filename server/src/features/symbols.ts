// Document symbols (the outline): the skills a document mentions with their levels, and for a
// pathway its grade mapping and its topics with their levels as children. Built from the parsed
// model only, so the outline costs nothing beyond the parse the server already did.
// Workspace symbols: the framework's skills found for a query, by name or by what they are about.
import { DocumentSymbol, Range, SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import type { Framework } from '../framework/framework';
import { skillFullName } from '../framework/model';
import type { FrameworkLocator } from './definition';
import { skillCategory } from './frameworkProse';
import type { GradeLevel, Located, ParsedDocument, PathwayTopic } from '../documents/model';
import { caches } from '../caches';

export function documentSymbols(doc: ParsedDocument, framework: Framework): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const pathway = doc.pathway;

  if (pathway && pathway.gradeLevels.length) {
    const grades = pathway.gradeLevels.map((g) => gradeSymbol(framework, g));
    const first = pathway.gradeLevels[0].grade.range;
    const last = pathway.gradeLevels[pathway.gradeLevels.length - 1].level.range;
    out.push(symbol('levels', `${grades.length} grade${grades.length === 1 ? '' : 's'}`, SymbolKind.Namespace, span(first, last), first, grades));
  }

  // Long documents repeat the same names: look each distinct text up once.
  const known = new Map<string, boolean>();
  const isSkill = (text: string) => {
    let k = known.get(text);
    if (k === undefined) known.set(text, (k = framework.lookupSkill(text).kind !== 'unknown'));
    return k;
  };
  for (const mention of doc.mentions) {
    // Topics are listed with their levels below; a bold phrase that is not a skill is just prose.
    if (mention.form === 'pathway-topic') continue;
    if (!mention.certain && !isSkill(mention.name.text)) continue;
    const range = mention.level ? span(mention.name.range, mention.level.range) : mention.name.range;
    const detail = mention.level ? levelText(framework, mention.level, false) : '';
    out.push(symbol(mention.name.text, detail, SymbolKind.Field, range, mention.name.range));
  }

  for (const topic of pathway?.topics ?? []) out.push(topicSymbol(framework, topic));

  // The outline reads top to bottom, whatever order the parser found things in.
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}

function topicSymbol(framework: Framework, topic: PathwayTopic): DocumentSymbol {
  const children = topic.levels.map((l) => {
    const parts: Range[] = [l.level.range];
    if (l.description) parts.push(l.description.range);
    for (const i of l.indicators) parts.push(i.range);
    const count = l.indicators.length;
    const what = count ? `${count} indicator${count === 1 ? '' : 's'}` : l.description ? 'description only' : 'empty';
    // A level written as its number (`level: 3`) says which level that is.
    const numbered = Number.isNaN(framework.levelNumber(l.level.text)) ? undefined : framework.findLevelOrNumber(l.level.text);
    const detail = numbered ? `${numbered.id}, ${what}` : what;
    return symbol(l.level.text, detail, SymbolKind.EnumMember, span(...parts), l.level.range);
  });
  // A topic's own grade map, in the order written among its levels.
  if (topic.gradeLevels.length) {
    for (const g of topic.gradeLevels) children.push(gradeSymbol(framework, g));
    children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  const skill = framework.resolveSkill(topic.name.text);
  const detail = skill ? (skillFullName(skill) === topic.name.text ? '' : skillFullName(skill)) : `not a ${framework.shortName} ${framework.skillNoun}`;
  const parts: Range[] = [topic.name.range, ...children.map((c) => c.range)];
  if (topic.description) parts.push(topic.description.range);
  return symbol(topic.name.text, detail, SymbolKind.Class, span(...parts), topic.name.range, children);
}

/** A grade of a grade map: `SEO`, with the level it maps to. */
function gradeSymbol(framework: Framework, { grade, level }: GradeLevel): DocumentSymbol {
  return symbol(grade.text, levelText(framework, level, true), SymbolKind.Constant, span(grade.range, level.range), grade.range);
}

/**
 * "practitioner", or the text as written with a note when it is not a level of the scale.
 * `numbered`: a pathway's level, which may be its number on the scale (`3`).
 */
function levelText(framework: Framework, level: Located, numbered: boolean): string {
  let cached = (numbered ? numberedTexts : levelTexts).get(framework);
  if (!cached) (numbered ? numberedTexts : levelTexts).set(framework, (cached = new Map()));
  let text = cached.get(level.text);
  if (text === undefined) {
    const found = numbered ? framework.findLevelOrNumber(level.text) : framework.findLevel(level.text);
    text = found ? found.id : `${level.text} (not a ${framework.levelNoun})`;
    // Bounded: documents write levels a handful of ways, junk must not grow the cache forever.
    if (cached.size < 1000) cached.set(level.text, text);
  }
  return text;
}
const levelTexts = caches.weak<Framework, Map<string, string>>();
const numberedTexts = caches.weak<Framework, Map<string, string>>();

function symbol(name: string, detail: string, kind: SymbolKind, range: Range, selectionRange: Range, children?: DocumentSymbol[]): DocumentSymbol {
  // Editors reject empty names; a symbol always shows something.
  const s: DocumentSymbol = { name: name.trim() || '(empty)', detail, kind, range, selectionRange };
  if (children && children.length) s.children = children;
  return s;
}

/** The smallest range covering all the given ranges (the selection must lie inside the range). */
function span(...ranges: Range[]): Range {
  let start = ranges[0].start;
  let end = ranges[0].end;
  for (const r of ranges) {
    if (r.start.line < start.line || (r.start.line === start.line && r.start.character < start.character)) start = r.start;
    if (r.end.line > end.line || (r.end.line === end.line && r.end.character > end.character)) end = r.end;
  }
  return { start, end };
}

/** The most skills a workspace symbol search answers with. */
const MAX_WORKSPACE_SYMBOLS = 100;

/**
 * The framework's skills for a workspace symbol query, best first: names that start with it, or
 * the skills whose former names, qualifier, description or statements have its words
 * (Framework.findSkills), so "cloud sec" finds the security skills. Clients that show the list
 * as sent (Neovim, Emacs, Helix) show them all; VS Code keeps only those whose name fuzzily
 * matches the query (microsoft/vscode#98125), so there the Show skill picker is the search by
 * what a skill is about. Nothing for an empty query: the framework is not a workspace's code.
 */
export function workspaceSymbols(framework: Framework, query: string, locate: FrameworkLocator): SymbolInformation[] {
  if (!query.trim()) return [];
  const out: SymbolInformation[] = [];
  for (const { skill } of framework.findSkills(query, MAX_WORKSPACE_SYMBOLS)) {
    const location = locate(framework, skill);
    if (location) out.push({ name: skillFullName(skill), kind: SymbolKind.Class, location, containerName: skillCategory(framework, skill) });
  }
  return out;
}
