// The properties the fuzz run and the test suite check:
// - edits: a generated or example advert, edited at random over the language server with
//   requests in between, never crashes it, never gets an error answer or an error logged, and
//   ends with the diagnostics a fresh open of the final text gets;
// - quick fixes: every quick fix offered for a generated advert changes only the range of its
//   finding (or inserts whole lines), and the finding is gone once it is applied;
// - framework files: a generated or damaged framework file loads or gives clear problems,
//   never throws, and what loads can be used by every feature.
import fc from 'fast-check';
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createLanguageService } from '../../server/src/languageService';
import { writeIfUnchanged } from '../../server/src/fixFile';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, Position, TextEdit } from 'vscode-languageserver-types';
import { LspClient, LspResponseError, languageServerCommand } from '../lsp/lspClient';
import { parseDocument } from '../../server/src/documents/parse';
import { codeActions } from '../../server/src/features/codeActions';
import { completions } from '../../server/src/features/completion';
import { diagnose } from '../../server/src/features/diagnostics';
import { skillMarkdown } from '../../server/src/features/frameworkViews';
import { hover } from '../../server/src/features/hover';
import { documentSymbols } from '../../server/src/features/symbols';
import { FrameworkRegistry, parseFrameworkFile } from '../../server/src/framework/loader';
import { skillFullName } from '../../server/src/framework/model';
import { frameworkSummary } from '../../server/src/framework/summary';
import { advert, applyTextEdits, exampleDocuments, frameworkFile, startingDocument, step, type Advert, type Probe, type Step } from './generators';

/** One language server for a whole fuzz run, started again if a run brings it down. */
export class FuzzSession {
  client?: LspClient;
  /** Error lines the server logged (window/logMessage of type Error), in order. */
  readonly errors: string[] = [];
  private count = 0;

  /** The server, started if need be, with what it published for earlier runs forgotten (a run
   *  of thousands would otherwise keep every diagnostics message). */
  async ensure(): Promise<LspClient> {
    if (this.client?.isAlive) {
      this.client.diagnostics.length = 0;
      return this.client;
    }
    const client = new LspClient({
      ...languageServerCommand(),
      settings: { skillLens: { debounceMs: 5 } },
      requestTimeoutMs: 15_000,
      onNotification: (method, params) => {
        const p = params as { type?: number; message?: string };
        if (method === 'window/logMessage' && p.type === 1) this.errors.push(String(p.message));
      },
    });
    await client.initialize();
    this.client = client;
    return client;
  }

  /** A fresh number for each document, so that runs never share one. */
  next(): number {
    return ++this.count;
  }

  async close(): Promise<void> {
    await this.client?.shutdown();
  }
}

/** Fails when anything the server logged or wrote since `from` is an error. */
function assertQuiet(session: FuzzSession, from: number, client: LspClient): void {
  assert.ok(client.isAlive, `the server exited: ${client.stderr.slice(-2000)}`);
  assert.deepEqual(session.errors.slice(from), [], 'the server logged errors');
}

/** Every range inside the text (lines split at line feeds, as the server reads them). */
function assertInside(text: string, diagnostics: Diagnostic[]): void {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const inside = (p: Position) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  for (const d of diagnostics) {
    const { start, end } = d.range;
    assert.ok(inside(start) && inside(end), `range outside the document: ${JSON.stringify(d)}`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `range ends before it starts: ${JSON.stringify(d)}`);
  }
}

/** A request that must be answered, not failed; returns the result. */
async function answered<T>(what: string, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (e) {
    if (e instanceof LspResponseError) assert.fail(`${what} answered with an error: ${e.message}`);
    throw e;
  }
}

function probeRequest(client: LspClient, doc: TextDocument, probe: Probe, diagnostics: Diagnostic[]): Promise<unknown> {
  const uri = doc.uri;
  let position = doc.positionAt(Math.floor(probe.at * doc.getText().length));
  if (probe.pastEnd) position = { line: position.line + 3, character: position.character + 50 };
  const what = `${probe.method} at ${position.line}:${position.character} of version ${doc.version}`;
  switch (probe.method) {
    case 'hover':
      return answered(what, client.hover(uri, position));
    case 'completion':
      return answered(what, client.completion<CompletionList | null>(uri, position)).then((list) => {
        if (list) assert.ok(list.items.length <= 1000, `${what}: ${list.items.length} items`);
      });
    case 'definition':
      return answered(what, client.request('textDocument/definition', { textDocument: { uri }, position }));
    case 'documentSymbol':
      return answered(what, client.request('textDocument/documentSymbol', { textDocument: { uri } }));
    case 'codeAction':
      // The diagnostics the editor shows may be a version behind, as they are in an editor.
      return answered(what, client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics } }));
  }
}

