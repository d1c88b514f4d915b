// Hover on an assessed level in a review: what that level says of the skill, what the next level
// up says ("to reach practitioner: ..."), and where the role level and the next one stand.
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import type { Framework } from '../framework/framework';
import { skillFullName, type LevelData } from '../framework/model';
import { covers, type ParsedDocument } from '../documents/model';
import { escapeMd, levelInProse, levelPlace, statementsAt } from '../features/frameworkProse';
import { readReview } from './read';

export function reviewHover(doc: ParsedDocument, framework: Framework, position: Position): Hover | null {
  if (doc.kind !== 'review') return null;
  const review = readReview(doc, framework);
  const entry = review.entries.find((e) => e.assessed && e.level && covers(e.assessed, position));
  if (!entry || !entry.level) return null;
  const { skill, level } = entry;
  const name = escapeMd(skillFullName(skill));
  const inProse = (l: LevelData) => escapeMd(levelInProse(l));
  const parts = [levelPlace(framework, level), `${name} at ${inProse(level)}:\n\n${statementsAt(framework, skill, level)}`];
  const up = framework.levels[framework.levelIndex(level) + 1];
  if (up) parts.push(`To reach ${inProse(up)}:\n\n${statementsAt(framework, skill, up)}`);
  const expected = review.current?.expected.get(skill);
  const next = review.next?.expected.get(skill);
  const standing: string[] = [];
  if (expected) standing.push(`${escapeMd(review.current!.name)} expects ${inProse(expected)}`);
  if (next) standing.push(`${escapeMd(review.next!.name)} needs ${inProse(next)}`);
  if (standing.length) parts.push(`${standing.join('; ')}.`);
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range: entry.assessed!.range };
}
