// The model of a performance review: whose role level it is about, and per skill the level
// assessed and the evidence given for it. Read by reviews/read.ts from any of the forms people
// write (a table, a heading per skill, a career-ladder review), checked by reviews/checks.ts and
// drawn by reviews/profile.ts.
import type { LevelData, SkillData } from '../framework/model';
import type { Located } from '../documents/model';

/** How the review records its assessments: a table, a heading per skill, or a ladder's competency areas. */
export type ReviewForm = 'table' | 'headings' | 'ladder';

/** A role level and the level it expects of each of its skills, in the framework's order. */
export interface Standing {
  /** `Infrastructure engineer`, or a ladder level's name. */
  name: string;
  expected: ReadonlyMap<SkillData, LevelData>;
}

export interface ReviewEntry {
  skill: SkillData;
  /** The skill as written (a table cell, a heading). */
  name: Located;
  /** The assessed level as written, when there is one. */
  assessed?: Located;
  /** The assessed level, when it is one of the framework's levels. */
  level?: LevelData;
  /** Each line (or table cell) of evidence, without list markers. */
  evidence: Located[];
}

/** Where the coverage fix adds what is not yet assessed, in the review's own form. */
export type ReviewLayout =
  /** A review table: its header cells and the last row's line. */
  | { form: 'table'; headers: string[]; columns: ReviewColumns; lastLine: number }
  /** Skill headings of this depth; new sections go after line `lastLine`. */
  | { form: 'headings' | 'ladder'; depth: number; lastLine: number; label: string }
  /** No assessment yet: a table goes at the end of the document. */
  | { form: 'none'; lastLine: number };

/** The columns of a review table, -1 where it has none. */
export interface ReviewColumns {
  skill: number;
  expected: number;
  assessed: number;
  evidence: number;
}

export interface Review {
  /** The role level as written (front matter `role:` or the title). */
  role?: Located;
  current?: Standing;
  /** The next role level of the same role (the next ladder level): what "to progress" needs. */
  next?: Standing;
  period?: string;
  entries: ReviewEntry[];
  layout: ReviewLayout;
}
