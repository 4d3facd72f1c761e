import type { Assessment, RuleSet } from '@sunshine-rubric/core';
import { type CoverageReport, coverage as coverageOf } from '@sunshine-rubric/core/fixtures';
import { percentInWords } from '@sunshine-rubric/core/words';
import { type KitOptions, kitOperators } from '../options/kit-options.js';

export type { CoverageReport, LeafCoverage, StandardCoverage } from '@sunshine-rubric/core/fixtures';

/**
 * How thoroughly fixture assessments exercise a rule set: per standard, whether they ever made it met and
 * not met; per leaf of every condition, whether it was ever true and false. With a threshold, `passes`
 * says whether the leaf ratio reaches it (like `opa test --coverage --threshold`); {@link assertCoverage}
 * throws when it does not. `operators` / `plugins` are the custom operators the rule set uses. The same
 * report as `@sunshine-rubric/core/fixtures` gives (and `sunshine-rubric check --coverage-min` checks).
 *
 * @example
 * ```ts
 * const report = coverage(ruleSet, fixtures, { threshold: 0.8 });
 * console.log(`${percentInWords(report.ratio)} of leaf outcomes covered`);
 * ```
 */
export function coverage(
  ruleSet: RuleSet,
  assessments: readonly Assessment[],
  options: KitOptions & { readonly threshold?: number } = {},
): CoverageReport {
  return coverageOf(ruleSet, assessments, {
    operators: kitOperators(options),
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
  });
}

/**
 * Throws when a coverage report falls below its threshold, listing the leaves never seen true or false.
 *
 * @example
 * ```ts
 * assertCoverage(coverage(ruleSet, fixtures, { threshold: 0.9 }));
 * ```
 */
export function assertCoverage(report: CoverageReport): void {
  if (report.passes) return;
  const gaps = report.leaves
    .filter((leaf) => !leaf.sawTrue || !leaf.sawFalse)
    .slice(0, 20)
    .map(
      (leaf) =>
        `  ${leaf.standardId} ${leaf.in} ${leaf.path}: ${leaf.fact} ${leaf.operator} never ${leaf.sawTrue ? 'false' : leaf.sawFalse ? 'true' : 'decided'}`,
    );
  throw new Error(
    `rubric coverage ${percentInWords(report.ratio)} is below the threshold ${percentInWords(report.threshold ?? 0)}:\n${gaps.join('\n')}`,
  );
}
