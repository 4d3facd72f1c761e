import { amountText } from '../estates/cost-amounts.js';
import type { Candidate } from '../estates/portfolio-estates.js';
import { estatesOverBudget } from './estate-over-budget.js';
import type { PlanningYear } from './planning-years.js';
import type { InfeasibilityReason, PortfolioAmounts, UnplannableEstate } from './portfolio-plan.js';

/** What the pre-checks read. */
export interface FeasibilityFacts {
  readonly candidates: readonly Candidate[];
  readonly unplannable: readonly UnplannableEstate[];
  readonly years: readonly PlanningYear[];
  /** Candidate position → index into `years`. */
  readonly fixedYears: ReadonlyMap<number, number>;
  /** Estate ids fixed to a year that no fix can make eligible. */
  readonly fixedUnplannable: readonly { readonly estateId: string; readonly year: number }[];
  /** Areas of the estates still to certify, each with how many of them can be put forward (when required each year). */
  readonly areas: readonly { readonly area: string; readonly plannable: number }[];
  readonly spreadFixes: boolean;
  /** What the amounts are in, for the messages. */
  readonly unit: PortfolioAmounts['unit'];
}

/**
 * Reasons that prove no plan exists, each a relaxation of the program that is already impossible: by the
 * end of a year, fewer estates can be made eligible than the plan needs; reaching the need costs more than
 * the budgets up to then (the cheapest way: the estates fixed to those years, then the cheapest others);
 * the estates fixed to one year cost more than its budget; an estate that must go forward costs more than
 * any year it could go in has (see {@link estatesOverBudget}); an area has fewer estates that can be put
 * forward than there are years; an estate fixed to a year that no fix can make eligible. Empty when none
 * of these holds (the solver may still find the whole program infeasible).
 *
 * @example
 * ```ts
 * precheckFeasibility(facts).map((reason) => reason.message.en);
 * // ['By the end of 2022 the plan needs 20 estates put forward; reaching that costs at least 5,200,000, the budgets to then total 4,000,000: 1,200,000 short.']
 * ```
 */
export function precheckFeasibility(facts: FeasibilityFacts): InfeasibilityReason[] {
  const reasons: InfeasibilityReason[] = [];
  for (const { estateId, year } of facts.fixedUnplannable) {
    reasons.push({
      code: 'CONSTRAINTS_CONFLICT',
      year,
      estateId,
      message: {
        zh: `小区${estateId}被指定在${year}年申报，但任何整改都不能使其达到申报条件。`,
        en: `Estate ${estateId} is fixed to ${year}, but no fixes can make it eligible.`,
      },
    });
  }
  const money = (amount: number) => amountText(amount, facts.unit);
  let budgetSoFar: number | null = 0;
  facts.years.forEach((year, t) => {
    budgetSoFar = budgetSoFar === null || year.budget === null ? null : budgetSoFar + year.budget;
    const mandatory = facts.candidates.filter(
      (_, c) => (facts.fixedYears.get(c) ?? Number.POSITIVE_INFINITY) <= t,
    );
    const open = facts.candidates.filter((_, c) => !facts.fixedYears.has(c));
    const available = mandatory.length + open.length;
    if (available < year.needed) {
      reasons.push({
        code: 'TOO_FEW_ELIGIBLE_ESTATES',
        year: year.year,
        needed: year.needed,
        available,
        shortBy: year.needed - available,
        message: {
          zh: `截至${year.year}年底需申报${year.needed}个小区，但可达到申报条件的只有${available}个，差${year.needed - available}个。`,
          en: `By the end of ${year.year} the plan needs ${year.needed} estates put forward, but only ${available} can be made eligible: ${year.needed - available} short.`,
        },
      });
      return;
    }
    const cost = leastCostBy(facts, t);
    if (budgetSoFar !== null && cost > budgetSoFar) {
      reasons.push({
        code: 'QUOTA_OVER_BUDGET',
        year: year.year,
        needed: Math.max(year.needed, mandatory.length),
        available,
        cost,
        budget: budgetSoFar,
        shortBy: cost - budgetSoFar,
        message: {
          zh: `截至${year.year}年底需申报${Math.max(year.needed, mandatory.length)}个小区，最少需${money(cost).zh}，而截至当年的预算合计${money(budgetSoFar).zh}，缺${money(cost - budgetSoFar).zh}。`,
          en: `By the end of ${year.year} the plan needs ${Math.max(year.needed, mandatory.length)} estates put forward; reaching that costs at least ${money(cost).en}, the budgets to then total ${money(budgetSoFar).en}: ${money(cost - budgetSoFar).en} short.`,
        },
      });
    }
    if (year.budget !== null) {
      const fixedHere = facts.candidates.filter((_, c) => facts.fixedYears.get(c) === t);
      const fixedCost = fixedHere.reduce(
        (sum, candidate) => sum + (facts.spreadFixes ? candidate.fixedCost : candidate.cheapestCost),
        0,
      );
      // One estate alone over the budget is the per-estate reason's, which names it.
      if (fixedCost > year.budget && fixedHere.length > 1) {
        reasons.push({
          code: 'FIXED_OVER_BUDGET',
          year: year.year,
          needed: fixedHere.length,
          cost: fixedCost,
          budget: year.budget,
          shortBy: fixedCost - year.budget,
          message: {
            zh: `指定在${year.year}年申报的${fixedHere.length}个小区当年至少需${money(fixedCost).zh}，超出当年预算${money(year.budget).zh}${money(fixedCost - year.budget).zh}。`,
            en: `The ${fixedHere.length} estates fixed to ${year.year} cost at least ${money(fixedCost).en} that year, ${money(fixedCost - year.budget).en} over its budget of ${money(year.budget).en}.`,
          },
        });
      }
    }
  });
  reasons.push(...estatesOverBudget(facts));
  for (const { area, plannable } of facts.areas) {
    if (plannable >= facts.years.length) continue;
    reasons.push({
      code: 'AREA_WITHOUT_ESTATES',
      area,
      needed: facts.years.length,
      available: plannable,
      shortBy: facts.years.length - plannable,
      message: {
        zh: `${area}每年至少申报1个小区，共需${facts.years.length}个，但可达到申报条件的只有${plannable}个。`,
        en: `${area} must put an estate forward each of ${facts.years.length} years, but only ${plannable} of its estates can be made eligible.`,
      },
    });
  }
  return reasons;
}

