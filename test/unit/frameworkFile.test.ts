// Users' framework files: checked against data/framework.schema.json before use, with messages
// that say where and what, on the line of the key at fault.
import { strict as assert } from 'node:assert';
import { parseFrameworkFile } from '../../server/src/framework/loader';
import { parsed } from './helpers';

const TEAM = `id: team
name: Team ladder
levels:
  - { id: L1, name: Junior }
  - { id: L2, name: Senior }
grades:
  - id: T1
    name: Tier 1
    rank: 1
skills:
  - name: Kindness
    levels:
      L1: { statements: [I help] }
      L2: null
roles:
  - name: Helper
    levels:
      - name: Junior helper
        skills: [{ skill: Kindness, level: L1 }]
`;

/** The problems as `line: message`, 1-based lines. */
function problems(text: string): string[] {
  const result = parseFrameworkFile(text);
  if (result.problems.length) assert.equal(result.framework, undefined, 'a file with problems is not used');
  return result.problems.map((p) => `${p.range.start.line + 1}: ${p.message}`);
}

/** The line (1-based) of the first line of the text that starts with `prefix` after its indentation. */
function lineOf(text: string, prefix: string, from = 0): number {
  const lines = text.split('\n');
  for (let i = from; i < lines.length; i++) if (lines[i].trimStart().startsWith(prefix)) return i + 1;
  throw new Error(`no line starts with ${prefix}`);
}

