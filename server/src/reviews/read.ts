// Reads a review's assessments from the forms people write: a table whose columns are found by
// their headers (in any order, extra columns kept), a heading per skill with an `Assessed:` line
// and evidence below, and a career-ladder review (a section per competency area with "I ..."
// statements). The role level comes from the parsed document (front matter or title).
import type { ParsedDocument } from '../documents/model';
import { LineSpan } from '../documents/model';
import type { Framework, RoleLevelRef } from '../framework/framework';
import type { LevelData, SkillData } from '../framework/model';
import { blockMap } from '../documents/blockMap';
import { LEVEL_LINE } from '../markdown/levelLine';
import { continuesItem, listLead } from '../markdown/list';
import { isSpace } from '../markdown/space';
import { isTableRow, tableCells, tableColumns } from '../markdown/table';
import type { Review, ReviewColumns, ReviewEntry, ReviewLayout, Standing } from './model';
import { caches } from '../caches';

/** Lines that carry no evidence: HTML block tags (a ladder's `<details>`), rules, a bare label. */
const NOT_EVIDENCE = /^(?:<\/?[a-z][^>]*>\s*)+$|^<summary>.*<\/summary>$|^(?:-{3,}|\*{3,}|_{3,})$|^(?:\*\*|__)?(?:evidence|examples?|comments?|notes?)(?:\*\*|__)?\s*:?(?:\*\*|__)?$/i;
const EXPECTED_LABEL = /expected|required|target/i;

/** The review model of a parsed document (any kind; features call it for reviews), read once
 *  per document version and framework: checks, hover and the profile share it. */
export function readReview(doc: ParsedDocument, framework: Framework): Review {
  const cached = reviews.get(doc);
  if (cached && cached.framework === framework) return cached.review;
  const review = readReviewUncached(doc, framework);
  reviews.set(doc, { framework, review });
  return review;
}
const reviews = caches.weak<ParsedDocument, { framework: Framework; review: Review }>();

