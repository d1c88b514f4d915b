// The Markdown constructs the parser, completion and hover all read, each written once under
// server/src/markdown/: for every case, what the parser finds, what completion offers and what
// hover explains must agree (nothing inside code; a level line read by all three).
import { strict as assert } from 'node:assert';
import type { CompletionItem } from 'vscode-languageserver-types';
import { doc, open, parsed } from './helpers';
import { blockMap } from '../../server/src/documents/blockMap';
import { readReview } from '../../server/src/reviews/read';

/** At the marker `|`: the mentions on its line, the completion labels, whether a hover shows. */
function at(textWithCursor: string) {
  const d = doc(textWithCursor, 'file:///work/adverts/job.md');
  const line = d.position.line;
  const onLine = d.doc.mentions.filter((m) => m.name.range.start.line === line).map((m) => (m.levelText ? `${m.name.text} @ ${m.levelText}` : m.name.text));
  const list = d.service.completions(d.doc, d.position);
  const items: CompletionItem[] = Array.isArray(list) ? list : (list?.items ?? []);
  return { mentions: onLine, completion: items.map((i) => i.label), hovers: !!d.service.hover(d.doc, d.position) };
}

const CODE = [
  // A ``` block with a ~~~ line inside: the ~~~ neither opens nor closes anything.
  '```\ncode\n~~~\n- **Informa|tion security** (working)\n```\n',
  // A ~~~ block closed only by ~~~ at least as long, with nothing after it.
  '~~~~ yaml\n~~~\n~~~~ not a close\n- **Informa|tion security** (working)\n~~~~\n',
  // Indented up to three spaces is still a fence.
  '   ```\n- **Informa|tion security** (working)\n   ```\n',
];

describe('Markdown constructs: parser, completion and hover agree', () => {
  for (const text of CODE) {
    it(`reads nothing inside code: ${JSON.stringify(text.split('\n')[0])}`, () => {
      assert.deepEqual(at(text), { mentions: [], completion: [], hovers: false });
    });
  }

  it('reads the line after a closed block again, in all three', () => {
    const found = at('```\ncode\n~~~\n```\n- **Informa|tion security** (working)\n');
    assert.deepEqual(found.mentions, ['Information security @ working']);
    assert.ok(found.completion.includes('Information security'));
    assert.equal(found.hovers, true);
  });

  it('reads a four-backtick block closed by a longer fence only', () => {
    assert.deepEqual(at('````\n```\n- **Informa|tion security** (working)\n````\n').mentions, []);
    assert.deepEqual(at('````\n```\n````\n- **Informa|tion security** (working)\n').mentions, ['Information security @ working']);
  });

  for (const label of ['Level', 'Assessed', 'Expected level', '**Level:**']) {
    it(`reads a level line labelled ${label} in all three`, () => {
      const line = label.startsWith('**') ? `${label} work` : `${label}: work`;
      const typing = at(`Information security\n\n${line}|\n`);
      assert.deepEqual(typing.completion, ['awareness', 'working', 'practitioner', 'expert']);
      const written = `Information security\n\n${line.replace('work', 'wor|king')}\n`;
      const done = at(written);
      assert.equal(done.hovers, true);
      const d = doc(written.replace('|', ''), 'file:///work/adverts/job.md');
      assert.deepEqual(d.doc.mentions.map((m) => `${m.name.text} @ ${m.levelText}`), ['Information security @ working']);
    });
  }

  it('reads a review table’s assessed column as its level column, in the parser and completion', () => {
    const table = '# Review\n\n| Skill | Expected | Assessed | Evidence |\n| --- | --- | --- | --- |\n';
    const typing = at(`${table}| Testing | Working | wor‸ | Wrote tests. |\n`);
    assert.deepEqual(typing.completion, ['awareness', 'working', 'practitioner', 'expert']);
    const model = parsed(`${table}| Testing | Working | Practitioner | Wrote tests. |\n`);
    assert.deepEqual(model.mentions.map((m) => `${m.name.text} @ ${m.levelText}`), ['Testing @ Practitioner']);
  });

  // Lists: the parser's list markers (server/src/markdown/list.ts) are completion's too.
  for (const marker of ['-', '*', '+', '1.', '12)', '- [ ]', '* [x]', '3. [X]', '\u2022']) {
    it(`reads a list item led by ${marker} in all three`, () => {
      const written = `${marker} Information security: wor‸king\n`;
      assert.deepEqual(at(written).mentions, ['Information security @ working']);
      assert.equal(at(written).hovers, true);
      assert.deepEqual(at(`${marker} Information security: wor‸\n`).completion, ['awareness', 'working', 'practitioner', 'expert']);
      assert.ok(at(`${marker} Informa‸\n`).completion.includes('Information security'));
    });
  }

  it('reads no list item where a marker has no space after it, in the parser and completion', () => {
    assert.deepEqual(at('-Information security: wor‸king\n').mentions, []);
    assert.deepEqual(at('1.Information security: wor‸\n').completion, []);
  });

  // Headings: up to three spaces before the #s; four make no heading for either.
  it('reads a heading naming a skill, with its Level line, in all three', () => {
    const written = '   ### Informa‸tion security\n\nLevel: working\n';
    assert.deepEqual(at(written).mentions, ['Information security @ working']);
    assert.equal(at(written).hovers, true);
    assert.ok(at('   ### Informa‸\n').completion.includes('Information security'));
    assert.deepEqual(at('    ### Informa‸\n').completion, []);
  });

  // Tables: the separator row (alignment colons and all) and the cells between unescaped pipes.
  for (const separator of ['| --- | --- |', '|:--|--:|', '--- | ---', '| :---: | --- |']) {
    it(`reads a table whose separator is ${separator} in all three`, () => {
      const table = `| Skill | Level |\n${separator}\n`;
      assert.deepEqual(at(`${table}| Informa‸tion security | working |\n`).mentions, ['Information security @ working']);
      assert.equal(at(`${table}| Informa‸tion security | working |\n`).hovers, true);
      assert.deepEqual(at(`${table}| Information security | wor‸ |\n`).completion, ['awareness', 'working', 'practitioner', 'expert']);
      assert.ok(at(`${table}| Informa‸ |\n`).completion.includes('Information security'));
    });
  }

  it('reads no table where the row under the header is no separator, in the parser and completion', () => {
    const table = '| Skill | Level |\n| - | - |\n';
    assert.deepEqual(at(`${table}| Informa‸tion security | working |\n`).mentions, []);
    assert.deepEqual(at(`${table}| Information security | wor‸ |\n`).completion, []);
  });

  it('splits a table row at unescaped pipes only, in the parser and completion', () => {
    const table = '| Notes \\| more | Skill | Level |\n| --- | --- | --- |\n';
    assert.deepEqual(at(`${table}| a \\| b | Informa‸tion security | working |\n`).mentions, ['Information security @ working']);
    assert.deepEqual(at(`${table}| a \\| b | Information security | wor‸ |\n`).completion, ['awareness', 'working', 'practitioner', 'expert']);
  });
});

