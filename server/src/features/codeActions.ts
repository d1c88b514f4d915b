// Quick fixes for the diagnostics that carry FixData: replace with a suggestion, update a
// renamed skill, set the role's level, add a missing skill in the document's own style.
// Each edit changes only the range its diagnostic points at (or inserts one new line).
import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument, SkillMention } from '../documents/model';
import type { FixData } from './diagnostics';

export function codeActions(doc: ParsedDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    const data = fixData(d);
    if (!data) continue;
    const replacements = fixReplacements(data);
    replacements.forEach((text, i) => {
      actions.push(fix(doc, d, titleFor(String(d.code), text), [TextEdit.replace(d.range, text)], i === 0));
    });
    for (const text of oneLine(data.byTopic)) actions.push(fix(doc, d, `Replace with "${text}" (closest by topic)`, [TextEdit.replace(d.range, text)], false));
    if (data.missing && typeof data.missing.skill === 'string' && typeof data.missing.level === 'string') {
      const edit = insertSkill(doc, data.missing.skill, data.missing.level);
      actions.push(fix(doc, d, `Add ${data.missing.skill} (${data.missing.level})`, [edit], false));
    }
    const insert = data.insert;
    if (insert && typeof insert.text === 'string' && typeof insert.line === 'number' && typeof insert.title === 'string' && insert.line >= 0 && insert.line < doc.lines.lineCount && (insert.character === 0 || insert.character === doc.lines.line(insert.line).length)) {
      actions.push(fix(doc, d, insert.title, [TextEdit.insert({ line: insert.line, character: insert.character }, insert.text)], true));
    }
  }
  return actions;
}

/** A finding's fix data, when it is ours. It comes back from the client: only what has the
 *  shape the server gave is used. */
export function fixData(d: Diagnostic): FixData | undefined {
  return d.source === 'skill-lens' && typeof d.data === 'object' && d.data !== null ? (d.data as FixData) : undefined;
}

/** The replacements a fix offers: strings of one line. */
export function fixReplacements(data: FixData): string[] {
  return oneLine(data.replacements);
}

function oneLine(texts: unknown): string[] {
  return Array.isArray(texts) ? texts.filter((t): t is string => typeof t === 'string' && !/[\r\n]/.test(t)) : [];
}

/** The title of the quick fix that writes `text` over a finding of `code`. */
export function titleFor(code: string, text: string): string {
  switch (code) {
    case 'renamed-skill':
      return `Update to "${text}"`;
    case 'level-mismatch':
      return `Set level to "${text}"`;
    default:
      return `Replace with "${text}"`;
  }
}

function fix(doc: ParsedDocument, d: Diagnostic, title: string, edits: TextEdit[], preferred: boolean): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: preferred || undefined,
    edit: { changes: { [doc.uri]: edits } },
  };
}

/**
 * A new line for a skill, copied from the last skill line that carries a level so the
 * document's own style (list, table, YAML map, gov.uk block) is kept.
 */
function insertSkill(doc: ParsedDocument, skill: string, level: string): TextEdit {
  const model = [...doc.mentions].reverse().find((m) => m.levelText !== undefined && m.form !== 'pathway-topic');
  if (!model) {
    const last = doc.lines.lineCount - 1;
    const lastText = doc.lines.line(last);
    const eol = doc.lines.lineBreak(last);
    const prefix = lastText.length ? eol : '';
    return TextEdit.insert({ line: last, character: lastText.length }, `${prefix}- **${skill}** (${level})${eol}`);
  }
  const after = model.level!.range.end.line;
  const eol = doc.lines.lineBreak(after);
  const text = copyLines(doc, model, skill, level).join(eol);
  // The line after the model, or, when the model is the last line of a document without a
  // final line break, the real end of the document (a position past it would glue the new
  // line onto the last one).
  if (after + 1 < doc.lines.lineCount) return TextEdit.insert({ line: after + 1, character: 0 }, text + eol);
  return TextEdit.insert({ line: after, character: doc.lines.line(after).length }, eol + text);
}

function copyLines(doc: ParsedDocument, m: SkillMention, skill: string, level: string): string[] {
  const nameLine = m.name.range.start.line;
  const levelLine = m.level!.range.start.line;
  const replaceIn = (text: string, start: number, end: number, by: string) => text.slice(0, start) + by + text.slice(end);
  if (nameLine === levelLine) {
    let text = doc.lines.line(nameLine);
    // Replace the later range first so the earlier offsets stay valid.
    const ranges = [
      { r: m.name.range, by: skill },
      { r: m.level!.range, by: level },
    ].sort((a, b) => b.r.start.character - a.r.start.character);
    for (const { r, by } of ranges) text = replaceIn(text, r.start.character, r.end.character, by);
    return [text];
  }
  // gov.uk style: the skill line, the lines between, then the level line.
  const out: string[] = [''];
  for (let n = nameLine; n <= levelLine; n++) {
    let text = doc.lines.line(n);
    if (n === nameLine) text = replaceIn(text, m.name.range.start.character, m.name.range.end.character, skill);
    if (n === levelLine) text = replaceIn(text, m.level!.range.start.character, m.level!.range.end.character, level);
    out.push(text);
  }
  return out;
}
