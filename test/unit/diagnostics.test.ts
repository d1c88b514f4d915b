import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseDocument } from '../../server/src/documents/parse';
import { DiagnosticOptions, limitDiagnostics } from '../../server/src/features/diagnostics';
import { ddat, NO_KIND_GLOBS, open } from './helpers';

function check(text: string, uri = 'file:///advert.md', options?: DiagnosticOptions): Diagnostic[] {
  const { service, doc } = open(text, uri, { severity: options?.severity, kinds: NO_KIND_GLOBS });
  return service.diagnostics(doc);
}

/** The parts a user sees: code, 1-based line:col-endcol, message. */
function seen(d: Diagnostic): string {
  const { start, end } = d.range;
  const span = start.line === end.line ? `${start.line + 1}:${start.character + 1}-${end.character + 1}` : `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
  return `${d.code} ${span} ${d.message}`;
}

const senior = (body: string, grade = 'SEO') => `---\nkind: job-advert\nrole: Senior infrastructure engineer\ngrade: ${grade}\n---\n${body}`;

describe('diagnostics', () => {
  it('flags a misspelt skill with the closest name and its exact range', () => {
    const out = check('# Job\n\n- **Informaton security** (working)\n');
    assert.deepEqual(out.map(seen), ['unknown-skill 3:5-24 "Informaton security" is not a skill in DDaT. Did you mean "Information security"?']);
    assert.equal(out[0].severity, 1);
    assert.deepEqual(out[0].data, { replacements: ['Information security'] });
  });

  it('suggests a skill whose name has the words of a name written short and misspelt, and no more than that', () => {
    const out = check('# Job\n\n- **Stakeholder managment** (working)\n- **Statistical methods** (working)\n- **Data pipelines** (working)\n');
    assert.deepEqual(out.map(seen), [
      'unknown-skill 3:5-26 "Stakeholder managment" is not a skill in DDaT. Did you mean "Stakeholder relationship management", "Stakeholder relationship management (content design)" or "Stakeholder relationship management (IT operations)"?',
      // No name has "methods" or "pipelines": no guess.
      'unknown-skill 4:5-24 "Statistical methods" is not a skill in DDaT, and no skill is spelt like it. If it is a tool or a skill of your own, add it to the ignore list; "Skill Lens: Show skill" finds the skills of DDaT by what they are about.',
      'unknown-skill 5:5-19 "Data pipelines" is not a skill in DDaT, and no skill is spelt like it. If it is a tool or a skill of your own, add it to the ignore list; "Skill Lens: Show skill" finds the skills of DDaT by what they are about.',
    ]);
  });

  it('reports an old name as renamed, with the date, not as a typo', () => {
    const out = check('Problem solving: working\n');
    assert.deepEqual(out.map(seen), ['renamed-skill 1:1-16 "Problem solving" was renamed "Problem management" on 30 August 2022. Use the new name.']);
    assert.equal(out[0].severity, 2);
  });

  it('flags a level that is not on the scale, pointing at the level only', () => {
    const out = check('**Systems design** (wizard)\n');
    assert.deepEqual(out.map(seen), ['unknown-level 1:21-27 "wizard" is not a skill level in DDaT. Use one of: awareness, working, practitioner, expert.']);
  });

  it('suggests the closest level for a misspelt one', () => {
    const out = check('Systems design - practitoner\n');
    assert.deepEqual(out.map(seen), ['unknown-level 1:18-29 "practitoner" is not a skill level in DDaT. Did you mean "practitioner"?']);
  });

  it('flags a level the framework leaves undefined for that skill', () => {
    const out = check('| Skill | Level |\n| --- | --- |\n| Analysis | Awareness |\n');
    assert.deepEqual(out.map(seen), ['undefined-level 3:14-23 DDaT does not define Analysis at awareness. Defined: working, practitioner, expert.']);
  });

  it('checks levels against the front-matter role and names what is missing', () => {
    const role = senior('\n- **IT infrastructure** (expert)\n');
    const out = check(role);
    const codes = out.map((d) => d.code);
    assert.equal(codes.filter((c) => c === 'missing-skill').length, 11);
    const mismatch = out.find((d) => d.code === 'level-mismatch')!;
    assert.equal(seen(mismatch), 'level-mismatch 7:26-32 Senior infrastructure engineer needs IT infrastructure at practitioner, not expert.');
    const missing = out.find((d) => d.code === 'missing-skill')!;
    assert.equal(
      seen(missing),
      'missing-skill 3:7-37 Senior infrastructure engineer requires Coding and scripting at awareness, which this advert never mentions. Add it, or change the role.',
    );
  });

  it('checks the grade against the role, and unknown roles and grades', () => {
    assert.deepEqual(
      check(senior('', 'HEO')).filter((d) => d.code === 'grade-mismatch').map(seen),
      ['grade-mismatch 4:8-11 Senior infrastructure engineer is performed at SEO or G7, not HEO. Change the grade or the role.'],
    );
    assert.deepEqual(check('---\nrole: Senior infra engineer\ngrade: G8\n---\n').map(seen), [
      'unknown-role 2:7-28 "Senior infra engineer" is not a role level in DDaT. Did you mean "Senior infrastructure engineer" or "Senior infrastructure operations engineer"?',
      'unknown-grade 3:8-10 "G8" is not a grade. Did you mean "G7" or "G6"?',
    ]);
  });

  it('accepts grade aliases such as Grade 7 and 7', () => {
    const lead = (g: string) => `---\nrole: Lead infrastructure engineer\ngrade: ${g}\n---\n`;
    for (const g of ['G7', 'Grade 7', '7', "'7'"]) {
      assert.deepEqual(check(lead(g)).filter((d) => d.code !== 'missing-skill'), [], g);
    }
  });

  it('flags a skill given twice in one table, pointing back at the first', () => {
    const out = check('| Skill | Level |\n|---|---|\n| Testing | working |\n| IT infrastructure | working |\n| testing | expert |\n');
    assert.deepEqual(out.map(seen), ['duplicate-skill 5:3-10 "testing" is already given on line 3 of this table. Keep one of them.']);
  });

  it('reports YAML syntax errors at the parser position', () => {
    const out = check('---\nkind: pathway\nlevels:\n  EO: [awareness\n---\n');
    assert.deepEqual(out.map(seen), ['yaml-syntax 5:1-2 YAML syntax error: deficient indentation.']);
  });

  it('reports pathway structure problems with a path to the field', () => {
    const out = check('topics:\n  - description: no name here\n', 'file:///p/pathway.yaml');
    assert.deepEqual(out.map(seen), ['schema 2:5-30 topics[0] needs a `name`: the skill this topic describes.']);
  });

  it('flags a higher grade mapped to a lower level', () => {
    const out = check('levels:\n  EO: working\n  HEO: awareness\n  SEO: practitioner\ntopics: []\n', 'file:///p/pathway.yaml');
    assert.deepEqual(out.map(seen), [
      'level-order 3:8-17 Grade HEO maps to awareness, below working for the lower grade EO. A higher grade cannot need a lower level.',
    ]);
  });

  it('reads grades mapped to level numbers, and offers the number in the fix', () => {
    const out = check('levels:\n  EO: 1\n  HEO: "2"\n  SEO: 1\n  G7: 7\ntopics: []\n', 'file:///p/pathway.yaml');
    assert.deepEqual(out.map(seen), [
      'level-order 4:8-9 Grade SEO maps to awareness, below working for the lower grade HEO. A higher grade cannot need a lower level.',
      'unknown-level 5:7-8 "7" is not a skill level in DDaT, which has 4: use a number from 1 (awareness) to 4 (expert).',
    ]);
    assert.deepEqual(out[0].data, { replacements: ['2'] });
  });

  it('finds the copied description, repeated indicators and the rename in the seed pathway', () => {
    const text = readFileSync('../shared/seeds/000_b2b494ddee045005.txt', 'utf8');
    const out = check(text, 'file:///cloud-pathway.md');
    assert.deepEqual(out.map(seen), [
      'copied-description 18:22-159 The working description of Information security repeats awareness word for word. Say what someone at working can do beyond awareness.',
      'repeated-indicator 26:13-64 This practitioner indicator of Information security repeats working word for word. Say what changes at practitioner, or remove it.',
      'repeated-indicator 27:13-112 This practitioner indicator of Information security repeats working word for word. Say what changes at practitioner, or remove it.',
      'repeated-indicator 33:13-112 This expert indicator of Information security repeats practitioner word for word. Say what changes at expert, or remove it.',
      'unknown-skill 54:3-9 "Coding" is not a skill in DDaT. Did you mean "Coding and scripting"?',
      'renamed-skill 64:3-18 "Problem solving" was renamed "Problem management" on 30 August 2022. Use the new name.',
    ]);
    // A bold phrase might be prose, so an unknown one is a warning, not an error.
    assert.equal(out.find((d) => d.code === 'unknown-skill')!.severity, 2);
  });

  it('lists the variants of a name shared by qualified skills, with a code of its own', () => {
    const out = check('- **Programming and build** (working)\n');
    assert.equal(out.length, 1);
    assert.equal(out[0].code, 'ambiguous-skill');
    assert.equal(out[0].severity, 2);
    assert.match(out[0].message, /^"Programming and build" names 4 skills in DDaT: "Programming and build \(data engineering\)", .* Choose one, or name the role so that its own is used\.$/);
  });

  it('accepts a qualified name written on a role page for an unqualified skill', () => {
    assert.deepEqual(check('Coding and scripting (infrastructure engineer)\n\nLevel: working\n'), []);
  });

  it('accepts a role qualifier after a qualified skill name', () => {
    assert.deepEqual(check('Programming and build (data engineering) (infrastructure engineer)\n\nLevel: working\n'), []);
    // Without the skill's own qualifier the name is still ambiguous.
    assert.deepEqual(check('Programming and build (infrastructure engineer)\n\nLevel: working\n').map((d) => d.code), ['ambiguous-skill']);
  });

  it('lets settings change a severity or turn a code off', () => {
    const text = 'Problem solving: working\n';
    assert.equal(check(text, undefined, { severity: { 'renamed-skill': 'error' } })[0].severity, 1);
    assert.deepEqual(check(text, undefined, { severity: { 'renamed-skill': 'off' } }), []);
  });

  it('finds no problem in the correct example adverts: every infrastructure role level, and two roles named only in the body', () => {
    const dir = 'examples/adverts';
    const correct = readdirSync(dir).filter((f) => !f.startsWith('needs-work'));
    assert.equal(correct.length, 7);
    for (const file of correct) {
      assert.deepEqual(check(readFileSync(join(dir, file), 'utf8'), `file:///${file}`).map(seen), [], file);
    }
  });

  it('ignores prose that only looks like a pair', () => {
    assert.deepEqual(check('Salary: £40,000\nLocation: Leeds - hybrid\nClosing date: 1 December\n**Note.** Apply early.\n'), []);
  });

  it('sends an editor at most the limit, errors first, in reading order, and says how many were left out', () => {
    // Ten findings on lines 0..9: warnings on odd lines, errors on even ones.
    const all: Diagnostic[] = Array.from({ length: 10 }, (_, line) => ({
      range: { start: { line, character: 2 }, end: { line, character: 8 } },
      severity: line % 2 ? 2 : 1,
      code: line % 2 ? 'level-mismatch' : 'unknown-level',
      source: 'skill-lens',
      message: `finding ${line}`,
    }));
    const limited = limitDiagnostics(all, 7);
    assert.equal(limited.length, 8);
    assert.equal(limited[0].message, 'Skill Lens shows 7 of the 10 findings in this document, errors first. Run "skill-lens check" on the file for all of them.');
    assert.equal(limited[0].severity, 3);
    assert.equal(limited[0].code, undefined);
    assert.deepEqual(limited[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    // All five errors, then the first two warnings, back in reading order.
    assert.deepEqual(limited.slice(1).map((d) => d.message), ['finding 0', 'finding 1', 'finding 2', 'finding 3', 'finding 4', 'finding 6', 'finding 8']);
    assert.equal(limitDiagnostics(all, 10), all);
  });
});

