import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type { ParsedDocument, SkillMention } from '../../server/src/documents/model';
import { LineIndex } from '../../server/src/documents/lineIndex';
import { scanMarkdownBody } from '../../server/src/documents/markdownMentions';
import { parseDocument } from '../../server/src/documents/parse';
import { diagnose } from '../../server/src/features/diagnostics';
import { embeddedFrameworks } from '../../server/src/framework/loader';
import { generateAdvert, seededRandom } from '../bench/generate';

const ddat = embeddedFrameworks()[0];
const uri = 'file:///adverts/senior.md';
const parse = (text: string, version: number, previous?: ParsedDocument) => parseDocument(text, { uri, version, framework: ddat, previous });

/** Mentions as a reader sees them; group ids by order of first use (their values are opaque). */
function seen(mentions: SkillMention[]): string[] {
  const groups = new Map<string, number>();
  const group = (g?: string) => (g === undefined ? '-' : (groups.get(g) ?? groups.set(g, groups.size).get(g)!));
  const at = (r: { start: { line: number; character: number }; end: { character: number } }) => `${r.start.line}:${r.start.character}-${r.end.character}`;
  return mentions.map((m) => `${m.form} ${group(m.group)} ${m.certain} ${m.name.text}@${at(m.name.range)} ${m.level ? `${m.level.text}@${at(m.level.range)}` : ''}`);
}

// What people type: characters, new lines, headings, fences, table rows, whole lines deleted.
const TYPED = ['x', ' ', '\n', '\n\n', '\n## New section\n\n', '```\n', '| Skill | Level |\n| --- | --- |\n| Testing | working |\n', 'Level: expert', '- **Testing** (working)\n', 'Information security\n\nLevel: working\n', '#'];

function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * text.length);
  if (rnd() < 0.3) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const lineEnd = text.indexOf('\n', at);
    return text.slice(0, lineStart) + text.slice(lineEnd < 0 ? text.length : lineEnd + 1);
  }
  return text.slice(0, at) + TYPED[Math.floor(rnd() * TYPED.length)] + text.slice(at);
}

/** The body (after any front matter) scanned in one pass, without chunks. */
function onePass(text: string): SkillMention[] {
  const lines = new LineIndex(text);
  let start = 0;
  if (/^---\s*$/.test(lines.line(0))) {
    for (let n = 1; n < lines.lineCount; n++) {
      if (/^(---|\.\.\.)\s*$/.test(lines.line(n))) {
        start = n + 1;
        break;
      }
    }
  }
  return scanMarkdownBody(lines, start, ddat);
}

/** The findings a user sees: code, place, message. */
function findings(doc: ParsedDocument, severity?: Record<string, 'off' | 'error'>): string[] {
  return diagnose(doc, ddat, { severity }).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.message}`);
}

describe('incremental parsing', () => {
  it('splits a body only where a one-pass scan would find the same', () => {
    // A heading right under a table row is read as one more row (it has a |); after a blank
    // line it opens a new section. Fences hide headings; a gov.uk skill heading opens none.
    const texts = [
      '| Skill | Level |\n| --- | --- |\n| Testing | working |\n## Systems design | expert\n\n## Next\n\n- **Testing** (working)\n',
      '# A\n\n```\n\n## Not a heading\n\n- **Testing** (working)\n```\n\n## B\n\n- **Testing** (working)\n- **Testing** (expert)\n',
      '# Skills\n\n- **Testing** (working)\n\n## Testing\n\nLevel: expert\n\n- **Testing** (expert)\n',
    ];
    for (const text of texts) assert.deepEqual(seen(parse(text, 1).mentions), seen(onePass(text)), text);
    // What a chunk finds must not depend on lines after it: editing that heading-row changes it.
    const edited = texts[0].replace('| expert', '| working');
    assert.deepEqual(seen(parse(edited, 2, parse(texts[0], 1)).mentions), seen(onePass(edited)));
  });

  it('finds in a new version what a fresh parse finds, after any edit', function () {
    this.timeout(20_000);
    const rnd = seededRandom(17);
    const samples = [generateAdvert({ targetBytes: 30_000, seed: 4, typoRate: 0.05 }).text, readFileSync('../shared/seeds/000_b2b494ddee045005.txt', 'utf8')];
    let checked = 0;
    for (const sample of samples) {
      let text = sample;
      let doc = parse(text, 1);
      for (let v = 2; v < 200; v++) {
        text = edit(text, rnd);
        doc = parse(text, v, doc);
        const freshDoc = parse(text, v);
        const fresh = seen(freshDoc.mentions);
        assert.deepEqual(seen(doc.mentions), fresh, `version ${v}`);
        const body = freshDoc.mentions.filter((m) => m.form !== 'pathway-topic' && m.form !== 'yaml-skills');
        assert.deepEqual(seen(body), seen(onePass(text)), `version ${v} in one pass`);
        assert.deepEqual(findings(doc), findings(freshDoc), `findings of version ${v}`);
        checked++;
      }
    }
    assert.equal(checked, 2 * 198);
  });

  it('keeps the mentions of the sections an edit did not touch', () => {
    const text = generateAdvert({ targetBytes: 60_000, seed: 8 }).text;
    const first = parse(text, 1);
    // Type a character into the last line, then add a line before it.
    const typed = parse(`${text}x`, 2, first);
    const n = first.mentions.length;
    assert.equal(typed.mentions.length, n);
    assert.ok(typed.mentions.slice(0, n - 10).every((m, i) => m === first.mentions[i]), 'same objects before the edit');
    const grown = parse(`${text.slice(0, text.lastIndexOf('\n## '))}\n${text.slice(text.lastIndexOf('\n## '))}`, 3, typed);
    const moved = grown.mentions[grown.mentions.length - 1];
    assert.equal(moved.name.range.start.line, first.mentions[n - 1].name.range.start.line + 1);
    assert.equal(grown.mentions[0], first.mentions[0]);
  });

  it('re-checks a kept mention when the role or the severities change', () => {
    const advert = (role: string) => `---\nkind: job-advert\nrole: ${role}\n---\n\n- **IT infrastructure** (expert)\n`;
    const senior = parse(advert('Senior infrastructure engineer'), 1);
    assert.ok(findings(senior).some((f) => f.startsWith('level-mismatch')));
    assert.ok(!findings(senior, { 'level-mismatch': 'off' }).some((f) => f.startsWith('level-mismatch')));
    assert.ok(findings(senior, { 'level-mismatch': 'error' }).some((f) => f.startsWith('level-mismatch 5:25 1 ')));
    // The same body under another role: its mentions are kept, their findings are not.
    const lead = parse(advert('Principal infrastructure engineer'), 2, senior);
    assert.equal(lead.mentions[0], senior.mentions[0]);
    assert.deepEqual(findings(lead), findings(parse(advert('Principal infrastructure engineer'), 2)));
  });
});
