import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type { ParsedDocument, SkillMention } from '../../server/src/documents/model';
import { LineIndex } from '../../server/src/documents/lineIndex';
import { scanMarkdownBody } from '../../server/src/documents/markdownMentions';
import { parseDocument } from '../../server/src/documents/parse';
import { diagnose } from '../../server/src/features/diagnostics';
import { embeddedFrameworks } from '../../server/src/framework/loader';
import { extractFrontMatter, generateAdvert, generatePathway, seededRandom } from '../bench/generate';

const ddat = embeddedFrameworks()[0];
const uri = 'file:///adverts/senior.md';
const parse = (text: string, version: number, previous?: ParsedDocument, at = uri) => parseDocument(text, { uri: at, version, framework: ddat, previous });

/** Mentions as a reader sees them; group ids by order of first use (their values are opaque). */
function seen(mentions: SkillMention[]): string[] {
  const groups = new Map<string, number>();
  const group = (g?: string) => (g === undefined ? '-' : (groups.get(g) ?? groups.set(g, groups.size).get(g)!));
  const at = (r: { start: { line: number; character: number }; end: { character: number } }) => `${r.start.line}:${r.start.character}-${r.end.character}`;
  return mentions.map((m) => `${m.form} ${group(m.group)} ${m.certain} ${m.name.text}@${at(m.name.range)} ${m.level ? `${m.level.text}@${at(m.level.range)}` : ''}`);
}

// What people type: characters, new lines, headings, fences, table rows, whole lines deleted.
const TYPED = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '\n## New section\n\n',
  '```\n',
  '| Skill | Level |\n| --- | --- |\n| Testing | working |\n',
  'Level: expert',
  '- **Testing** (working)\n',
  'Information security\n\nLevel: working\n',
  '#',
  // A skills section, lead-ins in it, a skill heading and its level sub-heading.
  '\n## Essential skills\n\n',
  '- **Data modelling**. Experience of data models.\n',
  '- Problem managment: you can investigate\n',
  '\n### Testing\n\n#### Working\n\n',
  '\n### User focus (Expert level)\n\n',
];

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

