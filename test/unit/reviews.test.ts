// Performance reviews: the three forms people write them in, the findings that fit an appraisal
// (coverage, below and above the role level, evidence missing or copied from the framework) and
// the coverage fix, which adds what is not yet assessed in the review's own form.
import * as assert from 'node:assert/strict';
import type { CompletionItem, Diagnostic } from 'vscode-languageserver-types';
import { copiedStatement } from '../../server/src/reviews/checks';
import { readReview } from '../../server/src/reviews/read';
import { newReview } from '../../server/src/reviews/template';
import { skillFullName } from '../../server/src/framework/model';
import type { Framework } from '../../server/src/framework/framework';
import { ddat, doc, ladder, open, parsed } from './helpers';

const URI = 'file:///work/reviews/sam.md';

function findings(text: string, framework: Framework = ddat): string[] {
  const { service, doc } = open(text, URI, { framework });
  return service.diagnostics(doc).map((d: Diagnostic) => {
    const { start, end } = d.range;
    return `${d.code} ${start.line + 1}:${start.character + 1}-${end.line === start.line ? '' : `${end.line + 1}:`}${end.character + 1} ${d.message}`;
  });
}

/** Each entry as `Skill @ assessed [evidence; evidence]`. */
function entries(text: string, framework: Framework = ddat): string[] {
  const review = readReview(parsed(text, URI, framework), framework);
  return review.entries.map((e) => `${skillFullName(e.skill)} @ ${e.assessed?.text ?? '-'} [${e.evidence.map((x) => x.text).join('; ')}]`);
}

/** The text after the coverage fix. */
function afterCoverageFix(text: string, framework: Framework = ddat): { title: string; text: string } {
  const { service, doc } = open(text, URI, { framework });
  const coverage = service.diagnostics(doc).filter((d) => d.code === 'review-coverage');
  assert.equal(coverage.length, 1);
  const [action] = service.codeActions(doc, coverage);
  const [edit] = action.edit!.changes![URI];
  assert.deepEqual(edit.range.start, edit.range.end);
  const offset = doc.lines.starts[edit.range.start.line] + edit.range.start.character;
  return { title: action.title, text: text.slice(0, offset) + edit.newText + text.slice(offset) };
}

const ASSOCIATE = ['IT infrastructure', 'Information security', 'Modern development standards', 'Ownership and initiative', 'Problem management', 'Systems design', 'Systems integration', 'Technical understanding', 'Troubleshooting and problem resolution'];

