/**
 * Freezes a plain-data tree in place and returns it, so that data the package exports cannot be changed
 * by one user under another.
 *
 * @example
 * ```ts
 * const plan = deepFreeze({ quotas: { 2021: 11 } });
 * Object.isFrozen(plan.quotas); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null || Object.isFrozen(current)) continue;
    Object.freeze(current);
    for (const child of Object.values(current)) stack.push(child);
  }
  return value;
}
