import { strict as assert } from 'node:assert';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { Framework } from '../../server/src/framework/framework';
import { applyEdit, ddat, doc, ladder, parsed } from './helpers';

function complete(text: string, uri?: string, framework: Framework = ddat) {
  const d = doc(text, uri, framework);
  const list = d.service.completions(d.doc, d.position);
  assert.equal(list.isIncomplete, false);
  return { ...d, items: list.items };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const docs = (item: CompletionItem) => (item.documentation as MarkupContent).value;
/** The document after accepting an item, as the user sees it. */
const accept = (r: { text: string; items: CompletionItem[] }, label: string) => applyEdit(r.text, edit(r.items.find((i) => i.label === label)!));

const SENIOR = '---\nkind: job-advert\nrole: Senior infrastructure engineer\n---\n';
const PATHWAY = 'file:///work/pathways/cloud.yaml';

describe('completion: skill names in Markdown', () => {
  it('completes `Informa` on a list line with Information security first, replacing what was typed', () => {
    const r = complete('# Job\n\n- Informa|\n');
    const first = r.items[0];
    assert.equal(first.label, 'Information security');
    assert.deepEqual(first.textEdit, { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 9 } }, newText: 'Information security' });
    assert.equal(first.filterText, 'Information security');
    assert.equal(first.sortText, '00');
    assert.equal(first.kind, CompletionItemKind.Value);
    assert.equal(first.detail, 'DDaT skill');
    assert.equal(
      docs(first),
      '### Information security\n\n_DDaT skill_\n\nInformation security involves maintaining the security, confidentiality and integrity of information.\n\n' +
        'Defined at awareness, working, practitioner and expert.',
    );
    assert.equal(accept(r, 'Information security'), '# Job\n\n- Information security\n');
    // The rest is ranked: prefix and word matches, then fuzzy ones, in sortText order.
    assert.deepEqual(labels(r.items).slice(0, 3), ['Information security', 'Communicating information', 'IT infrastructure']);
    assert.deepEqual(
      r.items.map((i) => i.sortText),
      [...r.items.map((i) => i.sortText!)].sort(),
    );
  });

  it('keeps the `**` of `**Informa` and closes it', () => {
    const r = complete('# Job\n\n- **Informa|\n');
    assert.deepEqual(edit(r.items[0]), { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } }, newText: 'Information security**' });
    assert.equal(accept(r, 'Information security'), '# Job\n\n- **Information security**\n');
  });

  it('does not close a bold that is already closed after the cursor', () => {
    const r = complete('Some **Informa|** words\n');
    assert.equal(accept(r, 'Information security'), 'Some **Information security** words\n');
  });

  it('replaces the rest of the word under the cursor too', () => {
    const r = complete('- Inform|ation secu\n');
    assert.deepEqual(edit(r.items[0]).range, { start: { line: 0, character: 2 }, end: { line: 0, character: 13 } });
  });

  it('offers all 188 skills A to Z on an empty line', () => {
    const r = complete('# Job\n\n|\n');
    assert.equal(r.items.length, 188);
    assert.deepEqual(labels(r.items).slice(0, 3), ['Accessibility', 'Adapting to delivery methodologies', 'Agile and Lean practices']);
    assert.equal(r.items[0].sortText, '000');
    assert.deepEqual(edit(r.items[0]).range, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
  });

  it('puts the skills the role still needs first, marked with their level', () => {
    const r = complete(`${SENIOR}# Job\n\n- **Information security** (working)\n- |\n`);
    assert.equal(r.items.length, 188);
    assert.deepEqual(labels(r.items).slice(0, 11), [
      'Coding and scripting',
      'IT infrastructure',
      'Modern development standards',
      'Ownership and initiative',
      'Problem management',
      'Service focus',
      'Systems design',
      'Systems integration',
      'Technical understanding',
      'Testing',
      'Troubleshooting and problem resolution',
    ]);
    assert.deepEqual(r.items[0].labelDetails, { description: 'Senior infrastructure engineer: awareness' });
    // Already in the advert: in its alphabetical place, still marked.
    const infosec = r.items.find((i) => i.label === 'Information security')!;
    assert.deepEqual(infosec.labelDetails, { description: 'Senior infrastructure engineer: working' });
    assert.ok(Number(infosec.sortText) > 10);
  });

  it('finds misspelt and old names, and keeps them past the editor filter', () => {
    const typo = complete('- Infromation secrity|\n');
    assert.equal(typo.items[0].label, 'Information security');
    assert.equal(typo.items[0].filterText, 'Infromation secrity Information security');

    const old = complete('- Problem solv|\n');
    assert.equal(old.items[0].label, 'Problem management');
    assert.equal(accept(old, 'Problem management'), '- Problem management\n');
  });

  it('finds skills by what they are about when what is typed starts no name, and keeps them past the editor filter', () => {
    const cloud = complete('- cloud computing|\n');
    assert.equal(cloud.items[0].label, 'IT infrastructure');
    assert.equal(cloud.items[0].filterText, 'cloud computing IT infrastructure');
    assert.equal(accept(cloud, 'IT infrastructure'), '- IT infrastructure\n');
    assert.equal(complete('- **confidentiality|\n').items[0].label, 'Information security');
    // A plain line may be a sentence being written: names only there.
    assert.deepEqual(complete('confidentiality|\n').items, []);
  });

  it('completes a heading and a numbered list item', () => {
    assert.equal(complete('### Informa|\n').items[0].label, 'Information security');
    assert.equal(complete('1. Informa|\n').items[0].label, 'Information security');
  });

  it('gives Senior Civil Service skills their category', () => {
    const item = complete('- Capability build|\n').items[0];
    assert.equal(item.label, 'Capability building for digital, data and technology');
    assert.equal(item.detail, 'Senior Civil Service');
    assert.match(docs(item), /No skill levels\.$/);
  });

  it('says which levels a skill leaves undefined', () => {
    const item = complete('- Coding and scr|\n').items.find((i) => i.label === 'Coding and scripting')!;
    assert.match(docs(item), /Defined at awareness and working; not defined at practitioner and expert\.$/);
  });

  it('offers nothing in prose, code blocks or after the name', () => {
    assert.deepEqual(complete('We are looking for someone who knows inform|\n').items, []);
    assert.deepEqual(complete('```\n- Informa|\n```\n').items, []);
    assert.deepEqual(complete('~~~md\n```\n- Informa|\n~~~\n').items, []);
    assert.deepEqual(complete('- **Information security**|\n').items, []);
    // After a closed fence, completion is back.
    assert.equal(complete('```\ncode\n```\n- Informa|\n').items[0].label, 'Information security');
  });
});

