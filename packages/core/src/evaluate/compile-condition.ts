import type { FactIndex } from '../assessment/read-facts.js';
import type { ExplanationNode } from '../result/types.js';
import { factsReadBy, isLeaf } from '../rule-set/conditions.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { Condition, FactValue } from '../rule-set/types.js';

/** An assessment's facts in catalog order; `undefined` where the assessment lacks one. */
export type FactValues = readonly (FactValue | undefined)[];

/** A condition compiled to closures over catalog positions: no `eval`, no `new Function`. */
export interface CompiledCondition {
  /** Catalog positions of the facts it reads. */
  readonly factPositions: readonly number[];
  /** The verdict, short-circuiting. Only call when every fact in `factPositions` is present. */
  readonly test: (values: FactValues) => boolean;
  /** Every node evaluated, no short circuit; `null` results where a fact is missing. */
  readonly explain: (values: FactValues) => ExplanationNode;
}

export function compileCondition(
  condition: Condition,
  facts: FactIndex,
  operators: ReadonlyMap<string, OperatorDefinition>,
): CompiledCondition {
  return {
    factPositions: factsReadBy(condition).map((factId) => facts.positionOf.get(factId)!),
    test: compileTest(condition, facts, operators),
    explain: compileExplain(condition, facts, operators),
  };
}

function compileTest(
  condition: Condition,
  facts: FactIndex,
  operators: ReadonlyMap<string, OperatorDefinition>,
): (values: FactValues) => boolean {
  if (isLeaf(condition)) {
    const position = facts.positionOf.get(condition.fact)!;
    const evaluate = operators.get(condition.operator)!.evaluate;
    const expected = condition.value;
    return (values) => evaluate(values[position]!, expected);
  }
  if ('not' in condition) {
    const inner = compileTest(condition.not, facts, operators);
    return (values) => !inner(values);
  }
  const isAll = 'all' in condition;
  const children = (isAll ? condition.all : condition.any).map((child) =>
    compileTest(child, facts, operators),
  );
  if (children.length === 1) return children[0]!;
  if (isAll) {
    return (values) => {
      for (const child of children) if (!child(values)) return false;
      return true;
    };
  }
  return (values) => {
    for (const child of children) if (child(values)) return true;
    return false;
  };
}

function compileExplain(
  condition: Condition,
  facts: FactIndex,
  operators: ReadonlyMap<string, OperatorDefinition>,
): (values: FactValues) => ExplanationNode {
  if (isLeaf(condition)) {
    const position = facts.positionOf.get(condition.fact)!;
    const evaluate = operators.get(condition.operator)!.evaluate;
    const { fact, operator, value: expected } = condition;
    return (values) => {
      const actual = values[position];
      return actual === undefined
        ? { kind: 'leaf', fact, operator, expected, actual: null, result: null }
        : { kind: 'leaf', fact, operator, expected, actual, result: evaluate(actual, expected) };
    };
  }
  if ('not' in condition) {
    const inner = compileExplain(condition.not, facts, operators);
    return (values) => {
      const child = inner(values);
      return { kind: 'not', result: child.result === null ? null : !child.result, child };
    };
  }
  const kind = 'all' in condition ? 'all' : 'any';
  const compiledChildren = ('all' in condition ? condition.all : condition.any).map((child) =>
    compileExplain(child, facts, operators),
  );
  return (values) => {
    const children = compiledChildren.map((explainChild) => explainChild(values));
    return { kind, result: combine(kind, children), children };
  };
}

/**
 * `all` / `any` over explained children. Undecided (`null`) whenever any child is undecided: a standard
 * that reads a missing fact is `missing-data`, never decided on the facts that happen to be present.
 */
export function combine(kind: 'all' | 'any', children: readonly ExplanationNode[]): boolean | null {
  if (children.some((child) => child.result === null)) return null;
  return kind === 'all' ? children.every((child) => child.result) : children.some((child) => child.result);
}
