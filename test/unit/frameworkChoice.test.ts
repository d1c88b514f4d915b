// How the editor offers frameworks: the picker's line for each says honestly what it holds, and
// the skillLens.framework setting suggests the embedded ones while accepting a workspace id.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { frameworkDetail, frameworkSummary } from '../../server/src/framework/summary';
import { embeddedFrameworks } from '../../server/src/framework/loader';

const detail = (id: string) => frameworkDetail(frameworkSummary(embeddedFrameworks().find((f) => f.id === id)!));

describe('choosing a framework', () => {
  it('labels each embedded framework with counts in the right plural, and the samples as samples', () => {
    assert.equal(detail('ddat'), '188 skills, 201 role levels');
    assert.equal(detail('sfia'), '1 skill, no role levels: a one-skill sample (SFIA 9 skill page: Infrastructure operations (ITOP)), not the whole framework');
    assert.equal(detail('ladder'), '4 skills, no role levels: a sample of 4 skills (Career ladder level L3: Senior Cloud Security Engineer), not the whole framework');
    // A framework of the user's own is not called a sample, however small.
    assert.equal(frameworkDetail({ skills: 1, roleLevels: 1 }), '1 skill, 1 role level');
  });

  it('suggests the embedded frameworks in the setting, described, and still accepts a workspace framework id', () => {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
    const setting = pkg.contributes.configuration.properties['skillLens.framework'];
    const suggested = setting.anyOf.find((s: { enum?: string[] }) => s.enum);
    assert.deepEqual(suggested.enum, embeddedFrameworks().map((f) => f.id));
    assert.equal(suggested.enumDescriptions.length, suggested.enum.length);
    assert.match(suggested.enumDescriptions[1], /one-skill sample/);
    const validate = new Ajv({ strict: false }).compile(setting);
    for (const value of ['ddat', 'sfia', 'my-team-framework']) assert.ok(validate(value), `${value}: ${JSON.stringify(validate.errors)}`);
    for (const value of ['', 3]) assert.ok(!validate(value), JSON.stringify(value));
  });
});
