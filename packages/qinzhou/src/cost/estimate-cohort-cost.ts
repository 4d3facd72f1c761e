import { type IssueOf, RubricError, type Text } from '@sunshine-rubric/core';
import { deepFreeze } from '@sunshine-rubric/core/internal';
import { type CohortEstate, qinzhou2021Cohort } from '../plan/qinzhou-plan.js';
import { type CostModel, type EstateLevel, qinzhouCostModel } from './cost-model.js';

/**
 * One estate's share of a cohort cost estimate.
 *
 * @example
 * ```ts
 * const cost: EstateCost = { name: '香山四区', level: 'county', amount: 200_000, atLeast: true };
 * ```
 */
export interface EstateCost {
  readonly name: string;
  readonly level: EstateLevel;
  readonly amount: number;
  readonly atLeast: boolean;
}

/**
 * The estates of one level in a cohort and what they cost together.
 *
 * @example
 * ```ts
 * const county: LevelCost = { estates: 3, amount: 600_000, atLeast: true };
 * ```
 */
export interface LevelCost {
  readonly estates: number;
  readonly amount: number;
  /** `true` when the level's figure is a minimum and the level has estates. */
  readonly atLeast: boolean;
}

/**
 * What {@link estimateCohortCost} returns. When `atLeast` is `true` the `total` is a lower bound, not an
 * estimate of the whole cost: some estates' figures are minimums.
 *
 * @example
 * ```ts
 * const estimate: CohortCostEstimate = estimateCohortCost(qinzhou2021Cohort);
 * estimate.atLeast ? `≥ ${estimate.total}` : `${estimate.total}`; // '≥ 16600000'
 * ```
 */
export interface CohortCostEstimate {
  readonly currency: 'CNY';
  /** Yuan, all estates together: exact when `atLeast` is `false`, a lower bound when it is `true`. */
  readonly total: number;
  /** Whether `total` is a lower bound (the cohort has an estate whose figure is a minimum). */
  readonly atLeast: boolean;
  readonly byLevel: Readonly<Record<EstateLevel, LevelCost>>;
  /** One entry per estate, in the cohort's order. */
  readonly perEstate: readonly EstateCost[];
  /** The estimate in a sentence, saying whether the total is exact or a lower bound. */
  readonly summary: Text;
}

const levels: readonly EstateLevel[] = ['city', 'county'];
const levelNames: Record<EstateLevel, Text> = {
  city: { zh: '市本级', en: 'city-level' },
  county: { zh: '县级', en: 'county-level' },
};

/**
 * What it costs to close the gaps of a cohort's estates, by the city's cost model (Qinzhou's by default):
 * per estate, per level and in total. Qinzhou's county-level figure is a minimum (“不低于20万元/个”), so a
 * cohort with any county-level estate gets `atLeast: true`: its total is a lower bound, and `summary` says so.
 *
 * @throws {RubricError} `INVALID_OPTIONS` when an estate's `level` is missing or not `city` or `county`, one
 * issue per such estate (path `[index, 'level']`).
 * @example
 * ```ts
 * const estimate = estimateCohortCost(qinzhou2021Cohort);
 * estimate.total; // 16_600_000
 * estimate.atLeast; // true: 8 × 2,000,000 + 3 × at least 200,000
 * estimate.byLevel.county; // { estates: 3, amount: 600_000, atLeast: true }
 * ```
 */
export function estimateCohortCost(
  cohort: readonly CohortEstate[],
  costModel: CostModel = qinzhouCostModel,
): CohortCostEstimate {
  const issues: IssueOf<'INVALID_OPTIONS'>[] = [];
  const perEstate: EstateCost[] = [];
  cohort.forEach((estate, index) => {
    const level = estate.level;
    if (level !== 'city' && level !== 'county') {
      issues.push({
        path: [index, 'level'],
        message: `estate "${estate.name}" has level ${JSON.stringify(level) ?? 'undefined'}; the cost model knows 'city' (市本级) and 'county' (县级)`,
        kind: 'unknown-level',
      });
      return;
    }
    const figure = costModel.perEstate[level];
    perEstate.push({ name: estate.name, level, amount: figure.amount, atLeast: figure.atLeast });
  });
  if (issues.length > 0) throw new RubricError('INVALID_OPTIONS', issues);

  const byLevel = Object.fromEntries(
    levels.map((level) => {
      const estates = perEstate.filter((estate) => estate.level === level);
      const amount = estates.reduce((sum, estate) => sum + estate.amount, 0);
      return [level, { estates: estates.length, amount, atLeast: estates.some((estate) => estate.atLeast) }];
    }),
  ) as Record<EstateLevel, LevelCost>;
  const total = perEstate.reduce((sum, estate) => sum + estate.amount, 0);
  const atLeast = perEstate.some((estate) => estate.atLeast);
  return {
    currency: costModel.currency,
    total,
    atLeast,
    byLevel,
    perEstate,
    summary: summarise(total, atLeast, byLevel, costModel),
  };
}

function summarise(
  total: number,
  atLeast: boolean,
  byLevel: Readonly<Record<EstateLevel, LevelCost>>,
  costModel: CostModel,
): Text {
  const parts = levels.filter((level) => byLevel[level].estates > 0);
  const partsZh = parts.map((level) => {
    const { estates, amount, atLeast: partAtLeast } = byLevel[level];
    const each = costModel.perEstate[level];
    return `${levelNames[level].zh}${estates}个×${each.atLeast ? '不低于' : ''}${yuan(each.amount)}元＝${partAtLeast ? '不低于' : ''}${yuan(amount)}元`;
  });
  const partsEn = parts.map((level) => {
    const { estates, amount, atLeast: partAtLeast } = byLevel[level];
    const each = costModel.perEstate[level];
    return `${estates} ${levelNames[level].en} × ${each.atLeast ? 'at least ' : ''}${yuan(each.amount)} = ${partAtLeast ? 'at least ' : ''}${yuan(amount)}`;
  });
  const boundZh = atLeast ? '部分经费为下限（不低于），合计为下限。' : '各项经费均为确数，合计为确数。';
  const boundEn = atLeast
    ? 'Some figures are minimums, so the total is a lower bound.'
    : 'Every figure is exact, so the total is exact.';
  return {
    zh: `${atLeast ? '不低于' : ''}${yuan(total)}元（${partsZh.join('；') || '无小区'}）。${boundZh}`,
    en: `${atLeast ? 'At least ' : ''}${yuan(total)} CNY (${partsEn.join('; ') || 'no estates'}). ${boundEn}`,
  };
}

/** Groups digits by thousands with commas, the same in every runtime (no locale data needed). */
function yuan(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * {@link estimateCohortCost} applied to Qinzhou's 2021 cohort: 8 city-level estates × 2,000,000 plus 3
 * county-level estates × at least 200,000, so at least 16,600,000 yuan.
 *
 * @example
 * ```ts
 * qinzhou2021CohortCost.total; // 16_600_000
 * qinzhou2021CohortCost.atLeast; // true
 * qinzhou2021CohortCost.summary.en;
 * // 'At least 16,600,000 CNY (8 city-level × 2,000,000 = 16,000,000; 3 county-level × at least 200,000 = at least 600,000). Some figures are minimums, so the total is a lower bound.'
 * ```
 */
export const qinzhou2021CohortCost: CohortCostEstimate = deepFreeze(estimateCohortCost(qinzhou2021Cohort));
