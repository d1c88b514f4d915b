// action.yml and .pre-commit-hooks.yaml run the same CLI as a developer does. The action's
// check step is run here as the runner runs a `shell: bash` step (bash -eo pipefail, inputs
// through its environment), on the CLI this build made; the hooks' entries on the files
// pre-commit would pass them.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';

const root = process.cwd();
const cli = join(root, 'dist', 'cli.js');

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: { name: string; shell?: string; env?: Record<string, string>; run: string }[] };
}
interface Hook {
  id: string;
  entry: string;
  language: string;
  types_or: string[];
  exclude: string;
}

/** The values the runner puts for `${{ inputs.NAME }}` and `${{ github.action_path }}`. */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(?:inputs\.([\w-]+)|github\.action_path)\s*\}\}/g, (_, name: string | undefined) => (name ? inputs[name] : root));
}

describe('the GitHub Action and the pre-commit hooks', function () {
  this.timeout(60_000);
  const action = load(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;

  /** Runs the action's check step with these inputs (the others at their defaults). */
  function checkStep(given: Record<string, string>) {
    const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']));
    const step = action.runs.steps.find((s) => s.name === 'Check')!;
    assert.equal(step.shell, 'bash');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value, inputs)]));
    return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  }

  it('is a composite action that builds the checker, then annotates and writes SARIF with the CLI', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(action.runs.steps.map((s) => s.name), ['Build Skill Lens', 'Check']);
    const folder = mkdtempSync(join(tmpdir(), 'skill-lens-action-'));
    const sarif = join(folder, 'skill-lens.sarif');
    const paths = ['examples/adverts/needs-work-senior-advert.md', 'examples/pathways'];
    const out = checkStep({ paths: `${paths[0]}\n${paths[1]}`, 'sarif-file': sarif });
    const cliGithub = spawnSync(process.execPath, [cli, 'check', '--format', 'github', ...paths], { cwd: root, encoding: 'utf8' });
    const cliSarif = spawnSync(process.execPath, [cli, 'check', '--format', 'sarif', ...paths], { cwd: root, encoding: 'utf8' });
    assert.equal(out.status, 1, out.stderr);
    assert.equal(out.stdout, cliGithub.stdout);
    assert.equal(out.stdout.split('\n').length - 1, 17);
    assert.equal(out.stderr, '2 files checked: 2 errors, 15 warnings.\n');
    assert.equal(readFileSync(sarif, 'utf8'), cliSarif.stdout);
  });

  it('passes max-warnings and framework on, and fails the step as the CLI exits', () => {
    const pathway = 'examples/pathways/cloud-engineer-pathway.md';
    assert.equal(checkStep({ paths: pathway, 'max-warnings': '6' }).status, 0);
    const over = checkStep({ paths: pathway, 'max-warnings': '5' });
    assert.equal(over.status, 1);
    assert.match(over.stderr, /skill-lens: 6 warnings, more than --max-warnings 5 allows\.\n$/);
    const framework = checkStep({ paths: pathway, framework: 'no-such-framework' });
    assert.equal(framework.status, 2);
    assert.match(framework.stderr, /^skill-lens: No framework file or framework named "no-such-framework"\./);
    // A path with glob characters is checked as written, never expanded by the shell.
    const glob = checkStep({ paths: 'examples/*' });
    assert.equal(glob.status, 2);
    assert.match(glob.stderr, /skill-lens: examples\/\*: cannot be checked \(no such file or folder\)/);
  });

  it('gives pre-commit hooks that run skill-lens check on Markdown and YAML documents', () => {
    const hooks = load(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    assert.deepEqual(hooks.map((h) => [h.id, h.entry, h.language, h.types_or]), [
      ['skill-lens', 'skill-lens check', 'node', ['markdown', 'yaml']],
      ['skill-lens-fix', 'skill-lens check --fix', 'node', ['markdown', 'yaml']],
    ]);
    const files = ['adverts/senior.md', 'pathways/cloud.yaml', 'team.skills.yaml', 'framework/team.skills.yml', '.skill-lens/ignore.yaml', 'docs/.skill-lens/x.yaml'];
    for (const hook of hooks) {
      const exclude = new RegExp(hook.exclude);
      assert.deepEqual(files.filter((f) => !exclude.test(f)), ['adverts/senior.md', 'pathways/cloud.yaml'], hook.id);
    }
    // pre-commit runs the entry with the file names after it: the package's bin is dist/cli.js.
    const [bin, ...args] = hooks[0].entry.split(' ');
    assert.equal(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin[bin], 'dist/cli.js');
    const out = spawnSync(process.execPath, [cli, ...args, 'examples/adverts/senior-infrastructure-engineer.md', 'examples/reviews/mid-year-review.md'], { cwd: root, encoding: 'utf8' });
    assert.equal(out.status, 0, out.stdout);
    assert.equal(out.stderr, '2 files checked: 0 errors, 0 warnings.\n');
  });
});
