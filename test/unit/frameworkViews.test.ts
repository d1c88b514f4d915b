// The read-only views the editor's commands open: a skill, and two role levels side by side,
// for role levels of any family.
import { strict as assert } from 'node:assert';
import { compareMarkdown, skillMarkdown } from '../../server/src/features/frameworkViews';
import { compareProfile, profileSvg } from '../../server/src/reviews/profile';
import { skillFullName } from '../../server/src/framework/model';
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

  it('draws the profile chart for two role levels: a bar per skill at the second, a mark at the first', () => {
    const a = ddat.findRoleLevel('Infrastructure engineer')!;
    const b = ddat.findRoleLevel('Senior infrastructure engineer')!;
    const svg = profileSvg(compareProfile(ddat, a, b));
    const bars = [...svg.matchAll(/<rect class="bar" data-skill="([^"]+)" data-level="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(bars, b.level.skills.map((r) => `${skillFullName(ddat.resolveSkill(r.skill)!)} ${ddat.findLevelOrNumber(r.level)!.id}`));
    const marks = [...svg.matchAll(/<g class="row" data-skill="([^"]+)">[^]*?<line class="expected" data-level="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(marks, a.level.skills.map((r) => `${skillFullName(ddat.resolveSkill(r.skill)!)} ${ddat.findLevelOrNumber(r.level)!.id}`));
    assert.ok(svg.includes('Infrastructure engineer → Senior infrastructure engineer: each skill&#39;s level') || svg.includes("Infrastructure engineer → Senior infrastructure engineer: each skill's level"), svg.slice(0, 400));
    assert.ok(!svg.includes('class="next"'));
    // The view shows it under the table.
    const text = compareMarkdown(ddat, a, b);
    const image = /!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(text);
    assert.ok(image, text);
    assert.equal(Buffer.from(image[1], 'base64').toString(), svg);
  });

  it('lists every role that needs a skill with the level at each of its role levels', () => {
    const skill = ddat.resolveSkill('Data modelling')!;
    const text = skillMarkdown(ddat, skill);
    assert.match(text, /\n## Roles that need it\n\n/);
    assert.match(text, /\n- Data engineer: Data engineer working, Senior data engineer practitioner, Lead data engineer (\w+), Head of data engineering (\w+)\n/);
  });
});
