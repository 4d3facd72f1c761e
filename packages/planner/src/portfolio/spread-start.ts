import type { Candidate } from '../estates/portfolio-estates.js';
import { estateVariable, fixVariable } from '../model/build-model.js';

/**
 * A start for the spread-fixes program from a solution of the held one (every fix paid in its estate's
 * year, the estate's cheapest fixes): the same estates in the same years, each cheapest fix made in that
 * year. Paying in the estate's year is one way of spreading, so the start is feasible, and a large program
 * stopped by its time limit still has a plan and a proven gap.
 *
 * @example
 * ```ts
 * const start = spreadStart(candidates, 4, heldOutcome.values);
 * await solver.solve(spreadModel, { timeLimitSeconds, start });
 * ```
 */
export function spreadStart(
  candidates: readonly Candidate[],
  yearCount: number,
  heldValues: Readonly<Record<string, number>>,
): Record<string, number> {
  const start: Record<string, number> = {};
  candidates.forEach((candidate, c) => {
    for (let t = 0; t < yearCount; t += 1) {
      if ((heldValues[estateVariable(c, t)] ?? 0) <= 0.5) continue;
      start[estateVariable(c, t)] = 1;
      for (const standard of candidate.cheapest) start[fixVariable(c, standard, t)] = 1;
    }
  });
  return start;
}
