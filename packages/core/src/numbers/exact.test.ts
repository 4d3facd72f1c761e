import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decimalScale, reachesShare, requiredCount, requiredCountFor } from './exact.js';
import { exactShare, fractionOfTotal } from './fraction.js';

describe('exact threshold arithmetic', () => {
  it('compares decimal thresholds exactly', () => {
    expect(reachesShare(17, 20, 0.85)).toBe(true);
    expect(reachesShare(55, 65, 0.85)).toBe(false);
    expect(reachesShare(56, 65, 0.85)).toBe(true);
    expect(reachesShare(7, 10, 0.7)).toBe(true);
    // 1 / 3 is written 0.3333333333333333, a little under a third, so a third reaches it.
    expect(reachesShare(1, 3, 1 / 3)).toBe(true);
    expect(reachesShare(333, 1000, 1 / 3)).toBe(false);
    expect(reachesShare(0, 5, 0)).toBe(true);
  });

  it('finds the smallest count that reaches a threshold', () => {
    expect(requiredCount(65, 0.85)).toBe(56);
    expect(requiredCount(20, 0.85)).toBe(17);
    expect(requiredCount(64, 0.85)).toBe(55);
    expect(requiredCount(10, 1)).toBe(10);
    expect(requiredCount(10, 0)).toBe(0);
  });

  it('finds the decimal scale of point values', () => {
    expect(decimalScale([1, 2, 0.5])).toBe(10);
    expect(decimalScale([0.25, 3])).toBe(100);
    expect(decimalScale([5, 60])).toBe(1);
  });

  test.prop([fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(2_000_000)], { numRuns: 5000 })(
    'prepares the required count once, the same as the BigInt arithmetic on every call',
    (threshold, of) => {
      const required = requiredCountFor(threshold)(of);
      expect(required).toBe(fractionOfTotal(exactShare(threshold), of, 'ceil'));
      if (of > 0) expect(reachesShare(required, of, threshold)).toBe(true);
      if (of > 0 && required > 0) expect(reachesShare(required - 1, of, threshold)).toBe(false);
    },
  );
});
