// Reads test/corpus/labels.yaml: the documents of the corpus and the problems labelled in them.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { Label, SEVERITY_NAMES, SeverityName } from './match';

export type LabelledKind = 'job-advert' | 'pathway' | 'review' | 'unknown';

export interface LabelledDocument {
  /** Path under documents/. */
  file: string;
  kind: LabelledKind;
  role?: string;
  grade?: string;
  quiet: boolean;
  problems: Label[];
}

/** test/corpus in the source tree: this module is bundled to dist/test/corpus or dist/test/unit. */
export const CORPUS_DIR = resolve(__dirname, '..', '..', '..', 'test', 'corpus');
export const DOCUMENTS_DIR = join(CORPUS_DIR, 'documents');

const KINDS: readonly string[] = ['job-advert', 'pathway', 'review', 'unknown'];

/** The labelled documents; throws with the place of the first malformed entry. */
export function readLabels(file = join(CORPUS_DIR, 'labels.yaml')): LabelledDocument[] {
  const root = load(readFileSync(file, 'utf8')) as { documents?: unknown };
  if (!root || !Array.isArray(root.documents)) throw new Error(`${file}: no documents list`);
  return root.documents.map((raw, i) => {
    const where = `${file}: documents[${i}]`;
    const d = raw as Record<string, unknown>;
    if (typeof d.file !== 'string') throw new Error(`${where}: file must be a string`);
    if (typeof d.kind !== 'string' || !KINDS.includes(d.kind)) throw new Error(`${where} (${d.file}): kind must be one of ${KINDS.join(', ')}`);
    const problems = d.problems ?? [];
    if (!Array.isArray(problems)) throw new Error(`${where} (${d.file}): problems must be a list`);
    return {
      file: d.file,
      kind: d.kind as LabelledKind,
      role: optionalString(d.role, `${where}.role`),
      grade: optionalString(d.grade, `${where}.grade`),
      quiet: d.quiet === true,
      problems: problems.map((p, k) => readLabel(p, `${where} (${d.file}).problems[${k}]`)),
    };
  });
}

function readLabel(raw: unknown, where: string): Label {
  const p = raw as Record<string, unknown>;
  if (typeof p.line !== 'number' || !Number.isInteger(p.line) || p.line < 1) throw new Error(`${where}: line must be a positive whole number`);
  if (typeof p.code !== 'string') throw new Error(`${where}: code must be a string`);
  const severity = optionalString(p.severity, `${where}.severity`);
  if (severity !== undefined && !SEVERITY_NAMES.includes(severity as SeverityName)) throw new Error(`${where}: severity must be one of ${SEVERITY_NAMES.join(', ')}`);
  return {
    line: p.line,
    code: p.code,
    text: optionalString(p.text, `${where}.text`),
    skill: optionalString(p.skill, `${where}.skill`),
    severity: severity as SeverityName | undefined,
    note: optionalString(p.note, `${where}.note`),
  };
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`${where} must be a string`);
  return value;
}
