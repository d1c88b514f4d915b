// Ladder statements in reviews.
import { CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import type { Framework } from '../../framework/framework';
import { LevelData, SkillData, skillFullName } from '../../framework/model';
import type { ParsedDocument } from '../../documents/model';
import { escapeMd, levelPlace } from '../frameworkProse';
import { blockMap } from '../../documents/blockMap';
import { Ctx, replaceRange } from './shared';
import { caches } from '../../caches';

/** A ladder framework speaks in the first person: its statements start with "I". Cached. */
const ladderFlag = caches.weak<Framework, boolean>();
export function isLadder(framework: Framework): boolean {
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
export function ladderStatementItems(ctx: Ctx, start: number): CompletionItem[] {
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
          documentation: { kind: MarkupKind.Markdown, value: `${levelPlace(framework, level)}\n\n${escapeMd(skillFullName(skill))}` },
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
  // The section's heading, as the block map has it (a heading in code is none).
  const n = blockMap(ctx.doc).sectionOf(ctx.line - 1);
  if (n < 0 || ctx.line - n > 300) return undefined;
  const name = blockMap(ctx.doc).heading(n)!.text.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[\s#*_]+$/, '');
  return ctx.framework.resolveSkill(name);
}
