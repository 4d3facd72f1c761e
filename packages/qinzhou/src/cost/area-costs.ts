import type { TargetPlan, Text } from '@sunshine-rubric/core';
import { deepFreeze } from '@sunshine-rubric/core/internal';
import { qinzhouPlan } from '../plan/qinzhou-plan.js';
import { type CostFigure, type CostModel, type EstateLevel, qinzhouCostModel } from './cost-model.js';

/**
 * What closing the gaps costs per estate in one area of the plan's survey: the tier the plan gives it, or
 * `null` with the words “no figure in the plan” where neither tier covers it.
 *
 * @example
 * ```ts
 * const cost: AreaCost = {
 *   area: '自贸区钦州港片区', estates: 4, level: null, figure: null,
 *   words: { zh: '方案未给出经费标准：…', en: 'No figure in the plan: …' },
 * };
 * ```
 */
export interface AreaCost {
  readonly area: string;
  /** Estates the survey counts there. */
  readonly estates: number;
  /** The level its estates fall in, from the plan's areas or its cohorts; `null` when the plan gives none. */
  readonly level: EstateLevel | null;
  /** The per-estate figure of that level, or `null`: the plan gives no figure. */
  readonly figure: CostFigure | null;
  readonly words: Text;
}

const isLevel = (level: string | undefined): level is EstateLevel => level === 'city' || level === 'county';

/**
 * The per-estate cost of each area of a plan's area breakdown (`by: 'area'`), from the cost model's tiers. An
 * area's level comes from the plan's `areas`, else from its cohort estates; an area with neither gets no
 * figure, said in words, never a guess.
 *
 * @example
 * ```ts
 * areaCosts(qinzhouPlan).map((cost) => [cost.area, cost.figure?.amount ?? null]);
 * // [['市辖区', null], ['灵山县', 200000], ['浦北县', 200000], ['钦北区', 200000], ['自贸区钦州港片区', null]]
 * ```
 */
export function areaCosts(plan: TargetPlan, costModel: CostModel = qinzhouCostModel): AreaCost[] {
  const breakdown = plan.breakdowns?.find((entry) => entry.by === 'area');
  if (breakdown === undefined) return [];
  const cohortEstates = Object.values(plan.cohorts ?? {}).flat();
  return Object.entries(breakdown.parts).map(([area, estates]): AreaCost => {
    const declared = plan.areas?.find((entry) => entry.name === area)?.level;
    const fromCohorts = cohortEstates.find(
      (estate) => estate.area === area && estate.level !== undefined,
    )?.level;
    const level = declared ?? fromCohorts;
    if (!isLevel(level)) {
      return {
        area,
        estates,
        level: null,
        figure: null,
        words: {
          zh: `方案未给出经费标准：${area}的${estates}个小区既未归入市本级（200万元/个），也未归入县级（不低于20万元/个）。`,
          en: `No figure in the plan: the ${estates} estates of ${area} are placed neither at city level (2,000,000 CNY each) nor at county level (at least 200,000 CNY each).`,
        },
      };
    }
    const figure = costModel.perEstate[level];
    const amount = figure.amount.toLocaleString('en-US');
    return {
      area,
      estates,
      level,
      figure,
      words: {
        zh: `${area}${estates}个小区按${level === 'city' ? '市本级' : '县级'}计，每个${figure.atLeast ? '不低于' : ''}${figure.amount / 10_000}万元（${figure.basis}）。`,
        en: `The ${estates} estates of ${area} are ${level === 'city' ? 'city' : 'county'}-level: ${figure.atLeast ? 'at least ' : ''}${amount} CNY each (${figure.basis}).`,
      },
    };
  });
}

/**
 * {@link areaCosts} of the Qinzhou plan's 2021 survey: 灵山县, 浦北县 and 钦北区 at the county tier (their
 * cohort estates are county-level), 市辖区 and 自贸区钦州港片区 with no figure in the plan.
 *
 * @example
 * ```ts
 * qinzhouSurveyAreaCosts.find((cost) => cost.area === '自贸区钦州港片区')?.words.en;
 * // 'No figure in the plan: the 4 estates of 自贸区钦州港片区 are placed neither at city level …'
 * ```
 */
export const qinzhouSurveyAreaCosts: readonly AreaCost[] = deepFreeze(areaCosts(qinzhouPlan));
