// Measures the checker on the corpus of test/corpus: how many labelled problems it finds
// (recall), how many errors and warnings it gives that no label asks for (false findings), and
// whether it reads each document's kind, role and grade. Runs the checker as the CLI does.
//   node dist/test/corpus/measure.js [--json]
// Always exits 0: it measures, it does not gate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService, type LanguageService } from '../../server/src/languageService';
import { DOCUMENTS_DIR, LabelledDocument, readLabels } from './labels';
import { Finding, isLoud, Label, matchFindings, SEVERITY_NAMES, splitLines } from './match';

interface DocumentResult {
  file: string;
  quiet: boolean;
  labels: number;
  found: number;
  falseFindings: number;
  infoHint: number;
  kind: { expected: string; actual: string; ok: boolean };
  role: { expected?: string; actual?: string; ok: boolean };
  grade?: { expected: string; actual?: string; ok: boolean };
  /** Labels found and labels in all, per code. */
  byCode: Record<string, { found: number; total: number }>;
  missed: (Label & { file: string })[];
  false: { file: string; line: number; character: number; severity: string; code: string; message: string }[];
}

function measureDocument(service: LanguageService, labelled: LabelledDocument): DocumentResult {
  const path = join(DOCUMENTS_DIR, labelled.file);
  const text = readFileSync(path, 'utf8');
  const uri = pathToFileURL(path).toString();
  const doc = service.parse(uri, 0, text);
  const findings: Finding[] = service.diagnostics(doc).map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));
  service.forget(uri);

  const lines = splitLines(text);
  const { labelToFinding, unmatched } = matchFindings(labelled.problems, findings, lines);
  const loud = unmatched.filter((k) => isLoud(findings[k]));
  const quietOnes = unmatched.filter((k) => !isLoud(findings[k]));

  const framework = service.activeFramework();
  const gradeId = (g: string | undefined) => (g === undefined ? undefined : (framework.findGrade(g)?.id ?? g.trim().toLowerCase()));
  const actualRole = doc.role?.text;
  const actualGrade = doc.grade?.text;
  return {
    file: labelled.file,
    quiet: labelled.quiet,
    labels: labelled.problems.length,
    found: labelToFinding.filter((k) => k >= 0).length,
    falseFindings: loud.length,
    infoHint: quietOnes.length,
    kind: { expected: labelled.kind, actual: doc.kind, ok: doc.kind === labelled.kind },
    role: {
      expected: labelled.role,
      actual: actualRole,
      ok: labelled.role === undefined ? actualRole === undefined : actualRole?.trim().toLowerCase() === labelled.role.trim().toLowerCase(),
    },
    grade: labelled.grade === undefined ? undefined : { expected: labelled.grade, actual: actualGrade, ok: gradeId(actualGrade) === gradeId(labelled.grade) },
    byCode: countByCode(labelled.problems, labelToFinding),
    missed: labelled.problems.filter((_, i) => labelToFinding[i] < 0).map((l) => ({ file: labelled.file, ...l })),
    false: loud.map((k) => {
      const f = findings[k];
      return {
        file: labelled.file,
        line: f.range.start.line + 1,
        character: f.range.start.character + 1,
        severity: SEVERITY_NAMES[(f.severity ?? 1) - 1],
        code: String(f.code),
        message: f.message,
      };
    }),
  };
}

function countByCode(labels: Label[], labelToFinding: number[]): Record<string, { found: number; total: number }> {
  const out: Record<string, { found: number; total: number }> = {};
  labels.forEach((label, i) => {
    const entry = (out[label.code] ??= { found: 0, total: 0 });
    entry.total++;
    if (labelToFinding[i] >= 0) entry.found++;
  });
  return out;
}

/** found/total per code over all documents. */
function recallByCode(results: DocumentResult[]): Record<string, { found: number; total: number }> {
  const out: Record<string, { found: number; total: number }> = {};
  for (const r of results) {
    for (const [code, { found, total }] of Object.entries(r.byCode)) {
      const entry = (out[code] ??= { found: 0, total: 0 });
      entry.found += found;
      entry.total += total;
    }
  }
  return out;
}

