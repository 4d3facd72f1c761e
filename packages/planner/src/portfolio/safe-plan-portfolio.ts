import { type Result, RubricError, type RubricErrorCode, type RubricErrorOf } from '@sunshine-rubric/core';
import { type PlanPortfolioOptions, planPortfolio } from './plan-portfolio.js';
import type { PortfolioInput } from './portfolio-input.js';
import type { PortfolioOutcome } from './portfolio-plan.js';

/**
 * The codes {@link planPortfolio} throws for bad input: what {@link safePlanPortfolio} returns instead.
 *
 * @example
 * ```ts
 * const code: PlanPortfolioErrorCode = 'INVALID_PLAN';
 * ```
 */
export type PlanPortfolioErrorCode = 'INVALID_OPTIONS' | 'INVALID_ASSESSMENT' | 'INVALID_PLAN';

const inputCodes: ReadonlySet<RubricErrorCode> = new Set<PlanPortfolioErrorCode>([
  'INVALID_OPTIONS',
  'INVALID_ASSESSMENT',
  'INVALID_PLAN',
]);

/**
 * {@link planPortfolio} for untrusted input: resolves to `{ ok: true, value }` (a plan, or `feasible: false`
 * with its reasons) or `{ ok: false, error }` with the `RubricError` that `planPortfolio` would have thrown
 * for bad input (`INVALID_OPTIONS`, `INVALID_ASSESSMENT`, `INVALID_PLAN`, each issue with its path). Anything
 * else (a solver that fails) still rejects: it is not a fault of the input.
 *
 * @example
 * ```ts
 * const result = await safePlanPortfolio(untrustedInput);
 * if (!result.ok) return response.status(400).json(result.error.issues);
 * const outcome = result.value;
 * ```
 */
export async function safePlanPortfolio(
  input: PortfolioInput,
  options?: PlanPortfolioOptions,
): Promise<Result<PortfolioOutcome, PlanPortfolioErrorCode>> {
  try {
    return { ok: true, value: await planPortfolio(input, options) };
  } catch (error) {
    if (RubricError.isInstance(error) && inputCodes.has(error.code))
      return { ok: false, error: error as RubricErrorOf<PlanPortfolioErrorCode> };
    throw error;
  }
}
