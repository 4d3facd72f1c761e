import { compareFractions, countShare, exactShare, fractionOfTotal } from './fraction.js';

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
  return requiredCountFor(threshold)(of);
}

/**
 * {@link requiredCount} for one threshold, prepared once (the decimal parsed and reduced here, not on
 * every call): integer arithmetic while the threshold has at most 6 decimal places and counts stay below
 * a billion, BigInt beyond that.
 *
 * @example
 * ```ts
 * const required = requiredCountFor(0.85);
 * required(65); // 56
 * ```
 */
export function requiredCountFor(threshold: number): (of: number) => number {
  const fraction = exactShare(threshold);
  if (fraction.denominator <= 1_000_000n) {
    const numerator = Number(fraction.numerator);
    const denominator = Number(fraction.denominator);
    // Below a billion, numerator × of stays below 2^53, and a quotient that is not whole is at least
    // 1/denominator from the next integer, far more than a double's rounding there: the ceiling is exact.
    return (of) =>
      of <= 1_000_000_000 ? Math.ceil((numerator * of) / denominator) : fractionOfTotal(fraction, of, 'ceil');
  }
  return (of) => fractionOfTotal(fraction, of, 'ceil');
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
