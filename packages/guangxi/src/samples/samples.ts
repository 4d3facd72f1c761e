import type { Assessment } from '@sunshine-rubric/core';
import belowThreshold from '../data/samples/below-threshold.json' with { type: 'json' };
import eligible from '../data/samples/eligible.json' with { type: 'json' };
import missingData from '../data/samples/missing-data.json' with { type: 'json' };
import outOfScope from '../data/samples/out-of-scope.json' with { type: 'json' };
import uncoveredRequirement from '../data/samples/uncovered-requirement.json' with { type: 'json' };

/**
 * Self-checks of five fictional estates against `guangxi-2021`, one per kind of verdict: eligible, below
 * the 85% threshold, a requirement with none met, out of scope, and missing data. For demos, tests and
 * documentation; the estates do not exist.
 *
 * @example
 * ```ts
 * const result = evaluate(guangxi2021, guangxiSamples.belowThreshold);
 * result.reasons[0]?.code; // 'BELOW_THRESHOLD'
 * ```
 */
export const guangxiSamples: Readonly<
  Record<'eligible' | 'belowThreshold' | 'uncoveredRequirement' | 'outOfScope' | 'missingData', Assessment>
> = Object.freeze({
  eligible: eligible as Assessment,
  belowThreshold: belowThreshold as Assessment,
  uncoveredRequirement: uncoveredRequirement as Assessment,
  outOfScope: outOfScope as Assessment,
  missingData: missingData as Assessment,
});
