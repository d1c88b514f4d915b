// A framework file is workspace content (it may come from a cloned repository): none of its
// text may become markup where it is shown as Markdown, in hovers, completion documentation,
// Show skill, Compare role levels, the framework view or the profile table. Rendered here with
// markdown-it, as VS Code's Markdown preview renders (raw HTML and linkify on).
import { strict as assert } from 'node:assert';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { Framework } from '../../server/src/framework/framework';
import { compareMarkdown, skillMarkdown } from '../../server/src/features/frameworkViews';
import { frameworkRendering } from '../../server/src/features/frameworkRendering';
import { computeProfile, profileMarkdown } from '../../server/src/reviews/profile';
import { open } from './helpers';

// markdown-it has no type declarations in the project; this is all the test uses of it.
const MarkdownIt = require('markdown-it') as new (options: { html: boolean; linkify: boolean }) => { render(markdown: string): string };
const renderer = new MarkdownIt({ html: true, linkify: true });

/** Raw HTML, a command: link, a javascript: autolink, a remote image and a link reference. */
const P = ' <img src="https://evil.example/p.png"><a href="command:workbench.action.terminal.new">run</a> [c](command:evil.run) ![i](https://evil.example/i.png) <javascript:alert(1)> `x` *y* _z_ | w';
const REF = '\n\n[r]: javascript:alert(1)\n\nsee [r]';

const hostile = new Framework({
  id: 'hostile',
  name: `Hostile${P}`,
  shortName: `HF${P}`,
  skillNoun: `skill${P}`,
  levelNoun: `level${P}`,
  levels: [
    { id: `one${P}`, name: 'One', description: `The first${P}${REF}` },
    { id: `two${P}`, name: 'Two' },
  ],
  grades: [
    { id: 'G1', name: `Grade one${P}`, rank: 1 },
    { id: 'G2', name: `Grade two${P}`, rank: 2 },
  ],
  skills: [
    {
      name: 'Kindness',
      code: `K${P}`,
      category: `Care${P}`,
      description: `Being kind${P}${REF}`,
      formerNames: ['Niceness'],
      levels: { [`one${P}`]: { statements: [`helps others${P}`], examples: [`an example${P}`] }, [`two${P}`]: { statements: [`leads others${P}`] } },
      notes: [`A note${P}`],
      examples: [`Example${P}`],
    },
    { name: `Cruelty${P}`, description: `Not kind${P}`, statements: [`Statement${P}`], levels: {} },
  ],
  roles: [
    {
      name: `Helper${P}`,
      family: `Care family${P}`,
      description: `Helps${P}${REF}`,
      levels: [
        { name: 'Junior helper', summary: `Starts${P}`, grades: ['G1'], responsibilities: [`Listens${P}`], skills: [{ skill: 'Kindness', level: `one${P}` }, { skill: `Cruelty${P}`, level: `one${P}` }] },
        { name: 'Senior helper', grades: ['G2'], responsibilities: [`Leads${P}`], skills: [{ skill: 'Kindness', level: `two${P}` }] },
      ],
    },
  ],
  renames: [{ from: 'Niceness', to: 'Kindness', date: `2020-01-01${P}` }],
});

const TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'em', 'strong', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'blockquote', 'hr', 'br', 'img']);

/**
 * What the Markdown renders to: no tag of the framework's, no link, no image but the chart. A
 * web address written out in the text is made a link to itself, as VS Code's preview and hovers
 * do with any text (linkify): that shows what it says, and is no markup of the framework's.
 */
function assertInert(markdown: string, where: string): void {
  const html = renderer.render(markdown).replace(/<a href="(https?:\/\/[^"<>]*)">\1<\/a>/g, '$1');
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
    assert.ok(TAGS.has(m[2].toLowerCase()), `${where}: <${m[2]}> in ${html}`);
    if (m[2].toLowerCase() === 'img') assert.match(m[3], /^ src="data:image\/svg\+xml;base64,/, `${where}: an image from ${m[3]}`);
  }
  // Attributes only: the framework's own text shows `href=&quot;…` as text.
  assert.doesNotMatch(html, /\s(?:href|src)="(?!data:image\/svg\+xml;base64,)/, `${where}: ${html}`);
}