function readReviewUncached(doc: ParsedDocument, framework: Framework): Review {
  const { current, next, ref } = standings(doc, framework);
  const entries: ReviewEntry[] = [];
  const seen = new Set<SkillData>();
  const add = (e: ReviewEntry) => {
    if (seen.has(e.skill)) return;
    seen.add(e.skill);
    entries.push(e);
  };
  const lines = doc.lines;
  // Code, comments and front matter are not read; headings and tables are where the map says.
  const blocks = blockMap(doc);
  const first = doc.bodyStart;
  let layout: ReviewLayout | undefined;
  let headingsLayout: ReviewLayout | undefined;
  // The skill heading being read, and its depth.
  let section: { entry: ReviewEntry; depth: number } | undefined;
  const closeSection = (lastLine: number) => {
    if (!section) return;
    add(section.entry);
    headingsLayout = { form: framework.roleLevels.length ? 'headings' : 'ladder', depth: section.depth, lastLine, label: 'Assessed' };
    section = undefined;
  };
  let lastContent = first;
  for (let n = first; n < lines.lineCount; n++) {
    if (!blocks.isRead(n)) continue;
    const text = blocks.read.line(n);
    const heading = blocks.heading(n);
    if (heading) {
      const { depth } = heading;
      const skill = skillOfHeading(heading, n, text, framework, ref);
      if (section && (skill || depth <= section.depth)) closeSection(lastContent);
      if (skill) section = { entry: { skill: skill.skill, name: skill.name, evidence: [] }, depth };
      lastContent = n;
      continue;
    }
    if (blocks.tableHeaderOf(n) === n) {
      const table = readTable(doc, n, framework, ref);
      if (table) {
        closeSection(lastContent);
        for (const e of table.entries) add(e);
        // A table the coverage fix may add rows to: one with the framework's skills, or one
        // with no rows yet. Rows of skills added under rows of other names would make the parser
        // read them all as skill names, and report the others as unknown.
        const empty = table.lastLine <= n + 1;
        if (table.entries.length || (empty && !layout)) layout = { form: 'table', headers: table.headers, columns: table.columns, lastLine: table.lastLine };
        n = table.lastLine;
        lastContent = n;
        continue;
      }
    }
    if (!section || !text.trim()) continue;
    lastContent = n;
    readSectionLine(section.entry, text, n, framework);
  }
  closeSection(lastContent);
  // A paragraph's bold lead-in the parser read with a level (`**Skill** - working. Evidence…`) is an
  // assessment too, as is a list item led by a skill and its level (`- Systems design: expert`,
  // `- **Testing** – working.`); what follows the level on its line is its evidence, and for a
  // list item the lines under it too. A bare list of skills with levels in brackets
  // (`- **User focus** (practitioner)`) says what is expected: no assessment.
  for (const m of doc.mentions) {
    const assessed = m.level;
    if (!assessed || m.form !== 'inline') continue;
    const at = m.name.range.start;
    const itemText = lines.line(at.line);
    const marker = listLead(itemText);
    const listItem = marker >= 0 && /^(?:\*\*|__)?$/.test(itemText.slice(marker, at.character));
    const lead = itemText.slice(0, at.character).trim();
    if (!listItem && lead !== '**' && lead !== '__') continue;
    const skill = skillNamed(m.name.text, framework, ref);
    if (!skill) continue;
    const { start: from, end } = assessed.range;
    const line = end.line;
    if (line !== from.line) continue;
    const text = lines.line(line);
    const rest = text.slice(end.character).replace(/^[\s).,;:\u2013\u2014-]+/, '');
    const start = text.length - rest.length;
    const evidence = rest.trim() ? [new LineSpan(rest.trimEnd(), line, start, start + rest.trimEnd().length)] : [];
    if (listItem) {
      for (const e of itemEvidence(doc, line)) evidence.push(e);
      if (!evidence.length && /\(\s*$/.test(text.slice(0, from.character))) continue;
    }
    add({ skill, name: m.name, assessed, level: framework.findLevelOrNumber(assessed.text), evidence });
  }
  const period = doc.fields.get('period')?.value ?? undefined;
  return {
    role: current ? doc.role : undefined,
    current,
    next,
    period: typeof period === 'string' ? period : undefined,
    entries,
    layout: layout ?? headingsLayout ?? { form: 'none', lastLine: lastNonBlank(doc) },
  };
}

/** The role level the review is about and the next one in the same role (a ladder's next level). */
export function standings(doc: ParsedDocument, framework: Framework): { current?: Standing; next?: Standing; ref?: RoleLevelRef } {
  if (!doc.role) return {};
  if (framework.roleLevels.length) {
    const ref = framework.findRoleLevel(doc.role.text);
    if (!ref) return {};
    const nextRef = framework.roleLevels.find((r) => r.role === ref.role && r.index === ref.index + 1);
    return { current: roleStanding(ref, framework), next: nextRef && roleStanding(nextRef, framework), ref };
  }
  // A ladder: its levels are the role levels, and every competency area is expected at each.
  const level = framework.findLevel(doc.role.text);
  if (!level) return {};
  const after = framework.levels[framework.levelIndex(level) + 1];
  return { current: ladderStanding(level, framework), next: after && ladderStanding(after, framework) };
}

/** What a role level expects of each of its skills (also of a role level a review is not about: Insert skills). */
export function roleStanding(ref: RoleLevelRef, framework: Framework): Standing {
  return { name: ref.level.name, expected: framework.requirements(ref) };
}

function ladderStanding(level: LevelData, framework: Framework): Standing {
  const expected = new Map<SkillData, LevelData>();
  for (const skill of framework.skills) if (framework.skillLevel(skill, level)) expected.set(skill, level);
  return { name: level.name, expected };
}

