// Generators for the property tests: job adverts written the ways real ones are (skills in
// lists, tables, gov.uk blocks, headings, front matter), mutations of the example documents,
// random edits, and framework files from well-formed to broken.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { embeddedFrameworks } from '../../server/src/framework/loader';

const ddat = embeddedFrameworks()[0];
const SKILL_NAMES = ddat.skills.map((s) => (s.qualifier ? `${s.name} (${s.qualifier})` : s.name));
const ROLE_LEVELS = ddat.roleLevels.map((r) => r.level.name);

/** A name with a letter dropped, doubled or swapped, as people mistype. */
const typo = (name: string): fc.Arbitrary<string> =>
  fc.tuple(fc.nat({ max: Math.max(0, name.length - 1) }), fc.integer({ min: 0, max: 2 })).map(([i, how]) => {
    if (how === 0) return name.slice(0, i) + name.slice(i + 1);
    if (how === 1) return name.slice(0, i) + name[i] + name.slice(i);
    return i + 1 < name.length ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name;
  });

export const skillName: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SKILL_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...SKILL_NAMES).chain(typo) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'Problem solving',
      'Programming and build',
      'Technical understanding',
      'Informaton security',
      'Teamwork',
      'Communication',
      'Coding and scripting (infrastructure engineer)',
      'information SECURITY',
      'C#',
      '*nix',
    ),
  },
);

export const levelWord: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('awareness', 'working', 'practitioner', 'expert') },
  { weight: 2, arbitrary: fc.constantFrom('Awareness', 'Working', 'Practitioner', 'Expert', 'EXPERT') },
  { weight: 2, arbitrary: fc.constantFrom('wizard', 'Level 3', '3', '5', 'level 4', 'skilled', 'practitoner', 'constructor', 'toString') },
);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One skill written at a level, in one of the forms adverts use. */
export const skillLine: fc.Arbitrary<string> = fc.tuple(skillName, levelWord, fc.integer({ min: 0, max: 10 })).map(([s, l, form]) => {
  switch (form) {
    case 0:
      return `- **${s}** (${l})`;
    case 1:
      return `${s}: ${l}`;
    case 2:
      return `- ${s} - ${l}`;
    case 3:
      return `- ${s} \u2014 ${l}`;
    case 4:
      return `${s}\n\nLevel: ${l}`;
    case 5:
      return `### ${s} (${cap(l)} level)`;
    case 6:
      return `### ${s}\n\n#### ${cap(l)}`;
    case 7:
      return `- **${s}**. Experience of ${l} work in this area.`;
    case 8:
      return `- ${s} (${l})`;
    case 9:
      return `**${s}:** ${l}`;
    default:
      return `- **[${s}](https://example.org/skill)**. You can show this at ${l}.`;
  }
});

const PROSE = [
  'Join our team and help build services people rely on.',
  'You will work closely with colleagues across the department.',
  'We offer flexible working, a pension and 25 days of leave.',
  '**Collaboration:** Working closely with others is part of the job.',
  'Experience: at least two years in a similar role.',
  '- Salary: £45,000',
  '> Quoted text with **bold** words.',
  '```\nLevel: expert\n- **Testing** (wizard)\n```',
  '<dl><dt>Grade</dt><dd>Senior Executive Officer (SEO)</dd></dl>',
  'Band 6, PO3 or equivalent.',
];

const skillsHeading = fc.constantFrom('## Skills', '## Essential skills', '## Person specification', '### Skills you need', '## Technical skills', '## About the job');

const listSection = fc.tuple(skillsHeading, fc.array(skillLine, { minLength: 1, maxLength: 8 })).map(([h, lines]) => `${h}\n\n${lines.join('\n')}`);
const govukSection = fc
  .tuple(skillsHeading, fc.array(fc.tuple(skillName, levelWord), { minLength: 1, maxLength: 5 }))
  .map(([h, pairs]) => `${h}\n\n${pairs.map(([s, l]) => `${s}\n\nLevel: ${l}`).join('\n\n')}`);
