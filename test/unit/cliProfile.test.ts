// `skill-lens profile`: a review's levels against its role level and the next, as a CI job
// collects them, and the usage errors and exit codes of the CLI contract.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const cli = resolve(process.cwd(), 'dist', 'cli.js');
const example = resolve(process.cwd(), 'examples', 'reviews', 'mid-year-review.md');

function run(args: string[], cwd = process.cwd()) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
}

describe('skill-lens profile (CLI)', function () {
  // Each test starts the CLI as a process: seconds on a busy machine.
  this.timeout(60_000);

  it('gives each skill of the example review against its role level and the next, as JSON', () => {
    const out = run(['profile', '--format', 'json', example]);
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stderr, '');
    const profile = JSON.parse(out.stdout);
    assert.equal(profile.roleLevel, 'Infrastructure engineer');
    assert.equal(profile.nextRoleLevel, 'Senior infrastructure engineer');
    assert.equal(profile.skills.length, 12);
    const bySkill = Object.fromEntries(profile.skills.map((s: { skill: string }) => [s.skill, s]));
    assert.deepEqual(bySkill['IT infrastructure'], { skill: 'IT infrastructure', expected: 'working', assessed: 'practitioner', next: 'practitioner', gap: 1, hasEvidence: true });
    assert.deepEqual(bySkill['Systems design'], { skill: 'Systems design', expected: 'working', assessed: 'awareness', next: 'practitioner', gap: -1, hasEvidence: true });
    assert.deepEqual(bySkill['Coding and scripting'], { skill: 'Coding and scripting', expected: 'awareness', assessed: 'awareness', next: 'awareness', gap: 0, hasEvidence: false });
  });

  it('prints a table by default and an SVG chart with a bar per assessed skill', () => {
    const text = run(['profile', example]);
    assert.equal(text.status, 0, text.stderr);
    const lines = text.stdout.split('\n');
    assert.equal(lines[0], 'Role level: Infrastructure engineer');
    assert.equal(lines[1], 'Next role level: Senior infrastructure engineer');
    assert.match(text.stdout, /^IT infrastructure +working +practitioner +practitioner +\+1 +yes$/m);
    assert.match(text.stdout, /^Systems design +working +awareness +practitioner +-1 +yes$/m);
    const svg = run(['profile', '--format=svg', example]);
    assert.equal(svg.status, 0, svg.stderr);
    assert.match(svg.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const bars = [...svg.stdout.matchAll(/<rect class="bar" data-skill="([^"]+)" data-level="([^"]+)"/g)].map((m) => `${m[1]}=${m[2]}`);
    assert.equal(bars.length, 12);
    assert.ok(bars.includes('IT infrastructure=practitioner') && bars.includes('Systems design=awareness'), bars.join(', '));
  });

  it('says what is wrong with the usage or the file, with the exit codes of check', () => {
    const none = run(['profile']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^skill-lens: profile needs a file, e\.g\. skill-lens profile review\.md\.\n\nUsage:/);
    const two = run(['profile', example, example]);
    assert.equal(two.status, 2);
    assert.match(two.stderr, /^skill-lens: profile takes one file\./);
    const format = run(['profile', '--format', 'html', example]);
    assert.equal(format.status, 2);
    assert.match(format.stderr, /^skill-lens: --format must be text, json or svg, not "html"\./);
    // svg is profile's alone.
    assert.match(run(['check', '--format', 'svg', example]).stderr, /^skill-lens: --format must be text, json, sarif, github or codequality, not "svg"\./);
    const folder = mkdtempSync(join(tmpdir(), 'skill-lens-profile-'));
    const missing = run(['profile', 'gone.md'], folder);
    assert.equal(missing.status, 2);
    assert.equal(missing.stdout, '');
    assert.equal(missing.stderr, 'skill-lens: gone.md: cannot be checked (no such file or folder)\n');
  });

  it('gives an advert its advertised levels, and a document without a role no expected levels', () => {
    const folder = mkdtempSync(join(tmpdir(), 'skill-lens-profile-'));
    writeFileSync(join(folder, 'notes.md'), '# Notes\n\n- **Testing** (working)\n');
    const out = run(['profile', '--format', 'json', 'notes.md'], folder);
    assert.equal(out.status, 0, out.stderr);
    const profile = JSON.parse(out.stdout);
    assert.deepEqual([profile.kind, profile.roleLevel, profile.nextRoleLevel], ['job-advert', null, null]);
    assert.deepEqual(profile.skills, [{ skill: 'Testing', expected: null, assessed: 'working', next: null, gap: null, hasEvidence: false }]);
  });
});

describe('skill-lens check, file globs', function () {
  this.timeout(60_000);

  it('matches the kind globs from the current folder, so a checkout under a folder called reviews keeps its adverts adverts', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'skill-lens-globs-')), 'reviews');
    mkdirSync(join(root, 'adverts'), { recursive: true });
    writeFileSync(join(root, 'adverts', 'vacancy.md'), '# Vacancy\n\nRole: Associate infrastructure engineer\n\n| Skill | Level |\n| --- | --- |\n| Testing | Working |\n');
    const out = run(['check', 'adverts'], root);
    const codes = out.stdout.trim().split('\n').map((l) => l.split(' ')[2]);
    assert.ok(codes.includes('missing-skill') && !codes.includes('review-coverage'), out.stdout);
  });
});
