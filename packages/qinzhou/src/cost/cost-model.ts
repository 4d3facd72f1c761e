import type { Text } from '@sunshine-rubric/core';
import { deepFreeze } from '@sunshine-rubric/core/internal';

/**
 * The two tiers of the plan's cost estimate: estates the city manages itself (市本级) and county-level
 * estates (县级, districts included).
 *
 * @example
 * ```ts
 * const level: EstateLevel = 'county';
 * ```
 */
export type EstateLevel = 'city' | 'county';

/**
 * What closing one estate's gaps costs at one level: an amount in yuan, and whether it is exact or a minimum.
 *
 * @example
 * ```ts
 * const county: CostFigure = { amount: 200_000, atLeast: true, basis: '六（二）' };
 * ```
 */
export interface CostFigure {
  /** Yuan (CNY) per estate. */
  readonly amount: number;
  /** `true` when the plan gives the amount as a minimum (“不低于”), so the real cost may be higher. */
  readonly atLeast: boolean;
  /** The clause the figure comes from. */
  readonly basis: string;
}

/**
 * A city's estimate of what it costs to close an estate's gaps, per estate and level, and who pays.
 *
 * @example
 * ```ts
 * const model: CostModel = { ...qinzhouCostModel, perEstate: { ...qinzhouCostModel.perEstate, city: cityFigure } };
 * ```
 */
export interface CostModel {
  readonly currency: 'CNY';
  readonly perEstate: Readonly<Record<EstateLevel, CostFigure>>;
  /** Where the money comes from. */
  readonly fundedFrom: Text;
  /** The plan's words the model rests on. */
  readonly quote: string;
}

/**
 * Qinzhou's cost model (六（二） of the 2021 plan): closing a city-level estate's gaps costs 2,000,000 yuan,
 * a county-level estate's at least 200,000 yuan, paid each year from the estate's own income. What the
 * standard still finds unmet falls to the responsible department (see `responsibilityFor`).
 *
 * @example
 * ```ts
 * qinzhouCostModel.perEstate.city.amount; // 2_000_000
 * qinzhouCostModel.perEstate.county; // { amount: 200_000, atLeast: true, basis: '六（二）' }
 * ```
 */
export const qinzhouCostModel: CostModel = deepFreeze({
  currency: 'CNY',
  perEstate: {
    city: { amount: 2_000_000, atLeast: false, basis: '六（二）' },
    county: { amount: 200_000, atLeast: true, basis: '六（二）' },
  },
  fundedFrom: {
    zh: '小区经济收入（每年通过小区经济收入安排予以解决）',
    en: 'the estate’s own income, set aside each year',
  },
  quote:
    '经测算，市本级申报创建的保障性住房小区完善短板所需经费为200万元/个，县级保障性住房小区完善短板所需经费不低于20万元/个，每年通过小区经济收入安排予以解决。',
});
