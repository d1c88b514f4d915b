// A performance review over LSP on stdio, as an editor sees it: the review findings with exact
// ranges and severities, no missing-skill or level-mismatch, and the coverage fix's edit.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { killAllServers, LspClient, languageServerCommand } from './lspClient';

after(() => killAllServers());

const review = `---
kind: review
role: Associate infrastructure engineer
---

# Mid-year review

| Competency | Rating | Comments |
|---|---|---|
| IT infrastructure | Working | Built the monitoring hosts. |
| Systems design | awareness | |
`;

describe('a review over stdio', function () {
  this.timeout(30_000);
  const uri = 'file:///work/reviews/sam.md';
  let client: LspClient;
  before(async () => {
    client = new LspClient({ ...languageServerCommand(), settings: { skillLens: { debounceMs: 50 } }, requestTimeoutMs: 10_000 });
    await client.initialize({ rootUri: null });
    client.didOpen(uri, 'markdown', review, 1);
  });
  after(async () => {
    await client.shutdown();
  });

  it('publishes the review findings, not missing-skill or level-mismatch, and the coverage fix adds the rows', async () => {
    const event = await client.waitForDiagnostics(uri);
    const seen = event.diagnostics.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
    assert.deepEqual(seen, [
      'review-coverage 3 2:6-2:39 2 of 9 skills assessed; 1 without evidence. Not yet assessed: Information security, Modern development standards, Ownership and initiative, Problem management, Systems integration, Technical understanding, Troubleshooting and problem resolution.',
      'above-expected 3 9:22-9:29 IT infrastructure is assessed at working, above the awareness Associate infrastructure engineer expects: evidence toward Infrastructure engineer, which needs working.',
      'no-evidence 4 10:19-10:28 Systems design is assessed at awareness with no evidence. Add what was done that shows it: the work, its result, who it helped.',
    ]);
    const coverage = event.diagnostics.filter((d) => d.code === 'review-coverage');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: coverage[0].range, context: { diagnostics: coverage } });
    assert.deepEqual(actions.map((a) => a.title), ['Add rows for the 7 skills not yet in the review', 'Disable review-coverage for this line']);
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, review), actions[0].edit!.changes![uri]);
    assert.equal(
      after,
      review.replace(
        '| Systems design | awareness | |\n',
        '| Systems design | awareness | |\n| Information security | | |\n| Modern development standards | | |\n| Ownership and initiative | | |\n| Problem management | | |\n| Systems integration | | |\n| Technical understanding | | |\n| Troubleshooting and problem resolution | | |\n',
      ),
    );
  });

  it('answers the review requests: role levels, a new review, and the skill profile with its chart', async () => {
    const targets = await client.request<{ name: string; detail: string }[]>('skillLens/reviewTargets', {});
    assert.equal(targets.length, 201);
    assert.deepEqual(targets.find((t) => t.name === 'Infrastructure engineer'), { name: 'Infrastructure engineer', detail: 'Infrastructure engineer \u00b7 12 skills' });
    const created = await client.request<{ text: string } | null>('skillLens/newReview', { roleLevel: 'Associate infrastructure engineer', form: 'headings' });
    assert.match(created!.text, /^---\nkind: review\nframework: ddat\nrole: Associate infrastructure engineer\n---\n[\s\S]*\n## IT infrastructure\n\nExpected level: awareness\nAssessed: \n/);
    assert.equal(await client.request('skillLens/newReview', { roleLevel: 'Chief wizard', form: 'table' }), null);
    const result = await client.request<{ profile: { roleLevel: string; nextRoleLevel: string; skills: { skill: string; assessed: string | null }[] }; svg: string; markdown: string; documentKind: string }>('skillLens/skillProfile', { uri });
    // What the document is, for the view to follow only reviews and adverts.
    assert.equal(result.documentKind, 'review');
    assert.equal(result.profile.roleLevel, 'Associate infrastructure engineer');
    assert.equal(result.profile.nextRoleLevel, 'Infrastructure engineer');
    assert.deepEqual(result.profile.skills.filter((s) => s.assessed).map((s) => `${s.skill}=${s.assessed}`), ['IT infrastructure=working', 'Systems design=awareness']);
    assert.deepEqual([...result.svg.matchAll(/<rect class="bar" data-skill="([^"]+)" data-level="([^"]+)"/g)].map((m) => `${m[1]}=${m[2]}`), ['IT infrastructure=working', 'Systems design=awareness']);
    assert.ok(result.markdown.startsWith('| Skill | Expected (Associate infrastructure engineer) | Assessed | Next (Infrastructure engineer) | Gap |\n| --- | --- | --- | --- | --- |\n| IT infrastructure | awareness | working | working | +1 |\n'), result.markdown);
    assert.equal(await client.request('skillLens/skillProfile', { uri: 'file:///nowhere.md' }), null);
    const notes = 'file:///work/notes/standup.md';
    client.didOpen(notes, 'markdown', '# Stand-up\n\n- Shipped the refunds API\n', 1);
    await client.waitForDiagnostics(notes);
    assert.equal((await client.request<{ documentKind: string }>('skillLens/skillProfile', { uri: notes })).documentKind, 'unknown');
    client.didClose(notes);
  });
});
