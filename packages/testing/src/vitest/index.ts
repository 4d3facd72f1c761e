/**
 * `@sunshine-rubric/testing/vitest`: the invariant suite and coverage threshold as vitest tests.
 *
 * @module @sunshine-rubric/testing/vitest
 * @packageDocumentation
 */
import type { Assessment, RuleSet } from '@sunshine-rubric/core';
import { formatPath } from '@sunshine-rubric/core/words';
import { describe, expect, it } from 'vitest';
import {
  checkRuleSetInvariants,
  formatViolation,
  type InvariantOptions,
} from '../invariants/check-rule-set-invariants.js';
import { invariantNames } from '../invariants/invariants.js';
import type { KitOptions } from '../options/kit-options.js';
import { shellQuote } from '../options/run-settings.js';
import { assertCoverage, coverage } from '../rubric-coverage/coverage.js';

/**
 * Registers one vitest test per invariant of {@link checkRuleSetInvariants}. A failing test names the
 * invariant, the counterexample, and a line to paste that reruns just that test on just that
 * counterexample, in any project: `FC_SEED=<seed> FC_PATH=<path> npx vitest run <file> -t '<test>'`.
 *
 * @example
 * ```ts
 * import { describeRuleSetInvariants } from '@sunshine-rubric/testing/vitest';
 * describeRuleSetInvariants('my-city-2024', ruleSet, { numRuns: 200 });
 * ```
 */
export function describeRuleSetInvariants(
  name: string,
  ruleSet: RuleSet,
  options: InvariantOptions = {},
): void {
  const suite = `${name}: rule-set invariants`;
  describe(suite, () => {
    for (const invariant of options.invariants ?? invariantNames) {
      it(invariant, async () => {
        const report = await checkRuleSetInvariants(ruleSet, { ...options, invariants: [invariant] });
        if (report.violations.length > 0) {
          const command = testCommand(expect.getState().testPath, `${suite} ${invariant}`);
          throw new Error(formatViolation(report.violations[0]!, { command }));
        }
        // The linter's warnings do not fail the test; they are printed for the rubric's author. (The kit
        // runs in any runtime vitest does, so the console is read from globalThis, not Node's types.)
        const { console } = globalThis as { console?: { warn: (message: string) => void } };
        for (const finding of report.lint?.findings ?? []) {
          if (finding.severity === 'warning')
            console?.warn(
              `${name}: lint warning ${finding.code} ${formatPath(finding.path)}: ${finding.message.en}`,
            );
        }
      }, 120_000);
    }
  });
}

/**
 * A vitest test that fails when the fixtures cover less of the rule set than `threshold`. Pass the rule
 * set's custom operators (or plugins) as `options`.
 *
 * @example
 * ```ts
 * itCoversRuleSet(ruleSet, fixtures, 0.8, { plugins: [cityPlugin] });
 * ```
 */
export function itCoversRuleSet(
  ruleSet: RuleSet,
  assessments: readonly Assessment[],
  threshold: number,
  options: KitOptions = {},
): void {
  it(`fixtures cover at least ${(threshold * 100).toFixed(0)}% of leaf outcomes`, () => {
    assertCoverage(coverage(ruleSet, assessments, { ...options, threshold }));
  });
}

/**
 * `npx vitest run <file> -t '<test>'`: the command that runs one test, its file relative to the working
 * directory, its full name as an anchored pattern (vitest matches `-t` against the file, suite and test
 * names joined by spaces).
 *
 * @example
 * ```ts
 * testCommand('/repo/test/city.test.ts', 'city: rule-set invariants deterministic', '/repo');
 * // "npx vitest run test/city.test.ts -t 'city: rule-set invariants deterministic$'"
 * ```
 */
export function testCommand(
  testPath: string | undefined,
  fullName: string,
  cwd: string | undefined = (globalThis as { process?: { cwd?: () => string } }).process?.cwd?.(),
): string {
  const file =
    testPath === undefined
      ? ''
      : cwd !== undefined && testPath.startsWith(`${cwd}/`)
        ? testPath.slice(cwd.length + 1)
        : testPath;
  const pattern = `${fullName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  return ['npx vitest run', ...(file === '' ? [] : [shellQuote(file)]), '-t', shellQuote(pattern)].join(' ');
}
