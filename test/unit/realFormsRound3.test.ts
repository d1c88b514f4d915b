// Real documents, third round: documents about another framework, role pages and person
// specifications in plain text, skill x role-level tables, role levels in lists and links,
// indented level lines, reviews written as lists, names with no close spelling. Exact ranges,
// codes and messages, as a user sees them.
import { strict as assert } from 'node:assert';
import { findingLines, mentionLines, NO_KIND_GLOBS, open, serviceFor, sfia } from './helpers';
import { createLanguageService } from '../../server/src/languageService';
import { Framework } from '../../server/src/framework/framework';
import type { FrameworkData } from '../../server/src/framework/model';
import { soleFix } from '../../server/src/features/fixAll';

const service = serviceFor({ kinds: NO_KIND_GLOBS });

function parse(text: string) {
  return service.parseFresh('file:///work/vacancies/2026-12.md', text, 1);
}

/** What the user sees: `code line:start-end message`, without the missing-skill findings a role brings unless asked. */
function seen(text: string, withMissing = false): string[] {
  return findingLines(service.diagnostics(parse(text)), withMissing);
}

/** The skills (and levels) the parser read, as `name @ level`. */
function mentions(text: string): string[] {
  return mentionLines(parse(text));
}

describe('real documents, third round', () => {
  describe('indented level lines under a list item', () => {
    it('reads `  Level: expert` under `- Skill` as that skill’s level, as it reads the line under a paragraph', () => {
      const text = [
        '# Senior performance analyst',
        '',
        '## Skills needed for this role',
        '',
        '- Analysis and insight',
        '  Level: practitioner',
        '- Communicating analysis and insight',
        '  Level: working',
        '* **Quality assurance of data and analysis**',
        '',
        '    Level: practioner',
        '- Perfomance measurement',
        '  Level: practitioner',
        '',
      ].join('\n');
      assert.deepEqual(mentions(text), [
        'Analysis and insight @ practitioner',
        'Communicating analysis and insight @ working',
        'Quality assurance of data and analysis @ practioner',
        'Perfomance measurement @ practitioner',
      ]);
      assert.deepEqual(seen(text), [
        'level-mismatch 8:10-17 Senior performance analyst needs Communicating analysis and insight at practitioner, not working.',
        'unknown-level 11:12-22 "practioner" is not a skill level in DDaT. Did you mean "practitioner"?',
        'unknown-skill 12:3-25 "Perfomance measurement" is not a skill in DDaT. Did you mean "Performance measurement"?',
      ]);
    });

    it('leaves a list item that is a sentence to the forms it was read in before', () => {
      assert.deepEqual(mentions('- Testing: working\n  Level: expert\n'), ['Testing @ working']);
    });
  });

  describe('plain items under a skills heading, as role pages and person specifications write them', () => {
    it('reads `• Skill. description` and `- Skill. description`, flagging only a name a typo away from a skill', () => {
      const text = [
        '# Performance analyst',
        '',
        '### Skills needed for this role',
        '',
        '\u2022 Analysis and insight. You can collect data and do basic analysis.',
        '\u2022\tPerfomance measurement. You know why services measure performance.',
        '- Technical understanding. You know the tools the team uses.',
        '- SQL. Advanced, including window functions.',
        '- Experience of analysis in government. At least two years.',
        '',
      ].join('\n');
      assert.deepEqual(mentions(text), ['Analysis and insight', 'Perfomance measurement', 'Technical understanding', 'SQL', 'Experience of analysis in government']);
      assert.deepEqual(seen(text), ['unknown-skill 6:3-25 "Perfomance measurement" is not a skill in DDaT. Did you mean "Performance measurement"?']);
    });

    it('reads them under the headings person specifications use, and not under others', () => {
      for (const heading of ['Selection criteria', 'Person specification', 'Essential criteria', 'Technical skills', 'We\u2019ll assess you against these technical skills']) {
        const text = `# Business analyst\n\n## ${heading}\n\n- Business modelling. You can model how a business works.\n- Requirements definiton and management. You can write requirements.\n`;
        assert.deepEqual(mentions(text), ['Business modelling', 'Requirements definiton and management'], heading);
        assert.deepEqual(seen(text), ['unknown-skill 6:3-40 "Requirements definiton and management" is not a skill in DDaT. Did you mean "Requirements definition and management"?'], heading);
      }
      assert.deepEqual(mentions('# Business analyst\n\n## Benefits\n\n- Flexible working. Compressed hours are possible.\n'), []);
    });

    it('leaves a bold lead-in that is no skill quiet under a heading that lists other criteria too', () => {
      const spec = '# Business analyst\n\n## Person specification\n\n- **Experience**: two years in a similar role.\n- **Busines modelling**: you can model.\n';
      assert.deepEqual(seen(spec), ['unknown-skill 6:5-22 "Busines modelling" is not a skill in DDaT. Did you mean "Business modelling"?']);
      // Under a heading that lists skills only, every lead-in is one.
      assert.deepEqual(seen(spec.replace('Person specification', 'Essential skills')).map((d) => d.split(' ').slice(0, 2).join(' ')), ['unknown-skill 5:5-15', 'unknown-skill 6:5-22']);
    });

    it('keeps a job description from elsewhere with such items free of errors and warnings', () => {
      const text = '# Senior ICT Project Manager (Grade VIII)\n\n## Person specification\n\n### Essential criteria\n\n\u2022 Project management experience. Five years managing ICT projects.\n\u2022 Stakeholder management. Managing senior stakeholders.\n';
      assert.deepEqual(service.diagnostics(parse(text)).filter((d) => d.severity! < 3), []);
    });
  });
});

