import { RubricError } from '../errors/rubric-error.js';
import { requiredCount } from '../evaluate/exact.js';
import type { RubricLayout } from '../evaluate/layout.js';
import { layoutFor } from '../evaluate/layout-cache.js';
import { checkResultMatches } from '../evaluate/result-matches.js';
import type { EvaluationResult } from '../result/types.js';
import type { RuleSet, Standard, Text } from '../rule-set/types.js';
import { checkOptions } from '../util/check-options.js';
import { showValue } from '../util/show-value.js';
import {
  type CoverTable,
  combineTables,
  emptyTable,
  enforceFloor,
  type Item,
  requirementTable,
} from './min-cost-cover.js';

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
 * Exact, not greedy: the eligibility rules are floors — at least `k` more standards met (or points gained)
 * overall, at least `d` more in each uncovered requirement, at least `e` more points in each aspect below
 * its minimum. A dynamic program computes, per requirement, the cheapest way to gain each number of units
 * (standards or points, capped at what any floor can use) with its count floor met; combines
 * requirements into aspects by min-plus convolution and applies the aspect floor; then combines aspects
 * the same way. Every choice of fixes is some combination of per-requirement choices, the cap loses
 * nothing (a floor only asks "at least"), and each level keeps the cheapest option for every capped
 * total, so the optimum over all subsets is found. Cost: O(standards × cap × floor + aspects × cap²).
 *
 * @throws {RubricError} `INVALID_OPTIONS` when a cost is negative or not finite, the result does not
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
  ruleSet: RuleSet | unknown,
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
  const chosen = cheapestFixes(layout, checked, costOf);
  if (!chosen)
    return { feasible: false, blockedBy: 'UNREACHABLE', totalCost: 0, steps: [], byResponsible: {} };
  return plan(layout, checked, chosen, costOf);
}

function cheapestFixes(
  layout: RubricLayout,
  result: EvaluationResult,
  costOf: (position: number) => number,
): number[] | undefined {
  const { scoring } = layout.ruleSet;
  const isPoints = scoring.mode === 'points';
  const scale = layout.pointsScale;
  const { met, applicable } = result.compliance;
  if (!isPoints && applicable === 0) return undefined;
  const scaledPoints = isPoints ? Math.round(result.score!.points * scale) : 0;
  const overallFloor = isPoints
    ? Math.max(0, Math.round(scoring.passMark * scale) - scaledPoints)
    : Math.max(0, requiredCount(applicable, scoring.threshold) - met);
  const aspectFloors = layout.aspects.map((aspect, position) => {
    if (scoring.mode !== 'points') return 0;
    const minimum = Math.round((scoring.aspectMinimums?.[aspect.id] ?? 0) * scale);
    return Math.max(0, minimum - Math.round((result.aspects[position]!.points ?? 0) * scale));
  });
  const largestCap = Math.max(overallFloor, ...aspectFloors);
  if (largestCap > 1_000_000) {
    throw new RubricError('INVALID_OPTIONS', [
      { path: ['scoring'], message: 'points are too fine-grained for an exact plan (over a million units)' },
    ]);
  }

  let total = emptyTable(overallFloor);
  layout.aspects.forEach((_aspect, aspectPosition) => {
    const cap = Math.max(overallFloor, aspectFloors[aspectPosition]!);
    let aspectTable: CoverTable = emptyTable(cap);
    layout.requirements.forEach((requirement, requirementPosition) => {
      if (requirement.aspectPosition !== aspectPosition) return;
      const items: Item[] = [];
      layout.standards.forEach((standard, position) => {
        const outcome = result.standards[position]!.outcome;
        if (
          standard.requirementPosition !== requirementPosition ||
          (outcome !== 'unmet' && outcome !== 'missing-data')
        )
          return;
        items.push({ key: position, units: isPoints ? standard.scaledPoints : 1, cost: costOf(position) });
      });
      const counts = result.requirements[requirementPosition]!;
      const countFloor = counts.applicable === 0 ? 0 : Math.max(0, scoring.minMetPerRequirement - counts.met);
      aspectTable = combineTables(aspectTable, requirementTable(items, countFloor, cap), cap);
    });
    total = combineTables(
      total,
      enforceFloor(aspectTable, aspectFloors[aspectPosition]!, overallFloor),
      overallFloor,
    );
  });
  const best = total.cost[overallFloor]!;
  return best === Number.POSITIVE_INFINITY ? undefined : [...total.pick[overallFloor]!].sort((a, b) => a - b);
}

function plan(
  layout: RubricLayout,
  result: EvaluationResult,
  positions: readonly number[],
  costOf: (position: number) => number,
): RemediationPlan {
  const byResponsible: Record<string, string[]> = {};
  const steps = positions.map((position): RemediationStep => {
    const standard = layout.standards[position]!;
    const responsible = standard.responsible ?? [];
    for (const department of responsible.length > 0 ? responsible : ['unassigned']) {
      if (!Object.hasOwn(byResponsible, department)) byResponsible[department] = [];
      byResponsible[department]!.push(standard.id);
    }
    return {
      standardId: standard.id,
      requirementId: standard.requirementId,
      aspectId: standard.aspectId,
      title: standard.title,
      outcome: result.standards[position]!.outcome as RemediationStep['outcome'],
      cost: costOf(position),
      responsible,
    };
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