/** Applies a step to the local copy of the document and sends it; returns the changes sent. */
function applyStep(client: LspClient, doc: TextDocument, s: Step): void {
  const version = doc.version + 1;
  if (s.whole) {
    const text = applyTextEdits(doc.getText(), s.edits);
    TextDocument.update(doc, [{ text }], version);
    client.didChange(doc.uri, version, [{ text }]);
    return;
  }
  const changes: { range: { start: Position; end: Position }; text: string }[] = [];
  for (const e of s.edits) {
    const text = doc.getText();
    const start = Math.floor(e.at * text.length);
    const end = Math.min(text.length, start + e.remove);
    const change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.insert };
    // Each change applies to the text the ones before it left (as LSP says).
    TextDocument.update(doc, [change], doc.version);
    changes.push(change);
  }
  TextDocument.update(doc, [], version);
  client.didChange(doc.uri, version, changes);
}

/** Edit sequences end with the diagnostics of a fresh open; nothing fails on the way. */
export function editsProperty(session: FuzzSession): fc.IAsyncProperty<[Advert, Step[]]> {
  const examples = exampleDocuments();
  return fc.asyncProperty(startingDocument(examples), fc.array(step, { minLength: 1, maxLength: 8 }), async (start, steps) => {
    const client = await session.ensure();
    const from = session.errors.length;
    const n = session.next();
    const uri = `file:///fuzz/edited/${n}/${start.name}`;
    const freshUri = `file:///fuzz/fresh/${n}/${start.name}`;
    const doc = TextDocument.create(uri, 'markdown', 1, start.text);
    client.didOpen(uri, 'markdown', start.text, 1);
    const pending: Promise<unknown>[] = [];
    try {
      for (const s of steps) {
        applyStep(client, doc, s);
        if (s.probe) {
          const shown = [...client.diagnostics].reverse().find((e) => e.uri === uri)?.diagnostics ?? [];
          pending.push(probeRequest(client, doc, s.probe, shown as Diagnostic[]));
        }
      }
      await Promise.all(pending);
      const edited = await client.waitForDiagnostics(uri, { version: doc.version });
      assert.equal(edited.version, doc.version);
      const text = doc.getText();
      client.didOpen(freshUri, 'markdown', text, 1);
      const fresh = await client.waitForDiagnostics(freshUri);
      assert.deepEqual(edited.diagnostics, fresh.diagnostics, 'the edited document and a fresh open of its text differ');
      assertInside(text, fresh.diagnostics as Diagnostic[]);
      assertQuiet(session, from, client);
    } finally {
      await Promise.allSettled(pending);
      client.didClose(uri);
      client.didClose(freshUri);
    }
  });
}

/** Where an edit is in a text, as offsets. */
function offsets(doc: TextDocument, edit: TextEdit): [number, number] {
  return [doc.offsetAt(edit.range.start), doc.offsetAt(edit.range.end)];
}

