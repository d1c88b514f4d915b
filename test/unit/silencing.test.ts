// Silencing findings in the document (comments, as markdownlint and cspell read them) and in the
// workspace (the ignore list), through the service the editor and the CLI share.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/languageService';
import { addToIgnoreList, isIgnoreFile, parseIgnoreList } from '../../server/src/features/ignoreList';

const SENIOR = '---\nkind: job-advert\nrole: Senior infrastructure engineer\n---\n';

function findings(text: string, uri = 'file:///work/adverts/job.md', ignore?: string): string[] {
  const service = createLanguageService({ ignoreList: ignore === undefined ? undefined : parseIgnoreList(ignore) });
  const doc = service.parse(uri, 1, text);
  return service
    .diagnostics(doc)
    .filter((d) => d.code !== 'missing-skill')
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
}

const BODY = ['- **Kubernetes** (expert)', '- **Information security** (wizard)', '- **Informaton security** (working)'];
const body = (...lines: string[]) => `${SENIOR}${lines.join('\n')}\n`;

describe('silencing: comments in Markdown', () => {
  it('reports all three without comments', () => {
    assert.deepEqual(findings(body(...BODY)), ['4:4 unknown-skill', '5:28 unknown-level', '6:4 unknown-skill']);
  });

  it('disable-next-line silences the line below, for the codes given or for all', () => {
    assert.deepEqual(findings(body('<!-- skill-lens-disable-next-line unknown-skill -->', ...BODY)), ['6:28 unknown-level', '7:4 unknown-skill']);
    assert.deepEqual(findings(body('<!-- skill-lens-disable-next-line unknown-level -->', ...BODY)), ['5:4 unknown-skill', '6:28 unknown-level', '7:4 unknown-skill']);
    assert.deepEqual(findings(body(BODY[0], '<!-- skill-lens-disable-next-line -->', BODY[1], BODY[2])), ['4:4 unknown-skill', '7:4 unknown-skill']);
  });

  it('disable … enable silences a block; several codes by spaces or commas', () => {
    assert.deepEqual(findings(body('<!-- skill-lens-disable unknown-skill -->', BODY[0], BODY[1], '<!-- skill-lens-enable -->', BODY[2])), ['6:28 unknown-level', '8:4 unknown-skill']);
    assert.deepEqual(findings(body('<!-- skill-lens-disable unknown-skill, unknown-level -->', ...BODY)), []);
    assert.deepEqual(findings(body('<!-- skill-lens-disable unknown-skill unknown-level -->', ...BODY)), []);
    // Everything off, then one code back on.
    assert.deepEqual(findings(body('<!-- skill-lens-disable -->', BODY[0], '<!-- skill-lens-enable unknown-level -->', BODY[1], BODY[2])), ['7:28 unknown-level']);
  });

  it('disable-line at the end of a line silences it, and the line still reads the same', () => {
    assert.deepEqual(findings(body(`${BODY[0]} <!-- skill-lens-disable-line unknown-skill -->`, BODY[1], BODY[2])), ['5:28 unknown-level', '6:4 unknown-skill']);
    // Another code's comment silences nothing and hides nothing: the level is still read and checked.
    assert.deepEqual(findings(body(`${BODY[1]} <!-- skill-lens-disable-line unknown-skill -->`)), ['4:28 unknown-level']);
    assert.deepEqual(findings(body('Information security', 'Level: wizard <!-- a note -->')), ['5:7 unknown-level']);
  });

  it('a `#` comment is a heading in Markdown, not a directive', () => {
    assert.deepEqual(findings(body('# skill-lens-disable-next-line unknown-skill', BODY[0])), ['5:4 unknown-skill']);
  });
});

