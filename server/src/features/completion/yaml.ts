// YAML: pathway files and front matter.
import { CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import type { Framework, RoleLevelRef } from '../../framework/framework';
import { SkillData } from '../../framework/model';
import { escapeMd, frameworkLabel, joinWords, levelPlace, levelWord, statementsAt } from '../frameworkProse';
import { siblingKeys, yamlSpot, yamlText, type YamlCursor, type YamlSpot } from '../../yaml/cursor';
import { capitaliseWord, Ctx, levelItems, replaceRange, skillNameItems, SUGGEST_AGAIN } from './shared';

const DOCUMENT_KINDS = [
  { id: 'job-advert', doc: 'A job advert: skills with the levels the job needs.' },
  { id: 'pathway', doc: 'A pathway: grades mapped to skill levels, and topics with what each level looks like.' },
  { id: 'review', doc: 'A performance review: evidence against skills or competency areas.' },
];

/** Keys of a pathway file, in the order the seed pathway writes them. */
const PATHWAY_ROOT_KEYS: KeySpec[] = [
  { key: 'path', doc: 'Where the pathway is published, e.g. `/pathways/cloudengineer`.', shape: 'scalar' },
  { key: 'title', doc: 'The pathway’s title, e.g. `Cloud Engineer Pathway`.', shape: 'scalar' },
  { key: 'levels', doc: 'Maps each grade to the skill level expected at it, e.g. `SEO: working`.', shape: 'map' },
  { key: 'topics', doc: 'The skills of the pathway, each with a description and what each level looks like.', shape: 'topics' },
  { key: 'framework', doc: 'The framework the pathway uses, e.g. `ddat`.', shape: 'scalar' },
  { key: 'kind', doc: 'The document kind: `pathway`.', shape: 'scalar' },
];
const TOPIC_KEYS: KeySpec[] = [
  { key: 'name', doc: 'The skill this topic describes, as the framework names it.', shape: 'scalar' },
  { key: 'description', doc: 'What the skill means in this pathway.', shape: 'scalar' },
  { key: 'pathway', doc: 'Each skill level of this topic, with a description and indicators.', shape: 'map' },
];
const PATHWAY_LEVEL_KEYS: KeySpec[] = [
  { key: 'description', doc: 'What someone at this level does.', shape: 'scalar' },
  { key: 'indicators', doc: 'Observable signs that someone works at this level.', shape: 'list' },
];
const FRONT_MATTER_KEYS: KeySpec[] = [
  { key: 'kind', doc: 'The document kind: `job-advert`, `pathway` or `review`.', shape: 'scalar' },
  { key: 'role', doc: 'The role level, e.g. `Senior infrastructure engineer`: its skills and levels are checked.', shape: 'scalar' },
  { key: 'grade', doc: 'The grade, e.g. `SEO`.', shape: 'scalar' },
  { key: 'framework', doc: 'The framework the document uses, e.g. `ddat`.', shape: 'scalar' },
  { key: 'skills', doc: 'Skills and their levels, one per line: `Information security: practitioner`.', shape: 'map' },
];

interface KeySpec {
  key: string;
  doc: string;
  shape: 'scalar' | 'map' | 'list' | 'topics';
}

export function pathwayCompletions(ctx: Ctx, firstLine: number, frameworkIds: readonly string[]): CompletionItem[] {
  const spot = yamlSpot(cursorOf(ctx), firstLine);
  if (!spot) return [];
  const { framework, doc } = ctx;
  const p = spot.path;
  const at = (...want: string[]) => p.length === want.length && want.every((w, i) => w === '*' || w === p[i]);

  if (spot.valueKey !== undefined) {
    const key = spot.valueKey.toLowerCase();
    if (at() && key !== 'levels' && key !== 'topics') return rootValueItems(ctx, spot, key, frameworkIds);
    if (at('levels')) return levelValueItems(ctx, spot);
    const topic = topicPath(p);
    if (topic?.length === 0 && key === 'name') return skillValueItems(ctx, spot);
    // A topic's own levels: a grade's in its grade map (`levels:` then `G7: `), a level item's
    // (`content:` or `levels:` then `- level: `), or its one `level: `.
    const levelsMap = topic?.length === 1 && topic[0] === 'levels';
    const levelItem = topic?.length === 2 && (topic[0] === 'content' || topic[0] === 'levels') && topic[1] === '[]' && (key === 'level' || key === 'name');
    if (levelsMap || levelItem || (topic?.length === 0 && key === 'level')) {
      return levelItems(ctx, topicAt(ctx), spot.start, false).map((i) => quoteEdit(i, spot, ctx));
    }
    return [];
  }
  if (at()) return keyItems(ctx, spot, PATHWAY_ROOT_KEYS, new Set(doc.fields.keys()));
  if (at('levels')) {
    const used = new Set((doc.pathway?.gradeLevels ?? []).map((g) => framework.findGrade(g.grade.text)?.id ?? g.grade.text));
    return gradeKeyItems(ctx, spot, used);
  }
  if (at('topics', '[]')) return keyItems(ctx, spot, TOPIC_KEYS, siblingKeys(cursorOf(ctx), spot));
  if (at('topics', '[]', 'pathway')) return levelKeyItems(ctx, spot, siblingKeys(cursorOf(ctx), spot));
  if (at('topics', '[]', 'pathway', '*') && framework.findLevel(p[3])) return keyItems(ctx, spot, PATHWAY_LEVEL_KEYS, siblingKeys(cursorOf(ctx), spot));
  return [];
}

export function frontMatterCompletions(ctx: Ctx, firstLine: number, frameworkIds: readonly string[]): CompletionItem[] {
  const spot = yamlSpot(cursorOf(ctx), firstLine);
  if (!spot) return [];
  const p = spot.path;
  if (spot.valueKey !== undefined) {
    if (p.length === 0) return rootValueItems(ctx, spot, spot.valueKey.toLowerCase(), frameworkIds);
    if (p.length === 1 && p[0].toLowerCase() === 'skills') {
      const skill = ctx.framework.resolveSkill(spot.valueKey);
      return levelItems(ctx, skill, spot.start, false).map((i) => quoteEdit(i, spot, ctx));
    }
    return [];
  }
  if (p.length === 0) return keyItems(ctx, spot, FRONT_MATTER_KEYS, new Set(ctx.doc.fields.keys()));
  if (p.length === 1 && p[0].toLowerCase() === 'skills') {
    return skillNameItems(ctx, spot.start, '').map((item) => {
      // A `skills:` entry is `Name: level`; carry on straight to the level list.
      if (item.textEdit && 'range' in item.textEdit) item.textEdit.newText = `${yamlText(item.textEdit.newText)}: `;
      item.command = SUGGEST_AGAIN;
      return item;
    });
  }
  return [];
}

function keyItems(ctx: Ctx, spot: YamlSpot, specs: KeySpec[], existing: Set<string>): CompletionItem[] {
  const range = replaceRange(ctx, spot.start);
  const typedKey = ctx.before.slice(spot.start).trim().toLowerCase();
  const child = ' '.repeat(spot.keyColumn + 2);
  return specs
    .filter((s) => !existing.has(s.key) || s.key === typedKey)
    .map((s, i) => {
      const newText =
        s.shape === 'scalar' ? `${s.key}: ` : s.shape === 'topics' ? `${s.key}:\n${child}- name: ` : s.shape === 'list' ? `${s.key}:\n${child}- ` : `${s.key}:\n${child}`;
      return {
        label: s.key,
        kind: CompletionItemKind.Property,
        documentation: { kind: MarkupKind.Markdown, value: s.doc },
        sortText: String(i).padStart(2, '0'),
        filterText: s.key,
        textEdit: { range, newText },
        command: s.shape === 'list' ? undefined : SUGGEST_AGAIN,
      };
    });
}

/** Grade names as keys under a pathway's `levels:`, most junior first; ones already mapped are left out. */
function gradeKeyItems(ctx: Ctx, spot: YamlSpot, used: Set<string>): CompletionItem[] {
  const { framework } = ctx;
  const range = replaceRange(ctx, spot.start);
  const grades = [...framework.grades].sort((a, b) => a.rank - b.rank).filter((g) => !used.has(g.id));
  return grades.map((grade, i) => ({
    label: grade.id,
    kind: CompletionItemKind.Constant,
    detail: grade.name,
    documentation: { kind: MarkupKind.Markdown, value: gradeDocumentation(framework, grade.id) },
    sortText: String(i).padStart(2, '0'),
    filterText: grade.id,
    textEdit: { range, newText: `${yamlText(grade.id)}: ` },
    command: SUGGEST_AGAIN,
  }));
}

function gradeDocumentation(framework: Framework, gradeId: string): string {
  const roles = framework.roleLevels.filter((r) => r.level.grades.some((g) => framework.findGrade(g)?.id === gradeId));
  if (!roles.length) return `No role level of ${escapeMd(frameworkLabel(framework))} is performed at this grade.`;
  return `Performed at this grade: ${joinWords(roles.map((r) => escapeMd(r.level.name)), 'and')}.`;
}

/** Level names as the value of a `levels:` grade entry. */
function levelValueItems(ctx: Ctx, spot: YamlSpot): CompletionItem[] {
  return levelItems(ctx, undefined, spot.start, false).map((i) => quoteEdit(i, spot, ctx));
}

/** Level names as keys under a topic's `pathway:`, in scale order, each opening its mapping. */
function levelKeyItems(ctx: Ctx, spot: YamlSpot, existing: Set<string>): CompletionItem[] {
  const { framework } = ctx;
  const range = replaceRange(ctx, spot.start);
  const topic = topicAt(ctx);
  const child = ' '.repeat(spot.keyColumn + 2);
  return framework.levels
    .filter((l) => !existing.has(l.id.toLowerCase()))
    .map((level) => {
      const docs = [levelPlace(framework, level)];
      if (level.description) docs.push(escapeMd(level.description));
      if (topic) docs.push(statementsAt(framework, topic, level));
      return {
        label: levelWord(level),
        kind: CompletionItemKind.EnumMember,
        detail: `${capitaliseWord(framework.levelNoun)} ${framework.levelIndex(level) + 1} of ${framework.levels.length}`,
        documentation: { kind: MarkupKind.Markdown, value: docs.join('\n\n') },
        sortText: String(framework.levelIndex(level)).padStart(2, '0'),
        filterText: levelWord(level),
        textEdit: { range, newText: `${yamlText(levelWord(level))}:\n${child}` },
        command: SUGGEST_AGAIN,
      };
    });
}

/** The path inside a topic (an item of `topics`, of a `skills` list or of a file that is the
 *  list) for a path of the pathway; undefined outside one. */
function topicPath(path: string[]): string[] | undefined {
  if ((path[0] === 'topics' || path[0] === 'skills') && path[1] === '[]') return path.slice(2);
  return path[0] === '[]' ? path.slice(1) : undefined;
}

/** The skill of the pathway topic whose entry contains the cursor line. */
function topicAt(ctx: Ctx): SkillData | undefined {
  let best: SkillData | undefined;
  for (const topic of ctx.doc.pathway?.topics ?? []) {
    if (topic.name.range.start.line > ctx.line) break;
    best = ctx.framework.resolveSkill(topic.name.text);
  }
  return best;
}

/** Skill names as the value of `topics[].name`. */
function skillValueItems(ctx: Ctx, spot: YamlSpot): CompletionItem[] {
  return skillNameItems(ctx, spot.start, '').map((i) => quoteEdit(i, spot, ctx));
}

/** Values of top-level keys: `kind`, `role`, `grade`, `framework`. */
function rootValueItems(ctx: Ctx, spot: YamlSpot, key: string, frameworkIds: readonly string[]): CompletionItem[] {
  const { framework, doc } = ctx;
  const range = replaceRange(ctx, spot.start);
  const make = (label: string, kind: CompletionItemKind, i: number, detail?: string, documentation?: string): CompletionItem => {
    const item: CompletionItem = {
      label,
      kind,
      sortText: String(i).padStart(3, '0'),
      filterText: label,
      textEdit: { range, newText: label },
    };
    if (detail) item.detail = detail;
    if (documentation) item.documentation = { kind: MarkupKind.Markdown, value: documentation };
    return quoteEdit(item, spot, ctx);
  };
  switch (key) {
    case 'kind':
      return DOCUMENT_KINDS.map((k, i) => make(k.id, CompletionItemKind.EnumMember, i, undefined, k.doc));
    case 'framework':
      return frameworkIds.map((id, i) => make(id, CompletionItemKind.Module, i, id === framework.id ? framework.name : undefined));
    case 'role': {
      // Role levels performed at the document's grade come first.
      const grade = doc.grade ? framework.findGrade(doc.grade.text) : undefined;
      const fits = (r: RoleLevelRef) => !!grade && r.level.grades.some((g) => framework.findGrade(g) === grade);
      const roles = framework.roleLevels.map((r, i) => ({ r, i })).sort((a, b) => Number(fits(b.r)) - Number(fits(a.r)) || a.i - b.i);
      return roles.map(({ r }, i) => {
        const where = r.role.family ? `${r.role.family} › ${r.role.name}` : r.role.name;
        const grades = r.level.grades.length ? r.level.grades.join(', ') : 'grade not given';
        const detail = `${where} · ${grades} · ${r.level.skills.length} skills`;
        return make(r.level.name, CompletionItemKind.Class, i, detail, r.level.summary ? escapeMd(r.level.summary) : undefined);
      });
    }
    case 'grade': {
      const role = doc.role ? framework.findRoleLevel(doc.role.text) : undefined;
      const fits = (id: string) => !!role && role.level.grades.some((g) => framework.findGrade(g)?.id === id);
      const grades = [...framework.grades].sort((a, b) => Number(fits(b.id)) - Number(fits(a.id)) || a.rank - b.rank);
      return grades.map((g, i) => {
        const item = make(g.id, CompletionItemKind.Constant, i, g.name, gradeDocumentation(framework, g.id));
        if (fits(g.id)) item.labelDetails = { description: `${role!.level.name}` };
        return item;
      });
    }
    default:
      return [];
  }
}

/** Fixes an item's text for a YAML value: closes an opened quote, or quotes text YAML would misread. */
function quoteEdit(item: CompletionItem, spot: YamlSpot, ctx: Ctx): CompletionItem {
  const edit = item.textEdit;
  if (!edit || !('range' in edit)) return item;
  if (spot.quote) {
    if (!ctx.text.slice(edit.range.end.character).startsWith(spot.quote)) edit.newText += spot.quote;
  } else edit.newText = yamlText(edit.newText);
  return item;
}

function cursorOf(ctx: Ctx): YamlCursor {
  return { lines: ctx.doc.lines, line: ctx.line, text: ctx.text, before: ctx.before };
}
