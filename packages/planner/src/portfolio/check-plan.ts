import { whatIf } from '@sunshine-rubric/core';
import type { Candidate } from '../estates/portfolio-estates.js';
import type { PlanningYear } from './planning-years.js';
import type { PortfolioInput } from './portfolio-input.js';
import type { PortfolioPlan } from './portfolio-plan.js';

/**
 * The solver's answer, checked against the rules it was meant to keep, before it reaches anyone: a wrong
 * plan from a solver's tolerance or a bug in the model must never reach a city as a plan. Every estate put
 * forward is eligible after its fixes (re-evaluated by core's `whatIf`), no fix comes after its estate's
 * year, every year reaches its need within its budget, every fixed estate goes forward in its year, and
 * with `everyAreaEachYear` every area that has estates to plan puts one forward each year.
 *
 * @throws {Error} naming the broken rule: a bug, never an answer.
 * @example
 * ```ts
 * checkPlan(input, candidates, read.years, years); // returns, or throws on a broken rule
 * ```
 */
export function checkPlan(
  input: PortfolioInput,
  candidates: readonly Candidate[],
  planned: PortfolioPlan['years'],
  years: readonly PlanningYear[],
): void {
  const byId = new Map(candidates.map((candidate) => [candidate.estateId, candidate]));
  const areas = new Set(candidates.flatMap((candidate) => (candidate.area === null ? [] : [candidate.area])));
  const fixedYears = input.constraints?.fixedYears ?? {};
  let putForward = 0;
  planned.forEach((year, t) => {
    for (const estate of year.estates) {
      const candidate = byId.get(estate.estateId)!;
      const fixed = Object.fromEntries(estate.fixes.map((fix) => [fix.standardId, 'met' as const]));
      if (!whatIf(input.ruleSet, candidate.result, fixed).eligible)
        throw new Error(`planner: estate ${estate.estateId} would not be eligible after its planned fixes`);
      if (estate.fixes.some((fix) => fix.year > year.year))
        throw new Error(`planner: estate ${estate.estateId} has a fix after ${year.year}`);
      if (Object.hasOwn(fixedYears, estate.estateId) && fixedYears[estate.estateId] !== year.year)
        throw new Error(
          `planner: estate ${estate.estateId} is fixed to ${fixedYears[estate.estateId]}, planned in ${year.year}`,
        );
    }
    putForward += year.estates.length;
    if (putForward < years[t]!.needed)
      throw new Error(`planner: ${year.year} reaches ${putForward} of the ${years[t]!.needed} needed`);
    if (year.budget !== null && year.cost > year.budget)
      throw new Error(`planner: ${year.year} spends ${year.cost}, over its budget of ${year.budget}`);
    if (input.constraints?.everyAreaEachYear === true) {
      const present = new Set(year.estates.map((estate) => estate.area));
      for (const area of areas)
        if (!present.has(area)) throw new Error(`planner: ${area} puts no estate forward in ${year.year}`);
    }
  });
  for (const [estateId, year] of Object.entries(fixedYears))
    if (
      byId.has(estateId) &&
      !planned.some(
        (entry) => entry.year === year && entry.estates.some((estate) => estate.estateId === estateId),
      )
    )
      throw new Error(`planner: estate ${estateId} is fixed to ${year} but not planned then`);
}
