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
});
