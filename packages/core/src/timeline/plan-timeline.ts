import { defineTargetPlan } from './define-plan.js';
import { rankMilestones } from './milestones.js';
import type { Rounding, TargetPlan, TargetPlanInput } from './plan-schema.js';

/**
 * One year of a plan's timeline.
 *
 * @example
 * ```ts
 * const year: TimelineYear = { year: 2022, share: 0.7, cumulativeTarget: 19, quota: 9 };
 * ```
 */
export interface TimelineYear {
  readonly year: number;
  /** The milestone's share of the total; for a count milestone, count ÷ total. */
  readonly share: number;
  /** Estates certified by the end of the year, in all: the share of the total, rounded as the plan says. */
  readonly cumulativeTarget: number;
  /** Estates to certify in this year: this year's cumulative target less the previous year's. */
  readonly quota: number;
}

/**
 * What {@link planTimeline} returns.
 *
 * @example
 * ```ts
 * const timeline: Timeline = planTimeline(plan);
 * timeline.years.map((year) => year.quota);
 * ```
 */
export interface Timeline {
  readonly total: number;
  readonly rounding: Rounding;
  /** One entry per milestone, in year order. */
  readonly years: readonly TimelineYear[];
}

/**
 * Yearly cumulative targets and the quotas they imply, from a plan's total and its milestones (shares or
 * counts). Shares are applied exactly, from their decimal digits, and rounded as the plan says (`ceil` by
 * default: at least the share). Milestones are taken in year order; `checkTimeline` reports a plan whose
 * milestones are out of order or decrease. Throws `RubricError` `INVALID_PLAN` on malformed input.
 *
 * @example
 * ```ts
 * const { years } = planTimeline({
 *   total: 26,
 *   milestones: [
 *     { year: 2021, share: 0.35 },
 *     { year: 2022, share: 0.7 },
 *     { year: 2023, share: 0.9 },
 *     { year: 2024, share: 1 },
 *   ],
 * });
 * years.map((year) => year.cumulativeTarget); // [10, 19, 24, 26]
 * years.map((year) => year.quota); // [10, 9, 5, 2]
 * ```
 */
export function planTimeline(plan: TargetPlanInput): Timeline {
  return computeTimeline(defineTargetPlan(plan));
}

/**
 * {@link planTimeline} for a plan that is already validated.
 *
 * @example
 * ```ts
 * computeTimeline(defineTargetPlan(plan)).years.length; // one entry per milestone
 * ```
 */
export function computeTimeline(plan: TargetPlan): Timeline {
  let previousTarget = 0;
  const years = rankMilestones(plan).map((entry): TimelineYear => {
    const quota = entry.cumulativeTarget - previousTarget;
    previousTarget = entry.cumulativeTarget;
    const share = 'share' in entry.milestone ? entry.milestone.share : entry.milestone.count / plan.total;
    return { year: entry.year, share, cumulativeTarget: entry.cumulativeTarget, quota };
  });
  return { total: plan.total, rounding: plan.rounding, years };
}

/**
 * Every year the plan names in its milestones and quotas, sorted, each once.
 *
 * @example
 * ```ts
 * planYears(defineTargetPlan(plan)); // [2021, 2022, 2023, 2024]
 * ```
 */
export function planYears(plan: TargetPlan): number[] {
  const years = new Set(plan.milestones.map((milestone) => milestone.year));
  for (const yearKey of Object.keys(plan.quotas ?? {})) years.add(Number(yearKey));
  return [...years].sort((left, right) => left - right);
}
