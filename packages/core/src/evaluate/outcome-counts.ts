import type { AspectResult, RequirementResult } from '../result/types.js';
import type { RubricLayout } from './layout.js';
import { OutcomeCode } from './outcome-codes.js';

/** Counters by position: plain arrays, which V8 allocates several times faster than typed ones. */
export type Counters = number[];

/** A result's counts, per requirement and aspect; points scaled to integers. */
export interface OutcomeCounts {
  met: number;
  applicable: number;
  scaledPoints: number;
  scaledMaxPoints: number;
  readonly requirementMet: Counters;
  readonly requirementApplicable: Counters;
  readonly aspectMet: Counters;
  readonly aspectApplicable: Counters;
  readonly aspectPoints: Counters;
  readonly aspectMaxPoints: Counters;
}

/**
 * Counts outcomes (codes from `OutcomeCode`, in layout order) per requirement and aspect, for one result's
 * requirements, aspects and reasons (the evaluator's own verdict is tallied apart, by `tallyVerdict`). A
 * requirement's standards, and an aspect's, are contiguous in the layout: each is counted as a range, its
 * counters pushed in order, so that no counter array is made and then filled with zeros.
 *
 * @example
 * ```ts
 * const counts = countOutcomes(layout, outcomes);
 * counts.met; // standards met
 * ```
 */
export function countOutcomes(layout: RubricLayout, outcomes: ArrayLike<number>): OutcomeCounts {
  const { requirementStarts, aspectStarts, scaledPoints } = layout.hot;
  const requirementMet: Counters = [];
  const requirementApplicable: Counters = [];
  for (let requirement = 0; requirement < requirementStarts.length - 1; requirement++) {
    let met = 0;
    let applicable = 0;
    for (
      let position = requirementStarts[requirement]!;
      position < requirementStarts[requirement + 1]!;
      position++
    ) {
      const outcome = outcomes[position]!;
      if (outcome === OutcomeCode.notApplicable) continue;
      applicable++;
      if (outcome === OutcomeCode.met) met++;
    }
    requirementMet.push(met);
    requirementApplicable.push(applicable);
  }
  const counts: OutcomeCounts = {
    met: 0,
    applicable: 0,
    scaledPoints: 0,
    scaledMaxPoints: 0,
    requirementMet,
    requirementApplicable,
    aspectMet: [],
    aspectApplicable: [],
    aspectPoints: [],
    aspectMaxPoints: [],
  };
  for (let aspect = 0; aspect < aspectStarts.length - 1; aspect++) {
    let met = 0;
    let applicable = 0;
    let points = 0;
    let maxPoints = 0;
    for (let position = aspectStarts[aspect]!; position < aspectStarts[aspect + 1]!; position++) {
      const outcome = outcomes[position]!;
      if (outcome === OutcomeCode.notApplicable) continue;
      applicable++;
      maxPoints += scaledPoints[position]!;
      if (outcome !== OutcomeCode.met) continue;
      met++;
      points += scaledPoints[position]!;
    }
    counts.aspectMet.push(met);
    counts.aspectApplicable.push(applicable);
    counts.aspectPoints.push(points);
    counts.aspectMaxPoints.push(maxPoints);
    counts.met += met;
    counts.applicable += applicable;
    counts.scaledPoints += points;
    counts.scaledMaxPoints += maxPoints;
  }
  return counts;
}

/**
 * Whether the counts pass the rule set's scoring: threshold or pass mark, every requirement covered, and
 * every aspect minimum (points mode). Scope is not part of it.
 *
 * @example
 * ```ts
 * const eligible = inScope === true && passesScoring(layout, counts);
 * ```
 */
export function passesScoring(layout: RubricLayout, counts: OutcomeCounts): boolean {
  const scoring = layout.ruleSet.scoring;
  if (scoring.mode === 'compliance-rate') {
    if (counts.applicable === 0 || !layout.meetsThreshold(counts.met, counts.applicable)) return false;
  } else {
    if (counts.scaledPoints < layout.scaledPassMark) return false;
    const { aspectPoints } = counts;
    const minimums = layout.scaledAspectMinimums;
    for (let position = 0; position < minimums.length; position++)
      if (aspectPoints[position]! < minimums[position]!) return false;
  }
  const { requirementMet, requirementApplicable } = counts;
  const minimum = scoring.minMetPerRequirement;
  for (let position = 0; position < requirementMet.length; position++)
    if (requirementApplicable[position] !== 0 && requirementMet[position]! < minimum) return false;
  return true;
}

/**
 * The per-requirement part of a result.
 *
 * @example
 * ```ts
 * requirementResults(layout, counts)[0]; // { id: 'R01', aspectId: 'A1', met: 2, applicable: 3, satisfied: true }
 * ```
 */
export function requirementResults(layout: RubricLayout, counts: OutcomeCounts): RequirementResult[] {
  const { requirementMet, requirementApplicable } = counts;
  const minimum = layout.ruleSet.scoring.minMetPerRequirement;
  const requirements = layout.requirements;
  const results: RequirementResult[] = new Array(requirements.length);
  for (let position = 0; position < requirements.length; position++) {
    const requirement = requirements[position]!;
    const met = requirementMet[position]!;
    const applicable = requirementApplicable[position]!;
    results[position] = {
      id: requirement.id,
      aspectId: requirement.aspectId,
      met,
      applicable,
      satisfied: applicable === 0 || met >= minimum,
    };
  }
  return results;
}

/**
 * The per-aspect part of a result (with points in points mode).
 *
 * @example
 * ```ts
 * aspectResults(layout, counts)[0]; // { id: 'A1', met: 9, applicable: 11, rate: 0.818… }
 * ```
 */
export function aspectResults(layout: RubricLayout, counts: OutcomeCounts): AspectResult[] {
  const { aspectMet, aspectApplicable, aspectPoints, aspectMaxPoints } = counts;
  const isPoints = layout.ruleSet.scoring.mode === 'points';
  const scale = layout.pointsScale;
  const aspects = layout.aspects;
  const results: AspectResult[] = new Array(aspects.length);
  for (let position = 0; position < aspects.length; position++) {
    const met = aspectMet[position]!;
    const applicable = aspectApplicable[position]!;
    const id = aspects[position]!.id;
    const shareMet = rate(met, applicable);
    results[position] = isPoints
      ? {
          id,
          met,
          applicable,
          rate: shareMet,
          points: aspectPoints[position]! / scale,
          maxPoints: aspectMaxPoints[position]! / scale,
        }
      : { id, met, applicable, rate: shareMet };
  }
  return results;
}

/**
 * met ÷ applicable, 0 when nothing is applicable.
 *
 * @example
 * ```ts
 * rate(17, 20); // 0.85
 * ```
 */
export function rate(met: number, applicable: number): number {
  return applicable === 0 ? 0 : met / applicable;
}