describe('completion: levels after a skill', () => {
  it('lists levels in scale order after `**Information security** (`, the role’s level preselected', () => {
    const r = complete(`${SENIOR}- **Information security** (|\n`);
    assert.deepEqual(labels(r.items), ['awareness', 'working', 'practitioner', 'expert']);
    assert.deepEqual(r.items.map((i) => i.sortText), ['00', '01', '02', '03']);
    assert.deepEqual(r.items.map((i) => i.preselect ?? false), [false, true, false, false]);
    const working = r.items[1];
    assert.deepEqual(working.labelDetails, { description: 'required for Senior infrastructure engineer' });
    assert.equal(working.kind, CompletionItemKind.EnumMember);
    assert.equal(working.detail, 'Skill level 2 of 4');
    assert.deepEqual(edit(working), { range: { start: { line: 4, character: 28 }, end: { line: 4, character: 28 } }, newText: 'working)' });
    assert.equal(accept(r, 'working'), `${SENIOR}- **Information security** (working)\n`);
    assert.equal(
      docs(r.items[2]),
      '**Practitioner**: level 3 of 4 (awareness < working < **practitioner** < expert)\n\n' +
        'You know how to share your knowledge and experience of this skill with others, including tools and techniques. You can define those most appropriate for the environment.\n\n' +
        '**Practitioner** — you can:\n\n- design solutions and services with security controls included, specifically engineered to mitigate security threats',
    );
  });

  it('does not add a bracket that is already there', () => {
    const r = complete('- **Information security** (|)\n');
    assert.equal(accept(r, 'expert'), '- **Information security** (expert)\n');
  });

  it('completes the level in every inline form', () => {
    for (const [text, start] of [
      ['- Information security: pr|', 24],
      ['Information security - pr|', 23],
      ['Information security — pr|', 23],
      ['**Information security**: pr|', 26],
      ['**Information security:** pr|', 26],
      ['1. **Testing** - pr|', 17],
    ] as const) {
      const r = complete(`${text}\n`);
      assert.deepEqual(labels(r.items), ['awareness', 'working', 'practitioner', 'expert'], text);
      assert.deepEqual(edit(r.items[2]).range, { start: { line: 0, character: start }, end: { line: 0, character: start + 2 } }, text);
    }
  });

  it('completes `Level:` under a gov.uk skill line, keeping a capital', () => {
    const r = complete(`${SENIOR}Information security\n\nLevel: |\n`);
    assert.deepEqual(labels(r.items), ['awareness', 'working', 'practitioner', 'expert']);
    assert.equal(r.items[1].preselect, true);
    assert.match(docs(r.items[0]), /- explain information security and the security controls available to protect solutions and services$/);

    const capital = complete('### Information security\nLevel: Pr|\n');
    assert.deepEqual(edit(capital.items[2]), { range: { start: { line: 1, character: 7 }, end: { line: 1, character: 9 } }, newText: 'Practitioner' });
  });

  it('marks a level the skill does not define', () => {
    const r = complete('- **Analysis** (|\n');
    assert.equal(r.items[0].detail, 'Skill level 1 of 4: not defined for Analysis');
    assert.match(docs(r.items[0]), /_Not defined at awareness\._$/);
    assert.equal(r.items[1].detail, 'Skill level 2 of 4');
  });

  it('completes names and levels in a skills table', () => {
    const name = complete('| Skill | Level |\n| --- | --- |\n| **Informa‸ | |\n');
    assert.deepEqual(edit(name.items[0]), { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } }, newText: 'Information security**' });

    const level = complete(`${SENIOR}| Skill | Level |\n| --- | --- |\n| Information security | ‸ |\n`);
    assert.deepEqual(labels(level.items), ['awareness', 'working', 'practitioner', 'expert']);
    assert.equal(level.items[1].preselect, true);
    assert.deepEqual(edit(level.items[1]).range, { start: { line: 6, character: 25 }, end: { line: 6, character: 25 } });
    // The header and separator rows are not cells to fill.
    assert.deepEqual(complete('| Skill‸ | Level |\n| --- | --- |\n').items, []);
  });
});

