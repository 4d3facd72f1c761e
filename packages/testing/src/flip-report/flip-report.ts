import type { Assessment, RuleSet } from '@sunshine-rubric/core';
import { type FlipReport, flipReport as flipReportOf } from '@sunshine-rubric/core/fixtures';
import { type KitOptions, kitOperators } from '../options/kit-options.js';

export type { Flip, FlipReport, StandardChange, VerdictSummary } from '@sunshine-rubric/core/fixtures';
export { formatFlipReport } from '@sunshine-rubric/core/fixtures';

/**
 * Which estates a rubric change turns eligible or ineligible, and why — for a pull-request comment.
 * Facts one rule set does not declare are ignored (a fact the new version reads but the fixtures lack is
 * `missing-data`, which the report shows). `options` name the custom operators (or plugins) either
 * version uses. The same report as `@sunshine-rubric/core/fixtures` gives (and `sunshine-rubric check
 * --base` prints), with the kit's way of naming operators.
 *
 * @example
 * ```ts
 * const report = flipReport(previous, proposed, fixtures, { plugins: [cityPlugin] });
 * console.log(formatFlipReport(report));
 * ```
 */
export function flipReport(
  before: RuleSet,
  after: RuleSet,
  assessments: readonly Assessment[],
  options: KitOptions = {},
): FlipReport {
  return flipReportOf(before, after, assessments, { operators: kitOperators(options) });
}