describe('silencing: directives shown as code', () => {
  it('a directive in a fenced or indented code block silences nothing', () => {
    const fenced = body('How to silence a finding:', '', '```markdown', '<!-- skill-lens-disable unknown-skill -->', '```', '', ...BODY);
    assert.deepEqual(findings(fenced), ['10:4 unknown-skill', '11:28 unknown-level', '12:4 unknown-skill']);
    const tilde = body('~~~~', '<!-- skill-lens-disable -->', '```', '~~~~', ...BODY);
    assert.deepEqual(findings(tilde), ['8:4 unknown-skill', '9:28 unknown-level', '10:4 unknown-skill']);
    const indented = body('How to silence a finding:', '', '    <!-- skill-lens-disable unknown-skill -->', '', ...BODY);
    assert.deepEqual(findings(indented), ['8:4 unknown-skill', '9:28 unknown-level', '10:4 unknown-skill']);
    // After the fence closes, a directive counts again.
    assert.deepEqual(findings(body('```', 'code', '```', '<!-- skill-lens-disable unknown-skill -->', ...BODY)), ['9:28 unknown-level']);
  });

  it('a fence inside an HTML comment opens no code block: the directives after it count, as the lines are read', () => {
    const commented = body('<!--', '```', '-->', '', `${BODY[0]} <!-- skill-lens-disable-line -->`, BODY[1], BODY[2]);
    assert.deepEqual(findings(commented), ['9:28 unknown-level', '10:4 unknown-skill']);
    assert.deepEqual(findings(body('<!-- ```', '-->', '<!-- skill-lens-disable unknown-skill -->', ...BODY)), ['8:28 unknown-level']);
    // A comment line after an indented code block ends it: its directive counts.
    assert.deepEqual(findings(body('Example:', '', '    code', '<!-- skill-lens-disable-next-line -->', BODY[0])), []);
  });

  it('indented text that is no code block still holds directives: a list item’s, a paragraph’s next line', () => {
    assert.deepEqual(findings(body('- Notes', '', '    <!-- skill-lens-disable unknown-skill -->', '', ...BODY)), ['9:28 unknown-level']);
    assert.deepEqual(findings(body('Some text', '    <!-- skill-lens-disable unknown-skill -->', ...BODY)), ['7:28 unknown-level']);
  });

  it('a directive in a code span silences nothing; a comment before one does', () => {
    assert.deepEqual(findings(body('Write `<!-- skill-lens-disable-next-line unknown-skill -->` above the line.', BODY[0])), ['5:4 unknown-skill']);
    assert.deepEqual(findings(body('Write ``<!-- skill-lens-disable-next-line unknown-skill -->`` above.', BODY[0])), ['5:4 unknown-skill']);
    assert.deepEqual(findings(body('<!-- skill-lens-disable-next-line unknown-skill --> then `code`', BODY[0])), []);
    // A backtick with no closing one opens nothing.
    assert.deepEqual(findings(body('A lone ` then <!-- skill-lens-disable-next-line unknown-skill -->', BODY[0])), []);
  });

  it('a `#` directive in a YAML block scalar is text: in a pathway file and in front matter', () => {
    const pathway = 'path: /pathways/cloud\ndescription: |\n  To silence a finding, write\n  # skill-lens-disable unknown-skill\n  above it.\nlevels:\n  EO: awareness\ntopics:\n  - name: Kubernetes\n';
    assert.deepEqual(findings(pathway, 'file:///work/pathways/cloud.yaml'), ['8:10 unknown-skill']);
    const folded = pathway.replace('description: |', 'description: >- # how to').replace('  - name: Kubernetes', '  - name: Kubernetes\n    description: |\n      # skill-lens-disable\n  - name: Terraform');
    assert.deepEqual(findings(folded, 'file:///work/pathways/cloud.yaml'), ['8:10 unknown-skill', '11:10 unknown-skill']);
    // Less indented than the block's key, it is a comment again.
    const after = pathway.replace('levels:', '# skill-lens-disable unknown-skill\nlevels:');
    assert.deepEqual(findings(after, 'file:///work/pathways/cloud.yaml'), []);
    const front = '---\nkind: job-advert\nnotes: |\n  # skill-lens-disable unknown-role\nrole: Astronaut\n---\n';
    assert.deepEqual(findings(front), ['4:6 unknown-role']);
  });
});

