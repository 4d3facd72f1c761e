import { RubricError } from '../errors/rubric-error.js';
import type { RubricLayout } from '../evaluate/layout.js';
import { layoutFor } from '../evaluate/layout-cache.js';
import { checkOptions } from '../reading/check-options.js';
import type { EvaluationResult } from '../result/types.js';
import type { RuleSet, Standard, Text } from '../rule-set/types.js';
import { checkResultMatches, unevidencedPositions } from '../stored-result/result-matches.js';
import { showValue } from '../util/show-value.js';
import { greedyCover, isUniformInstance } from './greedy-cover.js';
import { knapsackCover } from './knapsack-cover.js';
import { type RemediationInstance, remediationInstance } from './remediation-instance.js';

/** What fixing one standard costs: by standard id (default `defaultCost`), or computed. */
export type RemediationCost = Readonly<Record<string, number>> | ((standard: Standard) => number);

export interface RemediationOptions {
  /** Cost of fixing each standard, e.g. in CNY or days. Standards not listed cost `defaultCost`. */
  readonly cost?: RemediationCost;
  /** Cost of a standard the `cost` map does not list (default 1: the plan then fixes as few as possible). */
  readonly defaultCost?: number;
}

export interface RemediationStep {
  readonly standardId: string;
  readonly requirementId: string;
  readonly aspectId: string;
  readonly title: Text;
  /** `unmet`, or `missing-data`: answer the missing facts so that it is met. */
  readonly outcome: 'unmet' | 'missing-data';
  readonly cost: number;
  /** The departments that own the standard and fix it. */
  readonly responsible: readonly string[];
  /**
   * Present when the standard's conditions hold and it is unmet only for want of its evidence
   * (`scoring.unevidenced: 'unmet'`): the documents to provide, the whole fix.
   */
  readonly evidence?: readonly string[];
}

export interface RemediationPlan {
  /** False when no set of fixes makes the estate eligible (see `blockedBy`). */
  readonly feasible: boolean;
  /** Why no fixes can help: the estate is out of scope, its scope is unknown, or the target is out of reach. */
  readonly blockedBy?: 'OUT_OF_SCOPE' | 'SCOPE_UNKNOWN' | 'UNREACHABLE';
  readonly totalCost: number;
  /** The standards to fix, in rule-set order. Empty when the estate is already eligible. */
  readonly steps: readonly RemediationStep[];
  /** The steps by responsible department (a standard with two owners appears under both). */
  readonly byResponsible: Readonly<Record<string, readonly string[]>>;
}

/**
 * The cheapest set of currently unmet (or missing-data) standards whose fixing makes the estate eligible.
 *
 * Exact: the eligibility rules are floors — at least `k` more standards met (or points gained) overall,
 * at least `d` more met in each uncovered requirement, at least `e` more points in each aspect below its
 * minimum — and the plan is the cheapest of all sets of fixes that meet every floor, never an
 * approximation. In compliance-rate mode every fix gains exactly one standard, and taking the `d`
 * cheapest of each requirement, then the cheapest of the rest, is provably optimal (see `greedyCover`):
 * O(n log n). In points mode a 0/1 knapsack over points in whole units (see `knapsackCover`) finds the
 * optimum; its work is estimated first, and an instance above the limit (`MAX_PLAN_CELLS` table cells)
 * is refused at once. The same inputs always give the same plan.
 *
 * @throws {RubricError} `INVALID_OPTIONS` when a cost is negative or not finite, an exact plan would be
 * above the planner's work limit (`plan-too-large`, naming the limit and the instance's size), the result does not
 * come from this rule set, or its counts, points or verdict do not add up to its standards' outcomes
 * (`result-does-not-add-up`: a result changed after `evaluate` returned it).
 * @example
 * ```ts
 * const result = evaluate(ruleSet, assessment);
 * const plan = planRemediation(ruleSet, result, { cost: { S28: 120_000, S52: 300_000 }, defaultCost: 20_000 });
 * for (const [department, standards] of Object.entries(plan.byResponsible)) console.log(department, standards);
 * ```
 */
