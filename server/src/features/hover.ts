// Hover: explains the token under the cursor in words a reader can act on (and a screen reader
// can read aloud): a skill with its level's statements and the roles that need it, a level's
// place on the scale, what a grade maps to, what a role level asks for. Pure: reads only the
// parsed document and the framework.
import { Hover, MarkupKind, Position, Range } from 'vscode-languageserver-types';
import type { Framework } from '../framework/framework';
import { SkillData, skillFullName } from '../framework/model';
import { normalizeName } from '../framework/normalize';
import { LEVEL_LINE } from '../markdown/levelLine';
import { contains, lineRange } from '../documents/lineIndex';
import {
  codeSpan,
  escapeMd,
  frameworkLabel,
  gradeSummary,
  joinWords,
  levelPlace,
  levelWordMd,
  renameNotes,
  roleNeedBriefly,
  roleSummary,
  scaleLine,
  skillHeader,
  statementsAt,
  levelsBriefly,
  limit,
} from './frameworkProse';
import { covers, levelCovers, RoleLevelMention, type Located, type ParsedDocument, type SkillMention } from '../documents/model';
import { reviewHover } from '../reviews/hover';

// `Level: working` (gov.uk style), possibly in a list item and in bold; group 2 is the value.

export function hover(doc: ParsedDocument, framework: Framework, position: Position): Hover | null {
  const pos = clampPosition(doc, position);
  // An assessed level in a review: that level's statements and the next level's.
  const inReview = reviewHover(doc, framework, pos);
  if (inReview) return inReview;

  for (const mention of doc.mentions) {
    if (covers(mention.name, pos)) return skillHover(doc, framework, mention);
    if (levelCovers(mention, pos)) return levelHover(framework, mention.level!, mentionSkill(framework, mention));
  }

  const pathway = doc.pathway;
  if (pathway) {
    // A pathway may write a level as its number on the scale (`level: 3`).
    for (const { grade, level } of pathway.gradeLevels) {
      if (covers(grade, pos)) return gradeHover(framework, grade, doc, level);
      if (covers(level, pos)) return levelHover(framework, level, undefined, grade, true);
    }
    for (const topic of pathway.topics) {
      const skill = () => framework.resolveSkill(topic.name.text);
      for (const l of topic.levels) {
        if (covers(l.level, pos)) return levelHover(framework, l.level, skill(), l.grade, true);
        if (l.grade && covers(l.grade, pos)) return gradeHover(framework, l.grade, doc, l.level);
      }
      for (const { grade, level } of topic.gradeLevels) {
        if (covers(grade, pos)) return gradeHover(framework, grade, doc, level);
        if (covers(level, pos)) return levelHover(framework, level, skill(), grade, true);
      }
    }
  }

  if (doc.role && contains(doc.role.range, pos)) return roleHover(framework, doc.role);
  if (doc.grade && contains(doc.grade.range, pos)) return gradeHover(framework, doc.grade, doc);
  if (doc.framework && contains(doc.framework.range, pos)) return frameworkHover(framework, doc.framework);

  // A `Level:` line whose skill line was not recognised still names a level worth explaining.
  const text = doc.lines.line(pos.line);
  const levelLine = LEVEL_LINE.exec(text);
  if (levelLine && levelLine[2]) {
    const start = levelLine[1].length;
    const range = lineRange(pos.line, start, start + levelLine[2].length);
    if (contains(range, pos) && framework.findLevel(levelLine[2])) return levelHover(framework, { text: levelLine[2], range }, undefined);
  }
  return null;
}

function clampPosition(doc: ParsedDocument, position: Position): Position {
  const line = Math.max(0, Math.min(position.line, doc.lines.lineCount - 1));
  return { line, character: Math.max(0, Math.min(position.character, doc.lines.line(line).length)) };
}

