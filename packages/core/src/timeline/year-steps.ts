import type { TargetPlan } from './plan-schema.js';

/** One step of a step function over years: `value` from the end of `year` on. */
export interface YearStep {
  readonly year: number;
  readonly value: number;
}

/**
 * A step function over years, from steps sorted by year: the value of the last step at or before a year,
 * 0 before the first step. Each lookup is a binary search, so a plan of many years stays linear-logarithmic.
 *
 * @example
 * ```ts
 * const targetBy = yearSteps([{ year: 2021, value: 11 }, { year: 2022, value: 20 }]);
 * [targetBy(2020), targetBy(2021), targetBy(2023)]; // [0, 11, 20]
 * ```
 */
export function yearSteps(steps: readonly YearStep[]): (year: number) => number {
  const stepAt = lastStepBy(steps);
  return (year) => stepAt(year)?.value ?? 0;
}

/**
 * The last of `steps` (sorted by year) whose year is at or before a year, undefined before the first: the
 * binary search behind {@link yearSteps}, for steps that carry more than a number.
 *
 * @example
 * ```ts
 * const milestoneBy = lastStepBy([{ year: 2021, share: 0.35 }, { year: 2022, share: 0.7 }]);
 * milestoneBy(2021)?.share; // 0.35
 * ```
 */
export function lastStepBy<Step extends { readonly year: number }>(
  steps: readonly Step[],
): (year: number) => Step | undefined {
  return (year) => {
    let low = 0;
    let high = steps.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (steps[middle]!.year <= year) low = middle + 1;
      else high = middle;
    }
    return low === 0 ? undefined : steps[low - 1];
  };
}

/**
 * The plan's yearly quotas added up: by the end of any year, how many estates the quotas call for in all.
 *
 * @example
 * ```ts
 * const quotasBy = cumulativeQuotas(defineTargetPlan({ ...plan, quotas: { 2021: 11, 2022: 9 } }));
 * quotasBy(2022); // 20
 * ```
 */
export function cumulativeQuotas(plan: TargetPlan): (year: number) => number {
  let sum = 0;
  const steps = Object.entries(plan.quotas ?? {})
    .map(([yearKey, quota]) => ({ year: Number(yearKey), quota }))
    .sort((left, right) => left.year - right.year)
    .map(({ year, quota }): YearStep => {
      sum += quota;
      return { year, value: sum };
    });
  return yearSteps(steps);
}
