import type { OperatorDefinition } from '../rule-set/operators.js';
import type { FactValue } from '../rule-set/types.js';
import type { FactValues } from './fact-values.js';
import { isPluginOperator } from './plugin-operator.js';

/**
 * The test of a leaf comparing a fact with a literal. A built-in operator is written into the closure
 * itself (`values[position] === expected`) rather than called: one call site calling every operator is
 * megamorphic, so V8 can inline none of them, and leaves are most of a rule set's decisions. Plugin
 * operators (and anything else) are called as `evaluate`, which the caller has already guarded.
 *
 * Only called when the fact is present (see `CompiledCondition.test`).
 *
 * @example
 * ```ts
 * const test = literalLeafTest(operator, evaluate, position, 200);
 * test(values); // true when the fact at `position` compares as the operator says
 * ```
 */
export function literalLeafTest(
  operator: OperatorDefinition,
  evaluate: (factValue: FactValue, value: FactValue | readonly FactValue[]) => boolean,
  position: number,
  expected: FactValue | readonly FactValue[],
): (values: FactValues) => boolean {
  if (!isPluginOperator(operator)) {
    // Each built-in answers exactly as its `evaluate` in rule-set/operators.ts does.
    const scalar = expected as FactValue;
    const list = Array.isArray(expected) ? (expected as readonly FactValue[]) : undefined;
    switch (operator.name) {
      case 'equal':
        return (values) => values[position] === scalar;
      case 'notEqual':
        return (values) => values[position] !== scalar;
      case 'lessThan':
        return (values) => values[position]! < scalar;
      case 'lessThanInclusive':
        return (values) => values[position]! <= scalar;
      case 'greaterThan':
        return (values) => values[position]! > scalar;
      case 'greaterThanInclusive':
        return (values) => values[position]! >= scalar;
      case 'in':
        return list === undefined ? () => false : (values) => list.indexOf(values[position]!) > -1;
      case 'notIn':
        return list === undefined ? () => false : (values) => list.indexOf(values[position]!) === -1;
    }
  }
  return (values) => evaluate(values[position]!, expected);
}
