import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from '../../server/src/documents/parse';
import { codeActions } from '../../server/src/features/codeActions';
import { diagnose } from '../../server/src/features/diagnostics';
import { embeddedFrameworks } from '../../server/src/framework/loader';

const ddat = embeddedFrameworks()[0];
const uri = 'file:///advert.md';

/** The actions offered for a code, and the whole text after applying the one titled `title`. */
function fix(text: string, code: string, title?: string): { titles: string[]; after?: string } {
  const doc = parseDocument(text, { uri, version: 1, framework: ddat });
  const diagnostics = diagnose(doc, ddat).filter((d) => d.code === code);
  const actions = codeActions(doc, diagnostics);
  const titles = actions.map((a) => a.title);
  const chosen = actions.find((a) => a.title === title);
  if (!chosen) return { titles };
  const edits = chosen.edit!.changes![uri];
  return { titles, after: TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits) };
}

const senior = (body: string) => `---\nrole: Senior infrastructure engineer\ngrade: SEO\n---\n${body}`;

describe('quick fixes', () => {
  it('replaces an unknown skill with the suggestion, touching nothing else', () => {
    const r = fix('- **Informaton security** (working)\n- **Testing** (working)\n', 'unknown-skill', 'Replace with "Information security"');
    assert.deepEqual(r.titles, ['Replace with "Information security"']);
    assert.equal(r.after, '- **Information security** (working)\n- **Testing** (working)\n');
  });

  it('updates a renamed skill', () => {
    const r = fix('| Skill | Level |\n|---|---|\n| Problem solving | working |\n', 'renamed-skill', 'Update to "Problem management"');
    assert.equal(r.after, '| Skill | Level |\n|---|---|\n| Problem management | working |\n');
  });

  it('offers the closest level, in the case the user wrote', () => {
    const r = fix('Testing: Practitoner\n', 'unknown-level', 'Replace with "Practitioner"');
    assert.equal(r.after, 'Testing: Practitioner\n');
  });

  it("sets the role's level on a mismatch", () => {
    const r = fix(senior('IT infrastructure\n\nLevel: expert\n'), 'level-mismatch', 'Set level to "practitioner"');
    assert.equal(r.after, senior('IT infrastructure\n\nLevel: practitioner\n'));
  });

  it("adds a missing skill in the document's own style", () => {
    const body = '| Skill | Level |\n| --- | --- |\n| IT infrastructure | practitioner |\n\nMore text.\n';
    const r = fix(senior(body), 'missing-skill', 'Add Testing (working)');
    assert.equal(r.after, senior('| Skill | Level |\n| --- | --- |\n| IT infrastructure | practitioner |\n| Testing | working |\n\nMore text.\n'));
  });

  it('chooses among the variants of an ambiguous name', () => {
    const r = fix('- **Programming and build** (working)\n', 'ambiguous-skill', 'Replace with "Programming and build (software engineering)"');
    assert.equal(r.titles.length, 4);
    assert.equal(r.after, '- **Programming and build (software engineering)** (working)\n');
  });
});
