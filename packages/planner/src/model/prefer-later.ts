import type { LinearModel } from './linear-model.js';

/**
 * The second stage of the plan: among plans that cost no more than `costCap` (the least cost, found by the
 * first stage), the one that puts estates forward — and makes fixes — as late as the targets and budgets
 * allow. Being ahead of the targets costs no less, so without this a solver may put every estate forward
 * in the first year; officials want the money spent when it is needed. Each variable of year index `t`
 * (its name ends in `_t`) weighs `yearCount − 1 − t`: the objective counts how early the choices are.
 *
 * @example
 * ```ts
 * const second = preferLaterModel(model, years.length, 112);
 * second.constraints.at(-1)?.name; // 'cost_cap'
 * ```
 */
export function preferLaterModel(model: LinearModel, yearCount: number, costCap: number): LinearModel {
  const yearOf = (name: string) => Number(/_(\d+)$/.exec(name)?.[1] ?? yearCount - 1);
  return {
    variables: model.variables.map((variable) => ({
      name: variable.name,
      cost: yearCount - 1 - yearOf(variable.name),
    })),
    constraints: [
      ...model.constraints,
      {
        name: 'cost_cap',
        terms: model.variables
          .filter((variable) => variable.cost !== 0)
          .map((variable) => [variable.name, variable.cost] as const),
        sense: '<=',
        bound: costCap,
      },
    ],
  };
}
