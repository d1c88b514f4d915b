// The importers against the real seeds: every expected count, sample content, the repairs, and
// that the committed data/*.json is what the importers produce now.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import type { FrameworkData, SkillData } from '../../server/src/framework/model';
import { skillFullName } from '../../server/src/framework/model';
import { countDrifts, FrameworkImport } from '../../server/importers/common';
import {
  CIVIL_SERVICE_GRADES,
  DDAT_ROLE_EXPECTED_COUNTS,
  DDAT_ROLE_SEED,
  importDdatRole,
} from '../../server/importers/ddatRole';
import {
  DDAT_SCALE_SEED,
  DDAT_SKILLS_EXPECTED_COUNTS,
  DDAT_SKILLS_SEED,
  importDdatSkills,
} from '../../server/importers/ddatSkills';
import { importLadder, LADDER_EXPECTED_COUNTS, LADDER_SEED } from '../../server/importers/ladder';
import { frameworkJson, generateFrameworks, seedsDirectory } from '../../server/importers/run';
import { importSfia, SFIA_EXPECTED_COUNTS, SFIA_SEED } from '../../server/importers/sfia';
import { repairMacRoman, repairWindows1252 } from '../../server/importers/textRepair';

const dataDirectory = resolve(process.cwd(), 'data');
const readSeed = (fileName: string) => readFileSync(join(seedsDirectory(), fileName), 'utf8');

function skill(framework: FrameworkData, fullName: string): SkillData {
  const found = framework.skills.find((candidate) => skillFullName(candidate) === fullName);
  assert.ok(found, `no skill ${fullName}`);
  return found;
}

