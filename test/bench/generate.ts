// Deterministic (seeded) generators of the documents the bench runs on: large job adverts that
// mix every written form of a skill mention, a large pathway file in the format of the DDaT
// pathway seed, a JSON Schema for that format, and a folder of many small files for the CLI.
// Everything is written under a folder the caller gives (the bench uses os.tmpdir()).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small, fast, seeded PRNG (mulberry32): the same seed always gives the same documents. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export const LEVELS = ['awareness', 'working', 'practitioner', 'expert'] as const;
export type Level = (typeof LEVELS)[number];

/** The 188 skills of the DDaT capability framework (seed 003), in its order. */
export const DDAT_SKILLS: readonly string[] = [
  'Accessibility', 'Adapting to delivery methodologies', 'Agile and Lean practices', 'Agile research practices',
  'Agile working', 'Agile working (content design)', 'Analysis', 'Analysis and insight', 'Analysis and synthesis',
  'Analysis and synthesis (data ethics)', 'Applied maths, statistics and scientific practices', 'Applied social sciences',
  'Applying statistical and analytical tools and techniques', 'Applying user-centred insights',
  'Architect for the whole context', 'Architecture communication', 'Asset and configuration management',
  'Availability and capacity management', 'Business analysis (IT operations)', 'Business architecture',
  'Business modelling', 'Business process improvement', 'Capability building for digital, data and technology',
  'Change management', 'Changing security culture', 'Coding and scripting', 'Commercial management',
  'Commercial perspective', 'Communicating analysis and insight', 'Communicating between the technical and non-technical',
  'Communicating data', 'Communicating information', 'Communication (data ethics)', 'Communication (security architect)',
  'Community collaboration', 'Consultancy', 'Content concepts and prototyping', 'Context, problem and option analysis',
  'Continual service improvement', 'Continuity management', 'Creating value for money', 'Customer service management',
  'Cyber incident management', 'Cyber risk management', 'Cyber security governance', 'Data analysis and synthesis',
  'Data architecture', 'Data development process', 'Data engineering', 'Data ethics and privacy', 'Data governance',
  'Data governance (data architect)', 'Data governance leadership', 'Data innovation', 'Data integration design',
  'Data life cycle', 'Data literacy improvement', 'Data management', 'Data maturity', 'Data modelling',
  'Data modelling, cleansing and enrichment', 'Data preparation and linkage', 'Data risk management',
  'Data science innovation', 'Data standards', 'Data visualisation', 'Delivering business impact',
  'Delivering business impact through data', 'Design communication', 'Designing and executing tests',
  'Designing for everyone', 'Designing secure systems', 'Designing strategically', 'Designing together',
  'Developing code for analysis', 'Developing data science capability', 'Development process optimisation',
  'Empathy and inclusivity', 'Enabling and informing risk-based decisions',
  'Ensuring resilience of digital, data and technology', 'Enterprise and business architecture (business analyst)',
  'Enterprise architecture', 'Evaluation delivery', 'Evaluation planning and strategy', 'Evidence-based design',
  'Financial decision making for technology', 'Financial management',
  'Financial management for digital, data and technology', 'Financial ownership', 'Governance and assurance',
  'Governance and assurance (accessibility)', 'Incident management', 'Inclusive research', 'Information security',
  'Innovation in digital, data and technology', 'Iterative design', 'IT infrastructure', 'IT service reporting',
  'Leadership and guidance', 'Leadership and guidance (frontend developer)', 'Leading design',
  'Leading digital products and services', 'Leading performance and benefits', 'Life cycle management',
  'Maintaining delivery momentum', 'Making and guiding decisions', 'Making a process work',
  'Making architectural decisions', 'Making strategic performance-led change', 'Managing a data project',
  'Managing decisions and risks', 'Managing product outcomes', 'Managing, reporting and resolving defects',
  'Metadata management', 'Methods and tools', 'Modern development standards',
  'Monitoring and evaluation across the product life cycle', 'Operational management',
  'Optimising technology and data architecture', 'Ownership and initiative', 'Performance measurement', 'Planning',
  'Problem definition and shaping', 'Problem management', 'Product and service monitoring', 'Product leadership',
  'Product management', 'Product ownership (data ethics)', 'Programming and build (data engineering)',
  'Programming and build (data science)', 'Programming and build (frontend developer)',
  'Programming and build (software engineering)', 'Prototyping', 'Quality assurance of data and analysis',
  'Requirements definition and management', 'Research and innovation',
  'Research management, leadership and assurance', 'Security architecture', 'Security technology', 'Service focus',
  'Service management framework knowledge', 'Service support',
  'Shaping the direction of organisational strategy through digital, data and technology',
  'Stakeholder relationship management', 'Stakeholder relationship management (content design)',
  'Stakeholder relationship management (IT operations)', 'Strategic cyber security planning',
  'Strategic data planning', 'Strategic design and business change', 'Strategic ownership',
  'Strategic technology planning', 'Strategic thinking', 'Strategic thinking (content design)', 'Strategy design',
  'Systems analysis', 'Systems design', 'Systems design (frontend developer)', 'Systems integration',
  'Systems integration (frontend developer)', 'Team dynamics and collaboration',
  'Technical design throughout the life cycle', 'Technical specialism', 'Technical understanding',
  'Technical understanding (accessibility)', 'Technical understanding (performance analyst)',
  'Technical understanding (user-centred design)', 'Technology architecture', 'Technology evaluation',
  'Test analysis', 'Test and quality planning', 'Test engineering', 'Testing', 'Testing (business analysis)',
  'Troubleshooting and problem resolution', 'Turning business problems into data design',
  'Understanding analysis across the product life cycle', 'Understanding product delivery',
  'Understanding security implications of transformation', 'User-centred analysis', 'User-centred content design',
  'User-centred practice and advocacy', 'User experience analysis', 'User focus', 'User focus (content design)',
  'User focus (frontend developer)', 'User research methods', 'Web performance optimisation',
  'Working within constraints (performance analyst)',
];

