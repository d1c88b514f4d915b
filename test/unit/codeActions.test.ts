import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NO_KIND_GLOBS, open } from './helpers';

const uri = 'file:///advert.md';

/** The actions offered for a code, and the whole text after applying the one titled `title`. */
function fix(text: string, code: string, title?: string): { titles: string[]; after?: string } {
  const { service, doc } = open(text, uri, { kinds: NO_KIND_GLOBS });
  const diagnostics = service.diagnostics(doc).filter((d) => d.code === code);
  const actions = service.codeActions(doc, diagnostics);
  const titles = actions.map((a) => a.title);
  const chosen = actions.find((a) => a.title === title);
  if (!chosen) return { titles };
  const edits = chosen.edit!.changes![uri];
  return { titles, after: TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits) };
}

/** A code's findings as line, start and end character, and message. */
function findings(text: string, code: string): [number, number, number, string][] {
  const { service, doc } = open(text, uri, { kinds: NO_KIND_GLOBS });
  return service
    .diagnostics(doc)
    .filter((d) => d.code === code)
    .map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.message]);
}

const senior = (body: string) => `---\nrole: Senior infrastructure engineer\ngrade: SEO\n---\n${body}`;

describe('quick fixes', () => {
  it('replaces an unknown skill with the suggestion, touching nothing else', () => {
    const r = fix('- **Informaton security** (working)\n- **Testing** (working)\n', 'unknown-skill', 'Replace with "Information security"');
    assert.deepEqual(r.titles, ['Replace with "Information security"']);
    assert.equal(r.after, '- **Information security** (working)\n- **Testing** (working)\n');
  });

  it('updates a renamed skill', () => {
    const r = fix('| Skill | Level |\n|---|---|\n| Problem solving | working |\n', 'renamed-skill', 'Update to "Problem management"');
    assert.equal(r.after, '| Skill | Level |\n|---|---|\n| Problem management | working |\n');
  });

  it('offers the closest level, in the case the user wrote', () => {
    const r = fix('Testing: Practitoner\n', 'unknown-level', 'Replace with "Practitioner"');
    assert.equal(r.after, 'Testing: Practitioner\n');
  });

  it("sets the role's level on a mismatch", () => {
    const r = fix(senior('IT infrastructure\n\nLevel: expert\n'), 'level-mismatch', 'Set level to "practitioner"');
    assert.equal(r.after, senior('IT infrastructure\n\nLevel: practitioner\n'));
  });

  it('sets the level of a `Level 2 - Working` sub-heading as a whole, leaving no number that says otherwise', () => {
    const text = senior('## Skills\n\n### IT infrastructure\n\n#### Level 2 - Working\n\nYou run servers.\n');
    assert.deepEqual(findings(text, 'level-mismatch'), [[8, 5, 22, 'Senior infrastructure engineer needs IT infrastructure at practitioner, not working.']]);
    const r = fix(text, 'level-mismatch', 'Set level to "Practitioner"');
    assert.equal(r.after, senior('## Skills\n\n### IT infrastructure\n\n#### Practitioner\n\nYou run servers.\n'));
  });

  it('reads a number alone in a table as the level at that place, and writes its name', () => {
    const text = senior('| Skill | Level |\n| --- | --- |\n| IT infrastructure | 2 |\n');
    assert.deepEqual(findings(text, 'unknown-level'), [[6, 22, 23, '"2" is not a skill level in DDaT: write the level\'s name. Did you mean "working" (level 2)?']]);
    const r = fix(text, 'unknown-level', 'Replace with "working"');
    assert.deepEqual(r.titles, ['Replace with "working"']);
    assert.equal(r.after, senior('| Skill | Level |\n| --- | --- |\n| IT infrastructure | working |\n'));
  });

  it("adds a missing skill in the document's own style", () => {
    const body = '| Skill | Level |\n| --- | --- |\n| IT infrastructure | practitioner |\n\nMore text.\n';
    const r = fix(senior(body), 'missing-skill', 'Add Testing (working)');
    assert.equal(r.after, senior('| Skill | Level |\n| --- | --- |\n| IT infrastructure | practitioner |\n| Testing | working |\n\nMore text.\n'));
  });

  it('adds a missing skill to the end of the list, as its items are written, without splitting it', () => {
    const advert = (list: string) => `# Senior data analyst\n\n## Skills you need\n\n${list}\n## Apply\n\nOnline.\n`;
    const title = 'Add Applying statistical and analytical tools and techniques (practitioner)';
    const added = (list: string) => fix(advert(list), 'missing-skill', title).after;
    // A level on a line the item wraps onto: no blank line, no description copied.
    const wrapped = '- Data visualisation: you can design dashboards\n  for the board (practitioner)\n- Data management: you keep data tidy and\n  documented (practitioner)\n';
    assert.equal(added(wrapped), advert(wrapped + '- Applying statistical and analytical tools and techniques (practitioner)\n'));
    // After the last item's wrapped lines, not between an item and its description.
    const described = '- **Data visualisation** (practitioner)\n  You design dashboards.\n- **Data management** (practitioner)\n  You keep data tidy.\n';
    assert.equal(added(described), advert(described + '- **Applying statistical and analytical tools and techniques** (practitioner)\n'));
    // A numbered list counts on, and the level keeps the list's case.
    const numbered = '1. Data visualisation - Practitioner\n2. Data management - Practitioner\n';
    assert.equal(added(numbered), advert(numbered + '3. Applying statistical and analytical tools and techniques - Practitioner\n'));
    // A heading with its level in brackets, words after the level: after its section, the bracket closed.
    const headings = '### Data visualisation (Practitioner level)\n\nYou design dashboards.\n';
    assert.equal(added(headings), advert(headings + '\n### Applying statistical and analytical tools and techniques (Practitioner)\n'));
    // A gov.uk block whose skill heading is a link: after the block's description, no link.
    const govuk = '### [Data visualisation](https://example.org/dv)\n\nLevel: practitioner\n\nYou design dashboards.\n';
    assert.equal(added(govuk), advert(govuk + '\n### Applying statistical and analytical tools and techniques\n\nLevel: practitioner\n'));
    // A bare number is no level in Markdown: the new row gets the level's name.
    const numbers = '| Skill | Level |\n| --- | --- |\n| Data visualisation | 5 |\n';
    assert.equal(added(numbers), advert(numbers + '| Applying statistical and analytical tools and techniques | practitioner |\n'));
    // Bold lead-ins with descriptions: into that list, not at the end of the document.
    const leadIns = '- **Data visualisation**. You design dashboards.\n- **Data management**. You keep data tidy.\n';
    assert.equal(added(leadIns), advert(leadIns + '- **Applying statistical and analytical tools and techniques** (practitioner)\n'));
  });

  it('adds a missing skill that brings no error of its own, in the adverts the fuzz run found (seeds 888365250, 777)', () => {
    for (const text of [
      '# Trainee business architect - Home Office\n\nJob title: Trainee business architect\n\n| Skill | Level |\n| --- | --- |\n| Accessibility | 5 |\n\n## Skills\n\nccessibility: awareness',
      '---\nrole: Trainee business architect\n---\n\n## Skills\n\n### Problem solving (Awareness level)',
      '---\nrole: Trainee business architect\n---\n\n## Skills\n\n- **[*nix](https://example.org/skill)**. You can show this at awareness.\n\n## About the job\n\n- **[Problem solving](https://example.org/skill)**. You can show this at awareness.',
    ]) {
      const errors = (t: string) => {
        const { service, doc } = open(t, uri, { kinds: NO_KIND_GLOBS });
        return service.diagnostics(doc).filter((d) => d.severity === 1).map((d) => d.message);
      };
      const r = fix(text, 'missing-skill', 'Add Business architecture (awareness)');
      assert.ok(r.after, r.titles.join(', '));
      assert.deepEqual(errors(r.after).filter((e) => !errors(text).includes(e)), [], r.after);
    }
  });

  it('chooses among the variants of an ambiguous name', () => {
    const r = fix('- **Programming and build** (working)\n', 'ambiguous-skill', 'Replace with "Programming and build (software engineering)"');
    assert.equal(r.titles.length, 4);
    assert.equal(r.after, '- **Programming and build (software engineering)** (working)\n');
  });
});

