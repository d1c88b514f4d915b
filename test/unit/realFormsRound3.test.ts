// Real documents, third round: documents about another framework, role pages and person
// specifications in plain text, skill x role-level tables, role levels in lists and links,
// indented level lines, reviews written as lists, names with no close spelling. Exact ranges,
// codes and messages, as a user sees them.
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { NO_KIND_GLOBS, serviceFor } from './helpers';

const service = serviceFor({ kinds: NO_KIND_GLOBS });

function parse(text: string) {
  return service.parseFresh('file:///work/vacancies/2026-12.md', text, 1);
}

/** What the user sees: `code line:start-end message`, without the missing-skill findings a role brings unless asked. */
function seen(text: string, withMissing = false): string[] {
  return service
    .diagnostics(parse(text))
    .filter((d) => withMissing || (d.code !== 'missing-skill' && d.code !== 'review-coverage'))
    .map((d: Diagnostic) => {
      const { start, end } = d.range;
      return `${d.code} ${start.line + 1}:${start.character + 1}-${end.character + 1} ${d.message}`;
    });
}

/** The skills (and levels) the parser read, as `name @ level`. */
function mentions(text: string): string[] {
  return parse(text).mentions.map((m) => (m.level ? `${m.name.text} @ ${m.level.text}` : m.name.text));
}

describe('real documents, third round', () => {
  describe('indented level lines under a list item', () => {
    it('reads `  Level: expert` under `- Skill` as that skill’s level, as it reads the line under a paragraph', () => {
      const text = [
        '# Senior performance analyst',
        '',
        '## Skills needed for this role',
        '',
        '- Analysis and insight',
        '  Level: practitioner',
        '- Communicating analysis and insight',
        '  Level: working',
        '* **Quality assurance of data and analysis**',
        '',
        '    Level: practioner',
        '- Perfomance measurement',
        '  Level: practitioner',
        '',
      ].join('\n');
      assert.deepEqual(mentions(text), [
        'Analysis and insight @ practitioner',
        'Communicating analysis and insight @ working',
        'Quality assurance of data and analysis @ practioner',
        'Perfomance measurement @ practitioner',
      ]);
      assert.deepEqual(seen(text), [
        'level-mismatch 8:10-17 Senior performance analyst needs Communicating analysis and insight at practitioner, not working.',
        'unknown-level 11:12-22 "practioner" is not a skill level in DDaT. Did you mean "practitioner"?',
        'unknown-skill 12:3-25 "Perfomance measurement" is not a skill in DDaT. Did you mean "Performance measurement"?',
      ]);
    });

    it('leaves a list item that is a sentence to the forms it was read in before', () => {
      assert.deepEqual(mentions('- Testing: working\n  Level: expert\n'), ['Testing @ working']);
    });
  });

  describe('plain items under a skills heading, as role pages and person specifications write them', () => {
    it('reads `• Skill. description` and `- Skill. description`, flagging only a name a typo away from a skill', () => {
      const text = [
        '# Performance analyst',
        '',
        '### Skills needed for this role',
        '',
        '\u2022 Analysis and insight. You can collect data and do basic analysis.',
        '\u2022\tPerfomance measurement. You know why services measure performance.',
        '- Technical understanding. You know the tools the team uses.',
        '- SQL. Advanced, including window functions.',
        '- Experience of analysis in government. At least two years.',
        '',
      ].join('\n');
      assert.deepEqual(mentions(text), ['Analysis and insight', 'Perfomance measurement', 'Technical understanding', 'SQL', 'Experience of analysis in government']);
      assert.deepEqual(seen(text), ['unknown-skill 6:3-25 "Perfomance measurement" is not a skill in DDaT. Did you mean "Performance measurement"?']);
    });

    it('reads them under the headings person specifications use, and not under others', () => {
      for (const heading of ['Selection criteria', 'Person specification', 'Essential criteria', 'Technical skills', 'We\u2019ll assess you against these technical skills']) {
        const text = `# Business analyst\n\n## ${heading}\n\n- Business modelling. You can model how a business works.\n- Requirements definiton and management. You can write requirements.\n`;
        assert.deepEqual(mentions(text), ['Business modelling', 'Requirements definiton and management'], heading);
        assert.deepEqual(seen(text), ['unknown-skill 6:3-40 "Requirements definiton and management" is not a skill in DDaT. Did you mean "Requirements definition and management"?'], heading);
      }
      assert.deepEqual(mentions('# Business analyst\n\n## Benefits\n\n- Flexible working. Compressed hours are possible.\n'), []);
    });

    it('leaves a bold lead-in that is no skill quiet under a heading that lists other criteria too', () => {
      const spec = '# Business analyst\n\n## Person specification\n\n- **Experience**: two years in a similar role.\n- **Busines modelling**: you can model.\n';
      assert.deepEqual(seen(spec), ['unknown-skill 6:5-22 "Busines modelling" is not a skill in DDaT. Did you mean "Business modelling"?']);
      // Under a heading that lists skills only, every lead-in is one.
      assert.deepEqual(seen(spec.replace('Person specification', 'Essential skills')).map((d) => d.split(' ').slice(0, 2).join(' ')), ['unknown-skill 5:5-15', 'unknown-skill 6:5-22']);
    });

    it('keeps a job description from elsewhere with such items free of errors and warnings', () => {
      const text = '# Senior ICT Project Manager (Grade VIII)\n\n## Person specification\n\n### Essential criteria\n\n\u2022 Project management experience. Five years managing ICT projects.\n\u2022 Stakeholder management. Managing senior stakeholders.\n';
      assert.deepEqual(service.diagnostics(parse(text)).filter((d) => d.severity! < 3), []);
    });
  });
});
