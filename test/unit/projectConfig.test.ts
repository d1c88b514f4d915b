// The project configuration file: what applies, and each problem on its line with words to act on.
import * as assert from 'node:assert/strict';
import { readProjectConfig } from '../../server/src/project/config';
import { createLanguageService } from '../../server/src/languageService';

function problems(text: string): string[] {
  return readProjectConfig(text).problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1}-${p.range.end.character + 1} ${p.message}`);
}

describe('the project configuration file', () => {
  it('reads every setting', () => {
    const { config, problems: found } = readProjectConfig(
      '# Skill Lens\nframework: support\nframeworkFiles: [frameworks/*.skills.yaml]\nseverity:\n  missing-skill: hint\n  level-mismatch: off\ndocumentKinds:\n  jobAdvert: ["jobs/**/*.md"]\nignore:\n  unknown-skill: [Kubernetes]\nexclude:\n  - drafts/**\n',
    );
    assert.deepEqual(found, []);
    assert.deepEqual(config, {
      framework: 'support',
      frameworkFiles: ['frameworks/*.skills.yaml'],
      severity: { 'missing-skill': 'hint', 'level-mismatch': 'off' },
      documentKinds: { jobAdvert: ['jobs/**/*.md'] },
      ignore: { 'unknown-skill': ['Kubernetes'] },
      exclude: ['drafts/**'],
    });
  });

  it('reports a wrong key or value on its line, and keeps the rest', () => {
    const text = 'framework: ddat\nseverty:\n  missing-skill: hint\nseverity:\n  missing-skils: hint\n  level-mismatch: warn\nexclude: drafts/**\n';
    assert.deepEqual(problems(text), [
      '2:1-9 "severty" is not a setting of the configuration: did you mean "severity"? Settings: framework, frameworkFiles, severity, documentKinds, ignore, exclude.',
      '5:3-22 "missing-skils" is not a diagnostic code: did you mean "missing-skill"? The codes are in the README\'s table.',
      '6:3-23 The severity of level-mismatch is one of error, warning, information, hint, off, not "warn".',
      '7:1-19 exclude is a list of globs, e.g. ["drafts/**"].',
    ]);
    assert.deepEqual(readProjectConfig(text).config, { framework: 'ddat' });
  });

  it('says when the file is not YAML or not a map, and applies nothing from it', () => {
    assert.deepEqual(problems('framework: [ddat\n'), ['2:1-1 This configuration is not valid YAML (deficient indentation); the defaults apply until it is.']);
    assert.deepEqual(problems('- ddat\n'), ['1:1-7 The configuration is a map of settings (framework, frameworkFiles, severity, documentKinds, ignore, exclude); the defaults apply until it is.']);
    assert.deepEqual(readProjectConfig('# nothing yet\n'), { config: {}, problems: [] });
  });

  it('leaves out a glob that does not compile, on its line, and keeps the others', () => {
    const text = 'exclude:\n  - drafts/**\n  - "[z-a]/*.md"\n';
    assert.deepEqual(problems(text), ['3:6-17 The glob "[z-a]/*.md" is not valid (range out of order in character class) and is left out; the other globs apply.']);
    assert.deepEqual(readProjectConfig(text).config, { exclude: ['drafts/**'] });
  });
});

describe('completion in the project configuration file', () => {
  const at = (textWithCursor: string) => {
    const service = createLanguageService();
    const offset = textWithCursor.indexOf('|');
    const text = textWithCursor.replace('|', '');
    const doc = service.parse('file:///work/.skill-lens.yaml', 1, text);
    const position = doc.lines.position(offset);
    return service.completions(doc, position).items.map((i) => `${i.label}=${(i.textEdit as { newText: string }).newText}`);
  };

  it('offers the keys not yet written, the kinds, the codes, the severities and the loaded frameworks', () => {
    assert.deepEqual(at('framework: ddat\n|'), ['frameworkFiles=frameworkFiles: ', 'severity=severity: ', 'documentKinds=documentKinds: ', 'ignore=ignore: ', 'exclude=exclude: ']);
    assert.deepEqual(at('documentKinds:\n  review: ["r/*.md"]\n  |'), ['jobAdvert=jobAdvert: ', 'pathway=pathway: ']);
    assert.ok(at('severity:\n  |').includes('missing-skill=missing-skill: '));
    assert.deepEqual(at('severity:\n  missing-skill: |'), ['error=error', 'warning=warning', 'information=information', 'hint=hint', 'off=off']);
    assert.deepEqual(at('framework: |'), ['ddat=ddat', 'sfia=sfia', 'ladder=ladder']);
  });
});
