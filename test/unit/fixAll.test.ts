// Fix all (source.fixAll.skillLens and per code), disable for this line, ignore in this
// workspace: the actions offered and the text after applying them.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { FIX_ALL_KIND, fixAllEdits, type IgnoreTarget } from '../../server/src/features/fixAll';

const uri = 'file:///w/adverts/a.md';
const ADVERT = [
  '---',
  'kind: job-advert',
  'role: Senior infrastructure engineer',
  '---',
  '- **Informaton security** (working)',
  '- **IT infrastructure** (expert)',
  '- **Problem solving** (working)',
  '- **Testng** (practitoner)',
  '- **Kubernetes** (working)',
  '| Skill | Level |',
  '| --- | --- |',
  '| Informaton security | working |',
  '',
].join('\n');

function setup(text: string, docUri = uri) {
  const service = createLanguageService();
  const doc = service.parse(docUri, 1, text);
  const all = service.diagnostics(doc);
  const ask = (diagnostics: Diagnostic[], only?: string[], ignore?: IgnoreTarget) => service.allCodeActions(doc, diagnostics, only, ignore);
  const apply = (action: CodeAction) => TextDocument.applyEdits(TextDocument.create(docUri, 'markdown', 1, text), action.edit!.changes![docUri]);
  return { all, ask, apply };
}

describe('fix all', () => {
  it('source.fixAll.skillLens applies every fix with one replacement, and nothing else', () => {
    const { all, ask, apply } = setup(ADVERT);
    const [action] = ask([], [FIX_ALL_KIND]);
    assert.equal(action.kind, 'source.fixAll.skillLens');
    assert.equal(action.title, 'Fix all Skill Lens findings that have one clear fix');
    // The fixed name of Testing reveals a level the role sets otherwise: fixed too, in a second round.
    assert.deepEqual(action.diagnostics!.map((d) => d.code), ['unknown-skill', 'level-mismatch', 'renamed-skill', 'unknown-skill', 'unknown-level', 'unknown-skill', 'level-mismatch']);
    assert.equal(
      apply(action),
      ADVERT.replace('**Informaton security**', '**Information security**')
        .replace('(expert)', '(practitioner)')
        .replace('Problem solving', 'Problem management')
        .replace('**Testng** (practitoner)', '**Testing** (working)')
        .replace('| Informaton security |', '| Information security |'),
    );
    // Once applied, nothing is left to fix.
    assert.deepEqual(setup(apply(action)).ask([], [FIX_ALL_KIND]), []);
    // Kubernetes has no suggestion, missing-skill adds lines: neither is touched.
    assert.ok(all.some((d) => d.code === 'unknown-skill' && /Kubernetes/.test(d.message)));
    // Asked for the parent kind (`source.fixAll`, `source`) too; never in the light bulb's list.
    assert.equal(ask([], ['source.fixAll']).length, 1);
    assert.equal(ask([], ['source']).length, 1);
    assert.deepEqual(ask(all.filter((d) => d.code === 'renamed-skill')).filter((a) => a.kind === FIX_ALL_KIND), []);
    // A quick fix request gets no source action.
    assert.deepEqual(ask([], ['quickfix']), []);
  });

  it('nothing to fix: no action', () => {
    const { ask } = setup('---\nkind: job-advert\n---\n- **Information security** (working)\n');
    assert.deepEqual(ask([], [FIX_ALL_KIND]), []);
  });

  it('"Fix all unknown-skill in this file" next to the single fix, when the file has several', () => {
    const { all, ask, apply } = setup(ADVERT);
    const first = all.find((d) => d.code === 'unknown-skill')!;
    const actions = ask([first]);
    assert.deepEqual(actions.map((a) => a.title), [
      'Replace with "Information security"',
      'Fix all unknown-skill in this file',
      'Disable unknown-skill for this line',
    ]);
    assert.equal(actions[1].isPreferred, undefined);
    assert.equal(
      apply(actions[1]),
      ADVERT.replace('**Informaton security**', '**Information security**').replace('**Testng**', '**Testing**').replace('| Informaton security |', '| Information security |'),
    );
    // A code with one finding in the file: its own fix is enough.
    const renamed = all.find((d) => d.code === 'renamed-skill')!;
    assert.deepEqual(ask([renamed]).map((a) => a.title), ['Update to "Problem management"', 'Disable renamed-skill for this line']);
  });

  it('never overlaps edits: of two fixes on the same text, the first is kept', () => {
    const range = { start: { line: 0, character: 2 }, end: { line: 0, character: 8 } };
    const d = (code: string, text: string, r = range): Diagnostic => ({ range: r, code, source: 'skill-lens', message: '', data: { replacements: [text] } });
    const inside = { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } };
    const { edits } = fixAllEdits([d('unknown-skill', 'A'), d('renamed-skill', 'B'), d('unknown-level', 'C', inside), d('x', 'D', { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } })]);
    assert.deepEqual(edits.map((e: TextEdit) => e.newText), ['A', 'D']);
    // Two replacements, or none, is no clear fix.
    assert.deepEqual(fixAllEdits([{ ...d('unknown-skill', 'A'), data: { replacements: ['A', 'B'] } }]).edits, []);
  });
});

