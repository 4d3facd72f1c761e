import type { Provenance, Text } from '@sunshine-rubric/core';

/**
 * One standard an estate must fix, with its cost, the year it is paid and who fixes it.
 *
 * @example
 * ```ts
 * const fix: PlannedFix = {
 *   standardId: 'S28', requirementId: 'R11', aspectId: 'A3', title: { zh: '…' },
 *   outcome: 'unmet', cost: 120_000, year: 2021, responsible: ['housing'],
 * };
 * ```
 */
export interface PlannedFix {
  readonly standardId: string;
  readonly requirementId: string;
  readonly aspectId: string;
  readonly title: Text;
  /** `unmet`, or `missing-data`: answer the missing facts so that it is met. */
  readonly outcome: 'unmet' | 'missing-data';
  readonly cost: number;
  /** The year the fix is made and paid (the year the estate is put forward unless fixes are spread). */
  readonly year: number;
  /** The departments that own the standard (empty when the rule set names none). */
  readonly responsible: readonly string[];
}

/**
 * One estate put forward in a year, and what it must fix first.
 *
 * @example
 * ```ts
 * const estate: PlannedEstate = {
 *   estateId: 'xiangshan-4', name: '香山四区', area: '灵山县', level: 'county', year: 2021,
 *   fixes: [], fixedCost: 200_000, cost: 200_000,
 * };
 * ```
 */
export interface PlannedEstate {
  /** The assessment id. */
  readonly estateId: string;
  /** The community's name. */
  readonly name: string;
  readonly area: string | null;
  readonly level: string | null;
  /** The year it is put forward. */
  readonly year: number;
  /** The standards to fix, in rule-set order (empty when it is eligible as it stands). */
  readonly fixes: readonly PlannedFix[];
  /** The per-estate cost of its level (`cost.perEstate`), paid in `year`. */
  readonly fixedCost: number;
  /** `fixedCost` plus its fixes' costs. */
  readonly cost: number;
}

/**
 * A department's work in one year: how many fixes it makes and what they cost.
 *
 * @example
 * ```ts
 * const workload: DepartmentWorkload = { fixes: 3, cost: 260_000 };
 * ```
 */
export interface DepartmentWorkload {
  /** Fixes the department makes in the year. */
  readonly fixes: number;
  /** What they cost. */
  readonly cost: number;
}

/**
 * One year of the plan.
 *
 * @example
 * ```ts
 * const year: PlannedYear = {
 *   year: 2021, target: 11, certifiedBefore: 0, quota: 11, estates: [], cost: 0, budget: null, byDepartment: {},
 * };
 * ```
 */
export interface PlannedYear {
  readonly year: number;
  /** Estates the plan calls for by the end of the year, in all (as `trackProgress` reports it). */
  readonly target: number;
  /** Estates already certified before the plan starts (`progress`), counted towards `target`. */
  readonly certifiedBefore: number;
  /** Estates put forward this year (`estates.length`). */
  readonly quota: number;
  readonly estates: readonly PlannedEstate[];
  /** Everything paid this year: per-estate costs of the estates put forward and the fixes made this year. */
  readonly cost: number;
  /** The year's budget, or null when it has none. */
  readonly budget: number | null;
  /** Fixes made this year by department (`unassigned` for standards without one; a shared standard counts for each). */
  readonly byDepartment: Readonly<Record<string, DepartmentWorkload>>;
}

/**
 * An estate that no fix can make eligible, so the plan cannot put it forward.
 *
 * @example
 * ```ts
 * const estate: UnplannableEstate = { estateId: 'e9', name: '…', reason: 'OUT_OF_SCOPE' };
 * ```
 */
export interface UnplannableEstate {
  readonly estateId: string;
  readonly name: string;
  readonly reason: 'OUT_OF_SCOPE' | 'SCOPE_UNKNOWN' | 'UNREACHABLE';
}

/**
 * Why no plan exists (or none was found), with the year and the amounts.
 *
 * @example
 * ```ts
 * const reason: InfeasibilityReason = {
 *   code: 'QUOTA_OVER_BUDGET', year: 2022, needed: 20, available: 24, cost: 5_200_000, budget: 4_000_000,
 *   shortBy: 1_200_000, message: { zh: '…', en: 'By the end of 2022 …' },
 * };
 * ```
 */
