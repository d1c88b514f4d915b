import { strict as assert } from 'node:assert';
import { DocumentSymbol, Location, SymbolKind } from 'vscode-languageserver-types';
import { definition } from '../../server/src/features/definition';
import { documentSymbols } from '../../server/src/features/symbols';
import type { Framework } from '../../server/src/framework/framework';
import type { SkillData } from '../../server/src/framework/model';
import { ddat, doc, parsed } from './helpers';

/** A symbol as the outline shows it: `name — detail @line:col-col`, children indented. */
function outline(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => {
    const r = s.selectionRange;
    const line = `${indent}${s.name}${s.detail ? ` — ${s.detail}` : ''} @${r.start.line}:${r.start.character}-${r.end.character}`;
    return [line, ...outline(s.children ?? [], `${indent}  `)];
  });
}

/** Every symbol's range holds its selection and its children, as editors require. */
function assertWellFormed(symbols: DocumentSymbol[]): void {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  for (const s of symbols) {
    assert.ok(before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end), s.name);
    for (const c of s.children ?? []) assert.ok(before(s.range.start, c.range.start) && before(c.range.end, s.range.end), c.name);
    assertWellFormed(s.children ?? []);
  }
}

describe('document symbols', () => {
  it('lists the skills of an advert with their levels, in document order', () => {
    const d = parsed(
      '---\nskills:\n  Testing: working\n---\n# Job\n\n- **Information security** (practitioner)\n- Problem solving: expart\n- Accessibility\n' +
        '**We are hiring.** Come and join us.\n\n| Skill | Level |\n| --- | --- |\n| Systems design | expert |\n\nIT infrastructure\nLevel: working\n',
    );
    const symbols = documentSymbols(d, ddat);
    assert.deepEqual(outline(symbols), [
      'Testing — working @2:2-9',
      'Information security — practitioner @6:4-24',
      'Problem solving — expart (not a skill level) @7:2-17',
      'Accessibility @8:2-15',
      'Systems design — expert @13:2-16',
      'IT infrastructure — working @15:0-17',
    ]);
    assert.ok(symbols.every((s) => s.kind === SymbolKind.Field));
    // The range spans name and level, across lines in the gov.uk style.
    assert.deepEqual(symbols[5].range, { start: { line: 15, character: 0 }, end: { line: 16, character: 14 } });
    assertWellFormed(symbols);
  });

  it('outlines a pathway: grades, then topics with their levels as children', () => {
    const d = parsed(
      'path: /pathways/cloud\nlevels:\n  EO: awareness\n  SEO: working\n  \'7\': practitioner\ntopics:\n' +
        '  - name: "Information security"\n    description: Keeping information safe.\n    pathway:\n      awareness:\n        description: You know about it.\n' +
        '        indicators:\n          - Aware of it\n      working:\n        description: You use it.\n        indicators:\n          - Uses it\n          - Teaches it\n' +
        '  - name: Cloud wrangling\n    pathway:\n      expert:\n',
      'file:///work/pathways/cloud.yaml',
    );
    const symbols = documentSymbols(d, ddat);
    assert.deepEqual(outline(symbols), [
      'levels — 3 grades @2:2-4',
      '  EO — awareness @2:2-4',
      '  SEO — working @3:2-5',
      '  7 — practitioner @4:3-4',
      'Information security @6:11-31',
      '  awareness — 1 indicator @9:6-15',
      '  working — 2 indicators @13:6-13',
      'Cloud wrangling — not a DDaT skill @18:10-25',
      '  expert — empty @20:6-12',
    ]);
    assert.deepEqual(
      symbols.map((s) => s.kind),
      [SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Class],
    );
    assert.equal(symbols[1].children![1].kind, SymbolKind.EnumMember);
    assert.deepEqual(symbols[1].range, { start: { line: 6, character: 11 }, end: { line: 17, character: 22 } });
    assertWellFormed(symbols);
  });

  it('outlines the other pathway shapes: numbered levels say which level they are, grade maps list their grades', () => {
    const d = parsed(
      'skills:\n  - name: Testing\n    content:\n      - {level: 2, indicators: [Writes tests]}\n      - level: "9"\n    levels:\n      SEO: working\n      G7: 3\n',
      'file:///work/pathways/testing.yaml',
    );
    const symbols = documentSymbols(d, ddat);
    assert.deepEqual(outline(symbols), [
      'Testing @1:10-17',
      '  2 — working, 1 indicator @3:16-17',
      '  9 — empty @4:16-17',
      '  SEO — working @6:6-9',
      '  G7 — practitioner @7:6-8',
    ]);
    assertWellFormed(symbols);
  });

  it('is empty for a document without skills', () => {
    assert.deepEqual(documentSymbols(parsed('# Notes\n\nNothing here.\n'), ddat), []);
  });
});

describe('go to definition', () => {
  const target = (framework: Framework, skill: SkillData): Location => ({
    uri: `skill-lens:/${framework.id}.md`,
    range: { start: { line: framework.skills.indexOf(skill), character: 0 }, end: { line: framework.skills.indexOf(skill), character: 0 } },
  });
  const go = (text: string) => {
    const d = doc(text);
    return definition(d.doc, ddat, d.position, target);
  };

  it('jumps from a skill name or its level to the skill in the framework', () => {
    const line = ddat.skills.findIndex((s) => s.name === 'Information security');
    assert.deepEqual(go('- **Informa|tion security** (practitioner)\n'), target(ddat, ddat.skills[line]));
    assert.deepEqual(go('- **Information security** (pract|itioner)\n'), target(ddat, ddat.skills[line]));
  });

  it('follows a rename to the current skill', () => {
    assert.equal(go('- Problem sol|ving: working\n')!.range.start.line, ddat.skills.findIndex((s) => s.name === 'Problem management'));
  });

  it('answers null off a mention or for an unknown skill', () => {
    assert.equal(go('Some te|xt\n'), null);
    assert.equal(go('| Skill | Level |\n| --- | --- |\n| Cloud wrang‸ling | working |\n'), null);
  });
});
