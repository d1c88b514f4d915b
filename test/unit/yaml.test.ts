import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseBlockYaml, parseYaml, parseYamlEntries, parseYamlEvents, type YamlNode } from '../../server/src/yaml/yamlTree';
import { extractFrontMatter, generatePathway, seededRandom } from '../bench/generate';

/** Front matter of a Markdown file: the text between the `---` lines. */
function frontMatter(path: string): string {
  const text = readFileSync(path, 'utf8');
  const fm = extractFrontMatter(text);
  if (!fm) throw new Error(`${path} has no front matter`);
  return fm.yaml;
}

// Block YAML in the shapes people write, and shapes the fast reader leaves to js-yaml.
const SAMPLES = [
  frontMatter('../shared/seeds/000_b2b494ddee045005.txt'),
  readFileSync('test/e2e/fixtures/workspace/pathways/cloud-pathway.yaml', 'utf8'),
  extractFrontMatter(generatePathway({ topics: 6, targetBytes: 12_000, seed: 3 }).text)!.yaml,
  'kind: job-advert\nrole: Senior infrastructure engineer\ngrade: SEO\nskills:\n  Information security: working\n  "IT infrastructure": practitioner\n',
  '# a comment\nlevels:\n  EO: awareness   # the first grade\n  \'7\': practitioner\ntopics:\n- name: Testing\n  description: Plain text that\n    runs on over\n\n    two paragraphs\n  pathway:\n    working:\n      indicators:\n      - "Writes \\"tests\\" \\u00e9"\n      -\n      - \'it\'\'s\'\n',
  'a: 1\r\nb:\r\n  - x\r\n  - y: z\r\n    w: "v"\r\nc:\r\n',
  'topics:\n  - name: x\n    pathway: { awareness: y }\n',
  'anchors:\n  a: &one x\n  b: *one\n',
  'text: |\n  kept\n  lines\nfolded: >-\n  one\n  two\n',
  'list: [a, b]\n---\nsecond: doc\n',
  'a: b: c\n',
  'a:\n  - x\n  b: y\n',
];

const PIECES = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', '"', "'", '\n', '\r\n', 'a', '|', '>', '[', '{', '&', '*', '?', '\\', '\\u00e9', '---\n'];

function mutate(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const lines = text.split('\n');
  const line = Math.floor(rnd() * lines.length);
  switch (Math.floor(rnd() * 6)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 3));
    case 1:
      return text.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + text.slice(at);
    case 2:
      lines.splice(line, 0, lines[line]);
      return lines.join('\n');
    case 3:
      lines.splice(line, 1);
      return lines.join('\n');
    case 4:
      lines[line] = rnd() < 0.5 ? ' '.repeat(1 + Math.floor(rnd() * 2)) + lines[line] : lines[line].replace(/^ {1,2}/, '');
      return lines.join('\n');
    default:
      if (line + 1 < lines.length) [lines[line], lines[line + 1]] = [lines[line + 1], lines[line]];
      return lines.join('\n');
  }
}

function dump(node: YamlNode | undefined): string {
  return JSON.stringify(node);
}

describe('YAML reader', () => {
  it('builds the tree js-yaml builds, or leaves the text to js-yaml', function () {
    this.timeout(20_000);
    const rnd = seededRandom(42);
    let fast = 0;
    let slow = 0;
    let invalid = 0;
    for (const sample of SAMPLES) {
      for (let n = 0; n < 600; n++) {
        let text = sample;
        const edits = n === 0 ? 0 : 1 + Math.floor(rnd() * 3);
        for (let e = 0; e < edits; e++) text = mutate(text, rnd);
        const reference = parseYamlEvents(text);
        const quick = parseBlockYaml(text);
        if (reference.error) invalid++;
        if (!quick) {
          slow++;
          continue;
        }
        fast++;
        assert.equal(reference.error, undefined, `the fast reader accepted YAML that js-yaml rejects (${reference.error?.message}):\n${text}`);
        assert.equal(dump(quick.root), dump(reference.root), `trees differ for:\n${text}`);
      }
    }
    // Both paths are exercised: most edits keep block YAML the fast reader takes, some break it.
    assert.ok(fast > 1500 && slow > 1500 && invalid > 1000, `fast ${fast}, slow ${slow}, invalid ${invalid}`);
  });

  it('takes the pathway seed and the generated pathways itself, and leaves flow, anchors and block scalars to js-yaml', () => {
    for (const sample of SAMPLES.slice(0, 6)) assert.ok(parseBlockYaml(sample), sample.slice(0, 80));
    for (const sample of SAMPLES.slice(6)) assert.equal(parseBlockYaml(sample), undefined, sample);
    // Both paths give the same answer to parseYaml's callers.
    for (const sample of SAMPLES) assert.equal(dump(parseYaml(sample).root), dump(parseYamlEvents(sample).root));
  });

  it('reads the top-level entries that parse on their own when the whole does not, at their offsets', () => {
    const broken = 'kind: job-advert\nsalary: [40,000\nrole: "Senior data engineer"\n# a comment\nskills:\n- Testing\n- {name: x\ngrade: SEO\n';
    assert.ok(parseYamlEvents(broken).error);
    const read = parseYamlEntries(broken)!;
    // The same tree as the text with the broken entries commented out.
    const without = broken.replace('\nsalary', '\n#alary').replace('\nskills:\n- Testing\n- {name: x', '\n#kills:\n# Testing\n# {name: x');
    assert.equal(dump(read.root), dump(parseYamlEvents(without).root));
    assert.deepEqual(read.broken, [
      { key: 'salary', start: broken.indexOf('salary'), end: broken.indexOf('role') },
      { key: 'skills', start: broken.indexOf('skills'), end: broken.indexOf('grade') },
    ]);
    // A list, or text that is no mapping at all, has no entries to read.
    assert.equal(parseYamlEntries('- a\n- [b\n'), undefined);
    assert.equal(parseYamlEntries('just text [\n'), undefined);
  });
});