describe('diagnostics: broken front matter', () => {
  it('reports text glued to the closing --- on its line, and still reads the front matter and the body', () => {
    const out = check(senior('').replace(/---\n$/, '---**Next heading**\n\n- **Informaton security** (working)\n- **IT infrastructure** (expert)\n'));
    assert.deepEqual(out.filter((d) => d.code !== 'missing-skill').map(seen), [
      'yaml-syntax 5:4-20 The front matter\'s closing "---" has text after it: put "**Next heading**" on its own line.',
      'unknown-skill 7:5-24 "Informaton security" is not a skill in DDaT. Did you mean "Information security"?',
      'level-mismatch 8:26-32 Senior infrastructure engineer needs IT infrastructure at practitioner, not expert.',
    ]);
    // The role took effect: what it needs and the advert never names is missing (Information
    // security is misspelt, and reported as such).
    assert.equal(out.filter((d) => d.code === 'missing-skill').length, 10);
    assert.equal(out.find((d) => d.code === 'yaml-syntax')!.severity, 1);
  });

  it('reports a YAML syntax error in front matter where the parser found it, and still checks the body with the other fields', () => {
    const text = '---\nkind: job-advert\nrole: Senior infrastructure engineer\ntitle: "Engineer\n---\n\n- **Informaton security** (working)\n- **IT infrastructure** (expert)\n';
    assert.deepEqual(check(text).filter((d) => d.code !== 'missing-skill').map(seen), [
      'yaml-syntax 5:1-2 YAML syntax error: deficient indentation.',
      'unknown-skill 7:5-24 "Informaton security" is not a skill in DDaT. Did you mean "Information security"?',
      'level-mismatch 8:26-32 Senior infrastructure engineer needs IT infrastructure at practitioner, not expert.',
    ]);
  });

  it('checks the body of a front matter that is never closed', () => {
    const out = check('---\nrole: Senior infrastructure engineer\ngrade: HEO\n\n## About the job\n\n- **IT infrastructure** (expert)\n');
    assert.deepEqual(out.filter((d) => d.code !== 'missing-skill').map(seen), [
      'yaml-syntax 1:1-4 Front matter is not closed: add a line "---" after it.',
      'grade-mismatch 3:8-11 Senior infrastructure engineer is performed at SEO or G7, not HEO. Change the grade or the role.',
      'level-mismatch 7:26-32 Senior infrastructure engineer needs IT infrastructure at practitioner, not expert.',
    ]);
  });

  it('still checks the other topics of a pathway when one of them is not YAML', () => {
    const text = [
      'levels:',
      '  EO: awareness',
      '  SEO: wroking',
      'topics:',
      '  - name: Informaton security',
      '  - name: Testing',
      '    pathway:',
      '      working:',
      '        indicators: [Writes tests',
      '  - name: Problem solving',
      '    content:',
      '      - level: 5',
      '',
    ].join('\n');
    assert.deepEqual(check(text, 'file:///p/pathway.yaml').map(seen), [
      'unknown-level 3:8-15 "wroking" is not a skill level in DDaT. Did you mean "working"?',
      'unknown-skill 5:11-30 "Informaton security" is not a skill in DDaT. Did you mean "Information security"?',
      'yaml-syntax 10:3-4 YAML syntax error: deficient indentation.',
      'renamed-skill 10:11-26 "Problem solving" was renamed "Problem management" on 30 August 2022. Use the new name.',
      'unknown-level 12:16-17 "5" is not a skill level in DDaT, which has 4: use a number from 1 (awareness) to 4 (expert).',
    ]);
  });
});