describe('disable for this line', () => {
  it('is offered once per code on a line, for every finding of that code there', () => {
    // Four skills missing from a three-line advert: four missing-skill findings on the title.
    const advert = '# Senior data analyst\n\n## Skills\n\n- **Data visualisation** (practitioner)\n- **Data management** (practitioner)\n- **Data ethics and privacy** (practitioner)\n- **Data preparation and linkage** (practitioner)\n- **Developing code for analysis** (practitioner)\n';
    const { all, ask, apply } = setup(advert);
    const missing = all.filter((d) => d.code === 'missing-skill');
    assert.equal(missing.length, 4);
    const titles = ask(missing).map((a) => a.title);
    assert.deepEqual(titles.filter((t) => t.startsWith('Disable')), ['Disable missing-skill for this line']);
    assert.equal(titles.filter((t) => t.startsWith('Add ')).length, 4);
    const disable = ask(missing).find((a) => a.title.startsWith('Disable'))!;
    assert.equal(disable.diagnostics!.length, 4);
    const after = createLanguageService().parse(uri, 2, apply(disable));
    assert.equal(after.lines.line(0), '# Senior data analyst <!-- skill-lens-disable-line missing-skill -->');
  });

  it('appends a disable-line comment in Markdown, and the finding is gone', () => {
    const { all, ask, apply } = setup(ADVERT);
    const kube = all.find((d) => /Kubernetes/.test(d.message))!;
    const action = ask([kube]).find((a) => a.title === 'Disable unknown-skill for this line')!;
    const after = apply(action);
    assert.equal(after.split('\n')[8], '- **Kubernetes** (working) <!-- skill-lens-disable-line unknown-skill -->');
    assert.ok(!setup(after).all.some((d) => /Kubernetes/.test(d.message)));
    // In a table row too, where a line between would split the table.
    const row = all.find((d) => d.range.start.line === 11)!;
    const inTable = apply(ask([row]).find((a) => a.title === 'Disable unknown-skill for this line')!);
    assert.equal(inTable.split('\n')[11], '| Informaton security | working | <!-- skill-lens-disable-line unknown-skill -->');
    assert.ok(!setup(inTable).all.some((d) => d.range.start.line === 11));
  });

  it('inserts `# skill-lens-disable-next-line` above, indented, in YAML and front matter', () => {
    const pathway = 'path: /p\nlevels:\n  EO: awareness\ntopics:\n  - name: Kubernetes\n';
    const p = setup(pathway, 'file:///w/pathways/cloud.yaml');
    const kube = p.all.find((d) => d.code === 'unknown-skill')!;
    const edit = p.ask([kube]).find((a) => a.title === 'Disable unknown-skill for this line')!.edit!.changes!['file:///w/pathways/cloud.yaml'];
    const after = TextDocument.applyEdits(TextDocument.create('file:///w/pathways/cloud.yaml', 'yaml', 1, pathway), edit);
    assert.equal(after, 'path: /p\nlevels:\n  EO: awareness\ntopics:\n  # skill-lens-disable-next-line unknown-skill\n  - name: Kubernetes\n');
    assert.deepEqual(setup(after, 'file:///w/pathways/cloud.yaml').all.filter((d) => d.code === 'unknown-skill'), []);
    const fm = setup('---\nkind: job-advert\nrole: Astronaut\n---\n# Job\n');
    const role = fm.all.find((d) => d.code === 'unknown-role')!;
    const fmAfter = fm.apply(fm.ask([role]).find((a) => a.title === 'Disable unknown-role for this line')!);
    assert.equal(fmAfter, '---\nkind: job-advert\n# skill-lens-disable-next-line unknown-role\nrole: Astronaut\n---\n# Job\n');
    assert.deepEqual(setup(fmAfter).all.filter((d) => d.code === 'unknown-role'), []);
  });

  it('writes `#` in front matter that is not closed, as the parser reads it, and an HTML comment in the body below it', () => {
    const text = '---\nkind: job-advert\nrole: Senior infrastructure engineer\n\n# About the job\n\n- **Kubernetes** (expert)\n';
    const s = setup(text);
    const missing = s.all.find((d) => d.code === 'missing-skill')!;
    assert.equal(missing.range.start.line, 2);
    const after = s.apply(s.ask([missing]).find((a) => a.title === 'Disable missing-skill for this line')!);
    assert.equal(after, '---\nkind: job-advert\n# skill-lens-disable-next-line missing-skill\nrole: Senior infrastructure engineer\n\n# About the job\n\n- **Kubernetes** (expert)\n');
    // The role is still read, and its findings of that code are silenced.
    const again = setup(after).all;
    assert.ok(!again.some((d) => d.code === 'unknown-role'));
    assert.deepEqual(again.filter((d) => d.code === 'missing-skill'), []);
    const kube = s.all.find((d) => d.code === 'unknown-skill')!;
    const body = s.apply(s.ask([kube]).find((a) => a.title === 'Disable unknown-skill for this line')!);
    assert.equal(body.split('\n')[6], '- **Kubernetes** (expert) <!-- skill-lens-disable-line unknown-skill -->');
    assert.ok(!setup(body).all.some((d) => d.code === 'unknown-skill'));
  });

  it('offers no Disable for a YAML syntax error: it is fixed, not silenced', () => {
    const uri = 'file:///w/pathways/cloud.yaml';
    const s = setup('path: /p\nlevels: [awareness\n', uri);
    const syntax = s.all.find((d) => d.code === 'yaml-syntax')!;
    assert.deepEqual(s.ask([syntax]).map((a) => a.title), []);
    const unclosed = setup('---\nkind: job-advert\nrole: Senior infrastructure engineer\n\n- **Kubernetes** (expert)\n');
    const open = unclosed.all.find((d) => d.code === 'yaml-syntax')!;
    assert.equal(open.message, 'Front matter is not closed: add a line "---" after it.');
    assert.deepEqual(unclosed.ask([open]).map((a) => a.title), []);
  });

  it('ends the comment with the file\'s own line break, on its last line too', () => {
    const uri = 'file:///w/pathways/cloud.yaml';
    const pathway = 'path: /p\r\nlevels:\r\n  EO: awareness\r\ntopics:\r\n  - name: Kubernetes';
    const p = setup(pathway, uri);
    const kube = p.all.find((d) => d.code === 'unknown-skill')!;
    const edit = p.ask([kube]).find((a) => a.title === 'Disable unknown-skill for this line')!.edit!.changes![uri];
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, pathway), edit);
    assert.equal(after, 'path: /p\r\nlevels:\r\n  EO: awareness\r\ntopics:\r\n  # skill-lens-disable-next-line unknown-skill\r\n  - name: Kubernetes');
  });
});

