import { strict as assert } from 'node:assert';
import { createLanguageService, LanguageService, readOverrides } from '../../server/src/languageService';

describe('language service', () => {
  const text = '---\nframework: nosuch\n---\n- **Testing** (working)\n';

  it('names an unknown front-matter framework and says which one is used meanwhile', () => {
    const service = new LanguageService();
    const out = service.diagnostics(service.parse('file:///a.md', 1, text));
    assert.deepEqual(
      out.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`),
      ['schema 1:11 "nosuch" is not a loaded framework. Use one of: ddat, sfia, ladder; DDaT is used meanwhile.'],
    );
  });

  it('respects severity off for that finding too', () => {
    const service = createLanguageService({ overrides: readOverrides({ severity: { schema: 'off' } }) });
    assert.deepEqual(service.diagnostics(service.parse('file:///a.md', 1, text)), []);
  });

  it('parses with the framework the front matter names', () => {
    const service = new LanguageService();
    const doc = service.parse('file:///r.md', 1, '---\nframework: sfia\n---\n- **Infrastructure operations** (Enable)\n');
    assert.equal(doc.frameworkId, 'sfia');
    assert.deepEqual(service.diagnostics(doc), []);
  });

  it('reads a document that names another framework with that framework only, once per version', () => {
    const service = new LanguageService();
    const active = service.activeFramework();
    // Every question the parser asks the setting's framework is counted.
    let asked = 0;
    const proto = Object.getPrototypeOf(active) as object;
    const spied: string[] = [];
    for (const name of Object.getOwnPropertyNames(proto)) {
      const fn = Object.getOwnPropertyDescriptor(proto, name)?.value;
      if (name === 'constructor' || typeof fn !== 'function') continue;
      Object.defineProperty(active, name, { configurable: true, value: (...args: unknown[]) => (asked++, (fn as (...a: unknown[]) => unknown).apply(active, args)) });
      spied.push(name);
    }
    try {
      const body = '# Cloud engineer\n\n- **Infrastructure operations** (Enable)\n- **Testing** (Apply)\n\n| Skill | Level |\n| --- | --- |\n| Programming | Apply |\n';
      const first = service.parse('file:///work/adverts/sfia.md', 1, `---\nframework: sfia\n---\n${body}\n## About the team\n\nText.\n`);
      const second = service.parse('file:///work/adverts/sfia.md', 2, `---\nframework: sfia\n---\n${body}\n## About the team\n\nMore text.\n`);
      assert.equal(first.frameworkId, 'sfia');
      assert.equal(second.frameworkId, 'sfia');
      assert.equal(asked, 0);
      // The second version keeps the first one's mentions: its lines did not change.
      assert.equal(second.mentions[0], first.mentions[0]);
    } finally {
      for (const name of spied) delete (active as unknown as Record<string, unknown>)[name];
    }
  });
});