const tableSection = fc
  .tuple(fc.constantFrom('| Skill | Level |', '| Skills | Skill level |', '| Competency | Level | Notes |'), fc.array(fc.tuple(skillName, levelWord), { minLength: 1, maxLength: 6 }))
  .map(([header, rows]) => {
    const columns = header.split('|').length - 2;
    const separator = `|${' --- |'.repeat(columns)}`;
    return `${header}\n${separator}\n${rows.map(([s, l]) => `| ${s} | ${l} |${columns > 2 ? ' n/a |' : ''}`).join('\n')}`;
  });
const proseSection = fc.array(fc.constantFrom(...PROSE), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n\n'));

const frontMatter = fc
  .record(
    {
      kind: fc.constantFrom('job-advert', 'review', 'pathway', 'memo'),
      role: fc.oneof(fc.constantFrom(...ROLE_LEVELS), fc.constantFrom('Head service design', 'Chief wizard')),
      grade: fc.constantFrom('SEO', 'G7', 'HEO', 'Grade 7', 'Band 6', 'XYZ'),
      framework: fc.constantFrom('ddat', 'sfia', 'ladder', 'nope'),
      skills: fc.array(fc.tuple(skillName, levelWord), { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: [] },
  )
  .map((fm) => {
    const lines = ['---'];
    for (const key of ['kind', 'role', 'grade', 'framework'] as const) if (fm[key] !== undefined) lines.push(`${key}: ${fm[key]}`);
    if (fm.skills) lines.push('skills:', ...fm.skills.map(([s, l]) => `  ${s}: ${l}`));
    lines.push('---');
    return lines.join('\n');
  });

const title = fc.oneof(
  fc.constantFrom(...ROLE_LEVELS).map((r) => `# ${r}`),
  fc.constantFrom(...ROLE_LEVELS).map((r) => `# ${r} - Home Office\n\nJob title: ${r}`),
  fc.constantFrom('# Head service design', '# Notes', '# Mid-year review', 'Role: Senior data engineer', 'Grade: G7'),
);

export interface Advert {
  text: string;
  /** A file name the document kind may be read from. */
  name: string;
}

/** A whole advert (or review, or note), with or without a final line break. */
export const advert: fc.Arbitrary<Advert> = fc
  .tuple(
    fc.option(frontMatter, { nil: undefined }),
    fc.option(title, { nil: undefined }),
    fc.array(fc.oneof(listSection, govukSection, tableSection, proseSection), { minLength: 1, maxLength: 4 }),
    fc.boolean(),
    fc.constantFrom('advert.md', 'job-senior.md', 'review.md', 'notes.md'),
  )
  .map(([fm, t, sections, finalNewline, name]) => {
    const parts = [fm, t, ...sections].filter((p): p is string => p !== undefined);
    const text = parts.join('\n\n');
    return { text: finalNewline ? `${text}\n` : text, name };
  });

/** The example documents, as seeds to mutate. */
export function exampleDocuments(root = process.cwd()): Advert[] {
  const out: Advert[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.md$/.test(entry.name)) out.push({ text: readFileSync(path, 'utf8'), name: entry.name });
    }
  };
  walk(join(root, 'examples'));
  return out;
}

/** Text an edit inserts: markup, skill lines, names, levels, and odd characters. */
export const snippet: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '\n',
      '\n\n',
      '- ',
      '**',
      '__',
      '(',
      ')',
      ': ',
      ' - ',
      '|',
      '| --- |',
      '## Skills\n',
      '# ',
      'Level: ',
      '---\n',
      '```\n',
      'working',
      'expert',
      'Information security',
      'Problem solving',
      'role: Senior data engineer\n',
      '\u2014',
      '\u00a0',
      'é',
      '\u{1F600}',
      '\t',
      '\ud800',
      '\u200b',
      '[',
      '](x)',
    ),
  },
  { weight: 3, arbitrary: skillLine },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);

