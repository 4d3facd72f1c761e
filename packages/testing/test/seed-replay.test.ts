import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Assessment, compileRuleSet, RubricError, type RuleSet } from '@sunshine-rubric/core';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRuleSetInvariants, formatViolation, runSettings, shellQuote } from '../src/index.js';
import { testCommand } from '../src/vitest/index.js';
import { roundedRuleSet, roundingPlugin } from './rounded-rule-set.js';

// A user's project has no setup file configuring fast-check: this repository's vitest.setup.ts does, so
// these tests take that configuration away and leave only the environment variables.
const saved = {
  global: fc.readConfigureGlobal(),
  seed: process.env.FC_SEED,
  runs: process.env.FC_NUM_RUNS,
  path: process.env.FC_PATH,
};
beforeEach(() => {
  fc.resetConfigureGlobal();
  delete process.env.FC_SEED;
  delete process.env.FC_NUM_RUNS;
  delete process.env.FC_PATH;
});
afterEach(() => {
  fc.configureGlobal(saved.global);
  for (const [name, value] of [
    ['FC_SEED', saved.seed],
    ['FC_NUM_RUNS', saved.runs],
    ['FC_PATH', saved.path],
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
    expect(formatViolation(first.violations[0]!)).toContain(
      '\nreplay it with this line:\nFC_SEED=424242 npx vitest run\n',
    );
  });

  it('names a fresh seed when there is none, and that seed replays the run', async () => {
    const first = await check();
    process.env.FC_SEED = String(first.seed);
    const replayed = await check();
    expect(formatViolation(first.violations[0]!)).toContain(`\nFC_SEED=${first.seed} npx vitest run\n`);
    expect(replayed.violations[0]!.counterexample).toEqual(first.violations[0]!.counterexample);
  });

  it('goes straight to the counterexample with FC_PATH, as the line for one test says', async () => {
    process.env.FC_SEED = '424242';
    const [violation] = (await check()).violations;
    const line = formatViolation(violation!, { command: "npx vitest run city.test.ts -t 'x$'" });
    expect(line).toContain(
      `\nFC_SEED=424242 FC_PATH=${violation!.path} npx vitest run city.test.ts -t 'x$'\n`,
    );
    process.env.FC_PATH = violation!.path;
    const replayed = await check();
    expect(replayed.violations[0]!.counterexample).toEqual(violation!.counterexample);
    // Straight there: the replay tries the one input the path names, not a search.
    expect(replayed.runs).toBe(1);
  });

  it('refuses FC_PATH when several invariants run, and an FC_PATH that is not a path', async () => {
    process.env.FC_PATH = '3:1';
    await expect(checkRuleSetInvariants(roundedRuleSet, { plugins: [roundingPlugin] })).rejects.toMatchObject(
      {
        code: 'INVALID_OPTIONS',
        issues: [{ path: ['FC_PATH'], message: expect.stringContaining('one invariant') }],
      },
    );
    expect(() => runSettings({}, 100, { FC_PATH: '3;rm -rf' })).toThrow(
      /FC_PATH must be numbers joined by ":"/,
    );
    expect(runSettings({}, 100, { FC_PATH: ' 3:1:0 ', FC_SEED: '1' })).toEqual({
      seed: 1,
      numRuns: 100,
      path: '3:1:0',
    });
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
  const run = (variables: Record<string, string>) =>
    execFileSync(process.execPath, ['--conditions=@sunshine-rubric/source', '--import', 'tsx', script], {
      env: { ...withoutReplayVariables(process.env), ...variables },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints one line to paste, and that line replays the same counterexample', () => {
    const first = run({});
    expect(first).toMatch(/^counterexample: \{/m);
    const line = /^replay it with this line:\n(.*)$/m.exec(first)?.[1];
    expect(line).toMatch(/^FC_SEED=-?\d+ FC_PATH=\d+(:\d+)* node --import tsx check-invariants\.ts$/);
    // Paste it: its variables, in a new process.
    const pasted = Object.fromEntries(
      line!
        .split(' ')
        .filter((word) => /^FC_\w+=/.test(word))
        .map((word) => word.split('=') as [string, string]),
    );
    expect(Object.keys(pasted)).toEqual(['FC_SEED', 'FC_PATH']);
    expect(run(pasted)).toBe(first);
    expect(run({ FC_SEED: pasted.FC_SEED! })).toBe(first);
  }, 120_000);
});

describe('a failing test of describeRuleSetInvariants in a user’s project (vitest, no setup file)', () => {
  const project = fileURLToPath(new URL('user-project/', import.meta.url));
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const runVitest = (args: readonly string[], variables: Record<string, string>) => {
    const outcome = spawnSync(process.execPath, [vitest, ...args], {
      cwd: project,
      env: { ...withoutReplayVariables(process.env), NO_COLOR: '1', ...variables },
      encoding: 'utf8',
      timeout: 120_000,
    });
    return `${outcome.stdout}${outcome.stderr}`;
  };

  it('prints a line that, pasted, reruns just that test on the same counterexample', () => {
    const first = runVitest(['run'], {});
    expect(first).toMatch(/Tests\s+1 failed \| 1 passed/);
    const counterexample = /^counterexample: .*$/m.exec(first)?.[0];
    const line = /^replay it with this line:\n(.*)$/m.exec(first)?.[1];
    expect(line).toMatch(
      /^FC_SEED=-?\d+ FC_PATH=\d+(:\d+)* npx vitest run invariants\.replay\.ts -t 'rounded city: rule-set invariants reasons-iff-ineligible\$'$/,
    );
    // Paste it into a shell (with vitest's own script for npx vitest, which would look for it online).
    const pasted = spawnSync(
      '/bin/sh',
      ['-c', line!.replace('npx vitest', `${shellQuote(process.execPath)} ${shellQuote(vitest)}`)],
      {
        cwd: project,
        env: { ...withoutReplayVariables(process.env), NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    const replayed = `${pasted.stdout}${pasted.stderr}`;
    expect(replayed).toMatch(/Tests\s+1 failed \| 1 skipped/);
    expect(replayed).toContain(`\n${counterexample}\n`);
  }, 240_000);

  it('names the test file from the working directory and the test by its full name, quoted', () => {
    expect(
      testCommand('/repo/test/city.test.ts', 'city (v1.0): rule-set invariants deterministic', '/repo'),
    ).toBe("npx vitest run test/city.test.ts -t 'city \\(v1\\.0\\): rule-set invariants deterministic$'");
    expect(testCommand('/elsewhere/it’s.test.ts', "o'clock", '/repo')).toBe(
      "npx vitest run '/elsewhere/it’s.test.ts' -t 'o'\\''clock$'",
    );
  });
});

function withoutReplayVariables(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FC_SEED: _seed, FC_PATH: _path, FC_NUM_RUNS: _runs, ...rest } = environment;
  return rest;
}
