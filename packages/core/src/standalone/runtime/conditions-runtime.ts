import type { ExplanationNode } from '../../result/types.js';
import type { FactReference, FactValue } from '../../rule-set/types.js';
import type { builtInLeafTest as leafTest } from '../../runtime/leaf-test.js';
import type { StandaloneCondition, StandaloneFact } from './types.js';

/** The facts by catalog position, as read. */
type Values = readonly (FactValue | undefined)[];

/** A condition turned into closures by {@link conditionCompiler}. */
export interface StandaloneCompiled {
  /** Catalog positions of the facts it reads, each once. */
  readonly positions: readonly number[];
  /** The verdict, short-circuiting; only called when every fact in `positions` is answered. */
  readonly test: (values: Values) => boolean;
  /** Every node evaluated; `null` results where a fact is missing. */
  readonly explain: (values: Values) => ExplanationNode;
}

/**
 * Compiles the nodes of one kind that only some rule sets have, or returns undefined for any other node;
 * `compile` compiles a child.
 */
export type NodeCompiler = (
  condition: StandaloneCondition,
  compile: (condition: StandaloneCondition) => StandaloneCompiled,
) => StandaloneCompiled | undefined;

/**
 * Turns the module's condition data into closures, with the semantics of core's `compileCondition` for
 * the built-in operators (json-rules-engine's), whose leaf tests are core's own: leaves comparing a fact
 * with a value, `all`, `any` and `not`. The kinds of node only some rule sets use (fact comparisons,
 * shared conditions) come as `extensions`, which the generator embeds only for a rule set that has them.
 * Self-contained: the generator embeds its source text in the module.
 *
 * @example
 * ```ts
 * const compile = conditionCompiler(facts, data.operators, builtInLeafTest, []);
 * compile(data.scope).test(values);
 * ```
 */
export function conditionCompiler(
  facts: readonly StandaloneFact[],
  operators: readonly string[],
  builtInLeafTest: typeof leafTest,
  extensions: readonly NodeCompiler[],
): (condition: StandaloneCondition) => StandaloneCompiled {
  const compile = (condition: StandaloneCondition): StandaloneCompiled => {
    for (const extension of extensions) {
      const compiled = extension(condition, compile);
      if (compiled !== undefined) return compiled;
    }
    const [head] = condition;
    if (typeof head === 'number') {
      const operator = operators[condition[1] as number]!;
      const expected = condition[2] as FactValue | readonly FactValue[];
      const fact = facts[head]!.id;
      // A test per operator, so that each leaf's closure compares directly instead of switching per call.
      const test = builtInLeafTest(operator, head, expected) ?? (() => false);
      return {
        positions: [head],
        test,
        explain: (values) => {
          const actual = values[head];
          const answered = actual !== undefined;
          return {
            kind: 'leaf',
            fact,
            operator,
            expected,
            actual: answered ? actual : null,
            result: answered ? test(values) : null,
          };
        },
      };
    }
    if (head === 'not') {
      const { positions, test, explain } = compile(condition[1] as StandaloneCondition);
      return {
        positions,
        test: (values) => !test(values),
        explain: (values) => {
          const child = explain(values);
          return { kind: 'not', result: child.result === null ? null : !child.result, child };
        },
      };
    }
    const kind = head as 'all' | 'any';
    const children = (condition.slice(1) as StandaloneCondition[]).map(compile);
    const tests = children.map((child) => child.test);
    const all = kind === 'all';
    return {
      positions: [...new Set(children.flatMap((child) => child.positions))],
      test:
        tests.length === 1
          ? tests[0]!
          : (values) => {
              for (const childTest of tests) if (childTest(values) !== all) return !all;
              return all;
            },
      explain: (values) => {
        const explained = children.map((child) => child.explain(values));
        const result = explained.some((child) => child.result === null)
          ? null
          : all
            ? explained.every((child) => child.result)
            : explained.some((child) => child.result);
        return { kind, result, children: explained };
      },
    };
  };
  return compile;
}

/**
 * The {@link NodeCompiler} of leaves comparing two facts (`[position, operator, { fact }, other]`), for
 * a rule set that has them. Self-contained: the generator embeds its source text in the module.
 *
 * @example
 * ```ts
 * const compile = conditionCompiler(facts, data.operators, builtInLeafTest, [factComparisons(facts, data.operators, builtInLeafTest)]);
 * ```
 */
export function factComparisons(
  facts: readonly StandaloneFact[],
  operators: readonly string[],
  builtInLeafTest: typeof leafTest,
): NodeCompiler {
  return (condition) => {
    if (typeof condition[0] !== 'number' || condition.length !== 4) return undefined;
    const [position, operatorIndex, expected, other] = condition as readonly [
      number,
      number,
      FactReference,
      number,
    ];
    const operator = operators[operatorIndex]!;
    const fact = facts[position]!.id;
    // Through a literal test made for the call: one switch over the operators rather than two.
    const compare = (actual: FactValue, expectedActual: FactValue): boolean =>
      (builtInLeafTest(operator, 0, expectedActual) ?? (() => false))([actual]);
    return {
      positions: position === other ? [position] : [position, other],
      test: (values) => compare(values[position]!, values[other]!),
      explain: (values) => {
        const actual = values[position];
        const expectedActual = values[other];
        return {
          kind: 'leaf',
          fact,
          operator,
          expected,
          actual: actual ?? null,
          expectedActual: expectedActual ?? null,
          result:
            actual !== undefined && expectedActual !== undefined ? compare(actual, expectedActual) : null,
        };
      },
    };
  };
}

/**
 * The {@link NodeCompiler} of references to the rule set's shared conditions (`['reference', name,
 * index]`), each compiled once, for a rule set that has them. Self-contained: the generator embeds its
 * source text in the module.
 *
 * @example
 * ```ts
 * const compile = conditionCompiler(facts, data.operators, builtInLeafTest, [sharedConditions(data.conditions)]);
 * ```
 */
export function sharedConditions(shared: readonly StandaloneCondition[]): NodeCompiler {
  const compiled: (StandaloneCompiled | undefined)[] = [];
  return (condition, compile) => {
    if (condition[0] !== 'reference') return undefined;
    const [, name, index] = condition as readonly ['reference', string, number];
    const inner = compiled[index] ?? compile(shared[index]!);
    compiled[index] = inner;
    return {
      positions: inner.positions,
      test: inner.test,
      explain: (values) => {
        const child = inner.explain(values);
        return { kind: 'reference', condition: name, result: child.result, child };
      },
    };
  };
}
