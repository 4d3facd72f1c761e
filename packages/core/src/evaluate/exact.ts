/** A non-negative decimal number as an exact fraction `numerator / 10^exponent`. */
export interface DecimalFraction {
  readonly numerator: bigint;
  readonly exponent: number;
}

/**
 * The exact decimal a JavaScript number was written as (its shortest round-trip form): 0.85 is 85/100,
 * not the binary float nearest to it. Comparing with it makes 17 of 20 exactly 85%.
 */
export function toDecimalFraction(value: number): DecimalFraction {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`expected a finite non-negative number, got ${value}`);
  const [mantissa = '0', exponentText = '0'] = String(value).toLowerCase().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  let exponent = fraction.length - Number(exponentText);
  let digits = whole + fraction;
  if (exponent < 0) {
    digits += '0'.repeat(-exponent);
    exponent = 0;
  }
  return { numerator: BigInt(digits), exponent };
}

/** Whether `count / of` reaches `threshold`, exactly. `of` must be positive. */
export function reachesShare(count: number, of: number, threshold: number): boolean {
  const { numerator, exponent } = toDecimalFraction(threshold);
  return BigInt(count) * 10n ** BigInt(exponent) >= numerator * BigInt(of);
}

/** The smallest count out of `of` that reaches `threshold`, exactly. */
export function requiredCount(of: number, threshold: number): number {
  const { numerator, exponent } = toDecimalFraction(threshold);
  const denominator = 10n ** BigInt(exponent);
  const product = numerator * BigInt(of);
  return Number((product + denominator - 1n) / denominator);
}

/** The number of decimal places needed to write every one of `values` exactly, as a power of ten. */
export function decimalScale(values: readonly number[]): number {
  let exponent = 0;
  for (const value of values) exponent = Math.max(exponent, toDecimalFraction(value).exponent);
  return 10 ** exponent;
}

/** `value × scale` as an integer, where `scale` came from {@link decimalScale} over a list holding `value`. */
export function toScaledInteger(value: number, scale: number): number {
  return Math.round(value * scale);
}
