// Completion in a Markdown file that is not about skills (a README, notes): typing `**` or
// `- Buy milk (` pops up no skills; asked for with Ctrl+Space, completion still works; in a
// document about skills, trigger characters open the lists as before.
import { strict as assert } from 'node:assert';
import { doc } from './helpers';

function labels(text: string, uri: string, byCharacter: boolean): string[] {
  const d = doc(text, uri);
  return d.service.completions(d.doc, d.position, byCharacter).items.map((i) => String(i.label));
}

const NOTES = 'file:///work/notes/todo.md';

describe('completion in documents that are not about skills', () => {
  it('offers nothing on a trigger character in notes or a README', () => {
    assert.deepEqual(labels('# Shopping\n\n- Buy milk (|\n', NOTES, true), []);
    assert.deepEqual(labels('# Project\n\nSome **|\n', 'file:///work/README.md', true), []);
    assert.deepEqual(labels('| Task | Owner |\n| --- | --- |\n| ‸\n', NOTES, true), []);
  });

  it('still completes when asked, in any document', () => {
    assert.ok(labels('# Shopping\n\n- **Informa|\n', NOTES, false).includes('Information security'));
  });

  it('opens the lists on trigger characters in a document about skills', () => {
    // A role-level title makes it an advert.
    assert.ok(labels('# Senior data engineer\n\n- **Data modelling** (|\n', NOTES, true).includes('practitioner'));
    // A file name the settings give a kind.
    assert.ok(labels('# Notes\n\n- **Testing** (|\n', 'file:///work/adverts/draft.md', true).includes('working'));
    // Front matter, whatever else the document holds.
    assert.deepEqual(labels('---\nkind: |\n---\n', NOTES, true).slice(0, 1), ['job-advert']);
  });
});
