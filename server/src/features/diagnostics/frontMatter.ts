// unknown-role, unknown-grade and grade-mismatch: the role and grade a document names.
import { type Framework, type RoleLevelRef } from '../../framework/framework';
import type { ParsedDocument } from '../../documents/model';
import { frameworkContext } from '../frameworkContext';
import { quoteList, Report } from './report';

export function checkFrontMatter(doc: ParsedDocument, framework: Framework, report: Report): RoleLevelRef | undefined {
  let role: RoleLevelRef | undefined;
  if (doc.roleNearMiss) {
    // A title such as `# Head service design`: perhaps a role level misspelt, perhaps another
    // organisation's job title. Say so quietly.
    const { located, suggestions } = doc.roleNearMiss;
    report(
      'unknown-role',
      located.range,
      `"${located.text}" is not a role level in ${framework.shortName}. The closest: ${quoteList(suggestions)}.`,
      { replacements: suggestions },
      'information',
    );
  }
  for (const { located, suggestions } of doc.roleLinks ?? []) {
    // A link in a list of the framework's role levels, misspelt: not the document's own role, so
    // a warning rather than the error a front matter's role gets.
    report('unknown-role', located.range, `"${located.text}" is not a role level in ${framework.shortName}. Did you mean ${quoteList(suggestions)}?`, { replacements: suggestions }, true);
  }
  // A framework without role levels (or grades) has nothing to check a role (or grade) against.
  if (doc.role && framework.roleLevels.length) {
    role = framework.findRoleLevel(doc.role.text);
    if (!role) {
      const suggestions = framework.suggestRoleLevels(doc.role.text).map((r) => r.level.name);
      const known = framework.roleLevels.map((r) => r.level.name);
      const hint = suggestions.length
        ? `Did you mean ${quoteList(suggestions)}?`
        : known.length
          ? `Use a role level such as ${quoteList(known.slice(0, 3))}.`
          : `${framework.shortName} has no role levels.`;
      report('unknown-role', doc.role.range, `"${doc.role.text}" is not a role level in ${framework.shortName}. ${hint}`, {
        replacements: suggestions,
      });
    }
  }
  if (doc.grade && framework.grades.length) {
    const grade = framework.findGrade(doc.grade.text);
    if (!grade && doc.gradeSource === 'body') {
      // `Band 6`, `PO3`: another pay scheme's grade, which is no mistake in the document; worth
      // a note only in a document about the framework (an NHS nurse's advert needs none).
      if (!frameworkContext(doc, framework)) return role;
      const known = framework.grades.length ? ` (${framework.grades.map((g) => g.id).join(', ')})` : '';
      report('unknown-grade', doc.grade.range, `"${doc.grade.text}" is not a civil service grade${known}: grade checks are skipped.`, undefined, 'information');
    } else if (!grade) {
      const suggestions = framework.suggestGrades(doc.grade.text).map((g) => g.id);
      const hint = suggestions.length ? `Did you mean ${quoteList(suggestions)}?` : `Use one of ${framework.grades.map((g) => g.id).join(', ')}.`;
      report('unknown-grade', doc.grade.range, `"${doc.grade.text}" is not a grade. ${hint}`, { replacements: suggestions });
    } else if (role && role.level.grades.length && !role.level.grades.includes(grade.id)) {
      report(
        'grade-mismatch',
        doc.grade.range,
        `${role.level.name} is performed at ${role.level.grades.join(' or ')}, not ${grade.id}. Change the grade or the role.`,
        { replacements: role.level.grades },
      );
    }
  }
  return role;
}