// The block map (documents/blockMap.ts) is what every reader that walks a body's lines asks:
// here each reader is held to it on the same documents.
describe('every reader is held to the block map', () => {
  const REVIEW_URI = 'file:///work/reviews/sam.md';

  it('a heading with a comment after it is the same heading to the map, the parser and the review reader', () => {
    const text = '---\nkind: review\nrole: Data engineer\n---\n\n# Review\n\n### Data modelling <!-- note -->\n\nAssessed: working\n\nBuilt the new schema for the case data.\n';
    const { service, doc: model } = open(text, REVIEW_URI);
    const map = blockMap(model);
    assert.deepEqual(map.heading(7), { text: 'Data modelling', start: 4, depth: 3 });
    assert.ok(model.mentions.some((m) => m.name.text === 'Data modelling' && m.name.range.start.line === 7));
    const review = readReview(model, service.frameworkOf(model));
    assert.deepEqual(review.entries.map((e) => [e.name.text, e.assessed?.text]), [['Data modelling', 'working']]);
    const coverage = service.diagnostics(model).find((d) => d.code === 'review-coverage');
    assert.match(coverage!.message, /^1 of \d+ skills assessed\./);
  });

  it('no reader reads a line the map calls code, a comment or front matter', () => {
    const text = [
      '---',
      'kind: review',
      'role: Data engineer',
      '---',
      '# Review',
      '',
      '```',
      '### Data modelling',
      'Assessed: expert',
      '```',
      '',
      '<!--',
      '### Metadata management',
      'Assessed: working',
      '-->',
      '',
      '    ### Testing',
      '',
      '### Data innovation',
      '',
      'Assessed: awareness',
      '',
      '| Skill | Assessed | Evidence |',
      '| --- | --- | --- |',
      '| Testing | working | Wrote the checks. |',
      '',
    ].join('\n');
    const { service, doc: model } = open(text, REVIEW_URI);
    const map = blockMap(model);
    assert.deepEqual(
      Array.from({ length: model.lines.lineCount }, (_, n) => map.kind(n)),
      [7, 7, 7, 7, 2, 0, 5, 5, 5, 5, 0, 6, 6, 6, 6, 0, 5, 5, 2, 0, 1, 0, 4, 4, 4, 0],
    );
    assert.equal(map.tableHeaderOf(24), 22);
    assert.equal(map.sectionOf(20), 18);
    const unread = (n: number) => !map.isRead(n);
    // The parser: no mention on a line the map says is not read.
    assert.deepEqual(model.mentions.filter((m) => unread(m.name.range.start.line)).map((m) => m.name.text), []);
    // The review reader: the heading outside code and the table row, nothing in code or the comment.
    const review = readReview(model, service.frameworkOf(model));
    assert.deepEqual(review.entries.map((e) => `${e.name.text} @ ${e.assessed?.text ?? '-'}`), ['Data innovation @ awareness', 'Testing @ working']);
    // Silencing: a directive in code is an example, not a directive.
    const silencedText = `${text}\n\`\`\`\n<!-- skill-lens-disable -->\n\`\`\`\n\n- **Informaton security** (working)\n`;
    const silenced = open(silencedText, REVIEW_URI);
    assert.ok(silenced.service.diagnostics(silenced.doc).some((d) => d.code === 'unknown-skill'));
  });
});