/** An edit at a place given as a fraction of the document, so it fits any text. */
export interface Edit {
  at: number;
  /** Characters removed from there. */
  remove: number;
  insert: string;
}

/** Edits never write a carriage return: a lone one is a line break to an editor but not to a
 *  Markdown reader, which would make the document's lines ambiguous. */
export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: 12 }) }, { weight: 1, arbitrary: fc.nat({ max: 200 }) }),
  insert: fc.oneof(fc.constant(''), snippet).map((s) => s.replace(/\r/g, '')),
});

/** Requests sent between edits, at a place given as a fraction of the document (or past its end). */
export interface Probe {
  method: 'hover' | 'completion' | 'definition' | 'documentSymbol' | 'codeAction';
  at: number;
  pastEnd: boolean;
}

export const probe: fc.Arbitrary<Probe> = fc.record({
  method: fc.constantFrom('hover', 'completion', 'definition', 'documentSymbol', 'codeAction'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  pastEnd: fc.boolean(),
});

/** A step of an editing session: an edit (sometimes several in one message, sometimes the whole
 *  text replaced), then perhaps a request. */
export interface Step {
  edits: Edit[];
  whole: boolean;
  probe?: Probe;
}

export const step: fc.Arbitrary<Step> = fc.record({
  edits: fc.array(edit, { minLength: 1, maxLength: 3 }),
  whole: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  probe: fc.option(probe, { nil: undefined }),
});

/** An advert to start from: generated, or an example document. */
export const startingDocument = (examples: Advert[]): fc.Arbitrary<Advert> =>
  examples.length ? fc.oneof({ weight: 3, arbitrary: advert }, { weight: 1, arbitrary: fc.constantFrom(...examples) }) : advert;

// ---------------------------------------------------------------------------------------------
// Framework files

const levelId = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('basic', 'advanced', 'L1', 'L2', 'L3', 'awareness', 'working', '1', '2') },
  { weight: 3, arbitrary: fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6 }).filter((t) => t.trim().length > 0) },
);

const statement = fc.oneof(fc.constantFrom('I help others', 'You can explain it', 'I lead the work'), fc.string({ maxLength: 20 }));
const name = (pool: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }).filter((t) => t.trim().length > 0) });

/** A value of any JSON type, for fields given the wrong type. */
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 6 }),
  // Made afresh each time: the damage below writes into what it is given.
  fc.constantFrom(() => [], () => ({}), () => [1, 'x']).map((make) => make() as unknown),
);

/** A well-formed framework (the damage comes after), with level ids that are names of
 *  Object.prototype's members among the usual ones. */
