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
});
