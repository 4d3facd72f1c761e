/**
 * A 0/1 linear program: minimise the sum of `cost × variable` subject to linear constraints. Every variable
 * is binary. Names are LP-format safe (letters, digits, `_`).
 *
 * @example
 * ```ts
 * const model: LinearModel = {
 *   variables: [{ name: 'x0', cost: 3 }, { name: 'x1', cost: 2 }],
 *   constraints: [{ name: 'pick', terms: [['x0', 1], ['x1', 1]], sense: '>=', bound: 1 }],
 * };
 * ```
 */
export interface LinearModel {
  readonly variables: readonly ModelVariable[];
  readonly constraints: readonly ModelConstraint[];
}

/**
 * One binary variable and its cost in the objective.
 *
 * @example
 * ```ts
 * const variable: ModelVariable = { name: 'x_0_2021', cost: 2_000_000 };
 * ```
 */
export interface ModelVariable {
  readonly name: string;
  readonly cost: number;
}

/**
 * `Σ coefficient × variable (sense) bound`.
 *
 * @example
 * ```ts
 * const quota: ModelConstraint = { name: 'quota_2021', terms: [['x_0_2021', 1]], sense: '>=', bound: 1 };
 * ```
 */
export interface ModelConstraint {
  readonly name: string;
  readonly terms: readonly (readonly [variable: string, coefficient: number])[];
  readonly sense: '>=' | '<=' | '=';
  readonly bound: number;
}

/**
 * What a solver made of a model.
 *
 * @example
 * ```ts
 * const outcome: SolverOutcome = { status: 'optimal', values: { x0: 0, x1: 1 }, objective: 2, bound: 2 };
 * ```
 */
export interface SolverOutcome {
  /** `time-limit`: stopped at the limit; `values` is the best solution found, if any. */
  readonly status: 'optimal' | 'infeasible' | 'time-limit';
  /** Each variable's value (0 or 1), when a solution was found. */
  readonly values?: Readonly<Record<string, number>>;
  readonly objective?: number;
  /** The proven lower bound on the objective. */
  readonly bound?: number;
}

/**
 * A MIP solver behind the planner: HiGHS by default; a test can give brute force.
 *
 * @example
 * ```ts
 * const solver: PortfolioSolver = { solve: async (model) => ({ status: 'infeasible' }) };
 * ```
 */
export interface PortfolioSolver {
  solve(model: LinearModel, options: SolveOptions): Promise<SolverOutcome>;
}

/**
 * What a solve is given beside the model.
 *
 * @example
 * ```ts
 * const options: SolveOptions = { timeLimitSeconds: 60, start: { x0: 1, x1: 0 } };
 * ```
 */
export interface SolveOptions {
  readonly timeLimitSeconds: number;
  /** A feasible solution to start from (variables not listed are 0); a solver may ignore it. */
  readonly start?: Readonly<Record<string, number>>;
}
