// Completion while typing over stdio, as VS Code asks for it: on the trigger character typed,
// with the text as it stands after each keystroke.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import { killAllServers, LspClient } from './lspClient';

const SERVER = join(process.cwd(), 'dist', 'server.js');
after(() => killAllServers());

async function ready(): Promise<LspClient> {
  const client = new LspClient({ command: process.execPath, args: [SERVER, '--stdio'], settings: { skillLens: { debounceMs: 50 } }, requestTimeoutMs: 10_000 });
  await client.initialize({ rootUri: null });
  return client;
}

const SENIOR = '---\nkind: job-advert\nrole: Senior infrastructure engineer\n---\n\n# Senior infrastructure engineer\n\n';

describe('completion while typing (LSP)', function () {
  this.timeout(30_000);
  let client: LspClient;
  let version = 1;
  let text = '';
  const uri = 'file:///work/adverts/typing.md';

  before(async () => {
    client = await ready();
    text = `${SENIOR}| Skill | Level |\n| --- | --- |\n`;
    client.didOpen(uri, 'markdown', text, version);
  });
  after(async () => {
    await client.shutdown();
  });

  /** Types at the end of the document, as the editor sends it: one change per character. */
  function type(chars: string): Position {
    for (const c of chars) {
      const doc = TextDocument.create(uri, 'markdown', version, text);
      const at = doc.positionAt(text.length);
      client.didChange(uri, ++version, [{ range: { start: at, end: at }, text: c }]);
      text += c;
    }
    return TextDocument.create(uri, 'markdown', version, text).positionAt(text.length);
  }
  const ask = (position: Position, triggerCharacter?: string) =>
    client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position,
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    });
  const apply = (item: CompletionItem) => TextDocument.applyEdits(TextDocument.create(uri, 'markdown', version, text), [item.textEdit as never]);
  const lastLine = (t: string) => t.trimEnd().split('\n').pop();

  it('registers the space as a trigger character, beside ( : | *', () => {
    const caps = client.capabilities as { completionProvider: { triggerCharacters: string[] } };
    assert.deepEqual(caps.completionProvider.triggerCharacters, ['(', ':', '|', '*', ' ']);
  });

  it('a table row: `|` then ` ` then `Trou`, accepted, reads `| Troubleshooting and problem resolution`', async () => {
    const bar = await ask(type('|'), '|');
    const onBar = bar.items.find((i) => i.label === 'Troubleshooting and problem resolution')!;
    assert.equal(lastLine(apply(onBar)), '| Troubleshooting and problem resolution');
    const space = await ask(type(' '), ' ');
    assert.ok(space.items.length >= 100, `names after "| " (got ${space.items.length})`);
    assert.deepEqual((space.items[0].textEdit as { range: unknown }).range, { start: { line: 9, character: 2 }, end: { line: 9, character: 2 } });
    const typed = await ask(type('Trou'));
    assert.equal(typed.items[0].label, 'Troubleshooting and problem resolution');
    assert.equal(lastLine(apply(typed.items[0])), '| Troubleshooting and problem resolution');
  });

  it('the level column and a gov.uk `Level:` line keep offering levels after the space', async () => {
    type('bleshooting and problem resolution |');
    const levels = await ask(type(' '), ' ');
    assert.deepEqual(levels.items.map((i) => i.label), ['awareness', 'working', 'practitioner', 'expert']);
    const colon = await ask(type(' |\n\nInformation security\nLevel:'), ':');
    assert.equal(colon.items.length, 4);
    const space = await ask(type(' '), ' ');
    assert.deepEqual(space.items.map((i) => i.label), ['awareness', 'working', 'practitioner', 'expert']);
    assert.equal(lastLine(apply(space.items[2])), 'Level: practitioner');
  });

  it('a space in prose gets an empty list', async () => {
    type('practitioner\n\nWe run the');
    const prose = await ask(type(' '), ' ');
    assert.deepEqual(prose, { isIncomplete: false, items: [] });
  });
});