/** Every quick fix changes only its finding's range (or adds whole lines), and the finding goes. */
export function quickFixProperty(session: FuzzSession): fc.IAsyncProperty<[Advert, boolean]> {
  return fc.asyncProperty(advert, fc.boolean(), async (adv, crlf) => {
    const client = await session.ensure();
    const from = session.errors.length;
    const n = session.next();
    const text = crlf ? adv.text.replace(/\n/g, '\r\n') : adv.text;
    const uri = `file:///fuzz/fix/${n}/${adv.name}`;
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    client.didOpen(uri, 'markdown', text, 1);
    const opened: string[] = [uri];
    try {
      const before = (await client.waitForDiagnostics(uri)).diagnostics as Diagnostic[];
      assertInside(text, before);
      const errorsBefore = before.filter((d) => d.severity === 1).length;
      let fixed = 0;
      for (const d of before.filter((x) => x.data !== undefined).slice(0, 4)) {
        const actions = await answered('codeAction', client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }));
        // The finding's own fixes; silencing it is checked below, fixing all of a code elsewhere.
        const own = actions.filter((a) => !/^(Fix all|Disable|Ignore) /.test(a.title));
        for (const action of own.slice(0, 2)) {
          const edits = action.edit?.changes?.[uri] ?? [];
          assert.equal(edits.length, 1, `${action.title}: one edit`);
          const e = edits[0];
          const [start, end] = offsets(doc, e);
          if (d.code === 'missing-skill' || d.code === 'review-coverage') {
            // An insertion of whole lines: at a line's start, ending with a line break; or at the
            // end of a document without a final line break, starting with one.
            assert.equal(start, end, `${action.title}: an insertion`);
            const atLineStart = e.range.start.character === 0 && /\n$/.test(e.newText);
            const atEnd = start === text.length && /^\r?\n/.test(e.newText) && !/[\r\n]$/.test(text);
            assert.ok(atLineStart || atEnd, `${action.title}: ${JSON.stringify(e)} does not insert whole lines`);
            assert.ok(!e.newText.includes('\r') || crlf, `${action.title}: keeps the document's line breaks`);
          } else {
            assert.deepEqual(e.range, d.range, `${action.title}: edits only the range of "${d.message}"`);
            assert.ok(!/[\r\n]/.test(e.newText), `${action.title}: no line break in a replacement`);
          }
          const after = TextDocument.applyEdits(doc, [e]);
          assert.equal(after.slice(0, start), text.slice(0, start));
          assert.equal(after.slice(start + e.newText.length), text.slice(end));
          const fixedUri = `file:///fuzz/fixed/${n}-${++fixed}/${adv.name}`;
          opened.push(fixedUri);
          client.didOpen(fixedUri, 'markdown', after, 1);
          const now = (await client.waitForDiagnostics(fixedUri)).diagnostics as Diagnostic[];
          // The coverage fix adds every skill the review does not name: none is left to add.
          const still =
            d.code === 'review-coverage'
              ? now.filter((x) => x.code === d.code && x.data !== undefined)
              : d.code === 'missing-skill'
              ? now.filter((x) => x.code === d.code && x.message === d.message)
              : now.filter((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character);
          assert.deepEqual(still, [], `"${action.title}" leaves its finding: ${d.code} ${d.message}\n--- after ---\n${after}`);
          // An added line brings no error of its own. (A replaced name may bring out a finding on
          // its level that an unknown name left unsaid: that is no fault of the fix.)
          const errorsNow = now.filter((x) => x.severity === 1).length;
          if (d.code === 'missing-skill' || d.code === 'review-coverage') assert.ok(errorsNow <= errorsBefore, `"${action.title}" adds errors: ${JSON.stringify(now.filter((x) => x.severity === 1).map((x) => x.message))}\n--- after ---\n${after}`);
        }
        // "Disable CODE for this line" adds only a comment, and silences just that finding.
        const disable = actions.find((a) => a.title === `Disable ${d.code} for this line`);
        assert.ok(disable, `"Disable ${d.code} for this line" is offered`);
        const [e] = disable.edit!.changes![uri];
        const [start, end] = offsets(doc, e);
        assert.equal(start, end, `${disable.title}: an insertion`);
        assert.match(e.newText, /^(?: <!-- skill-lens-disable-line \S+ -->|[ \t]*# skill-lens-disable-next-line \S+\r?\n)$/);
        const after = TextDocument.applyEdits(doc, [e]);
        const silencedUri = `file:///fuzz/silenced/${n}-${++fixed}/${adv.name}`;
        opened.push(silencedUri);
        client.didOpen(silencedUri, 'markdown', after, 1);
        const now = (await client.waitForDiagnostics(silencedUri)).diagnostics as Diagnostic[];
        const shift = e.newText.endsWith('\n') ? 1 : 0;
        const still = now.filter((x) => x.code === d.code && x.range.start.line === d.range.start.line + shift && x.range.start.character === d.range.start.character);
        assert.deepEqual(still, [], `"${disable.title}" leaves its finding: ${d.message}\n--- after ---\n${after}`);
      }
      assertQuiet(session, from, client);
    } finally {
      for (const u of opened) client.didClose(u);
    }
  });
}

/**
 * `check --fix` on generated and mutated documents, on disk: the fixed file needs no second run,
 * every line it changed holds a finding it fixed (nothing else moves, line breaks and all), and a
 * file changed after it was read is left as it is.
 */
export function fixFilesProperty(dir: string): fc.IAsyncProperty<[Advert, Step[], boolean]> {
  const examples = exampleDocuments();
  const service = createLanguageService();
  let n = 0;
  return fc.asyncProperty(startingDocument(examples), fc.array(step, { maxLength: 3 }), fc.boolean(), async (start, steps, crlf) => {
    let text = start.text;
    for (const s of steps) text = applyTextEdits(text, s.edits);
    if (crlf) text = text.replace(/\r?\n/g, '\r\n');
    const path = join(dir, `${++n}-${start.name}`);
    const uri = pathToFileURL(path).toString();
    // The text as a file holds it (a lone surrogate is written as a replacement character).
    writeFileSync(path, text);
    text = readFileSync(path, 'utf8');
    const fixed = service.fixAllText(service.parseFresh(uri, text));
    if (!fixed) return;
    // Idempotent: the fixed text has nothing left to fix.
    assert.equal(service.fixAllText(service.parseFresh(uri, fixed.text)), undefined, `a second run fixes more:\n${fixed.text}`);
    // Only the lines of fixed findings change; the rest, line breaks included, stay byte for byte.
    const before = text.split('\n');
    const after = fixed.text.split('\n');
    assert.equal(after.length, before.length, 'the fix changed the number of lines');
    const fixedLines = new Set(fixed.fixed.map((d) => d.range.start.line));
    before.forEach((line, i) => {
      if (line !== after[i]) assert.ok(fixedLines.has(i), `line ${i + 1} changed without a finding fixed on it: ${JSON.stringify(line)} -> ${JSON.stringify(after[i])}`);
      assert.equal(after[i].endsWith('\r'), line.endsWith('\r'), `line ${i + 1} lost or gained its CR`);
    });
    // A change made after the file was read (an editor saving) is kept, and the fix not written.
    const changed = `${text}\nAdded while fixing.\n`;
    writeFileSync(path, changed);
    assert.match((await writeIfUnchanged(path, text, fixed.text)) ?? '', /changed while it was being fixed/);
    assert.equal(readFileSync(path, 'utf8'), changed);
    // Unchanged since it was read: written whole.
    writeFileSync(path, text);
    assert.equal(await writeIfUnchanged(path, text, fixed.text), undefined);
    assert.equal(readFileSync(path, 'utf8'), fixed.text);
    service.forget(uri);
    rmSync(path);
  });
}

/** A framework file loads or gives problems; never throws; what loads works with every feature. */
export function frameworkFileProperty(): fc.IProperty<[string]> {
  return fc.property(frameworkFile, (text) => {
    const { framework, problems } = parseFrameworkFile(text);
    if (!framework) {
      assert.ok(problems.length > 0, 'no framework and no problem');
      for (const p of problems) assert.ok(typeof p.message === 'string' && p.message.length > 0 && !p.message.includes('undefined'), `unclear problem: ${p.message}`);
      return;
    }
    assert.deepEqual(problems, []);
    // Put in use as the project puts a framework file's in use (Project.useFrameworkText).
    new FrameworkRegistry().setFramework('file:///fuzz/f.skills.yaml', framework, text);
    frameworkSummary(framework);
    const lines: string[] = ['# Review', ''];
    for (const skill of framework.skills) {
      skillMarkdown(framework, skill);
      framework.lookupSkill(skillFullName(skill));
      framework.suggestSkills(skill.name);
      for (const level of framework.levels) {
        framework.skillLevel(skill, level);
        lines.push(`- **${skillFullName(skill)}** (${level.id})`);
      }
      lines.push(`- **${skillFullName(skill)}** (constructor)`, `- **${skillFullName(skill)}**`);
    }
    const docText = `${lines.join('\n')}\n`;
    const doc = parseDocument(docText, { uri: 'file:///fuzz/reviews/r.md', version: 1, framework });
    const diagnostics = diagnose(doc, framework);
    codeActions(doc, diagnostics);
    documentSymbols(doc, framework);
    for (let line = 0; line < doc.lines.lineCount; line++) {
      const length = doc.lines.line(line).length;
      for (const character of [0, 5, length - 3, length]) {
        hover(doc, framework, { line, character: Math.max(0, character) });
        completions(doc, framework, { line, character: Math.max(0, character) });
      }
    }
  });
}

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Called with one line per property when it passes. */
  log?: (line: string) => void;
}

