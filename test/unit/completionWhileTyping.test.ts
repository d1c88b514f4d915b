// Completion that stays open while a value is typed: the space is a trigger character answered
// only where a value is expected or a name is being typed, and a table cell asked for right
// after its `|` keeps the cell's space.
import { strict as assert } from 'node:assert';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { answerToSpace, frameworkLabelStartsWith, spaceMayWantList } from '../../server/src/features/completion/whileTyping';
import { applyEdit, ddat, doc, ladder } from './helpers';

const SENIOR = '---\nkind: job-advert\nrole: Senior infrastructure engineer\n---\n';
const TABLE = `${SENIOR}| Skill | Level |\n| --- | --- |\n`;
const PATHWAY = 'file:///work/pathways/cloud.yaml';

/** The list the editor gets after typing the character just before the cursor. */
function typed(text: string, character: string, uri?: string) {
  const d = doc(text, uri);
  const list = d.service.completions(d.doc, d.position, true, character);
  return { ...d, items: list.items, list };
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const accept = (r: { text: string; items: CompletionItem[] }, label: string) => {
  const item = r.items.find((i) => i.label === label);
  assert.ok(item, `"${label}" is offered (got ${labels(r.items).slice(0, 5).join(', ')})`);
  return applyEdit(r.text, edit(item));
};
const lineOf = (text: string, n: number) => text.split('\n')[n];

describe('completion while typing: table cells', () => {
  it('offered on `|` (nothing typed), accepting keeps the cell space: `| Troubleshooting…`', () => {
    const r = typed(`${TABLE}|‸\n`, '|');
    const item = r.items.find((i) => i.label === 'Troubleshooting and problem resolution')!;
    assert.deepEqual(edit(item), { range: { start: { line: 6, character: 1 }, end: { line: 6, character: 1 } }, newText: ' Troubleshooting and problem resolution' });
    // What the user types next (` Trou`) still matches the item's filter text.
    assert.ok(item.filterText!.toLowerCase().startsWith(' trou'), item.filterText);
    assert.equal(lineOf(accept(r, 'Troubleshooting and problem resolution'), 6), '| Troubleshooting and problem resolution');
  });

  it('asked again on the space after `|`, then `Trou` ranks and replaces only the typed word', () => {
    const space = typed(`${TABLE}| ‸\n`, ' ');
    assert.equal(space.items.length > 100, true, 'the whole name list after `| `');
    assert.deepEqual(edit(space.items[0]).range, { start: { line: 6, character: 2 }, end: { line: 6, character: 2 } });
    const r = typed(`${TABLE}| Trou‸\n`, '');
    assert.equal(r.items[0].label, 'Troubleshooting and problem resolution');
    assert.deepEqual(edit(r.items[0]), { range: { start: { line: 6, character: 2 }, end: { line: 6, character: 6 } }, newText: 'Troubleshooting and problem resolution' });
    assert.equal(lineOf(accept(r, 'Troubleshooting and problem resolution'), 6), '| Troubleshooting and problem resolution');
  });

  it('the level column: on `|` with the space, and on the space after it', () => {
    const bar = typed(`${TABLE}| Information security |‸\n`, '|');
    assert.deepEqual(labels(bar.items), ['awareness', 'working', 'practitioner', 'expert']);
    assert.equal(lineOf(accept(bar, 'working'), 6), '| Information security | working');
    const space = typed(`${TABLE}| Information security | ‸\n`, ' ');
    assert.deepEqual(labels(space.items), ['awareness', 'working', 'practitioner', 'expert']);
    assert.equal(space.items[1].preselect, true, 'the level the role needs');
    assert.equal(lineOf(accept(space, 'working'), 6), '| Information security | working');
    // A level typed and a space after it: the list has done its work.
    assert.deepEqual(typed(`${TABLE}| Information security | working ‸\n`, ' ').items, []);
  });
});

describe('completion while typing: levels and values after the space', () => {
  it('offers levels on the space after `Level:` and after `Skill:`', () => {
    const govuk = typed(`${SENIOR}Information security\nLevel: ‸\n`, ' ');
    assert.deepEqual(labels(govuk.items), ['Awareness', 'Working', 'Practitioner', 'Expert'].map((l) => l.toLowerCase()));
    assert.deepEqual(edit(govuk.items[2]), { range: { start: { line: 5, character: 7 }, end: { line: 5, character: 7 } }, newText: 'practitioner' });
    const inline = typed(`${SENIOR}- Information security: ‸\n`, ' ');
    assert.equal(lineOf(accept(inline, 'practitioner'), 4), '- Information security: practitioner');
    const boldLabel = typed(`${SENIOR}- **Information security:** ‸\n`, ' ');
    assert.equal(lineOf(accept(boldLabel, 'working'), 4), '- **Information security:** working');
    const boldLevel = typed(`${SENIOR}Information security\n**Level:** ‸\n`, ' ');
    assert.deepEqual(labels(boldLevel.items), ['awareness', 'working', 'practitioner', 'expert']);
    const paren = typed(`${SENIOR}- **Information security** ( ‸\n`, ' ');
    assert.equal(lineOf(accept(paren, 'expert'), 4), '- **Information security** ( expert)');
  });

  it('keeps names open while a name of several words is typed, and nothing in prose', () => {
    const name = typed(`${SENIOR}- **Information ‸\n`, ' ');
    assert.equal(name.items[0].label, 'Information security');
    assert.equal(lineOf(accept(name, 'Information security'), 4), '- **Information security**');
    assert.deepEqual(typed(`${SENIOR}- We run the ‸\n`, ' ').items, []);
    assert.deepEqual(typed(`${SENIOR}We run the department and ‸\n`, ' ').items, []);
    assert.deepEqual(typed(`${SENIOR}- We use tools ( ‸\n`, ' ').items, []);
    // A bold lead-in that is no skill: no levels after its colon.
    assert.deepEqual(typed(`${SENIOR}**Collaboration:** ‸\n`, ' ').items, []);
    // A new list item is not a value.
    assert.deepEqual(typed(`${SENIOR}- ‸\n`, ' ').items, []);
  });

  it('front matter: grade and role values on the space after the colon, roles kept while typed', () => {
    const grade = typed('---\nkind: job-advert\ngrade: ‸\n---\n', ' ');
    assert.ok(labels(grade.items).includes('SEO'), labels(grade.items).join(', '));
    assert.deepEqual(edit(grade.items[0]).range, { start: { line: 2, character: 7 }, end: { line: 2, character: 7 } });
    const role = typed('---\nkind: job-advert\nrole: Senior infra‸\n---\n', '');
    assert.ok(labels(role.items).includes('Senior infrastructure engineer'));
    const roleSpace = typed('---\nkind: job-advert\nrole: Senior ‸\n---\n', ' ');
    assert.ok(labels(roleSpace.items).includes('Senior infrastructure engineer'));
    assert.deepEqual(typed('---\nkind: job-advert\nrole: Astronaut ‸\n---\n', ' ').items, []);
    const skills = typed('---\nkind: job-advert\nskills:\n  Information security: ‸\n---\n', ' ');
    assert.deepEqual(labels(skills.items), ['awareness', 'working', 'practitioner', 'expert']);
  });

  it('pathway YAML: a grade’s level and a topic’s name on the space after the colon', () => {
    const level = typed('path: /pathways/cloud\nlevels:\n  EO: ‸\n', ' ', PATHWAY);
    assert.deepEqual(labels(level.items), ['awareness', 'working', 'practitioner', 'expert']);
    assert.deepEqual(edit(level.items[0]).range, { start: { line: 2, character: 6 }, end: { line: 2, character: 6 } });
    const name = typed('path: /pathways/cloud\nlevels:\n  EO: awareness\ntopics:\n  - name: ‸\n', ' ', PATHWAY);
    assert.ok(name.items.length > 100);
    assert.deepEqual(typed('path: /pathways/cloud\ntitle: ‸\n', ' ', PATHWAY).items, []);
  });
});

describe('completion while typing: the cheap test on the line', () => {
  it('wants a list after separators and a few words, never after prose', () => {
    for (const yes of ['Level: ', '| ', '| Information ', '  grade: ', '- **Information ', 'Information security - ', 'Skill \u2014 ', '- **Skill** ( ']) assert.equal(spaceMayWantList(yes), true, yes);
    for (const no of ['', 'Level:', 'We said so. And ', 'x'.repeat(100) + ' ', '- ', '  ', '1. ']) assert.equal(spaceMayWantList(no), false, JSON.stringify(no));
  });

  it('passes over words that start no name of the framework, before the document is read', () => {
    const startsName = (typed: string) => [ddat, ladder].some((f) => frameworkLabelStartsWith(f, typed));
    for (const yes of ['- Information ', '| Troubleshooting and ', '  role: Senior ', '- I consistently ', 'Level: ']) assert.equal(spaceMayWantList(yes, startsName), true, yes);
    for (const no of ['- We run the ', 'We run ', '| Kubernetes and ', '  role: Astronaut ']) assert.equal(spaceMayWantList(no, startsName), false, no);
    assert.equal(frameworkLabelStartsWith(ddat, 'information '), true);
    assert.equal(frameworkLabelStartsWith(ddat, 'informa '), false);
  });

  it('finds every word-start of every skill and role level name, and none that no label has', () => {
    const names = [...ddat.skills.map((s) => s.name), ...ddat.roleLevels.map((r) => r.level.name)].filter((n) => n.includes(' '));
    let checked = 0;
    for (const name of names) {
      const words = name.toLowerCase().split(/\s+/);
      for (let n = 1; n < words.length; n++) {
        const start = `${words.slice(0, n).join(' ')} `;
        assert.equal(frameworkLabelStartsWith(ddat, start), true, start);
        // Sorted after every label: a search that ran off the end must say no.
        assert.equal(frameworkLabelStartsWith(ddat, `~${start}`), false, start);
        checked++;
      }
    }
    assert.ok(checked > 300, `${checked} starts`);
  });

  it('answers nothing for items whose typed text leads no label', () => {
    const item: CompletionItem = { label: 'Information security', textEdit: { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 8 } }, newText: 'Information security' } };
    assert.deepEqual(answerToSpace([item], '- Info ', 7), []);
    assert.deepEqual(answerToSpace([item], '- Information ', 14), [item]);
  });
});