describe('quick fixes at the end of a document without a final newline', () => {
  /** Applies "Add <skill> (<level>)" and checks the text again. */
  function addMissing(text: string, title: string): { after: string; codes: string[]; missingBefore: number; missingAfter: number } {
    const r = fix(text, 'missing-skill', title);
    assert.ok(r.after !== undefined, `offered: ${r.titles.join(', ')}`);
    const codes = (t: string) => {
      const { service, doc } = open(t, uri, { kinds: NO_KIND_GLOBS });
      return service.diagnostics(doc).map((d) => String(d.code));
    };
    const before = codes(text);
    const after = codes(r.after);
    return {
      after: r.after,
      codes: after.filter((c) => c !== 'missing-skill'),
      missingBefore: before.filter((c) => c === 'missing-skill').length,
      missingAfter: after.filter((c) => c === 'missing-skill').length,
    };
  }

  it('adds a list item on a line of its own', () => {
    const text = senior('## Skills\n\n- Information security: working');
    const r = addMissing(text, 'Add Coding and scripting (awareness)');
    assert.equal(r.after, senior('## Skills\n\n- Information security: working\n- Coding and scripting: awareness'));
    assert.deepEqual(r.codes, []);
    assert.equal(r.missingAfter, r.missingBefore - 1);
  });

  it('adds a gov.uk block after the last level line', () => {
    const text = senior('Information security\n\nLevel: working');
    const r = addMissing(text, 'Add Testing (working)');
    assert.equal(r.after, senior('Information security\n\nLevel: working\n\nTesting\n\nLevel: working'));
    assert.deepEqual(r.codes, []);
    assert.equal(r.missingAfter, r.missingBefore - 1);
  });

  it('adds a table row, keeping Windows line ends', () => {
    const text = senior('| Skill | Level |\r\n| --- | --- |\r\n| Information security | working |');
    const r = addMissing(text, 'Add Testing (working)');
    assert.equal(r.after, senior('| Skill | Level |\r\n| --- | --- |\r\n| Information security | working |\r\n| Testing | working |'));
    assert.deepEqual(r.codes, []);
    assert.equal(r.missingAfter, r.missingBefore - 1);
  });

  it('adds a list item to a document with no skill written with a level', () => {
    const text = senior('# Senior infrastructure engineer\n\nJoin us.');
    const r = addMissing(text, 'Add Testing (working)');
    assert.equal(r.after, senior('# Senior infrastructure engineer\n\nJoin us.\n- **Testing** (working)\n'));
    assert.equal(r.missingAfter, r.missingBefore - 1);
  });
});

describe('quick fixes from diagnostics the client sends back', () => {
  it('ignore fix data of the wrong shape', () => {
    const { service, doc } = open('- **Testing** (wizard)\n', uri, { kinds: NO_KIND_GLOBS });
    const range = { start: { line: 0, character: 15 }, end: { line: 0, character: 21 } };
    const sent = [
      { range, message: 'x', source: 'skill-lens', code: 'unknown-level', data: { replacements: 'expert' } },
      { range, message: 'x', source: 'skill-lens', code: 'unknown-level', data: { replacements: [3, 'expert', 'two\nlines'] } },
      { range, message: 'x', source: 'skill-lens', code: 'missing-skill', data: { missing: { skill: 7 } } },
      { range, message: 'x', source: 'skill-lens', code: 'missing-skill', data: 'junk' },
    ];
    assert.deepEqual(
      service.codeActions(doc, sent).map((a) => a.title),
      ['Replace with "expert"'],
    );
  });
});
