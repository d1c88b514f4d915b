// What every importer shares: its result type, how it fails, and how counts are checked.
import type { FrameworkData, ImportReport } from '../model';

/** An importer's output: the framework it built and what it found on the way. */
export interface FrameworkImport {
  data: FrameworkData;
  report: ImportReport;
}

/** A source line the importer does not understand. Import is strict: it stops rather than guess. */
export class ImportError extends Error {
  constructor(source: string, lineNumber: number, message: string) {
    super(`${source}:${lineNumber}: ${message}`);
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