/** The skill a name written in a heading or cell certainly is, resolved for the role. */
function skillNamed(text: string, framework: Framework, ref: RoleLevelRef | undefined): SkillData | undefined {
  const found = framework.lookupSkillForRole(text, ref);
  return found.kind === 'exact' || found.kind === 'renamed' ? found.skill : undefined;
}

/** A heading that names a skill (an icon, emphasis or a link around it allowed). */
function skillOfHeading(heading: { text: string; start: number }, n: number, text: string, framework: Framework, ref: RoleLevelRef | undefined): { skill: SkillData; name: LineSpan } | undefined {
  const { start } = heading;
  const name = coreOf(text, start, start + heading.text.length, n);
  if (!name) return undefined;
  const skill = skillNamed(name.text, framework, ref);
  return skill ? { skill, name } : undefined;
}

/**
 * The name inside a cell or heading, without emphasis, an icon, a link's target or a number in
 * front (`1. `): its text and where it is.
 */
function coreOf(line: string, start: number, end: number, n: number): LineSpan | undefined {
  let s = start;
  let e = end;
  const link = /^\[([^\]]+)\]\([^)]*\)/.exec(line.slice(s, e).replace(/^[*_\s]+/, ''));
  if (link) {
    s = line.indexOf(link[1], s);
    e = s + link[1].length;
  }
  while (s < e && !/[\p{L}\p{N}]/u.test(line[s])) s++;
  while (s < e && !/[\p{L}\p{N})]/u.test(line[e - 1])) e--;
  const lead = /^\d+[.)]\s+/.exec(line.slice(s, e));
  if (lead) s += lead[0].length;
  return s < e ? new LineSpan(line.slice(s, e), n, s, e) : undefined;
}

/** Cells of a table row, each trimmed, with where it sits on the line (escaped `\\|` kept). */
export function splitRow(line: string): { text: string; start: number; end: number }[] {
  return tableCells(line).map(({ start, end }) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(line.charCodeAt(s))) s++;
    while (e > s && isSpace(line.charCodeAt(e - 1))) e--;
    return { text: line.slice(s, e), start: s, end: e };
  });
}

