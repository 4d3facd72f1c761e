import { RubricError } from '../errors/rubric-error.js';
import { exactShare, fractionOfTotal } from '../numbers/fraction.js';
import { showValue } from '../util/show-value.js';
import type { Rounding } from './plan-schema.js';

/**
 * How many estates a share of the total is, computed exactly from the share's decimal digits.
 *
 * @example
 * ```ts
 * shareOfTotal(0.7, 26); // 19: 70% of 26 is 18.2 exactly, and the default rounding is 'ceil'
 * shareOfTotal(0.5, 26); // 13, not 14
 * shareOfTotal(0.35, 26, 'floor'); // 9
 * ```
 */
export function shareOfTotal(share: number, total: number, rounding: Rounding = 'ceil'): number {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RubricError('INVALID_PLAN', [
      { path: ['total'], message: `the total is a whole number of estates, got ${showValue(total)}` },
    ]);
  }
  if (typeof share !== 'number' || !Number.isFinite(share)) {
    throw new RubricError('INVALID_PLAN', [
      { path: ['share'], message: `a share is a finite number, got ${showValue(share)}` },
    ]);
  }
  if (rounding !== 'ceil' && rounding !== 'round' && rounding !== 'floor') {
    throw new RubricError('INVALID_PLAN', [
      { path: ['rounding'], message: `rounding is ceil, round or floor, got ${showValue(rounding)}` },
    ]);
  }
  const count = fractionOfTotal(exactShare(share), total, rounding);
  if (!Number.isSafeInteger(count)) {
    throw new RubricError('INVALID_PLAN', [
      { path: ['share'], message: `the share ${share} of ${total} estates is too large to count` },
    ]);
  }
  return count;
}
