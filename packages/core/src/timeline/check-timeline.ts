import { compareFractions } from '../numbers/fraction.js';
import { checkAreas, checkFloorsAndSteps, checkTotalStatements } from './consistency-checks.js';
import { defineTargetPlan } from './define-plan.js';
import { type RankedMilestone, rankMilestones } from './milestones.js';
import { finishIssue } from './plan-clauses.js';
import type { TargetPlan, TargetPlanInput } from './plan-schema.js';
import { computeTimeline, type TimelineYear } from './plan-timeline.js';
import type { TimelineIssue, TimelineIssueDraft } from './timeline-issue-codes.js';
import { timelineIssue } from './timeline-issues.js';
import { cumulativeQuotas } from './year-steps.js';

/**
 * One year of a checked plan: the timeline's figures beside the plan's own quotas.
 *
 * @example
 * ```ts
 * const year: CheckedYear = {
 *   year: 2021, share: 0.35, cumulativeTarget: 10, quota: 10,
 *   plannedQuota: 11, cumulativeQuota: 11, cumulativeQuotaShare: 11 / 26,
 * };
 * ```
 */
export interface CheckedYear extends TimelineYear {
  /** The plan's quota for this year (`quotas[year]`, 0 when missing); the implied `quota` when the plan has no quotas. */
  readonly plannedQuota: number;
  /** The planned quotas of this year and every earlier year, added up. */
  readonly cumulativeQuota: number;
  /** `cumulativeQuota ÷ total`, e.g. 11 of 26 is 0.423 (42.3%). */
  readonly cumulativeQuotaShare: number;
}

/**
 * What {@link checkTimeline} returns: `ok` exactly when `issues` is empty.
 *
 * @example
 * ```ts
 * const report: TimelineCheck = checkTimeline(plan);
 * if (!report.ok) for (const issue of report.issues) console.log(issue.code, issue.message);
 * ```
 */
export interface TimelineCheck {
  readonly ok: boolean;
  readonly issues: readonly TimelineIssue[];
  readonly total: number;
  /** One entry per milestone, in year order. */
  readonly years: readonly CheckedYear[];
}

/**
 * Every inconsistency in a target plan, not only the first: quotas against cumulative targets and against the
 * total, breakdowns and cohorts that do not add up, milestones out of order, decreasing, above the total or
 * outside 0..1, quotas for years without a milestone, years before the start; and what arithmetic over the
 * plan's own figures shows: a share's floor below the quota the plan names, quotas short of the step between
 * two milestones, cohort areas an area breakdown does not list or cannot hold, breakdown parts within one
 * another, areas without a level, a total restated or described differently. Each finding has a stable
 * `code`, a `severity` (`error`: impossible as written; `warning`: doubtful; `notice`: a reading left open),
 * the paths it `compares` and their `clauses` (from `plan.sources`), an English `message`, a Chinese
 * `messageZh` and both as `text`. A plan consistent by construction has no finding. See docs/plan-checks.md.
 * Throws `RubricError` `INVALID_PLAN` when the plan is malformed (not when it is merely inconsistent).
 *
 * @example
 * ```ts
 * const report = checkTimeline({
 *   total: 26,
 *   milestones: [
 *     { year: 2021, share: 0.35 },
 *     { year: 2022, share: 0.7 },
 *     { year: 2023, share: 0.9 },
 *     { year: 2024, share: 1 },
 *   ],
 *   quotas: { 2021: 11, 2022: 9, 2023: 4, 2024: 2 },
 * });
 * report.years.map((year) => year.cumulativeQuota); // [11, 20, 24, 26]: never below the floors 10, 19, 24, 26
 * report.issues.map((issue) => [issue.severity, issue.code, issue.year]);
 * // [['notice', 'SHARE_FLOOR_BELOW_QUOTA', 2021], ['notice', 'SHARE_FLOOR_BELOW_QUOTA', 2022],
 * //  ['warning', 'QUOTA_BELOW_STEP', 2023]]
 * ```
 */
export function checkTimeline(plan: TargetPlanInput): TimelineCheck {
  const parsed = defineTargetPlan(plan);
  const ranked = rankMilestones(parsed);
  const years = checkedYears(parsed);
  const drafts = [
    ...checkMilestoneOrder(ranked),
    ...checkMilestoneValues(ranked, parsed.total),
    ...checkQuotas(parsed, years),
    ...checkFloorsAndSteps(parsed, ranked),
    ...checkTotalStatements(parsed),
    ...checkBreakdowns(parsed),
    ...checkAreas(parsed),
    ...checkCohorts(parsed, years),
    ...checkStartYear(parsed),
  ];
  const issues = drafts.map((draft) => finishIssue(parsed, draft));
  return { ok: issues.length === 0, issues, total: parsed.total, years };
}

function checkedYears(plan: TargetPlan): CheckedYear[] {
  const quotas = plan.quotas;
  const quotasBy = cumulativeQuotas(plan);
  return computeTimeline(plan).years.map((entry): CheckedYear => {
    const plannedQuota = quotas === undefined ? entry.quota : (quotas[String(entry.year)] ?? 0);
    const cumulativeQuota = quotas === undefined ? entry.cumulativeTarget : quotasBy(entry.year);
    return { ...entry, plannedQuota, cumulativeQuota, cumulativeQuotaShare: cumulativeQuota / plan.total };
  });
}