function percent(n: number, of: number): string {
  return of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`;
}

function main(argv: string[]): void {
  const json = argv.includes('--json');
  const docs = readLabels();
  // Globs match paths inside the corpus, as an editor's inside its workspace folder: a checkout
  // under a folder called `reviews` must not make every document a review.
  const service = createLanguageService({ roots: [pathToFileURL(DOCUMENTS_DIR).toString()] });
  const results = docs.map((d) => measureDocument(service, d));

  const labels = results.reduce((n, r) => n + r.labels, 0);
  const found = results.reduce((n, r) => n + r.found, 0);
  const falseTotal = results.reduce((n, r) => n + r.falseFindings, 0);
  const falseOnQuiet = results.filter((r) => r.quiet).reduce((n, r) => n + r.falseFindings, 0);
  const infoHint = results.reduce((n, r) => n + r.infoHint, 0);
  const byCode = recallByCode(results);
  const falseByCode: Record<string, number> = {};
  for (const r of results) for (const f of r.false) falseByCode[f.code] = (falseByCode[f.code] ?? 0) + 1;
  const graded = results.filter((r) => r.grade);
  const summary = {
    documents: results.length,
    quietDocuments: results.filter((r) => r.quiet).length,
    labels,
    found,
    recall: labels ? found / labels : 0,
    recallByCode: byCode,
    falseFindings: falseTotal,
    falseFindingsOnQuietDocuments: falseOnQuiet,
    falseFindingsByCode: falseByCode,
    infoHintNotMatchingALabel: infoHint,
    kindAsExpected: results.filter((r) => r.kind.ok).length,
    roleAsExpected: results.filter((r) => r.role.ok).length,
    gradeAsExpected: graded.filter((r) => r.grade!.ok).length,
    documentsWithAGrade: graded.length,
  };

  if (json) {
    process.stdout.write(JSON.stringify({ summary, documents: results }, null, 2) + '\n');
    return;
  }

  const out: string[] = [];
  const width = Math.max(...results.map((r) => r.file.length));
  for (const r of results) {
    const notes: string[] = [];
    if (!r.kind.ok) notes.push(`kind ${r.kind.actual}, expected ${r.kind.expected}`);
    if (!r.role.ok) notes.push(`role ${r.role.actual === undefined ? 'none' : `"${r.role.actual}"`}, expected ${r.role.expected === undefined ? 'none' : `"${r.role.expected}"`}`);
    if (r.grade && !r.grade.ok) notes.push(`grade ${r.grade.actual === undefined ? 'none' : `"${r.grade.actual}"`}, expected "${r.grade.expected}"`);
    out.push(
      `${r.file.padEnd(width)}  labels ${`${r.found}/${r.labels}`.padStart(5)}  false: ${String(r.falseFindings).padStart(2)}  info/hint: ${String(r.infoHint).padStart(2)}` +
        (r.quiet ? '  (quiet)' : '') +
        (notes.length ? `  [${notes.join('; ')}]` : ''),
    );
  }
  out.push('');
  out.push(`documents: ${summary.documents} (${summary.quietDocuments} quiet)`);
  out.push(`recall: ${found}/${labels} labels found (${percent(found, labels)})`);
  const codeWidth = Math.max(...Object.keys(byCode).map((c) => c.length), ...Object.keys(falseByCode).map((c) => c.length));
  for (const [code, { found: f, total }] of Object.entries(byCode).sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))) {
    out.push(`  ${code.padEnd(codeWidth)}  ${`${f}/${total}`.padStart(6)}  ${percent(f, total).padStart(6)}`);
  }
  out.push(`false findings: ${falseTotal} (errors and warnings matching no label; ${falseOnQuiet} of them on quiet documents)`);
  for (const [code, n] of Object.entries(falseByCode).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    out.push(`  ${code.padEnd(codeWidth)}  ${String(n).padStart(6)}`);
  }
  out.push(`information and hints matching no label: ${infoHint}`);
  out.push(`kind as expected: ${summary.kindAsExpected}/${summary.documents}`);
  out.push(`role as expected: ${summary.roleAsExpected}/${summary.documents} (a document labelled without a role is expected to get none)`);
  out.push(`grade as expected: ${summary.gradeAsExpected}/${summary.documentsWithAGrade} (documents labelled with a grade)`);
  out.push('');
  out.push(`missed labels (${labels - found}):`);
  for (const r of results) {
    for (const m of r.missed) {
      const what = m.code === 'missing-skill' ? `${m.skill} (role "${m.text}")` : `"${m.text ?? ''}"`;
      out.push(`  ${m.file}:${m.line} ${m.code} ${what} — ${m.note ?? ''}`);
    }
  }
  out.push('');
  out.push(`false findings (${falseTotal}):`);
  for (const r of results) for (const f of r.false) out.push(`  ${f.file}:${f.line}:${f.character} ${f.severity} ${f.code} ${f.message}`);
  process.stdout.write(out.join('\n') + '\n');
}

main(process.argv.slice(2));
