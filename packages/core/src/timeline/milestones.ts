import { countShare, exactShare, type Fraction, fractionOfTotal } from '../numbers/fraction.js';
import type { Milestone, TargetPlan } from './plan-schema.js';

/** A milestone with its position in the plan and its exact share of the total. */
export interface RankedMilestone {
  readonly index: number;
  readonly year: number;
  readonly milestone: Milestone;
  readonly fraction: Fraction;
  readonly cumulativeTarget: number;
}

/**
 * The plan's milestones in year order (stable, so equal years keep the plan's order), each with its exact
 * share and its cumulative target.
 *
 * @example
 * ```ts
 * rankMilestones(defineTargetPlan(plan)).map((entry) => entry.cumulativeTarget); // [10, 19, 24, 26]
 * ```
 */
export function rankMilestones(plan: TargetPlan): RankedMilestone[] {
  const ranked = plan.milestones.map((milestone, index) => {
    const fraction = milestoneFraction(milestone, plan.total);
    // A count written -0 (`JSON.parse('-0')` gives it) is 0: no target or quota shows "-0".
    const cumulativeTarget =
      'count' in milestone ? milestone.count + 0 : fractionOfTotal(fraction, plan.total, plan.rounding);
    return { index, year: milestone.year, milestone, fraction, cumulativeTarget };
  });
  return ranked.sort((left, right) => left.year - right.year || left.index - right.index);
}

/**
 * The exact share of the total that a milestone stands for.
 *
 * @example
 * ```ts
 * milestoneFraction({ year: 2024, count: 13 }, 26); // 13/26
 * ```
 */
export function milestoneFraction(milestone: Milestone, total: number): Fraction {
  return 'share' in milestone ? exactShare(milestone.share) : countShare(milestone.count, total);
}
