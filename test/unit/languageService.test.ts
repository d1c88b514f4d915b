import { strict as assert } from 'node:assert';
import { LanguageService, mergeSettings } from '../../server/src/languageService';

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
    const service = new LanguageService();
    service.settings = mergeSettings({ severity: { schema: 'off' } });
    assert.deepEqual(service.diagnostics(service.parse('file:///a.md', 1, text)), []);
  });

  it('parses with the framework the front matter names', () => {
    const service = new LanguageService();
    const doc = service.parse('file:///r.md', 1, '---\nframework: sfia\n---\n- **Infrastructure operations** (Enable)\n');
    assert.equal(doc.frameworkId, 'sfia');
    assert.deepEqual(service.diagnostics(doc), []);
  });
});
