// Tables for the mention scanner (markdownMentions.ts): a skill column with a level column, or a
// column per role level (`| Skill | Data engineer | Senior data engineer |`), each cell checked
// against its own column's role level.
import { isTypoOf, type Framework } from '../framework/framework';
import { isTableRow, tableCells, tableColumns } from '../markdown/table';
import { type Ctx, levelValue, located, markupEnd, markupStart, mentionIn, newGroup, roleLevelNamed, spaceRuns, standsForLevel } from './markdownForms';
import { RoleLevelMention } from './model';

/** Reads a table starting at its header line; returns the last line of the table. */
export function parseTable(ctx: Ctx, headerLine: number): number {
  const { lines, framework } = ctx;
  const header = lines.line(headerLine);
  const headers: string[] = [];
  for (const cell of tableCells(header)) headers.push(header.slice(cell.start, cell.end).trim().toLowerCase());
  const { skillCol, levelCol } = tableColumns(headers);
  // `| Skill | Data engineer | Senior data engineer |`: a column per role level, each cell its level.
  const roles = skillCol >= 0 && levelCol < 0 ? roleColumns(framework, headers, skillCol) : [];
  let n = headerLine + 2;
  const rows: { line: number; row: string; ns: number; ne: number; cells: { start: number; end: number }[] }[] = [];
  for (; n < lines.lineCount; n++) {
    const row = lines.line(n);
    if (!isTableRow(row)) break;
    if (skillCol === -1) continue;
    const cells = tableCells(row);
    if (skillCol >= cells.length) continue;
    const ns = markupStart(row, cells[skillCol].start, cells[skillCol].end);
    const ne = markupEnd(row, ns, cells[skillCol].end);
    if (ne <= ns) continue;
    rows.push({ line: n, row, ns, ne, cells });
  }
  if (rows.length && isSkillColumn(framework, rows.map((r) => r.row.slice(r.ns, r.ne)))) {
    const group = newGroup();
    if (roles.length) {
      for (const r of rows) roleRow(ctx, r, roles, group);
      return n - 1;
    }
    for (const r of rows) {
      const cell = levelCol >= 0 ? r.cells[levelCol] : undefined;
      const level = cell ? levelValue(r.row, cell.start, cell.end, framework, r.line) : undefined;
      ctx.out.push(mentionIn(ctx, located(r.row, r.line, r.ns, r.ne), level, 'table', group, true));
    }
  }
  return n - 1;
}

/** The columns headed by a role level's name (`Senior data engineer`, `Lead data engineer (G7)`), with it. */
function roleColumns(framework: Framework, headers: readonly string[], skillCol: number): { col: number; role: string }[] {
  const out: { col: number; role: string }[] = [];
  headers.forEach((header, col) => {
    if (col === skillCol) return;
    const words = header.replace(/[*_`]/g, '').trim();
    const ref = roleLevelNamed(framework, words);
    if (ref) out.push({ col, role: ref.level.name });
  });
  return out;
}

/**
 * A row of a skill x role-level table: its name, checked once, then each cell that holds a level
 * (or a word standing for one), checked against its column's role level. A cell that says
 * something else (`-`, a note) is left alone.
 */
function roleRow(ctx: Ctx, r: { line: number; row: string; ns: number; ne: number; cells: { start: number; end: number }[] }, roles: { col: number; role: string }[], group: string): void {
  const { framework } = ctx;
  const name = located(r.row, r.line, r.ns, r.ne);
  ctx.out.push(new RoleLevelMention(name, undefined, 'table', group, true, roles[0].role));
  for (const { col, role } of roles) {
    const cell = r.cells[col];
    const level = cell && levelValue(r.row, cell.start, cell.end, framework, r.line);
    if (!level || !standsForLevel(framework, level.text)) continue;
    ctx.out.push(new RoleLevelMention(name, level, 'table', undefined, true, role));
  }
}

/**
 * Whether a column headed like a skill column holds skill names: at least half of its cells
 * name a skill or miss one by a typo. A "Skills used" column of free text (`networking,
 * Terraform`, `none written`) is not checked as names.
 */
function isSkillColumn(framework: Framework, cells: string[]): boolean {
  let names = 0;
  let looked = 0;
  for (const cell of cells) {
    looked++;
    if (framework.lookupSkill(cell).kind !== 'unknown') names++;
    else if (spaceRuns(cell) <= 6 && !/[,;]\s/.test(cell) && framework.suggestSkills(cell, 1).some((skill) => isTypoOf(cell, skill))) names++;
    // Enough seen either way: most tables are all names.
    if (names * 2 >= cells.length) return true;
    if ((looked - names) * 2 > cells.length) return false;
  }
  return names * 2 >= cells.length;
}
