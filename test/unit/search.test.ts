import { strict as assert } from 'node:assert';
import { Pattern } from '../../server/src/framework/search';
import { embeddedFrameworks } from '../../server/src/framework/loader';
import { Framework } from '../../server/src/framework/framework';
import { skillFullName } from '../../server/src/framework/model';
import { normalizeName } from '../../server/src/framework/normalize';

const ddat = embeddedFrameworks()[0];

/** The textbook dynamic programme: edit distance from the query to the closest stretch of text. */
function substringDistance(query: string, text: string): number {
  let row = Array.from({ length: query.length + 1 }, (_, i) => i);
  let best = row[query.length];
  for (let j = 1; j <= text.length; j++) {
    const next = [0];
    for (let i = 1; i <= query.length; i++) {
      next[i] = Math.min(row[i] + 1, next[i - 1] + 1, row[i - 1] + (query[i - 1] === text[j - 1] ? 0 : 1));
    }
    row = next;
    best = Math.min(best, row[query.length]);
  }
  return best;
}

/** normalizeName's rules written plainly, as one regular expression each. */
function normalizeByRules(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s*_]+|[\s*_.:;,]+$/g, '')
    .trim();
}

function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('skill search', () => {
  it('measures the edits from a query to the closest stretch of a name exactly', function () {
    this.timeout(10_000);
    const rnd = random(11);
    const alphabet = 'abcdeé ';
    const word = (max: number) => Array.from({ length: Math.floor(rnd() * max) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let n = 0; n < 3000; n++) {
      const query = word(33).slice(0, 32);
      const text = word(60);
      assert.equal(new Pattern(query).distanceIn(text), substringDistance(query, text), `${JSON.stringify(query)} in ${JSON.stringify(text)}`);
    }
    assert.equal(new Pattern('informaton security').distanceIn('information security'), 1);
    assert.equal(new Pattern('security').distanceIn('information security'), 0);
  });

  it('stops early only when no stretch can come within the limit', () => {
    const rnd = random(5);
    for (let n = 0; n < 2000; n++) {
      const query = Array.from({ length: 1 + Math.floor(rnd() * 20) }, () => 'abc'[Math.floor(rnd() * 3)]).join('');
      const text = Array.from({ length: Math.floor(rnd() * 40) }, () => 'abcd'[Math.floor(rnd() * 4)]).join('');
      const limit = Math.floor(rnd() * 8);
      const exact = substringDistance(query, text);
      const found = new Pattern(query).distanceIn(text, limit);
      if (exact <= limit) assert.equal(found, exact);
      else assert.ok(found > limit, `${query} in ${text}: ${found} should exceed ${limit}`);
    }
  });

  it('suggests the skill a typo was meant to be, best first', () => {
    const names = (text: string) => ddat.suggestSkills(text).map(skillFullName);
    assert.deepEqual(names('Informaton security'), ['Information security']);
    assert.deepEqual(names('Devlopment process optimisation'), ['Development process optimisation']);
    assert.deepEqual(names('Agile and Lean practise'), ['Agile and Lean practices']);
    assert.deepEqual(names('Testng'), ['Testing']);
    assert.deepEqual(names('Something else entirely'), []);
  });

  it('keeps names in one normal form, whatever quotes, dashes and spaces they were written with, whichever steps it skips', () => {
    const rnd = random(3);
    const pieces = ['Skill', ' ', '  ', '\t', '\u00a0', '\u2018', '\u2019', '\u02bc', '`', '\u201c', '\u201d', '\u2010', '\u2013', '\u2015', '*', '_', '.', ':', ';', ',', 'a', 'É', '!', '\n', '\ufeff', '\u2028'];
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: Math.floor(rnd() * 8) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
      assert.equal(normalizeName(text), normalizeByRules(text), JSON.stringify(text));
    }
    assert.equal(normalizeName('  **Information  Security**: '), 'information security');
  });
});

describe('search by what a skill is about', () => {
  const found = (framework: Framework, text: string, limit = 10) => framework.findSkills(text, limit).map((r) => skillFullName(r.skill));

  it('ranks names that start with what is typed as the name search does', () => {
    for (const text of ['Informa', 'security', 'Problem solv', 'Test']) {
      assert.deepEqual(found(ddat, text, 200), ddat.search.rank(text, 200).map((r) => skillFullName(r.skill)), text);
    }
  });

  it('finds "cloud sec" among the security skills and those that mention cloud', () => {
    const top = found(ddat, 'cloud sec', 5);
    assert.equal(top[0], 'Information security');
    assert.ok(top.every((name) => /secur/i.test(name)), top.join(', '));
    // IT infrastructure supports "virtual and cloud computing" in its statements.
    assert.ok(found(ddat, 'cloud sec', 200).includes('IT infrastructure'));
    assert.deepEqual(found(ddat, 'cloud', 2), ['Data engineering', 'IT infrastructure']);
  });

  it('finds a skill by a word only its description has', () => {
    // "Information security involves maintaining the security, confidentiality and integrity of information."
    assert.equal(found(ddat, 'confidentiality')[0], 'Information security');
  });

  it('finds a skill by words only its level statements have', () => {
    // Data engineering: "use different architectures, including cloud and on-premise".
    assert.equal(found(ddat, 'on-premise')[0], 'Data engineering');
    // IT infrastructure: "support virtual and cloud computing, including Infrastructure as a Service".
    assert.equal(found(ddat, 'cloud computing')[0], 'IT infrastructure');
  });

  it('forgives a typo in a name', () => {
    assert.equal(found(ddat, 'Infromation secrity')[0], 'Information security');
  });

  it('finds "kubernetes" in a description or statement, a description before a statement, and nothing for a word no skill has', () => {
    const platform = new Framework({
      id: 'platform',
      name: 'Platform ladder',
      levels: [{ id: 'one', name: 'One' }],
      skills: [
        { name: 'Delivery', description: 'Shipping software often.', levels: { one: { statements: ['You release weekly'] } } },
        { name: 'Platform engineering', description: 'Running the shared platform.', levels: { one: { statements: ['You run services on Kubernetes clusters'] } } },
        { name: 'Cluster operations', description: 'Keeping Kubernetes clusters healthy.', levels: { one: { statements: ['You upgrade clusters'] } } },
        { name: 'Containers', formerNames: ['Docker'], description: 'Packaging services as images.', levels: { one: { statements: ['You write images'] } } },
      ],
    });
    assert.deepEqual(found(platform, 'kubernetes'), ['Cluster operations', 'Platform engineering']);
    assert.deepEqual(found(platform, 'kubernets'), ['Cluster operations', 'Platform engineering']);
    assert.equal(found(platform, 'run kubernetes')[0], 'Platform engineering');
    // The start of a former name is a name's start: the rename, as before.
    assert.deepEqual(found(platform, 'dock'), ['Containers']);
    assert.deepEqual(found(platform, 'terraform'), []);
    // The search reads the first 64 characters of a query, to a whole word: the word after them
    // (found alone in Delivery's description) changes nothing.
    const long = `kubernetes${' zzqx'.repeat(12)}`;
    assert.deepEqual(found(platform, 'shipping'), ['Delivery']);
    assert.deepEqual(found(platform, `${long} shipping`), found(platform, long.slice(0, 60)));
    assert.deepEqual(found(platform, `${long} shipping${' shipping'.repeat(20_000)}`), ['Cluster operations', 'Platform engineering']);
  });
});
