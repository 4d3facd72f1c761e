import type { RankedMilestone } from './milestones.js';
import { planIssue } from './plan-issues.js';
import type { TargetPlan } from './plan-schema.js';
import type { PlanPath, TimelineIssueDraft } from './timeline-issue-codes.js';
import { cumulativeQuotas } from './year-steps.js';

/**
 * Floors against named quotas, milestone by milestone: a share's floor below the quotas named by its year
 * (which is the target?), and quotas since the previous milestone short of the step between the two targets
 * (reached only if earlier years ran ahead). Years whose quotas fall short of the target are
 * `QUOTA_BELOW_TARGET` already, and are skipped here.
 *
 * @example
 * ```ts
 * checkFloorsAndSteps(defineTargetPlan(qinzhouPlan), rankMilestones(defineTargetPlan(qinzhouPlan)))
 *   .map((issue) => [issue.code, issue.year]);
 * // [['SHARE_FLOOR_BELOW_QUOTA', 2021], ['SHARE_FLOOR_BELOW_QUOTA', 2022], ['QUOTA_BELOW_STEP', 2023]]
 * ```
 */
export function checkFloorsAndSteps(
  plan: TargetPlan,
  ranked: readonly RankedMilestone[],
): TimelineIssueDraft[] {
  const { quotas } = plan;
  if (quotas === undefined) return [];
  const quotasBy = cumulativeQuotas(plan);
  const quotaYears = Object.keys(quotas)
    .map(Number)
    .sort((left, right) => left - right);
  // The quota years in (after, upTo]: each step finding lists only its own years, so all findings together
  // list each quota year at most once, however many milestones the plan has.
  const quotaPathsIn = (after: number, upTo: number): PlanPath[] =>
    quotaYears
      .slice(firstAbove(quotaYears, after), firstAbove(quotaYears, upTo))
      .map((year) => ['quotas', String(year)]);
  const issues: TimelineIssueDraft[] = [];
  let previous: RankedMilestone | undefined;
  for (const entry of ranked) {
    if (previous !== undefined && previous.year === entry.year) continue;
    const cumulativeQuota = quotasBy(entry.year);
    const meetsTarget = cumulativeQuota >= entry.cumulativeTarget;
    if (meetsTarget && cumulativeQuota > entry.cumulativeTarget && cumulativeQuota <= plan.total) {
      issues.push(planIssue.shareFloorBelowQuota(entry, plan.total, cumulativeQuota, [['quotas']]));
    }
    if (previous !== undefined && meetsTarget) {
      const quotasSince = cumulativeQuota - quotasBy(previous.year);
      if (quotasSince < entry.cumulativeTarget - previous.cumulativeTarget) {
        const paths = quotaPathsIn(previous.year, entry.year);
        issues.push(planIssue.quotaBelowStep(entry, previous, quotasSince, paths, plan.total));
      }
    }
    previous = entry;
  }
  return issues;
}

