import type { Outcome } from '../result/types.js';

/**
 * Outcomes as small integers, so that a result's outcomes fit one array of small integers and the aggregation
 * compares integers. `outcomeNames[code]` is the outcome a result shows.
 *
 * @example
 * ```ts
 * outcomeNames[OutcomeCode.met]; // 'met'
 * ```
 */
export const OutcomeCode = { met: 0, unmet: 1, notApplicable: 2, missingData: 3 } as const;

/**
 * The outcome each code stands for.
 *
 * @example
 * ```ts
 * outcomeNames[OutcomeCode.missingData]; // 'missing-data'
 * ```
 */
export const outcomeNames: readonly Outcome[] = ['met', 'unmet', 'not-applicable', 'missing-data'];

/**
 * The code of an outcome: the inverse of `outcomeNames`.
 *
 * @example
 * ```ts
 * outcomeCode('not-applicable'); // OutcomeCode.notApplicable
 * ```
 */
export function outcomeCode(outcome: Outcome): number {
  switch (outcome) {
    case 'met':
      return OutcomeCode.met;
    case 'unmet':
      return OutcomeCode.unmet;
    case 'not-applicable':
      return OutcomeCode.notApplicable;
    case 'missing-data':
      return OutcomeCode.missingData;
    default:
      // Counted as applicable and not met, as the aggregation always has.
      return OutcomeCode.unmet;
  }
}
