// `--format sarif`: a SARIF 2.1.0 log with one run, for GitHub code scanning and other SARIF
// viewers. The tool declares a rule per diagnostic code (rules.ts); each finding is a result with
// its region (1-based lines and columns, columns in UTF-16 code units as LSP counts them), the fix
// when it has one clear replacement (the one `check --fix` applies), and a stable fingerprint.
// Findings silenced by a comment or the ignore list are results too, marked as suppressed, so that
// a viewer shows them as dismissed rather than losing them.
import type * as Sarif from 'sarif';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { LineIndex } from '../documents/lineIndex';
import { titleFor } from '../features/codeActions';
import { DEFAULT_SEVERITY } from '../features/diagnostics';
import { soleFix } from '../features/fixAll';
import type { SilencedFinding } from '../features/silencing';
import { fingerprints } from './fingerprint';
import { pathUri, rangeText, severityName, type CheckedFile, type NotChecked, type SeverityName } from './model';
import { CODES, helpUri, homepage, RULES } from './rules';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';

/** Paths in results are relative to the folder the checker ran in, named by this base id. */
const ROOT = '%SRCROOT%';

/** SARIF has three levels: information and hints are notes. */
const LEVEL: Record<SeverityName, Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifContext {
  /** The checker's version. */
  version: string;
  /** The folder the printed paths are relative to, as a file: URI. */
  root: string;
  /** Paths that could not be checked, and files --fix could not write: the run did not complete. */
  notChecked: readonly NotChecked[];
  notFixed: readonly NotChecked[];
}

export function sarifReport(files: readonly CheckedFile[], context: SarifContext): string {
  return JSON.stringify(sarifLog(files, context), null, 2) + '\n';
}

function sarifLog(files: readonly CheckedFile[], context: SarifContext): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = CODES.map((code) => ({
    id: code,
    shortDescription: { text: RULES[code].short },
    fullDescription: { text: RULES[code].full },
    defaultConfiguration: { level: LEVEL[defaultSeverity(code)] },
    helpUri: helpUri(code),
  }));
  const results: Sarif.Result[] = [];
  for (const checked of files) {
    const lines = new LineIndex(checked.text);
    const uri = pathUri(checked.file);
    // One count over both lists: a silenced finding alike a reported one (the same code, message
    // and text, on another line) would otherwise get its fingerprint, and code scanning would
    // take the two for one alert. The reported come first, so their fingerprints are those they
    // had when each list was counted on its own.
    const reported = checked.diagnostics.length;
    const prints = fingerprints(checked.file, lines, [...checked.diagnostics, ...checked.silenced.map((s) => s.diagnostic)]);
    checked.diagnostics.forEach((d, i) => results.push(result(d, uri, prints[i])));
    checked.silenced.forEach((s, i) => results.push({ ...result(s.diagnostic, uri, prints[reported + i]), suppressions: [suppression(s, lines)] }));
  }
  const problems = [
    ...context.notChecked.map((p) => ({ ...p, what: 'cannot be checked' })),
    ...context.notFixed.map((p) => ({ ...p, what: 'cannot be fixed' })),
  ];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Skill Lens',
            version: context.version,
            semanticVersion: context.version,
            informationUri: homepage,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: problems.length === 0,
            toolExecutionNotifications: problems.map((p) => ({
              level: 'error',
              message: { text: `${p.path}: ${p.what} (${p.reason})` },
              locations: [{ physicalLocation: { artifactLocation: { uri: pathUri(p.path), uriBaseId: ROOT } } }],
            })),
          },
        ],
        originalUriBaseIds: { [ROOT]: { uri: context.root.endsWith('/') ? context.root : `${context.root}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function defaultSeverity(code: (typeof CODES)[number]): SeverityName {
  const setting = DEFAULT_SEVERITY[code];
  return setting === 'off' ? 'hint' : setting;
}

function result(d: Diagnostic, uri: string, fingerprint: string): Sarif.Result {
  const code = String(d.code ?? '');
  const ruleIndex = CODES.indexOf(code as (typeof CODES)[number]);
  const out: Sarif.Result = {
    ruleId: code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[severityName(d)],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: ROOT }, region: region(d.range) } }],
    partialFingerprints: { 'skillLens/v1': fingerprint },
  };
  const edit = soleFix(d);
  if (edit) {
    out.fixes = [
      {
        description: { text: titleFor(code, edit.newText) },
        artifactChanges: [
          {
            artifactLocation: { uri, uriBaseId: ROOT },
            replacements: [{ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } }],
          },
        ],
      },
    ];
  }
  return out;
}

/** An LSP range (0-based, end exclusive) as a SARIF region (1-based; endColumn is the column after the last character). */
function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/**
 * A disable comment is in the document (`inSource`); the ignore list is a file beside it, outside
 * what was analysed (`external`, as SARIF defines it).
 */
function suppression(s: SilencedFinding, lines: LineIndex): Sarif.Suppression {
  if (s.by === 'comment') return { kind: 'inSource', justification: `Silenced by a skill-lens-disable comment in the document.` };
  const word = rangeText(lines, s.diagnostic.range).replace(/[*_`]/g, '').trim();
  // In source too: the project's ignore words are kept in the repository beside the documents
  // (.skill-lens/ignore.yaml, or `ignore` in .skill-lens.yaml), not in a system outside it.
  return { kind: 'inSource', justification: `"${word}" is listed under ${String(s.diagnostic.code)} in the project's ignore words (.skill-lens/ignore.yaml or .skill-lens.yaml).` };
}
