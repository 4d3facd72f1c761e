import type { Outcome } from '../result/types.js';

/**
 * A standard's outcome from its two conditions' results (`undefined` for a standard without
 * `applicableWhen`, `null` for a condition that reads a missing fact). Both backends decide through this.
 */
export function outcomeOf(applicable: boolean | null | undefined, condition: boolean | null): Outcome {
  if (applicable === false) return 'not-applicable';
  if (applicable === null || condition === null) return 'missing-data';
  return condition ? 'met' : 'unmet';
}
