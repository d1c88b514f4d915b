// `--format codequality`: GitLab's Code Quality report (a subset of Code Climate's format), the
// JSON array a job publishes as `artifacts:reports:codequality` for the merge request widget.
import { LineIndex } from '../documents/lineIndex';
import { fingerprints } from './fingerprint';
import { severityName, type CheckedFile, type SeverityName } from './model';

/** Code Climate's severities: info, minor, major, critical, blocker. */
const SEVERITY: Record<SeverityName, string> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

export function codeQualityReport(files: readonly CheckedFile[]): string {
  const issues: CodeQualityIssue[] = [];
  for (const { file, text, diagnostics } of files) {
    const prints = fingerprints(file, new LineIndex(text), diagnostics);
    diagnostics.forEach((d, i) => {
      issues.push({
        description: d.message,
        check_name: String(d.code ?? ''),
        fingerprint: prints[i],
        severity: SEVERITY[severityName(d)],
        location: { path: file.replace(/\\/g, '/'), lines: { begin: d.range.start.line + 1 } },
      });
    });
  }
  return JSON.stringify(issues, null, 2) + '\n';
}
