import type { LinearModel, PortfolioSolver, SolverOutcome } from '../model/linear-model.js';

/**
 * Every 0/1 assignment, depth first: the reference a test checks HiGHS against, through the same model.
 * Refuses models of more than `maxVariables` variables (2^n assignments).
 *
 * @example
 * ```ts
 * await planPortfolio(tinyCity, { solver: bruteForceSolver() });
 * ```
 */
export function bruteForceSolver(maxVariables = 22): PortfolioSolver {
  return {
    async solve(model) {
      if (model.variables.length > maxVariables)
        throw new Error(`brute force takes at most ${maxVariables} variables, got ${model.variables.length}`);
      return enumerate(model);
    },
  };
}

function enumerate(model: LinearModel): SolverOutcome {
  const names = model.variables.map((variable) => variable.name);
  const index = new Map(names.map((name, position) => [name, position]));
  const rows = model.constraints.map((constraint) => ({
    ...constraint,
    terms: constraint.terms.map(([name, coefficient]) => [index.get(name)!, coefficient] as const),
  }));
  const values = new Array<number>(names.length).fill(0);
  let best: number[] | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  const total = 2 ** names.length;
  for (let mask = 0; mask < total; mask += 1) {
    let cost = 0;
    for (let position = 0; position < names.length; position += 1) {
      values[position] = Math.floor(mask / 2 ** position) % 2;
      cost += values[position]! * model.variables[position]!.cost;
    }
    if (cost >= bestCost) continue;
    const feasible = rows.every((row) => {
      const sum = row.terms.reduce(
        (acc, [position, coefficient]) => acc + coefficient * values[position]!,
        0,
      );
      return row.sense === '>='
        ? sum >= row.bound - 1e-9
        : row.sense === '<='
          ? sum <= row.bound + 1e-9
          : Math.abs(sum - row.bound) <= 1e-9;
    });
    if (feasible) {
      best = [...values];
      bestCost = cost;
    }
  }
  if (best === undefined) return { status: 'infeasible' };
  return {
    status: 'optimal',
    values: Object.fromEntries(names.map((name, position) => [name, best![position]!])),
    objective: bestCost,
    bound: bestCost,
  };
}
