// The role a document names where real adverts put it (the title, a `Role:` line), with no front
// matter: every DDaT role works, a near miss is information, and other jobs stay quiet.
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { embeddedFrameworks } from '../../server/src/framework/loader';
import { NO_KIND_GLOBS, serviceFor } from './helpers';

const ddat = embeddedFrameworks()[0];
const service = serviceFor({ kinds: NO_KIND_GLOBS });

function parse(text: string, uri = 'file:///notes/vacancy.md') {
  return service.parseFresh(uri, text, 1);
}

function check(text: string, uri?: string): Diagnostic[] {
  return service.diagnostics(parse(text, uri));
}

function seen(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${d.code} ${start.line + 1}:${start.character + 1}-${end.character + 1} ${d.message}`;
}

const SENIOR_DATA_ENGINEER = [
  '# Senior data engineer',
  '',
  'Join our data platform team in Leeds.',
  '',
  '## Skills',
  '',
  '- Data modelling: practitioner',
  '- Programming and build: working',
  '- Metadata management: expert',
  '- Communicating between the technical and non-technical: working',
  '- Data analysis and synthesis: working',
  '- Data development process: practitioner',
  '- Data innovation: working',
  '- Data integration design: practitioner',
  '- Problem management: working',
  '- Technical understanding: working',
  '',
].join('\n');

describe('the role named in the body', () => {
  it('reads the title as the role level: level-mismatch, missing-skill and the family’s variant of a skill', () => {
    const doc = parse(SENIOR_DATA_ENGINEER);
    assert.equal(doc.kind, 'job-advert');
    assert.equal(doc.roleSource, 'title');
    assert.deepEqual(doc.role!.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 22 } });
    assert.deepEqual(check(SENIOR_DATA_ENGINEER).map(seen), [
      'missing-skill 1:3-23 Senior data engineer requires Testing at working, which this advert never mentions. Add it, or change the role.',
      // "Programming and build" names several skills; a data engineer's is the data engineering one.
      'level-mismatch 8:26-33 Senior data engineer needs Programming and build (data engineering) at practitioner, not working.',
      'level-mismatch 9:24-30 Senior data engineer needs Metadata management at practitioner, not expert.',
    ]);
  });

  it('leaves "Programming and build" ambiguous when no role says which', () => {
    const out = check('# Vacancy\n\n- Programming and build: working\n');
    assert.equal(out.length, 1);
    assert.match(out[0].message, /^"Programming and build" names \d+ skills in DDaT: /);
  });

  it('reads a title with the organisation or grade after the role level', () => {
    for (const title of ['# Senior data engineer - Home Office', '# Senior data engineer (SEO)', '# Senior Data Engineer | Leeds', '# **Senior data engineer**']) {
      const doc = parse(`${title}\n\nText.\n`);
      assert.equal(doc.role?.text, doc.role && title.slice(doc.role.range.start.character, doc.role.range.end.character), title);
      assert.match(doc.role?.text ?? '', /^senior data engineer$/i, title);
    }
  });

  it('reads a Role: or Job title: line, which wins over the title', () => {
    for (const line of ['Role: Lead DevOps engineer', '**Job title:** Lead DevOps engineer', '- Job title: Lead DevOps engineer']) {
      const doc = parse(`# We are hiring\n\n${line}\n\nGrade: G7\n`);
      assert.equal(doc.roleSource, 'role-line', line);
      assert.equal(doc.role!.text, 'Lead DevOps engineer', line);
      const at = doc.role!.range.start.character;
      assert.equal(line.slice(at, at + 'Lead DevOps engineer'.length), 'Lead DevOps engineer', line);
    }
  });

  it('reads a Role row of a table of details, and a byline under a title that names no role', () => {
    const table = parse('# Probation review\n\n| | |\n|---|---|\n| Name | Min-jun Lee |\n| Role | Junior user researcher |\n');
    assert.equal(table.role?.text, 'Junior user researcher');
    assert.equal(table.role?.range.start.line, 5);
    assert.equal(table.role?.range.start.character, 9);
    const byline = parse('# Q3 check-in \u2013 Jo Smith\n\nDeveloper, Payments squad \u00b7 check-in with Dan \u00b7 9 October 2025\n\n- Programming and build: working\n');
    assert.equal(byline.role?.text, 'Developer');
    assert.deepEqual(check('# Q3 check-in\n\nDeveloper, Payments squad\n\n- Programming and build: working\n').filter((d) => d.code === 'ambiguous-skill'), []);
    // A byline says whose notes these are, not that they are an advert: no missing skills.
    const notes = '# Sprint 14 notes\n\nDeveloper, Payments squad \u00b7 3 March 2026\n\n- Shipped the refunds API\n- **Testing**: flaky suite fixed\n';
    assert.equal(parse(notes).kind, 'unknown');
    assert.deepEqual(check(notes).map((d) => d.code), []);
    // Only the line under the title, and only when its first part is a role level exactly.
    assert.equal(parse('# Q3 check-in\n\nJo is a developer, in Payments.\n').role, undefined);
    assert.equal(parse('# Q3 check-in\n\nNotes\n\nDeveloper, Payments squad\n').role, undefined);
  });

  it('gives a title close to a role level one information finding naming the closest', () => {
    assert.deepEqual(check('# Head service design\n\nWe design services.\n').map(seen), [
      'unknown-role 1:3-22 "Head service design" is not a role level in DDaT. The closest: "Head of service design", "Lead service designer" or "Service designer".',
    ]);
    const junior = check('# Junior data engineer\n');
    assert.equal(junior.length, 1);
    assert.equal(junior[0].severity, 3);
    assert.match(junior[0].message, /^"Junior data engineer" is not a role level in DDaT\. The closest: "Data engineer", /);
    assert.deepEqual(junior[0].data, { replacements: ['Data engineer', 'Senior data engineer', 'Lead data engineer'] });
  });

  it('stays quiet on job titles of other organisations and countries', () => {
    for (const text of [
      '# Senior Software Engineer\n\nWe are hiring in Seattle. 5 years of Java.\n',
      '# Registered Nurse - Band 5\n\nJoin our ward team.\n',
      '# Ingénieur de données\n\nPoste basé à Lyon.\n',
      '# Meeting notes\n\nRole: chair\n',
      '# About us\n\nWe build data platforms.\n',
    ]) {
      assert.deepEqual(check(text).map(seen), [], text);
      assert.equal(parse(text).role, undefined, text);
    }
  });

  it('reads no role below the top of the document or inside code', () => {
    const late = `# Notes\n${'\nText.\n'.repeat(30)}\nRole: Senior data engineer\n`;
    assert.equal(parse(late).role, undefined);
    assert.equal(parse('```\n# Senior data engineer\n```\n').role, undefined);
  });

  it('prefers front matter’s role to the title', () => {
    const doc = parse('---\nrole: Lead data engineer\n---\n# Senior data engineer\n');
    assert.equal(doc.role!.text, 'Lead data engineer');
    assert.equal(doc.roleSource, 'front-matter');
  });

  it('works for a role level of every family', () => {
    for (const ref of ddat.roleLevels) {
      const doc = parse(`# ${ref.level.name}\n\nText.\n`);
      assert.equal(doc.role?.text, ref.level.name);
      const missing = check(`# ${ref.level.name}\n\nText.\n`).filter((d) => d.code === 'missing-skill');
      assert.equal(missing.length, ref.level.skills.length, ref.level.name);
    }
  });
});
