// Tables: names in the skill column, levels in the level column.
import { CompletionItem } from 'vscode-languageserver-types';
import { SkillData } from '../../framework/model';
import { tableColumns } from '../../markdown/table';
import { ambiguousFirst, Ctx, levelItems, skillNameItems } from './shared';

export function tableCompletions(ctx: Ctx): CompletionItem[] {
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
  if (col === skillCol) {
    const marker = /(\*\*|__)$/.exec(ctx.text.slice(cell.start, start))?.[1] ?? '';
    return skillNameItems(ctx, start, marker);
  }
  if (col === levelCol) {
    let skill: SkillData | undefined;
    const nameCell = skillCol >= 0 ? row[skillCol] : undefined;
    if (nameCell) {
      const name = ctx.text.slice(nameCell.start, nameCell.end).replace(/[*_`]/g, '').trim();
      skill = ctx.framework.resolveSkill(name) ?? ambiguousFirst(ctx.framework, name);
    }
    return levelItems(ctx, skill, start, false);
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
