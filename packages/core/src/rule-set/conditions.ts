import { RubricError } from '../errors/rubric-error.js';
import { isPlainObject } from '../util/guards.js';
import { quote } from '../util/show-value.js';
import type {
  Condition,
  ConditionReference,
  FactReference,
  LeafCondition,
  SharedConditions,
} from './types.js';

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
  return isPlainObject(value) && 'fact' in value;
}

/**
 * Names that can be neither a fact id nor a shared condition's name: they would reach an object's
 * prototype wherever a name is looked up as a key.
 *
 * @example
 * ```ts
 * reservedNames.has('__proto__'); // true
 * ```
 */
export const reservedNames: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isLeaf(condition: Condition): condition is LeafCondition {
  return 'fact' in condition;
}

/**
 * Whether a condition is a reference to a shared condition (`{ condition: 'hasLifts' }`).
 *
 * @example
 * ```ts
 * isConditionReference({ condition: 'hasLifts' }); // true
 * isConditionReference({ all: [] }); // false
 * ```
 */
export function isConditionReference(condition: Condition): condition is ConditionReference {
  return 'condition' in condition;
}

/**
 * The shared condition a reference stands for: the one expansion every walker of conditions uses, so that
 * evaluation, explanations, the facts a condition reads and the exports all see the same tree.
 *
 * @throws {RubricError} `INVALID_RULE_SET` when `conditions` has no condition of that name (pass the rule
 * set's `conditions`; `defineRuleSet` has checked that every reference names one).
 * @example
 * ```ts
 * expandReference({ condition: 'hasLifts' }, ruleSet.conditions); // { all: [{ fact: 'liftCount', … }] }
 * ```
 */
export function expandReference(
  reference: ConditionReference,
  conditions: SharedConditions | undefined,
): Condition {
  const name = reference.condition;
  const named = conditions !== undefined && Object.hasOwn(conditions, name) ? conditions[name] : undefined;
  if (named === undefined) {
    throw new RubricError('INVALID_RULE_SET', [
      {
        path: ['conditions', name],
        message: `no shared condition is named ${quote(name)}: pass the rule set's conditions`,
        kind: 'unknown-condition',
      },
    ]);
  }
  return named;
}

/**
 * The conditions directly under a node, a reference seen through to its shared condition (`[]` for a leaf).
 *
 * @example
 * ```ts
 * childConditions({ not: { condition: 'hasLifts' } }, ruleSet.conditions); // [{ condition: 'hasLifts' }]
 * childConditions({ condition: 'hasLifts' }, ruleSet.conditions); // [the hasLifts tree]
 * ```
 */
export function childConditions(
  condition: Condition,
  conditions: SharedConditions | undefined,
): readonly Condition[] {
  if (isLeaf(condition)) return [];
  if (isConditionReference(condition)) return [expandReference(condition, conditions)];
  if ('not' in condition) return [condition.not];
  return 'all' in condition ? condition.all : condition.any;
}

/**
 * Every leaf of a condition, left to right, references to shared conditions expanded (pass the rule set's
 * `conditions` when the condition may hold one). A leaf of a shared condition referenced twice is listed
 * twice, as the expanded tree holds it twice.
 *
 * @throws {RubricError} `INVALID_RULE_SET` for a reference that `conditions` does not define.
 * @example
 * ```ts
 * leavesOf({ any: [{ fact: 'a', operator: 'equal', value: true }, { not: { fact: 'b', operator: 'lessThan', value: 3 } }] });
 * // [{ fact: 'a', … }, { fact: 'b', … }]
 * leavesOf(standard.condition, ruleSet.conditions); // through { condition: 'hasLifts' } too
 * ```
 */
export function leavesOf(condition: Condition, conditions?: SharedConditions): LeafCondition[] {
  const leaves: LeafCondition[] = [];
  const visit = (node: Condition): void => {
    if (isLeaf(node)) leaves.push(node);
    else childConditions(node, conditions).forEach(visit);
  };
  visit(condition);
  return leaves;
}

/**
 * The distinct fact ids a condition reads, in order of first use: a leaf's fact, then the fact its value
 * refers to (`{ fact: 'requiredGreenArea' }`), if any; through references to shared conditions (pass the
 * rule set's `conditions` when the condition may hold one).
 *
 * @throws {RubricError} `INVALID_RULE_SET` for a reference that `conditions` does not define.
 * @example
 * ```ts
 * factsReadBy(standard.condition, ruleSet.conditions); // ['cctvCoverage', 'securityStaffCount']
 * ```
 */
export function factsReadBy(condition: Condition | undefined, conditions?: SharedConditions): string[] {
  if (condition === undefined) return [];
  return [
    ...new Set(
      leavesOf(condition, conditions).flatMap((leaf) =>
        isFactReference(leaf.value) ? [leaf.fact, leaf.value.fact] : [leaf.fact],
      ),
    ),
  ];
}