describe('documents written against another framework', () => {
  const sfiaAdvert = [
    '# Senior Data Engineer',
    '',
    '## About the job',
    '',
    'You will build pipelines.',
    '',
    '## SFIA technical skills to be assessed',
    '',
    '- **Software design (SWDN)** - Level 4',
    '- **Data engineering (DENG)** – Level 5',
    '',
  ].join('\n');

  it('says once, as information, that SFIA is embedded as a sample only, and reads no DDaT role from the title', () => {
    const doc = parse(sfiaAdvert);
    assert.equal(doc.role, undefined);
    assert.equal(doc.frameworkId, 'sfia');
    assert.deepEqual(seen(sfiaAdvert, true), [
      'other-framework 7:4-8 This document is written against SFIA, of which Skill Lens has a sample only (1 skill: "Infrastructure operations"), so its skills and levels are not checked. To check them, add the full SFIA framework to the workspace as a framework file with id "sfia" (a *.skills.yaml file or a file under .skill-lens/).',
    ]);
    assert.equal(service.diagnostics(doc)[0].severity, 3);
  });

  it('knows a company’s SFIA page by what it says of itself, and its skills by their codes', () => {
    const page = '# Platform Engineer levels\n\n> This is the SFIA description for our platform track.\n\n## Platform Engineer II\n\n| Skill | Code | Level |\n| --- | --- | --- |\n| Infrastructure operations | ITOP | 3 |\n| Incident management | USUP | 3 |\n';
    assert.deepEqual(seen(page, true).map((d) => d.split(' ').slice(0, 2).join(' ')), ['other-framework 3:15-19']);
    const coded = '# Our engineers\n\nWe use SFIA.\n\n- Programming/software development (PROG) – 4\n- Systems design (DESN) – 5\n';
    assert.deepEqual(seen(coded, true).map((d) => d.split(' ').slice(0, 2).join(' ')), ['other-framework 3:8-12']);
    const levels = '# Engineering levels\n\nWe use SFIA.\n\n## Staff engineer\n\nWorks at Level 5 \u2013 Ensure, advise.\n';
    assert.deepEqual(seen(levels, true).map((d) => d.split(' ').slice(0, 2).join(' ')), ['other-framework 3:8-12']);
    // Words of SFIA's level names, lower case, with no level number, are prose.
    assert.equal(parse('# Senior data engineer\n\nWe use SFIA where suppliers apply it (see SFIA).\n').otherFramework, undefined);
    assert.equal(parse('# Senior data engineer\n\nSuppliers map to the Skills Framework for the Information Age (SFIA).\n').otherFramework, undefined);
  });

  it('checks a DDaT advert that names SFIA in passing, or only in code, as a DDaT advert', () => {
    const passing = '# Senior data engineer\n\nSome contractors know their skills through SFIA; you need not.\n\n## Skills\n\n- **Data modelling** (working)\n';
    assert.equal(parse(passing).otherFramework, undefined);
    assert.deepEqual(seen(passing), ['level-mismatch 7:23-30 Senior data engineer needs Data modelling at practitioner, not working.']);
    const code = '# Senior data engineer\n\n```\n## SFIA skills\n```\n\n- **Data modelling** (working)\n';
    assert.equal(parse(code).otherFramework, undefined);
  });

  it('checks the document against SFIA when the full framework is loaded, and says nothing of a sample', () => {
    const data = { ...sfia.data, name: 'SFIA 9 (full)', skills: [...sfia.data.skills, { name: 'Software design', code: 'SWDN', levels: { '3': { statements: ['Designs components.'] }, '4': { statements: ['Designs systems.'] } } }] };
    const full = createLanguageService({ overrides: { documentKinds: NO_KIND_GLOBS }, frameworks: [{ uri: 'file:///work/sfia.skills.yaml', framework: new Framework(data as FrameworkData) }] });
    const doc = full.parseFresh('file:///work/vacancies/sfia.md', sfiaAdvert.replace('Software design', 'Software desing'), 1);
    assert.equal(doc.frameworkId, 'sfia');
    assert.deepEqual(full.diagnostics(doc).map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`), [
      'unknown-skill 9:5 "Software desing (SWDN)" is not a skill in SFIA. Did you mean "Software design"?',
      'unknown-skill 10:5 "Data engineering (DENG)" is not a skill in SFIA, and no skill is spelt like it. If it is a tool or a skill of your own, add it to the ignore list; "Skill Lens: Show skill" finds the skills of SFIA by what they are about.',
    ]);
  });

  it('reads no DDaT role from a role description written under another country’s framework, and says why it is not checked', () => {
    const text = '# Role Description – Senior Data Analyst\n\n## Capabilities for the role\n\nThe NSW Public Sector Capability Framework applies to all NSW public sector employees.\n\n## Selection criteria\n\n• Data analysis. Experience with SQL.\n';
    assert.equal(parse(text).role, undefined);
    assert.deepEqual(seen(text, true), [
      'other-framework 5:5-43 This document is written against the NSW Public Sector Capability Framework, which Skill Lens does not have, so its skills and levels are not checked against DDaT. To check them, add that framework to the workspace as a framework file and name it in front matter (framework: ID).',
    ]);
  });
});

describe('role levels named in lists and links', () => {
  it('reads the role from a `Role:` line that is a link', () => {
    const text = '# Tax platforms: engineering lead\n\nRole: [Lead developer](https://ddat-capability-framework.service.gov.uk/role/software-developer)\n\n## Skills\n\n- **Systems integration** (expert)\n';
    const doc = parse(text);
    assert.equal(doc.role?.text, 'Lead developer');
    assert.deepEqual(doc.role?.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 21 } });
    assert.deepEqual(seen(text), ['level-mismatch 7:28-34 Lead developer needs Systems integration at practitioner, not expert.']);
  });

  it('says a linked name in a list of role levels that is a typo of one is no role level', () => {
    const text = [
      '# Architecture job family',
      '',
      '* SEO Architect = [Solution architect](https://example.gov.uk/role/solution-architect)',
      '* G7 Solution architect = [Senior technical architect](https://example.gov.uk/role/technical-architect)',
      '* G6 Lead architect = [Lead solutions architect](https://example.gov.uk/role/solution-architect)',
      '* G6 Principal architect = [Principle technical architect](https://example.gov.uk/role/technical-architect)',
      '* SCS1 Chief architect = [Chief architect](https://example.gov.uk/scs)',
      '',
    ].join('\n');
    assert.deepEqual(seen(text), [
      'unknown-role 5:24-48 "Lead solutions architect" is not a role level in DDaT. Did you mean "Lead solution architect"?',
      'unknown-role 6:29-58 "Principle technical architect" is not a role level in DDaT. Did you mean "Principal technical architect"?',
    ]);
    assert.equal(service.diagnostics(parse(text))[0].severity, 2);
    // A link in a list that names no role level exactly is any other link.
    assert.deepEqual(seen('- [Lead solutions architect](https://example.com/jobs/1)\n- [Our blog](https://example.com/blog)\n'), []);
  });

  it('counts each link once: two links on one line are one role level and one typo, not two role levels', () => {
    // One link names a role level exactly: no list of role levels, so the other is any link.
    assert.deepEqual(seen('- [Trainee business architect](a) or [Associatee business architect](b)\n'), []);
    // With two exact ones, the typo beside one of them is reported once.
    const text = [
      '- [Trainee business architect](a) or [Associatee business architect](b)',
      '- [Lead business architect](c)',
      '',
    ].join('\n');
    assert.deepEqual(seen(text), [
      'unknown-role 1:39-68 "Associatee business architect" is not a role level in DDaT. Did you mean "Associate business architect"?',
    ]);
    // Links in code count for nothing, exact or not.
    assert.deepEqual(seen(['```', text, '```', '- [Associatee business architect](d)', ''].join('\n')), []);
    assert.deepEqual(seen([text, '```', '- [Associatee business architect](d)', '```', ''].join('\n')), [
      'unknown-role 1:39-68 "Associatee business architect" is not a role level in DDaT. Did you mean "Associate business architect"?',
    ]);
  });

  it('ranks a role level one misspelt word away before a shorter one that merely holds the other words', () => {
    assert.deepEqual(seen('# Vacancy\n\nRole: Principle technical architect\n'), [
      'unknown-role 3:7-36 "Principle technical architect" is not a role level in DDaT. The closest: "Principal technical architect", "Technical architect" or "Associate technical architect".',
    ]);
  });
});

describe('skill x role-level tables', () => {
  const table = [
    '# Data engineering: skills at each role level',
    '',
    '| Skill | Data engineer | Senior data engineer | Lead data engineer |',
    '|---|---|---|---|',
    '| Data modelling | Working | Practitioner | Expert |',
    '| Data integration design | Working | Practitioner | **Practitioner** |',
    '| Programming and build | Working | Practitioner | Practioner |',
    '| Metadata managment | Working | Working | - |',
    '| Testing | Working | Working<br>(practitioner in QA-heavy teams) | Working |',
    '',
  ].join('\n');

  it('checks each column against its own role level, which settles a name shared by qualified skills', () => {
    assert.deepEqual(seen(table, true), [
      'level-mismatch 6:56-68 Lead data engineer needs Data integration design at expert, not practitioner.',
      'unknown-level 7:52-62 "Practioner" is not a skill level in DDaT. Did you mean "Practitioner"?',
      // The name once, not once per column.
      'unknown-skill 8:3-21 "Metadata managment" is not a skill in DDaT. Did you mean "Metadata management"?',
    ]);
  });

  it('reads each cell as the level of its column’s role level, and a cell that is no level as none', () => {
    const doc = parse(table);
    const cells = doc.mentions.filter((m) => m.level).map((m) => `${m.name.text} @ ${m.level!.text}`);
    assert.deepEqual(cells.slice(0, 3), ['Data modelling @ Working', 'Data modelling @ Practitioner', 'Data modelling @ Expert']);
    assert.ok(!cells.some((c) => c.includes('-') || c.includes('QA-heavy')), cells.join('\n'));
  });

  it('reads a table with a level column as before', () => {
    assert.deepEqual(mentions('| Skill | Level |\n| --- | --- |\n| Data modelling | Working |\n'), ['Data modelling @ Working']);
  });
});

describe('names with no close spelling', () => {
  it('offers the skill closest by what it is about, marked as such, when no name is spelt alike', () => {
    const text = '# User researcher\n\n## Skills\n\n- **Research methods and planning** (working)\n- **Data visualization and storytelling** (working)\n';
    assert.deepEqual(seen(text), [
      'unknown-skill 5:5-34 "Research methods and planning" is not a skill in DDaT, and no skill is spelt like it. Closest by topic: "User research methods".',
      'unknown-skill 6:5-40 "Data visualization and storytelling" is not a skill in DDaT, and no skill is spelt like it. Closest by topic: "Data visualisation".',
    ]);
  });

  it('keeps no guess when nothing is close by spelling or by topic', () => {
    const text = '# User researcher\n\n## Skills\n\n- **Statistical methods** (working)\n- **Kubernetes** (expert)\n';
    assert.deepEqual(seen(text), [
      'unknown-skill 5:5-24 "Statistical methods" is not a skill in DDaT, and no skill is spelt like it. If it is a tool or a skill of your own, add it to the ignore list; "Skill Lens: Show skill" finds the skills of DDaT by what they are about.',
      'unknown-skill 6:5-15 "Kubernetes" is not a skill in DDaT, and no skill is spelt like it. If it is a tool or a skill of your own, add it to the ignore list; "Skill Lens: Show skill" finds the skills of DDaT by what they are about.',
    ]);
  });

  it('offers the topic’s skill as a quick fix, never as the one clear fix that Fix all applies', () => {
    const doc = parse('# User researcher\n\n## Skills\n\n- **Research methods and planning** (working)\n');
    const found = service.diagnostics(doc).filter((d) => d.code === 'unknown-skill');
    const titles = service.codeActions(doc, found).map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);
    assert.deepEqual(titles, ['Replace with "User research methods" (closest by topic)']);
    assert.equal(soleFix(found[0]), undefined);
  });
});

describe('the small ones', () => {
  it('reports both a wrong name and a wrong level on one line', () => {
    assert.deepEqual(seen('# Data engineer\n\n## What you will need\n\n- **Systems- design** (WIZARD)\n'), [
      'unknown-skill 5:5-20 "Systems- design" is not a skill in DDaT. Did you mean "Systems design" or "Systems design (frontend developer)"?',
      'unknown-level 5:24-30 "WIZARD" is not a skill level in DDaT. Use one of: AWARENESS, WORKING, PRACTITIONER, EXPERT.',
    ]);
    // A bold phrase that is like no skill, with a word in brackets, is prose; so is the start of
    // a skill's name with a word after a colon (a ladder's `**Evaluation**: Manager.`).
    assert.deepEqual(seen('# Data engineer\n\n**Our office** (Leeds) is by the station.\n'), []);
    assert.deepEqual(seen('# Data engineer\n\n- **Evaluation**: Manager.\n'), []);
  });

  it('says a framework without grades has none, once, rather than "Use one of ."', () => {
    const pathway = '---\nframework: sfia\nlevels:\n  SEO: 3\n  G7: 4\ntopics:\n  - name: Infrastructure operations\n    levels:\n      SEO: 3\n---\n';
    const { service: s, doc } = open(pathway, 'file:///work/pathways/ops.md');
    assert.deepEqual(s.diagnostics(doc).map((d) => `${d.code} ${d.severity} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`), [
      'unknown-grade 3 4:3 "SEO" is not a grade in SFIA, which has none: the grades of this pathway are not checked.',
    ]);
  });

  it('reads a qualifier the framework does not have as the skill without it, with a hint naming the qualifiers there are', () => {
    const text = '# Data engineer\n\n## Skills\n\n- Technical understanding (data engineering): practitioner\n- Coding and scripting (infrastructure engineer): working\n';
    const found = service.diagnostics(parse(text)).filter((d) => d.code !== 'missing-skill');
    assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${d.message}`), [
      'unknown-skill 4 5:3-45 DDaT has no "data engineering" variant of Technical understanding: read as Technical understanding. Its variants: "accessibility", "performance analyst" and "user-centred design".',
      'level-mismatch 2 5:47-59 Data engineer needs Technical understanding at working, not practitioner.',
    ]);
  });
});

