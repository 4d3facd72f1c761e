import type { RubricLayout } from '../evaluate/layout.js';
import { requiredCount } from '../numbers/exact.js';
import type { EvaluationResult } from '../result/types.js';
import { aspectMinimumOf } from '../rule-set/aspect-minimum.js';

/** A standard that can be fixed (unmet or missing-data), with what fixing it gains and costs. */
export interface FixableStandard {
  /** Its position in the rule set. */
  readonly position: number;
  /** The position of its requirement. */
  readonly requirement: number;
  /** Units gained: 1 in compliance-rate mode, its points × the rule set's points scale in points mode. */
  readonly units: number;
  readonly cost: number;
}

/**
 * What an estate must still gain to become eligible, in whole units, and what it can fix. Every floor is
 * "at least": at least `overallFloor` more units, at least `countFloor` more standards met in each
 * requirement, at least `aspectFloors[a]` more units in aspect `a`.
 */
export interface RemediationInstance {
  readonly mode: 'compliance-rate' | 'points';
  readonly overallFloor: number;
  /** Per aspect; all 0 in compliance-rate mode (aspect minimums are a points-mode rule). */
  readonly aspectFloors: readonly number[];
  /** Per requirement: its aspect's position and how many more of its standards must be met. */
  readonly requirements: readonly { readonly aspect: number; readonly countFloor: number }[];
  /** In rule-set order. */
  readonly fixable: readonly FixableStandard[];
}

/**
 * The instance of an in-scope result that is not eligible, or undefined when no fix can help (compliance
 * rate with no applicable standard: there is no rate to raise).
 *
 * @example
 * ```ts
 * const instance = remediationInstance(layoutFor(ruleSet), result, (position) => costs[position]!);
 * ```
 */
export function remediationInstance(
  layout: RubricLayout,
  result: EvaluationResult,
  costOf: (position: number) => number,
): RemediationInstance | undefined {
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
    const minimum = Math.round((aspectMinimumOf(scoring, aspect.id) ?? 0) * scale);
    return Math.max(0, minimum - Math.round((result.aspects[position]!.points ?? 0) * scale));
  });
  const requirements = layout.requirements.map((requirement, position) => {
    const counts = result.requirements[position]!;
    const countFloor = counts.applicable === 0 ? 0 : Math.max(0, scoring.minMetPerRequirement - counts.met);
    return { aspect: requirement.aspectPosition, countFloor };
  });
  const fixable: FixableStandard[] = [];
  layout.standards.forEach((standard, position) => {
    const outcome = result.standards[position]!.outcome;
    if (outcome !== 'unmet' && outcome !== 'missing-data') return;
    fixable.push({
      position,
      requirement: standard.requirementPosition,
      units: isPoints ? standard.scaledPoints : 1,
      cost: costOf(position),
    });
  });
  return { mode: scoring.mode, overallFloor, aspectFloors, requirements, fixable };
}
