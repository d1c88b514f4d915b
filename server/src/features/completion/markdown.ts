// Markdown bodies: adverts, reviews and documents of unknown kind.
import { evidencePromptItems, reviewSkillAt } from '../../reviews/completion';
import { CompletionItem } from 'vscode-languageserver-types';
import type { Framework } from '../../framework/framework';
import { SkillData, skillFullName } from '../../framework/model';
import { LEVEL_LINE_BEFORE } from '../../markdown/levelLine';
import { HEADING } from '../../markdown/heading';
import { listLead } from '../../markdown/list';
import { isSpace } from '../../markdown/space';
import { ambiguousFirst, Ctx, levelItems, skillNameItems } from './shared';
import { tableCompletions } from './table';
import { isLadder } from './ladder';
import { caches } from '../../caches';

// What may be typed of a skill name after the line's lead (a list marker, a heading's #s).
const TYPED_NAME = /^(?:[^\s*_`|#>:][^*_`|:]*)?$/;
// `**Skill** (work`, `**Skill**: work`, `**Skill** - work`, `**Skill:** work`.
const BOLD_THEN_LEVEL = /(\*\*|__)([^*_]+?)\1(?:\s*\(\s*|\s*:\s*|\s+[-\u2013\u2014]\s*|\s*[\u2013\u2014]\s*|(?<=:(?:\*\*|__))\s*)([A-Za-z0-9/]*(?: [A-Za-z0-9/]+)?)$/;
// `Skill: work`, `Skill - work`, `Skill — work` after the line's lead (a list marker).
const PLAIN_THEN_LEVEL = /^([^*_|:]+?)(?:\s*:\s*|\s+[-\u2013\u2014]\s+|\s*[\u2013\u2014]\s*)([A-Za-z0-9/]*(?: [A-Za-z0-9/]+)?)$/;
/** A skill name is a few words; more than this is a sentence being written, not a name. */
const MAX_TYPED_NAME = 60;

export function markdownCompletions(ctx: Ctx): CompletionItem[] {
  const { before, framework } = ctx;

  // A table's rows, with or without a leading pipe, as the parser reads them.
  if (ctx.text.includes('|')) {
    const cells = tableCompletions(ctx);
    if (cells || ctx.text.trimStart().startsWith('|')) return cells ?? [];
  }

  // Levels: after a skill in any of the inline forms, or on a gov.uk `Level:` line.
  const levelLine = LEVEL_LINE_BEFORE.exec(before);
  if (levelLine) {
    const skill = skillAbove(ctx) ?? reviewSkillAt(ctx.doc, framework, ctx.line);
    return levelItems(ctx, skill, ctx.ch - levelLine[1].length, false);
  }
  const bold = BOLD_THEN_LEVEL.exec(before);
  if (bold && !/\.$/.test(bold[2])) {
    const name = bold[2].replace(/[:\s]+$/, '');
    const inParens = /\(\s*[A-Za-z0-9/ ]*$/.test(before.slice(bold.index + bold[1].length * 2 + bold[2].length));
    return levelItems(ctx, framework.resolveSkill(name) ?? ambiguousFirst(framework, name), ctx.ch - bold[3].length, inParens);
  }
  const plain = PLAIN_THEN_LEVEL.exec(before.slice(lineLead(before, false)));
  if (plain) {
    const skill = framework.resolveSkill(plain[1].trim());
    if (skill) return levelItems(ctx, skill, ctx.ch - plain[2].length, false);
  }

  // Evidence under a skill heading or a ladder's competency area in a review, nothing typed yet:
  // frames to say what was done (never the framework's statements: reviews/completion.ts).
  if (ctx.doc.kind === 'review' && !ctx.text.slice(lineLead(ctx.text, false)).trim() && !HEADING.test(ctx.text)) {
    const prompts = evidencePromptItems(ctx.doc, framework, ctx.line, ctx.ch, false, isLadder(framework));
    if (prompts.length) return prompts;
  }

  const items: CompletionItem[] = [];

  // Skill names: inside an unclosed `**`, or at the start of a line or list item.
  const open = unclosedBold(before);
  if (open !== undefined) {
    items.push(...skillNameItems(ctx, open.start, open.marker));
    return items;
  }
  const leadLength = lineLead(before, true);
  const typed = before.slice(leadLength);
  if (TYPED_NAME.test(typed)) {
    const words = typed.trim() ? typed.trim().split(/\s+/).length : 0;
    // A plain line longer than any skill name is a sentence being written: offer nothing.
    const nameLike = typed.length <= MAX_TYPED_NAME && words <= maxNameWords(framework) && !/[.!?;]\s|[.!?]$/.test(typed);
    // A plain line may be the start of a sentence: only names that start with it are offered
    // there, not every skill whose description shares one of its words.
    const plain = listLead(before) < 0 && !HEADING.test(before);
    if (nameLike) items.push(...skillNameItems(ctx, leadLength, '', !plain));
  }
  return items;
}

/** The most words any skill name has, so longer lines are known to be prose. Cached. */
const nameWords = caches.weak<Framework, number>();
function maxNameWords(framework: Framework): number {
  let n = nameWords.get(framework);
  if (n === undefined) {
    n = Math.max(1, ...framework.skills.map((s) => skillFullName(s).split(/\s+/).length));
    nameWords.set(framework, n);
  }
  return n;
}

/** The skill a gov.uk `Level:` line belongs to: the nearest non-blank line above it. */
function skillAbove(ctx: Ctx): SkillData | undefined {
  for (let n = ctx.line - 1; n >= Math.max(0, ctx.line - 3); n--) {
    const text = ctx.doc.lines.line(n);
    if (!text.trim()) continue;
    const name = text
      .slice(lineLead(text, true))
      .replace(/[*_`]/g, '')
      .replace(/[\s.:#]+$/, '');
    return ctx.framework.resolveSkill(name) ?? ambiguousFirst(ctx.framework, name);
  }
  return undefined;
}

/** The `**` or `__` opened before the cursor and not yet closed, and where the name starts. */
function unclosedBold(before: string): { start: number; marker: string } | undefined {
  for (const marker of ['**', '__']) {
    let count = 0;
    let last = -1;
    for (let i = before.indexOf(marker); i !== -1; i = before.indexOf(marker, i + 2)) {
      count++;
      last = i;
    }
    if (count % 2 === 1) {
      const typed = before.slice(last + 2);
      if (typed.length > MAX_TYPED_NAME || /[*_`]/.test(typed)) return undefined;
      return { start: last + 2, marker };
    }
  }
  return undefined;
}

/**
 * Where a line's content starts: after its list marker, or (`heading`) after a heading's #s, or
 * after its indent. The markers are the parser's own (server/src/markdown/).
 */
function lineLead(text: string, heading: boolean): number {
  const list = listLead(text);
  if (list >= 0) return list;
  const h = heading ? HEADING.exec(text) : null;
  if (h) return h[1].length;
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}
