// Tables: names in the skill column, levels in the level column.
import { CompletionItem } from 'vscode-languageserver-types';
import { SkillData } from '../../framework/model';
import { isLevelHeader, isTableRow, isTableSeparator, mayBeTableHeader, tableCells, tableColumns } from '../../markdown/table';
import { ambiguousFirst, Ctx, levelItems, skillNameItems } from './shared';
import { withCellSpace } from './whileTyping';
import { reviewColumns } from '../../reviews/read';
import { evidencePromptItems } from '../../reviews/completion';

/** Undefined when the line is in no table (the rows the parser reads as one). */
export function tableCompletions(ctx: Ctx): CompletionItem[] | undefined {
  const { doc, line } = ctx;
  // Walk up to the separator row; the header is the row above it.
  let separator = -1;
  for (let n = line; n >= Math.max(0, line - 2000); n--) {
    const t = doc.lines.line(n);
    if (isTableSeparator(t)) {
      separator = n;
      break;
    }
    if (!isTableRow(t)) break;
  }
  if (separator < 1 || separator >= line || !mayBeTableHeader(doc.lines.line(separator - 1))) return undefined;
  const header = doc.lines.line(separator - 1);
  const { skillCol, levelCol } = tableColumns(tableCells(header, true).map((c) => header.slice(c.start, c.end)));

  const row = tableCells(ctx.text, true);
  const col = row.findIndex((c) => ctx.ch >= c.start && ctx.ch <= c.end);
  if (col === -1) return [];
  const cell = row[col];
  let start = cell.start;
  while (start < ctx.ch && /[\s*_`]/.test(ctx.text[start])) start++;
  // Asked right after the `|`: the item brings the cell's leading space.
  const pad = (items: CompletionItem[]) => (ctx.ch === cell.start && ctx.text[cell.start - 1] === '|' ? withCellSpace(items) : items);
  if (col === skillCol) {
    const marker = /(\*\*|__)$/.exec(ctx.text.slice(cell.start, start))?.[1] ?? '';
    return pad(skillNameItems(ctx, start, marker));
  }
  // A review's table has more than one column of levels: the level expected, the level
  // assessed, a self rating beside a manager's.
  const headers = tableCells(header, true).map((c) => header.slice(c.start, c.end));
  const review = ctx.doc.kind === 'review' ? reviewColumns(headers) : undefined;
  const reviewLevel = !!review && col !== review.skill && col !== review.evidence && (col === review.expected || col === review.assessed || isLevelHeader(headers[col] ?? ''));
  if (col === levelCol || reviewLevel) {
    let skill: SkillData | undefined;
    const nameCell = skillCol >= 0 ? row[skillCol] : undefined;
    if (nameCell) {
      const name = ctx.text.slice(nameCell.start, nameCell.end).replace(/[*_`]/g, '').trim();
      skill = ctx.framework.resolveSkill(name) ?? ambiguousFirst(ctx.framework, name);
    }
    return pad(levelItems(ctx, skill, start, false));
  }
  // A review's evidence cell, still empty: prompts to say what was done.
  if (review && col === review.evidence && !ctx.text.slice(cell.start, cell.end).trim()) return pad(evidencePromptItems(ctx.doc, ctx.framework, ctx.line, ctx.ch, true));
  return [];
}