describe('framework files', () => {
  it('loads a valid file: numbers as numbers, lists a role level may leave out', () => {
    const { framework, problems: found } = parseFrameworkFile(TEAM);
    assert.deepEqual(found, []);
    assert.equal(framework!.id, 'team');
    assert.equal(framework!.grades[0].rank, 1);
    assert.deepEqual(framework!.roleLevels[0].level.grades, []);
    assert.deepEqual(framework!.roleLevels[0].level.responsibilities, []);
    assert.equal(framework!.lookupSkill('kindness').kind, 'exact');
  });

  it('loads the same framework written as JSON', () => {
    const json = JSON.stringify({ id: 'team', name: 'Team ladder', levels: [{ id: 'L1', name: 'Junior' }], skills: [{ name: 'Kindness', levels: { L1: null } }] }, null, 2);
    assert.deepEqual(problems(json), []);
  });

  it('refuses a file whose only key is __proto__', () => {
    const text = '__proto__:\n  id: team\n  name: Team ladder\n  levels: [{ id: L1, name: Junior }]\n  skills: []\n';
    const found = problems(text);
    assert.ok(found.includes('1: `__proto__` is not a field of a framework file.'), found.join('\n'));
    assert.ok(found.some((p) => p.includes('`id` is missing')), found.join('\n'));
  });

  it('refuses unknown top-level keys, on their line', () => {
    const text = TEAM + 'colour: blue\n';
    assert.deepEqual(problems(text), [`${lineOf(text, 'colour:')}: \`colour\` is not a field of a framework file.`]);
  });

  it('refuses a rank that is not a number', () => {
    const text = TEAM.replace('rank: 1', 'rank: not-a-number');
    assert.deepEqual(problems(text), [`${lineOf(text, 'rank:')}: grades[0].rank must be a number, not the text "not-a-number".`]);
  });

  it('refuses an id that is not a plain name', () => {
    for (const id of ['a/../b', '../team', 'team/x', '..']) {
      const found = problems(TEAM.replace('id: team', `id: "${id}"`));
      assert.equal(found.length, 1, found.join('\n'));
      assert.match(found[0], /^1: `id` must be letters, digits, `-` and `_`/);
    }
  });

  it('reports duplicate keys', () => {
    const text = TEAM.replace('name: Team ladder\n', 'name: Team ladder\nname: Other ladder\n');
    assert.deepEqual(problems(text), ['3: YAML: the key `name` is given twice in one mapping.']);
  });

  it('refuses YAML tags rather than take them as text', () => {
    const custom = TEAM.replace('name: Kindness', 'name: !skill Kindness');
    assert.deepEqual(problems(custom), [`${lineOf(custom, '- name: !skill')}: YAML: the tag !skill is not supported in framework files.`]);
    const binary = TEAM.replace('name: Team ladder', 'name: !!binary VGVhbQ==');
    assert.deepEqual(problems(binary), ['2: YAML: the tag !!binary is not supported in framework files.']);
    const int = TEAM.replace('name: Kindness', 'name: !!int 12');
    assert.deepEqual(problems(int), []);
    assert.equal(parseFrameworkFile(int).framework!.skills[0].name, '12');
  });

  it('refuses aliases, which could make checking a file take forever', () => {
    const text = TEAM.replace('  - name: Kindness\n', '  - name: &k Kindness\n    aliases: [*k]\n');
    assert.deepEqual(problems(text), [`${lineOf(text, 'aliases:')}: YAML: aliases (*name) are not supported in framework files; write the value out.`]);
  });

  it('says where and what: a skill level that is neither null nor statements, on the line of its key', () => {
    const skills = ['A', 'B', 'C'].map((n) => `  - name: Skill ${n}\n`).join('');
    const text = `id: team\nname: Team\nlevels:\n  - { id: working, name: Working }\n  - { id: expert, name: Expert }\nskills:\n${skills}  - name: Skill D\n    levels:\n      working: null\n      expert: lots\n`;
    assert.deepEqual(problems(text), [`${lineOf(text, 'expert: lots')}: skills[3].levels.expert must be null (not defined) or have a list of statements.`]);
  });

  it('says which fields are missing, and which level ids are not levels', () => {
    const text = TEAM.replace('      L2: null\n', '      L3: null\n').replace('  - name: Helper\n', '  - family: Helpers\n');
    assert.deepEqual(problems(text), [
      `${lineOf(text, 'L3:')}: skills[0].levels.L3 is not one of the framework's levels (L1, L2).`,
      `${lineOf(text, '- family:')}: roles[0] needs \`name\`.`,
    ]);
    assert.deepEqual(problems('id: team\nname: Team\nlevels: []\nskills: []\n'), ['3: `levels` must be a non-empty list, lowest level first.']);
    assert.deepEqual(problems(''), ['1: A framework file must be a mapping with id, name, levels and skills.']);
  });

  it('keeps the syntax errors of YAML, with their position', () => {
    assert.deepEqual(problems('id: team\nname: [unclosed\n'), ['3: YAML syntax error: deficient indentation.']);
    assert.deepEqual(problems(`---\n${TEAM}---\nid: other\n`), [`${TEAM.split('\n').length + 1}: A framework file holds one YAML document: remove the second \`---\` and what follows, or put it in a file of its own.`]);
  });

  // A name the document readers can never take as a skill is refused when the file loads.
  it('refuses skill names that could never match: over 90 characters, or with no letter or digit', () => {
    const file = (skill: string) => `id: team\nname: Team\nlevels:\n  - { id: L1, name: Junior }\nskills:\n${skill}`;
    const longest = 'Designing, building, running and continually improving the services of one very large team';
    assert.equal(longest.length, 90);
    assert.deepEqual(problems(file(`  - name: ${longest}s\n`)), [
      '6: skills[0].name is 91 characters long: names longer than 90 characters are never recognised in documents, so shorten it.',
    ]);
    assert.deepEqual(problems(file('  - name: ".*"\n')), ['6: skills[0].name ".*" has no letter or digit: such a name is never recognised in documents.']);
    assert.deepEqual(problems(file('  - name: Kindness\n    aliases: [Care, "---"]\n')), [
      '7: skills[0].aliases[1] "---" has no letter or digit: such a name is never recognised in documents.',
    ]);
    assert.deepEqual(problems(file(`  - name: ${longest.slice(0, 85)}\n    qualifier: data\n`)), [
      '7: skills[0] is 92 characters long with its qualifier: names longer than 90 characters are never recognised in documents, so shorten the name or the qualifier.',
    ]);
  });

  it('matches the longest name it accepts in a document', () => {
    const name = 'Designing, building, running and continually improving the services of one very large team';
    assert.equal(name.length, 90);
    const { framework } = parseFrameworkFile(`id: team\nname: Team\nlevels:\n  - { id: L1, name: Junior }\nskills:\n  - name: ${name}\n`);
    const doc = parsed(`## Skills\n\n- **${name}** (Junior)\n`, 'file:///work/adverts/team.md', framework!);
    assert.deepEqual(doc.mentions.map((m) => m.name.text), [name]);
    assert.equal(framework!.lookupSkill(doc.mentions[0].name.text).kind, 'exact');
  });

  it('refuses a file over 5 MB without reading it', () => {
    const skill = (i: number) => `{name: "Skill ${i}", description: "A generated skill with a few words of description.", levels: {L1: null}}`;
    const skills = Array.from({ length: 60_000 }, (_, i) => skill(i)).join(', ');
    const text = `{id: big, name: Big, levels: [{id: L1, name: Junior}], skills: [${skills}]}`;
    assert.ok(text.length > 5.5 * 1024 * 1024);
    const started = performance.now();
    assert.deepEqual(problems(text), ['1: This framework file is 6.3 MB: framework files are limited to 5 MB, so it is not loaded.']);
    assert.ok(performance.now() - started < 500, 'refused from its size alone, not parsed (which takes seconds)');
    // The cap is in bytes of UTF-8: 2.7 million characters of two bytes each are over it.
    const accents = `id: big\nname: Big\nlevels: [{id: L1, name: Junior}]\nskills: []\nsource: "${'\u00e9'.repeat(2_700_000)}"\n`;
    assert.deepEqual(problems(accents), ['1: This framework file is 5.1 MB: framework files are limited to 5 MB, so it is not loaded.']);
  });
});