function markdown(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

function mentionSkill(framework: Framework, mention: SkillMention): SkillData | undefined {
  return framework.resolveSkill(mention.name.text);
}

// ---------------------------------------------------------------------------------------------
// Skills

function skillHover(doc: ParsedDocument, framework: Framework, mention: SkillMention): Hover | null {
  const found = framework.lookupSkill(mention.name.text);
  const range = mention.name.range;
  if (found.kind === 'ambiguous') {
    const names = found.candidates.map((s) => `**${escapeMd(skillFullName(s))}**`);
    return markdown(`### ${escapeMd(mention.name.text)}\n\nThis name fits more than one ${escapeMd(framework.skillNoun)}: ${joinWords(names, 'or')}. Add the part in brackets to say which.`, range);
  }
  if (found.kind === 'unknown') {
    // A bold phrase that may not be a skill at all: stay quiet rather than lecture.
    if (!mention.certain) return null;
    const close = framework.suggestSkills(mention.name.text, 3).map((s) => `**${escapeMd(skillFullName(s))}**`);
    const hint = close.length ? ` Did you mean ${joinWords(close, 'or')}?` : '';
    return markdown(`“${escapeMd(mention.name.text)}” is not a ${escapeMd(framework.shortName)} ${escapeMd(framework.skillNoun)}.${hint}`, range);
  }

  const skill = found.skill;
  const parts: string[] = [skillHeader(framework, skill)];
  const level = mention.level ? framework.findLevel(mention.level.text) : undefined;
  if (level) parts.push(statementsAt(framework, skill, level));
  else parts.push(levelsBriefly(framework, skill));

  const roles = framework.rolesNeeding(skill).map((need) => roleNeedBriefly(framework, need));
  if (roles.length) parts.push(`**Roles that need it:** ${joinWords(limit(roles, 12), 'and')}.`);
  // A role page's section, or a table's column, says which role level the skill is given for.
  const role = mention instanceof RoleLevelMention ? framework.findRoleLevel(mention.roleLevel) : doc.role ? framework.findRoleLevel(doc.role.text) : undefined;
  if (role) {
    const required = framework.requiredLevel(role, skill);
    parts.push(
      required
        ? `${escapeMd(role.level.name)} needs it at **${levelWordMd(required)}**.`
        : `${escapeMd(role.level.name)} does not list this ${escapeMd(framework.skillNoun)}.`,
    );
  }
  const renamed = renameNotes(framework, skill);
  if (renamed) parts.push(renamed);
  return markdown(parts.join('\n\n'), range);
}

// ---------------------------------------------------------------------------------------------
// Levels

/** `numbered`: a pathway's level, which may be its number on the scale. */
function levelHover(framework: Framework, word: Located, skill: SkillData | undefined, grade?: Located, numbered = false): Hover {
  const level = numbered ? framework.findLevelOrNumber(word.text) : framework.findLevel(word.text);
  if (!level) {
    const close = framework.suggestLevels(word.text, 2).map((l) => `**${levelWordMd(l)}**`);
    const hint = close.length ? ` Did you mean ${joinWords(close, 'or')}?` : '';
    return markdown(`“${escapeMd(word.text)}” is not a ${escapeMd(framework.levelNoun)} of ${escapeMd(frameworkLabel(framework))}.${hint}\n\n${scaleLine(framework)}`, word.range);
  }
  const parts = [levelPlace(framework, level)];
  if (level.description) parts.push(escapeMd(level.description));
  if (grade) parts.push(`In this pathway, ${escapeMd(grade.text)} maps to ${levelWordMd(level)}.`);
  if (skill) parts.push(`${escapeMd(skillFullName(skill))} at this ${escapeMd(framework.levelNoun)}:\n\n${statementsAt(framework, skill, level)}`);
  return markdown(parts.join('\n\n'), word.range);
}

// ---------------------------------------------------------------------------------------------
// Grades, roles, the framework

function gradeHover(framework: Framework, word: Located, doc: ParsedDocument, mapped?: Located): Hover {
  const grade = framework.findGrade(word.text);
  if (!grade) {
    const close = framework.suggestGrades(word.text, 2).map((g) => `**${escapeMd(g.id)}**`);
    const hint = close.length ? ` Did you mean ${joinWords(close, 'or')}?` : '';
    const all = framework.grades.length ? ` The grades are ${joinWords(framework.grades.map((g) => escapeMd(g.id)), 'and')}.` : '';
    return markdown(`“${escapeMd(word.text)}” is not a grade of ${escapeMd(frameworkLabel(framework))}.${hint}${all}`, word.range);
  }
  const parts = [gradeSummary(framework, grade)];
  if (mapped) {
    const level = framework.findLevelOrNumber(mapped.text);
    parts.push(
      level
        ? `In this pathway, ${escapeMd(grade.id)} maps to **${levelWordMd(level)}**, ${escapeMd(framework.levelNoun)} ${framework.levelIndex(level) + 1} of ${framework.levels.length}.`
        : `In this pathway, ${escapeMd(grade.id)} maps to “${escapeMd(mapped.text)}”, which is not a ${escapeMd(framework.levelNoun)}.`,
    );
  }
  const role = doc.role && !mapped ? framework.findRoleLevel(doc.role.text) : undefined;
  if (role) parts.push(`${escapeMd(role.level.name)} is performed at ${joinWords(role.level.grades.map(escapeMd), 'and')}.`);
  return markdown(parts.join('\n\n'), word.range);
}

function roleHover(framework: Framework, word: Located): Hover {
  const role = framework.findRoleLevel(word.text);
  if (!role) {
    const close = framework.suggestRoleLevels(word.text, 2).map((r) => `**${escapeMd(r.level.name)}**`);
    const hint = close.length ? ` Did you mean ${joinWords(close, 'or')}?` : '';
    return markdown(`“${escapeMd(word.text)}” is not a role level of ${escapeMd(frameworkLabel(framework))}.${hint}`, word.range);
  }
  return markdown(roleSummary(framework, role), word.range);
}

function frameworkHover(framework: Framework, word: Located): Hover {
  if (normalizeName(word.text) !== normalizeName(framework.id) && normalizeName(word.text) !== normalizeName(framework.name)) {
    return markdown(`“${escapeMd(word.text)}” is not the framework in use here: ${escapeMd(framework.name)} (${codeSpan(framework.id)}) is.`, word.range);
  }
  const counts = [`${framework.skills.length} ${escapeMd(framework.skillNoun)}s`, `${framework.levels.length} ${escapeMd(framework.levelNoun)}s (${framework.levels.map(levelWordMd).join(' < ')})`];
  if (framework.roleLevels.length) {
    const roles = framework.data.roles ?? [];
    const families = new Set(roles.map((role) => role.family ?? role.name)).size;
    counts.push(families < roles.length ? `${roles.length} roles in ${families} role families with ${framework.roleLevels.length} role levels` : `${framework.roleLevels.length} role levels`);
  }
  return markdown(`**${escapeMd(framework.name)}**\n\n${joinWords(counts, 'and')}.`, word.range);
}