const frameworkObject = fc
  .tuple(
    fc.uniqueArray(levelId, { minLength: 1, maxLength: 5 }),
    fc.array(
      fc.record({
        name: name(['Kindness', 'Patience', 'Testing', 'constructor', '__proto__', 'toString', 'Data (modelling)']),
        qualifier: fc.option(fc.constantFrom('engineering', 'toString'), { nil: undefined }),
        levels: fc.option(fc.array(fc.tuple(fc.nat({ max: 6 }), fc.oneof(fc.constant(null), fc.array(statement, { maxLength: 3 }).map((statements) => ({ statements })))), { maxLength: 5 }), {
          nil: undefined,
        }),
        aliases: fc.option(fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }), { nil: undefined }),
        formerNames: fc.option(fc.array(fc.constantFrom('Old name', 'constructor'), { maxLength: 1 }), { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
    fc.array(
      fc.record({
        name: name(['Keeper', 'Engineer']),
        family: fc.option(fc.constantFrom('Care', 'toString'), { nil: undefined }),
        levels: fc.array(fc.record({ name: name(['Senior keeper', 'Junior keeper', 'constructor']), grades: fc.array(fc.constantFrom('G7', 'SEO', 'constructor'), { maxLength: 2 }), skills: fc.array(fc.record({ skill: name(['Kindness', 'Patience', 'Nope']), level: levelId }), { maxLength: 3 }) }), { maxLength: 3 }),
      }),
      { maxLength: 2 },
    ),
    fc.array(fc.record({ id: fc.constantFrom('G7', 'SEO', 'constructor', '__proto__'), name: name(['Grade 7', 'Senior Executive Officer']), rank: fc.integer({ min: -5, max: 20 }) }), { maxLength: 3 }),
  )
  .map(([ids, skills, roles, grades]) => {
    const levels = ids.map((id) => ({ id, name: cap(id) }));
    return {
      id: 'fuzz',
      name: 'Fuzz framework',
      levels,
      skills: skills.map((s) => {
        const skill: Record<string, unknown> = { name: s.name };
        if (s.qualifier) skill.qualifier = s.qualifier;
        if (s.aliases) skill.aliases = s.aliases;
        if (s.formerNames) skill.formerNames = s.formerNames;
        if (s.levels) {
          const map: Record<string, unknown> = {};
          for (const [i, entry] of s.levels) Object.defineProperty(map, ids[i % ids.length], { value: entry, enumerable: true, writable: true, configurable: true });
          skill.levels = map;
        }
        return skill;
      }),
      roles,
      grades,
    } as Record<string, unknown>;
  });

/** Damage to a framework: a field removed or given a value of the wrong type. */
const damage = fc.array(fc.tuple(fc.constantFrom('id', 'name', 'levels', 'skills', 'roles', 'grades', 'skills.0', 'skills.0.levels', 'levels.0', 'levels.0.id', 'roles.0.levels'), fc.option(junk, { nil: undefined })), { maxLength: 2 });

function applyDamage(value: Record<string, unknown>, where: string, to: unknown): void {
  const path = where.split('.');
  let target: unknown = value;
  for (const key of path.slice(0, -1)) {
    target = (target as Record<string, unknown> | undefined)?.[key];
    if (typeof target !== 'object' || target === null) return;
  }
  const last = path[path.length - 1];
  if (to === undefined) delete (target as Record<string, unknown>)[last];
  else (target as Record<string, unknown>)[last] = to;
}

/** Text damage: characters cut out or put in at random places. */
const textDamage = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 6 }), insert: fc.oneof(fc.constant(''), fc.constantFrom(':', '- ', '\n', '  ', '"', '[', '{', '&a', '*a', '!!', '#', '\t'), fc.string({ maxLength: 4 })) }), { maxLength: 3 });

export function applyTextEdits(text: string, edits: readonly { at: number; remove: number; insert: string }[]): string {
  let out = text;
  for (const e of edits) {
    const at = Math.floor(e.at * out.length);
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  return out;
}

/** A framework file's text: YAML (block or flow) or JSON, perhaps damaged in its data or text. */
export const frameworkFile: fc.Arbitrary<string> = fc
  .tuple(
    frameworkObject,
    fc.oneof({ weight: 3, arbitrary: fc.constant([] as [string, unknown][]) }, { weight: 2, arbitrary: damage }),
    fc.constantFrom('yaml', 'flow', 'json'),
    textDamage,
    fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  )
  .map(([generated, damages, format, textEdits, damageText]) => {
    // A copy (own `__proto__` keys and all) to damage, leaving the generated value as it was.
    const value = JSON.parse(JSON.stringify(generated)) as Record<string, unknown>;
    for (const [where, to] of damages) applyDamage(value, where, to === undefined ? undefined : JSON.parse(JSON.stringify(to)));
    let text: string;
    try {
      text = format === 'json' ? JSON.stringify(value, null, 2) : dump(value, format === 'flow' ? { flowLevel: 1 } : {});
    } catch {
      text = JSON.stringify(value);
    }
    return damageText ? applyTextEdits(text, textEdits) : text;
  });