/** Runs every property; throws with the seed (to replay) when one fails. */
export async function runProperties(options: FuzzOptions): Promise<void> {
  const { runs, seed } = options;
  const log = options.log ?? (() => undefined);
  const session = new FuzzSession();
  const parameters = { numRuns: runs, seed, endOnFailure: false };
  const fixDir = mkdtempSync(join(tmpdir(), 'skill-lens-fuzz-fix-'));
  const checks: [string, () => Promise<void> | void][] = [
    ['framework files', () => fc.assert(frameworkFileProperty(), parameters)],
    ['edits over the language server', () => fc.assert(editsProperty(session), parameters)],
    ['quick fixes over the language server', () => fc.assert(quickFixProperty(session), parameters)],
    ['check --fix on files', () => fc.assert(fixFilesProperty(fixDir), parameters)],
  ];
  try {
    for (const [name, check] of checks) {
      const started = performance.now();
      try {
        await check();
      } catch (e) {
        const cause = e instanceof Error && e.cause instanceof Error ? `\n${e.cause.message}` : '';
        const message = `${e instanceof Error ? e.message : String(e)}${cause}`;
        throw new Error(`Property "${name}" failed (seed ${seed}; replay with: npm run fuzz -- --runs ${runs} --seed ${seed})\n${message}`);
      }
      log(`${name}: ${runs} runs passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await session.close();
    rmSync(fixDir, { recursive: true, force: true });
  }
}
