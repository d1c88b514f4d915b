// Insert skills for a role level writes the document's own format, and what it writes passes the
// checker: pathway topics in YAML (never a Markdown list), a review's table, an advert's style.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { insertSkills, type SkillsInsertion } from '../../server/src/features/insertSkills';
import { ddat, doc, open, parsed } from './helpers';

const senior = ddat.findRoleLevel('Senior infrastructure engineer')!;
const pathwayUri = 'file:///work/pathways/cloud-pathway.yaml';

const pathway = `path: /pathways/cloudengineer
title: Cloud Engineer Pathway
levels:
  SEO: working
topics:
  - name: Information security
    description: You can maintain the security of information systems.
    pathway:
      working:
        description: You use information security practices.
`;

/** Inserts at the cursor marker and returns the new text. */
function insert(textWithCursor: string, uri: string, yaml = /\.ya?ml$/.test(uri)): { text: string; result: SkillsInsertion } {
  const { doc: d, position } = doc(textWithCursor, uri);
  const result = insertSkills(d, ddat, senior, position, { yaml });
  assert.ok(!('message' in result), 'message' in result ? result.message : '');
  const td = TextDocument.create(uri, yaml ? 'yaml' : 'markdown', 1, d.lines.text);
  return { text: TextDocument.applyEdits(td, [{ range: result.range, newText: result.text }]), result };
}

function codes(text: string, uri: string): string[] {
  const { service, doc } = open(text, uri);
  return service.diagnostics(doc).map((d) => String(d.code));
}

