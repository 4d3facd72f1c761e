import { safeDefineTargetPlan, type TargetPlan } from '@sunshine-rubric/core';
import document from '../data/qinzhou-2021-plan.json' with { type: 'json' };

/**
 * One estate of a yearly cohort, as a target plan lists it: its name, area and administrative level.
 *
 * @example
 * ```ts
 * const estate: CohortEstate = { name: '香山四区', area: '灵山县', level: 'county' };
 * ```
 */
export interface CohortEstate {
  readonly name: string;
  /** The district or county, or the plan's grouping (`市本级` for estates the city manages itself). */
  readonly area?: string | undefined;
  /** `city` (市本级) or `county` (县级, which includes districts: the plan says “县（区）”). */
  readonly level?: string | undefined;
}

/**
 * Qinzhou's target plan (`qinzhou-2021`), transcribed from the 2021 city implementation plan in core's
 * target-plan format: 26 estates in scope; cumulative milestones of 35% (2021), 70% (2022), 90% (2023) and
 * 100% (2024); yearly quotas 11, 9, 4, 2; the named 2021 cohort of 11 estates with areas and levels; the
 * 2021 Q1 survey counts by area as a breakdown (as stated: they add up to 24); applications due by 30
 * September (“每年10月前完成当年申报”); quarterly joint meetings and their purpose; the policy basis, the 2025
 * goals in words, the rule for new estates, the funding routes, the leading group; and the clause of every
 * value (`sources`). Validated and deep-frozen.
 *
 * Every value's clause is in {@link qinzhouPlanSources}. The plan ships as JSON too:
 * `@sunshine-rubric/qinzhou/data/qinzhou-2021-plan.json`.
 *
 * @example
 * ```ts
 * import { checkTimeline, planTimeline } from '@sunshine-rubric/core';
 * import { qinzhouPlan } from '@sunshine-rubric/qinzhou';
 *
 * planTimeline(qinzhouPlan).years.map((year) => year.cumulativeTarget); // [10, 19, 24, 26]
 * checkTimeline(qinzhouPlan).issues.length; // 9: see docs/plan-checks.md
 * ```
 */
export const qinzhouPlan: TargetPlan = definePlan(document);

/** A JSON import is typed loosely (`rounding: string`); the schema is what checks it, so it takes `unknown`. */
function definePlan(json: unknown): TargetPlan {
  const result = safeDefineTargetPlan(json);
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * The 2021 cohort of {@link qinzhouPlan}: 8 city-level estates (家兴苑一区, 二区, 四区 to 七区; 安惠一园, 二园)
 * and one county-level estate each in 钦北区, 灵山县 and 浦北县.
 *
 * @example
 * ```ts
 * qinzhou2021Cohort.filter((estate) => estate.level === 'city').length; // 8
 * estimateCohortCost(qinzhou2021Cohort).total; // 16_600_000 (at least)
 * ```
 */
export const qinzhou2021Cohort: readonly CohortEstate[] = qinzhouPlan.cohorts?.['2021'] ?? [];
