// Every quick fix offered on the documents of the repository (examples, the real-editor and unit
// fixtures, the corpus) and on pathways with misspelt grades, applied one by one: the text it
// leaves is checked again, and no error appears on the lines it edited that those lines did not
// have before (a grade replaced by one already a key of the same map is a duplicate-key YAML
// error; an added line must not split a list or break the YAML).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { allCodeActions } from '../../server/src/features/fixAll';
import { ddat, serviceFor } from './helpers';

const root = process.cwd();

function documents(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? documents(path) : /\.(md|ya?ml)$/.test(e.name) ? [path] : [];
  });
}

/** Pathways whose grade maps have a misspelt grade next to the grades it is closest to. */
const MISSPELT_GRADES: [string, string][] = [
  ['grades-top.yaml', 'levels:\n  EO: awareness\n  E0: working\n  HEO: working\ntopics:\n  - name: Testing\n    pathway:\n      working:\n        description: Tests things.\n'],
  ['grades-topic.yaml', 'topics:\n  - name: Testing\n    levels:\n      SEO: working\n      SE0: working\n      G7: practitioner\n'],
  ['grades-flow.yaml', 'topics:\n  - name: Testing\n    levels: { HEO: awareness, HE0: working, SEO: working }\n'],
];

/** A pathway whose `pathway:` map has a misspelt level next to the level it is closest to. */
const MISSPELT_LEVEL_KEY = 'topics:\n  - name: Testing\n    pathway:\n      working:\n        description: Tests.\n      wrking:\n        description: Tests more.\n';

/** Error codes on lines [from, to] of the findings. */
function errorsOn(diagnostics: Diagnostic[], from: number, to: number): string[] {
  return diagnostics.filter((d) => d.severity === 1 && d.range.start.line >= from && d.range.start.line <= to).map((d) => `${d.code}`);
}

describe('every quick fix leaves no new error on the lines it edits', function () {
  this.timeout(60_000);
  const files: [string, string][] = [
    ...['examples', 'test/e2e/fixtures', 'test/unit/fixtures', 'test/corpus/documents'].flatMap((d) => documents(join(root, d)).map((f): [string, string] => [f, readFileSync(f, 'utf8')])),
    ...[...MISSPELT_GRADES, ['level-keys.yaml', MISSPELT_LEVEL_KEY]].map(([name, text]): [string, string] => [join(root, 'test/unit/fixtures/pathways/made', name), text]),
  ];

  it(`applies each fix offered on ${files.length} documents`, () => {
    const service = serviceFor();
    let applied = 0;
    const problems: string[] = [];
    for (const [path, text] of files) {
      const uri = pathToFileURL(path).toString();
      const doc = service.parse(uri, 1, text);
      const before = service.diagnostics(doc);
      for (const d of before) {
        const actions = allCodeActions({ doc, diagnostics: [d], all: () => before, fixAll: () => undefined });
        for (const action of actions) {
          const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
          if (!edits.length) continue;
          const after = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
          const fixed = service.parseFresh(uri, after, 2);
          const now = service.diagnostics(fixed);
          applied++;
          for (const e of edits) {
            const from = e.range.start.line;
            const old = errorsOn(before, from, e.range.end.line);
            const added = errorsOn(now, from, from + (e.newText.match(/\n/g)?.length ?? 0)).filter((code) => !old.includes(code));
            if (added.length) {
              const lines = after.split('\n').slice(Math.max(0, from - 1), from + 3).join('\n');
              problems.push(`${relative(root, path)}:${from + 1} "${action.title}" (for ${d.code}) brings ${added.join(', ')}:\n${lines}`);
            }
          }
        }
      }
      service.forget(uri);
    }
    assert.ok(applied > 200, `only ${applied} fixes applied`);
    assert.deepEqual(problems, []);
  });

  it('offers no grade already a key of the same map', () => {
    const service = serviceFor();
    for (const [name, text] of MISSPELT_GRADES) {
      const doc = service.parse(`file:///work/pathways/${name}`, 1, text);
      const unknown = service.diagnostics(doc).filter((d) => d.code === 'unknown-grade');
      assert.equal(unknown.length, 1, name);
      const titles = service.codeActions(doc, unknown).map((a) => a.title);
      const keys = [...text.matchAll(/(\w+): /g)].map((m) => m[1]).filter((k) => ddat.findGrade(k));
      for (const title of titles) assert.ok(!keys.some((k) => title === `Replace with "${k}"`), `${name}: ${title}`);
      assert.ok(titles.length > 0, `${name}: some grade is offered`);
      assert.doesNotMatch(unknown[0].message, new RegExp(`"(${keys.join('|')})"`), unknown[0].message);
    }
    const doc = service.parse('file:///work/pathways/level-keys.yaml', 1, MISSPELT_LEVEL_KEY);
    const unknown = service.diagnostics(doc).filter((d) => d.code === 'unknown-level');
    assert.equal(unknown.length, 1);
    assert.ok(!service.codeActions(doc, unknown).some((a) => a.title === 'Replace with "working"'));
  });
});
