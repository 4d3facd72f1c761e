import { amountText } from '../estates/cost-amounts.js';
import type { FeasibilityFacts } from './explain-infeasible.js';
import type { InfeasibilityReason } from './portfolio-plan.js';

/**
 * Every estate that must go forward — fixed to a year, or needed by a year's target because the plan needs
 * every estate it can put forward by then — whose cheapest way forward costs more in the year it goes than
 * any year it could go in has. What must be paid in that one year is its cheapest fixes and its per-estate
 * cost, or, when fixes may be spread over earlier years, the per-estate cost alone. A relaxation of the
 * program, so each reason proves that no plan exists; it names the estate, the year and the amounts.
 *
 * @example
 * ```ts
 * estatesOverBudget(facts)[0]?.message.en;
 * // '小区c (c) must be put forward by 2022 to reach the targets, but putting it forward costs at least 107 CNY in that year (its cheapest fixes and per-estate cost), more than the largest budget of those years, 100 CNY: 7 CNY short.'
 * ```
 */
export function estatesOverBudget(facts: FeasibilityFacts): InfeasibilityReason[] {
  const open = facts.candidates.filter((_, c) => !facts.fixedYears.has(c)).length;
  // The first year by whose end every estate not fixed to a year is needed, if any.
  const everyOpenNeededBy = facts.years.findIndex((year, t) => {
    const mandatory = facts.candidates.filter(
      (_, c) => (facts.fixedYears.get(c) ?? Number.POSITIVE_INFINITY) <= t,
    ).length;
    return open > 0 && mandatory + open === year.needed;
  });
  const reasons: InfeasibilityReason[] = [];
  facts.candidates.forEach((candidate, c) => {
    const fixedTo = facts.fixedYears.get(c);
    const latest = fixedTo ?? (everyOpenNeededBy < 0 ? undefined : everyOpenNeededBy);
    if (latest === undefined) return;
    const possible = fixedTo === undefined ? facts.years.slice(0, latest + 1) : [facts.years[fixedTo]!];
    const budgets = possible.map((year) => year.budget);
    if (budgets.some((budget) => budget === null)) return;
    const largest = Math.max(...(budgets as number[]));
    const cost = facts.spreadFixes ? candidate.fixedCost : candidate.cheapestCost;
    if (cost <= largest) return;
    const year = facts.years[latest]!.year;
    const [costs, budget, short] = [cost, largest, cost - largest].map((value) =>
      amountText(value, facts.unit),
    ) as [BothLanguages, BothLanguages, BothLanguages];
    const what = facts.spreadFixes
      ? { zh: '申报费用，整改可提前', en: 'its per-estate cost; fixes may be made earlier' }
      : { zh: '最省整改及申报费用', en: 'its cheapest fixes and per-estate cost' };
    const when =
      fixedTo === undefined
        ? {
            zh: `须在${year}年底前申报才能完成目标`,
            en: `must be put forward by ${year} to reach the targets`,
            budget: {
              zh: `这些年份中最高的年度预算${budget.zh}`,
              en: `the largest budget of those years, ${budget.en}`,
            },
          }
        : {
            zh: `被指定在${year}年申报`,
            en: `is fixed to ${year}`,
            budget: { zh: `当年预算${budget.zh}`, en: `that year's budget of ${budget.en}` },
          };
    reasons.push({
      code: 'ESTATE_OVER_BUDGET',
      estateId: candidate.estateId,
      year,
      cost,
      budget: largest,
      shortBy: cost - largest,
      message: {
        zh: `${candidate.name}（${candidate.estateId}）${when.zh}，但申报当年至少需${costs.zh}（${what.zh}），超出${when.budget.zh}，差${short.zh}。`,
        en: `${candidate.name} (${candidate.estateId}) ${when.en}, but putting it forward costs at least ${costs.en} in that year (${what.en}), more than ${when.budget.en}: ${short.en} short.`,
      },
    });
  });
  return reasons;
}

type BothLanguages = { zh: string; en: string };