describe('ignore in this workspace', () => {
  const target = (text: string | undefined, canCreate = true): IgnoreTarget => ({ uri: 'file:///w/.skill-lens/ignore.yaml', text, canCreate });

  it('creates .skill-lens/ignore.yaml with the word under its code', () => {
    const { all, ask } = setup(ADVERT);
    const kube = all.find((d) => /Kubernetes/.test(d.message))!;
    const action = ask([kube], undefined, target(undefined)).find((a) => a.title === 'Ignore "Kubernetes" in this workspace')!;
    const [create, edit] = action.edit!.documentChanges! as [{ kind: string; uri: string; options: unknown }, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: 'file:///w/.skill-lens/ignore.yaml', options: { ignoreIfExists: true } });
    assert.equal(TextDocument.applyEdits(TextDocument.create(edit.textDocument.uri, 'yaml', 1, ''), edit.edits as TextEdit[]), '# Findings Skill Lens does not report in this workspace, by code (see the README).\nunknown-skill:\n  - Kubernetes\n');
    // A client that cannot create files is not offered it; a file that exists is extended.
    assert.equal(ask([kube], undefined, target(undefined, false)).some((a) => a.title.startsWith('Ignore')), false);
    const extend = ask([kube], undefined, target('unknown-skill:\n  - Terraform\n')).find((a) => a.title.startsWith('Ignore'))!;
    const edits = extend.edit!.changes!['file:///w/.skill-lens/ignore.yaml'];
    assert.equal(TextDocument.applyEdits(TextDocument.create('file:///i', 'yaml', 1, 'unknown-skill:\n  - Terraform\n'), edits), 'unknown-skill:\n  - Terraform\n  - Kubernetes\n');
  });

  it('saves the list after its edit, the first time and every time, when the client has the command', () => {
    const { all, ask } = setup(ADVERT);
    const kube = all.find((d) => /Kubernetes/.test(d.message))!;
    const save = { title: 'Save the ignore list', command: 'skillLens.saveDocument', arguments: ['file:///w/.skill-lens/ignore.yaml'] };
    for (const text of [undefined, 'unknown-skill:\n  - Terraform\n']) {
      const action = ask([kube], undefined, { ...target(text), canSave: true }).find((a) => a.title.startsWith('Ignore'))!;
      assert.deepEqual(action.command, save);
      assert.equal(ask([kube], undefined, target(text)).find((a) => a.title.startsWith('Ignore'))!.command, undefined);
    }
  });

  it('is offered for names and levels, not for what a word list cannot settle', () => {
    const { all, ask } = setup(ADVERT);
    const level = all.find((d) => d.code === 'level-mismatch')!;
    assert.equal(ask([level], undefined, target(undefined)).some((a) => a.title.startsWith('Ignore')), false);
    const typo = all.find((d) => d.code === 'unknown-level')!;
    assert.ok(ask([typo], undefined, target(undefined)).some((a) => a.title === 'Ignore "practitoner" in this workspace'));
  });
});
