import { strict as assert } from 'node:assert';
import { LineIndex } from '../../server/src/documents/lineIndex';
import { parseDocument } from '../../server/src/documents/parse';
import { embeddedFrameworks } from '../../server/src/framework/loader';

const ddat = embeddedFrameworks()[0];
const parse = (text: string, uri = 'file:///doc.md') => parseDocument(text, { uri, version: 1, framework: ddat, kindGlobs: { pathway: ['**/pathways/**'] } });

/** Mentions as `form name@line:col level@line:col`, the way a test reads them. */
function mentions(text: string, uri?: string): string[] {
  return parse(text, uri).mentions.map((m) => {
    const at = (r: { start: { line: number; character: number } }) => `${r.start.line}:${r.start.character}`;
    return `${m.form} ${m.name.text}@${at(m.name.range)}${m.level ? ` ${m.level.text}@${at(m.level.range)}` : ''}`;
  });
}

describe('document model', () => {
  it('reads the gov.uk style: a skill line or heading, then Level:', () => {
    assert.deepEqual(mentions('IT infrastructure\n\nLevel: awareness\n\n### Information security\nLevel: **working**\n'), [
      'govuk IT infrastructure@0:0 awareness@2:7',
      'govuk Information security@4:4 working@5:9',
    ]);
  });

  it('reads every inline form', () => {
    assert.deepEqual(
      mentions(
        '- **Information security** (practitioner)\n- Information security: practitioner\n' +
          'Information security - practitioner\nInformation security — practitioner\n**Testing:** working\n1. **Testing** - expert\n',
      ),
      [
        'inline Information security@0:4 practitioner@0:28',
        'inline Information security@1:2 practitioner@1:24',
        'inline Information security@2:0 practitioner@2:23',
        'inline Information security@3:0 practitioner@3:23',
        'inline Testing@4:2 working@4:13',
        'inline Testing@5:5 expert@5:17',
      ],
    );
  });

  it('reads tables by their Skill and Level columns, wherever they are', () => {
    assert.deepEqual(mentions('| Level | Evidence | Skill name |\n|:--|---|--:|\n| working | did it | Testing |\n'), [
      'table Testing@2:21 working@2:2',
    ]);
  });

  it('reads a front-matter skills map and the role, grade and kind', () => {
    const doc = parse('---\nkind: review\nrole: Infrastructure engineer\ngrade: HEO\nskills:\n  Testing: awareness\n  "IT infrastructure": working\n---\n');
    assert.equal(doc.kind, 'review');
    assert.equal(doc.role?.text, 'Infrastructure engineer');
    assert.deepEqual(doc.role?.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 29 } });
    assert.equal(doc.grade?.text, 'HEO');
    assert.deepEqual(
      doc.mentions.map((m) => `${m.form} ${m.name.text} ${m.level?.text}`),
      ['yaml-skills Testing awareness', 'yaml-skills IT infrastructure working'],
    );
    assert.equal(doc.mentions[1].name.range.start.character, 3); // inside the quotes
  });

  it('reads bold paragraphs but not level definitions', () => {
    assert.deepEqual(mentions('**Working.** You can apply your knowledge.\n\n**Testing.** You can test scripts.\n'), ['bold-paragraph Testing@2:2']);
  });

  it('reads pathway topics, levels and indicators with ranges', () => {
    const doc = parse('levels:\n  SEO: working\ntopics:\n  - name: Testing\n    pathway:\n      working:\n        description: Runs tests\n        indicators:\n          - Writes tests\n', 'file:///x/pathways/p.yaml');
    assert.equal(doc.kind, 'pathway');
    assert.deepEqual(doc.pathway!.gradeLevels.map((g) => `${g.grade.text}=${g.level.text}`), ['SEO=working']);
    const topic = doc.pathway!.topics[0];
    assert.equal(topic.name.text, 'Testing');
    assert.deepEqual(topic.levels[0].indicators[0].range, { start: { line: 8, character: 12 }, end: { line: 8, character: 24 } });
  });

  it('reads the other pathway shapes: content items, a list of skills, a topic\'s own grade map', () => {
    const summary = (text: string, uri: string) => {
      const doc = parse(text, uri);
      const at = (l: { text: string; range: { start: { line: number; character: number } } }) => `${l.text}@${l.range.start.line}:${l.range.start.character}`;
      return [
        `${doc.kind} ${doc.problems.map((p) => p.message).join(' ')}`.trim(),
        ...doc.pathway!.topics.map((t) =>
          [at(t.name), ...t.levels.map((l) => `${at(l.level)}${l.grade ? ` for ${at(l.grade)}` : ''} [${l.indicators.map((i) => i.text).join('; ')}]`), ...t.gradeLevels.map((g) => `${at(g.grade)}=${at(g.level)}`)].join(' '),
        ),
      ];
    };
    assert.deepEqual(summary('topics:\n- name: Testing\n  content:\n  - level: 2\n    grade: SEO\n    indicators: [Writes tests]\n  - {level: "3", examples: [Plans tests]}\n', 'file:///a.yaml'), [
      'pathway',
      'Testing@1:8 2@3:11 for SEO@4:11 [Writes tests] 3@6:13 [Plans tests]',
    ]);
    assert.deepEqual(summary('# ours\n- skill: Testing\n  levels:\n    - name: Working\n      statements:\n        - Writes tests\n    - Expert\n', 'file:///a.yml'), [
      'pathway',
      'Testing@1:9 Working@3:12 [Writes tests] Expert@6:6 []',
    ]);
    assert.deepEqual(summary('title: x\nskills:\n  - name: Testing\n    levels: {SEO: working, G7: "3", expert: [Leads testing]}\n', 'file:///a.yaml'), [
      'pathway',
      'Testing@2:10 expert@3:36 [Leads testing] SEO@3:13=working@3:18 G7@3:27=3@3:32',
    ]);
    // What is not right is said, and the rest still read.
    assert.deepEqual(summary('skills:\n  - name: Testing\n    levels:\n      - examples: [x]\n      - working\n  - levels: [expert]\n', 'file:///a.yaml'), [
      'pathway levels[0] of Testing needs a `level`, e.g. `level: 2` or `level: working`. skills[1] needs a `name`: the skill it describes.',
      'Testing@1:10 working@4:8 []',
    ]);
    // In front matter too, with no `topics`.
    assert.equal(parse('---\nskills:\n  - name: Testing\n    content:\n      - level: 1\n---\n').kind, 'pathway');
  });

  it('recognises the kind from front matter, then file globs, then content', () => {
    assert.equal(parse('---\nkind: pathway\n---\n').kind, 'pathway');
    assert.equal(parse('# Notes\n', 'file:///w/pathways/a.md').kind, 'pathway');
    assert.equal(parse('# Annual review: Sam\n').kind, 'review');
    assert.equal(parse('levels:\n  EO: awareness\ntopics: []\n', 'file:///a.yaml').kind, 'pathway');
    assert.equal(parse('name: build\non: push\n', 'file:///ci.yaml').kind, 'unknown');
  });

  it('skips fenced code', () => {
    assert.deepEqual(mentions('```\n**Testing** (wizard)\n```\n'), []);
  });

  it('reads a front matter whose closing --- has text glued on, and that text as the body\'s first line', () => {
    const head = '---\nkind: job-advert\nrole: Senior infrastructure engineer\ngrade: SEO\n';
    const bold = parse(`${head}---**Information security** (working)\n\n- **Testing** (working)\n`);
    assert.equal(bold.kind, 'job-advert');
    assert.equal(bold.role?.text, 'Senior infrastructure engineer');
    assert.equal(bold.grade?.text, 'SEO');
    assert.deepEqual(bold.frontMatterRange, { start: { line: 0, character: 0 }, end: { line: 4, character: 3 } });
    assert.deepEqual(
      bold.problems.map((p) => `${p.code} ${p.range.start.line}:${p.range.start.character}-${p.range.end.character} ${p.message}`),
      ['yaml-syntax 4:3-37 The front matter\'s closing "---" has text after it: put "**Information security** (working)" on its own line.'],
    );
    assert.deepEqual(mentions(`${head}---**Information security** (working)\n\n- **Testing** (working)\n`), [
      'inline Information security@4:5 working@4:29',
      'inline Testing@6:4 working@6:15',
    ]);
    // A heading glued on is still a heading: here a gov.uk skill heading with its level below.
    assert.deepEqual(mentions(`${head}---## Information security\nLevel: working\n`), ['govuk Information security@4:6 working@5:7']);
    // With a space between, as in `--- # Skills`.
    const spaced = parse(`${head}--- # Skills\n\n- Testing: working\n`);
    assert.equal(spaced.problems[0].message, 'The front matter\'s closing "---" has text after it: put "# Skills" on its own line.');
    assert.deepEqual(spaced.problems[0].range, { start: { line: 4, character: 4 }, end: { line: 4, character: 12 } });
    assert.deepEqual(mentions(`${head}--- # Skills\n\n- Testing: working\n`), ['inline Testing@6:2 working@6:11']);
    // A longer rule is not a closing line; the one after it is.
    assert.equal(parse('---\nkind: review\n----\n---\n').frontMatterRange?.end.line, 3);
  });

  it('reads an unclosed front matter up to the first line that cannot be YAML, and the body after it', () => {
    const doc = parse('---\nkind: job-advert\nrole: Senior infrastructure engineer\n\n# About the job\n\n- **Testing** (expert)\n');
    assert.equal(doc.problems.length, 1);
    assert.equal(doc.problems[0].message, 'Front matter is not closed: add a line "---" after it.');
    assert.equal(doc.kind, 'job-advert');
    assert.equal(doc.roleSource, 'front-matter');
    assert.deepEqual(mentions('---\nkind: job-advert\nrole: Senior infrastructure engineer\n\n# About the job\n\n- **Testing** (expert)\n'), ['inline Testing@6:4 expert@6:15']);
    // A `---` that opens no front matter at all: the title under it is the body's.
    const title = parse('---\n# Senior data engineer\n\nJoin us.\n');
    assert.equal(title.role?.text, 'Senior data engineer');
    assert.deepEqual(title.role?.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 22 } });
  });

  it('keeps the front matter\'s other fields when one line of it is broken', () => {
    const doc = parse('---\nkind: job-advert\nsalary: [40,000\nrole: Senior infrastructure engineer\ngrade: SEO\n---\n\n- **Testing** (expert)\n');
    assert.deepEqual(doc.problems.map((p) => `${p.code} ${p.range.start.line}:${p.range.start.character} ${p.message}`), [
      'yaml-syntax 3:0 YAML syntax error: deficient indentation.',
    ]);
    assert.equal(doc.kind, 'job-advert');
    assert.deepEqual(doc.role?.range, { start: { line: 3, character: 6 }, end: { line: 3, character: 36 } });
    assert.equal(doc.grade?.text, 'SEO');
    assert.deepEqual([...doc.fields.keys()], ['kind', 'role', 'grade']);
  });

  it('reads around broken YAML in one pass, however long its lines', function () {
    // A scan that went back over the line for each character would take hours on these
    // million-character lines: the timeout catches it, with room for a busy machine.
    this.timeout(20_000);
    const line = `a${' '.repeat(1_000_000)}b`;
    assert.equal(parse(`---\nrole: Data engineer\n${line}\n`).role?.text, 'Data engineer');
    assert.equal(parse(`levels: [\n${line}: x\ntopics:\n  - name: Testing\n`, 'file:///p.yaml').problems[0].code, 'yaml-syntax');
    assert.equal(parse(`${' \r\n'.repeat(5000)}- name: [\n${line}\n`, 'file:///p.yaml').problems[0].code, 'yaml-syntax');
  });

  it('survives junk: binary bytes, unclosed front matter, alias bombs, deep nesting', () => {
    const junk = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    assert.doesNotThrow(() => parse(junk));
    assert.equal(parse('---\nkind: review\n').problems[0].message, 'Front matter is not closed: add a line "---" after it.');
    const bomb = 'a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\ntopics:\n  - name: *c\n';
    assert.doesNotThrow(() => parse(bomb, 'file:///bomb.yaml'));
    assert.equal(parse('a: ' + '['.repeat(10000), 'file:///deep.yaml').problems[0].code, 'yaml-syntax');
  });
});

describe('line index', () => {
  it('finds every line start, whatever the line lengths, and the line of any offset', () => {
    const rnd = (() => {
      let seed = 9;
      return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    })();
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: Math.floor(rnd() * 300) }, () => (rnd() < 0.3 ? '\n' : rnd() < 0.05 ? '\r\n' : 'x'.repeat(Math.floor(rnd() * 70)))).join('');
      const lines = new LineIndex(text);
      const expected = [0];
      for (let i = 0; i < text.length; i++) if (text[i] === '\n') expected.push(i + 1);
      assert.deepEqual([...lines.starts], expected);
      for (let o = 0; o <= text.length; o += 7) assert.equal(lines.lineOf(o), expected.filter((s) => s <= o).length - 1);
      // In any order too (the last answer is tried first).
      for (let k = 0; k < 20; k++) {
        const o = Math.floor(rnd() * (text.length + 1));
        assert.equal(lines.lineOf(o), expected.filter((s) => s <= o).length - 1);
      }
    }
  });
});
