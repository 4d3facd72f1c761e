import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { RubricError } from '../errors/rubric-error.js';
import { countShare, exactShare, formatPercent } from '../numbers/fraction.js';
import { shareOfTotal } from './shares.js';

describe('shareOfTotal', () => {
  test('applies the Qinzhou shares of 26 exactly, with each rounding', () => {
    expect([0.35, 0.7, 0.9, 1].map((share) => shareOfTotal(share, 26))).toEqual([10, 19, 24, 26]);
    expect([0.35, 0.7, 0.9, 1].map((share) => shareOfTotal(share, 26, 'round'))).toEqual([9, 18, 23, 26]);
    expect([0.35, 0.7, 0.9, 1].map((share) => shareOfTotal(share, 26, 'floor'))).toEqual([9, 18, 23, 26]);
  });

  test('does not let floating point push an exact share up or down', () => {
    // The traps: in floating point 0.07 × 100 is 7.000000000000001 and 0.57 × 100 is 56.99999999999999.
    expect(Math.ceil(0.07 * 100)).toBe(8);
    expect(Math.floor(0.57 * 100)).toBe(56);
    expect(shareOfTotal(0.07, 100, 'ceil')).toBe(7);
    expect(shareOfTotal(0.57, 100, 'floor')).toBe(57);
    expect(shareOfTotal(0.7, 26, 'ceil')).toBe(19);
    expect(shareOfTotal(0.5, 26, 'ceil')).toBe(13);
    expect(shareOfTotal(0.65, 20, 'ceil')).toBe(13);
  });

  test('rounds halves up with round', () => {
    expect(shareOfTotal(0.5, 25, 'round')).toBe(13);
    expect(shareOfTotal(0.5, 25, 'floor')).toBe(12);
  });

  test('rejects a share or total that is not a number with INVALID_PLAN', () => {
    for (const call of [
      () => shareOfTotal(Number.NaN, 26),
      () => shareOfTotal(0.5, -1),
      () => shareOfTotal(0.5, 2.5),
      () => shareOfTotal(1e300, 26),
    ]) {
      expect(call).toThrow(RubricError);
      try {
        call();
      } catch (error) {
        expect(RubricError.isInstance(error) && error.code).toBe('INVALID_PLAN');
      }
    }
  });

  // A share written with at most 6 decimals, k / 10^d, and the double that JSON would hold for it.
  const decimalShare = fc
    .tuple(fc.integer({ min: 0, max: 6 }), fc.nat())
    .chain(([digits, seed]) => {
      const scale = 10 ** digits;
      return fc.constant({ numerator: seed % (scale + 1), digits });
    })
    .map(({ numerator, digits }) => ({ numerator, digits, share: Number(`${numerator}e-${digits}`) }));

  test.prop([decimalShare, fc.integer({ min: 1, max: 100_000 })])(
    'ceil is the least whole number at or above share × total, exactly',
    ({ numerator, digits, share }, total) => {
      const target = BigInt(shareOfTotal(share, total, 'ceil'));
      const exact = BigInt(numerator) * BigInt(total);
      const scale = 10n ** BigInt(digits);
      expect(target * scale >= exact).toBe(true);
      expect((target - 1n) * scale < exact).toBe(true);
    },
  );

  test.prop([decimalShare, fc.integer({ min: 1, max: 100_000 })])(
    'floor ≤ round ≤ ceil, and they differ by at most one',
    ({ share }, total) => {
      const floor = shareOfTotal(share, total, 'floor');
      const round = shareOfTotal(share, total, 'round');
      const ceil = shareOfTotal(share, total, 'ceil');
      expect(floor).toBeLessThanOrEqual(round);
      expect(round).toBeLessThanOrEqual(ceil);
      expect(ceil - floor).toBeLessThanOrEqual(1);
    },
  );
});

describe('exactShare', () => {
  test('reads the decimal digits, including exponent notation', () => {
    expect(exactShare(0.35)).toEqual({ numerator: 35n, denominator: 100n });
    expect(exactShare(1)).toEqual({ numerator: 1n, denominator: 1n });
    expect(exactShare(1e-7)).toEqual({ numerator: 1n, denominator: 10_000_000n });
    expect(exactShare(-0.25)).toEqual({ numerator: -25n, denominator: 100n });
    expect(exactShare(1.5e21)).toEqual({ numerator: 1_500_000_000_000_000_000_000n, denominator: 1n });
  });
});

describe('formatPercent', () => {
  test('shows one decimal place, without a trailing .0', () => {
    expect([11, 20, 24, 26].map((count) => formatPercent(countShare(count, 26)))).toEqual([
      '42.3%',
      '76.9%',
      '92.3%',
      '100%',
    ]);
    expect(formatPercent(exactShare(0.35))).toBe('35%');
  });
});
