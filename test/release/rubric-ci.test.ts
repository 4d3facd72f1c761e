import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { brokenGuangxi } from '../../packages/cli/test/broken-guangxi.js';
import { parseCommand, parseXml } from '../../packages/cli/test/ci-output-parsers.js';
import { tinyEstate, tinyRuleSet } from '../../packages/cli/test/tiny-rule-set.js';
import { roundedDocument } from '../../packages/testing/test/rounded-rule-set.js';
import { run, runToExit } from './consumer-project.js';

// A rule-set author's CI, as it runs from the packed tarballs installed with npm (global-setup.ts): the
// invariant suite on a rubric with a custom operator, `sunshine-rubric check` failing a broken rubric with
// the linter's proof, and a change that flips a fixture reported as text, JUnit XML and GitHub annotations.
// Five processes in all, about 0.5–1 s each (3.7 s together on a 2-core machine), in the one project installed
// for every release test.
const project = inject('consumerProject');
const folder = join(project, 'rubric-ci');
const put = (name: string, value: unknown) =>
  writeFileSync(join(folder, name), `${JSON.stringify(value, null, 2)}\n`);
const check = (...args: string[]) =>
  runToExit(join(project, 'node_modules', '.bin', 'sunshine-rubric'), ['check', ...args], folder);

beforeAll(() => {
  mkdirSync(join(folder, 'fixtures'), { recursive: true });
  for (const script of ['check-invariants.mjs', 'lint-broken.mjs'])
    copyFileSync(new URL(`rubric-ci/${script}`, import.meta.url), join(folder, script));
  // The broken copies start from the guangxi-2021 that the installed package ships.
  const shipped = createRequire(join(project, 'package.json')).resolve(
    '@sunshine-rubric/guangxi/data/guangxi-2021.json',
  );
  const guangxi = JSON.parse(readFileSync(shipped, 'utf8'));
  put('broken-guangxi.json', brokenGuangxi(guangxi));
  put('never-eligible.json', brokenGuangxi(guangxi, { neverEligible: true }));
  put('rounding-city.json', roundedDocument);
  put('city.json', tinyRuleSet(0.6));
  put('stricter.json', tinyRuleSet(0.7));
  // Eligible at 60% (2 of 3 standards met), not at 70%: the stricter rule set flips it.
  put('fixtures/e2.json', tinyEstate('e2', { a: false, b: 5, c: true }, { eligible: true }));
});

describe('a rule set with a custom operator, from the installed @sunshine-rubric/testing', () => {
  it('passes the invariant suite with its plugin; is refused without it; a wrong operator is caught', () => {
    const outcome = JSON.parse(run('node', ['check-invariants.mjs', 'rounding-city.json'], folder));
    expect(outcome.violations).toEqual([]);
    expect(outcome.ok).toBe(true);
    expect(outcome.invariants).toHaveLength(8);
    expect(outcome.invariants.every(([, ok]: [string, boolean]) => ok)).toBe(true);
    expect(outcome.runs).toBe(7 * 30);
    expect(outcome.refused).toMatchObject({ code: 'INVALID_RULE_SET' });
    expect(outcome.refused.paths).toContain('aspects.0.requirements.0.standards.0.condition.operator');
    expect(outcome.caught[0]).toMatch(/atLeastRounded/);
  });
});