export interface InfeasibilityReason {
  /** What kind of reason (see the package README's table). */
  readonly code:
    | 'TOO_FEW_ELIGIBLE_ESTATES'
    | 'QUOTA_OVER_BUDGET'
    | 'FIXED_OVER_BUDGET'
    | 'ESTATE_OVER_BUDGET'
    | 'AREA_WITHOUT_ESTATES'
    | 'CONSTRAINTS_CONFLICT'
    | 'NO_PLAN_WITHIN_TIME_LIMIT';
  /** The year the reason is about, when it is about one. */
  readonly year?: number;
  /** Estates needed (cumulative, by the end of `year`). */
  readonly needed?: number;
  /** Estates that can be put forward by then. */
  readonly available?: number;
  /** The least that reaching the need costs, by the end of `year`. */
  readonly cost?: number;
  /** The budgets up to `year`, added up (`ESTATE_OVER_BUDGET`: the largest budget of the years it could go in). */
  readonly budget?: number;
  /** How many estates, or how much money, is missing. */
  readonly shortBy?: number;
  /** The estate the reason is about, by assessment id (`ESTATE_OVER_BUDGET`, a fixed estate no fix makes eligible). */
  readonly estateId?: string;
  /** The area the reason is about (`AREA_WITHOUT_ESTATES`). */
  readonly area?: string;
  /** The reason in words, Chinese and English. */
  readonly message: Text & { readonly en: string };
}

/**
 * What the outcome's amounts (costs, budgets, bounds) are in, and whether the cost figures are drafted.
 *
 * @example
 * ```ts
 * const amounts: PortfolioAmounts = { unit: { zh: '元', en: 'CNY' }, drafted: { basis: { zh: '草拟', en: 'drafted' } } };
 * ```
 */
export interface PortfolioAmounts {
  /** The cost model's `unit`: 元/CNY by default; 项标准/standards when no cost was given (every fix costs 1). */
  readonly unit: { readonly zh: string; readonly en: string };
  /** The cost model's `drafted` mark, when it has one: its figures are not official. */
  readonly drafted?: { readonly basis: Text };
}

/**
 * What every outcome of the planner carries, plan or not.
 *
 * @example
 * ```ts
 * const outcome: PortfolioOutcomeBase = await planPortfolio(input);
 * if (outcome.notice) console.warn(outcome.notice.zh);
 * ```
 */
export interface PortfolioOutcomeBase {
  readonly ruleSet: { readonly id: string; readonly version: string; readonly provenance: Provenance };
  /** The provisional rule set's notice, carried into every output built from it; undefined when official. */
  readonly notice?: { readonly zh: string; readonly en: string };
  /** Estates no fix can make eligible. */
  readonly unplannable: readonly UnplannableEstate[];
  /** What the amounts are in, and whether the costs are drafted (from the cost model). */
  readonly amounts: PortfolioAmounts;
}

/**
 * A plan: per year, the estates put forward and their fixes; the cost; how sure the solver is.
 *
 * @example
 * ```ts
 * const plan = await planPortfolio(input);
 * if (plan.feasible) console.log(plan.status, plan.totalCost, plan.gap);
 * ```
 */
export interface PortfolioPlan extends PortfolioOutcomeBase {
  readonly feasible: true;
  /** `optimal`: proven least cost. `time-limit`: the best plan found in the time limit, `gap` from the optimum. */
  readonly status: 'optimal' | 'time-limit';
  readonly totalCost: number;
  /** A proven lower bound on the least total cost (equal to `totalCost` when optimal, up to rounding). */
  readonly bound: number;
  /** `(totalCost − bound) ÷ totalCost`, 0 when optimal: the plan costs at most this share more than the best one. */
  readonly gap: number;
  readonly years: readonly PlannedYear[];
  /** Estates still to certify that the plan does not put forward, by assessment id. */
  readonly notPutForward: readonly string[];
}

/**
 * No plan: every reason found, with the year and the amounts.
 *
 * @example
 * ```ts
 * const outcome = await planPortfolio(input);
 * if (!outcome.feasible) for (const reason of outcome.reasons) console.log(reason.message.en);
 * ```
 */
export interface PortfolioInfeasible extends PortfolioOutcomeBase {
  readonly feasible: false;
  readonly reasons: readonly InfeasibilityReason[];
}

/**
 * What {@link planPortfolio} returns.
 *
 * @example
 * ```ts
 * const outcome: PortfolioOutcome = await planPortfolio(input);
 * ```
 */
export type PortfolioOutcome = PortfolioPlan | PortfolioInfeasible;
