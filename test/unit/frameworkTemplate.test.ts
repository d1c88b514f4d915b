// A team's own framework without reading the schema: the file "New framework file" writes loads
// as it is and documents can use it at once; the example framework in examples/own-framework/
// loads, and its advert and review check with it as README says.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { frameworkFileTemplate } from '../../server/src/features/frameworkTemplate';
import { parseFrameworkFile } from '../../server/src/framework/loader';
import { open } from './helpers';

describe('a framework of your own', () => {
  it('starts from a commented file that loads without problems', async () => {
    const { id, fileName, text } = frameworkFileTemplate('Platform team');
    assert.equal(id, 'platform-team');
    assert.equal(fileName, 'platform-team.skills.yaml');
    const { framework, problems } = parseFrameworkFile(text);
    assert.deepEqual(problems, []);
    assert.equal(framework!.name, 'Platform team');
    assert.deepEqual(framework!.levels.map((l) => l.name), ['Learning', 'Doing', 'Teaching']);
    assert.deepEqual(framework!.roleLevels.map((r) => r.level.name), ['Team member', 'Senior team member']);
    // Every part says what it is for.
    for (const key of ['id', 'name', 'levels', 'skills', 'roles']) {
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`${key}:`));
      assert.ok(at > 0 && lines[at - 1].startsWith('#'), `a comment above ${key}`);
    }
    // A document can use it straight away.
    const { service, doc } = open('---\nkind: job-advert\nframework: platform-team\nrole: Team member\n---\n\n# Team member\n\n- **First skill** (doing)\n- **Second skill** (doing)\n', 'file:///work/adverts/a.md');
    assert.ok((await service.loadFrameworkFile('file:///work/platform-team.skills.yaml', text)).framework);
    assert.deepEqual(service.diagnostics(service.parseFresh(doc.uri, doc.lines.text)).map((d) => d.message), []);
  });

  it('makes an id of any name, and quotes a name YAML would misread', () => {
    const accented = frameworkFileTemplate('Équipe: support & ops');
    assert.equal(accented.id, 'equipe-support-ops');
    const { framework, problems } = parseFrameworkFile(accented.text);
    assert.deepEqual(problems, []);
    assert.equal(framework!.name, 'Équipe: support & ops');
    assert.equal(frameworkFileTemplate('  ').id, 'team-skills');
    assert.equal(frameworkFileTemplate('技能').id, 'team');
  });

  it('has an example to copy: three skills, its own level names, one role', () => {
    const { framework, problems } = parseFrameworkFile(readFileSync('examples/own-framework/platform-team.skills.yaml', 'utf8'));
    assert.deepEqual(problems, []);
    assert.equal(framework!.skills.length, 3);
    assert.deepEqual(framework!.levels.map((l) => l.id), ['learning', 'doing', 'teaching']);
    assert.equal(new Set(framework!.roleLevels.map((r) => r.role)).size, 1);
  });
});
