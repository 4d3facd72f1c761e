import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Assessment, compileRuleSet, RubricError, type RuleSet } from '@sunshine-rubric/core';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRuleSetInvariants, formatViolation, runSettings } from '../src/index.js';
import { roundedRuleSet, roundingPlugin } from './rounded-rule-set.js';

// A user's project has no setup file configuring fast-check: this repository's vitest.setup.ts does, so
// these tests take that configuration away and leave only the environment variables.
const saved = { global: fc.readConfigureGlobal(), seed: process.env.FC_SEED, runs: process.env.FC_NUM_RUNS };
beforeEach(() => {
  fc.resetConfigureGlobal();
  delete process.env.FC_SEED;
  delete process.env.FC_NUM_RUNS;
});
afterEach(() => {
  fc.configureGlobal(saved.global);
  for (const [name, value] of [
    ['FC_SEED', saved.seed],
    ['FC_NUM_RUNS', saved.runs],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const evaluator = compileRuleSet(roundedRuleSet, { operators: roundingPlugin.operators });
// Claims eligibility for every estate in scope: reasons-iff-ineligible catches it after a few draws.
const generous = (_ruleSet: RuleSet, assessment: Assessment) => {
  const result = evaluator.evaluate(assessment);
  return { ...result, eligible: result.inScope };
};
const check = () =>
  checkRuleSetInvariants(roundedRuleSet, {
    plugins: [roundingPlugin],
    invariants: ['reasons-iff-ineligible'],
    evaluate: generous,
  });

describe('seeds and run counts from the environment, in a project without setup', () => {
  it('replays the same counterexample from FC_SEED, and says how', async () => {
    process.env.FC_SEED = '424242';
    const first = await check();
    const second = await check();
    expect(first.seed).toBe(424242);
    expect(first.violations).toHaveLength(1);
    expect(second.violations[0]!.counterexample).toEqual(first.violations[0]!.counterexample);
    expect(formatViolation(first.violations[0]!)).toContain('\nreplay with FC_SEED=424242\n');
  });

  it('names a fresh seed when there is none, and that seed replays the run', async () => {
    const first = await check();
    process.env.FC_SEED = String(first.seed);
    const replayed = await check();
    expect(formatViolation(first.violations[0]!)).toContain(`replay with FC_SEED=${first.seed}`);
    expect(replayed.violations[0]!.counterexample).toEqual(first.violations[0]!.counterexample);
  });

  it('takes the run count from FC_NUM_RUNS, unless the caller gives one', async () => {
    process.env.FC_NUM_RUNS = '7';
    const report = await checkRuleSetInvariants(roundedRuleSet, { plugins: [roundingPlugin] });
    expect(report.runs).toBe(7 * 7);
    const given = await checkRuleSetInvariants(roundedRuleSet, { plugins: [roundingPlugin], numRuns: 3 });
    expect(given.runs).toBe(7 * 3);
  });

  it('lets the caller’s seed win over FC_SEED', () => {
    expect(runSettings({ seed: 5 }, 100, { FC_SEED: '9', FC_NUM_RUNS: '20' })).toEqual({
      seed: 5,
      numRuns: 20,
    });
    expect(runSettings({}, 100, { FC_SEED: ' 9 ' })).toEqual({ seed: 9, numRuns: 100 });
  });

  it('refuses an FC_SEED or FC_NUM_RUNS that is not an integer', () => {
    for (const environment of [
      { FC_SEED: 'abc' },
      { FC_SEED: '1.5' },
      { FC_NUM_RUNS: '0' },
      { FC_NUM_RUNS: 'many' },
    ]) {
      let caught: unknown;
      try {
        runSettings({}, 100, environment);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(RubricError);
      expect(caught).toMatchObject({
        code: 'INVALID_OPTIONS',
        issues: [{ path: [Object.keys(environment)[0]], kind: 'invalid-environment' }],
      });
    }
  });
});

describe('a user’s project (its own process, no setup file)', () => {
  const script = fileURLToPath(new URL('user-project/check-invariants.ts', import.meta.url));
  const run = (seed: string) =>
    execFileSync(process.execPath, ['--conditions=@sunshine-rubric/source', '--import', 'tsx', script], {
      env: { ...process.env, FC_SEED: seed },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints the replay line, and FC_SEED replays the same counterexample', () => {
    const first = run('777');
    expect(first).toContain('\nreplay with FC_SEED=777\n');
    expect(first).toMatch(/^counterexample: \{/m);
    expect(run('777')).toBe(first);
  }, 120_000);
});