describe('role pages with a section per role level', () => {
  it('checks the skills under a heading that names a role level against that role level, not the title’s', () => {
    const text = [
      '# Infrastructure engineer',
      '',
      '## 1. Associate infrastructure engineer',
      '',
      '### Skills needed for this role',
      '',
      'IT infrastructure',
      '',
      'Level: awareness',
      '',
      '## Senior infrastructure engineer',
      '',
      '- IT infrastructure',
      '  Level: practitioner',
      '- Information security',
      '  Level: expert',
      '',
      '## How to progress',
      '',
      '- IT infrastructure: expert',
      '',
    ].join('\n');
    assert.deepEqual(seen(text), [
      'level-mismatch 16:10-16 Senior infrastructure engineer needs Information security at working, not expert.',
      'level-mismatch 20:22-28 Infrastructure engineer needs IT infrastructure at working, not expert.',
    ]);
  });
});

describe('role pages pasted as text', () => {
  it('takes a role level’s name alone between blank lines for the start of its section, up to the next or a heading', () => {
    const text = [
      '# Infrastructure engineer',
      '',
      '1. Associate infrastructure engineer',
      '',
      'You support the team under direction.',
      '',
      'IT infrastructure',
      '',
      'Level: awareness',
      '',
      '3. Senior infrastructure engineer',
      '',
      'Information security',
      '',
      'Level: expert',
      '',
      '## Other role levels',
      '',
      '- Lead infrastructure engineer',
      '- Principal infrastructure engineer',
      '',
      'IT infrastructure',
      '',
      'Level: expert',
      '',
    ].join('\n');
    assert.deepEqual(seen(text), [
      'level-mismatch 15:8-14 Senior infrastructure engineer needs Information security at working, not expert.',
      'level-mismatch 24:8-14 Infrastructure engineer needs IT infrastructure at working, not expert.',
    ]);
  });
});

describe('hover in a role level’s section', () => {
  it('says what the section’s role level needs, not the title’s', () => {
    const text = '# Infrastructure engineer\n\n## Senior infrastructure engineer\n\n- Information security\n  Level: working\n';
    const doc = parse(text);
    const hover = service.hover(doc, { line: 4, character: 5 }) as { contents: { value: string } };
    assert.match(hover.contents.value, /Senior infrastructure engineer needs it at \*\*working\*\*\./);
  });
});
