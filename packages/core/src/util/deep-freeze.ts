/**
 * Freezes a plain-data tree in place and returns it, so that data a package exports (a plugin's plan,
 * departments or tables) cannot be changed by one user under another. Everything the library defines
 * (`defineRuleSet`, `definePlugin`, `defineTargetPlan`, …) is frozen this way already.
 *
 * @example
 * ```ts
 * import { deepFreeze } from '@sunshine-rubric/core/internal';
 * export const cityDepartments = deepFreeze([{ id: 'housing', title: { zh: '住房城乡建设部门' } }]);
 * Object.isFrozen(cityDepartments[0].title); // true
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
