// The findings that fit an appraisal: how much of the role level is assessed, where the person
// stands against it (a development need, or evidence toward the next role level), and whether
// the evidence says what they did. Reviews get these instead of missing-skill and level-mismatch.
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../documents/model';
import type { Framework } from '../framework/framework';
import { LevelData, SkillData, skillFullName } from '../framework/model';
import type { Review, ReviewEntry } from './model';
import { readReview } from './read';
import { coverageInsert } from './template';
import { levelInProse } from '../features/frameworkProse';
import { caches } from '../caches';

export type ReviewCode = 'review-coverage' | 'below-expected' | 'above-expected' | 'no-evidence' | 'evidence-copies-framework';

export interface ReviewFinding {
  code: ReviewCode;
  range: Range;
  message: string;
  /** For review-coverage: the text that adds what is not yet assessed, and where. */
  insert?: { line: number; character: number; text: string; title: string };
}

export function reviewFindings(doc: ParsedDocument, framework: Framework, review: Review = readReview(doc, framework)): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  const { current, next } = review;
  if (current && review.role) coverage(review, framework, doc, out);
  for (const entry of review.entries) {
    const name = skillFullName(entry.skill);
    const expected = current?.expected.get(entry.skill);
    if (entry.assessed && entry.level && expected && current) {
      const gap = framework.levelIndex(entry.level) - framework.levelIndex(expected);
      const assessed = levelInProse(entry.level);
      if (gap < 0) {
        out.push({
          code: 'below-expected',
          range: entry.assessed.range,
          message: `${name} is assessed at ${assessed}, below the ${levelInProse(expected)} ${current.name} expects: a development need.`,
        });
      } else if (gap > 0) {
        const toward = next?.expected.get(entry.skill);
        // Evidence toward the next role level only when it asks for more than this one.
        const further = toward && framework.levelIndex(toward) > framework.levelIndex(expected)
          ? `: evidence toward ${next!.name}, which needs ${levelInProse(toward)}.`
          : toward
            ? ` and the ${levelInProse(toward)} ${next!.name} needs.`
          : next
            ? `; ${next.name} does not list it.`
            : '.';
        out.push({
          code: 'above-expected',
          range: entry.assessed.range,
          message: `${name} is assessed at ${assessed}, above the ${levelInProse(expected)} ${current.name} expects${further}`,
        });
      }
    }
    if (entry.assessed && entry.level && entry.evidence.length === 0) {
      out.push({
        code: 'no-evidence',
        range: entry.assessed.range,
        message: `${name} is assessed at ${levelInProse(entry.level)} with no evidence. Add what was done that shows it: the work, its result, who it helped.`,
      });
    }
    for (const evidence of entry.evidence) {
      const copied = copiedStatement(evidence.text, entry.skill, framework);
      if (!copied) continue;
      out.push({
        code: 'evidence-copies-framework',
        range: evidence.range,
        message: `This evidence repeats ${framework.shortName}'s words for ${name} at ${levelInProse(copied.level)} ("${copied.text}"). Describe what was done, in your own words: the work, its result, who it helped.`,
      });
    }
  }
  return out;
}

function coverage(review: Review, framework: Framework, doc: ParsedDocument, out: ReviewFinding[]): void {
  const current = review.current!;
  const bySkill = new Map<SkillData, ReviewEntry>(review.entries.map((e) => [e.skill, e]));
  const expected = [...current.expected.keys()];
  const assessed = expected.filter((s) => bySkill.get(s)?.level);
  const withoutEvidence = assessed.filter((s) => bySkill.get(s)!.evidence.length === 0).length;
  if (assessed.length === expected.length && withoutEvidence === 0) return;
  const noun = `${framework.skillNoun}${expected.length === 1 ? '' : 's'}`;
  const missing = expected.filter((s) => !bySkill.get(s)?.level).map(skillFullName);
  const evidence = withoutEvidence ? `; ${withoutEvidence} without evidence` : '';
  const notYet = missing.length ? ` Not yet assessed: ${missing.join(', ')}.` : '';
  const finding: ReviewFinding = {
    code: 'review-coverage',
    range: review.role!.range,
    message: `${assessed.length} of ${expected.length} ${noun} assessed${evidence}.${notYet}`,
  };
  // Only skills the review never names get a new row: one written without a level has its own.
  const absent = expected.filter((s) => !bySkill.has(s));
  if (absent.length) finding.insert = coverageInsert(doc, framework, review, absent);
  out.push(finding);
}

/** Statements and examples of a skill as words, for comparing evidence with; once per skill. */
interface Said {
  level: LevelData;
  text: string;
  words: string[];
}
const saidCache = caches.weak<SkillData, Said[]>();

function said(skill: SkillData, framework: Framework): Said[] {
  let found = saidCache.get(skill);
  if (!found) {
    found = [];
    for (const level of framework.levels) {
      const at = framework.skillLevel(skill, level);
      for (const text of [...(at?.statements ?? []), ...(at?.examples ?? [])]) found.push({ level, text, words: words(text) });
    }
    saidCache.set(skill, found);
  }
  return found;
}

/** Lower-case words, apostrophes kept inside them (`team's`), typographic quotes made plain. */
function words(text: string): string[] {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * The framework statement the evidence repeats, if any: a run of at least eight of its words in
 * a row (for a shorter statement, all of it but one word, and at least five). `I can explain…`
 * for `You can explain…` is still a copy.
 */
export function copiedStatement(evidence: string, skill: SkillData, framework: Framework): Said | undefined {
  const ev = words(evidence);
  if (ev.length < 5) return undefined;
  const all = said(skill, framework);
  // A run of n words shares n - 1 word pairs with the statement: count them first, so most
  // evidence (which shares a pair or two at most) is never compared word by word.
  const shared = new Map<Said, number>();
  const pairs = pairsOf(skill, all);
  for (let i = 1; i < ev.length; i++) {
    for (const s of pairs.get(`${ev[i - 1]} ${ev[i]}`) ?? []) shared.set(s, (shared.get(s) ?? 0) + 1);
  }
  for (const s of all) {
    const need = Math.min(8, Math.max(5, s.words.length - 1));
    if (s.words.length < need || (shared.get(s) ?? 0) < need - 1 || longestRun(ev, s.words) < need) continue;
    return s;
  }
  return undefined;
}

/** Each word pair of a skill's statements, and the statements it is in. */
function pairsOf(skill: SkillData, all: Said[]): Map<string, Said[]> {
  let found = pairCache.get(skill);
  if (!found) {
    found = new Map();
    for (const s of all) {
      for (let i = 1; i < s.words.length; i++) {
        const key = `${s.words[i - 1]} ${s.words[i]}`;
        const list = found.get(key) ?? [];
        if (!list.includes(s)) list.push(s);
        found.set(key, list);
      }
    }
    pairCache.set(skill, found);
  }
  return found;
}
const pairCache = caches.weak<SkillData, Map<string, Said[]>>();

/** The longest run of words the two lists share, in order and in a row. */
function longestRun(a: string[], b: string[]): number {
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      row[j + 1] = a[i] === b[j] ? prev[j] + 1 : 0;
      if (row[j + 1] > best) best = row[j + 1];
    }
    [prev, row] = [row, prev];
  }
  return best;
}