function checkMilestoneOrder(ranked: readonly RankedMilestone[]): TimelineIssueDraft[] {
  const issues: TimelineIssueDraft[] = [];
  const inPlanOrder = [...ranked].sort((left, right) => left.index - right.index);
  let latestYear: number | undefined;
  for (const entry of inPlanOrder) {
    if (latestYear !== undefined && entry.year <= latestYear)
      issues.push(timelineIssue.yearsOutOfOrder(entry, latestYear));
    latestYear = Math.max(latestYear ?? entry.year, entry.year);
  }
  return issues;
}

function checkMilestoneValues(ranked: readonly RankedMilestone[], total: number): TimelineIssueDraft[] {
  const issues: TimelineIssueDraft[] = [];
  let previous: RankedMilestone | undefined;
  for (const entry of ranked) {
    const { milestone } = entry;
    if ('share' in milestone && (milestone.share < 0 || milestone.share > 1)) {
      issues.push(timelineIssue.shareOutOfRange(entry, milestone.share));
    }
    if ('count' in milestone && milestone.count > total) {
      issues.push(timelineIssue.milestoneExceedsTotal(entry, milestone.count, total));
    }
    // Milestones of the same year are a YEARS_OUT_OF_ORDER finding already; compare only across years.
    if (
      previous !== undefined &&
      previous.year < entry.year &&
      compareFractions(entry.fraction, previous.fraction) < 0
    ) {
      issues.push(timelineIssue.sharesDecrease(entry, previous, total));
    }
    previous = entry;
  }
  return issues;
}

function checkQuotas(plan: TargetPlan, years: readonly CheckedYear[]): TimelineIssueDraft[] {
  if (plan.quotas === undefined) return [];
  const issues: TimelineIssueDraft[] = [];
  const quotaEntries = Object.entries(plan.quotas).sort(([left], [right]) => Number(left) - Number(right));
  const sum = quotaEntries.reduce((total, [, quota]) => total + quota, 0);
  if (sum !== plan.total) issues.push(timelineIssue.quotasSumMismatch(sum, plan.total));
  const milestoneYears = new Set(plan.milestones.map((milestone) => milestone.year));
  for (const [yearKey, quota] of quotaEntries) {
    const year = Number(yearKey);
    if (!milestoneYears.has(year)) issues.push(timelineIssue.quotaYearWithoutMilestone(year, quota));
  }
  const reported = new Set<number>();
  for (const entry of years) {
    if (reported.has(entry.year) || entry.cumulativeQuota >= entry.cumulativeTarget) continue;
    reported.add(entry.year);
    issues.push(
      timelineIssue.quotaBelowTarget(
        entry.year,
        entry.cumulativeQuota,
        entry.cumulativeTarget,
        plan.total,
        entry.share,
      ),
    );
  }
  return issues;
}

function checkBreakdowns(plan: TargetPlan): TimelineIssueDraft[] {
  return (plan.breakdowns ?? []).flatMap((breakdown, index) => {
    const sum = Object.values(breakdown.parts).reduce((total, count) => total + count, 0);
    return sum === plan.total
      ? []
      : [timelineIssue.breakdownSumMismatch(index, breakdown.name, breakdown.parts, sum, plan.total)];
  });
}

function checkCohorts(plan: TargetPlan, years: readonly CheckedYear[]): TimelineIssueDraft[] {
  const issues: TimelineIssueDraft[] = [];
  const firstYearOfEstate = new Map<string, number>();
  const timelineYear = new Map<number, CheckedYear>();
  for (const entry of years) if (!timelineYear.has(entry.year)) timelineYear.set(entry.year, entry);
  const cohortEntries = Object.entries(plan.cohorts ?? {}).sort(
    ([left], [right]) => Number(left) - Number(right),
  );
  for (const [yearKey, cohort] of cohortEntries) {
    const year = Number(yearKey);
    const { quota, hasQuota } = quotaOfYear(plan, timelineYear, year);
    if (cohort.length !== quota)
      issues.push(timelineIssue.cohortSizeMismatch(year, cohort.length, quota, hasQuota));
    cohort.forEach((estate, index) => {
      const firstYear = firstYearOfEstate.get(estate.name);
      if (firstYear === undefined) firstYearOfEstate.set(estate.name, year);
      else issues.push(timelineIssue.cohortEstateRepeated(estate.name, year, index, firstYear));
    });
  }
  return issues;
}

/**
 * A year's quota as the plan sets it, or as its milestones imply when the plan sets no quotas (from the
 * year's first timeline entry).
 */
function quotaOfYear(plan: TargetPlan, timelineYear: ReadonlyMap<number, CheckedYear>, year: number) {
  if (plan.quotas !== undefined) {
    const quota = plan.quotas[String(year)];
    return { quota: quota ?? 0, hasQuota: quota !== undefined };
  }
  const entry = timelineYear.get(year);
  return { quota: entry?.quota ?? 0, hasQuota: entry !== undefined };
}

function checkStartYear(plan: TargetPlan): TimelineIssueDraft[] {
  const { startYear } = plan;
  if (startYear === undefined) return [];
  const issues: TimelineIssueDraft[] = [];
  plan.milestones.forEach((milestone, index) => {
    if (milestone.year >= startYear) return;
    const what = { en: 'milestone', zh: '目标' };
    issues.push(
      timelineIssue.yearBeforeStart(what, milestone.year, startYear, ['milestones', index, 'year']),
    );
  });
  for (const [field, what] of [
    ['quotas', { en: 'quota', zh: '创建数量' }],
    ['cohorts', { en: 'cohort', zh: '创建名单' }],
  ] as const) {
    for (const yearKey of Object.keys(plan[field] ?? {})) {
      const year = Number(yearKey);
      if (year < startYear)
        issues.push(timelineIssue.yearBeforeStart(what, year, startYear, [field, yearKey]));
    }
  }
  return issues;
}
