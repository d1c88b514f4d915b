// The corpus of test/corpus: its labels are well formed and agree with the documents and with
// data/ddat.json, and the matcher the measuring script uses pairs findings with labels.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEVERITY } from '../../server/src/features/diagnostics';
import { CORPUS_DIR, DOCUMENTS_DIR, readLabels } from '../corpus/labels';
import { Finding, Label, matches, matchFindings, splitLines } from '../corpus/match';

const KNOWN_CODES = new Set([...Object.keys(DEFAULT_SEVERITY), 'ambiguous-skill']);

interface RoleLevel {
  name: string;
  skills: { skill: string; level: string }[];
}

const ddat = JSON.parse(readFileSync(join(CORPUS_DIR, '..', '..', 'data', 'ddat.json'), 'utf8')) as { roles: { levels: RoleLevel[] }[] };

function roleLevel(name: string): RoleLevel | undefined {
  const wanted = name.trim().toLowerCase();
  for (const role of ddat.roles) {
    const found = role.levels.find((l) => l.name.toLowerCase() === wanted);
    if (found) return found;
  }
  return undefined;
}

describe('corpus labels', () => {
  const docs = readLabels();

  it('has at least 36 documents, each labelled once', () => {
    assert.ok(docs.length >= 36, `${docs.length} documents`);
    const files = docs.map((d) => d.file);
    assert.deepEqual(files.filter((f, i) => files.indexOf(f) !== i), []);
  });

  it('labels files that exist, named so that no default kind glob matches them', () => {
    for (const d of docs) {
      assert.ok(existsSync(join(DOCUMENTS_DIR, d.file)), `${d.file} does not exist`);
      assert.doesNotMatch(d.file, /advert|job|pathway|review/i, d.file);
    }
  });

  it('gives each label a known code', () => {
    for (const d of docs) for (const p of d.problems) assert.ok(KNOWN_CODES.has(p.code), `${d.file}:${p.line} unknown code ${p.code}`);
  });

  it("finds each label's text on its line", () => {
    for (const d of docs) {
      const lines = splitLines(readFileSync(join(DOCUMENTS_DIR, d.file), 'utf8'));
      for (const p of d.problems) {
        assert.ok(p.line <= lines.length, `${d.file}:${p.line} is past the end`);
        if (p.text !== undefined) assert.ok(lines[p.line - 1].includes(p.text), `${d.file}:${p.line} does not hold "${p.text}"`);
      }
    }
  });

  it('labels missing skills that the role level needs', () => {
    for (const d of docs) {
      for (const p of d.problems.filter((x) => x.code === 'missing-skill')) {
        assert.ok(d.role, `${d.file}:${p.line} missing-skill without a role`);
        assert.ok(p.skill, `${d.file}:${p.line} missing-skill without a skill`);
        const level = roleLevel(d.role);
        assert.ok(level, `${d.file}: "${d.role}" is not a DDaT role level`);
        assert.ok(
          level.skills.some((s) => s.skill === p.skill),
          `${d.file}:${p.line} ${level.name} does not need ${p.skill}`,
        );
      }
    }
  });

  it('has no problems on quiet documents', () => {
    for (const d of docs.filter((x) => x.quiet)) assert.deepEqual(d.problems, [], d.file);
  });
});

describe('corpus matcher', () => {
  const lines = splitLines('# Senior data engineer\n\n- **Data modeling** (practitioner)\n- Testing (working)\n');
  const finding = (line: number, start: number, end: number, code: string, message = '', severity = 1): Finding => ({
    range: { start: { line, character: start }, end: { line, character: end } },
    severity,
    code,
    message,
  });
  const unknown: Label = { line: 3, code: 'unknown-skill', text: 'Data modeling' };

  it('matches a finding of the same code on the same line over the text', () => {
    assert.ok(matches(unknown, finding(2, 4, 17, 'unknown-skill'), lines));
  });

  it('does not match a finding on another line, of another code or beside the text', () => {
    assert.ok(!matches(unknown, finding(3, 2, 9, 'unknown-skill'), lines));
    assert.ok(!matches(unknown, finding(2, 4, 17, 'unknown-level'), lines));
    assert.ok(!matches(unknown, finding(2, 20, 32, 'unknown-skill'), lines));
  });

  it('matches missing-skill by the skill its message names, not a qualified variant', () => {
    const label: Label = { line: 1, code: 'missing-skill', text: 'Senior data engineer', skill: 'Testing' };
    assert.ok(matches(label, finding(0, 2, 22, 'missing-skill', 'Senior data engineer requires Testing at working.'), lines));
    assert.ok(!matches(label, finding(0, 2, 22, 'missing-skill', 'Senior data engineer requires Testing (business analysis) at working.'), lines));
    assert.ok(!matches(label, finding(0, 2, 22, 'missing-skill', 'Senior data engineer requires Data innovation at working.'), lines));
  });

  it('does not match a finding louder than the label allows', () => {
    const label: Label = { line: 3, code: 'unknown-skill', text: 'Data modeling', severity: 'information' };
    assert.ok(!matches(label, finding(2, 4, 17, 'unknown-skill', '', 1), lines));
    assert.ok(matches(label, finding(2, 4, 17, 'unknown-skill', '', 3), lines));
  });

  it('pairs each finding with at most one label', () => {
    const labels: Label[] = [unknown, { ...unknown }];
    const result = matchFindings(labels, [finding(2, 4, 17, 'unknown-skill'), finding(3, 2, 9, 'level-mismatch')], lines);
    assert.deepEqual(result.labelToFinding, [0, -1]);
    assert.deepEqual(result.unmatched, [1]);
  });
});