describe('importers', function () {
  // Every importer runs on the real seeds (about a second; more on a busy machine).
  this.timeout(30_000);
  let ddatSkills: FrameworkImport;
  let ddat: FrameworkImport;
  let sfia: FrameworkImport;
  let ladder: FrameworkImport;

  before(() => {
    ddatSkills = importDdatSkills(readSeed(DDAT_SKILLS_SEED), readSeed(DDAT_SCALE_SEED));
    ddat = importDdatRole(readSeed(DDAT_ROLE_SEED), ddatSkills.data);
    sfia = importSfia(readSeed(SFIA_SEED));
    ladder = importLadder(readSeed(LADDER_SEED));
  });

  describe('textRepair', () => {
    it('repairs UTF-8 read as Windows-1252 and counts each sequence', () => {
      const repaired = repairWindows1252('one otherâ€™s â€˜workâ€™ â€œquotedâ€\u009d 1â€“2 aâ€”b endâ€‹');
      assert.equal(repaired.text, 'one other’s ‘work’ “quoted” 1–2 a—b end');
      assert.deepEqual(
        repaired.repairs.map((repair) => [repair.from, repair.to, repair.count]),
        [
          ['â€™', '’', 2],
          ['â€˜', '‘', 1],
          ['â€œ', '“', 1],
          ['â€\u009d', '”', 1],
          ['â€“', '–', 1],
          ['â€”', '—', 1],
          ['â€‹', '', 1],
        ],
      );
    });

    it('leaves correctly encoded text alone', () => {
      const text = 'Last updated 31 July 2023 — See all • café’s ‘quotes’ Â';
      assert.deepEqual(repairWindows1252(text), { text, repairs: [] });
      assert.deepEqual(repairMacRoman(text), { text, repairs: [] });
    });

    it('repairs emoji read as Mac Roman', () => {
      assert.equal(repairMacRoman('## \uf8ffü¶â Domain').text, '## 🦉 Domain');
    });
  });

  describe('DDaT skills (seed 003)', () => {
    it('meets every expected count', () => {
      assert.deepEqual(countDrifts(ddatSkills.report, DDAT_SKILLS_EXPECTED_COUNTS), []);
      assert.equal(ddatSkills.data.shortName, 'DDaT');
      const { skills } = ddatSkills.data;
      assert.equal(skills.length, 188);
      const levelled = skills.filter((entry) => entry.levels);
      assert.equal(levelled.length, 166);
      const skillLevels = levelled.flatMap((entry) => Object.values(entry.levels!));
      assert.equal(skillLevels.length, 664);
      assert.equal(skillLevels.filter((level) => level === null).length, 60);
      assert.equal(levelled.filter((entry) => !entry.description).length, 41);
      assert.equal(skills.filter((entry) => !entry.description).length, 41 + 22);
      assert.equal(skills.filter((entry) => entry.qualifier).length, 26);
    });

    it('has the four levels in order for every levelled skill', () => {
      assert.deepEqual(
        ddatSkills.data.levels.map((level) => [level.id, level.name]),
        [
          ['awareness', 'Awareness'],
          ['working', 'Working'],
          ['practitioner', 'Practitioner'],
          ['expert', 'Expert'],
        ],
      );
      for (const entry of ddatSkills.data.skills.filter((candidate) => candidate.levels)) {
        assert.deepEqual(Object.keys(entry.levels!), ['awareness', 'working', 'practitioner', 'expert'], entry.name);
      }
    });

    it('takes the level definitions from seed 000', () => {
      const [awareness, , , expert] = ddatSkills.data.levels;
      assert.equal(
        awareness.description,
        'You know about the skill and have an appreciation of how it is applied in the environment.',
      );
      assert.match(
        expert.description!,
        /^You have both knowledge and experience .* You can lead or guide others in best-practice use\.$/,
      );
      assert.deepEqual(awareness.aliases, ['level 1']);
    });

    it('models "currently not defined" as null, never as a statement', () => {
      assert.equal(skill(ddatSkills.data, 'Analysis').levels!.awareness, null);
      assert.ok(!frameworkJson(ddatSkills.data).includes('not defined'));
    });

    it('repairs mojibake in statements', () => {
      const practitioner = skill(ddatSkills.data, 'Agile working (content design)').levels!.practitioner!;
      assert.ok(practitioner.statements.some((statement) => statement.includes('one other’s work')));
      const json = frameworkJson(ddatSkills.data);
      assert.ok(!json.includes('â€'));
      assert.ok(!json.includes('\u200b'));
      assert.ok(ddatSkills.report.repaired.includes('Windows-1252 mojibake "â€™" -> "’" (45×)'));
    });

    it('splits qualifiers from names', () => {
      const accessibility = skill(ddatSkills.data, 'Technical understanding (accessibility)');
      assert.equal(accessibility.name, 'Technical understanding');
      assert.equal(accessibility.qualifier, 'accessibility');
      const programming = ddatSkills.data.skills.filter((entry) => entry.name === 'Programming and build');
      assert.deepEqual(
        programming.map((entry) => entry.qualifier),
        ['data engineering', 'data science', 'frontend developer', 'software engineering'],
      );
    });

    it('reads Senior Civil Service skills with statements and leadership examples split apart', () => {
      const scs = ddatSkills.data.skills.filter((entry) => entry.category === 'Senior Civil Service');
      assert.equal(scs.length, 22);
      for (const entry of scs) {
        assert.equal(entry.levels, undefined);
        assert.equal(entry.description, undefined);
        assert.ok(entry.statements!.length > 0 && entry.examples!.length > 0, entry.name);
        assert.ok(!entry.statements!.some((statement) => statement.includes('Examples')), entry.name);
      }
      const capability = skill(ddatSkills.data, 'Capability building for digital, data and technology');
      assert.equal(capability.statements!.at(-1), 'continuously improve and optimise the organisational environment');
      assert.equal(capability.examples![0], 'prioritising capability needs that will have the most impact');
      assert.equal(capability.examples!.length, 4);
    });

    it('does not take the stray "##     You can" heading for a skill', () => {
      assert.ok(!ddatSkills.data.skills.some((entry) => /you can/i.test(entry.name)));
      const working = skill(ddatSkills.data, 'User-centred content design').levels!.working!;
      assert.equal(working.statements.length, 9);
      assert.equal(
        working.statements[0],
        'design content to meet user needs and make complex language and processes easy to understand',
      );
      assert.ok(ddatSkills.report.skipped.some((line) => line.includes('"##     You can"')));
    });

    it('lists role names without the markdown link', () => {
      assert.deepEqual(skill(ddatSkills.data, 'Accessibility').roles, ['Frontend developer']);
    });

    it('fails loudly on a line it does not understand', () => {
      const text = readSeed(DDAT_SKILLS_SEED).replace('1. Awareness', '1. Awarenes');
      assert.throws(() => importDdatSkills(text, readSeed(DDAT_SCALE_SEED)), /skill level out of order/);
    });
  });

  describe('DDaT role (seed 002)', () => {
    it('meets every expected count', () => {
      assert.deepEqual(countDrifts(ddat.report, DDAT_ROLE_EXPECTED_COUNTS), []);
      const [family] = ddat.data.roles!;
      assert.equal(ddat.data.roles!.length, 1);
      assert.deepEqual(
        family.levels.map((level) => [level.name, level.skills.length]),
        [
          ['Associate infrastructure engineer', 9],
          ['Infrastructure engineer', 12],
          ['Senior infrastructure engineer', 12],
          ['Lead infrastructure engineer', 12],
          ['Principal infrastructure engineer', 12],
        ],
      );
      assert.equal(
        family.levels.reduce((sum, level) => sum + level.skills.length, 0),
        57,
      );
    });

    it('reads the family, summaries, responsibilities and grades', () => {
      const [family] = ddat.data.roles!;
      assert.equal(family.name, 'Infrastructure engineer');
      assert.match(family.description!, /^An infrastructure engineer designs, builds, manages and supports/);
      assert.deepEqual(
        family.levels.map((level) => level.grades),
        [
          ['EO', 'HEO'],
          ['HEO', 'SEO'],
          ['SEO', 'G7'],
          ['G7', 'G6'],
          ['G6', 'SCS1'],
        ],
      );
      assert.deepEqual(
        family.levels.map((level) => level.responsibilities.length),
        [0, 2, 5, 3, 4],
      );
      assert.equal(
        family.levels[4].summary,
        'A principal infrastructure engineer is an accomplished technical leader.',
      );
      assert.equal(family.levels[1].responsibilities[0], 'ensure services are delivered and used as required');
    });

    it('resolves every role skill to a defined level of an A to Z skill', () => {
      for (const level of ddat.data.roles![0].levels) {
        for (const entry of level.skills) {
          const target = skill(ddat.data, entry.skill);
          assert.ok(target.levels?.[entry.level], `${level.name}: ${entry.skill} ${entry.level}`);
          assert.ok(target.roles!.includes('Infrastructure engineer'), entry.skill);
        }
      }
      const senior = ddat.data.roles![0].levels[2];
      assert.deepEqual(senior.skills[0], {
        skill: 'Coding and scripting',
        sourceName: 'Coding and scripting (infrastructure engineer)',
        level: 'awareness',
        statements: [
          'show an awareness of the scripting tools and software that are available and currently in use',
          'understand how the internet works',
        ],
      });
      assert.equal(senior.skills[3].skill, 'Modern development standards');
      assert.equal(senior.skills[3].sourceName, 'Modern standards approach');
      assert.deepEqual(skill(ddat.data, 'Modern development standards').aliases, ['Modern standards approach']);
    });

    it('fails loudly on a skill the A to Z does not have', () => {
      const text = readSeed(DDAT_ROLE_SEED).replace('\nService focus\n', '\nService fokus\n');
      assert.throws(() => importDdatRole(text, ddatSkills.data), /"Service fokus"/);
    });

    it('has the grades, most junior first', () => {
      const grades = ddat.data.grades!;
      assert.deepEqual(grades, CIVIL_SERVICE_GRADES);
      assert.deepEqual(
        grades.map((grade) => grade.id),
        ['AA', 'AO', 'EO', 'HEO', 'SEO', 'G7', 'G6', 'SCS1'],
      );
      assert.deepEqual(
        grades.map((grade) => grade.rank),
        [1, 2, 3, 4, 5, 6, 7, 8],
      );
      const byId = new Map(grades.map((grade) => [grade.id, grade]));
      assert.equal(byId.get('SEO')!.name, 'Senior Executive Officer');
      assert.deepEqual(byId.get('G7')!.aliases, ['Grade 7', '7']);
      assert.ok(byId.get('SCS1')!.aliases!.includes('Deputy director'));
    });

    it('records the rename from the Updates log', () => {
      assert.deepEqual(ddat.data.renames, [
        {
          from: 'Problem solving',
          to: 'Problem management',
          date: '2022-08-30',
          note: 'The ‘problem solving’ skill has been renamed ‘problem management’ to ensure consistency across the DDaT Profession Capability Framework.',
        },
      ]);
      assert.deepEqual(skill(ddat.data, 'Problem management').formerNames, ['Problem solving']);
      assert.equal(
        skill(ddatSkills.data, 'Problem management').formerNames,
        undefined,
        'the input framework is not changed',
      );
    });

    it('reads the shared skills table', () => {
      const shared = ddat.data.roles![0].sharedSkills!;
      assert.deepEqual(
        shared.map((entry) => entry.skills.length),
        [5, 5, 5, 4, 4],
      );
      assert.deepEqual(shared[0], {
        role: 'Application operations engineer',
        skills: [
          'Ownership and initiative',
          'Problem management',
          'Technical understanding',
          'Service focus',
          'Testing',
        ],
      });
    });
  });

  describe('SFIA (seed 004)', () => {
    it('meets every expected count', () => {
      assert.deepEqual(countDrifts(sfia.report, SFIA_EXPECTED_COUNTS), []);
    });

    it('has the seven SFIA levels', () => {
      assert.equal(sfia.data.id, 'sfia');
      assert.equal(sfia.data.shortName, 'SFIA');
      assert.deepEqual(
        sfia.data.levels.map((level) => `${level.id} ${level.name}`),
        [
          '1 Follow',
          '2 Assist',
          '3 Apply',
          '4 Enable',
          '5 Ensure/advise',
          '6 Initiate/influence',
          '7 Set strategy/inspire/mobilise',
        ],
      );
      assert.ok(sfia.data.levels[2].aliases!.includes('Level 3'));
    });

    it('reads Infrastructure operations with levels 1 to 5 and 6 to 7 not defined', () => {
      const [itop] = sfia.data.skills;
      assert.equal(itop.name, 'Infrastructure operations');
      assert.equal(itop.code, 'ITOP');
      assert.match(itop.description!, /^Provisioning, deploying, configuring, operating and optimising/);
      assert.deepEqual(itop.levels!['1'], {
        statements: [
          'Supports routine infrastructure tasks and basic troubleshooting under close supervision.',
          'Monitors infrastructure health and reports on component status to support operational continuity.',
        ],
      });
      assert.equal(itop.levels!['5']!.statements.length, 5);
      assert.equal(itop.levels!['6'], null);
      assert.equal(itop.levels!['7'], null);
      assert.equal(itop.notes!.length, 4);
      assert.match(itop.notes![3], /^Activities may include, but are not limited to:\n- provisioning and adapting/);
    });

    it('fails loudly on a level name that is not the SFIA name', () => {
      assert.throws(() => importSfia(readSeed(SFIA_SEED).replace('Level 3Apply', 'Level 3Enable')), /Level 3Enable/);
    });

    it('reports the glued level headings and the page chrome', () => {
      assert.ok(sfia.report.repaired.some((line) => line.includes('"Level 1Follow"')));
      assert.deepEqual(
        sfia.report.skipped.map((line) => line.replace(/^line \d+: page chrome /, '')),
        ['"No notes added yet."', '"Comments"', '"0 comments"', '"Please sign in to leave a comment."'],
      );
      assert.ok(!frameworkJson(sfia.data).includes('comment'));
    });
  });

  describe('career ladder (seed 001)', () => {
    it('fails loudly on a line it does not understand', () => {
      const text = readSeed(LADDER_SEED).replace('<summary>Examples</summary>', '<summary>Samples</summary>');
      assert.throws(() => importLadder(text), /Samples/);
    });

    it('meets every expected count', () => {
      assert.deepEqual(countDrifts(ladder.report, LADDER_EXPECTED_COUNTS), []);
    });

    it('reads the level with its persona and metadata', () => {
      assert.equal(ladder.data.id, 'ladder');
      assert.equal(ladder.data.skillNoun, 'competency area');
      const [level] = ladder.data.levels;
      assert.equal(level.id, 'L3');
      assert.equal(level.name, 'Senior Cloud Security Engineer');
      assert.match(level.description!, /^I am a highly skilled professional .* implement security policies\.$/);
      assert.deepEqual(level.metadata, {
        'Planning Horizon': 'Current and next cycle.',
        'Impact Radius': 'Peers (2-5).',
        Evaluation: 'Manager.',
        'Responsibility and Direction Needed': 'Takes vertical slices of larger products from idea to production.',
      });
    });

    it('reads the competency areas with repaired emoji icons', () => {
      assert.deepEqual(
        ladder.data.skills.map((area) => [area.icon, area.name]),
        [
          ['🦉', 'Domain expertise'],
          ['🌱', 'Teaching and Mentoring'],
          ['🧭', 'Culture and Leadership'],
          ['🏆', 'Business Success'],
        ],
      );
      const business = ladder.data.skills[3].levels!.L3!;
      assert.equal(business.statements[0], 'I ship ideas from conception to production.');
      assert.equal(business.examples!.length, 4);
      assert.equal(ladder.report.repaired.length, 4);
    });
  });

  describe('generated data', () => {
    it('is committed as the importers produce it now', () => {
      for (const framework of generateFrameworks(readSeed)) {
        assert.deepEqual(framework.drifts, [], framework.file);
        const committed = readFileSync(join(dataDirectory, framework.file), 'utf8');
        assert.ok(committed === frameworkJson(framework.data), `data/${framework.file} is stale: run npm run import`);
      }
    });

    it('has no mojibake anywhere in data/', () => {
      for (const file of readdirSync(dataDirectory)) {
        const text = readFileSync(join(dataDirectory, file), 'utf8');
        assert.ok(!text.includes('â€'), file);
        assert.ok(!text.includes('\uf8ff'), file);
      }
    });

    it('matches data/framework.schema.json', () => {
      const schema = JSON.parse(readFileSync(join(dataDirectory, 'framework.schema.json'), 'utf8'));
      // Strict: the schema itself must use only keywords Ajv knows, in ways it understands.
      const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
      const errors = (value: unknown) => (validate(value) ? [] : validate.errors!.map((e) => `${e.instancePath || '/'} ${e.keyword} ${e.message}`));
      for (const framework of generateFrameworks(readSeed)) {
        assert.deepEqual(errors(JSON.parse(frameworkJson(framework.data))), [], framework.file);
      }
      const broken = { id: 'x', levels: [{ id: 'a' }], skills: [{ name: 'S', levels: { a: 'text' } }], extra: 1 };
      assert.deepEqual(errors(broken).sort(), [
        '/ additionalProperties must NOT have additional properties',
        '/ required must have required property \'name\'',
        '/levels/0 required must have required property \'name\'',
        '/skills/0/levels/a anyOf must match a schema in anyOf',
        '/skills/0/levels/a type must be null',
        '/skills/0/levels/a type must be object',
      ]);
    });
  });
});
