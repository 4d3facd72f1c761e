import { type IssueOf, RubricError, type TargetPlanInput, trackProgress } from '@sunshine-rubric/core';
import type { PortfolioProgress } from './portfolio-input.js';

/** One year the plan covers, with what must be reached by its end. */
export interface PlanningYear {
  readonly year: number;
  /** The plan's cumulative target by the end of the year (as `trackProgress` reads it). */
  readonly target: number;
  /** Estates certified before the plan starts. */
  readonly certifiedBefore: number;
  /** Estates the plan must put forward by the end of the year, in all: `target − certifiedBefore`, at least 0. */
  readonly needed: number;
  readonly budget: number | null;
}

/**
 * The years left to plan and each one's cumulative need: every year from the first open one (after the
 * last certified count, or the plan's first year) to the plan's final milestone year, with targets read
 * by `trackProgress` — from the plan's quotas when it names them, else its milestones — so the planner and
 * the progress report never disagree about a year's target.
 *
 * @throws {RubricError} `INVALID_PLAN` from `trackProgress`; `INVALID_OPTIONS` for a budget that is not a
 * number from 0 to 2^53.
 * @example
 * ```ts
 * planningYears(qinzhouPlan, { certified: { 2021: 11 } }, {}).map((year) => year.needed); // [9, 13, 15]
 * ```
 */
export function planningYears(
  plan: TargetPlanInput,
  progress: PortfolioProgress | undefined,
  budgets: Readonly<Record<string, number>> | undefined,
): PlanningYear[] {
  const certified = progress?.certified ?? {};
  const { remainingYears, certified: certifiedBefore } = trackProgress(plan, certified);
  const zeros = Object.fromEntries(remainingYears.map((year) => [String(year), 0]));
  const targets = new Map(
    trackProgress(plan, { ...certified, ...zeros }).years.map((year) => [year.year, year.target]),
  );
  checkBudgets(budgets);
  return remainingYears.map((year): PlanningYear => {
    const target = targets.get(year) ?? 0;
    const budget = budgets && Object.hasOwn(budgets, String(year)) ? budgets[String(year)]! : null;
    return { year, target, certifiedBefore, needed: Math.max(0, target - certifiedBefore), budget };
  });
}

function checkBudgets(budgets: Readonly<Record<string, number>> | undefined): void {
  if (budgets === undefined) return;
  if (typeof budgets !== 'object' || budgets === null) {
    throw new RubricError('INVALID_OPTIONS', [
      { path: ['budgets'], message: 'budgets is an object of year to amount', kind: 'invalid-type' },
    ]);
  }
  const issues = Object.entries(budgets).flatMap(([yearKey, amount]): IssueOf<'INVALID_OPTIONS'>[] => {
    const path = ['budgets', yearKey];
    if (!/^\d{4}$/.test(yearKey))
      return [{ path, message: 'a budget year has four digits, e.g. "2021"', kind: 'invalid-type' }];
    if (typeof amount !== 'number' || !(amount >= 0 && amount <= Number.MAX_SAFE_INTEGER))
      return [
        {
          path,
          message: `a budget is a number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${String(amount)}`,
          kind: 'invalid-cost',
        },
      ];
    return [];
  });
  if (issues.length > 0) throw new RubricError('INVALID_OPTIONS', issues);
}