/**
 * The least any plan can spend by the end of year index `t`: the estates fixed to that year or earlier, then
 * the cheapest others up to the year's need, each at its cheapest fixes (no set of fixes that makes it
 * eligible costs less, spread or not). A relaxation: a proven lower bound on the cost to then.
 *
 * @example
 * ```ts
 * leastCostBy(facts, facts.years.length - 1); // a lower bound on the plan's total cost
 * ```
 */
export function leastCostBy(
  facts: Pick<FeasibilityFacts, 'candidates' | 'years' | 'fixedYears'>,
  t: number,
): number {
  const mandatory = facts.candidates.filter(
    (_, c) => (facts.fixedYears.get(c) ?? Number.POSITIVE_INFINITY) <= t,
  );
  const rest = facts.candidates
    .filter((_, c) => !facts.fixedYears.has(c))
    .map((candidate) => candidate.cheapestCost)
    .sort((left, right) => left - right)
    .slice(0, Math.max(0, facts.years[t]!.needed - mandatory.length));
  return [...mandatory.map((candidate) => candidate.cheapestCost), ...rest].reduce(
    (sum, value) => sum + value,
    0,
  );
}

/**
 * The reason when no pre-check explains the solver's "infeasible": the program's parts conflict together.
 * `feasibleWithoutBudgets` says whether the program is feasible once budgets are dropped (undefined when
 * there was no time left to find out).
 *
 * @example
 * ```ts
 * conflictReason(true).code; // 'CONSTRAINTS_CONFLICT'
 * ```
 */
export function conflictReason(feasibleWithoutBudgets: boolean | undefined): InfeasibilityReason {
  if (feasibleWithoutBudgets === undefined)
    return {
      code: 'CONSTRAINTS_CONFLICT',
      message: {
        zh: '各年的目标、预算和约束不能同时满足（时间不足，未能判断预算是否为原因）。',
        en: 'The yearly targets, budgets and constraints cannot all be met together (no time was left to tell whether the budgets are the cause).',
      },
    };
  return feasibleWithoutBudgets
    ? {
        code: 'CONSTRAINTS_CONFLICT',
        message: {
          zh: '每年的预算分别够用，但不能同时满足各年的目标和约束：需调整某些年份的预算或目标。',
          en: 'No year alone is over budget, but the yearly budgets cannot meet every year’s target and constraint together: move budget between years or relax a target.',
        },
      }
    : {
        code: 'CONSTRAINTS_CONFLICT',
        message: {
          zh: '即使不计预算，各年的目标、指定年份和区县约束也不能同时满足。',
          en: 'Even without budgets, the yearly targets, the fixed years and the area rule cannot all be met together.',
        },
      };
}