describe('silencing: many comments', () => {
  // Each finding used to be checked against every directive above it: 64k comments took 11 s,
  // and these 128k 49 s. One pass takes under a second. The bound sits far from both, so a
  // busy machine does not fail it and the square of the number cannot pass it.
  it('costs in proportion to their number: 128k comments and findings checked within 10 s', function () {
    this.timeout(120_000);
    const lines: string[] = [];
    for (let i = 0; i < 128_000; i++) lines.push('<!-- skill-lens-disable-next-line unknown-level -->', '- **Kubernetes** (expert)');
    const started = performance.now();
    const found = findings(`${SENIOR}${lines.join('\n')}\n`);
    const seconds = (performance.now() - started) / 1000;
    assert.equal(found.length, 128_000);
    assert.deepEqual(found.slice(0, 2), ['5:4 unknown-skill', '7:4 unknown-skill']);
    assert.ok(seconds < 10, `took ${seconds.toFixed(1)} s`);
  });

  it('reads block and line directives in line order, whatever the order of the findings', () => {
    const text = body('<!-- skill-lens-disable unknown-skill -->', BODY[0], '<!-- skill-lens-enable -->', `${BODY[2]} <!-- skill-lens-disable-line unknown-level -->`, '<!-- skill-lens-disable -->', BODY[1]);
    assert.deepEqual(findings(text), ['7:4 unknown-skill']);
  });
});

describe('silencing: comments in YAML and front matter', () => {
  const pathway = 'path: /pathways/cloud\nlevels:\n  EO: awareness\n  HEO: wizard\ntopics:\n  - name: Kubernetes\n';
  it('reports the pathway’s findings without comments', () => {
    assert.deepEqual(findings(pathway, 'file:///work/pathways/cloud.yaml'), ['3:7 unknown-level', '5:10 unknown-skill']);
  });

  it('# skill-lens-disable-next-line, and disable … enable, in a pathway file', () => {
    const next = pathway.replace('  - name: Kubernetes', '  # skill-lens-disable-next-line unknown-skill\n  - name: Kubernetes');
    assert.deepEqual(findings(next, 'file:///work/pathways/cloud.yaml'), ['3:7 unknown-level']);
    const block = `# skill-lens-disable unknown-level\n${pathway.replace('topics:', '# skill-lens-enable\ntopics:')}`;
    assert.deepEqual(findings(block, 'file:///work/pathways/cloud.yaml'), ['7:10 unknown-skill']);
  });

  it('in front matter', () => {
    const text = '---\nkind: job-advert\n# skill-lens-disable-next-line unknown-role\nrole: Astronaut\n---\n- **Kubernetes** (expert)\n';
    assert.deepEqual(findings(text), ['5:4 unknown-skill']);
    assert.deepEqual(findings(text.replace('# skill-lens-disable-next-line unknown-role\n', '')), ['2:6 unknown-role', '4:4 unknown-skill']);
  });
});

