// What a user of SFIA or a career ladder sees: no role or grade checks where the framework has
// no roles or grades, names in their own case, statements without a lead-in that does not fit;
// and duplicate-skill findings that say what they mean.
import { strict as assert } from 'node:assert';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { ddat, doc, ladder, open, sfia } from './helpers';
import type { Framework } from '../../server/src/framework/framework';

function seen(text: string, framework: Framework = ddat, uri = 'file:///work/adverts/job.md'): string[] {
  const { service, doc } = open(text, uri, { framework });
  return service
    .diagnostics(doc)
    .filter((d) => d.code !== 'missing-skill')
    .map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

describe('other frameworks', () => {
  it('checks no role or grade where the framework has none', () => {
    assert.deepEqual(seen('---\nframework: sfia\nrole: Senior infra engineer\ngrade: HEO\n---\n# Job\n\n- Infrastructure operations: 3\n', sfia), []);
    assert.deepEqual(seen('---\nframework: ladder\nrole: L4\ngrade: G7\n---\n# Job\n', ladder), []);
  });

  it('offers a ladder’s level names in their own case', () => {
    assert.deepEqual(seen('# Review\n\n## Domain expertise\n\nLevel: senior\n', ladder, 'file:///work/reviews/me.md'), [
      'unknown-level 5:8 "senior" is not a level in Career ladder. Use one of: Senior Cloud Security Engineer.',
    ]);
  });

  it('gives SFIA’s statements, which are whole sentences, no "you can" lead-in', () => {
    const t = doc('- Infrastructure oper|ations: 3\n', 'file:///work/adverts/ops.md', sfia);
    const h = t.service.hover(t.doc, t.position) as Hover;
    const text = (h.contents as MarkupContent).value;
    assert.match(text, /\n\*\*Apply \(3\)\*\*:\n\n- Provisions, deploys and configures infrastructure services and components\.\n/);
    assert.doesNotMatch(text, /you can/);
  });
});

describe('duplicate-skill', () => {
  it('says under which name the first was given when it was an old one', () => {
    assert.deepEqual(seen('# Senior infrastructure engineer\n\n- Problem solving: working\n- Problem management: working\n'), [
      'renamed-skill 3:3 "Problem solving" was renamed "Problem management" on 30 August 2022. Use the new name.',
      'duplicate-skill 4:3 "Problem management" is already given on line 3 (as "Problem solving") in this section. Keep one of them.',
    ]);
  });

  it('reports a name that is no skill once per mention, not as a duplicate too', () => {
    assert.deepEqual(seen('# Senior infrastructure engineer\n\n- Cloud thingy: working\n- Cloud thingy: working\n').map((d) => d.split(' ')[0]), ['unknown-skill', 'unknown-skill']);
  });

  it('speaks of a section, not a list, for separate paragraphs', () => {
    assert.deepEqual(seen('# Senior infrastructure engineer\n\nInformation security: working\n\nInformation security: working\n'), [
      'duplicate-skill 5:1 "Information security" is already given on line 3 in this section. Keep one of them.',
    ]);
  });
});
