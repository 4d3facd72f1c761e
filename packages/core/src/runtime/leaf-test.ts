/** A fact's value, as the leaves compare it. */
type Scalar = boolean | number | string;

/**
 * The test of a leaf comparing a fact with a literal, for json-rules-engine's built-in operators, or
 * undefined for any other operator (the caller's to handle): the one definition of what each built-in
 * answers, for core's evaluator and the standalone module (self-contained, see `value-words.ts`). The
 * operator is written into the closure itself (`values[position] === expected`) rather than called: one
 * call site calling every operator is megamorphic, so V8 can inline none of them, and leaves are most of a
 * rule set's decisions. Only called when the fact is present.
 *
 * @example
 * ```ts
 * const test = builtInLeafTest('greaterThanInclusive', position, 200);
 * test?.(values); // true when the fact at `position` is at least 200
 * ```
 */
export function builtInLeafTest(
  operator: string,
  position: number,
  expected: unknown,
): ((values: readonly (Scalar | undefined)[]) => boolean) | undefined {
  const scalar = expected as Scalar;
  const list = Array.isArray(expected) ? (expected as readonly Scalar[]) : undefined;
  switch (operator) {
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
  return undefined;
}