describe('silencing: the workspace ignore list', () => {
  it('ignores listed words under their code, in any case and bold', () => {
    assert.deepEqual(findings(body(...BODY), undefined, 'unknown-skill:\n  - kubernetes\n'), ['5:28 unknown-level', '6:4 unknown-skill']);
    assert.deepEqual(findings(body(...BODY), undefined, 'unknown-skill: [Kubernetes, Informaton security]\nunknown-level: [wizard]\n'), []);
    // Under another code, the word is still reported.
    assert.deepEqual(findings(body(...BODY), undefined, 'unknown-level: [Kubernetes]\n'), ['4:4 unknown-skill', '5:28 unknown-level', '6:4 unknown-skill']);
  });

  it('reports a list it cannot read, never throws', () => {
    assert.deepEqual(parseIgnoreList('- a\n- b\n').problems.map((p) => p.message), ['The ignore list must map codes to lists of words, e.g. "unknown-skill: [Kubernetes]".']);
    assert.match(parseIgnoreList('unknown-skill: [a\n').problems[0].message, /^The ignore list is not valid YAML/);
    assert.deepEqual(parseIgnoreList('unknown-skill:\n  - {a: 1}\n').problems[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } });
    assert.deepEqual(parseIgnoreList('').problems, []);
  });

  it('is `.skill-lens/ignore.yaml`, which is no framework file', () => {
    assert.equal(isIgnoreFile('/w/.skill-lens/ignore.yaml'), true);
    assert.equal(isIgnoreFile('file:///w/.skill-lens/ignore.yml'), true);
    assert.equal(isIgnoreFile('/w/.skill-lens/team.yaml'), false);
    assert.equal(isIgnoreFile('/w/ignore.yaml'), false);
  });

  const add = (existing: string | undefined, code: string, word: string) =>
    TextDocument.applyEdits(TextDocument.create('file:///i.yaml', 'yaml', 1, existing ?? ''), addToIgnoreList(existing, code, word)!);

  it('adds a word that YAML would read as a number, or that holds a control character, so that it reads back as written', () => {
    let text = 'unknown-skill:\n  - Kubernetes\n';
    for (const word of ['0x1F', '1e3', '0o17', '.inf', 'Kube\u0007rnetes', 'a: b # c', "it's"]) text = add(text, 'unknown-skill', word);
    assert.equal(text, "unknown-skill:\n  - Kubernetes\n  - '0x1F'\n  - '1e3'\n  - '0o17'\n  - '.inf'\n  - \"Kube\\arnetes\"\n  - 'a: b # c'\n  - it's\n");
    const list = parseIgnoreList(text);
    assert.deepEqual(list.problems, []);
    assert.deepEqual([...list.byCode.get('unknown-skill')!], ['kubernetes', '0x1f', '1e3', '0o17', '.inf', 'kube\u0007rnetes', 'a: b # c', "it's"]);
    // A flow list written again as a block keeps its words as they were read.
    assert.equal(add('unknown-level: [3, wizard]\n', 'unknown-level', '0x1F'), "unknown-level:\n  - '3'\n  - wizard\n  - '0x1F'\n");
  });

  it('refuses a word that cannot be written on one line and read back', () => {
    assert.equal(addToIgnoreList('unknown-skill:\n  - Kubernetes\n', 'unknown-skill', 'two\nlines'), undefined);
  });

  it('adds a word: a new file, a new code, under a code’s list, into a flow list', () => {
    assert.equal(add(undefined, 'unknown-skill', 'Kubernetes'), '# Findings Skill Lens does not report in this workspace, by code (see the README).\nunknown-skill:\n  - Kubernetes\n');
    assert.equal(add('unknown-skill:\n  - Kubernetes\n', 'unknown-skill', 'Terraform'), 'unknown-skill:\n  - Kubernetes\n  - Terraform\n');
    assert.equal(add('unknown-skill:\n  - Kubernetes\nunknown-level:\n  - wizard\n', 'unknown-skill', 'Terraform'), 'unknown-skill:\n  - Kubernetes\n  - Terraform\nunknown-level:\n  - wizard\n');
    assert.equal(add('unknown-skill:\n  - Kubernetes', 'unknown-level', 'wizard'), 'unknown-skill:\n  - Kubernetes\nunknown-level:\n  - wizard\n');
    assert.equal(add('unknown-skill: [Kubernetes]\n', 'unknown-skill', 'Yes'), "unknown-skill:\n  - Kubernetes\n  - 'Yes'\n");
    assert.equal(addToIgnoreList('unknown-skill: [a\n', 'unknown-skill', 'b'), undefined);
    // What was added is read back.
    const list = parseIgnoreList(add('unknown-skill: [Kubernetes]\n', 'unknown-skill', 'Yes'));
    assert.deepEqual([...list.byCode.get('unknown-skill')!], ['kubernetes', 'yes']);
  });
});
