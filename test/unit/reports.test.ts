// `skill-lens check --format sarif|github|codequality`, `--quiet` and `--max-warnings`, as CI runs
// them: dist/cli.js on the examples and on files written here, reading what it prints.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { DEFAULT_SEVERITY } from '../../server/src/features/diagnostics';
import { LineIndex } from '../../server/src/documents/lineIndex';
import { fingerprints } from '../../server/src/reports/fingerprint';
import { githubReport } from '../../server/src/reports/github';

const root = process.cwd();
const cli = resolve(root, 'dist', 'cli.js');
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });

interface JsonFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

const ADVERT = '---\nkind: job-advert\n---\n# Platform engineer\n\n- **Informaton security** (working)\n- **Kubernetes** (expert)\n- **Problem solving** (working)\n';

describe('skill-lens check report formats (CLI)', function () {
  // Each test starts the CLI as a process: seconds on a busy machine.
  this.timeout(60_000);
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'skill-lens-reports-'));
  });

  describe('--format sarif', () => {
    it('is valid SARIF 2.1.0 by the official schema, with a rule per code and the positions of the text output', () => {
      const out = run(['check', '--format', 'sarif', 'examples']);
      assert.equal(out.status, 1, out.stderr);
      assert.equal(out.stderr, '', 'no summary: stdout is the log');
      const log = JSON.parse(out.stdout) as Sarif.Log;
      const schema = JSON.parse(readFileSync(join(root, 'test/vendor/sarif-2.1.0/sarif-schema-2.1.0.json'), 'utf8'));
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(schema);
      assert.ok(validate(log), ajv.errorsText(validate.errors));
      // The validator does reject what breaks the schema: a line 0 and a level SARIF lacks.
      const broken = structuredClone(log);
      broken.runs[0].results![0].locations![0].physicalLocation!.region!.startLine = 0;
      (broken.runs[0].results![1] as { level: string }).level = 'information';
      assert.equal(validate(broken), false);
      assert.deepEqual(validate.errors!.map((e) => e.instancePath).sort(), ['/runs/0/results/0/locations/0/physicalLocation/region/startLine', '/runs/0/results/1/level']);

      assert.equal(log.runs.length, 1);
      const [runLog] = log.runs;
      const driver = runLog.tool.driver;
      assert.equal(driver.name, 'Skill Lens');
      assert.equal(driver.version, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
      assert.deepEqual(driver.rules!.map((r) => r.id), Object.keys(DEFAULT_SEVERITY));
      const readme = readFileSync(join(root, 'README.md'), 'utf8');
      for (const rule of driver.rules!) {
        assert.ok(rule.shortDescription?.text && rule.fullDescription?.text, rule.id);
        assert.equal(rule.helpUri, `https://www.npmjs.com/package/skill-lens#user-content-code-${rule.id}`);
        // The anchor is on the code's row of the README's table.
        const row = readme.split('\n').find((l) => l.includes(`<a id="code-${rule.id}"></a>`));
        assert.ok(row?.startsWith('| ') && row.includes(`\`${rule.id}\``), `README row for ${rule.id}`);
      }
      assert.equal(driver.rules!.find((r) => r.id === 'no-evidence')!.defaultConfiguration!.level, 'note');
      assert.equal(driver.rules!.find((r) => r.id === 'unknown-skill')!.defaultConfiguration!.level, 'error');

      // Every finding of the text output, in the same order, at the same 1-based line and column.
      const text = run(['check', 'examples']).stdout.trim().split('\n');
      const results = runLog.results!;
      assert.equal(results.length, text.length);
      const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as Record<string, string>;
      results.forEach((r, i) => {
        const { uri, uriBaseId } = r.locations![0].physicalLocation!.artifactLocation!;
        const region = r.locations![0].physicalLocation!.region!;
        const [, file, line, col, severity, code, message] = /^(.*?):(\d+):(\d+) (\S+) (\S+) (.*)$/.exec(text[i])!;
        assert.deepEqual(
          [uri, uriBaseId, region.startLine, region.startColumn, r.level, r.ruleId, r.message.text],
          [file, '%SRCROOT%', Number(line), Number(col), level[severity], code, message],
        );
        assert.equal(driver.rules![r.ruleIndex!].id, r.ruleId);
      });
      const unknownSkill = results.find((r) => r.ruleId === 'unknown-skill')!;
      assert.deepEqual(unknownSkill.locations![0].physicalLocation!.region, { startLine: 13, startColumn: 5, endLine: 13, endColumn: 24 });
      assert.equal(runLog.columnKind, 'utf16CodeUnits');
      assert.deepEqual(runLog.originalUriBaseIds, { '%SRCROOT%': { uri: `file://${root}/` } });
      assert.deepEqual(runLog.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
    });

    it('gives the fix of each finding that has one clear replacement: applied, they write what --fix writes', () => {
      writeFileSync(join(folder, 'advert.md'), ADVERT);
      const log = JSON.parse(run(['check', '--format', 'sarif', 'advert.md'], folder).stdout) as Sarif.Log;
      const results = log.runs[0].results!;
      assert.deepEqual(
        results.map((r) => [r.ruleId, r.fixes?.map((f) => f.description!.text)]),
        [
          ['unknown-skill', ['Replace with "Information security"']],
          ['unknown-skill', undefined],
          ['renamed-skill', ['Update to "Problem management"']],
        ],
      );
      const replacements = results.flatMap((r) => r.fixes ?? []).flatMap((f) => f.artifactChanges.flatMap((c) => c.replacements));
      assert.deepEqual(replacements[0], { deletedRegion: { startLine: 6, startColumn: 5, endLine: 6, endColumn: 24 }, insertedContent: { text: 'Information security' } });
      // Applied from the end of the file back, so that earlier regions keep their columns.
      const lines = ADVERT.split('\n');
      for (const r of [...replacements].reverse()) {
        const d = r.deletedRegion!;
        const line = lines[d.startLine! - 1];
        lines[d.startLine! - 1] = line.slice(0, d.startColumn! - 1) + r.insertedContent!.text + line.slice(d.endColumn! - 1);
      }
      assert.equal(run(['check', '--fix', 'advert.md'], folder).status, 1);
      assert.equal(lines.join('\n'), readFileSync(join(folder, 'advert.md'), 'utf8'));
    });

    it('lists findings silenced by a comment or the ignore list as suppressed results', () => {
      mkdirSync(join(folder, '.skill-lens'));
      writeFileSync(join(folder, '.skill-lens', 'ignore.yaml'), 'unknown-skill:\n  - Kubernetes\n');
      writeFileSync(join(folder, 'advert.md'), ADVERT.replace('(working)\n- **Kubernetes', '(working) <!-- skill-lens-disable-line unknown-skill -->\n- **Kubernetes'));
      const out = run(['check', '--format', 'sarif', 'advert.md'], folder);
      assert.equal(out.status, 0, 'nothing that is reported is an error');
      const results = JSON.parse(out.stdout).runs[0].results as Sarif.Result[];
      assert.deepEqual(
        results.map((r) => [r.ruleId, r.locations![0].physicalLocation!.region!.startLine, r.suppressions]),
        [
          ['renamed-skill', 8, undefined],
          ['unknown-skill', 6, [{ kind: 'inSource', justification: 'Silenced by a skill-lens-disable comment in the document.' }]],
          ['unknown-skill', 7, [{ kind: 'inSource', justification: `"Kubernetes" is listed under unknown-skill in the project's ignore words (.skill-lens/ignore.yaml or .skill-lens.yaml).` }]],
        ],
      );
      // The other formats leave them out, as the editor does.
      assert.equal(run(['check', 'advert.md'], folder).stdout, 'advert.md:8:5 warning renamed-skill "Problem solving" was renamed "Problem management" on 30 August 2022. Use the new name.\n');
    });

    it('gives a silenced finding a fingerprint of its own, and a reported one alike the fingerprint it had', () => {
      // "Kubernetes" twice: silenced by a comment on one line, reported on another. Alike in code,
      // message and text, the two were given one fingerprint, which code scanning takes as one alert.
      const alone = ADVERT;
      const twice = ADVERT.replace('- **Kubernetes** (expert)\n', '<!-- skill-lens-disable-next-line unknown-skill -->\n- **Kubernetes** (expert)\n- **Kubernetes** (expert)\n');
      const kubernetes = (text: string) => {
        writeFileSync(join(folder, 'advert.md'), text);
        const results = JSON.parse(run(['check', '--format', 'sarif', 'advert.md'], folder).stdout).runs[0].results as Sarif.Result[];
        return results
          .filter((r) => r.message.text!.startsWith('"Kubernetes"'))
          .map((r) => ({ line: r.locations![0].physicalLocation!.region!.startLine, silenced: !!r.suppressions, print: r.partialFingerprints!['skillLens/v1'] }));
      };
      const [before] = kubernetes(alone);
      const [reported, silenced] = kubernetes(twice);
      assert.deepEqual([reported.line, reported.silenced, silenced.line, silenced.silenced], [9, false, 8, true]);
      assert.notEqual(silenced.print, reported.print);
      // The reported finding keeps the fingerprint it has without the silenced one (the one an
      // alert already has), as fingerprinting the reported findings alone gave it.
      assert.equal(reported.print, before.print);
      const found = JSON.parse(run(['check', '--format', 'json', 'advert.md'], folder).stdout) as JsonFinding[];
      const alonePrints = fingerprints('advert.md', new LineIndex(twice), found.map(({ range, code, message }) => ({ range, code, message })));
      assert.equal(reported.print, alonePrints[found.findIndex((f) => f.message.startsWith('"Kubernetes"'))]);
    });

    it('names a path it could not check in the run, which did not succeed', () => {
      writeFileSync(join(folder, 'advert.md'), ADVERT);
      const out = run(['check', '--format', 'sarif', 'advert.md', 'missing.md'], folder);
      assert.equal(out.status, 2);
      const [invocation] = JSON.parse(out.stdout).runs[0].invocations as Sarif.Invocation[];
      assert.equal(invocation.executionSuccessful, false);
      assert.deepEqual(invocation.toolExecutionNotifications, [
        { level: 'error', message: { text: 'missing.md: cannot be checked (no such file or folder)' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'missing.md', uriBaseId: '%SRCROOT%' } } }] },
      ]);
      assert.equal(out.stderr, 'skill-lens: missing.md: cannot be checked (no such file or folder)\n');
    });
  });

  describe('--format github', () => {
    /** What @actions/core writes for the findings of `check --format json`, captured from stdout. */
    async function actionsCoreLines(findings: JsonFinding[]): Promise<string[]> {
      const core = await import('@actions/core');
      const written: string[] = [];
      const write = process.stdout.write;
      process.stdout.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stdout.write;
      try {
        for (const f of findings) {
          const { start, end } = f.range;
          const oneLine = start.line === end.line;
          const properties = {
            title: `Skill Lens (${f.code})`,
            file: f.file,
            startLine: start.line + 1,
            endLine: end.line + 1,
            startColumn: oneLine ? start.character + 1 : undefined,
            endColumn: oneLine ? Math.max(start.character + 1, end.character) : undefined,
          };
          const annotate = f.severity === 'error' ? core.error : f.severity === 'warning' ? core.warning : core.notice;
          annotate(f.message, properties);
        }
      } finally {
        process.stdout.write = write;
      }
      return written.join('').split('\n').slice(0, -1);
    }

    it('writes the workflow commands @actions/core writes for the same findings', async () => {
      const out = run(['check', '--format', 'github', 'examples']);
      assert.equal(out.status, 1);
      assert.equal(out.stderr, '13 files checked: 2 errors, 16 warnings.\n');
      const findings = JSON.parse(run(['check', '--format', 'json', 'examples']).stdout) as JsonFinding[];
      const lines = out.stdout.split('\n').slice(0, -1);
      assert.equal(lines.length, 23);
      assert.deepEqual(lines, await actionsCoreLines(findings));
      assert.equal(
        lines.find((l) => l.includes('unknown-skill')),
        '::error title=Skill Lens (unknown-skill),file=examples/adverts/needs-work-senior-advert.md,line=13,endLine=13,col=5,endColumn=23::"Informaton security" is not a skill in DDaT. Did you mean "Information security"?',
      );
      assert.equal(lines.filter((l) => l.startsWith('::notice ')).length, 5, 'information and hints are notices');
    });

    it('escapes %, line breaks, and : and , in properties as the runner reads them', async () => {
      const name = 'a,b:c%d.md';
      writeFileSync(join(folder, name), '---\nkind: job-advert\n---\n# Platform engineer\n\n- **100% Kubernetes** (expert)\n');
      const out = run(['check', '--format', 'github', name], folder);
      const findings = JSON.parse(run(['check', '--format', 'json', name], folder).stdout) as JsonFinding[];
      assert.deepEqual(out.stdout.split('\n').slice(0, -1), await actionsCoreLines(findings));
      assert.match(out.stdout, /^::error title=Skill Lens \(unknown-skill\),file=a%2Cb%3Ac%25d\.md,line=6,endLine=6,col=5,endColumn=19::"100%25 Kubernetes" is not a skill in DDaT, and no skill is spelt like it\./);
      // A message over several lines (none of the checks writes one today) stays one command.
      const multiline: JsonFinding = { ...findings[0], message: 'first line\r\nsecond, with: 50%', range: { start: { line: 5, character: 4 }, end: { line: 6, character: 2 } } };
      const written = githubReport([{ file: 'x.md', text: '', diagnostics: [{ ...multiline, severity: 1 }], silenced: [] }]);
      assert.deepEqual(written.split('\n').slice(0, -1), await actionsCoreLines([{ ...multiline, file: 'x.md' }]));
      assert.equal(written, '::error title=Skill Lens (unknown-skill),file=x.md,line=6,endLine=7::first line%0D%0Asecond, with: 50%25\n');
    });
  });

  describe('--format codequality', () => {
    it("is GitLab's Code Quality JSON, with fingerprints that unrelated edits leave alone", () => {
      cpSync(join(root, 'examples', 'adverts', 'needs-work-senior-advert.md'), join(folder, 'advert.md'));
      const out = run(['check', '--format', 'codequality', 'advert.md'], folder);
      assert.equal(out.status, 1);
      assert.equal(out.stderr, '');
      type Issue = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } };
      const issues = JSON.parse(out.stdout) as Issue[];
      const text = run(['check', 'advert.md'], folder).stdout.trim().split('\n');
      assert.equal(issues.length, text.length);
      const severity = { error: 'major', warning: 'minor', information: 'info', hint: 'info' } as Record<string, string>;
      issues.forEach((issue, i) => {
        const [, file, line, , level, code, message] = /^(.*?):(\d+):(\d+) (\S+) (\S+) (.*)$/.exec(text[i])!;
        assert.deepEqual(issue, { description: message, check_name: code, fingerprint: issue.fingerprint, severity: severity[level], location: { path: file, lines: { begin: Number(line) } } });
        assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
      });
      assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'each finding has its own fingerprint (the four missing-skill findings on line 3 too)');
      assert.deepEqual(JSON.parse(run(['check', '--format', 'codequality', 'advert.md'], folder).stdout), issues, 'the same on a second run');

      // Two paragraphs added under the title move every finding below them down 4 lines (and the
      // duplicate-skill message's "on line 16" to 20); the fingerprints stay.
      const original = readFileSync(join(folder, 'advert.md'), 'utf8');
      const lines = original.split('\n');
      const title = lines.findIndex((l) => l.startsWith('# '));
      writeFileSync(join(folder, 'advert.md'), [...lines.slice(0, title + 1), '', 'An unrelated paragraph.', '', 'And another one.', ...lines.slice(title + 1)].join('\n'));
      const moved = JSON.parse(run(['check', '--format', 'codequality', 'advert.md'], folder).stdout) as Issue[];
      assert.deepEqual(moved.map((i) => i.fingerprint), issues.map((i) => i.fingerprint));
      assert.deepEqual(moved.map((i) => i.location.lines.begin), issues.map((i) => i.location.lines.begin + (i.location.lines.begin > title + 1 ? 4 : 0)));
      assert.ok(moved.some((i) => i.description.includes('already given on line 20')));
      // A finding about other text is another finding.
      writeFileSync(join(folder, 'advert.md'), original.replace('Informaton security', 'Informaton securty'));
      const changed = JSON.parse(run(['check', '--format', 'codequality', 'advert.md'], folder).stdout) as Issue[];
      assert.deepEqual(
        changed.map((i, n) => i.fingerprint === issues[n].fingerprint),
        issues.map((i) => i.check_name !== 'unknown-skill'),
      );
    });
  });

  describe('--quiet and --max-warnings', () => {
    const pathway = 'examples/pathways/cloud-engineer-pathway.md';

    it('--quiet prints errors only; the summary still counts every finding', () => {
      const all = run(['check', 'examples']);
      const quiet = run(['check', '--quiet', 'examples']);
      assert.deepEqual(quiet.stdout.trim().split('\n'), all.stdout.trim().split('\n').filter((l) => / error /.test(l)));
      assert.equal(quiet.stdout.split('\n').length - 1, 2);
      assert.equal(quiet.stderr, all.stderr);
      assert.equal(quiet.status, 1);
      const sarif = JSON.parse(run(['check', '--quiet', '--format', 'sarif', 'examples']).stdout) as Sarif.Log;
      assert.deepEqual(sarif.runs[0].results!.map((r) => r.level), ['error', 'error']);
      assert.equal(run(['check', '--quiet', pathway]).stdout, '');
    });

    it('--max-warnings N exits 1 when there are more than N warnings, counting those --quiet hides', () => {
      const six = run(['check', '--max-warnings', '6', pathway]);
      assert.equal(six.status, 0);
      assert.equal(six.stderr, '1 file checked: 0 errors, 6 warnings.\n');
      const five = run(['check', '--max-warnings=5', pathway]);
      assert.equal(five.status, 1);
      assert.equal(five.stdout, six.stdout);
      assert.equal(five.stderr, '1 file checked: 0 errors, 6 warnings.\nskill-lens: 6 warnings, more than --max-warnings 5 allows.\n');
      const quiet = run(['check', '--quiet', '--max-warnings', '0', '--format', 'github', pathway]);
      assert.deepEqual([quiet.status, quiet.stdout], [1, '']);
      assert.equal(quiet.stderr, '1 file checked: 0 errors, 6 warnings.\nskill-lens: 6 warnings, more than --max-warnings 0 allows.\n');
      assert.equal(run(['check', pathway]).status, 0, 'without the option, warnings never fail');
    });

    it('refuses a count that is not a whole number, and a format another command lacks', () => {
      for (const bad of ['-1', 'ten', '1.5']) {
        const out = run(['check', `--max-warnings=${bad}`, pathway]);
        assert.equal(out.status, 2);
        assert.match(out.stderr, new RegExp(`^skill-lens: --max-warnings needs a number of warnings \\(0 or more\\), not "${bad.replace('.', '\\.')}"\\.\n\nUsage:`));
      }
      assert.match(run(['check', '--format', 'xml', pathway]).stderr, /^skill-lens: --format must be text, json, sarif, github or codequality, not "xml"\./);
      assert.match(run(['frameworks', '--format', 'sarif']).stderr, /^skill-lens: --format must be text or json, not "sarif"\./);
      assert.match(run(['profile', '--format', 'github', 'examples/reviews/mid-year-review.md']).stderr, /^skill-lens: --format must be text, json or svg, not "github"\./);
    });
  });
});
