/**
 * Throws a `RangeError` naming the option unless `value` is a whole number of at least `least`: a
 * misspelt limit must stop the service at start, not quietly turn a timeout off.
 *
 * @example
 * ```ts
 * requireWholeNumber('bodyTimeoutMs', options.bodyTimeoutMs, 1); // RangeError for 0, -1, 1.5, NaN
 * ```
 */
export function requireWholeNumber(name: string, value: number | undefined, least: number): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < least) {
    throw new RangeError(`${name} must be a whole number of at least ${least}, not ${String(value)}`);
  }
}