describe('completion: levels in every level column of a review table', () => {
  const review = (header: string, row: string) => `---\nkind: review\nrole: Infrastructure engineer\n---\n\n# Review\n\n${header}\n| --- | --- | --- | --- |\n${row}\n`;
  const LEVELS = ['awareness', 'working', 'practitioner', 'expert'];

  it('completes the Expected and the Assessed column, marking the level the role level expects', () => {
    for (const row of ['| Testing | ‸ | | |', '| Testing | awareness | ‸ | |']) {
      const r = complete(review('| Skill | Expected | Assessed | Evidence |', row), 'file:///work/reviews/r.md');
      assert.deepEqual(labels(r.items), LEVELS, row);
      assert.equal(r.items[0].labelDetails?.description, 'expected for Infrastructure engineer');
      assert.equal(accept(r, 'working'), review('| Skill | Expected | Assessed | Evidence |', row.replace('‸', 'working')));
    }
  });

  it('completes a self rating beside a manager’s, and a Current column', () => {
    for (const [header, row] of [
      ['| Skill | Self rating | Manager rating | Comments |', '| Testing | ‸ | | |'],
      ['| Skill | Self rating | Manager rating | Comments |', '| Testing | working | ‸ | |'],
      ['| Capability | Expected | Current | Notes |', '| Testing | awareness | ‸ | |'],
    ]) {
      assert.deepEqual(labels(complete(review(header, row), 'file:///work/reviews/r.md').items), LEVELS, `${header} ${row}`);
    }
  });
});