/** The skills and levels of "Senior infrastructure engineer" (seed 002, role level 3). */
export const SENIOR_INFRA_SKILLS: readonly (readonly [string, Level])[] = [
  ['Coding and scripting (infrastructure engineer)', 'awareness'],
  ['IT infrastructure', 'practitioner'],
  ['Information security', 'working'],
  ['Modern standards approach', 'practitioner'],
  ['Ownership and initiative', 'working'],
  ['Problem management', 'working'],
  ['Service focus', 'working'],
  ['Systems design', 'practitioner'],
  ['Systems integration', 'practitioner'],
  ['Technical understanding', 'practitioner'],
  ['Testing', 'working'],
  ['Troubleshooting and problem resolution', 'practitioner'],
];

const LEVEL_BLURB: Record<Level, string> = {
  awareness: 'Awareness is the first of 4 ascending skill levels',
  working: 'Working is the second of 4 ascending skill levels',
  practitioner: 'Practitioner is the third of 4 ascending skill levels',
  expert: 'Expert is the fourth of 4 ascending skill levels',
};

// Vocabulary for prose; no colons, hashes or quotes, so it is safe as a plain YAML scalar.
const VERBS = [
  'support', 'design', 'build', 'configure', 'administer', 'maintain', 'operate', 'review', 'improve', 'document',
  'monitor', 'test', 'automate', 'secure', 'integrate', 'troubleshoot', 'plan', 'assure', 'explain', 'lead',
];
const OBJECTS = [
  'infrastructure technologies and solutions', 'computing, storage and networking services', 'cloud platforms',
  'virtual and cloud computing, including IaaS, PaaS and SaaS', 'commercial off-the-shelf packages',
  'open source packages and solutions', 'security controls', 'monitoring and alerting', 'deployment pipelines',
  'the interfaces between systems', 'operational services', 'incident and problem records', 'configuration items',
  'capacity plans', 'technical designs', 'resilient services for the public', 'internal user services',
  'infrastructure as code', 'the team\'s runbooks', 'backup and recovery procedures',
];
const QUALIFIERS = [
  'as directed and according to departmental policy', 'with the support of senior colleagues',
  'across several teams', 'within agreed service levels', 'in line with the organisation\'s security strategy',
  'so that services are delivered and used as required', 'under supervision', 'with third parties',
  'for large and complex services', 'using tools and techniques appropriate for the environment',
  'while sharing knowledge with others', 'and take accountability for decisions made',
];
const OPENERS = [
  'You will', 'In this role you will', 'Day to day you will', 'As part of a multidisciplinary team you will',
  'We expect you to', 'You will be asked to', 'Working with technical architects you will',
];
const HEADINGS = [
  'About the job', 'What you will do', 'Skills you need', 'Responsibilities', 'Essential criteria',
  'Desirable criteria', 'How we work', 'About the team', 'Behaviours', 'Technical skills', 'Selection process',
  'Things you need to know', 'Benefits', 'Learning and development',
];

