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

/**
 * In a review's evidence (a table's evidence cell, or a line under a skill heading), with nothing
 * typed yet: the statements of the level assessed (else the level expected) as prompts. Each item
 * is labelled with a statement so the writer can see what the level asks for, but inserts no
 * framework words: evidence that repeats a statement says nothing about the person (and gets
 * evidence-copies-framework). It inserts a frame to fill in with what was done, its result and
 * who it helped, the same three things no-evidence asks for, each a snippet placeholder.
 */
export function evidencePromptItems(doc: ParsedDocument, framework: Framework, line: number, character: number, inTable: boolean): CompletionItem[] {
  if (doc.kind !== 'review') return [];
  const review = readReview(doc, framework);
  const entry = inTable ? review.entries.find((e) => e.name.range.start.line === line) : sectionEntry(doc, review.entries, line);
  if (!entry || (!inTable && entry.assessed?.range.start.line === line)) return [];
  // A skill not yet assessed in a review that names no role level has no level to prompt for.
  const level = entry.level ?? review.current?.expected.get(entry.skill);
  if (!level) return [];
  const statements = framework.skillLevel(entry.skill, level)?.statements ?? [];
  const which = `${entry.level ? 'assessed' : 'expected'} at ${levelInProse(level)}`;
  const range = { start: { line, character }, end: { line, character } };
  return statements.map((statement, i) => ({
    label: statement,
    kind: CompletionItemKind.Text,
    detail: 'prompt: say what was done',
    documentation: {
      kind: MarkupKind.Markdown,
      value: `${escapeMd(skillFullName(entry.skill))}, ${escapeMd(which)}:\n\n> ${escapeMd(statement)}\n\nDescribe what was done that shows this, in your own words: the work, its result, who it helped.`,
    },
    sortText: `~${String(i).padStart(3, '0')}`,
    filterText: statement,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: '${1:What was done}: ${2:its result}, for ${3:who it helped}.' },
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
