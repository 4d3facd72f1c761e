/**
 * How a share of a total becomes a whole count: up, to the nearest, or down. A target plan's `rounding`
 * takes these values; they are spelled here so that exact arithmetic needs nothing above it.
 *
 * @example
 * ```ts
 * const rounding: Rounding = 'ceil'; // 35% of 26 = 9.1 → 10
 * ```
 */
export type Rounding = 'ceil' | 'round' | 'floor';

/**
 * An exact rational number, `numerator / denominator` with a positive denominator. Shares are computed on
 * these, never in floating point: `0.7 * 26` is 18.199999999999999 in floating point, but 182/10 exactly.
 *
 * @example
 * ```ts
 * const share: Fraction = { numerator: 35n, denominator: 100n }; // 35%
 * ```
 */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/**
 * The exact value of a share as it is written: the decimal digits of the number (its shortest round-trip
 * form, which is what JSON holds), not its binary approximation.
 *
 * @example
 * ```ts
 * exactShare(0.35); // { numerator: 35n, denominator: 100n }
 * ```
 */
export function exactShare(share: number): Fraction {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(share));
  // Callers validate first; String() of any finite number matches.
  if (match === null) throw new RangeError(`expected a finite number, got ${share}`);
  const [, sign = '', whole = '0', fractionDigits = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fractionDigits.length;
  const digits = BigInt(`${sign}${whole}${fractionDigits}`);
  if (exponent >= 0) return { numerator: digits * 10n ** BigInt(exponent), denominator: 1n };
  return { numerator: digits, denominator: 10n ** BigInt(-exponent) };
}

/**
 * `count / total` as an exact fraction.
 *
 * @example
 * ```ts
 * countShare(11, 26); // { numerator: 11n, denominator: 26n }
 * ```
 */
export function countShare(count: number, total: number): Fraction {
  return { numerator: BigInt(count), denominator: BigInt(total) };
}

/**
 * Compares two fractions exactly: negative when `left < right`, 0 when equal, positive when `left > right`.
 *
 * @example
 * ```ts
 * compareFractions(exactShare(0.35), countShare(9, 26)); // 1: 35% is more than 9 of 26
 * ```
 */
export function compareFractions(left: Fraction, right: Fraction): number {
  const difference = left.numerator * right.denominator - right.numerator * left.denominator;
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/**
 * A whole number of estates from an exact fraction of a total: `ceil` gives at least the share, `round`
 * rounds halves up, `floor` gives at most the share.
 *
 * @example
 * ```ts
 * fractionOfTotal(exactShare(0.35), 26, 'ceil'); // 10 (35% of 26 is 9.1)
 * ```
 */
export function fractionOfTotal(fraction: Fraction, total: number, rounding: Rounding): number {
  const scaled = fraction.numerator * BigInt(total);
  const { denominator } = fraction;
  switch (rounding) {
    case 'ceil':
      return Number(-floorDivide(-scaled, denominator));
    case 'round':
      return Number(floorDivide(2n * scaled + denominator, 2n * denominator));
    case 'floor':
      return Number(floorDivide(scaled, denominator));
  }
}

/**
 * A fraction as a percentage for people to read, to one decimal place: `42.3%`, `35%`.
 *
 * @example
 * ```ts
 * formatPercent(countShare(11, 26)); // '42.3%'
 * ```
 */
export function formatPercent(fraction: Fraction): string {
  const tenthsOfPercent = Number(
    floorDivide(2000n * fraction.numerator + fraction.denominator, 2n * fraction.denominator),
  );
  const text = (tenthsOfPercent / 10).toFixed(1).replace(/\.0$/, '');
  return `${text}%`;
}

function floorDivide(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  return dividend % divisor !== 0n && dividend < 0n !== divisor < 0n ? quotient - 1n : quotient;
}