function sentence(r: Rng): string {
  return `${r.pick(OPENERS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(QUALIFIERS)}.`;
}

function youCan(r: Rng): string {
  return `${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(QUALIFIERS)}`;
}

function paragraph(r: Rng, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(r));
  return out.join(' ');
}

/** Swap two adjacent letters (or drop one): the kind of typo people make. */
function typo(r: Rng, word: string): string {
  if (word.length < 4) return word + word[word.length - 1];
  const i = 1 + r.int(word.length - 3);
  if (r.chance(0.5) && word[i] !== word[i + 1]) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return word.slice(0, i) + word.slice(i + 1);
}

export interface GeneratedDoc {
  text: string;
  /** Offsets (in `text`) inside prose, where a one-character edit changes no skill mention. */
  proseOffsets: number[];
  /** Skill names and levels written with a deliberate typo. */
  typos: string[];
}

export interface AdvertOptions {
  targetBytes: number;
  seed: number;
  /** Probability that a skill name (or a level) gets a typo. */
  typoRate?: number;
}

/**
 * A job advert in Markdown with front matter, of about `targetBytes`, mixing every written form
 * of a skill mention (gov.uk blocks, inline bold with a level, `Skill: level`, tables) with prose.
 * It starts and ends with a gov.uk block, so probes at the start and the end find one.
 */
export function generateAdvert(opts: AdvertOptions): GeneratedDoc {
  const r = new Rng(opts.seed);
  const typoRate = opts.typoRate ?? 0.004;
  const typos: string[] = [];
  const proseOffsets: number[] = [];
  const parts: string[] = [];
  let size = 0;
  const push = (s: string) => {
    parts.push(s);
    size += s.length;
  };
  const prose = (s: string) => {
    proseOffsets.push(size + Math.floor(s.length / 2));
    push(s);
  };
  // Skills already used in the current list or table (a list names each skill once).
  let used = new Set<string>();
  const skillLevel = (): [string, string] => {
    // Mostly the role's own skills, at the role's level or another; sometimes any DDaT skill.
    let skill = '';
    let level = '';
    for (let attempt = 0; attempt < 20 && (!skill || used.has(skill)); attempt++) {
      if (r.chance(0.7)) {
        const [s, l] = r.pick(SENIOR_INFRA_SKILLS);
        skill = s;
        level = r.chance(0.8) ? l : r.pick(LEVELS);
      } else {
        skill = r.pick(DDAT_SKILLS);
        level = r.pick(LEVELS);
      }
    }
    used.add(skill);
    if (r.chance(typoRate)) {
      const words = skill.split(' ');
      const w = words.reduce((best, x, i) => (x.length > words[best].length ? i : best), 0);
      words[w] = typo(r, words[w]);
      skill = words.join(' ');
      typos.push(skill);
    }
    if (r.chance(typoRate)) {
      level = typo(r, level);
      typos.push(level);
    }
    if (r.chance(0.1)) skill = skill.toLowerCase();
    return [skill, level];
  };
  const govuk = (n: number) => {
    used = new Set();
    push('Skill Description\n\n');
    for (let i = 0; i < n; i++) {
      const [skill, level] = skillLevel();
      const known = (LEVELS as readonly string[]).includes(level) ? LEVEL_BLURB[level as Level] : 'Level description';
      push(`${skill}\n\nLevel: ${level}\n\n${known}\n\nYou can:\n\n`);
      const bullets = 1 + r.int(3);
      for (let b = 0; b < bullets; b++) push(`- ${youCan(r)}\n`);
      push('\n');
    }
  };

  push('---\nkind: job-advert\nrole: Senior infrastructure engineer\ngrade: SEO\n---\n\n');
  push('# Senior infrastructure engineer\n\n');
  prose(paragraph(r, 3) + '\n\n');
  govuk(3);
  let section = 0;
  // Leave room for the closing gov.uk block (about 1.5 KB).
  while (size < opts.targetBytes - 1500) {
    push(`## ${r.pick(HEADINGS)} (${++section})\n\n`);
    used = new Set();
    const form = section % 5;
    if (form === 0) {
      govuk(2 + r.int(4));
    } else if (form === 1) {
      prose(paragraph(r, 2 + r.int(3)) + '\n\n');
      for (let i = 0, n = 3 + r.int(5); i < n; i++) {
        const [skill, level] = skillLevel();
        push(`- **${skill}** (${level})\n`);
      }
      push('\n');
    } else if (form === 2) {
      const sep = r.pick([': ', ': ', ' - ', ' \u2014 ']);
      for (let i = 0, n = 3 + r.int(5); i < n; i++) {
        const [skill, level] = skillLevel();
        push(`${skill}${sep}${level}\n\n`);
      }
    } else if (form === 3) {
      push('| Skill | Level |\n| --- | --- |\n');
      for (let i = 0, n = 4 + r.int(8); i < n; i++) {
        const [skill, level] = skillLevel();
        push(`| ${skill} | ${level} |\n`);
      }
      push('\n');
    } else {
      for (let i = 0, n = 1 + r.int(3); i < n; i++) prose(paragraph(r, 3 + r.int(5)) + '\n\n');
    }
  }
  push('## Skills you need (summary)\n\n');
  govuk(3);
  prose(paragraph(r, 2) + '\n');
  return { text: parts.join(''), proseOffsets, typos };
}