describe('performance reviews', () => {
  describe('reading the forms people write', () => {
    it('reads a review table by its headers, in any order, with extra columns', () => {
      const first = '---\nkind: review\nrole: Infrastructure engineer\n---\n\n| Skill | Expected | Assessed | Evidence |\n| --- | --- | --- | --- |\n| IT infrastructure | working | working | Rebuilt the monitoring hosts. |\n| **Information security** | awareness | Practitioner |  |\n';
      assert.deepEqual(entries(first), ['IT infrastructure @ working [Rebuilt the monitoring hosts.]', 'Information security @ Practitioner []']);
      const other = '---\nkind: review\nrole: Infrastructure engineer\n---\n\n| Examples | Rating | Owner | Competency | Target |\n|---|---|---|---|---|\n| Rebuilt the monitoring hosts. | working | Sam | IT infrastructure | working |\n| n/a | awareness | Sam | [Testing](https://www.gov.uk/x) | awareness |\n';
      assert.deepEqual(entries(other), ['IT infrastructure @ working [Rebuilt the monitoring hosts.]', 'Testing @ awareness []']);
    });

    it('reads a heading per skill with an Assessed: or Level: line and evidence below', () => {
      const text = [
        '# Annual review: Sam Patel',
        '',
        'Role: Infrastructure engineer',
        '',
        '## IT infrastructure',
        '',
        'Expected level: working',
        '**Assessed:** practitioner',
        '',
        'Moved the estate to the new cloud landing zone.',
        '- Wrote the runbooks for it',
        '',
        '### Evidence',
        '',
        '* **Evidence:** Trained two new starters on it. <!-- skill-lens-disable-line no-evidence -->',
        '',
        '## 2. Testing',
        '',
        'Level: awareness',
        '',
        '## Objectives',
        '',
        'Lead the next migration.',
      ].join('\n');
      assert.deepEqual(entries(text), ['IT infrastructure @ practitioner [Moved the estate to the new cloud landing zone.; Wrote the runbooks for it; Trained two new starters on it.]', 'Testing @ awareness []']);
    });

    it('reads a career-ladder review: a section per competency area, icons and details blocks as the ladder writes them', () => {
      const text = [
        '---',
        'kind: review',
        'framework: ladder',
        'role: L3',
        '---',
        '',
        '# Review: Alex',
        '',
        '## \u{1F989} Domain expertise',
        '',
        'Assessed: L3',
        '',
        '- I moved our secrets into the vault and taught the team to rotate them.',
        '',
        '<details>',
        '<summary>Examples</summary>',
        '',
        '- I reviewed the PR that closed the S3 bucket exposure.',
        '',
        '</details>',
        '',
        '## Teaching and Mentoring',
        '',
        '<!-- I consistently help new hires -->',
        'Assessed:',
      ].join('\n');
      assert.deepEqual(entries(text, ladder), ['Domain expertise @ L3 [I moved our secrets into the vault and taught the team to rotate them.; I reviewed the PR that closed the S3 bucket exposure.]', 'Teaching and Mentoring @ - []']);
    });
  });

  describe('findings', () => {
    const review = [
      '---', // 1
      'kind: review',
      'role: Associate infrastructure engineer',
      'period: 2025 to 2026',
      '---', // 5
      '',
      '# Mid-year review',
      '',
      '| Skill | Expected | Assessed | Evidence |',
      '| --- | --- | --- | --- |', // 10
      '| IT infrastructure | awareness | working | Built and configured the monitoring hosts. |',
      '| Information security | awareness | awareness | I can explain information security and the security controls available to protect solutions. |',
      '| Systems design | awareness | awareness | |',
      '| Problem management | awareness | awareness | Ran the incident review for the DNS outage. |',
      '| Troubleshooting and problem resolution | awareness | awareness | Found the cause of the nightly job failures. |', // 15
      '',
    ].join('\n');

    it('gives coverage once on the role, a step above with the next role level, no evidence and copied evidence, with exact ranges and messages', () => {
      assert.deepEqual(findings(review), [
        'review-coverage 3:7-40 5 of 9 skills assessed; 1 without evidence. Not yet assessed: Modern development standards, Ownership and initiative, Systems integration, Technical understanding.',
        'above-expected 11:35-42 IT infrastructure is assessed at working, above the awareness Associate infrastructure engineer expects: evidence toward Infrastructure engineer, which needs working.',
        'evidence-copies-framework 12:50-142 This evidence repeats DDaT\'s words for Information security at awareness ("explain information security and the security controls available to protect solutions and services"). Describe what was done, in your own words: the work, its result, who it helped.',
        'no-evidence 13:32-41 Systems design is assessed at awareness with no evidence. Add what was done that shows it: the work, its result, who it helped.',
      ]);
    });

    it('gives a development need below the role level, and no missing-skill or level-mismatch in a review', () => {
      const text = review.replace('| Systems design | awareness | awareness | |', '| Systems design | working | awareness | Drew the network diagram. |').replace('Associate infrastructure engineer', 'Infrastructure engineer');
      const codes = findings(text);
      assert.ok(codes.includes('below-expected 13:30-39 Systems design is assessed at awareness, below the working Infrastructure engineer expects: a development need.'), codes.join('\n'));
      assert.ok(!codes.some((c) => /^(?:missing-skill|level-mismatch)/.test(c)), codes.join('\n'));
      // The same table in an advert is checked as an advert.
      const asAdvert = open(text.replace('kind: review', 'kind: job-advert'), 'file:///work/adverts/a.md');
      const advert = asAdvert.service.diagnostics(asAdvert.doc).map((d) => d.code);
      assert.ok(advert.includes('missing-skill') && advert.includes('level-mismatch'));
    });

    it('checks the assessed column for an unknown level when the expected column comes first, and leaves the expected column alone', () => {
      const text = [
        '---',
        'kind: review',
        'role: Infrastructure engineer',
        '---',
        '',
        '| Skill | Expected level | Assessed level | Evidence |',
        '| --- | --- | --- | --- |',
        '| Systems design | working | wizard | Drew the network diagram. |',
        '| IT infrastructure | practitioner | working | Rebuilt the monitoring hosts. |',
        '',
      ].join('\n');
      const codes = findings(text);
      assert.deepEqual(codes.filter((c) => /^(?:unknown-level|level-mismatch|above-expected|below-expected)/.test(c)), [
        'unknown-level 8:30-36 "wizard" is not a skill level in DDaT. Use one of: awareness, working, practitioner, expert.',
      ]);
    });

    it('says nothing of coverage when every skill is assessed with evidence', () => {
      const rows = ASSOCIATE.map((s) => `| ${s} | awareness | Worked on the ${s.toLowerCase()} backlog with the team. |`);
      const text = ['---', 'kind: review', 'role: Associate infrastructure engineer', '---', '', '| Skill | Assessed | Evidence |', '| --- | --- | --- |', ...rows, ''].join('\n');
      assert.deepEqual(findings(text), []);
    });

    it('tells apart a paraphrase from a copy of a ladder statement', () => {
      const text = ['---', 'framework: ladder', 'kind: review', 'role: L3', '---', '', '## Domain expertise', '', 'Assessed: L3', '', "- I am advanced in my team's domain.", '- I am advanced in Terraform, and wrote our module guide.', ''].join('\n');
      assert.deepEqual(
        findings(text, ladder).filter((f) => !f.startsWith('review-coverage')),
        ['evidence-copies-framework 11:3-37 This evidence repeats Career ladder\'s words for Domain expertise at Senior Cloud Security Engineer ("I am advanced in my team\'s domain."). Describe what was done, in your own words: the work, its result, who it helped.'],
      );
    });
  });

  describe('a review written as bold lead-ins', () => {
    it('reads each skill with a level as assessed, the rest of its line as evidence', () => {
      const text = '# PDR 2024\n\n**Role:** Associate infrastructure engineer\n\n## Skills\n\n**IT infrastructure** \u2013 working. Rebuilt the backup servers.\n\n**Systems design** \u2013 awareness.\n';
      assert.deepEqual(entries(text), ['IT infrastructure @ working [Rebuilt the backup servers.]', 'Systems design @ awareness []']);
      assert.deepEqual(findings(text).slice(1), [
        'above-expected 7:25-32 IT infrastructure is assessed at working, above the awareness Associate infrastructure engineer expects: evidence toward Infrastructure engineer, which needs working.',
        'no-evidence 9:22-31 Systems design is assessed at awareness with no evidence. Add what was done that shows it: the work, its result, who it helped.',
      ]);
    });

    it('reads a list item\'s lead-in followed by evidence as assessed, and one with nothing after its level as assessed without evidence', () => {
      const text = '# Q3 check-in\n\n**Role:** Developer\n\n## Skills I am working on\n\n- **Information security** \u2013 working. Did the secure coding course.\n- **User focus** \u2013 awareness\n';
      assert.deepEqual(entries(text), ['Information security @ working [Did the secure coding course.]', 'User focus @ awareness []']);
    });

    it('reads a plain list item with a level as assessed, the lines under it (wrapped, labelled or nested) as its evidence', () => {
      const text = [
        '# End of year review',
        '',
        'Role: Senior developer',
        '',
        '## Skills',
        '',
        '- Systems design: expret',
        '  Evidence: led the redesign of the notification queues;',
        '  wrote the ADR.',
        '- **Prototyping** \u2013 working.',
        '- Information security \u2014 working',
        '  * Evidence: threat modelling for the callbacks API.',
        '',
        '## Objectives',
        '',
        '1. Lead the SMS provider move',
        '',
      ].join('\n');
      assert.deepEqual(entries(text), [
        'Systems design @ expret [led the redesign of the notification queues;; wrote the ADR.]',
        'Prototyping @ working []',
        'Information security @ working [threat modelling for the callbacks API.]',
      ]);
      assert.deepEqual(findings(text), [
        // Systems design's level is no level: not yet assessed, and said so on the level.
        'review-coverage 3:7-23 2 of 10 skills assessed; 1 without evidence. Not yet assessed: Availability and capacity management, Development process optimisation, Modern development standards, Programming and build (software engineering), Service support, Systems design, Systems integration, User focus.',
        'unknown-level 7:19-25 "expret" is not a skill level in DDaT. Did you mean "expert"?',
        'below-expected 10:21-28 Prototyping is assessed at working, below the practitioner Senior developer expects: a development need.',
        'no-evidence 10:21-28 Prototyping is assessed at working with no evidence. Add what was done that shows it: the work, its result, who it helped.',
        'below-expected 11:26-33 Information security is assessed at working, below the practitioner Senior developer expects: a development need.',
      ]);
    });

    it('reads a bare list of skills with levels in brackets as none: what a role level expects, not an assessment', () => {
      const text = '# Q3 check-in\n\n**Role:** Developer\n\n## Expected at this level\n\n- **User focus** (practitioner)\n- Testing (working)\n';
      assert.deepEqual(entries(text), []);
    });

    it('knows an end of year assessment with self and manager ratings for a review, and checks the manager\'s rating', () => {
      const text = '# End of year assessment 2024-25\n\n**Job title:** Data Analyst, Analysis Directorate\n\n| # | Evidence summary | DDaT skill | Self rating | Manager rating | Target level |\n|---|---|---|---|---|---|\n| 1 | Moved the release to R targets | Developing code for analysis | Practitioner | Working | Working |\n';
      const { doc } = open(text, 'file:///work/notes/eoy.md');
      assert.equal(doc.kind, 'review');
      assert.deepEqual(entries(text), ['Developing code for analysis @ Working [Moved the release to R targets]']);
    });

    it('takes a Notes column as the evidence of a review table', () => {
      const text = '# Probation review\n\n**Role:** Junior user researcher\n\n| Skill | Assessed | Expected | Notes |\n|---|---|---|---|\n| Analysis and synthesis | Working | Working | Runs affinity sorting after each round. |\n| User research methods | Working | Working | |\n';
      assert.deepEqual(entries(text), ['Analysis and synthesis @ Working [Runs affinity sorting after each round.]', 'User research methods @ Working []']);
      assert.ok(findings(text)[0].includes('1 without evidence'), findings(text)[0]);
    });

    it('says a level above the role level is above the next role level too, when that needs no more', () => {
      const text = '# Review\n\n**Role:** Infrastructure engineer\n\n**Coding and scripting** - working. Wrote the patching scripts.\n';
      assert.deepEqual(findings(text).filter((f) => f.startsWith('above')), [
        'above-expected 5:28-35 Coding and scripting is assessed at working, above the awareness Infrastructure engineer expects and the awareness Senior infrastructure engineer needs.',
      ]);
    });
  });

  describe('the coverage fix', () => {
    it('adds a row per skill not yet in the table, with the expected level filled in', () => {
      const text = '---\nkind: review\nrole: Associate infrastructure engineer\n---\n\n| Skill | Expected | Assessed | Evidence | Next step |\n|---|---|---|---|---|\n| IT infrastructure | awareness | awareness | Patched the web hosts. | |\n| Information security | awareness | | | |\n\n## Objectives\n';
      const fixed = afterCoverageFix(text);
      assert.equal(fixed.title, 'Add rows for the 7 skills not yet in the review');
      assert.equal(
        fixed.text,
        text.replace(
          '| Information security | awareness | | | |\n',
          '| Information security | awareness | | | |\n' +
            ASSOCIATE.filter((s) => s !== 'IT infrastructure' && s !== 'Information security')
              .map((s) => `| ${s} | awareness | | | |\n`)
              .join(''),
        ),
      );
      // After the fix the coverage counts the new rows as named but not assessed: no second fix.
      const after = open(fixed.text, URI);
      const again = after.service.diagnostics(after.doc).filter((d) => d.code === 'review-coverage');
      assert.equal(again[0].message.startsWith('1 of 9 skills assessed.'), true, again[0].message);
      assert.equal(after.service.codeActions(after.doc, again).length, 0);
    });

    it('adds sections in a review written with a heading per skill, and a ladder area with its statements as prompts', () => {
      const text = '# Review\n\nRole: Associate infrastructure engineer\n\n## IT infrastructure\n\nAssessed: awareness\n\nPatched the web hosts.\n';
      const fixed = afterCoverageFix(text);
      assert.equal(fixed.title, 'Add sections for the 8 skills not yet in the review');
      assert.ok(fixed.text.startsWith(text.slice(0, -1) + '\n\n## Information security\n\nExpected level: awareness\nAssessed: \n\n- \n\n## Modern development standards\n'), fixed.text);
      assert.deepEqual(entries(fixed.text).length, 9);

      const ladderText = '---\nframework: ladder\nkind: review\nrole: L3\n---\n\n## Domain expertise\n\nAssessed: L3\n\n- I moved our secrets into the vault.\n';
      const ladderFixed = afterCoverageFix(ladderText, ladder);
      assert.equal(ladderFixed.title, 'Add sections for the 3 competency areas not yet in the review');
      assert.ok(ladderFixed.text.includes('\n## Teaching and Mentoring\n\nExpected level: L3\nAssessed: \n\n<!-- In your own words, what did you do that shows:\n  I consistently help new hires'), ladderFixed.text);
      // The prompts are no evidence, and no copy of the framework.
      assert.deepEqual(findings(ladderFixed.text, ladder), ['review-coverage 4:7-9 1 of 4 competency areas assessed. Not yet assessed: Teaching and Mentoring, Culture and Leadership, Business Success.']);
    });

    it('adds a table when the review assesses nothing yet', () => {
      const text = '---\nkind: review\nrole: Associate infrastructure engineer\n---\n\n# Review\n';
      const fixed = afterCoverageFix(text);
      assert.equal(fixed.title, 'Add a table for the 9 skills not yet in the review');
      assert.ok(fixed.text.includes('# Review\n\n| Skill | Expected | Assessed | Evidence |\n| --- | --- | --- | --- |\n| IT infrastructure | awareness | | |\n| Information security | awareness | | |\n'), fixed.text);
      assert.ok(fixed.text.endsWith('| Troubleshooting and problem resolution | awareness | | |\n'), fixed.text);
      assert.deepEqual(entries(fixed.text).length, 9);
    });
    it('adds its own table under a table of other names, which stays quiet', () => {
      const text = '---\nkind: review\nrole: Associate infrastructure engineer\n---\n\n| Skill | Level |\n| --- | --- |\n| Teamwork | Awareness |\n';
      const fixed = afterCoverageFix(text);
      assert.equal(fixed.title, 'Add a table for the 9 skills not yet in the review');
      assert.ok(fixed.text.startsWith(text + '\n| Skill | Expected | Assessed | Evidence |\n'), fixed.text);
      // Rows added to the Teamwork table would have made it a table of skill names, Teamwork
      // an unknown one.
      assert.deepEqual(findings(fixed.text).filter((f) => !f.startsWith('review-coverage') && !f.startsWith('no-evidence')), []);
      assert.deepEqual(entries(fixed.text).length, 9);
    });

    it('adds rows to a table that has none yet', () => {
      const text = '---\nkind: review\nrole: Associate infrastructure engineer\n---\n\n| Skill | Expected | Assessed | Evidence |\n| --- | --- | --- | --- |\n\n## Objectives\n';
      const fixed = afterCoverageFix(text);
      assert.equal(fixed.title, 'Add rows for the 9 skills not yet in the review');
      assert.ok(fixed.text.includes('| --- | --- | --- | --- |\n| IT infrastructure | awareness | | |\n'), fixed.text);
    });
  });

  describe('in the editor', () => {
    it('explains an assessed level on hover: its statements, the next level\'s, and what the role levels need', () => {
      const t = doc('---\nkind: review\nrole: Infrastructure engineer\n---\n\n| Skill | Expected | Assessed | Evidence |\n| --- | --- | --- | --- |\n| Information security | awareness | wor‸king | Ran the phishing drill. |\n', URI);
      const h = t.service.hover(t.doc, t.position)!;
      assert.deepEqual(h.range, { start: { line: 7, character: 37 }, end: { line: 7, character: 44 } });
      const text = (h.contents as { value: string }).value;
      assert.ok(text.startsWith('**Working**: level 2 of 4 (awareness < **working** < practitioner < expert)\n\nInformation security at working:\n\n'), text);
      assert.ok(text.includes('use information security practices and available security controls to contribute to protecting solutions and services'), text);
      assert.ok(text.includes('To reach practitioner:\n\n'), text);
      assert.ok(text.includes('design solutions and services with security controls included, specifically engineered to mitigate security threats'), text);
      assert.ok(text.endsWith('Infrastructure engineer expects awareness; Senior infrastructure engineer needs working.'), text);
    });

    it('completes an assessed level under a skill heading, marking the expected level and the next role level\'s', () => {
      const t = doc('---\nkind: review\nrole: Infrastructure engineer\n---\n\n## Systems design\n\nExpected level: working\nAssessed: |\n', URI);
      const result = t.service.completions(t.doc, t.position);
      const items = Array.isArray(result) ? result : result.items;
      assert.deepEqual(
        items.map((i) => `${i.label}${i.labelDetails?.description ? ` (${i.labelDetails.description})` : ''}`),
        ['awareness', 'working (expected for Infrastructure engineer)', 'practitioner (to progress to Senior infrastructure engineer)', 'expert'],
      );
      // Each says what the level means for the skill.
      assert.match((items[2].documentation as { value: string }).value, /^\*\*Practitioner\*\*: level 3 of 4[\s\S]*- design systems characterised by medium levels of risk/);
    });
  });

  describe('prompts for evidence', () => {
    function prompts(text: string) {
      const t = doc(text, URI);
      const result = t.service.completions(t.doc, t.position);
      return Array.isArray(result) ? result : result.items;
    }

    /** Every text an item shows or inserts. */
    const shown = (i: CompletionItem) => [i.label, i.filterText, i.detail, (i.documentation as { value: string } | undefined)?.value, (i.textEdit as { newText: string } | undefined)?.newText].join('\n');
    /** No item repeats a statement of any skill of the framework (what evidence-copies-framework finds). */
    function assertNoStatement(items: CompletionItem[], framework = ddat): void {
      for (const item of items) for (const skill of framework.skills) assert.equal(copiedStatement(shown(item), skill, framework)?.text, undefined, `${item.label} repeats a statement of ${skill.name}`);
    }
    const FRAME = '${1:What was done}: ${2:its result}, for ${3:who it helped}.';

    it('offers frames to fill in an empty evidence cell, never a statement of the framework', () => {
      const items = prompts('---\nkind: review\nrole: Infrastructure engineer\n---\n\n| Skill | Expected level | Assessed level | Evidence |\n| --- | --- | --- | --- |\n| Information security | awareness | working | ‸ |\n');
      assert.deepEqual(items.map((i) => i.label), ['What was done: its result, for whom', 'I … , which …', 'Situation, action, result']);
      assertNoStatement(items);
      const edit = items[0].textEdit as { range: unknown; newText: string };
      assert.deepEqual(edit.range, { start: { line: 7, character: 47 }, end: { line: 7, character: 47 } });
      assert.equal(edit.newText, FRAME);
      assert.equal(items[0].insertTextFormat, 2);
      assert.equal(items[0].detail, 'evidence for Information security');
      assert.match((items[0].documentation as { value: string }).value, /^Evidence for Information security, assessed at working: say in your own words what was done/);
      // Once evidence is being written, the cell is the writer's.
      assert.deepEqual(prompts('---\nkind: review\nrole: Infrastructure engineer\n---\n\n| Skill | Expected level | Assessed level | Evidence |\n| --- | --- | --- | --- |\n| Information security | awareness | working | Ran ‸ |\n'), []);
    });

    it('offers them under a skill heading after its Assessed: line, and before it is assessed', () => {
      const items = prompts('---\nkind: review\nrole: Infrastructure engineer\n---\n\n## Information security\n\nAssessed: working\n\n- ‸\n');
      assert.equal((items[0].textEdit as { newText: string }).newText, FRAME);
      assertNoStatement(items);
      const unassessed = prompts('---\nkind: review\nrole: Infrastructure engineer\n---\n\n## Information security\n\nAssessed:\n\n‸\n');
      assert.match((unassessed[0].documentation as { value: string }).value, /^Evidence for Information security, expected at awareness:/);
      assertNoStatement(unassessed);
    });

    it('offers first-person frames on a ladder area’s list item, not the ladder’s "I …" statements', () => {
      for (const text of ['---\nkind: review\nframework: ladder\nrole: L3\n---\n# Review\n\n## Teaching and Mentoring\n\nAssessed: L3\n\n- ‸\n', '---\nkind: review\nframework: ladder\nrole: L3\n---\n# Review\n\n## Teaching and Mentoring\n\n- ‸\n']) {
        const t = doc(text, URI, ladder);
        const items = t.service.completions(t.doc, t.position).items;
        assert.equal(items[0]?.label, 'I … , which …', text);
        assert.equal((items[0].textEdit as { newText: string }).newText, 'I ${1:what I did}, which ${2:what changed as a result} for ${3:who it helped}.');
        assertNoStatement(items, ladder);
      }
    });

    it('does not fail under a skill heading not yet assessed in a review that names no role level', () => {
      // Found by the fuzz run (seed 2005385509): completion threw reading the level's id.
      for (const text of ['- **Problem solving** (awareness)\n- **Accessibility** (awareness)\n### Accessibility (Awareness level)\n‸', '# Review\n\n## Information security\n\nAssessed:\n\n‸\n']) {
        assertNoStatement(prompts(text));
      }
    });
  });

  describe('a new review for a role level', () => {
    it('is a table with every skill and its expected level, assessed and evidence left to fill', () => {
      const text = newReview(ddat, 'associate infrastructure engineer', 'table')!;
      assert.equal(
        text,
        [
          '---',
          'kind: review',
          'framework: ddat',
          'role: Associate infrastructure engineer',
          '---',
          '',
          '# Performance review: Associate infrastructure engineer',
          '',
          '## Assessment',
          '',
          '| Skill | Expected | Assessed | Evidence |',
          '| --- | --- | --- | --- |',
          ...ASSOCIATE.map((s) => `| ${s} | awareness | | |`),
          '',
        ].join('\n'),
      );
      assert.deepEqual(findings(text), ['review-coverage 4:7-40 0 of 9 skills assessed. Not yet assessed: ' + ASSOCIATE.join(', ') + '.']);
      assert.equal(newReview(ddat, 'Chief wizard', 'table'), undefined);
    });

    it('is a heading per skill when chosen, and a ladder review has each competency area with its statements as prompts', () => {
      const text = newReview(ddat, 'Associate infrastructure engineer', 'headings')!;
      assert.ok(text.includes('\n## IT infrastructure\n\nExpected level: awareness\nAssessed: \n\n- \n\n## Information security\n'), text);
      assert.equal(entries(text).length, 9);
      const ladderText = newReview(ladder, 'L3', 'table')!;
      assert.ok(ladderText.startsWith('---\nkind: review\nframework: ladder\nrole: Senior Cloud Security Engineer\n---\n'), ladderText);
      assert.ok(ladderText.includes("## Domain expertise\n\nExpected level: L3\nAssessed: \n\n<!-- In your own words, what did you do that shows:\n  I am advanced in my team's domain.\n"), ladderText);
      assert.deepEqual(findings(ladderText, ladder), ['review-coverage 4:7-37 0 of 4 competency areas assessed. Not yet assessed: Domain expertise, Teaching and Mentoring, Culture and Leadership, Business Success.']);
    });
  });
});