describe('completion: ladder reviews', () => {
  it('offers first-person evidence frames on an area’s list item, never the ladder’s "I …" statements', () => {
    const r = complete('---\nkind: review\nlevel: L3\n---\n# Review\n\n## 🌱 Teaching and Mentoring\n\n- |\n', 'file:///work/reviews/me.md', ladder);
    assert.equal(r.items[0].label, 'I … , which …');
    const statements = ladder.skills.flatMap((s) => Object.values(s.levels ?? {}).flatMap((l) => l?.statements ?? []));
    for (const item of r.items) assert.ok(!statements.includes(String(item.label)) && !statements.includes((item.textEdit as TextEdit).newText), String(item.label));
  });

  it('offers skill names, not statements, outside an area', () => {
    const r = complete('# Performance review\n\n- |\n', 'file:///work/reviews/me.md', ladder);
    assert.deepEqual(r.items.filter((i) => i.kind === CompletionItemKind.Text), []);
    assert.ok(labels(r.items).includes('Domain expertise'));
  });
});

describe('completion: pathway YAML', () => {
  const head = 'path: /pathways/cloud\nlevels:\n  EO: awareness\n';

  it('offers grade names as keys under `levels:`, leaving out grades already mapped', () => {
    const r = complete(`${head}  |\ntopics: []\n`, PATHWAY);
    assert.deepEqual(labels(r.items), ['AA', 'AO', 'HEO', 'SEO', 'G7', 'G6', 'SCS1']);
    const seo = r.items[3];
    assert.equal(seo.detail, 'Senior Executive Officer');
    assert.deepEqual(edit(seo), { range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } }, newText: 'SEO: ' });
    assert.equal(seo.kind, CompletionItemKind.Constant);
    assert.equal(docs(seo), 'Performed at this grade: Infrastructure engineer and Senior infrastructure engineer.');
    assert.equal(seo.command?.command, 'editor.action.triggerSuggest');
  });

  it('still offers grades while a half-typed key breaks the YAML', () => {
    const r = complete(`${head}  SE|\ntopics:\n  - name: Testing\n`, 'file:///work/cloud.yaml');
    assert.ok(labels(r.items).includes('SEO'));
    assert.deepEqual(edit(r.items[0]).range, { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } });
  });

  it('offers level names as the value of a grade', () => {
    const r = complete(`${head}  SEO: |\n`, PATHWAY);
    assert.deepEqual(labels(r.items), ['awareness', 'working', 'practitioner', 'expert']);
    assert.deepEqual(edit(r.items[1]), { range: { start: { line: 3, character: 7 }, end: { line: 3, character: 7 } }, newText: 'working' });
  });

  it('offers level names as the value of a grade in a topic’s own grade map, and of a topic’s level items', () => {
    for (const text of [
      'topics:\n  - name: Testing\n    levels:\n      SEO: working\n      G7: |\n',
      'skills:\n  - name: Testing\n    levels:\n      - name: |\n',
      'topics:\n  - name: Testing\n    content:\n      - level: |\n',
      '- name: Testing\n  level: |\n',
    ]) {
      const r = complete(text, PATHWAY);
      assert.deepEqual(labels(r.items), ['awareness', 'working', 'practitioner', 'expert'], text);
    }
    const r = complete('topics:\n  - name: Testing\n    levels:\n      G7: |\n', PATHWAY);
    assert.equal(accept(r, 'practitioner'), 'topics:\n  - name: Testing\n    levels:\n      G7: practitioner\n');
    assert.match(docs(r.items[2]), /provide authoritative advice and guidance on test planning/, 'what the topic’s skill says at that level');
  });

  it('offers the top-level keys not yet written', () => {
    const r = complete('path: /pathways/cloud\n|\n', PATHWAY);
    assert.deepEqual(labels(r.items), ['title', 'levels', 'topics', 'framework', 'kind']);
    assert.deepEqual(r.items.map((i) => edit(i).newText), ['title: ', 'levels:\n  ', 'topics:\n  - name: ', 'framework: ', 'kind: ']);
  });

  it('offers skill names for `topics[].name`, closing an opened quote', () => {
    const r = complete(`${head}topics:\n  - name: "Informa|\n`, PATHWAY);
    assert.equal(r.items[0].label, 'Information security');
    assert.deepEqual(edit(r.items[0]), { range: { start: { line: 4, character: 11 }, end: { line: 4, character: 18 } }, newText: 'Information security"' });

    const plain = complete(`${head}topics:\n- name: Informa|\n`, PATHWAY);
    assert.deepEqual(edit(plain.items[0]), { range: { start: { line: 4, character: 8 }, end: { line: 4, character: 15 } }, newText: 'Information security' });
  });

  it('offers topic keys, level keys and level contents in place', () => {
    const topic = complete(`${head}topics:\n  - name: Information security\n    |\n`, PATHWAY);
    assert.deepEqual(labels(topic.items), ['description', 'pathway']);

    const fresh = complete(`${head}topics:\n  - name: Information security\n    description: x\n  - |\n`, PATHWAY);
    assert.deepEqual(labels(fresh.items), ['name', 'description', 'pathway']);

    const levels = complete(`${head}topics:\n  - name: Information security\n    pathway:\n      awareness:\n        description: x\n      |\n`, PATHWAY);
    assert.deepEqual(labels(levels.items), ['working', 'practitioner', 'expert']);
    assert.deepEqual(edit(levels.items[0]).newText, 'working:\n        ');
    assert.match(docs(levels.items[0]), /\*\*Working\*\* — you can:\n\n- use information security practices/);

    const inside = complete(`${head}topics:\n  - name: Information security\n    pathway:\n      working:\n        |\n`, PATHWAY);
    assert.deepEqual(labels(inside.items), ['description', 'indicators']);
    assert.deepEqual(edit(inside.items[1]).newText, 'indicators:\n          - ');
  });

  it('offers nothing inside indicators, descriptions or block text', () => {
    assert.deepEqual(complete(`${head}topics:\n  - name: Testing\n    pathway:\n      working:\n        indicators:\n          - Wri|\n`, PATHWAY).items, []);
    assert.deepEqual(complete(`${head}topics:\n  - name: Testing\n    description: |\n      some te|\n`, PATHWAY).items, []);
    assert.deepEqual(complete(`title: Cloud\ndescription: >\n  Text|\n`, PATHWAY).items, []);
  });

  it('works in the front matter of a Markdown pathway', () => {
    const r = complete('---\ntitle: Cloud\nlevels:\n  |\n---\n# Cloud Engineer Pathway\n', 'file:///work/pathways/cloud.md');
    assert.deepEqual(labels(r.items), ['AA', 'AO', 'EO', 'HEO', 'SEO', 'G7', 'G6', 'SCS1']);
  });

  it('leaves other YAML files alone', () => {
    assert.deepEqual(complete('services:\n  |\n', 'file:///work/docker-compose.yaml').items, []);
  });
});