export interface PathwayOptions {
  topics: number;
  targetBytes: number;
  seed: number;
  /** How many topic names get a typo (they follow the real skill names). */
  typoTopics?: number;
}

function yamlQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * A pathway file in the format of seed 000: YAML front matter (`path`, `title`, `levels`,
 * `topics` with a description and, per level, a description and indicators) over a Markdown body
 * that restates the skill levels and describes each topic in `**Skill.** description` style.
 * Topic names are real DDaT skills (more topics than skills repeat them with a qualifier), a few
 * with a typo.
 */
export function generatePathway(opts: PathwayOptions): GeneratedDoc {
  const r = new Rng(opts.seed);
  const typoTopics = opts.typoTopics ?? 3;
  const typos: string[] = [];
  const proseOffsets: number[] = [];
  // The framework's skills in order; past its 188, the role page's own names, an old name
  // (renamed in 2022) and then skills again with a role qualifier.
  const extra = ['Coding and scripting (infrastructure engineer)', 'Modern standards approach', 'Problem solving'];
  const names: string[] = [];
  for (let i = 0; i < opts.topics; i++) {
    const j = i - DDAT_SKILLS.length;
    if (j < 0) names.push(DDAT_SKILLS[i]);
    else if (j < extra.length) names.push(extra[j]);
    else names.push(`${DDAT_SKILLS[(j - extra.length) % DDAT_SKILLS.length]} (infrastructure engineer)`);
  }
  // Spread the typos over the file, never on topics 0, middle and last (the bench probes them).
  for (let k = 0; k < typoTopics; k++) {
    const i = Math.floor(((k + 0.5) * opts.topics) / typoTopics) + 1;
    if (i < opts.topics - 1) {
      const words = names[i].split(' ');
      words[0] = typo(r, words[0]);
      names[i] = words.join(' ');
      typos.push(names[i]);
    }
  }
  const descriptions = names.map(() => `You can ${youCan(r)}. You can ${youCan(r)}.`);

  let body = '\n**For each job role level in the Digital, Data and Technology Profession Capability Framework, you will find a list of skills, each of which has a skill level assigned to it.**\n\n';
  body += 'These 4 skill levels tell you about the level of expertise required for the job role at that level:\n\n';
  body += '- **Awareness.** You know about the skill and have an appreciation of how it is applied in the environment.\n';
  body += '- **Working.** You can apply your knowledge and experience of the skill, including tools and techniques.\n';
  body += '- **Practitioner.** You know how to share your knowledge and experience of this skill with others.\n';
  body += '- **Expert.** You have both knowledge and experience in the application of this skill.\n\n';
  body += 'You will need the following skills for this role, although the level of expertise for each will vary, depending on the role level.\n\n';
  for (let i = 0; i < names.length; i++) body += `**${names[i]}.** ${descriptions[i]}\n\n`;

  const head = [
    '---',
    'path: "/pathways/cloudengineer"',
    'title: "Cloud Engineer Pathway"',
    'levels:',
    '  EO: awareness',
    '  HEO: awareness',
    '  SEO: working',
    "  '7': practitioner",
    'topics:',
    '',
  ].join('\n');
  const tail = '   \n---\n';
  const perTopic = Math.max(600, (opts.targetBytes - head.length - tail.length - body.length) / opts.topics);

  const parts: string[] = [head];
  let size = head.length;
  for (let i = 0; i < names.length; i++) {
    const start = size;
    let t = `  - name: ${yamlQuote(names[i])}\n    description: ${yamlQuote(descriptions[i])}\n    pathway:\n`;
    const levels = LEVELS.map((level, li) => ({
      level,
      description: `You can ${youCan(r)}${li > 0 ? `, and ${youCan(r)}` : ''}.`,
      indicators: [] as string[],
    }));
    const levelsText = () =>
      levels
        .map(
          (l) =>
            `      ${l.level}:\n        description: ${l.description}\n        indicators:\n` +
            l.indicators.map((x) => `          - ${x}\n`).join(''),
        )
        .join('');
    let li = 0;
    for (const l of levels) l.indicators.push(`${r.pick(VERBS)} ${r.pick(OBJECTS)}`);
    while (t.length + levelsText().length + 40 < perTopic) {
      levels[li % 4].indicators.push(`${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(QUALIFIERS)}`);
      li++;
    }
    t += levelsText();
    // An edit point inside this topic's description string.
    proseOffsets.push(start + t.indexOf('description: ') + 'description: "You can '.length + 2);
    parts.push(t);
    size += t.length;
  }
  parts.push(tail);
  size += tail.length;
  const bodyStart = size;
  parts.push(body);
  // A few prose edit points in the body too (after the YAML ones, so those stay sorted first).
  proseOffsets.push(bodyStart + body.indexOf('You will need the following') + 10);
  return { text: parts.join(''), proseOffsets, typos };
}

