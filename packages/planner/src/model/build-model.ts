import type { Candidate } from '../estates/portfolio-estates.js';
import type { PlanningYear } from '../portfolio/planning-years.js';
import type { LinearModel, ModelConstraint, ModelVariable } from './linear-model.js';

/** The constraints the model builder reads, already checked: fixed years by candidate position. */
export interface ModelConstraints {
  /** Candidate position → index into `years` it must be put forward in. */
  readonly fixedYears: ReadonlyMap<number, number>;
  readonly everyAreaEachYear: boolean;
  readonly spreadFixes: boolean;
}

/**
 * The variable names of a built model: `put_<candidate>_<year index>` (the estate is put forward in that
 * year) and, with spread fixes, `fix_<candidate>_<standard position>_<year index>` (the fix is made that year).
 *
 * @example
 * ```ts
 * estateVariable(3, 0); // 'put_3_0'
 * ```
 */
export const estateVariable = (candidate: number, year: number): string => `put_${candidate}_${year}`;

/**
 * See {@link estateVariable}.
 *
 * @example
 * ```ts
 * fixVariable(3, 27, 1); // 'fix_3_27_1'
 * ```
 */
export const fixVariable = (candidate: number, standard: number, year: number): string =>
  `fix_${candidate}_${standard}_${year}`;

/**
 * The portfolio as a 0/1 program. `put[c][t]`: candidate `c` is put forward in year `t` (at most once).
 * By the end of each year, the estates put forward reach that year's cumulative need; each year's spending
 * stays within its budget; fixed estates are put forward in their year; with `everyAreaEachYear`, each
 * area puts at least one estate forward each year.
 *
 * What an estate must fix: when fixes are paid in the year the estate is put forward (the default), its
 * cheapest fixes (core's exact remediation) cost least in that year and in total whatever else is chosen,
 * so `put[c][t]` carries that cost and no fix variable is needed — the program stays exact and small.
 * When fixes may be spread over earlier years, a cheapest set may not fit the yearly budgets where another
 * would, so the fixes become variables: `fix[c][s][t]` for every standard `s` the estate could fix, made no
 * later than the year it is put forward, and the remediation floors become linear constraints — at least
 * `overallFloor` units, at least `countFloor` standards in each requirement, at least the aspect floors —
 * each multiplied by "the estate is put forward".
 *
 * @example
 * ```ts
 * const model = buildPortfolioModel(candidates, years, { fixedYears: new Map(), everyAreaEachYear: false, spreadFixes: false });
 * model.variables.length; // candidates × years
 * ```
 */
export function buildPortfolioModel(
  candidates: readonly Candidate[],
  years: readonly PlanningYear[],
  constraints: ModelConstraints,
): LinearModel {
  const variables: ModelVariable[] = [];
  const rows: ModelConstraint[] = [];
  const spending: [string, number][][] = years.map(() => []);
  const yearIndexes = years.map((_, index) => index);

  candidates.forEach((candidate, c) => {
    const putCost = constraints.spreadFixes ? candidate.fixedCost : candidate.cheapestCost;
    for (const t of yearIndexes) {
      variables.push({ name: estateVariable(c, t), cost: putCost });
      if (putCost !== 0) spending[t]!.push([estateVariable(c, t), putCost]);
    }
    const putAtAll = yearIndexes.map((t) => [estateVariable(c, t), 1] as const);
    if (years.length > 1) rows.push({ name: `once_${c}`, terms: putAtAll, sense: '<=', bound: 1 });
    const fixedYear = constraints.fixedYears.get(c);
    if (fixedYear !== undefined)
      rows.push({ name: `fixed_${c}`, terms: [[estateVariable(c, fixedYear), 1]], sense: '=', bound: 1 });
    if (constraints.spreadFixes && candidate.instance)
      addFixes(candidate, c, years.length, variables, rows, spending);
  });

  years.forEach((year, t) => {
    if (year.needed > 0) {
      const terms = candidates.flatMap((_, c) =>
        yearIndexes
          .filter((earlier) => earlier <= t)
          .map((earlier) => [estateVariable(c, earlier), 1] as const),
      );
      rows.push({ name: `need_${t}`, terms, sense: '>=', bound: year.needed });
    }
    if (year.budget !== null && spending[t]!.length > 0)
      rows.push({ name: `budget_${t}`, terms: spending[t]!, sense: '<=', bound: year.budget });
  });

  if (constraints.everyAreaEachYear) {
    const areas = [
      ...new Set(candidates.flatMap((candidate) => (candidate.area === null ? [] : [candidate.area]))),
    ];
    areas.forEach((area, a) => {
      const members = candidates.flatMap((candidate, c) => (candidate.area === area ? [c] : []));
      for (const t of yearIndexes) {
        const terms = members.map((c) => [estateVariable(c, t), 1] as const);
        rows.push({ name: `area_${a}_${t}`, terms, sense: '>=', bound: 1 });
      }
    });
  }
  return { variables, constraints: rows };
}

function addFixes(
  candidate: Candidate,
  c: number,
  yearCount: number,
  variables: ModelVariable[],
  rows: ModelConstraint[],
  spending: [string, number][][],
): void {
  const instance = candidate.instance!;
  const put = (t: number) => [estateVariable(c, t), 1] as const;
  const allYears = Array.from({ length: yearCount }, (_, t) => t);
  const overall: [string, number][] = allYears.map((t) => [estateVariable(c, t), -instance.overallFloor]);
  const byRequirement = new Map<number, [string, number][]>();
  const byAspect = new Map<number, [string, number][]>();
  for (const fixable of instance.fixable) {
    const s = fixable.position;
    for (const t of allYears) {
      const name = fixVariable(c, s, t);
      variables.push({ name, cost: fixable.cost });
      if (fixable.cost !== 0) spending[t]!.push([name, fixable.cost]);
      // Made in year t only if the estate is put forward in t or later.
      const later = allYears.filter((after) => after >= t).map((after) => [put(after)[0], -1] as const);
      rows.push({ name: `link_${c}_${s}_${t}`, terms: [[name, 1], ...later], sense: '<=', bound: 0 });
      overall.push([name, fixable.units]);
      const requirementTerms = byRequirement.get(fixable.requirement) ?? [];
      requirementTerms.push([name, 1]);
      byRequirement.set(fixable.requirement, requirementTerms);
      const aspect = instance.requirements[fixable.requirement]!.aspect;
      const aspectTerms = byAspect.get(aspect) ?? [];
      aspectTerms.push([name, fixable.units]);
      byAspect.set(aspect, aspectTerms);
    }
    rows.push({
      name: `fixonce_${c}_${s}`,
      terms: allYears.map((t) => [fixVariable(c, s, t), 1] as const),
      sense: '<=',
      bound: 1,
    });
  }
  if (instance.overallFloor > 0) rows.push({ name: `floor_${c}`, terms: overall, sense: '>=', bound: 0 });
  instance.requirements.forEach((requirement, r) => {
    if (requirement.countFloor === 0) return;
    const terms = [
      ...(byRequirement.get(r) ?? []),
      ...allYears.map((t) => [estateVariable(c, t), -requirement.countFloor] as [string, number]),
    ];
    rows.push({ name: `req_${c}_${r}`, terms, sense: '>=', bound: 0 });
  });
  instance.aspectFloors.forEach((floor, a) => {
    if (floor === 0) return;
    const terms = [
      ...(byAspect.get(a) ?? []),
      ...allYears.map((t) => [estateVariable(c, t), -floor] as [string, number]),
    ];
    rows.push({ name: `aspect_${c}_${a}`, terms, sense: '>=', bound: 0 });
  });
}
