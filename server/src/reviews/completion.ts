// Completion of assessed levels in a review: each level says what it means (levelItems), and the
// level the role level expects and the one the next role level needs are marked, so a manager
// sees where the person stands while choosing.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/model';
import type { Framework } from '../framework/framework';
import type { SkillData } from '../framework/model';
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