describe('insert skills for a role level', () => {
  it('adds pathway topics in YAML to a YAML pathway, not a Markdown list, and the file still checks', () => {
    const { text, result } = insert(pathway + '|', pathwayUri);
    assert.equal(result.format, 'topics');
    assert.doesNotMatch(text, /^- \*\*/m);
    assert.match(text, /\n {2}- name: IT infrastructure\n {4}description: .+\n {4}pathway:\n {6}practitioner:\n {8}indicators:\n {10}- design and implement infrastructure solutions/);
    // Information security was there already: not written twice.
    assert.equal(text.match(/name: Information security/g)?.length, 1);
    const after = codes(text, pathwayUri);
    assert.ok(!after.includes('yaml-syntax') && !after.includes('schema') && !after.includes('duplicate-skill'), after.join(', '));
    const topics = parsed(text, pathwayUri).pathway?.topics.map((t) => t.name.text) ?? [];
    assert.ok(topics.length >= 10, topics.join(', '));
  });

  it('puts the topics after the topic the cursor is in, wherever the cursor is in the YAML', () => {
    const withSecond = pathway + '  - name: Testing\n    description: Testing things.\n';
    const cursorInFirst = withSecond.replace('You use information security practices.', 'You use information security practices.|');
    const { text } = insert(cursorInFirst, pathwayUri);
    const names = [...text.matchAll(/^ {2}- name: (.+)$/gm)].map((m) => m[1]);
    assert.equal(names[0], 'Information security');
    assert.equal(names[1], 'Coding and scripting', 'inserted after the first topic');
    assert.equal(names[names.length - 1], 'Testing', 'the second topic still follows');
    const after = codes(text, pathwayUri);
    assert.ok(!after.includes('yaml-syntax') && !after.includes('schema'), after.join(', '));
    // With the cursor on the `title:` line the topics still go in the list.
    const { text: fromTitle } = insert(pathway.replace('title: Cloud', 'title: |Cloud'), pathwayUri);
    assert.ok(!codes(fromTitle, pathwayUri).includes('yaml-syntax'));
    assert.ok(fromTitle.startsWith(pathway));
  });

  it('starts a topics list in a YAML pathway without one, and fills `topics: []`', () => {
    const bare = 'title: Cloud Engineer Pathway\nlevels:\n  SEO: working\n';
    for (const start of [bare + '|', '|' + bare, bare + 'topics: []|\n', bare.trimEnd() + '|']) {
      const { text } = insert(start, pathwayUri);
      assert.match(text, /^topics:\n {2}- name: Coding and scripting$/m, text);
      const after = codes(text, pathwayUri);
      assert.ok(!after.includes('yaml-syntax') && !after.includes('schema'), `${after.join(', ')}\n${text}`);
    }
  });

  it('writes the topics into the front matter of a Markdown pathway', () => {
    const uri = 'file:///work/pathways/cloud-engineer-pathway.md';
    const md = `---\n${pathway}---\n\n# Cloud engineer pathway\n\nSome prose.|\n`;
    const { text } = insert(md, uri, false);
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    assert.match(front, /- name: IT infrastructure/);
    assert.equal(body, '\n# Cloud engineer pathway\n\nSome prose.\n', 'the body is unchanged');
    assert.ok(!codes(text, uri).includes('yaml-syntax'));
    // No front matter: one is made.
    const { text: made } = insert('# Cloud engineer pathway\n|', uri, false);
    assert.match(made, /^---\ntopics:\n {2}- name: Coding and scripting\n[\s\S]*\n---\n\n# Cloud engineer pathway\n$/);
    assert.ok(!codes(made, uri).includes('yaml-syntax'));
  });

  it('writes a table with an evidence column in a review, and keeps an advert’s style', () => {
    const review = insert('---\nkind: review\nrole: Senior infrastructure engineer\n---\n\n## Evidence\n\n|', 'file:///work/reviews/r.md');
    assert.equal(review.result.format, 'review-table');
    assert.match(review.text, /\n\| Skill \| Level \| Evidence \|\n\| --- \| --- \| --- \|\n\| Coding and scripting \| awareness \| {2}\|\n\| IT infrastructure \| practitioner \| {2}\|\n/);
    const govuk = insert('---\nkind: job-advert\n---\n\nInformation security\n\nLevel: working\n\n|', 'file:///work/adverts/a.md');
    assert.equal(govuk.result.format, 'govuk');
    const list = insert('---\nkind: job-advert\n---\n\nWe want:|', 'file:///work/adverts/a.md');
    assert.equal(list.result.format, 'list');
    assert.match(list.text, /We want:\n\n- \*\*Coding and scripting\*\* \(awareness\)\n/, 'a list starts on a line of its own');
  });

  it('says so when the pathway has every topic already', () => {
    const all = insert(pathway + '|', pathwayUri).text;
    const { doc: d, position } = doc(all + '|', pathwayUri);
    const again = insertSkills(d, ddat, senior, position, { yaml: true });
    assert.ok('message' in again);
    assert.match(again.message, /has a topic for each of the \d+ skills of Senior infrastructure engineer already/);
  });

  describe('only what is missing, into the list the document has', () => {
    const analyst = ddat.findRoleLevel('Senior data analyst')!;
    const dataEngineer = ddat.findRoleLevel('Senior data engineer')!;
    function into(text: string, uri: string, role = analyst, cursor = { line: 0, character: 0 }): string {
      const { doc: d } = open(text, uri);
      const result = insertSkills(d, ddat, role, cursor, { yaml: /\.ya?ml$/.test(uri) });
      assert.ok(!('message' in result), 'message' in result ? result.message : '');
      return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), [{ range: result.range, newText: result.text }]);
    }
    const advert = (skills: string) => `# Senior data analyst\n\nJoin our team.\n\n## Skills you need\n\n${skills}\n## How to apply\n\nApply online.\n`;

    it('adds the skills an advert does not name to the end of its list, written as its items are', () => {
      const list = '- Data visualisation - Practitioner\n- Data managment - Practitioner\n- **Data ethics and privacy** (practitioner)\n- Data preparation and linkage - Practitioner\n';
      // The cursor is in the title: the skills still go into the list.
      assert.equal(
        into(advert(list), 'file:///work/adverts/analyst.md'),
        advert(
          list +
            '- Applying statistical and analytical tools and techniques - Practitioner\n' +
            '- Communicating between the technical and non-technical - Practitioner\n' +
            '- Delivering business impact through data - Practitioner\n' +
            '- Developing code for analysis - Practitioner\n' +
            '- Managing a data project - Practitioner\n',
        ),
      );
    });

    it('adds rows to the table an advert has, not a second table', () => {
      const table = '| Skill | Level | Notes |\n| --- | --- | --- |\n| Data visualisation | practitioner | dashboards |\n| **Data management** | practitioner | |\n';
      const after = into(advert(table), 'file:///work/adverts/analyst.md');
      assert.equal(after.match(/\| Skill \|/g)?.length, 1, after);
      assert.ok(after.includes('| **Data management** | practitioner | |\n| **Applying statistical and analytical tools and techniques** | practitioner | |\n'), after);
      assert.ok(after.includes('| **Managing a data project** | practitioner | |\n\n## How to apply'), after);
      assert.doesNotMatch(after, /Data visualisation[\s\S]*Data visualisation/);
    });

    it('adds bold lead-ins after the last item and its wrapped lines', () => {
      const leadIns = '- **Data visualisation**. You design dashboards\n  for the board.\n- **[Data management](https://example.org)**. You keep data tidy.\n';
      const after = into(advert(leadIns), 'file:///work/adverts/analyst.md');
      assert.ok(after.includes('You keep data tidy.\n- **Applying statistical and analytical tools and techniques** (practitioner)\n'), after);
      assert.equal(codes(after, 'file:///work/adverts/analyst.md').filter((c) => c === 'missing-skill' || c === 'duplicate-skill' || c === 'unknown-skill').length, 0);
    });

    it('says so when the document names every skill of the role level', () => {
      const all = analyst.level.skills.map((r) => `- ${r.skill}: practitioner`).join('\n') + '\n';
      const { doc: d } = open(advert(all), 'file:///work/adverts/analyst.md');
      const result = insertSkills(d, ddat, analyst, { line: 0, character: 0 }, { yaml: false });
      assert.deepEqual(result, { message: 'The document names each of the 9 skills of Senior data analyst already.' });
    });

    it('adds a review’s missing rows to its table', () => {
      const review = '---\nkind: review\nrole: Infrastructure engineer\n---\n\n| Skill | Expected | Assessed | Evidence |\n| --- | --- | --- | --- |\n| Testing | awareness | awareness | Added smoke tests. |\n\n## Next steps\n';
      const after = into(review, 'file:///work/reviews/r.md', ddat.findRoleLevel('Infrastructure engineer')!);
      assert.equal(after.match(/\| Skill \|/g)?.length, 1);
      assert.ok(after.includes('| Testing | awareness | awareness | Added smoke tests. |\n| Coding and scripting | awareness | | |\n'), after);
      assert.ok(after.includes('| Troubleshooting and problem resolution | working | | |\n\n## Next steps'), after);
    });

    it('leaves out topics a pathway names by a shared name, an old name or with a typo', () => {
      const uri = 'file:///work/pathways/data.yaml';
      const text = 'topics:\n- name: "Programming and build"\n  pathway:\n    practitioner:\n      indicators:\n      - \'Builds pipelines, with tests\'\n- name: "Problem solving"\n- name: "Metadata managment"\n';
      const after = into(text, uri, dataEngineer);
      for (const name of ['Programming and build', 'Problem management', 'Metadata management']) assert.ok(!after.slice(text.length).includes(`name: "${name}`), `${name} is not added:\n${after}`);
      // Written as the topic with levels is: `- ` at the key's column, its keys (no description),
      // names in double quotes, statements in single quotes, the list at its key's column.
      assert.ok(after.startsWith(text), 'what was there is kept');
      assert.match(
        after.slice(text.length),
        /^- name: "Communicating between the technical and non-technical"\n {2}pathway:\n {4}working:\n {6}indicators:\n {6}- 'communicate effectively with technical and non-technical stakeholders'\n/,
      );
      const found = codes(after, uri);
      for (const bad of ['yaml-syntax', 'schema', 'duplicate-skill']) assert.ok(!found.includes(bad), `${bad} in ${found.join(', ')}`);
    });

    it('adds to a `skills:` list in its own layout, not a `topics:` list', () => {
      const uri = 'file:///work/pathways/skills.yaml';
      const text = 'skills:\n  - name: Data management\n    levels:\n      - name: Practitioner\n        examples: [Keeps the catalogue, Runs data reviews]\n';
      const after = into(text, uri);
      assert.doesNotMatch(after, /^topics:/m);
      assert.match(after.slice(text.length), /^ {2}- name: Applying statistical and analytical tools and techniques\n {4}levels:\n {6}- name: Practitioner\n {8}examples: \['identify and apply a range of statistical and analytical techniques and tools, and support others in applying them'|^ {2}- name: Applying statistical and analytical tools and techniques\n {4}levels:\n {6}- name: Practitioner\n {8}examples: \[lead the development/);
      const topics = parsed(after, uri).pathway!.topics;
      assert.equal(topics.length, 9);
      assert.equal(topics[1].levels[0].indicators.length, 4, 'a statement with a comma stays one statement');
      const found = codes(after, uri);
      for (const bad of ['yaml-syntax', 'schema', 'duplicate-skill']) assert.ok(!found.includes(bad), `${bad} in ${found.join(', ')}`);
    });

    it('maps the role level’s grades in a topic’s own grade map', () => {
      const uri = 'file:///work/pathways/grades.yaml';
      const text = 'topics:\n  - name: Testing\n    levels: { SEO: working, G7: working }\n';
      const after = into(text, uri, senior);
      assert.ok(after.includes('\n  - name: IT infrastructure\n    levels: { SEO: practitioner, G7: practitioner }\n'), after);
      assert.doesNotMatch(after.slice(text.length), /name: Testing/);
    });
  });
});

