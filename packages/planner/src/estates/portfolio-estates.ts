import { compileRuleSet, type EvaluationResult, RubricError, type RuleSet } from '@sunshine-rubric/core';
import {
  cheapestFixes,
  layoutFor,
  type RemediationInstance,
  remediationInstance,
} from '@sunshine-rubric/core/internal';
import type { PortfolioCost, PortfolioEstate } from '../portfolio/portfolio-input.js';
import type { UnplannableEstate } from '../portfolio/portfolio-plan.js';
import { estateCosts } from './estate-costs.js';

/**
 * An estate that some set of fixes makes eligible: what it must still gain (its remediation instance, or
 * none when it is eligible already), its cheapest fixes, and its costs.
 */
export interface Candidate {
  /** Position in the input's `estates`. */
  readonly position: number;
  readonly estateId: string;
  readonly name: string;
  readonly area: string | null;
  readonly level: string | null;
  readonly result: EvaluationResult;
  /** Undefined when the estate is eligible as it stands. */
  readonly instance: RemediationInstance | undefined;
  /** Standard positions of the cheapest fixes (core's exact remediation), ascending. */
  readonly cheapest: readonly number[];
  /** Their cost plus `fixedCost`: what putting the estate forward costs when fixes are not spread. */
  readonly cheapestCost: number;
  readonly standardCosts: readonly number[];
  readonly fixedCost: number;
}

/** The estates, sorted into those the plan can put forward and those no fix can make eligible. */
export interface PortfolioEstates {
  readonly candidates: readonly Candidate[];
  readonly unplannable: readonly UnplannableEstate[];
}

/**
 * Evaluates every estate once, with one compiled evaluator, and works out what each must fix. An estate
 * whose assessment is invalid fails the whole call (INVALID_ASSESSMENT, paths under `estates[i].assessment`):
 * a plan that silently dropped an estate would not be the city's plan.
 *
 * @example
 * ```ts
 * const { candidates } = portfolioEstates(guangxi2021, estates, { defaultCost: 1 }, new Set());
 * ```
 */
export function portfolioEstates(
  ruleSet: RuleSet,
  estates: readonly PortfolioEstate[],
  cost: PortfolioCost | undefined,
  certified: ReadonlySet<string>,
): PortfolioEstates {
  const evaluator = compileRuleSet(ruleSet);
  const layout = layoutFor(ruleSet);
  const candidates: Candidate[] = [];
  const unplannable: UnplannableEstate[] = [];
  estates.forEach((estate, position) => {
    const estateId = estate.assessment.id;
    if (certified.has(estateId)) return;
    const result = evaluateAt(() => evaluator.evaluate(estate.assessment), position);
    const name = estate.assessment.community.name;
    const { standardCosts, fixedCost } = estateCosts(ruleSet, cost, estate, position);
    if (result.eligible) {
      candidates.push(candidate(estate, position, result, undefined, [], standardCosts, fixedCost));
      return;
    }
    if (!result.inScope) {
      const reason = result.reasons.some((entry) => entry.code === 'SCOPE_UNKNOWN')
        ? 'SCOPE_UNKNOWN'
        : 'OUT_OF_SCOPE';
      unplannable.push({ estateId, name, reason });
      return;
    }
    const instance = remediationInstance(layout, result, (standard) => standardCosts[standard]!);
    const cheapest = instance && cheapestFixes(instance);
    if (instance === undefined || cheapest === undefined) {
      unplannable.push({ estateId, name, reason: 'UNREACHABLE' });
      return;
    }
    candidates.push(candidate(estate, position, result, instance, cheapest, standardCosts, fixedCost));
  });
  return { candidates, unplannable };
}

function candidate(
  estate: PortfolioEstate,
  position: number,
  result: EvaluationResult,
  instance: RemediationInstance | undefined,
  cheapest: readonly number[],
  standardCosts: readonly number[],
  fixedCost: number,
): Candidate {
  const cheapestCost = cheapest.reduce((sum, standard) => sum + standardCosts[standard]!, fixedCost);
  return {
    position,
    estateId: estate.assessment.id,
    name: estate.assessment.community.name,
    area: estate.area ?? estate.assessment.community.district ?? null,
    level: estate.level ?? null,
    result,
    instance,
    cheapest,
    cheapestCost,
    standardCosts,
    fixedCost,
  };
}

function evaluateAt(evaluate: () => EvaluationResult, position: number): EvaluationResult {
  try {
    return evaluate();
  } catch (error) {
    if (RubricError.isInstance(error) && error.code === 'INVALID_ASSESSMENT') {
      throw new RubricError(
        'INVALID_ASSESSMENT',
        error.issues.map((issue) => ({ ...issue, path: ['estates', position, 'assessment', ...issue.path] })),
        undefined,
        { cause: error },
      );
    }
    throw error;
  }
}
