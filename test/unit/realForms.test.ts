// The forms in which real adverts write skills, each in at least two styles, and the prose that
// must stay quiet: exact ranges, codes and messages, as a user sees them in the Problems panel.
import { strict as assert } from 'node:assert';
import { findingLines, mentionLines, NO_KIND_GLOBS, serviceFor } from './helpers';
import { frameworkContext } from '../../server/src/features/frameworkContext';

const service = serviceFor({ kinds: NO_KIND_GLOBS });

function parse(text: string) {
  return service.parseFresh('file:///work/vacancies/2026-11.md', text, 1);
}

/** What the user sees, without the missing-skill findings a role brings (tested elsewhere). */
function seen(text: string): string[] {
  return findingLines(service.diagnostics(parse(text)));
}

/** The skills (and levels) the parser read, as `name @ level`. */
function mentions(text: string): string[] {
  return mentionLines(parse(text));
}

describe('real adverts: the forms people write', () => {
  describe('1. bold lead-ins under a skills heading', () => {
    it('reads every lead-in as a skill, a known one quietly and an unknown one with did-you-mean', () => {
      const text = [
        '# Senior data engineer',
        '',
        '## Essential skills',
        '',
        '- **Data modelling**. Experience of designing logical and physical data models.',
        '* **Metadata managment**. You can describe and document data.',
        '- **[Data innovation](https://www.gov.uk/guidance/data-innovation)**. Awareness of new tools.',
        '- **Stakeholder wrangling**: you keep people on side.',
        '',
      ].join('\n');
      assert.deepEqual(mentions(text), ['Data modelling', 'Metadata managment', 'Data innovation', 'Stakeholder wrangling']);
      assert.deepEqual(seen(text), [
        'unknown-skill 6:5-23 "Metadata managment" is not a skill in DDaT. Did you mean "Metadata management"?',
        'unknown-skill 8:5-26 "Stakeholder wrangling" is not a skill in DDaT, and no skill is spelt like it. If it is a tool or a skill of your own, add it to the ignore list; "Skill Lens: Show skill" finds the skills of DDaT by what they are about.',
      ]);
    });

    it('reads them under the headings real adverts use, and not under other headings', () => {
      for (const heading of ['## Skills needed for this role', "### We'll assess you against these skills", '## Desirable skills', '**Essential skills**']) {
        const text = `# Vacancy\n\n${heading}\n\n- **Cloud enginering**. Experience of cloud platforms.\n`;
        const found = seen(text);
        if (heading.startsWith('**')) assert.deepEqual(found, [], heading); // bold text is not a heading
        else assert.deepEqual(found, ['unknown-skill 5:5-21 "Cloud enginering" is not a skill in DDaT, and no skill is spelt like it. If it is a tool or a skill of your own, add it to the ignore list; "Skill Lens: Show skill" finds the skills of DDaT by what they are about.'], heading);
      }
      assert.deepEqual(seen('# Vacancy\n\n## Benefits\n\n- **Flexible working**. Compressed hours are possible.\n'), []);
    });

    it('ends the skills section at the next heading of the same depth', () => {
      const text = '## Essential skills\n\n- **User focus**. You understand users.\n\n## About us\n\n- **Flexi time**. Work when it suits you.\n';
      assert.deepEqual(mentions(text), ['User focus']);
    });
  });

  describe('2. headings with the level in brackets, and level sub-headings', () => {
    it('reads `### Skill (Level)` in its spellings', () => {
      const text = '# Lead DevOps engineer\n\n### Modern development standards (Expert)\n\n### User focus (Practitioner level)\n\n### Prototyping (Working Level)\n\n### Systems design (level 3)\n';
      assert.deepEqual(mentions(text), ['Modern development standards @ Expert', 'User focus @ Practitioner', 'Prototyping @ Working', 'Systems design @ level 3']);
      assert.deepEqual(seen(text), ['level-mismatch 7:18-25 Lead DevOps engineer needs Prototyping at practitioner, not working.']);
    });

    it('gives a skill heading the level of the sub-heading under it', () => {
      const text = '# Senior data engineer\n\n## Skills\n\n### Data modelling\n\n#### Working\n\nYou can design a data model.\n\n### Testing\n\n#### Level 2 - Working\n';
      assert.deepEqual(mentions(text), ['Data modelling @ Working', 'Testing @ Working']);
      assert.deepEqual(seen(text), ['level-mismatch 7:6-13 Senior data engineer needs Data modelling at practitioner, not working.']);
    });

    it('reads a heading per level of one skill as a description of the skill, not a level needed', () => {
      const text = '## Data modelling\n\n### Awareness\n\nYou know…\n\n### Working\n\nYou can…\n';
      assert.deepEqual(mentions(text), ['Data modelling']);
    });
  });

  describe('3. `Skill - description` and `Skill: description` under a skills heading', () => {
    it('reads the name before the first separator, flagging a near miss only', () => {
      const text = [
        '# Senior data engineer',
        '',
        '## Skills you will need',
        '',
        '- Data integration design - experience of integrating data from many sources',
        '- Problem managment: you can investigate problems - and fix them',
        '- Experience: at least two years in a similar role',
        '',
      ].join('\n');
      assert.deepEqual(mentions(text), ['Data integration design', 'Problem managment', 'Experience']);
      assert.deepEqual(seen(text), ['unknown-skill 6:3-20 "Problem managment" is not a skill in DDaT. Did you mean "Problem management"?']);
    });

    it('reads the level in brackets that ends the item, on a line it wraps onto too, and only a level', () => {
      const text = [
        '# Senior Quality Assurance Test Analyst',
        '',
        'Grade: SEO',
        '',
        '## Skills needed for this role',
        '',
        '- Test analysis: you can analyse requirements and designs and find the gaps',
        '  before anyone writes any code (level 3)',
        '- Test and quality planning: you can write a test approach for a product and keep it current',
        'as the product changes (level 4).',
        '- Test engineering: you understand how checks fit into a pipeline (awareness)',
        '- Test automation: you can write automated UI and API checks (level 2)',
        '- Defect management: you triage and report defects (for example in Jira)',
        '- Experience: at least two years (essential)',
        '',
        'We value curiosity (level 9 of it).',
        '',
      ].join('\n');
      assert.deepEqual(mentions(text), [
        'Test analysis @ level 3',
        'Test and quality planning @ level 4',
        'Test engineering @ awareness',
        'Test automation @ level 2',
        'Defect management',
        'Experience',
      ]);
      // The same with bold lead-ins.
      const bold = text.replace(/^- ([^:]+):/gm, '- **$1**:');
      assert.deepEqual(mentions(bold), mentions(text));
      // A job from elsewhere: a proficiency word is not taken as a level of a name that is no skill.
      const elsewhere = '# IT Analyst (IT-02)\n\n## Skills\n\n- Troubleshooting: diagnose workstation issues (advanced)\n- Scripting: PowerShell automation (intermediate)\n';
      assert.deepEqual(mentions(elsewhere), ['Troubleshooting', 'Scripting']);
      assert.ok(!seen(elsewhere).some((f) => f.startsWith('unknown-level')), seen(elsewhere).join('\n'));
      const boldSeen = seen(bold);
      assert.ok(boldSeen.includes('level-mismatch 10:25-32 Senior quality assurance test analyst needs Test and quality planning at practitioner, not expert.'), boldSeen.join('\n'));
      assert.ok(boldSeen.some((f) => f.startsWith('unknown-skill 12:5-20 "Test automation"')), boldSeen.join('\n'));
      assert.deepEqual(seen(text), [
        'level-mismatch 10:25-32 Senior quality assurance test analyst needs Test and quality planning at practitioner, not expert.',
        'unknown-skill 12:3-18 "Test automation" is not a skill in DDaT, and no skill is spelt like it. If it is a tool or a skill of your own, add it to the ignore list; "Skill Lens: Show skill" finds the skills of DDaT by what they are about.',
      ]);
    });
  });

  describe('4. plain items with a level in brackets', () => {
    it('checks the level of `- Skill (level)` and `1. Skill (level)`', () => {
      const text = '# Vacancy\n\n- Information security (wizard)\n1. Testing (expert)\n2) Systems design (practitioner)\n';
      assert.deepEqual(mentions(text), ['Information security @ wizard', 'Testing @ expert', 'Systems design @ practitioner']);
      assert.deepEqual(seen(text), ['unknown-level 3:25-31 "wizard" is not a skill level in DDaT. Use one of: awareness, working, practitioner, expert.']);
    });

    it('leaves a bracket that qualifies the skill, or says how much it matters, alone', () => {
      const text = '- Technical understanding (accessibility)\n- Coding and scripting (infrastructure engineer)\n- Information security (essential)\n';
      assert.deepEqual(mentions(text), ['Technical understanding (accessibility)', 'Coding and scripting (infrastructure engineer)', 'Information security (essential)']);
      assert.deepEqual(seen(text), []);
    });

    it('never drops a line because both its name and its level are wrong', () => {
      for (const line of ['- **Cloud enginering** (practioner)', '* **Informaton security** (practioner)']) {
        const found = seen(`# Vacancy\n\n${line}\n`).map((d) => d.split(' ')[0]);
        assert.deepEqual(found, ['unknown-skill', 'unknown-level'], line);
      }
    });
  });

  describe('5. level numbers', () => {
    it('reads `level: 3`, `Level 2` and `(level 4)` on the four-level scale', () => {
      const text = 'Data modelling\n\nLevel: 3\n\n- Testing: Level 2\n- **User focus** (level 4)\n';
      assert.deepEqual(mentions(text), ['Data modelling @ level 3', 'Testing @ Level 2', 'User focus @ level 4']);
      assert.deepEqual(seen(text), []);
    });

    it('says a number past the scale is not a level, and what the scale is', () => {
      const text = '- **User focus** (level 5)\n- Testing: Level 6\n';
      assert.deepEqual(seen(text), [
        'unknown-level 1:19-26 "level 5" is not a skill level in DDaT, which has 4: use a number from 1 (awareness) to 4 (expert).',
        'unknown-level 2:12-19 "Level 6" is not a skill level in DDaT, which has 4: use a number from 1 (awareness) to 4 (expert).',
      ]);
    });
  });

  describe('precision: what stays quiet', () => {
    it('does not take a level word that starts prose for a level', () => {
      const text = '**Collaboration:** Working closely with colleagues across teams.\n- Comfortable with ambiguity - working on new problems\n- **Delivery** - expert advice when you need it\n';
      assert.deepEqual(mentions(text), []);
      assert.deepEqual(seen(text), []);
    });

    it('does not take a few words that name no level for one, after a skill in notes with a role', () => {
      const text = '# Sprint notes\n\nRole: Developer\n\n- **Testing**: flaky suite fixed\n- **Prototyping**: practioner level\n';
      assert.deepEqual(mentions(text), ['Testing', 'Prototyping @ practioner level']);
      assert.ok(!seen(text).some((f) => f.includes('flaky')), seen(text).join('\n'));
    });

    it('does not make notes about skills from one level word in prose', () => {
      const notes = '# Sprint notes\n\n- Testing: practitioner-level pairing on Fridays\n- **Communication** with the platform team is slow\n\n**Communication**\n';
      const doc = parse(notes);
      assert.equal(frameworkContext(doc, service.frameworkOf(doc)), false);
      const found = service.diagnostics(doc);
      assert.deepEqual(found.filter((d) => d.severity! < 4).map((d) => `${d.code} ${d.message}`), []);
      // A skill written with its level alone is still about the framework; so are two in prose.
      assert.equal(frameworkContext(parse('# Notes\n\n- Testing: practitioner\n'), service.activeFramework()), true);
      assert.equal(frameworkContext(parse('# Notes\n\n- Testing: practitioner-level pairing on Fridays\n- Data management: working - we tidied the catalogue\n'), service.activeFramework()), true);
    });

    it('keeps a job description from elsewhere clean: hints at most', () => {
      const us = [
        '# Senior Software Engineer',
        '',
        'Seattle, WA · Full time',
        '',
        '## Skills',
        '',
        '- **Problem solving:** You break down ambiguous problems.',
        '- **Communication:** You write clear design documents.',
        '- **Programming and build**. Five years of Java.',
        '- Python (expert)',
        '',
        '| Skills used | Years |',
        '| --- | --- |',
        '| networking, Terraform | 3 |',
        '',
      ].join('\n');
      const found = service.diagnostics(parse(us));
      assert.deepEqual(found.filter((d) => d.severity! < 4).map((d) => d.message), []);
      assert.deepEqual(found.map((d) => `${d.code} ${d.severity}`), ['renamed-skill 4', 'ambiguous-skill 4', 'ambiguous-skill 4', 'unknown-skill 4']);
    });

    it('takes neither a list of technologies nor another scheme’s grade for a skill with a level', () => {
      assert.deepEqual(mentions('# Vacancy\n\n## Mandatory skills\n\n- Java 8/11/17, Spring Boot, Microservices – Expert\n'), []);
      assert.deepEqual(mentions('# APS 6 Cloud Infrastructure Officer\n\n**Classification:** APS Level 6\n'), []);
    });

    it('checks the same lead-ins once the document names a role', () => {
      const text = '# Senior data engineer\n\n## Skills\n\n- **Problem solving:** You break down problems.\n';
      assert.deepEqual(seen(text), ['renamed-skill 5:5-20 "Problem solving" was renamed "Problem management" on 30 August 2022. Use the new name.']);
    });

    it('reads a table column as skills only when its cells are skill names', () => {
      const free = '# Senior data engineer\n\n| Project | DDaT skills recognised |\n| --- | --- |\n| Data platform | networking, Terraform |\n| Migration | none written |\n| Portal | Data modeling and more besides |\n';
      assert.deepEqual(mentions(free), []);
      const names = '# Senior data engineer\n\n| DDaT skill | Level required |\n| --- | --- |\n| Data modeling | Practitioner |\n| Testing | Working |\n| Metadata management | Practitioner |\n';
      assert.deepEqual(mentions(names), ['Data modeling @ Practitioner', 'Testing @ Working', 'Metadata management @ Practitioner']);
      assert.deepEqual(seen(names), ['unknown-skill 5:3-16 "Data modeling" is not a skill in DDaT. Did you mean "Data modelling" or "Data modelling, cleansing and enrichment"?']);
    });

    it('still reads a level that ends its phrase', () => {
      const text = '- Testing: working - you can test your own code\n- **User focus** - Expert level\n- Systems design: practitioner.\n';
      assert.deepEqual(mentions(text), ['Testing @ working', 'User focus @ Expert', 'Systems design @ practitioner']);
    });
  });

  describe('7. the kind of a document from what it says', () => {
    const kind = (text: string) => parse(text).kind;
    it('takes sections adverts have for an advert', () => {
      assert.equal(kind('# Data platform lead\n\n## About the job\n\nText.\n'), 'job-advert');
      assert.equal(kind('# DWP Digital\n\n### Person specification\n\nText.\n'), 'job-advert');
      assert.equal(kind('# Lead user researcher\n\nText.\n'), 'job-advert');
    });

    it('takes assessed levels, self-assessment and objectives for a review', () => {
      assert.equal(kind('# Q3 check-in: J Smith\n\n| Skill | Expected | Assessed | Evidence |\n| --- | --- | --- | --- |\n'), 'review');
      assert.equal(kind('# My year\n\n## Self-assessment\n\nText.\n'), 'review');
      assert.equal(kind('# 2026\n\n## Objectives\n\nText.\n'), 'review');
    });

    it('leaves notes unknown', () => {
      assert.equal(kind('# Meeting notes\n\nWe talked about user research.\n'), 'unknown');
    });
  });

  describe('one problem, one finding', () => {
    it('does not call a skill missing when the advert misspells it', () => {
      const text = '# Senior data engineer\n\n## Skills\n\n- **Metadata managment**. You document data.\n';
      const all = service.diagnostics(parse(text));
      assert.ok(all.some((d) => d.code === 'unknown-skill' && d.message.includes('Did you mean "Metadata management"?')));
      assert.ok(!all.some((d) => d.code === 'missing-skill' && d.message.includes('requires Metadata management ')));
      assert.ok(all.some((d) => d.code === 'missing-skill' && d.message.includes('requires Testing ')), 'other missing skills are still named');
    });

    it('reads an unqualified name as the variant the role needs', () => {
      const text = '# Senior performance analyst\n\n| Skill | Level |\n| --- | --- |\n| Technical understanding | Working |\n';
      assert.deepEqual(seen(text), ['level-mismatch 5:29-36 Senior performance analyst needs Technical understanding (performance analyst) at practitioner, not working.']);
    });

    it('reads a skill heading that is a link', () => {
      const text = '# Senior product manager\n\n## Skills\n\n### [Stakeholder relationship management](https://www.gov.uk/guidance/x)\n\n#### Working\n';
      assert.deepEqual(mentions(text), ['Stakeholder relationship management @ Working']);
      assert.deepEqual(seen(text), ['level-mismatch 7:6-13 Senior product manager needs Stakeholder relationship management at practitioner, not working.']);
    });
  });

  describe('levels as people misspell them or borrow them', () => {
    it('reads a bracketed level right after a bold name followed by a description', () => {
      const text = '# Delivery manager\n\n## Skills\n\n* **Agile and Lean practices** (practioner). You keep delivery moving.\n';
      assert.deepEqual(mentions(text), ['Agile and Lean practices @ practioner']);
      assert.deepEqual(seen(text), ['unknown-level 5:33-43 "practioner" is not a skill level in DDaT. Did you mean "practitioner"?']);
    });

    it('reads another scale’s word where a level goes as a level the framework lacks', () => {
      const text = '# Senior developer\n\n## Skills I am working on\n\n- **Prototyping** – intermediate. Built a prototype in two days.\n- Testing: advanced, with good coverage\n';
      assert.deepEqual(mentions(text), ['Prototyping @ intermediate', 'Testing @ advanced']);
      assert.deepEqual(seen(text).map((d) => d.split(' ').slice(0, 2).join(' ')), ['unknown-level 5:21-33', 'unknown-level 6:12-20']);
      // Prose that starts with such a word is not a level.
      assert.deepEqual(mentions('- **Testing** - advanced techniques are a plus\n'), ['Testing']);
    });

    it('reads a misspelt level sub-heading, and a numbered one past the scale', () => {
      const text = '# Senior DevOps engineer\n\n### Modern development standards\n\n#### Practioner\n\n### Prototyping\n\n#### Level 5 - Master\n';
      assert.deepEqual(mentions(text), ['Modern development standards @ Practioner', 'Prototyping @ Level 5 - Master']);
      assert.deepEqual(seen(text).map((d) => d.split(' ').slice(0, 2).join(' ')), ['unknown-level 5:6-16', 'unknown-level 9:6-22']);
    });

    it('reads the labels reviews give a level line', () => {
      const text = '# Self-assessment\n\nCurrent role: Data engineer\n\n## Metadata managment\n\nAssessed: practitoner\n\n## Data modelling\n\nExpected level: working\n';
      const doc = parse(text);
      assert.equal(doc.role!.text, 'Data engineer');
      assert.deepEqual(mentions(text), ['Metadata managment @ practitoner', 'Data modelling @ working']);
      assert.deepEqual(seen(text).map((d) => d.split(' ').slice(0, 2).join(' ')), ['unknown-skill 5:4-22', 'unknown-level 7:11-22']);
    });

    it('reads the assessed level of a review table, wherever its column is', () => {
      const text = '# Mid-year review\n\nRole: Infrastructure engineer\n\n| Skill | Expected | Assessed | Evidence |\n| --- | --- | --- | --- |\n| Ownership and initiative | Working | Practicioner | Took over the migration. |\n';
      assert.deepEqual(mentions(text), ['Ownership and initiative @ Practicioner']);
      assert.deepEqual(seen(text).map((d) => d.split(' ').slice(0, 2).join(' ')), ['unknown-level 7:40-52']);
      const rated = '# Review\n\n| Evidence | Skill | Manager rating |\n| --- | --- | --- |\n| Built dashboards | Data visualisation | Wroking |\n';
      assert.deepEqual(mentions(rated), ['Data visualisation @ Wroking']);
    });

    it('reports no level-mismatch in a review, where assessed levels may differ from the role’s', () => {
      const review = '# Mid-year review\n\nRole: Senior data engineer\n\n| Skill | Level |\n| --- | --- |\n| Data modelling | Working |\n';
      assert.equal(parse(review).kind, 'review');
      // A level below the role level's is a development need there, not a mistake in the document.
      assert.deepEqual(seen(review).map((d) => d.split(' ').slice(0, 2).join(' ')), ['below-expected 7:20-27', 'no-evidence 7:20-27']);
      const advert = review.replace('# Mid-year review', '# Vacancy');
      assert.deepEqual(seen(advert).map((d) => d.split(' ')[0]), ['level-mismatch']);
    });
  });
});