/** The columns of a review table, found by header words; undefined when it is no review table. */
export function reviewColumns(headers: readonly string[]): ReviewColumns | undefined {
  const lower = headers.map((h) => h.replace(/[*_`]/g, '').trim().toLowerCase());
  const find = (re: RegExp, not: number[] = []) => lower.findIndex((h, i) => !not.includes(i) && re.test(h));
  const skill = find(/\b(?:skills?|capabilit(?:y|ies)|competenc(?:y|ies|e)|competency areas?|areas?)\b/);
  if (skill < 0 || /\blevel\b/.test(lower[skill])) return undefined;
  const expected = find(/\b(?:expected|required|target)\b/, [skill]);
  const evidence = find(/\b(?:evidence|examples?|comments?|notes?|what was done)\b/, [skill, expected]);
  // The level column as the parser reads it (markdown/table.ts: a manager's rating before a
  // self rating), else a column of the writer's own words for it (`Current`).
  const parsed = tableColumns(headers).levelCol;
  const assessed = parsed >= 0 && parsed !== skill && parsed !== expected && parsed !== evidence ? parsed : find(/\b(?:assess(?:ed|ment)?|current|rating|self[- ]assessment|level|score)\b/, [skill, expected, evidence]);
  if (assessed < 0 && evidence < 0) return undefined;
  return { skill, expected, assessed, evidence };
}

function readTable(doc: ParsedDocument, headerLine: number, framework: Framework, ref: RoleLevelRef | undefined) {
  const lines = doc.lines;
  const headers = splitRow(lines.line(headerLine)).map((c) => c.text);
  const columns = reviewColumns(headers);
  if (!columns) return undefined;
  const entries: ReviewEntry[] = [];
  let lastLine = headerLine + 1;
  for (let n = headerLine + 2; n < lines.lineCount; n++) {
    const text = lines.line(n);
    if (!isTableRow(text)) break;
    lastLine = n;
    const cells = splitRow(text);
    const nameCell = cells[columns.skill];
    const name = nameCell && coreOf(text, nameCell.start, nameCell.end, n);
    const skill = name && skillNamed(name.text, framework, ref);
    if (!name || !skill) continue;
    const entry: ReviewEntry = { skill, name, evidence: [] };
    const assessedCell = cells[columns.assessed];
    const assessed = assessedCell && coreOf(text, assessedCell.start, assessedCell.end, n);
    if (assessed) {
      entry.assessed = assessed;
      entry.level = framework.findLevelOrNumber(assessed.text);
    }
    const evidenceCell = cells[columns.evidence];
    if (evidenceCell && /[\p{L}\p{N}]/u.test(evidenceCell.text) && !/^(?:n\/?a|none|-+|tbc|tbd)$/i.test(evidenceCell.text)) {
      entry.evidence.push(new LineSpan(evidenceCell.text, n, evidenceCell.start, evidenceCell.end));
    }
    entries.push(entry);
  }
  return { headers, columns, entries, lastLine };
}

/** A line under a skill heading: its assessed level (an `Assessed:` or `Level:` line), else evidence. */
function readSectionLine(entry: ReviewEntry, text: string, n: number, framework: Framework): void {
  const levelLine = LEVEL_LINE.exec(text);
  if (levelLine) {
    if (EXPECTED_LABEL.test(levelLine[1]) || entry.assessed) return;
    const start = levelLine[1].length;
    const value = coreOf(text, start, start + levelLine[2].length, n);
    // `Assessed:` left blank (as a new review has it) is not yet assessed.
    if (value) {
      entry.assessed = value;
      entry.level = framework.findLevelOrNumber(value.text);
    }
    return;
  }
  const evidence = evidenceOn(text, n);
  if (evidence) entry.evidence.push(evidence);
}

/** A line of evidence, without its list marker or label (`- **Evidence:** Led the migration`); undefined for a line that carries none. */
function evidenceOn(text: string, n: number): LineSpan | undefined {
  const trimmed = text.trim();
  if (NOT_EVIDENCE.test(trimmed) || trimmed.startsWith('>')) return undefined;
  const marker = Math.max(0, listLead(text));
  const label = /^\s*(?:(?:\*\*|__)?(?:evidence|examples?|comments?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*)?/i.exec(text.slice(marker))![0].length;
  const lead = marker + label;
  // A comment at the end of the line (`<!-- skill-lens-disable-line ... -->`) is no evidence.
  const comment = text.indexOf('<!--', lead);
  let end = comment >= 0 ? comment : text.length;
  while (end > lead && /\s/.test(text[end - 1])) end--;
  return end > lead ? new LineSpan(text.slice(lead, end), n, lead, end) : undefined;
}

/**
 * The evidence under the list item on line n: the lines it wraps onto and the lines and items
 * nested under it (`  Evidence: led the redesign…`, `  * Evidence: …`), up to a blank line or
 * the next item of its list.
 */
function itemEvidence(doc: ParsedDocument, n: number): LineSpan[] {
  const lines = doc.lines;
  const indent = (t: string) => t.length - t.trimStart().length;
  const itemIndent = indent(lines.line(n));
  const out: LineSpan[] = [];
  for (let k = n + 1; k < lines.lineCount; k++) {
    const text = lines.line(k);
    if (!text.trim()) break;
    const nested = indent(text) > itemIndent;
    if (!nested && !continuesItem(text)) break;
    // An item's own `Level:` line (a skill over its level) is no evidence of another.
    if (!nested && LEVEL_LINE.test(text)) break;
    const evidence = evidenceOn(text, k);
    if (evidence) out.push(evidence);
  }
  return out;
}

/** The last line with text on it (0 for an empty document). */
function lastNonBlank(doc: ParsedDocument): number {
  let n = doc.lines.lineCount - 1;
  while (n > 0 && !doc.lines.line(n).trim()) n--;
  return n;
}
