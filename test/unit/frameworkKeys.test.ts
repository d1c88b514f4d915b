// Framework files whose level ids are names of Object.prototype (`constructor`, `toString`,
// `__proto__`): lookups by those ids must see only what the file defines.
import { strict as assert } from 'node:assert';
import type { MarkupContent } from 'vscode-languageserver-types';
import { parseDocument } from '../../server/src/documents/parse';
import { skillMarkdown } from '../../server/src/features/frameworkViews';
import type { Framework } from '../../server/src/framework/framework';
import { parseFrameworkFile } from '../../server/src/framework/loader';
import { frameworkSummary } from '../../server/src/framework/summary';
import { NO_KIND_GLOBS, open } from './helpers';

const FILE = `id: protos
name: Proto ladder
levels:
  - { id: basic, name: Basic }
  - { id: constructor, name: Constructor }
  - { id: toString, name: toString }
skills:
  - name: Kindness
    levels:
      basic: { statements: [I help others] }
  - name: Patience
    levels:
      basic: { statements: [I wait] }
      constructor: null
      toString: { statements: [I explain] }
`;

function load(text = FILE): Framework {
  const { framework, problems } = parseFrameworkFile(text);
  assert.deepEqual(problems, []);
  return framework!;
}

const uri = 'file:///work/reviews/me.md';

describe('framework level ids named like Object.prototype members', () => {
  it('reports a level the skill does not define, and lists only what it defines', () => {
    const framework = load();
    // One list per mention, so that none is a duplicate of another.
    const mentions = ['Kindness** (constructor)', 'Kindness** (toString)', 'Patience** (constructor)', 'Patience** (toString)'];
    const text = `# Review\n${mentions.map((m, i) => `\n## Part ${i + 1}\n\n- **${m}\n`).join('')}`;
    const { service, doc } = open(text, uri, { framework, kinds: NO_KIND_GLOBS });
    const found = service.diagnostics(doc).map((d) => `${d.code} ${d.range.start.line} ${d.message}`);
    assert.deepEqual(found, [
      'undefined-level 4 Proto ladder does not define Kindness at constructor. Defined: basic.',
      'undefined-level 8 Proto ladder does not define Kindness at tostring. Defined: basic.',
      'undefined-level 12 Proto ladder does not define Patience at constructor. Defined: basic, tostring.',
    ]);
  });

  it('explains every level of the skill on hover without failing', () => {
    const framework = load();
    const text = '- **Kindness** (basic)\n- **Kindness** (constructor)\n- **Kindness** (toString)\n- **Kindness**\n';
    const { service, doc } = open(text, uri, { framework, kinds: NO_KIND_GLOBS });
    const at = (line: number, character: number) => (service.hover(doc, { line, character })!.contents as MarkupContent).value;
    assert.match(at(0, 19), /I help others/);
    assert.match(at(1, 19), /Not defined at constructor/);
    assert.match(at(2, 19), /Not defined at toString/);
    assert.match(at(1, 6), /Not defined at constructor/);
    const brief = at(3, 6);
    assert.match(brief, /\*\*Basic\*\*: I help others/);
    assert.doesNotMatch(brief, /Constructor|toString/);
  });

  it('counts, shows and completes only the levels the file gives', () => {
    const framework = load();
    const summary = frameworkSummary(framework);
    assert.deepEqual([summary.skillLevels, summary.notDefinedLevels], [4, 1]);
    const kindness = framework.resolveSkill('Kindness')!;
    const shown = skillMarkdown(framework, kindness);
    assert.doesNotMatch(shown, /Constructor|toString/);
    const { service, doc } = open('- **Kindness** (\n', uri, { framework, kinds: NO_KIND_GLOBS });
    const items = service.completions(doc, { line: 0, character: 16 }).items;
    assert.deepEqual(items.map((i) => i.label), ['basic', 'constructor', 'toString']);
  });

  it('reads a `__proto__` key of a framework file as data, not as the prototype', () => {
    const text = FILE.replace('  - { id: toString, name: toString }', '  - { id: toString, name: toString }\n  - { id: __proto__, name: Proto }').replace(
      '      basic: { statements: [I wait] }',
      '      basic: { statements: [I wait] }\n      __proto__: { statements: [I am data] }',
    );
    const framework = load(text);
    const patience = framework.resolveSkill('Patience')!;
    assert.ok(Object.hasOwn(patience.levels!, '__proto__'));
    assert.equal(Object.getPrototypeOf(patience.levels), Object.prototype);
    assert.deepEqual(framework.skillLevel(patience, framework.findLevel('__proto__')!), { statements: ['I am data'] });
    const kindness = framework.resolveSkill('Kindness')!;
    assert.equal(framework.skillLevel(kindness, framework.findLevel('__proto__')!), undefined);
  });

  it('takes a front-matter kind named like a prototype member as no kind', () => {
    const framework = load();
    const doc = parseDocument('---\nkind: constructor\n---\n# Notes\n', { uri: 'file:///work/notes.md', version: 1, framework });
    assert.equal(doc.kind, 'unknown');
  });
});

describe('importers and words named like Object.prototype members', () => {
  it('orders a role level titled "Constructor …" by its skill levels, as any other untitled one', async () => {
    const { orderBySeniority } = await import('../../server/importers/ddatCsv');
    const level = (name: string, at: string) => ({ name, responsibilities: [], grades: [], skills: [{ skill: 'Testing', level: at }] });
    const ids = ['awareness', 'working', 'practitioner', 'expert'];
    const names = (first: string) => orderBySeniority([level('Senior engineer', 'practitioner'), level(`${first} engineer`, 'expert'), level('Lead engineer', 'expert')], ids).map((l) => l.name);
    // Untitled and needing expert: above the lead, as the titled levels that need no more.
    assert.deepEqual(names('Builder'), ['Senior engineer', 'Lead engineer', 'Builder engineer']);
    assert.deepEqual(names('Constructor'), ['Senior engineer', 'Lead engineer', 'Constructor engineer']);
  });
});
