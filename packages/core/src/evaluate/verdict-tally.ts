import { type StandardPrograms, standardOutcome } from './decision-program.js';
import type { FactValues } from './fact-values.js';
import type { RubricLayout } from './layout.js';
import { OutcomeCode } from './outcome-codes.js';

/** What a verdict needs from the outcomes: the totals, and whether they pass the rule set's scoring. */
export interface VerdictTally {
  met: number;
  applicable: number;
  scaledPoints: number;
  scaledMaxPoints: number;
  /** Whether the counts pass the scoring (threshold or pass mark, requirements, aspect minimums). */
  passes: boolean;
}

/**
 * A tally to reuse, one per compiled evaluator.
 *
 * @example
 * ```ts
 * const tally = createVerdictTally();
 * tallyVerdict(layout, outcomes, tally);
 * ```
 */
export function createVerdictTally(): VerdictTally {
  return { met: 0, applicable: 0, scaledPoints: 0, scaledMaxPoints: 0, passes: false };
}

/**
 * Counts outcomes (codes from `OutcomeCode`, in layout order) into `tally` and decides whether they pass
 * the rule set's scoring — what `countOutcomes` and `passesScoring` decide, without filling an array per
 * requirement and aspect: a requirement's standards are contiguous in the layout, so each is counted as a
 * range and judged when its range ends. The per-requirement and per-aspect results are counted when first
 * read, by `countOutcomes`.
 *
 * Given `programs` (every standard's, joined by `joinStandards`) and `values`, it decides
 * each standard as it counts it, into `outcomes`: one pass, when nothing can change an outcome afterwards.
 *
 * @example
 * ```ts
 * tallyVerdict(layout, outcomes, tally);
 * const eligible = inScope === true && tally.passes;
 * ```
 */
export function tallyVerdict(
  layout: RubricLayout,
  outcomes: number[],
  tally: VerdictTally,
  programs?: StandardPrograms,
  values?: FactValues,
): void {
  const { requirementStarts, aspectStarts, scaledPoints } = layout.hot;
  const scoring = layout.ruleSet.scoring;
  const minimum = scoring.minMetPerRequirement;
  let met = 0;
  let applicable = 0;
  let points = 0;
  let maxPoints = 0;
  let covered = true;
  const requirementCount = requirementStarts.length - 1;
  for (let requirement = 0; requirement < requirementCount; requirement++) {
    let requirementMet = 0;
    let requirementApplicable = 0;
    const end = requirementStarts[requirement + 1]!;
    for (let position = requirementStarts[requirement]!; position < end; position++) {
      if (programs !== undefined) outcomes[position] = standardOutcome(programs, position, values!);
      const outcome = outcomes[position]!;
      if (outcome === OutcomeCode.notApplicable) continue;
      requirementApplicable++;
      maxPoints += scaledPoints[position]!;
      if (outcome !== OutcomeCode.met) continue;
      requirementMet++;
      points += scaledPoints[position]!;
    }
    if (requirementApplicable !== 0 && requirementMet < minimum) covered = false;
    met += requirementMet;
    applicable += requirementApplicable;
  }
  tally.met = met;
  tally.applicable = applicable;
  tally.scaledPoints = points;
  tally.scaledMaxPoints = maxPoints;
  if (scoring.mode === 'compliance-rate') {
    tally.passes = covered && applicable !== 0 && layout.meetsThreshold(met, applicable);
    return;
  }
  let aspectsPass = points >= layout.scaledPassMark;
  const minimums = layout.scaledAspectMinimums;
  for (let aspect = 0; aspectsPass && aspect < minimums.length; aspect++) {
    let aspectPoints = 0;
    const end = aspectStarts[aspect + 1]!;
    for (let position = aspectStarts[aspect]!; position < end; position++)
      if (outcomes[position] === OutcomeCode.met) aspectPoints += scaledPoints[position]!;
    if (aspectPoints < minimums[aspect]!) aspectsPass = false;
  }
  tally.passes = covered && aspectsPass;
}
