// What every importer shares: its result type, how it fails, and how counts are checked.
import type { FrameworkData, ImportReport } from '../src/framework/model';

/** An importer's output: the framework it built and what it found on the way. */
export interface FrameworkImport {
  data: FrameworkData;
  report: ImportReport;
}

/** A source line the importer does not understand. Import is strict: it stops rather than guess. */
export class ImportError extends Error {
  constructor(source: string, lineNumber: number, message: string) {
    super(lineNumber > 0 ? `${source}:${lineNumber}: ${message}` : `${source}: ${message}`);
    this.name = 'ImportError';
  }
}

/** Lines of a source with their 1-based numbers, for error messages. */
export interface SourceLine {
  number: number;
  text: string;
}

/** The non-blank lines of a source, right-trimmed (blank lines carry no structure in the seeds). */
export function contentLines(text: string): SourceLine[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ number: index + 1, text: line.trimEnd() }))
    .filter((line) => line.text.trim() !== '');
}

/** Messages for every expected count the report does not match; empty when nothing drifted. */
export function countDrifts(report: ImportReport, expected: Record<string, number>): string[] {
  return Object.entries(expected)
    .filter(([key, value]) => report.counts[key] !== value)
    .map(([key, value]) => `${report.source}: ${key} is ${report.counts[key]}, expected ${value}`);
}

/** Mojibake that must never reach data/: Windows-1252 (`â€™`) and Mac Roman (the Apple logo lead). */
export const MOJIBAKE = /\u00e2\u20ac|\uf8ff/;

/** Import notes as a framework keeps them: the mojibake they quote written as escapes, so that
 *  no data file holds a mojibake character. */
export function storedReports(reports: ImportReport[]): ImportReport[] {
  const escape = (line: string) =>
    line.replace(/[\u0080-\u00ff\u2000-\u20ff\u0152-\u0192\u02c6-\u02dc\u2122\uf8ff]{2,}/g, (run) =>
      MOJIBAKE.test(run) ? [...run].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('') : run,
    );
  return reports.map((r) => ({ ...r, repaired: r.repaired.map(escape), skipped: r.skipped.map(escape) }));
}