/** A pathway model as a reader sees it: every text with its place, and the problems. */
function pathwaySeen(doc: ParsedDocument): string[] {
  const at = (l: { text: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
    `${l.text}@${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`;
  const out = [`kind ${doc.kind}`, ...[...doc.fields.values()].map((f) => `field ${f.key}=${f.value}`), ...doc.problems.map((p) => `problem ${p.code} ${p.message} ${p.range.start.line}:${p.range.start.character}`)];
  for (const g of doc.pathway?.gradeLevels ?? []) out.push(`grade ${at(g.grade)} ${at(g.level)}`);
  for (const t of doc.pathway?.topics ?? []) {
    out.push(`topic ${at(t.name)} ${t.description ? at(t.description) : ''}`);
    for (const l of t.levels) out.push(`  level ${at(l.level)} ${l.grade ? at(l.grade) : ''} ${l.description ? at(l.description) : ''} ${l.indicators.map(at).join(' | ')}`);
    for (const g of t.gradeLevels) out.push(`  grade ${at(g.grade)} ${at(g.level)}`);
  }
  return out;
}

/**
 * An edit to a pathway as people make them: mostly within texts, sometimes lines or topics,
 * now and then a slip or an odd shape that the next edit undoes (`undo`).
 */
function editPathway(text: string, rnd: () => number): { text: string; undo: boolean } {
  const lines = text.split('\n');
  const pick = (re: RegExp) => {
    const found = lines.map((l, i) => (re.test(l) ? i : -1)).filter((i) => i >= 0);
    return found.length ? found[Math.floor(rnd() * found.length)] : -1;
  };
  const r = rnd();
  if (r < 0.45) {
    // Type into a description or an indicator.
    const n = pick(/(description: |^\s+- )\S/);
    if (n < 0) return { text, undo: false };
    const at = Math.max(lines[n].indexOf(': ') + 2, lines[n].indexOf('- ') + 2) + Math.floor(rnd() * 10);
    lines[n] = lines[n].slice(0, at) + (rnd() < 0.5 ? 'x' : ' word') + lines[n].slice(at);
  } else if (r < 0.6) {
    const n = pick(/^\s+- (?!name)/);
    if (n >= 0) lines.splice(n + 1, 0, lines[n].replace(/- .*/, '- a new indicator'));
  } else if (r < 0.7) {
    const n = pick(/^\s+- (?!name)/);
    if (n >= 0) lines.splice(n, 1);
  } else if (r < 0.8) {
    const n = pick(/^  - name: /);
    if (n >= 0) lines.splice(n, 0, '  - name: "Testing"', '    description: A new topic.', '    pathway:', '      working:', '        indicators:', '          - writes tests');
  } else if (r < 0.87) {
    const n = pick(/^  - name: /);
    if (n >= 0) lines[n] = lines[n].replace('name: ', rnd() < 0.5 ? 'name: Informaton ' : 'nam: ');
  } else if (r < 0.9) {
    // An empty topic, or a key after the topics: both still YAML.
    const n = pick(/^  - name: /);
    if (n >= 0) lines.splice(n, 0, rnd() < 0.5 ? '  -' : 'notes: to do');
    return { text: lines.join('\n'), undo: true };
  } else if (r < 0.94) {
    // A slip that breaks the YAML: a stray quote or colon.
    const n = Math.floor(rnd() * lines.length);
    lines[n] = lines[n] + (rnd() < 0.5 ? ' "' : ': x: y');
    return { text: lines.join('\n'), undo: true };
  } else {
    lines.splice(Math.floor(rnd() * lines.length), 0, '');
  }
  return { text: lines.join('\n'), undo: false };
}

/**
 * An edit to a YAML file of any shape, line by line: typing into a value, a line copied or
 * removed, an item copied, a level changed, now and then a slip that the next edit undoes.
 */
function editYamlLines(text: string, rnd: () => number): { text: string; undo: boolean } {
  const lines = text.split('\n');
  const n = Math.floor(rnd() * lines.length);
  const r = rnd();
  if (r < 0.35) {
    const m = /^(\s*(?:- )?[\w"' ]*:\s|\s*- )/.exec(lines[n]);
    const at = (m ? m[0].length : 0) + Math.floor(rnd() * 8);
    lines[n] = lines[n].slice(0, at) + (rnd() < 0.5 ? 'x' : ' word') + lines[n].slice(at);
  } else if (r < 0.5) {
    lines.splice(n, 0, lines[n]);
  } else if (r < 0.6) {
    lines.splice(n, 1);
  } else if (r < 0.72) {
    // Copy an item with the lines under it.
    const starts = lines.map((l, i) => (/^\s*- (name|skill):/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (starts.length) {
      const s = starts[Math.floor(rnd() * starts.length)];
      const indent = lines[s].search(/\S/);
      let e = s + 1;
      while (e < lines.length && (lines[e].trim() === '' || lines[e].search(/\S/) > indent)) e++;
      lines.splice(s, 0, ...lines.slice(s, e));
    }
  } else if (r < 0.84) {
    const levels = lines.map((l, i) => (/(level|name): ?\S|\b(working|expert|awareness|practitioner)\b/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (levels.length) {
      const k = levels[Math.floor(rnd() * levels.length)];
      lines[k] = lines[k].replace(/\b([0-9]|working|expert|awareness|practitioner)\b/, ['5', '2', 'expert', 'working', 'Awareness'][Math.floor(rnd() * 5)]);
    }
  } else if (r < 0.92) {
    lines[n] = lines[n] + (rnd() < 0.5 ? ' "' : ': x: y');
    return { text: lines.join('\n'), undo: true };
  } else {
    lines.splice(n, 0, '');
  }
  return { text: lines.join('\n'), undo: false };
}

describe('incremental parsing', () => {
  it('reads the other pathway shapes again as a fresh parse would, after any edit', function () {
    this.timeout(20_000);
    const rnd = seededRandom(31);
    const files = ['content-levels.yaml', 'content-levels-flow.yml', 'skills-list.yaml', 'skills-root-list.yml', 'topic-grade-maps.yaml'];
    let kept = 0;
    let broken = 0;
    for (const file of files) {
      const uri = `file:///work/${file}`;
      const read = (text: string, version: number, previous?: ParsedDocument, at = uri) => parseDocument(text, { uri: at, version, framework: ddat, previous });
      // Several times over, so that most edits leave most items as they were.
      const original = readFileSync(`test/unit/fixtures/pathways/${file}`, 'utf8');
      const items = original.slice(original.search(/^\s*- (name|skill):/m));
      let text = original.endsWith('\n') && !file.includes('flow') ? original + items + items : original;
      let doc = read(text, 1);
      for (let v = 2; v < 150; v++) {
        const valid = text;
        const edited = editYamlLines(text, rnd);
        text = edited.text;
        const before = doc;
        doc = read(text, v, doc);
        const fresh = read(text, v);
        assert.deepEqual(pathwaySeen(doc), pathwaySeen(fresh), `${file} version ${v}:\n${text}`);
        assert.deepEqual(seen(doc.mentions), seen(fresh.mentions), `mentions of ${file} version ${v}`);
        assert.deepEqual(findings(doc), findings(fresh), `findings of ${file} version ${v}`);
        if (doc.pathway?.topics[0] && doc.pathway.topics[0] === before.pathway?.topics[0]) kept++;
        if (fresh.problems.some((p) => p.code === 'yaml-syntax')) broken++;
        // A slip, or an edit that leaves no pathway, is undone at the next keystroke.
        if (edited.undo || fresh.kind !== 'pathway' || fresh.problems.some((p) => p.code === 'yaml-syntax')) text = valid;
      }
    }
    // Unchanged items are reused (the comparisons above are of the incremental path), and some
    // versions have a syntax error.
    assert.ok(kept > 250 && broken > 50, `the first item was kept in ${kept} versions; ${broken} broke the YAML`);
  });

  it('reads a body after a closing --- with text glued on as a fresh parse would', () => {
    const rnd = seededRandom(5);
    const closings = ['---', '---## About the job', '--- ## About the job', '---   **Information security** (working)', '---- ', '---IT infrastructure: expert'];
    let text = '---\nkind: job-advert\nrole: Senior infrastructure engineer\n---## About the job\n\n- **Testing** (working)\n\n## Skills\n\n- **Informaton security** (expert)\n';
    let doc = parse(text, 1);
    for (let v = 2; v < 120; v++) {
      const lines = text.split('\n');
      if (rnd() < 0.4) lines[3] = closings[Math.floor(rnd() * closings.length)];
      text = rnd() < 0.5 ? lines.join('\n') : edit(lines.join('\n'), rnd);
      doc = parse(text, v, doc);
      const fresh = parse(text, v);
      assert.deepEqual(seen(doc.mentions), seen(fresh.mentions), `version ${v}:\n${text}`);
      assert.deepEqual(findings(doc), findings(fresh), `findings of version ${v}`);
    }
  });

  it('reads a pathway again as a fresh parse would, after any edit', function () {
    this.timeout(20_000);
    const rnd = seededRandom(23);
    const yaml = extractFrontMatter(generatePathway({ topics: 12, targetBytes: 30_000, seed: 6 }).text)!.yaml;
    const uri = 'file:///pathways/cloud.yaml';
    const read = (text: string, version: number, previous?: ParsedDocument, at = uri) => parseDocument(text, { uri: at, version, framework: ddat, previous });
    let text = yaml;
    let doc = read(text, 1);
    let kept = 0;
    let broken = 0;
    for (let v = 2; v < 400; v++) {
      const valid = text;
      const edited = editPathway(text, rnd);
      text = edited.text;
      const before = doc;
      doc = read(text, v, doc);
      // Under another name, so that the edited document's findings are kept from its last version.
      const fresh = read(text, v, undefined, 'file:///pathways/cloud-fresh.yaml');
      assert.deepEqual(pathwaySeen(doc), pathwaySeen(fresh), `version ${v}`);
      assert.deepEqual(seen(doc.mentions), seen(fresh.mentions), `mentions of version ${v}`);
      assert.deepEqual(findings(doc), findings(fresh), `findings of version ${v}`);
      if (doc.pathway && before.pathway && doc.pathway.topics[0] && doc.pathway.topics[0] === before.pathway.topics[0]) kept++;
      if (doc.problems.some((p) => p.code === 'yaml-syntax')) broken++;
      // A slip is undone at the next keystroke, as a writer would.
      if (edited.undo) text = valid;
    }
    // Most edits keep most topics: the comparisons above are of the incremental path.
    assert.ok(kept > 200 && broken > 10, `the first topic was kept in ${kept} versions; ${broken} broke the YAML`);
  });

  it('splits a body only where a one-pass scan would find the same', function () {
    this.timeout(10_000);
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
        // Another name for the fresh parse: the findings kept of the edited document's last
        // version are the ones to check, and each checked document keeps its own.
        const freshDoc = parse(text, v, undefined, 'file:///adverts/senior-fresh.md');
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

  it('keeps the findings of untouched mentions for the next version, past a check that keeps nothing', () => {
    // A section each: an edit re-reads only its own section.
    const parts = Array.from({ length: 50 }, (_, i) => `## Part ${i + 1}\n\n- **IT infrastructure** (expert)\n- **Testng** (working)\n\n`);
    const text = `---\nkind: job-advert\nrole: Senior infrastructure engineer\n---\n\n${parts.join('')}`;
    // The findings of the mentions (a misspelt name each), not those of the whole document.
    const typos = (doc: ParsedDocument, options?: { keep: boolean }) => diagnose(doc, ddat, options).filter((d) => d.code === 'unknown-skill');
    const first = parse(text, 1);
    const before = typos(first);
    assert.equal(before.length, 50);
    // A timing run's fresh parse of the same document, checked without keeping anything.
    typos(parse(text, 1), { keep: false });
    const next = typos(parse(`${text}x`, 2, first));
    // The same finding objects: nothing before the edit was checked again.
    assert.ok(before.slice(0, -1).every((d, i) => next[i] === d), 'kept');
    // Checked again with keep (the default), the fresh parse takes their place.
    typos(parse(text, 1));
    const after = typos(parse(`${text}y`, 2, first));
    assert.ok(after[0] !== before[0], 'the last check is the one kept');
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
