// A key given twice in one YAML mapping: one of them is silently lost, so the writer is told,
// in a pathway's topic, its header, and an advert's front matter; after an edit as on a fresh open.
import { strict as assert } from 'node:assert';
import type { ParsedDocument } from '../../server/src/documents/model';
import { NO_KIND_GLOBS, serviceFor } from './helpers';

// One service, as in the editor: a new version of a document is read with its previous one.
const service = serviceFor({ kinds: NO_KIND_GLOBS });
const parse = (text: string, uri: string, version = 1) => service.parse(uri, version, text);

function duplicates(doc: ParsedDocument): string[] {
  return service
    .diagnostics(doc)
    .filter((d) => d.code === 'yaml-syntax')
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${d.severity} ${d.message}`);
}

const PATHWAY = [
  'levels:',
  '  SEO: working',
  '  SEO: practitioner',
  'topics:',
  '  - name: Information security',
  '    description: Keeping information safe.',
  '    description: Keeping data safe.',
  '    pathway:',
  '      working:',
  '        description: You apply the policies.',
  '  - name: Testing',
  '    pathway:',
  '      working:',
  '        indicators: [Writes tests]',
  '',
].join('\n');

describe('YAML keys given twice', () => {
  it('are reported in a topic and in a pathway’s header, on the second key', () => {
    assert.deepEqual(duplicates(parse(PATHWAY, 'file:///work/ladders/cloud.yaml')), [
      '3:3-6 1 "SEO" is given twice in this mapping: only one of them is read. Remove one, or merge them.',
      '7:5-16 1 "description" is given twice in this mapping: only one of them is read. Remove one, or merge them.',
    ]);
  });

  it('are reported in an advert’s front matter, and the body is still checked', () => {
    const doc = parse('---\nrole: Senior data engineer\nrole: Lead data engineer\n---\n# Advert\n\n- **Data modeling** (working)\n', 'file:///work/ads/x.md');
    assert.deepEqual(duplicates(doc), ['3:1-5 1 "role" is given twice in this mapping: only one of them is read. Remove one, or merge them.']);
    assert.ok(service.diagnostics(doc).some((d) => d.code === 'unknown-skill'));
  });

  it('move with their topic when lines are added above, as on a fresh open', () => {
    const uri = 'file:///work/ladders/cloud.yaml';
    parse(PATHWAY, uri); // version 1: the service reads version 2 with it
    const edited = PATHWAY.replace('  - name: Information security\n', '  - name: Agile working\n    pathway:\n      working:\n        description: x\n  - name: Information security\n');
    const again = parse(edited, uri, 2);
    assert.deepEqual(duplicates(again), duplicates(serviceFor({ kinds: NO_KIND_GLOBS }).parse(uri, 1, edited)));
    assert.equal(duplicates(again)[1].split(' ')[0], '11:5-16');
  });
});
