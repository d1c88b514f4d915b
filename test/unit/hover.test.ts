import { strict as assert } from 'node:assert';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { Framework } from '../../server/src/framework/framework';
import { ddat, doc, ladder, open, sfia } from './helpers';

function hoverAt(text: string, uri?: string, framework: Framework = ddat): Hover | null {
  const d = doc(text, uri, framework);
  return d.service.hover(d.doc, d.position);
}
const value = (h: Hover | null) => (h!.contents as MarkupContent).value;
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

const SENIOR = '---\nkind: job-advert\nrole: Senior infrastructure engineer\ngrade: SEO\n---\n';
const PATHWAY = 'file:///work/pathways/cloud.yaml';
const SEED_PATHWAY = `path: "/pathways/cloudengineer"
title: "Cloud Engineer Pathway"
levels:
  EO: awareness
  SEO: working
  '7': practitioner
topics:
  - name: "Information security"
    pathway:
      awareness:
        description: You know about information security.
`;

describe('hover: skills', () => {
  it('explains Information security at practitioner with the framework’s own statement', () => {
    const h = hoverAt('# Job\n\n- **Informa|tion security** (practitioner)\n');
    assert.deepEqual(h!.range, range(2, 4, 24));
    assert.equal((h!.contents as MarkupContent).kind, 'markdown');
    assert.equal(
      value(h),
      '### Information security\n\n_DDaT skill_\n\n' +
        'Information security involves maintaining the security, confidentiality and integrity of information.\n\n' +
        '**Practitioner** — you can:\n\n' +
        '- design solutions and services with security controls included, specifically engineered to mitigate security threats\n\n' +
        '**Roles that need it:** Infrastructure engineer (awareness to practitioner), Development operations (DevOps) engineer (awareness to expert) ' +
        'and Software developer (awareness to expert).',
    );
  });

  it('says what level the document’s role needs', () => {
    const h = hoverAt(`${SENIOR}- Information secu|rity: practitioner\n`);
    assert.match(value(h), /\n\nSenior infrastructure engineer needs it at \*\*working\*\*\.$/);
    const other = hoverAt(`${SENIOR}- Accessibi|lity: working\n`);
    assert.match(value(other), /\n\nSenior infrastructure engineer does not list this skill\.$/);
  });

  it('says when a level is not defined for the skill', () => {
    const h = hoverAt('- **Analy|sis** (awareness)\n');
    assert.match(value(h), /\n\n_Not defined at awareness\._\n\n/);
  });

  it('lists the levels briefly when the mention has none', () => {
    const h = hoverAt('- Coding and scri|pting\n');
    assert.match(
      value(h),
      /\n\n- \*\*Awareness\*\*: describe different scripting tools and software that are available and currently in use\n- \*\*Working\*\*: interact with, read and write code \(and 1 more\)\n- \*\*Practitioner\*\*: not defined\n- \*\*Expert\*\*: not defined\n\n/,
    );
  });

  it('tells the story of a renamed skill, under its new name', () => {
    const h = hoverAt('- Problem sol|ving: working\n');
    assert.deepEqual(h!.range, range(0, 2, 17));
    assert.match(value(h), /^### Problem management\n/);
    assert.match(value(h), /\n\nRenamed from Problem solving on 30 August 2022\.$/);
    // Under its current name too.
    assert.match(value(hoverAt('- Problem man|agement\n')), /Renamed from Problem solving on 30 August 2022\.$/);
  });

  it('shows a Senior Civil Service skill’s statements and category', () => {
    const h = hoverAt('- Capability building for digital, data and tech|nology\n');
    assert.match(value(h), /^### Capability building for digital, data and technology\n\n_Senior Civil Service_\n\n/);
    assert.match(value(h), /\n\nYou can:\n\n- /);
  });

  it('names the variants of an ambiguous name', () => {
    const h = hoverAt('| Skill | Level |\n| --- | --- |\n| Agile wor‸king | working |\n');
    const ambiguous = ddat.lookupSkill('Agile working');
    if (ambiguous.kind === 'ambiguous') assert.match(value(h), /fits more than one skill/);
    else assert.match(value(h), /^### Agile working\n/);
  });

  it('suggests a name for a misspelt skill in a table, and stays quiet on bold prose', () => {
    const table = hoverAt('| Skill | Level |\n| --- | --- |\n| Informaton sec‸urity | working |\n');
    assert.equal(value(table), '“Informaton security” is not a DDaT skill. Did you mean **Information security**?');
    assert.equal(hoverAt('**We ar|e hiring.** Come and join us.\n'), null);
  });

  it('explains a ladder competency area in the first person', () => {
    const h = hoverAt('# Review\n\n## Domain expert|ise\n\nLevel: L3\n', 'file:///work/reviews/me.md', ladder);
    assert.match(value(h), /^### Domain expertise\n\n_Career ladder competency area_\n\n\*\*Senior Cloud Security Engineer \(L3\)\*\*:\n\n- I am advanced in my team's domain\.\n/);
  });
});

describe('hover: levels', () => {
  it('places a level word on the scale, with the skill’s statements at that level', () => {
    const h = hoverAt('- **Information security** (prac|titioner)\n');
    assert.deepEqual(h!.range, range(0, 28, 40));
    assert.equal(
      value(h),
      '**Practitioner**: level 3 of 4 (awareness < working < **practitioner** < expert)\n\n' +
        'You know how to share your knowledge and experience of this skill with others, including tools and techniques. You can define those most appropriate for the environment.\n\n' +
        'Information security at this skill level:\n\n' +
        '**Practitioner** — you can:\n\n' +
        '- design solutions and services with security controls included, specifically engineered to mitigate security threats',
    );
  });

  it('works on a gov.uk `Level:` line, and on one whose skill is not known', () => {
    assert.match(value(hoverAt('Information security\nLevel: work|ing\n')), /^\*\*Working\*\*: level 2 of 4 \(awareness < \*\*working\*\* < practitioner < expert\)\n\n/);
    const h = hoverAt('Something else entirely\n\nLevel: exp|ert\n');
    assert.deepEqual(h!.range, range(2, 7, 13));
    assert.match(value(h), /^\*\*Expert\*\*: level 4 of 4/);
  });

  it('offers the closest level for a misspelt one', () => {
    const h = hoverAt('- **Information security** (practi|oner)\n');
    assert.equal(value(h), '“practioner” is not a skill level of DDaT. Did you mean **practitioner**?\n\nThe skill levels, lowest first: awareness < working < practitioner < expert.');
  });

  it('explains SFIA’s numbered levels by name', () => {
    const h = hoverAt('- Infrastructure operations: |3\n', 'file:///work/adverts/ops.md', sfia);
    assert.match(value(h), /^\*\*Apply\*\*: level 3 of 7 \(1 < 2 < \*\*3\*\* < 4 < 5 < 6 < 7\)/);
  });

  it('explains pathway level keys with the topic’s statements', () => {
    const h = hoverAt(SEED_PATHWAY.replace('      awareness:', '      aware|ness:'), PATHWAY);
    assert.deepEqual(h!.range, range(9, 6, 15));
    assert.match(value(h), /^\*\*Awareness\*\*: level 1 of 4 .*\n\nInformation security at this skill level:\n\n\*\*Awareness\*\* — you can:\n\n- explain information security/s);
  });

  it('explains a level a pathway writes as its number, and the grade given with it', () => {
    const content = 'topics:\n  - name: Testing\n    content:\n      - level: |3\n        grade: G7\n';
    const h = hoverAt(content, PATHWAY);
    assert.deepEqual(h!.range, range(3, 15, 16));
    assert.match(value(h), /^\*\*Practitioner\*\*: level 3 of 4 .*\n\nIn this pathway, G7 maps to practitioner\.\n\nTesting at this skill level:\n\n\*\*Practitioner\*\* — you can:\n\n- /s);
    const grade = hoverAt(content.replace('|3', '3').replace('G7', 'G|7'), PATHWAY);
    assert.match(value(grade), /\n\nIn this pathway, G7 maps to \*\*practitioner\*\*, skill level 3 of 4\.$/);
    // A topic's own grade map, with a number past the end of the scale.
    const map = hoverAt('skills:\n  - name: Testing\n    levels: { SEO: |5 }\n', PATHWAY);
    assert.match(value(map), /^“5” is not a skill level of DDaT/);
  });

  it('says what a pathway grade maps to, on the level value', () => {
    const h = hoverAt(SEED_PATHWAY.replace('SEO: working', 'SEO: work|ing'), PATHWAY);
    assert.match(value(h), /\n\nIn this pathway, SEO maps to working\.$/);
  });
});

describe('hover: grades and roles', () => {
  it('says what a front-matter grade is and which role levels are performed at it', () => {
    const h = hoverAt(SENIOR.replace('grade: SEO', 'grade: S|EO'));
    assert.deepEqual(h!.range, range(3, 7, 10));
    assert.equal(
      value(h),
      '**SEO**: Senior Executive Officer\n\nInfrastructure engineer and Senior infrastructure engineer are performed at this grade.\n\n' +
        'Senior infrastructure engineer is performed at SEO and G7.',
    );
  });

  it('says what a pathway grade key maps to, including a grade written as a number', () => {
    const seo = hoverAt(SEED_PATHWAY.replace('  SEO:', '  S|EO:'), PATHWAY);
    assert.equal(
      value(seo),
      '**SEO**: Senior Executive Officer\n\nInfrastructure engineer and Senior infrastructure engineer are performed at this grade.\n\n' +
        'In this pathway, SEO maps to **working**, skill level 2 of 4.',
    );
    const g7 = hoverAt(SEED_PATHWAY.replace("'7':", "'|7':"), PATHWAY);
    assert.match(value(g7), /^\*\*G7\*\*: Grade 7\n\nSenior infrastructure engineer and Lead infrastructure engineer are performed at this grade\.\n\nIn this pathway, G7 maps to \*\*practitioner\*\*, skill level 3 of 4\.$/);
  });

  it('describes the front-matter role: grades, responsibilities and skills with levels', () => {
    const h = hoverAt(SENIOR.replace('role: Senior', 'role: Sen|ior'));
    assert.deepEqual(h!.range, range(2, 6, 36));
    const text = value(h);
    assert.match(text, /^### Senior infrastructure engineer\n\n_IT operations › Infrastructure engineer, role level 3 of 5_\n\nAn infrastructure engineer designs, builds/);
    assert.match(text, /\n\n\*\*Grades:\*\* SEO \(Senior Executive Officer\) and G7 \(Grade 7\)\.\n\n/);
    assert.match(text, /\n\n\*\*At this role level, you will:\*\*\n\n- ensure services are integrated, delivered and operated as required\n/);
    assert.match(text, /\n- Information security: working\n/);
  });

  it('describes a role level of any family, and says when its grade is not given', () => {
    const text = value(hoverAt('---\nrole: Senior data engi|neer\n---\n'));
    assert.match(text, /^### Senior data engineer\n\n_Data › Data engineer, role level 2 of 4_\n\nA data engineer develops and constructs data products/);
    assert.match(text, /\n\nA senior data engineer designs and leads the implementation of data flows/);
    assert.match(text, /\n\n\*\*Grades:\*\* not given by DDaT for this role level\.\n\n/);
    assert.match(text, /\n- lead the build of data streaming systems\n/);
    assert.match(text, /\n- Data modelling: practitioner\n/);
    assert.match(text, /\n- Programming and build \(data engineering\): practitioner/);
  });

  it('suggests the closest role and grade for unknown ones', () => {
    assert.equal(value(hoverAt('---\nrole: Senior infrastucture engi|neer\n---\n')), '“Senior infrastucture engineer” is not a role level of DDaT. Did you mean **Senior infrastructure engineer** or **Senior infrastructure operations engineer**?');
    assert.match(value(hoverAt('---\ngrade: SE|0\n---\n')), /^“SE0” is not a grade of DDaT\. Did you mean \*\*SEO\*\*/);
  });

  it('describes the framework named in front matter', () => {
    assert.equal(
      value(hoverAt('---\nframework: dd|at\n---\n')),
      '**UK Government Digital and Data Profession Capability Framework**\n\n188 skills, 4 skill levels (awareness < working < practitioner < expert) and 52 roles in 8 role families with 201 role levels.',
    );
  });
});

describe('hover: reads well and never fails', () => {
  it('has no raw data, "undefined" or "null" in any hover of a busy document', () => {
    const text =
      `${SENIOR}# Job\n\n- **Information security** (practitioner)\n- Problem solving: working\n- **Analysis** (awareness)\n` +
      '- Capability building for digital, data and technology\n| Skill | Level |\n| --- | --- |\n| Testing | expart |\n\nIT infrastructure\nLevel: expert\n';
    const { service, doc: model } = open(text);
    assert.ok(model.mentions.some((m) => m.form === 'table'));
    let hovers = 0;
    for (let line = 0; line < model.lines.lineCount; line++) {
      for (let character = 0; character <= model.lines.line(line).length; character++) {
        const h = service.hover(model, { line, character });
        if (!h) continue;
        hovers++;
        const v = value(h);
        assert.doesNotMatch(v, /undefined|\bnull\b|\[object|[{}]|NaN/, v);
        assert.ok(h.range && h.range.start.line === line);
      }
    }
    assert.ok(hovers > 100);
  });

  it('answers null past the end and on plain text', () => {
    const d = doc('Just some words.\n');
    assert.equal(d.service.hover(d.doc, { line: 0, character: 3 }), null);
    assert.equal(d.service.hover(d.doc, { line: 50, character: 50 }), null);
  });
});
