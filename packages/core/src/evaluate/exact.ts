import { compareFractions, countShare, exactShare, fractionOfTotal } from '../util/fraction.js';

/** Whether `count / of` reaches `threshold`, exactly: 17 of 20 reaches 0.85. `of` must be positive. */
export function reachesShare(count: number, of: number, threshold: number): boolean {
  return thresholdTest(threshold)(count, of);
}

/**
 * {@link reachesShare} for one threshold, prepared once: plain integer arithmetic (exact while the
 * threshold has at most 6 decimal places and counts stay below a billion), BigInt beyond that.
 */
export function thresholdTest(threshold: number): (count: number, of: number) => boolean {
  const fraction = exactShare(threshold);
  if (fraction.denominator <= 1_000_000n) {
    const numerator = Number(fraction.numerator);
    const denominator = Number(fraction.denominator);
    return (count, of) => count * denominator >= numerator * of;
  }
  return (count, of) => compareFractions(countShare(count, of), fraction) >= 0;
}

/** The smallest count out of `of` that reaches `threshold`, exactly. */
export function requiredCount(of: number, threshold: number): number {
  return fractionOfTotal(exactShare(threshold), of, 'ceil');
}

/** The power of ten that writes every one of `values` as an integer (their decimal places, as written). */
export function decimalScale(values: readonly number[]): number {
  let scale = 1n;
  for (const value of values) {
    const { denominator } = exactShare(value);
    if (denominator > scale) scale = denominator;
  }
  return Number(scale);
}

/** `value × scale` as an integer, where `scale` came from {@link decimalScale} over a list holding `value`. */
export function toScaledInteger(value: number, scale: number): number {
  return Math.round(value * scale);
}
