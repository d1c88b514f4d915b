// The read-only views the editor's commands open: a skill, and two role levels side by side,
// for role levels of any family.
import { strict as assert } from 'node:assert';
import { compareMarkdown, skillMarkdown } from '../../server/src/features/frameworkViews';
import { embeddedFrameworks } from '../../server/src/framework/loader';

const ddat = embeddedFrameworks()[0];

describe('framework views', () => {
  it('compares role levels across families, saying where each sits and that grades are not given', () => {
    const text = compareMarkdown(ddat, ddat.findRoleLevel('Senior data engineer')!, ddat.findRoleLevel('Lead product manager')!);
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 5), [
      '# Senior data engineer → Lead product manager',
      '',
      'Data › Data engineer, role level 2 of 4 → Product and delivery › Product manager, role level 4 of 5',
      '',
      'Grades: not given → not given',
    ]);
    assert.ok(lines.includes('| Data modelling | practitioner | — | dropped |'), text);
    assert.ok(lines.includes('| Product management | — | expert | added |') || lines.some((l) => l.startsWith('| Product management | — |')), text);
    assert.match(text, /\n\d+ of \d+ skills change\.\n/);
  });

  it('shows the grades of role levels that have them', () => {
    const text = compareMarkdown(ddat, ddat.findRoleLevel('Senior infrastructure engineer')!, ddat.findRoleLevel('Lead infrastructure engineer')!);
    assert.equal(text.split('\n')[4], 'Grades: SEO, G7 → G7, G6');
  });

  it('lists every role that needs a skill with the level at each of its role levels', () => {
    const skill = ddat.resolveSkill('Data modelling')!;
    const text = skillMarkdown(ddat, skill);
    assert.match(text, /\n## Roles that need it\n\n/);
    assert.match(text, /\n- Data engineer: Data engineer working, Senior data engineer practitioner, Lead data engineer (\w+), Head of data engineering (\w+)\n/);
  });
});
