// File-name globs of the settings (skillLens.frameworkFiles, skillLens.documentKinds): VS Code's
// glob syntax, and a glob that does not compile is reported once and skipped.
import { strict as assert } from 'node:assert';
import { matchesAny, onBadGlob, type GlobProblem } from '../../server/src/documents/glob';

describe('settings globs', () => {
  afterEach(() => onBadGlob(undefined));

  it('matches a wildcard inside braces', () => {
    const globs = ['**/{*.skills.yaml,frameworks/*.yaml}'];
    assert.equal(matchesAny('team.skills.yaml', globs), true);
    assert.equal(matchesAny('config/team.skills.yaml', globs), true);
    assert.equal(matchesAny('frameworks/team.yaml', globs), true);
    assert.equal(matchesAny('org/frameworks/team.yaml', globs), true);
    assert.equal(matchesAny('frameworks/deep/team.yaml', globs), false);
    assert.equal(matchesAny('team.yaml', globs), false);
    const kinds = ['**/{*pathway*,paths/*}.md'];
    assert.equal(matchesAny('file:///work/paths/cloud.md', kinds), true);
    assert.equal(matchesAny('file:///work/cloud-pathway.md', kinds), true);
    assert.equal(matchesAny('file:///work/cloud.md', kinds), false);
  });

  it('knows **, *, ?, [abc] and {a,b}, ignoring case', () => {
    assert.equal(matchesAny('adverts/2026/senior.md', ['**/adverts/**/*.md']), true);
    assert.equal(matchesAny('adverts/senior.md', ['**/adverts/**/*.md']), true, '** matches no folder too');
    assert.equal(matchesAny('adverts/senior.markdown', ['**/adverts/**/*.md']), false);
    assert.equal(matchesAny('review-1.md', ['review-?.md']), true);
    assert.equal(matchesAny('review-12.md', ['review-?.md']), false);
    assert.equal(matchesAny('b.md', ['[abc].md']), true);
    assert.equal(matchesAny('d.md', ['[abc].md']), false);
    assert.equal(matchesAny('Pathways/Cloud.YML', ['**/pathways/**/*.{yaml,yml}']), true);
    assert.equal(matchesAny('.skill-lens/team.yaml', ['.skill-lens/*.yaml']), true);
    assert.equal(matchesAny('.skill-lens/team.skills.yaml', ['**/*.skills.yaml']), true, 'a dot folder is a folder like any other');
    assert.equal(matchesAny('adverts/senior.md', undefined), false);
  });

  it('matches a glob without a slash on the base name, and others on the workspace-relative path', () => {
    assert.equal(matchesAny('/home/sam/work/org/team.skills.yaml', ['*.skills.yaml']), true);
    assert.equal(matchesAny('C:\\work\\org\\team.skills.yaml', ['*.skills.yaml']), true);
    const roots = ['/home/sam/work'];
    assert.equal(matchesAny('file:///home/sam/work/.skill-lens/team.yaml', ['.skill-lens/*.yaml'], { roots }), true);
    assert.equal(matchesAny('/home/sam/work/.skill-lens/team.yaml', ['.skill-lens/*.yaml'], { roots }), true);
    assert.equal(matchesAny('/home/sam/work/sub/.skill-lens/team.yaml', ['.skill-lens/*.yaml'], { roots }), false);
    assert.equal(matchesAny('file:///home/sam/work/my%20adverts/a.md', ['my adverts/*.md'], { roots }), true);
  });

  it('reports a glob that does not compile once, naming the setting, and still applies the others', () => {
    const seen: GlobProblem[] = [];
    onBadGlob((p) => seen.push(p));
    const globs = ['[z-a].yaml', '**/*.skills.yaml'];
    assert.equal(matchesAny('team.skills.yaml', globs, { setting: 'skillLens.frameworkFiles' }), true);
    assert.equal(matchesAny('other.skills.yaml', globs, { setting: 'skillLens.frameworkFiles' }), true);
    assert.equal(matchesAny('z.yaml', globs, { setting: 'skillLens.frameworkFiles' }), false);
    assert.deepEqual(
      seen.map((p) => [p.setting, p.glob]),
      [['skillLens.frameworkFiles', '[z-a].yaml']],
    );
    assert.match(seen[0].message, /skillLens\.frameworkFiles/);
    assert.match(seen[0].message, /\[z-a\]\.yaml/);
    assert.equal(matchesAny('a.md', ['**/*.{md'], { setting: 'skillLens.documentKinds.review' }), false);
    assert.deepEqual(seen.map((p) => p.setting), ['skillLens.frameworkFiles', 'skillLens.documentKinds.review']);
  });
});
