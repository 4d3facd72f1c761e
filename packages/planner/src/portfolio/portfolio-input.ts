import type {
  Assessment,
  CertifiedCounts,
  RuleSet,
  Standard,
  TargetPlanInput,
  Text,
} from '@sunshine-rubric/core';

/**
 * One estate of the city's portfolio: its self-check, and where it sits.
 *
 * @example
 * ```ts
 * const estate: PortfolioEstate = { assessment, area: '灵山县', level: 'county' };
 * ```
 */
export interface PortfolioEstate {
  /** The estate's self-check. Its `id` names the estate in the plan; ids are unique across the portfolio. */
  readonly assessment: Assessment;
  /** The district or county, for `constraints.everyAreaEachYear`. Defaults to `assessment.community.district`. */
  readonly area?: string | undefined;
  /** The administrative level (e.g. `city`, `county`): selects `cost.perLevel` and `cost.perEstate`. */
  readonly level?: string | undefined;
}

/**
 * What fixes cost, as data. A standard's cost for an estate is `perLevel[level][standardId]`, else
 * `perStandard[standardId]`, else `defaultCost` (1: the plan then fixes as few standards as possible).
 * Amounts are in `unit` (yuan unless it says otherwise); `drafted` marks figures that are not official.
 *
 * @example
 * ```ts
 * const cost: PortfolioCostModel = {
 *   perStandard: { S28: 120_000 },
 *   perLevel: { county: { S28: 80_000 } },
 *   defaultCost: 20_000,
 *   perEstate: { city: 2_000_000, county: 200_000 },
 *   unit: { zh: '元', en: 'CNY' },
 *   drafted: { basis: { zh: '按2021年招标价估算', en: 'estimated from 2021 tender prices' } },
 * };
 * ```
 */
export interface PortfolioCostModel {
  readonly perStandard?: Readonly<Record<string, number>>;
  readonly perLevel?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly defaultCost?: number;
  /**
   * A fixed cost of putting an estate of a level forward, paid in the year it is put forward, on top of its
   * fixes (Qinzhou's 六（二）: 2,000,000 CNY per city-level estate). Levels not listed cost 0.
   */
  readonly perEstate?: Readonly<Record<string, number>>;
  /** What the amounts are in (default `{ zh: '元', en: 'CNY' }`); the result and its messages carry it. */
  readonly unit?: Text;
  /**
   * The figures are drafted, not official, and on what basis (e.g. "the project's estimate from 2021 tender
   * prices"): the result carries the mark, so that every output built from it can say so.
   */
  readonly drafted?: { readonly basis: Text };
}

/**
 * What fixing a standard costs: a {@link PortfolioCostModel}, or a function of the standard and the estate
 * (which gives no per-estate cost: use the model's `perEstate` for that).
 *
 * @example
 * ```ts
 * const cost: PortfolioCost = (standard, estate) => (estate.level === 'city' ? 50_000 : 20_000);
 * ```
 */
export type PortfolioCost = PortfolioCostModel | ((standard: Standard, estate: PortfolioEstate) => number);

/**
 * Constraints a city puts on its plan, beyond quotas and budgets.
 *
 * @example
 * ```ts
 * const constraints: PortfolioConstraints = {
 *   fixedYears: { 'jiaxingyuan-1': 2021 },
 *   everyAreaEachYear: true,
 *   spreadFixes: true,
 * };
 * ```
 */
export interface PortfolioConstraints {
  /** Estates that must be put forward in a given year, by assessment id (e.g. a plan's named cohort). */
  readonly fixedYears?: Readonly<Record<string, number>>;
  /** At least one estate of every area (of the estates still to certify) is put forward every year. */
  readonly everyAreaEachYear?: boolean;
  /**
   * Whether an estate's fixes may be made (and paid) in earlier years than the one it is put forward in.
   * Default false: every fix is paid in the year the estate is put forward.
   */
  readonly spreadFixes?: boolean;
}

/**
 * What is certified so far, for re-planning the remaining years.
 *
 * @example
 * ```ts
 * const progress: PortfolioProgress = { certified: { 2021: 11 }, certifiedEstates: ['jiaxingyuan-1'] };
 * ```
 */
export interface PortfolioProgress {
  /** Estates certified in each year so far, as `trackProgress` takes them. */
  readonly certified: CertifiedCounts;
  /** The assessment ids of the estates among `estates` that are already certified: they are not planned again. */
  readonly certifiedEstates?: readonly string[];
}

/**
 * Everything the planner needs to know about a city.
 *
 * @example
 * ```ts
 * const input: PortfolioInput = {
 *   ruleSet: guangxi2021,
 *   estates: assessments.map((assessment) => ({ assessment })),
 *   plan: qinzhouPlan,
 *   cost: { defaultCost: 50_000 },
 *   budgets: { 2021: 2_000_000 },
 * };
 * ```
 */
export interface PortfolioInput {
  readonly ruleSet: RuleSet;
  readonly estates: readonly PortfolioEstate[];
  /** The target plan: cumulative targets come from its quotas when it names them, else its milestones. */
  readonly plan: TargetPlanInput;
  readonly cost?: PortfolioCost;
  /** What may be spent in each year, by year (`{ "2021": 3_000_000 }`). A year not listed has no limit. */
  readonly budgets?: Readonly<Record<string, number>>;
  readonly constraints?: PortfolioConstraints;
  /** What is certified so far: the plan then covers only the remaining years (see `trackProgress`). */
  readonly progress?: PortfolioProgress;
}