describe('diagnostics: pathway shapes', () => {
  const fixture = (name: string) => check(readFileSync(`test/unit/fixtures/pathways/${name}`, 'utf8'), `file:///work/${name}`);

  it('checks topics whose levels are content items: numbers, numbers as strings, names, grades', () => {
    assert.deepEqual(fixture('content-levels.yaml').map(seen), [
      'undefined-level 10:16-17 DDaT does not define Data modelling at awareness. Defined: working, practitioner, expert.',
      'repeated-indicator 17:54-94 This working indicator of Data modelling repeats awareness word for word. Say what changes at working, or remove it.',
      'unknown-level 22:16-17 "5" is not a skill level in DDaT, which has 4: use a number from 1 (awareness) to 4 (expert).',
      'unknown-skill 25:12-30 "Metadata managment" is not a skill in DDaT. Did you mean "Metadata management"?',
      'copied-description 29:33-64 The practitioner description of Metadata managment repeats working word for word. Say what someone at practitioner can do beyond working.',
      'renamed-skill 30:11-26 "Problem solving" was renamed "Problem management" on 30 August 2022. Use the new name.',
      'unknown-level 35:14-15 "0" is not a skill level in DDaT, which has 4: use a number from 1 (awareness) to 4 (expert).',
    ]);
    // A quick fix offers the numbers the writer uses: the defined levels, or the top of the scale.
    const out = fixture('content-levels.yaml');
    assert.deepEqual(out[0].data, { replacements: ['2', '3', '4'] });
    assert.deepEqual(out[2].data, { replacements: ['4'] });
  });

  it('checks content items written in flow style, and the order of the grades they give', () => {
    assert.deepEqual(fixture('content-levels-flow.yml').map(seen), [
      'level-order 2:139-140 Grade G6 maps Data engineering to working, below expert for the lower grade SEO. A higher grade cannot need a lower level.',
      'undefined-level 3:62-63 DDaT does not define Data analysis and synthesis at expert. Defined: awareness, working, practitioner.',
    ]);
  });

  it('checks a list of skills with levels by name or number and their examples or statements', () => {
    assert.deepEqual(fixture('skills-list.yaml').map(seen), [
      'repeated-indicator 12:13-39 This working indicator of Data innovation repeats awareness word for word. Say what changes at working, or remove it.',
      'unknown-level 14:16-28 "Practicioner" is not a skill level in DDaT. Did you mean "Practitioner"?',
      'undefined-level 19:16-28 DDaT does not define Security technology at practitioner. Defined: awareness, working, expert.',
      'unknown-skill 20:11-25 "Data stnadards" is not a skill in DDaT. Did you mean "Data standards"?',
      'unknown-level 27:17-18 "5" is not a skill level in DDaT, which has 4: use a number from 1 (awareness) to 4 (expert).',
    ]);
  });

  it('checks a file that is itself a list of skills', () => {
    assert.deepEqual(fixture('skills-root-list.yml').map(seen), [
      'repeated-indicator 3:97-123 This expert indicator of Data visualisation repeats awareness word for word. Say what changes at expert, or remove it.',
      'undefined-level 6:11-20 DDaT does not define Analysis at awareness. Defined: working, practitioner, expert.',
    ]);
  });

  it('checks each topic\'s own grade map: grades, levels and their order', () => {
    const out = fixture('topic-grade-maps.yaml');
    assert.deepEqual(out.map(seen), [
      'level-order 10:11-18 Grade G7 maps Programming and build (software engineering) to working, below practitioner for the lower grade SEO. A higher grade cannot need a lower level.',
      'undefined-level 12:35-41 DDaT does not define Ownership and initiative at expert. Defined: awareness, working, practitioner.',
      // G7 is a key of the same map already: replacing G8 by it would be a duplicate key.
      'unknown-grade 12:43-45 "G8" is not a grade. Did you mean "G6" or "AA"?',
      'unknown-skill 13:11-24 "Data modeling" is not a skill in DDaT. Did you mean "Data modelling" or "Data modelling, cleansing and enrichment"?',
    ]);
    assert.deepEqual(out[0].data, { replacements: ['practitioner'] });
  });

  it('reads a list of skills in a Markdown pathway\'s front matter, and the body below it', () => {
    const text = [
      '---',
      'title: Analyst pathway',
      'skills:',
      '  - name: Data visualisation',
      '    levels:',
      '      - {name: awareness, examples: [Makes a chart]}',
      '      - {name: 5}',
      '  - name: Analysis',
      '    levels: [awareness]',
      '---',
      '',
      '**Data visualisaton.** Charts that tell the story.',
      '',
    ].join('\n');
    const doc = parseDocument(text, { uri: 'file:///work/analyst.md', version: 1, framework: ddat });
    assert.equal(doc.kind, 'pathway');
    assert.deepEqual(doc.mentions.map((m) => `${m.form} ${m.name.text}`), ['pathway-topic Data visualisation', 'pathway-topic Analysis', 'bold-paragraph Data visualisaton']);
    assert.deepEqual(check(text, 'file:///work/analyst.md').map(seen), [
      'unknown-level 7:16-17 "5" is not a skill level in DDaT, which has 4: use a number from 1 (awareness) to 4 (expert).',
      'undefined-level 9:14-23 DDaT does not define Analysis at awareness. Defined: working, practitioner, expert.',
      'unknown-skill 12:3-20 "Data visualisaton" is not a skill in DDaT. Did you mean "Data visualisation"?',
    ]);
  });

  it('keeps an advert\'s skills list an advert\'s: items with a level, not levels', () => {
    const doc = parseDocument('skills:\n  - name: Testing\n    level: 3\n', { uri: 'file:///work/skills.yaml', version: 1, framework: ddat });
    assert.equal(doc.kind, 'unknown');
    assert.equal(doc.pathway, undefined);
  });
});
