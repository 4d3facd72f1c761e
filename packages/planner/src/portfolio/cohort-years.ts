import { defineTargetPlan, type TargetPlanInput } from '@sunshine-rubric/core';
import type { PortfolioEstate } from './portfolio-input.js';

/**
 * A target plan's named cohorts as `constraints.fixedYears`, and the cohort names no estate matches.
 *
 * @example
 * ```ts
 * const cohorts: CohortYears = { fixedYears: { 'xiangshan-4': 2021 }, unmatched: [] };
 * ```
 */
export interface CohortYears {
  /** Assessment id → the year of the cohort that names the estate. */
  readonly fixedYears: Readonly<Record<string, number>>;
  /** Cohort entries that name no estate, or several (`community.name` is not unique). */
  readonly unmatched: readonly {
    readonly year: number;
    readonly name: string;
    readonly reason: 'no-estate' | 'several-estates';
  }[];
}

/**
 * The estates a plan's cohorts name (Qinzhou's 2021 cohort of 11), matched to the portfolio by
 * `community.name` (spaces at either end ignored), as the `fixedYears` constraint. A name that matches no
 * estate, or several, is listed in `unmatched`, never guessed.
 *
 * @example
 * ```ts
 * const { fixedYears, unmatched } = cohortYears(qinzhouPlan, estates);
 * if (unmatched.length > 0) console.warn(unmatched);
 * await planPortfolio({ ...input, constraints: { fixedYears } });
 * ```
 */
export function cohortYears(plan: TargetPlanInput, estates: readonly PortfolioEstate[]): CohortYears {
  const byName = new Map<string, string[]>();
  for (const estate of estates) {
    const name = estate.assessment.community.name.trim();
    byName.set(name, [...(byName.get(name) ?? []), estate.assessment.id]);
  }
  const fixedYears: Record<string, number> = {};
  const unmatched: CohortYears['unmatched'][number][] = [];
  const cohorts = Object.entries(defineTargetPlan(plan).cohorts ?? {}).sort(([left], [right]) =>
    left.localeCompare(right),
  );
  for (const [yearKey, cohort] of cohorts) {
    const year = Number(yearKey);
    for (const { name } of cohort) {
      const ids = byName.get(name.trim()) ?? [];
      if (ids.length === 1) fixedYears[ids[0]!] = year;
      else unmatched.push({ year, name, reason: ids.length === 0 ? 'no-estate' : 'several-estates' });
    }
  }
  return { fixedYears, unmatched };
}
