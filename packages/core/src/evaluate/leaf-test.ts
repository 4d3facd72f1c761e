import type { OperatorDefinition } from '../rule-set/operators.js';
import type { FactValue } from '../rule-set/types.js';
import { builtInLeafTest } from '../runtime/leaf-test.js';
import type { FactValues } from './fact-values.js';
import { isPluginOperator } from './plugin-operator.js';

/**
 * The test of a leaf comparing a fact with a literal: the runtime's test for a built-in operator (see
 * `builtInLeafTest`); plugin operators (and anything else) are called as `evaluate`, which the caller has
 * already guarded.
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
  // Each built-in answers exactly as its `evaluate` in rule-set/operators.ts does.
  const builtIn = isPluginOperator(operator) ? undefined : builtInLeafTest(operator.name, position, expected);
  if (builtIn !== undefined) return builtIn;
  return (values) => evaluate(values[position]!, expected);
}