function hoversAndCompletions(text: string, uri: string): { where: string; markdown: string }[] {
  const { service, doc } = open(text, uri, { framework: hostile });
  const out: { where: string; markdown: string }[] = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    for (let character = 0; character <= doc.lines.line(line).length; character++) {
      const at = `${uri} ${line}:${character}`;
      const hover = service.hover(doc, { line, character }) as Hover | null;
      if (hover) out.push({ where: `hover at ${at}`, markdown: (hover.contents as MarkupContent).value });
      for (const item of service.completions(doc, { line, character }).items) {
        const documentation = item.documentation as MarkupContent | string | undefined;
        if (typeof documentation === 'object' && documentation.kind === 'markdown') out.push({ where: `completion ${item.label} at ${at}`, markdown: documentation.value });
      }
    }
  }
  return out;
}

const ADVERT = '---\nkind: job-advert\nframework: hostile\nrole: Junior helper\ngrade: G1\n---\n# Helper\n\n- **Kindness** (One)\n- **Kindnes** (Tw)\n- **Niceness** (Two)\n- **Kin\n';
const PATHWAY = 'framework: hostile\nlevels:\n  G1: One\n  G2: Tw\ntopics:\n  - name: Kindness\n    pathway:\n      One:\n        description: x\n';
const REVIEW = '---\nkind: review\nframework: hostile\nrole: Junior helper\n---\n# Review\n\n| Skill | Expected | Assessed | Evidence |\n| --- | --- | --- | --- |\n| Kindness | One | One | Helped a colleague |\n';

describe('framework text shown as Markdown', () => {
  it('the hostile framework is read: its skills, levels and roles are found in documents', () => {
    const found = hoversAndCompletions(ADVERT, 'file:///w/adverts/helper.md');
    assert.ok(found.some((f) => f.where.startsWith('hover') && /Being kind/.test(f.markdown)), 'a hover on Kindness');
    assert.ok(found.some((f) => f.where.startsWith('hover') && /Junior helper/.test(f.markdown)), 'a hover on the role');
    assert.ok(found.some((f) => f.where.startsWith('completion')), 'completion documentation');
    assert.ok(hoversAndCompletions(PATHWAY, 'file:///w/pathways/helper.yaml').some((f) => /In this pathway, G1 maps to/.test(f.markdown)), 'a hover on a pathway grade');
    assert.ok(hoversAndCompletions(REVIEW, 'file:///w/reviews/helper.md').some((f) => /To reach Two:/.test(f.markdown)), 'a hover on an assessed level');
  });

  it('never becomes markup in a hover or in completion documentation', () => {
    let seen = 0;
    for (const [text, uri] of [
      [ADVERT, 'file:///w/adverts/helper.md'],
      [PATHWAY, 'file:///w/pathways/helper.yaml'],
      [REVIEW, 'file:///w/reviews/helper.md'],
    ]) {
      for (const { where, markdown } of hoversAndCompletions(text, uri)) {
        assertInert(markdown, where);
        seen++;
      }
    }
    assert.ok(seen > 100, `${seen} hovers and completion items`);
  });

  it('never becomes markup in Show skill, Compare role levels, the framework view or the profile table', () => {
    for (const skill of hostile.skills) {
      assertInert(skillMarkdown(hostile, skill), `skill ${skill.name}`);
      for (const level of hostile.levels) assertInert(skillMarkdown(hostile, skill, level), `skill ${skill.name} at ${level.name}`);
    }
    const [junior, senior] = hostile.roleLevels;
    assertInert(compareMarkdown(hostile, junior, senior), 'compare');
    assertInert(compareMarkdown(hostile, senior, junior), 'compare back');
    assertInert(frameworkRendering(hostile).text, 'framework view');
    for (const [text, uri] of [
      [ADVERT, 'file:///w/adverts/helper.md'],
      [REVIEW, 'file:///w/reviews/helper.md'],
    ]) {
      const { service, doc } = open(text, uri, { framework: hostile });
      assertInert(profileMarkdown(computeProfile(doc, service.frameworkOf(doc))), `profile of ${uri}`);
    }
  });

  it('still reads as written: the text is shown, escaped', () => {
    const html = new MarkdownIt({ html: true, linkify: false }).render(skillMarkdown(hostile, hostile.skills[0]));
    assert.match(html, /<h1>Kindness<\/h1>/);
    assert.match(html, /Being kind &lt;img src=&quot;https:\/\/evil\.example\/p\.png&quot;&gt;&lt;a href=&quot;command:workbench\.action\.terminal\.new&quot;&gt;run&lt;\/a&gt; \[c\]\(command:evil\.run\)/);
  });
});