/** The YAML front matter of a Markdown document, and where it starts in the document. */
export function extractFrontMatter(text: string): { yaml: string; offset: number } | undefined {
  if (!text.startsWith('---\n')) return undefined;
  const end = text.indexOf('\n---\n', 4);
  if (end < 0) return undefined;
  return { yaml: text.slice(4, end + 1), offset: 4 };
}

/** A JSON Schema of the pathway format, used when the repository has no data/pathway.schema.json. */
export function pathwaySchema(): Record<string, unknown> {
  const level = { type: 'string', enum: [...LEVELS], description: 'A DDaT skill level.' };
  const pathwayLevel = {
    type: 'object',
    additionalProperties: false,
    required: ['description'],
    properties: {
      description: { type: 'string', description: 'What a person at this level can do.' },
      indicators: { type: 'array', items: { type: 'string' }, description: 'Evidence of the level.' },
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Pathway',
    type: 'object',
    additionalProperties: false,
    required: ['title', 'topics'],
    properties: {
      kind: { const: 'pathway' },
      framework: { type: 'string' },
      path: { type: 'string', description: 'Where the pathway is published.' },
      title: { type: 'string', description: 'Title of the pathway.' },
      levels: {
        type: 'object',
        description: 'The skill level expected at each grade.',
        propertyNames: { enum: ['AA', 'AO', 'EO', 'HEO', 'SEO', '7', '6', 'G7', 'G6', 'SCS'] },
        additionalProperties: level,
      },
      topics: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'pathway'],
          properties: {
            name: { type: 'string', enum: [...DDAT_SKILLS], description: 'A DDaT skill.' },
            description: { type: 'string' },
            pathway: {
              type: 'object',
              additionalProperties: false,
              properties: Object.fromEntries(LEVELS.map((l) => [l, { ...pathwayLevel, description: `The ${l} level.` }])),
            },
          },
        },
      },
    },
  };
}

export interface CorpusSummary {
  dir: string;
  files: number;
  bytes: number;
}

/**
 * A folder of `count` small documents for the CLI: about 70 % job adverts (2 to 12 KB) under
 * `adverts/`, the rest pathway files (3 to 12 topics) under `pathways/`, in subfolders of 100.
 */
export function writeCorpus(dir: string, count: number, seed: number): CorpusSummary {
  const r = new Rng(seed);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `batch-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    let path: string;
    let text: string;
    if (r.chance(0.7)) {
      path = join(sub, 'adverts', `senior-infrastructure-advert-${i}.md`);
      text = generateAdvert({ targetBytes: 2048 + r.int(10 * 1024), seed: seed + i, typoRate: 0.02 }).text;
    } else {
      const topics = 3 + r.int(10);
      path = join(sub, 'pathways', `cloud-engineer-pathway-${i}.md`);
      text = generatePathway({ topics, targetBytes: topics * 2000, seed: seed + i, typoTopics: 1 }).text;
    }
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, files: count, bytes };
}