describe('a broken copy of guangxi-2021, from the installed packages', () => {
  it('fails `sunshine-rubric check`: both standards that can never be met, at their paths and lines', () => {
    const outcome = check('broken-guangxi.json', '--format', 'json');
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe('');
    const report = JSON.parse(outcome.stdout);
    expect(report.ok).toBe(false);
    const neverMet = report.findings.filter(
      (finding: { source: string; code: string }) =>
        finding.source === 'lint' && finding.code === 'STANDARD_NEVER_MET',
    );
    expect(neverMet.map((finding: { path: string }) => finding.path)).toEqual([
      '$.aspects[1].requirements[3].standards[0].condition',
      '$.aspects[4].requirements[0].standards[1].condition',
    ]);
    expect(neverMet.map((finding: { message: { en: string } }) => finding.message.en)).toEqual([
      expect.stringMatching(/standard "S28" can never be met/),
      expect.stringMatching(/standard "S65" can never be met/),
    ]);
    for (const finding of neverMet) {
      expect(finding).toMatchObject({ severity: 'error', file: 'broken-guangxi.json' });
      expect(finding.line).toBeGreaterThan(1);
    }
  });

  it('lintRuleSet proves both never met, and with both R24 standards broken, NEVER_ELIGIBLE with its proof', () => {
    const [broken, neverEligible] = JSON.parse(
      run('node', ['lint-broken.mjs', 'broken-guangxi.json', 'never-eligible.json'], folder),
    );
    const r24 = ['aspects', 4, 'requirements', 0];
    expect(broken.errors.filter((error: { code: string }) => error.code === 'STANDARD_NEVER_MET')).toEqual([
      expect.objectContaining({
        path: ['aspects', 1, 'requirements', 3, 'standards', 0, 'condition'],
        message: expect.stringContaining('can never be met'),
      }),
      expect.objectContaining({
        path: [...r24, 'standards', 1, 'condition'],
        message: expect.stringContaining('can never be met'),
      }),
    ]);
    expect(broken.errors.map((error: { code: string }) => error.code)).not.toContain('NEVER_ELIGIBLE');
    expect(
      neverEligible.errors.map((error: { code: string; path: unknown }) => [error.code, error.path]),
    ).toEqual([
      ['NEVER_ELIGIBLE', ['scoring']],
      ['REQUIREMENT_NEVER_COVERED', r24],
      ['STANDARD_NEVER_MET', [...r24, 'standards', 0, 'condition']],
      ['VALUE_OUT_OF_RANGE', [...r24, 'standards', 0, 'condition', 'value']],
      ['STANDARD_NEVER_MET', [...r24, 'standards', 1, 'condition']],
    ]);
    // 63 of 65 would clear 85%, but R24 can never be covered; the witness reaches that best and fails.
    expect(neverEligible.errors[0].proof).toEqual({
      bestMet: 63,
      bestApplicable: 65,
      threshold: 0.85,
      requirementsCoverable: false,
    });
    expect(neverEligible.witness).toEqual({ met: 63, applicable: 65, eligible: false });
  });
});

describe('a change that flips a fixture, checked by the installed `sunshine-rubric check --base`', () => {
  it('prints the flip with its reason', () => {
    const outcome = check('stricter.json', '--base', 'city.json', '--fixtures', 'fixtures', '--lang', 'en');
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toContain('! against tiny-city@1.0.0: 1 fixture(s) change verdict');
    expect(outcome.stdout).toMatch(
      /\n {2}stricter\.json:\d+:\d+ warning VERDICT_FLIPPED: e2 \(e2 小区\): eligible → ineligible, 66\.7% \(2\/3\) → 66\.7% \(2\/3\); reasons: 1 more standard needed: .*70% requires 3 \(\$\.scoring\.threshold\)\n/,
    );
  });

  it('writes well-formed JUnit XML and GitHub annotations, each line a documented command', () => {
    const outcome = check(
      'stricter.json',
      '--base',
      'city.json',
      '--fixtures',
      'fixtures',
      '--format',
      'github',
      '--junit',
      'check.xml',
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe('');
    const lines = outcome.stdout.trimEnd().split('\n');
    const summary = lines.pop();
    expect(summary).toBe('sunshine-rubric check stricter.json: 1 error(s), 1 warning(s), 0 notice(s)');
    expect(lines).toHaveLength(2);
    for (const line of lines)
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[^,:]+::\S/);
    expect(lines.map(parseCommand)).toEqual([
      expect.objectContaining({
        command: 'error',
        properties: expect.objectContaining({
          file: 'fixtures/e2.json',
          title: 'fixture EXPECTATION_NOT_MET',
        }),
      }),
      expect.objectContaining({
        command: 'warning',
        properties: expect.objectContaining({ file: 'stricter.json', title: 'flip VERDICT_FLIPPED' }),
        message: expect.stringMatching(
          /^e2（e2 小区）：符合申报条件 → 不符合申报条件，.*；原因：还需 1 项标准符合/,
        ),
      }),
    ]);
    const junit = parseXml(readFileSync(join(folder, 'check.xml'), 'utf8'));
    expect(junit.name).toBe('testsuites');
    expect(junit.attributes).toMatchObject({ failures: '1' });
    const suite = (name: string) => junit.children.find((entry) => entry.attributes.name === name);
    expect(junit.children.map((entry) => entry.attributes.name)).toEqual(
      expect.arrayContaining(['schema', 'lint', 'fixture', 'flip']),
    );
    const [fixture] = suite('fixture')!.children;
    expect(fixture!.children[0]).toMatchObject({
      name: 'failure',
      attributes: expect.objectContaining({ type: 'EXPECTATION_NOT_MET' }),
    });
    const [flip] = suite('flip')!.children;
    expect(flip!.children.map((child) => child.name)).toEqual(['system-out']);
    expect(flip!.children[0]!.text).toContain('VERDICT_FLIPPED');
  });
});
