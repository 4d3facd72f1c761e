import type { RuleSet } from '@sunshine-rubric/core';
import { layoutFor } from '@sunshine-rubric/core/internal';
import type { Candidate } from '../estates/portfolio-estates.js';
import { estateVariable, fixVariable } from '../model/build-model.js';
import type { PlanningYear } from './planning-years.js';
import type { DepartmentWorkload, PlannedEstate, PlannedFix, PlannedYear } from './portfolio-plan.js';

/** The years of a plan, and the candidates it leaves out, read from a solution's values. */
export interface ReadPlan {
  readonly years: PlannedYear[];
  readonly notPutForward: string[];
  readonly totalCost: number;
}

/**
 * Turns the solver's 0/1 values back into estates, fixes, yearly costs and department workloads. Costs are
 * added up from the inputs, never taken from the solver's floating-point objective.
 *
 * @example
 * ```ts
 * const { years, totalCost } = readSolution(ruleSet, candidates, years, outcome.values, false);
 * ```
 */
export function readSolution(
  ruleSet: RuleSet,
  candidates: readonly Candidate[],
  years: readonly PlanningYear[],
  values: Readonly<Record<string, number>>,
  spreadFixes: boolean,
): ReadPlan {
  const layout = layoutFor(ruleSet);
  const isOn = (name: string) => (values[name] ?? 0) > 0.5;
  const estatesByYear: PlannedEstate[][] = years.map(() => []);
  const fixesByYear: PlannedFix[][] = years.map(() => []);
  const notPutForward: string[] = [];
  candidates.forEach((candidate, c) => {
    const t = years.findIndex((_, index) => isOn(estateVariable(c, index)));
    if (t < 0) {
      notPutForward.push(candidate.estateId);
      return;
    }
    const chosen: [number, number][] = spreadFixes
      ? (candidate.instance?.fixable ?? []).flatMap((fixable) => {
          const when = years.findIndex((_, index) => isOn(fixVariable(c, fixable.position, index)));
          return when < 0 ? [] : [[fixable.position, when] as [number, number]];
        })
      : candidate.cheapest.map((position) => [position, t] as [number, number]);
    chosen.sort((left, right) => left[0] - right[0]);
    const fixes = chosen.map(([position, when]): PlannedFix => {
      const standard = layout.standards[position]!;
      const fix: PlannedFix = {
        standardId: standard.id,
        requirementId: standard.requirementId,
        aspectId: standard.aspectId,
        title: standard.title,
        outcome: candidate.result.standards[position]!.outcome as PlannedFix['outcome'],
        cost: candidate.standardCosts[position]!,
        year: years[when]!.year,
        responsible: standard.responsible ?? [],
      };
      fixesByYear[when]!.push(fix);
      return fix;
    });
    const cost = fixes.reduce((sum, fix) => sum + fix.cost, candidate.fixedCost);
    estatesByYear[t]!.push({
      estateId: candidate.estateId,
      name: candidate.name,
      area: candidate.area,
      level: candidate.level,
      year: years[t]!.year,
      fixes,
      fixedCost: candidate.fixedCost,
      cost,
    });
  });
  const planned = years.map((year, t): PlannedYear => {
    const estates = estatesByYear[t]!;
    const byDepartment: Record<string, DepartmentWorkload> = {};
    for (const fix of fixesByYear[t]!) {
      for (const department of fix.responsible.length > 0 ? fix.responsible : ['unassigned']) {
        const before = Object.hasOwn(byDepartment, department)
          ? byDepartment[department]!
          : { fixes: 0, cost: 0 };
        byDepartment[department] = { fixes: before.fixes + 1, cost: before.cost + fix.cost };
      }
    }
    const cost =
      estates.reduce((sum, estate) => sum + estate.fixedCost, 0) +
      fixesByYear[t]!.reduce((sum, fix) => sum + fix.cost, 0);
    return {
      year: year.year,
      target: year.target,
      certifiedBefore: year.certifiedBefore,
      quota: estates.length,
      estates,
      cost,
      budget: year.budget,
      byDepartment,
    };
  });
  return {
    years: planned,
    notPutForward,
    totalCost: planned.reduce((sum, year) => sum + year.cost, 0),
  };
}