export function planRemediation(
  ruleSet: RuleSet,
  result: EvaluationResult,
  remediationOptions?: RemediationOptions,
): RemediationPlan {
  const layout = layoutFor(ruleSet);
  const checked = checkResultMatches(layout, result);
  const costOf = costFunction(layout, checkOptions(remediationOptions));
  if (checked.eligible) return plan(layout, checked, [], costOf);
  if (!checked.inScope) {
    const blockedBy = checked.reasons.some((reason) => reason.code === 'SCOPE_UNKNOWN')
      ? 'SCOPE_UNKNOWN'
      : 'OUT_OF_SCOPE';
    return { feasible: false, blockedBy, totalCost: 0, steps: [], byResponsible: {} };
  }
  const instance = remediationInstance(layout, checked, costOf);
  const chosen = instance && cheapestFixes(instance);
  if (!chosen)
    return { feasible: false, blockedBy: 'UNREACHABLE', totalCost: 0, steps: [], byResponsible: {} };
  return plan(layout, checked, chosen, costOf);
}

/**
 * Positions of the cheapest fixes that meet every floor of `instance`, ascending, or undefined when none
 * does: greedy where it is exact (every fix gains the same units, no aspect floor), the knapsack otherwise.
 *
 * @example
 * ```ts
 * const instance = remediationInstance(layout, result, costOf);
 * const positions = instance && cheapestFixes(instance);
 * ```
 */
export function cheapestFixes(instance: RemediationInstance): number[] | undefined {
  return isUniformInstance(instance) ? greedyCover(instance) : knapsackCover(instance);
}

function plan(
  layout: RubricLayout,
  result: EvaluationResult,
  positions: readonly number[],
  costOf: (position: number) => number,
): RemediationPlan {
  const byResponsible: Record<string, string[]> = {};
  const unevidenced = new Set(unevidencedPositions(layout, result));
  const steps = positions.map((position): RemediationStep => {
    const standard = layout.standards[position]!;
    const responsible = standard.responsible ?? [];
    for (const department of responsible.length > 0 ? responsible : ['unassigned']) {
      if (!Object.hasOwn(byResponsible, department)) byResponsible[department] = [];
      byResponsible[department]!.push(standard.id);
    }
    const step: RemediationStep = {
      standardId: standard.id,
      requirementId: standard.requirementId,
      aspectId: standard.aspectId,
      title: standard.title,
      outcome: result.standards[position]!.outcome as RemediationStep['outcome'],
      cost: costOf(position),
      responsible,
    };
    const missing = result.standards[position]!.evidence?.missing;
    return unevidenced.has(position) && missing !== undefined ? { ...step, evidence: missing } : step;
  });
  return { feasible: true, totalCost: steps.reduce((sum, step) => sum + step.cost, 0), steps, byResponsible };
}

function costFunction(layout: RubricLayout, options: RemediationOptions): (position: number) => number {
  const defaultCost = options.defaultCost ?? 1;
  checkCost(defaultCost, ['defaultCost']);
  const { cost } = options;
  const costs = layout.standards.map((standard) => {
    const value =
      typeof cost === 'function'
        ? cost(standard)
        : cost && Object.hasOwn(cost, standard.id)
          ? cost[standard.id]!
          : defaultCost;
    checkCost(value, ['cost', standard.id]);
    return value;
  });
  return (position) => costs[position]!;
}

function checkCost(value: unknown, path: (string | number)[]): void {
  // At most 2^53: sums of costs then stay finite, so a feasible plan never looks unreachable.
  if (typeof value !== 'number' || !(value >= 0 && value <= Number.MAX_SAFE_INTEGER)) {
    throw new RubricError('INVALID_OPTIONS', [
      { path, message: `a cost is a number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${showValue(value)}` },
    ]);
  }
}
