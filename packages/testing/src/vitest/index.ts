/**
 * `@sunshine-rubric/testing/vitest`: the invariant suite and coverage threshold as vitest tests.
 *
 * @packageDocumentation
 */
import { type Assessment, formatPath, type RuleSet } from '@sunshine-rubric/core';
import { describe, it } from 'vitest';
import {
  checkRuleSetInvariants,
  formatViolation,
  type InvariantOptions,
} from '../invariants/check-rule-set-invariants.js';
import { invariantNames } from '../invariants/invariants.js';
import type { KitOptions } from '../options/kit-options.js';
import { assertCoverage, coverage } from '../rubric-coverage/coverage.js';

/**
 * Registers one vitest test per invariant of {@link checkRuleSetInvariants}. A failing test names the
 * invariant, the counterexample, and a `replay with FC_SEED=<seed>` line that reruns it in any project.
 *
 * @example
 * ```ts
 * import { describeRuleSetInvariants } from '@sunshine-rubric/testing/vitest';
 * describeRuleSetInvariants('my-city-2024', ruleSet, { numRuns: 200 });
 * ```
 */
export function describeRuleSetInvariants(
  name: string,
  ruleSet: RuleSet | unknown,
  options: InvariantOptions = {},
): void {
  describe(`${name}: rule-set invariants`, () => {
    for (const invariant of options.invariants ?? invariantNames) {
      it(invariant, async () => {
        const report = await checkRuleSetInvariants(ruleSet, { ...options, invariants: [invariant] });
        if (report.violations.length > 0) throw new Error(formatViolation(report.violations[0]!));
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
  ruleSet: RuleSet | unknown,
  assessments: readonly Assessment[],
  threshold: number,
  options: KitOptions = {},
): void {
  it(`fixtures cover at least ${(threshold * 100).toFixed(0)}% of leaf outcomes`, () => {
    assertCoverage(coverage(ruleSet, assessments, { ...options, threshold }));
  });
}