/** The index of the first year above `year` in sorted `years` (binary search). */
function firstAbove(years: readonly number[], year: number): number {
  let low = 0;
  let high = years.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (years[middle]! <= year) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface AreaCohort {
  named: number;
  paths: PlanPath[];
  hasLevel: boolean;
}

/** The cohorts' estates by area: how many, in which year lists, and whether any carries a level. */
function cohortsByArea(plan: TargetPlan): Map<string, AreaCohort> {
  const byArea = new Map<string, AreaCohort>();
  const years = Object.keys(plan.cohorts ?? {}).sort((left, right) => Number(left) - Number(right));
  for (const yearKey of years) {
    for (const estate of plan.cohorts?.[yearKey] ?? []) {
      if (estate.area === undefined) continue;
      const entry = byArea.get(estate.area) ?? { named: 0, paths: [], hasLevel: false };
      entry.named += 1;
      if (entry.paths.at(-1)?.[1] !== yearKey) entry.paths.push(['cohorts', yearKey]);
      entry.hasLevel ||= estate.level !== undefined;
      byArea.set(estate.area, entry);
    }
  }
  return byArea;
}

/** The areas that `name` lies within, nearest first, following `areas[].within` (a cycle stops the walk). */
function enclosingAreas(
  withinOf: ReadonlyMap<string, { within: string; index: number }>,
  name: string,
): { name: string; index: number }[] {
  const chain: { name: string; index: number }[] = [];
  const seen = new Set([name]);
  for (let step = withinOf.get(name); step !== undefined && !seen.has(step.within); ) {
    chain.push({ name: step.within, index: step.index });
    seen.add(step.within);
    step = withinOf.get(step.within);
  }
  return chain;
}

/**
 * Cohorts against area breakdowns (`by: 'area'`): cohort areas the breakdown does not list, areas whose
 * cohorts outnumber their estates, parts that lie within other parts, and parts without a level in a plan
 * that sorts estates by level.
 *
 * @example
 * ```ts
 * checkAreas(defineTargetPlan(qinzhouPlan)).map((issue) => [issue.code, issue.area]);
 * // [['COHORT_AREA_NOT_IN_BREAKDOWN', '市本级'], ['BREAKDOWN_PARTS_OVERLAP', '钦北区'], ['AREA_LEVEL_UNKNOWN', '市辖区'], …]
 * ```
 */
export function checkAreas(plan: TargetPlan): TimelineIssueDraft[] {
  const byArea = cohortsByArea(plan);
  const levels = [
    ...new Set([
      ...(plan.areas ?? []).flatMap((area) => (area.level === undefined ? [] : [area.level])),
      ...Object.values(plan.cohorts ?? {}).flatMap((cohort) =>
        cohort.flatMap((estate) => (estate.level === undefined ? [] : [estate.level])),
      ),
    ]),
  ];
  const withinOf = new Map<string, { within: string; index: number }>();
  (plan.areas ?? []).forEach((area, index) => {
    if (area.within !== undefined && !withinOf.has(area.name))
      withinOf.set(area.name, { within: area.within, index });
  });
  const declaredLevels = new Set(
    (plan.areas ?? []).flatMap((area) => (area.level === undefined ? [] : [area.name])),
  );
  const issues: TimelineIssueDraft[] = [];
  (plan.breakdowns ?? []).forEach((breakdown, index) => {
    if (breakdown.by !== 'area') return;
    const parts = Object.keys(breakdown.parts);
    const partSet = new Set(parts);
    for (const [area, cohort] of byArea) {
      const counted = breakdown.parts[area];
      if (!Object.hasOwn(breakdown.parts, area) || counted === undefined) {
        issues.push(
          planIssue.cohortAreaNotInBreakdown(index, breakdown.name, parts, area, cohort.named, cohort.paths),
        );
      } else if (cohort.named > counted) {
        issues.push(
          planIssue.cohortExceedsArea(index, breakdown.name, area, cohort.named, counted, cohort.paths),
        );
      }
    }
    for (const part of parts) {
      const enclosing = enclosingAreas(withinOf, part).find((area) => partSet.has(area.name));
      if (enclosing !== undefined) {
        issues.push(
          planIssue.breakdownPartsOverlap(index, breakdown.name, part, enclosing.name, enclosing.index),
        );
      }
    }
    if (levels.length === 0) return;
    for (const [part, estates] of Object.entries(breakdown.parts)) {
      if (estates > 0 && !declaredLevels.has(part) && !(byArea.get(part)?.hasLevel ?? false)) {
        issues.push(planIssue.areaLevelUnknown(index, breakdown.name, part, estates, levels));
      }
    }
  });
  return issues;
}

/**
 * The plan's restatements of its total: a different number, or different words for what it counts.
 *
 * @example
 * ```ts
 * checkTotalStatements(defineTargetPlan(qinzhouPlan)).map((issue) => issue.code); // ['TOTAL_DESCRIBED_DIFFERENTLY']
 * ```
 */
export function checkTotalStatements(plan: TargetPlan): TimelineIssueDraft[] {
  const statements = plan.totalStatements ?? [];
  const issues: TimelineIssueDraft[] = [];
  statements.forEach((statement, index) => {
    if (statement.count !== undefined && statement.count !== plan.total) {
      issues.push(planIssue.totalRestatedDifferently(index, statement.count, plan.total, statement.clause));
    }
  });
  const distinct = new Map<string, { counts: string; clause?: string | undefined; index: number }>();
  statements.forEach(({ counts, clause }, index) => {
    const key = counts.trim();
    if (!distinct.has(key)) distinct.set(key, { counts: key, clause, index });
  });
  if (distinct.size > 1) issues.push(planIssue.totalDescribedDifferently([...distinct.values()]));
  return issues;
}
