import * as z from 'zod';
import { type IssueOf, RubricError } from '../errors/rubric-error.js';
import { safeParseDocument, suspendJit } from '../reading/zod.js';
import { safeDefineTargetPlan, toRubricIssues } from './define-plan.js';
import { type RankedMilestone, rankMilestones } from './milestones.js';
import type { TargetPlan, TargetPlanInput } from './plan-schema.js';
import { computeTimeline, planYears } from './plan-timeline.js';
import { type ProgressStanding, standingOf } from './progress-standing.js';
import { cumulativeQuotas, lastStepBy, yearSteps } from './year-steps.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

/**
 * Estates certified in each year (not cumulative), keyed by year: `{ "2021": 11, "2022": 8 }`.
 *
 * @example
 * ```ts
 * const certified: CertifiedCounts = { 2021: 11, 2022: 8 };
 * ```
 */
export type CertifiedCounts = Readonly<Record<string, number>>;

const CertifiedCountsSchema = z.record(
  z.string().regex(/^\d{4}$/, 'a year key has four digits, e.g. "2021"'),
  z.int().min(0, 'a certified count is a whole number, 0 or more'),
);

/**
 * Whether certifications so far are ahead of, on, or behind the cumulative target.
 *
 * @example
 * ```ts
 * const status: ProgressStatus = 'behind';
 * ```
 */
export type ProgressStatus = 'ahead' | 'on-track' | 'behind';

/**
 * One year of progress against the plan. `target` and `certified` are cumulative (by the end of the year).
 *
 * @example
 * ```ts
 * const year: ProgressYear = {
 *   year: 2022, target: 20, certified: 19, certifiedInYear: 8, difference: -1, status: 'behind',
 *   floor: 19, namedQuota: 20, standing: 'short-of-quota', shortOfQuota: 1,
 *   summary: { zh: '截至2022年底已创建19个：…', en: 'By the end of 2022, 19 certified: meets the floor of 19 …, 1 short of the 20 the plan names.' },
 * };
 * ```
 */
export interface ProgressYear {
  readonly year: number;
  /** Estates the plan calls for by the end of the year, in all. */
  readonly target: number;
  /** Estates certified by the end of the year, in all. */
  readonly certified: number;
  /** Estates certified in this year alone. */
  readonly certifiedInYear: number;
  /** `certified − target`: negative when behind. */
  readonly difference: number;
  readonly status: ProgressStatus;
  /** The least cumulative count that meets the milestone in force (e.g. ceil(35% × 26) = 10); 0 before the first. */
  readonly floor: number;
  /** The cumulative count the plan's quotas name by the end of the year (11 for 2021); null when it names none. */
  readonly namedQuota: number | null;
  /** Against the floor and the named quota: e.g. `short-of-quota` when the floor is met but the named quota is not. */
  readonly standing: ProgressStanding;
  /** How many short of the named quota (0 when it is met, or when the plan names none). */
  readonly shortOfQuota: number;
  /** The standing in words, e.g. “meets the floor of 10 (35% of 26 = 9.1 → 10), 1 short of the 11 the plan names”. */
  readonly summary: { readonly zh: string; readonly en: string };
}

/**
 * What {@link trackProgress} returns.
 *
 * @example
 * ```ts
 * const progress: Progress = trackProgress(plan, { 2021: 11 });
 * progress.neededPerRemainingYear; // 5: 15 estates left over 2022–2024
 * ```
 */
export interface Progress {
  readonly total: number;
  /** Where the targets come from: the plan's yearly quotas, or its milestones when it sets no quotas. */
  readonly targetsFrom: 'quotas' | 'milestones';
  /** The years reported so far, up to the latest year with a certified count. */
  readonly years: readonly ProgressYear[];
  /** Estates certified so far, in all. */
  readonly certified: number;
  /** `total − certified`, never below 0. */
  readonly remaining: number;
  /** The year of the last milestone, by which the plan reaches its total. */
  readonly finalYear: number;
  /** The years left to certify in: after the latest reported year, up to and including `finalYear`. */
  readonly remainingYears: readonly number[];
  /**
   * `remaining ÷ remainingYears.length`, rounded up, so that certifying this many each year reaches the total
   * by `finalYear`. 0 when nothing remains; `null` when something remains but no year is left (overdue).
   */
  readonly neededPerRemainingYear: number | null;
}

/**
 * Compares certified counts with the plan, year by year: cumulative target, cumulative certified, the
 * difference (negative when behind) and whether that is ahead, on track or behind; then what remains and
 * how many a year it takes to finish by the last milestone year (rounded up).
 *
 * Targets come from the plan's quotas when it sets them (added up year by year), else from its milestones
 * through `planTimeline`; a year between two milestones carries the earlier milestone's target. Years are
 * reported up to the latest year in `certified` (give a 0 for a year with no certifications to report it).
 * Throws `RubricError` `INVALID_PLAN` when the plan or the counts are malformed; issues about the counts
 * have paths starting with `certified`.
 *
 * @example
 * ```ts
 * const progress = trackProgress(qinzhouPlan, { 2021: 11, 2022: 8 });
 * progress.years.map((year) => year.status); // ['on-track', 'behind']  (targets 11, 20)
 * progress.remaining; // 7
 * progress.neededPerRemainingYear; // 4: 7 over 2023 and 2024, rounded up
 * ```
 */
