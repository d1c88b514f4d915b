// The grade an advert gives in its body, as real adverts write it, and how it is checked.
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { NO_KIND_GLOBS, serviceFor } from './helpers';

const service = serviceFor({ kinds: NO_KIND_GLOBS });

function parse(text: string) {
  return service.parseFresh('file:///work/vacancies/2026-12.md', text, 1);
}

function seen(text: string): string[] {
  return service.diagnostics(parse(text))
    .filter((d) => d.code !== 'missing-skill')
    .map((d: Diagnostic) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${d.severity} ${d.message}`);
}

/** The grade read, as `text@line:start-end` (1-based line, 0-based characters). */
function grade(text: string): string | undefined {
  const doc = parse(text);
  if (!doc.grade) return undefined;
  const { start, end } = doc.grade.range;
  return `${doc.grade.text}@${start.line + 1}:${start.character}-${end.character}`;
}

describe('the grade given in the body', () => {
  it('reads a Grade line however it is marked up', () => {
    assert.equal(grade('# Vacancy\n\nGrade: G7\n'), 'G7@3:7-9');
    assert.equal(grade('# Vacancy\n\n**Grade:** SEO  \n**Location:** Leeds\n'), 'SEO@3:11-14');
    assert.equal(grade('# Vacancy\n\n- Grade HEO\n'), 'HEO@3:8-11');
    assert.equal(grade('# Vacancy\n\nGrade: SEO (Senior Executive Officer)\n'), 'SEO@3:7-10');
    assert.equal(grade('# Vacancy\n\nGrade: Higher Executive Officer\n'), 'Higher Executive Officer@3:7-31');
    assert.equal(grade('# Vacancy\n\nGrade – HEO or SEO\n'), 'HEO@3:8-11');
  });

  it('reads a grade written with its long name on a line of its own', () => {
    assert.equal(grade('# Senior infrastructure engineer\n\nSEO (Senior Executive Officer)\n\nAbout the job\n'), 'SEO@3:0-3');
    assert.equal(grade('# Role\n\n- G7 (Grade 7)\n'), 'G7@3:2-4');
  });

  it('reads the gov.uk summary list pasted as HTML, on one line or over several', () => {
    const oneLine = '# Vacancy\n\n<dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Grade</dt> <dd class="govuk-summary-list__value">G7</dd></div></dl>\n';
    assert.equal(grade(oneLine), `G7@3:${oneLine.split('\n')[2].indexOf('>G7<') + 1}-${oneLine.split('\n')[2].indexOf('>G7<') + 3}`);
    const spread = '# Vacancy\n\n<div class="govuk-summary-list__row">\n  <dt class="govuk-summary-list__key">\n    Grade\n  </dt>\n  <dd class="govuk-summary-list__value">\n    Senior Executive Officer\n  </dd>\n</div>\n';
    assert.equal(grade(spread), 'Senior Executive Officer@8:4-28');
  });

  it('checks the grade against the role named in the title', () => {
    assert.deepEqual(seen('# Senior infrastructure engineer\n\nGrade: G6\n'), [
      'grade-mismatch 3:8-10 2 Senior infrastructure engineer is performed at SEO or G7, not G6. Change the grade or the role.',
    ]);
    assert.deepEqual(seen('# Senior infrastructure engineer\n\n**Grade:** G7\n'), []);
  });

  it('says a grade of another pay scheme is not a civil service grade, as information, in an advert about the framework', () => {
    assert.deepEqual(seen('# Data analyst\n\nGrade: Band 6\n'), [
      'unknown-grade 3:8-14 3 "Band 6" is not a civil service grade (AA, AO, EO, HEO, SEO, G7, G6, SCS1): grade checks are skipped.',
    ]);
    assert.deepEqual(seen('# Senior data engineer\n\n**Grade:** PO3\n').map((d) => d.split(' ').slice(0, 3).join(' ')), ['unknown-grade 3:12-15 3']);
    // An advert that is not about the framework at all needs no note on its pay scheme.
    assert.deepEqual(seen('# Staff nurse\n\nGrade: Band 6\n'), []);
  });

  it('reads a grade among the parts of a line, and in brackets ending the title or a role line', () => {
    assert.equal(grade('# Senior frontend developer\n\nGrade: SEO \u00b7 London or Manchester \u00b7 \u00a358,000\n'), 'SEO@3:7-10');
    assert.equal(grade('# Technical architect\n\nPlymouth or Durham \u00b7 Grade: SEO \u00b7 \u00a348,000\n'), 'SEO@3:28-31');
    assert.equal(grade('# Senior DevOps engineer | Leeds | Grade: G7\n'), 'G7@1:42-44');
    assert.equal(grade('# Senior DevOps Engineer (SEO)\n\nText.\n'), 'SEO@1:26-29');
    assert.equal(grade('# Self-assessment\n\nCurrent role: Data engineer (HEO)\nApplying for: Senior data engineer (SEO)\n'), 'HEO@3:29-32');
    // A bracket that is no grade, and a line whose parts name none.
    assert.equal(grade('# Senior DevOps engineer (remote)\n'), undefined);
    assert.equal(grade('# Vacancy\n\nLeeds \u00b7 Full time \u00b7 Grade boundaries apply\n'), undefined);
  });

  it('reads nothing from prose that starts with the word', () => {
    assert.equal(grade('# Guide\n\nGrade boundaries are published each year.\n'), undefined);
    assert.equal(grade('# Vacancy\n\nGrade: see the salary section\n'), undefined);
  });

  it('prefers front matter’s grade', () => {
    const doc = parse('---\ngrade: SEO\n---\n# Vacancy\n\nGrade: G7\n');
    assert.equal(doc.grade!.text, 'SEO');
    assert.equal(doc.gradeSource, 'front-matter');
  });
});
