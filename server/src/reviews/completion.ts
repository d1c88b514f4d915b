// Completion of assessed levels in a review: each level says what it means (levelItems), and the
// level the role level expects and the one the next role level needs are marked, so a manager
// sees where the person stands while choosing.
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/model';
import type { Framework } from '../framework/framework';
import { skillFullName, type SkillData } from '../framework/model';
import { escapeMd, levelInProse } from '../features/frameworkProse';
import { blockMap } from '../documents/blockMap';
import type { ReviewEntry } from './model';
import { readReview } from './read';

/** The skill whose section (a heading per skill) holds a line of a review. */
export function reviewSkillAt(doc: ParsedDocument, framework: Framework, line: number): SkillData | undefined {
  if (doc.kind !== 'review') return undefined;
  let found: SkillData | undefined;
  for (const e of readReview(doc, framework).entries) if (e.name.range.start.line < line && e.name.range.start.line !== e.assessed?.range.start.line) found = e.skill;
  return found;
}

/** Marks the expected and the next role level's level among level items (in scale order). */
export function noteReviewLevels(doc: ParsedDocument, framework: Framework, skill: SkillData | undefined, items: CompletionItem[]): void {
  if (doc.kind !== 'review' || !skill) return;
  const { current, next } = readReview(doc, framework);
  framework.levels.forEach((level, i) => {
    const item = items[i];
    if (!item) return;
    const notes: string[] = [];
    if (current?.expected.get(skill) === level) notes.push(`expected for ${current.name}`);
    if (next?.expected.get(skill) === level) notes.push(`to progress to ${next.name}`);
    if (notes.length) item.labelDetails = { ...item.labelDetails, description: notes.join('; ') };
  });
}

/** The frames evidence is written in: what was done, its result and who it helped, the three
 *  things no-evidence asks for, each a snippet placeholder. */
const FRAMES = [
  { label: 'What was done: its result, for whom', text: '${1:What was done}: ${2:its result}, for ${3:who it helped}.' },
  { label: 'I … , which …', text: 'I ${1:what I did}, which ${2:what changed as a result} for ${3:who it helped}.' },
  { label: 'Situation, action, result', text: '${1:The situation}: ${2:what was done}. Result: ${3:what changed, for whom}.' },
];

/**
 * In a review's evidence (a table's evidence cell, a line under a skill heading, a ladder
 * area's list item), with nothing typed yet: frames to fill in with what was done. No item
 * carries a framework statement's words, in its label, text or documentation: evidence that
 * repeats a statement says nothing about the person (and gets evidence-copies-framework), and
 * a statement offered in the list is what gets accepted. Hover on the assessed level shows what
 * the level asks for. `firstPerson`: the review speaks as "I" (a ladder's): that frame first.
 */
export function evidencePromptItems(doc: ParsedDocument, framework: Framework, line: number, character: number, inTable: boolean, firstPerson = false): CompletionItem[] {
  if (doc.kind !== 'review') return [];
  const review = readReview(doc, framework);
  const entry = inTable ? review.entries.find((e) => e.name.range.start.line === line) : sectionEntry(doc, review.entries, line);
  if (!entry || (!inTable && entry.assessed?.range.start.line === line)) return [];
  const level = entry.level ?? review.current?.expected.get(entry.skill);
  const which = level ? `, ${entry.level ? 'assessed' : 'expected'} at ${levelInProse(level)}` : '';
  const range = { start: { line, character }, end: { line, character } };
  const frames = firstPerson ? [FRAMES[1], FRAMES[0], FRAMES[2]] : FRAMES;
  return frames.map((frame, i) => ({
    label: frame.label,
    kind: CompletionItemKind.Snippet,
    detail: `evidence for ${skillFullName(entry.skill)}`,
    documentation: {
      kind: MarkupKind.Markdown,
      value: `Evidence for ${escapeMd(skillFullName(entry.skill))}${which}: say in your own words what was done, its result and who it helped. Hover the assessed level to see what the level asks for.`,
    },
    sortText: `~${String(i).padStart(3, '0')}`,
    filterText: frame.label,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: frame.text },
  }));
}

/** The heading-per-skill entry whose section holds a line, with no other heading in between. */
function sectionEntry(doc: ParsedDocument, entries: readonly ReviewEntry[], line: number): ReviewEntry | undefined {
  let found: ReviewEntry | undefined;
  for (const e of entries) if (e.name.range.start.line < line && e.name.range.start.line !== e.assessed?.range.start.line) found = e;
  if (!found) return undefined;
  // No other heading in between, as the block map has them (a heading in code is none).
  if (blockMap(doc).sectionOf(line) > found.name.range.start.line) return undefined;
  return found;
}