export function trackProgress(plan: TargetPlanInput, certified: CertifiedCounts): Progress {
  const parsedPlan = safeDefineTargetPlan(plan);
  const parsedCounts = safeParseDocument(CertifiedCountsSchema, certified);
  const issues: IssueOf<'INVALID_PLAN'>[] = [
    ...(parsedPlan.ok ? [] : parsedPlan.error.issues),
    ...(parsedCounts.success ? [] : toRubricIssues(parsedCounts.error.issues, ['certified'])),
  ];
  if (parsedCounts.success) {
    const certifiedInAll = Object.values(parsedCounts.data).reduce((sum, count) => sum + count, 0);
    if (!Number.isSafeInteger(certifiedInAll)) {
      issues.push({
        path: ['certified'],
        message: 'the certified counts add up to too many estates to count',
        kind: 'too-large-to-count',
      });
    }
  }
  if (issues.length > 0 || !parsedPlan.ok || !parsedCounts.success)
    throw new RubricError('INVALID_PLAN', issues);
  return computeProgress(parsedPlan.value, parsedCounts.data);
}

function computeProgress(plan: TargetPlan, certifiedCounts: Readonly<Record<string, number>>): Progress {
  const certifiedYears = Object.keys(certifiedCounts).map(Number);
  const targetOf = cumulativeTargets(plan);
  const latestReported = certifiedYears.length > 0 ? Math.max(...certifiedYears) : undefined;
  const reportedYears = [...new Set([...planYears(plan), ...certifiedYears])]
    .filter((year) => latestReported !== undefined && year <= latestReported)
    .sort((left, right) => left - right);

  const milestoneOf = milestoneInForce(plan);
  const quotasBy = plan.quotas === undefined ? undefined : cumulativeQuotas(plan);
  let certifiedSoFar = 0;
  const years = reportedYears.map((year): ProgressYear => {
    const certifiedInYear = certifiedCounts[String(year)] ?? 0;
    certifiedSoFar += certifiedInYear;
    const target = targetOf(year);
    const difference = certifiedSoFar - target;
    const status: ProgressStatus = difference > 0 ? 'ahead' : difference === 0 ? 'on-track' : 'behind';
    const standing = standingOf(
      year,
      certifiedSoFar,
      milestoneOf(year),
      quotasBy?.(year) ?? null,
      plan.total,
    );
    return { year, target, certified: certifiedSoFar, certifiedInYear, difference, status, ...standing };
  });

  const remaining = Math.max(0, plan.total - certifiedSoFar);
  const finalYear = plan.milestones.reduce(
    (latest, milestone) => Math.max(latest, milestone.year),
    Number.NEGATIVE_INFINITY,
  );
  const firstOpenYear = latestReported === undefined ? firstPlanYear(plan) : latestReported + 1;
  const remainingYears: number[] = [];
  for (let year = firstOpenYear; year <= finalYear; year += 1) remainingYears.push(year);
  const neededPerRemainingYear =
    remaining === 0 ? 0 : remainingYears.length === 0 ? null : Math.ceil(remaining / remainingYears.length);

  return {
    total: plan.total,
    targetsFrom: plan.quotas === undefined ? 'milestones' : 'quotas',
    years,
    certified: certifiedSoFar,
    remaining,
    finalYear,
    remainingYears,
    neededPerRemainingYear,
  };
}

/** The cumulative target by the end of any year, as a step function of the plan's quotas or milestones. */
function cumulativeTargets(plan: TargetPlan): (year: number) => number {
  if (plan.quotas !== undefined) return cumulativeQuotas(plan);
  const steps = computeTimeline(plan).years.map(({ year, cumulativeTarget }) => ({
    year,
    value: cumulativeTarget,
  }));
  return yearSteps(steps);
}

/**
 * The milestone in force by the end of any year: the last one at or before it (the highest target when a
 * year has several), by binary search over the milestones in year order.
 */
function milestoneInForce(plan: TargetPlan): (year: number) => RankedMilestone | undefined {
  const byYear: RankedMilestone[] = [];
  for (const entry of rankMilestones(plan)) {
    const last = byYear.at(-1);
    if (last !== undefined && last.year === entry.year) {
      if (entry.cumulativeTarget > last.cumulativeTarget) byYear[byYear.length - 1] = entry;
    } else byYear.push(entry);
  }
  return lastStepBy(byYear);
}

function firstPlanYear(plan: TargetPlan): number {
  const years = planYears(plan);
  return Math.min(plan.startYear ?? Number.POSITIVE_INFINITY, ...years);
}

restoreJit();