describe('completion: front matter of adverts and reviews', () => {
  it('offers the keys, then values for kind, role, grade and framework', () => {
    assert.deepEqual(labels(complete('---\n|\n---\n# Job\n').items), ['kind', 'role', 'grade', 'framework', 'skills']);
    assert.deepEqual(labels(complete('---\nkind: job-advert\n|\n---\n').items), ['role', 'grade', 'framework', 'skills']);
    assert.deepEqual(labels(complete('---\nkind: |\n---\n').items), ['job-advert', 'pathway', 'review']);
    assert.deepEqual(labels(complete('---\nframework: |\n---\n').items), ['ddat', 'sfia', 'ladder']);
    const roles = complete('---\nrole: |\n---\n').items;
    assert.equal(roles.length, 201);
    // Grouped by family and role, most junior first within a role.
    assert.deepEqual(
      labels(roles).filter((l) => /data engineer|data engineering/i.test(l)),
      ['Data engineer', 'Senior data engineer', 'Lead data engineer', 'Head of data engineering'],
    );
    assert.deepEqual(
      labels(roles).filter((l) => /infrastructure engineer$/i.test(l)),
      ['Associate infrastructure engineer', 'Infrastructure engineer', 'Senior infrastructure engineer', 'Lead infrastructure engineer', 'Principal infrastructure engineer'],
    );
    const senior = roles.find((r) => r.label === 'Senior infrastructure engineer')!;
    assert.equal(senior.detail, 'IT operations › Infrastructure engineer · SEO, G7 · 12 skills');
    assert.deepEqual(edit(senior), { range: { start: { line: 1, character: 6 }, end: { line: 1, character: 6 } }, newText: 'Senior infrastructure engineer' });
    assert.equal(roles.find((r) => r.label === 'Head of service design')!.detail, 'User-centred design › Service designer · grade not given · 7 skills');
  });

  it('puts the role’s grades first', () => {
    const r = complete('---\nrole: Senior infrastructure engineer\ngrade: |\n---\n');
    assert.deepEqual(labels(r.items), ['SEO', 'G7', 'AA', 'AO', 'EO', 'HEO', 'G6', 'SCS1']);
    assert.deepEqual(r.items[0].labelDetails, { description: 'Senior infrastructure engineer' });
  });

  it('completes a `skills:` map: names as keys, then levels', () => {
    const name = complete('---\nskills:\n  Informa|\n---\n');
    assert.deepEqual(edit(name.items[0]), { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 9 } }, newText: 'Information security: ' });
    const level = complete(`---\nrole: Senior infrastructure engineer\nskills:\n  Information security: |\n---\n`);
    assert.deepEqual(labels(level.items), ['awareness', 'working', 'practitioner', 'expert']);
    assert.equal(level.items[1].preselect, true);
  });

  it('offers nothing on the fence lines', () => {
    assert.deepEqual(complete('---|\nkind: review\n---\n').items, []);
  });
});

