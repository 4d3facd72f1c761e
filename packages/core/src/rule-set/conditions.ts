import type { Condition, FactReference, LeafCondition } from './types.js';

/**
 * Conditions nested deeper than this are rejected: no real rubric needs it, and it bounds recursion.
 *
 * @example
 * ```ts
 * MAX_CONDITION_DEPTH; // 32
 * ```
 */
export const MAX_CONDITION_DEPTH = 32;

/**
 * Whether a leaf's value is another fact (`{ fact: 'requiredGreenArea' }`) rather than a literal.
 *
 * @example
 * ```ts
 * isFactReference({ fact: 'requiredGreenArea' }); // true
 * isFactReference(1000); // false
 * ```
 */
export function isFactReference(value: LeafCondition['value'] | unknown): value is FactReference {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'fact' in value;
}

export function isLeaf(condition: Condition): condition is LeafCondition {
  return 'fact' in condition;
}

/**
 * Every leaf of a condition, left to right.
 *
 * @example
 * ```ts
 * leavesOf({ any: [{ fact: 'a', operator: 'equal', value: true }, { not: { fact: 'b', operator: 'lessThan', value: 3 } }] });
 * // [{ fact: 'a', … }, { fact: 'b', … }]
 * ```
 */
export function leavesOf(condition: Condition): LeafCondition[] {
  const leaves: LeafCondition[] = [];
  const visit = (node: Condition): void => {
    if (isLeaf(node)) leaves.push(node);
    else if ('all' in node) node.all.forEach(visit);
    else if ('any' in node) node.any.forEach(visit);
    else visit(node.not);
  };
  visit(condition);
  return leaves;
}

/**
 * The distinct fact ids a condition reads, in order of first use: a leaf's fact, then the fact its value
 * refers to (`{ fact: 'requiredGreenArea' }`), if any.
 *
 * @example
 * ```ts
 * factsReadBy(standard.condition); // ['cctvCoverage', 'securityStaffCount']
 * ```
 */
export function factsReadBy(condition: Condition | undefined): string[] {
  if (condition === undefined) return [];
  return [
    ...new Set(
      leavesOf(condition).flatMap((leaf) =>
        isFactReference(leaf.value) ? [leaf.fact, leaf.value.fact] : [leaf.fact],
      ),
    ),
  ];
}
