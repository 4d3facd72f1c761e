import type { Candidate } from '../estates/portfolio-estates.js';
import { estateVariable, fixVariable } from '../model/build-model.js';
import type { PlanningYear } from './planning-years.js';

/** What moving an estate to another year must keep. */
export interface DelayRules {
  readonly candidates: readonly Candidate[];
  readonly years: readonly PlanningYear[];
  /** Candidate position → year index it is fixed to. */
  readonly fixedYears: ReadonlyMap<number, number>;
  readonly everyAreaEachYear: boolean;
  readonly spreadFixes: boolean;
}

/**
 * A least-cost plan with estates moved to later years wherever that keeps every year's need, budget, fixed
 * year and area rule: being ahead of the targets costs no less, so a solver may put estates forward early
 * at no gain; officials want money spent when it is needed. What an estate costs does not depend on its
 * year (its fixes stay where they are, never later than the estate), so the total is unchanged and stays
 * proven least. Estates are taken year by year, latest first, each moved as late as it can go: a greedy
 * pass, linear in estates × years², not a second optimisation.
 *
 * @example
 * ```ts
 * const values = delayEstates(rules, outcome.values); // the same cost, estates no earlier than needed
 * ```
 */
export function delayEstates(
  rules: DelayRules,
  values: Readonly<Record<string, number>>,
): Record<string, number> {
  const { candidates, years } = rules;
  const yearCount = years.length;
  const isOn = (name: string) => (values[name] ?? 0) > 0.5;
  const yearOf = candidates.map((_, c) => years.findIndex((_, t) => isOn(estateVariable(c, t))));
  const moving = candidates.map((candidate) =>
    rules.spreadFixes ? candidate.fixedCost : candidate.cheapestCost,
  );
  const spend = years.map(() => 0);
  const putIn = years.map(() => 0);
  const areaCount = new Map<string, number[]>();
  candidates.forEach((candidate, c) => {
    const t = yearOf[c]!;
    if (t >= 0) {
      putIn[t]! += 1;
      spend[t]! += moving[c]!;
      if (candidate.area !== null) {
        if (!areaCount.has(candidate.area))
          areaCount.set(
            candidate.area,
            years.map(() => 0),
          );
        areaCount.get(candidate.area)![t]! += 1;
      }
    }
    if (rules.spreadFixes)
      for (const fixable of candidate.instance?.fixable ?? [])
        years.forEach((_, when) => {
          if (isOn(fixVariable(c, fixable.position, when))) spend[when]! += fixable.cost;
        });
  });
  const cumulative = () => putIn.map((_, t) => putIn.slice(0, t + 1).reduce((sum, count) => sum + count, 0));
  for (let from = yearCount - 2; from >= 0; from -= 1) {
    candidates.forEach((candidate, c) => {
      if (yearOf[c] !== from || rules.fixedYears.has(c)) return;
      const counts = candidate.area === null ? undefined : areaCount.get(candidate.area);
      if (rules.everyAreaEachYear && counts !== undefined && counts[from]! <= 1) return;
      const reached = cumulative();
      for (let to = yearCount - 1; to > from; to -= 1) {
        const budget = years[to]!.budget;
        if (budget !== null && spend[to]! + moving[c]! > budget) continue;
        let keepsNeeds = true;
        for (let year = from; year < to; year += 1)
          if (reached[year]! - 1 < years[year]!.needed) keepsNeeds = false;
        if (!keepsNeeds) continue;
        putIn[from]! -= 1;
        putIn[to]! += 1;
        spend[from]! -= moving[c]!;
        spend[to]! += moving[c]!;
        if (counts !== undefined) {
          counts[from]! -= 1;
          counts[to]! += 1;
        }
        yearOf[c] = to;
        return;
      }
    });
  }
  const delayed: Record<string, number> = { ...values };
  candidates.forEach((_, c) => {
    years.forEach((_, t) => {
      delayed[estateVariable(c, t)] = yearOf[c] === t ? 1 : 0;
    });
  });
  return delayed;
}