describe('completion: robustness and speed', () => {
  it('answers empty for positions past the end and on huge lines', () => {
    const d = doc('- Informa\n');
    assert.deepEqual(d.service.completions(d.doc, { line: 99, character: 0 }).items, []);
    assert.equal(d.service.completions(d.doc, { line: 0, character: 999 }).items[0].label, 'Information security');
    const long = doc(`- ${'x'.repeat(20_000)}|\n`);
    assert.deepEqual(long.service.completions(long.doc, long.position).items, []);
  });

  it('completes in a 1 MB advert without reading the document again', () => {
    const body = '- **Information security** (practitioner)\nSome prose about the job that goes on for a while and names nothing.\n'.repeat(9000);
    const big = doc(`${SENIOR}# Job\n\n${body}- **Information security** (|\n- Informa\n`);
    const median = (run: () => void, n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = process.hrtime.bigint();
        run();
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return times.sort((a, b) => a - b)[n >> 1];
    };
    // A fresh parse of the same text is the cost completion must not pay again; timed against
    // each other, a busy machine slows both alike. Typically the ratio is over a hundred.
    const reparse = median(() => parsed(big.text), 5);
    const level = big.position;
    const name = { line: level.line + 1, character: 9 };
    const empty = { line: 5, character: 0 };
    for (const p of [level, name, empty]) {
      big.service.completions(big.doc, p); // warm the fuzzy index and caches
      const answer = median(() => big.service.completions(big.doc, p), 51);
      assert.ok(answer * 10 < reparse, `median ${answer.toFixed(2)} ms at ${JSON.stringify(p)}, a fresh parse ${reparse.toFixed(1)} ms`);
    }
  });
});
