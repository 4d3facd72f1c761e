import type { ExplanationNode } from '../../result/types.js';
import type { FactReference, FactValue } from '../../rule-set/types.js';
import type { builtInLeafTest as leafTest } from '../../runtime/leaf-test.js';
import type { StandaloneCondition, StandaloneFact } from './types.js';

/** A condition turned into closures by {@link conditionCompiler}. */
export interface StandaloneCompiled {
  /** Catalog positions of the facts it reads, each once. */
  readonly positions: readonly number[];
  /** The verdict, short-circuiting; only called when every fact in `positions` is answered. */
  readonly test: (values: readonly (FactValue | undefined)[]) => boolean;
  /** Every node evaluated; `null` results where a fact is missing. */
  readonly explain: (values: readonly (FactValue | undefined)[]) => ExplanationNode;
}

/**
 * Turns the module's condition data into closures, with the semantics of core's `compileCondition` for
 * the built-in operators (json-rules-engine's), whose leaf tests are core's own. Shared conditions are compiled once. Self-contained: the
 * generator embeds its source text in the module.
 *
 * @example
 * ```ts
 * const compile = conditionCompiler(facts, data.conditions, data.operators, builtInLeafTest);
 * compile(data.standards[0][3]).test(values);
 * ```
 */
export function conditionCompiler(
  facts: readonly StandaloneFact[],
  shared: readonly StandaloneCondition[],
  operators: readonly string[],
  builtInLeafTest: typeof leafTest,
): (condition: StandaloneCondition) => StandaloneCompiled {
  type Values = readonly (FactValue | undefined)[];
  type Scalar = FactValue;
  // A test per operator, so that each leaf's closure compares directly instead of switching per call.
  const literalTest = (
    operator: string,
    position: number,
    expected: unknown,
  ): ((values: Values) => boolean) => builtInLeafTest(operator, position, expected) ?? (() => false);
  // Comparing two facts (rare) goes through a literal test made for the call: one switch over the
  // operators in the module rather than two.
  const compare = (operator: string, actual: Scalar, expected: unknown): boolean =>
    literalTest(operator, 0, expected)([actual]);
  const compiledShared: (StandaloneCompiled | undefined)[] = new Array(shared.length);
  const positionsOf = (condition: StandaloneCondition, into: Set<number>): Set<number> => {
    const [head] = condition;
    if (typeof head === 'number') {
      into.add(head);
      if (condition.length === 4) into.add(condition[3]);
    } else if (head === 'reference') positionsOf(shared[condition[2] as number]!, into);
    else for (const child of condition.slice(1) as StandaloneCondition[]) positionsOf(child, into);
    return into;
  };
  const compile = (condition: StandaloneCondition): StandaloneCompiled => {
    const [head] = condition;
    if (head === 'reference') {
      const [, name, index] = condition as readonly ['reference', string, number];
      let inner = compiledShared[index];
      if (inner === undefined) {
        inner = compile(shared[index]!);
        compiledShared[index] = inner;
      }
      const explainInner = inner.explain;
      return {
        positions: inner.positions,
        test: inner.test,
        explain: (values) => {
          const child = explainInner(values);
          return { kind: 'reference', condition: name, result: child.result, child };
        },
      };
    }
    const positions = [...positionsOf(condition, new Set())];
    if (typeof head === 'number') {
      const position = head;
      const operator = operators[condition[1] as number]!;
      const expected = condition[2] as FactValue | readonly FactValue[] | FactReference;
      const fact = facts[position]!.id;
      if (condition.length === 4) {
        const other = condition[3];
        const reference = expected as FactReference;
        return {
          positions,
          test: (values) => compare(operator, values[position]!, values[other]),
          explain: (values) => {
            const actual = values[position];
            const expectedActual = values[other];
            const decided = actual !== undefined && expectedActual !== undefined;
            return {
              kind: 'leaf',
              fact,
              operator,
              expected: reference,
              actual: actual ?? null,
              expectedActual: expectedActual ?? null,
              result: decided ? compare(operator, actual, expectedActual) : null,
            };
          },
        };
      }
      const value = expected as FactValue | readonly FactValue[];
      const test = literalTest(operator, position, expected);
      return {
        positions,
        test,
        explain: (values) => {
          const actual = values[position];
          return actual === undefined
            ? { kind: 'leaf', fact, operator, expected: value, actual: null, result: null }
            : { kind: 'leaf', fact, operator, expected: value, actual, result: test(values) };
        },
      };
    }
    if (head === 'not') {
      const inner = compile(condition[1] as StandaloneCondition);
      const innerTest = inner.test;
      const innerExplain = inner.explain;
      return {
        positions,
        test: (values) => !innerTest(values),
        explain: (values) => {
          const child = innerExplain(values);
          return { kind: 'not', result: child.result === null ? null : !child.result, child };
        },
      };
    }
    const kind = head as 'all' | 'any';
    const children = (condition.slice(1) as StandaloneCondition[]).map(compile);
    const tests = children.map((child) => child.test);
    const explainers = children.map((child) => child.explain);
    const test: (values: Values) => boolean =
      tests.length === 1
        ? tests[0]!
        : kind === 'all'
          ? (values) => {
              for (const childTest of tests) if (!childTest(values)) return false;
              return true;
            }
          : (values) => {
              for (const childTest of tests) if (childTest(values)) return true;
              return false;
            };
    return {
      positions,
      test,
      explain: (values) => {
        const explained = explainers.map((explainChild) => explainChild(values));
        const result = explained.some((child) => child.result === null)
          ? null
          : kind === 'all'
            ? explained.every((child) => child.result)
            : explained.some((child) => child.result);
        return { kind, result, children: explained };
      },
    };
  };
  return compile;
}
