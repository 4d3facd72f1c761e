import type { FactIndex } from '../assessment/read-facts.js';
import type { ExplanationNode } from '../result/types.js';
import {
  childConditions,
  expandReference,
  factsReadBy,
  isConditionReference,
  isFactReference,
  isLeaf,
} from '../rule-set/conditions.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { Condition, ConditionReference, SharedConditions } from '../rule-set/types.js';
import {
  type DecisionProgram,
  DecisionProgramBuilder,
  fails,
  holds,
  Operation,
  operationOf,
  runDecision,
} from './decision-program.js';
import type { FactValues } from './fact-values.js';
import { literalLeafTest } from './leaf-test.js';
import { guardedEvaluate, isPluginOperator, type RuleSetPath } from './plugin-operator.js';

/** A condition compiled to closures over catalog positions: no `eval`, no `new Function`. */
export interface CompiledCondition {
  /** Catalog positions of the facts it reads. */
  readonly factPositions: readonly number[];
  /** The verdict, short-circuiting. Only call when every fact in `factPositions` is present. */
  readonly test: (values: FactValues) => boolean;
  /** `test` as a flat program, for {@link runDecision} in the evaluator's loop (no call per node). */
  readonly program: DecisionProgram;
  /** Every node evaluated, no short circuit; `null` results where a fact is missing. */
  readonly explain: (values: FactValues) => ExplanationNode;
  /**
   * Whether a leaf calls a plugin operator. Such a condition is evaluated in full (`explain`), never
   * short-circuited, so that a plugin sees the same calls — and fails the same way — whatever the mode
   * and in both backends.
   */
  readonly callsPlugin: boolean;
}

/**
 * `path` locates the condition in the rule set (e.g. `['scope']`); with it, plugin operators are guarded:
 * a throw or an answer other than true or false is `PLUGIN_FAILED` at the leaf's path (inside a shared
 * condition, the path where that condition is written: `['conditions', name, …]`). `conditions` are the
 * rule set's shared conditions, which references expand to.
 */
export function compileCondition(
  condition: Condition,
  facts: FactIndex,
  operators: ReadonlyMap<string, OperatorDefinition>,
  path: RuleSetPath = [],
  conditions?: SharedConditions,
): CompiledCondition {
  const callsPlugin = leafOperators(condition, conditions).some((name) =>
    isPluginOperator(operators.get(name)!),
  );
  const leafPath = callsPlugin ? path : undefined;
  const context: Compiling = { facts, operators, conditions };
  const builder = new DecisionProgramBuilder();
  const program = builder.program(compileProgram(condition, context, leafPath, builder, holds, fails));
  return {
    factPositions: factsReadBy(condition, conditions).map((factId) => facts.positionOf.get(factId)!),
    test: (values) => runDecision(program, values),
    program,
    explain: compileExplain(condition, context, leafPath),
    callsPlugin,
  };
}

/** What compiling one condition needs besides the condition. */
interface Compiling {
  readonly facts: FactIndex;
  readonly operators: ReadonlyMap<string, OperatorDefinition>;
  readonly conditions: SharedConditions | undefined;
}

function leafOperators(condition: Condition, conditions: SharedConditions | undefined): string[] {
  if (isLeaf(condition)) return [condition.operator];
  return childConditions(condition, conditions).flatMap((child) => leafOperators(child, conditions));
}

function childPath(path: RuleSetPath | undefined, ...segments: (string | number)[]): RuleSetPath | undefined {
  return path === undefined ? undefined : [...path, ...segments];
}

/** A shared condition is compiled where it is referenced; its leaves are located where it is written. */
function expansionOf(
  reference: ConditionReference,
  context: Compiling,
  path: RuleSetPath | undefined,
): [Condition, RuleSetPath | undefined] {
  const expansion = expandReference(reference, context.conditions);
  return [expansion, path === undefined ? undefined : ['conditions', reference.condition]];
}

function compileTest(
  condition: Condition,
  context: Compiling,
  path: RuleSetPath | undefined,
): (values: FactValues) => boolean {
  const { facts, operators } = context;
  if (isConditionReference(condition)) {
    const [expansion, at] = expansionOf(condition, context, path);
    return compileTest(expansion, context, at);
  }
  if (isLeaf(condition)) {
    const position = facts.positionOf.get(condition.fact)!;
    const evaluate = guardedEvaluate(operators.get(condition.operator)!, path);
    const expected = condition.value;
    if (isFactReference(expected)) {
      const other = facts.positionOf.get(expected.fact)!;
      return (values) => evaluate(values[position]!, values[other]!);
    }
    return literalLeafTest(operators.get(condition.operator)!, evaluate, position, expected);
  }
  if ('not' in condition) {
    const inner = compileTest(condition.not, context, childPath(path, 'not'));
    return (values) => !inner(values);
  }
  const isAll = 'all' in condition;
  const children = (isAll ? condition.all : condition.any).map((child, index) =>
    compileTest(child, context, childPath(path, isAll ? 'all' : 'any', index)),
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

/**
 * Writes `condition` into `builder`, going to `whenTrue` or `whenFalse` once decided, and returns where it
 * starts. Children are written last first, so that each one's targets are already written. A leaf that is
 * not a built-in operator compared with a literal is a `call` of its compiled test, guarded as `test` is.
 */
function compileProgram(
  condition: Condition,
  context: Compiling,
  path: RuleSetPath | undefined,
  builder: DecisionProgramBuilder,
  whenTrue: number,
  whenFalse: number,
): number {
  if (isConditionReference(condition)) {
    const [expansion, at] = expansionOf(condition, context, path);
    return compileProgram(expansion, context, at, builder, whenTrue, whenFalse);
  }
  if (isLeaf(condition)) {
    const definition = context.operators.get(condition.operator)!;
    const expected = condition.value;
    const operation =
      isPluginOperator(definition) || isFactReference(expected)
        ? Operation.call
        : operationOf(condition.operator, expected);
    if (operation === Operation.call)
      return builder.leaf(operation, 0, compileTest(condition, context, path), whenTrue, whenFalse);
    const slot = context.facts.positionOf.get(condition.fact)!;
    return builder.leaf(operation, slot, expected, whenTrue, whenFalse);
  }
  if ('not' in condition)
    return compileProgram(condition.not, context, childPath(path, 'not'), builder, whenFalse, whenTrue);
  const isAll = 'all' in condition;
  const children = isAll ? condition.all : condition.any;
  let next = isAll ? whenTrue : whenFalse;
  for (let index = children.length - 1; index >= 0; index--) {
    const childAt = childPath(path, isAll ? 'all' : 'any', index);
    next = isAll
      ? compileProgram(children[index]!, context, childAt, builder, next, whenFalse)
      : compileProgram(children[index]!, context, childAt, builder, whenTrue, next);
  }
  return next;
}

function compileExplain(
  condition: Condition,
  context: Compiling,
  path: RuleSetPath | undefined,
): (values: FactValues) => ExplanationNode {
  const { facts, operators } = context;
  if (isConditionReference(condition)) {
    const name = condition.condition;
    const [expansion, at] = expansionOf(condition, context, path);
    const inner = compileExplain(expansion, context, at);
    return (values) => {
      const child = inner(values);
      return { kind: 'reference', condition: name, result: child.result, child };
    };
  }
  if (isLeaf(condition)) {
    const position = facts.positionOf.get(condition.fact)!;
    const evaluate = guardedEvaluate(operators.get(condition.operator)!, path);
    const { fact, operator, value: expected } = condition;
    if (isFactReference(expected)) {
      const other = facts.positionOf.get(expected.fact)!;
      return (values) => {
        const actual = values[position];
        const expectedActual = values[other];
        const decided = actual !== undefined && expectedActual !== undefined;
        return {
          kind: 'leaf',
          fact,
          operator,
          expected,
          actual: actual ?? null,
          expectedActual: expectedActual ?? null,
          result: decided ? evaluate(actual, expectedActual) : null,
        };
      };
    }
    return (values) => {
      const actual = values[position];
      return actual === undefined
        ? { kind: 'leaf', fact, operator, expected, actual: null, result: null }
        : { kind: 'leaf', fact, operator, expected, actual, result: evaluate(actual, expected) };
    };
  }
  if ('not' in condition) {
    const inner = compileExplain(condition.not, context, childPath(path, 'not'));
    return (values) => {
      const child = inner(values);
      return { kind: 'not', result: child.result === null ? null : !child.result, child };
    };
  }
  const kind = 'all' in condition ? 'all' : 'any';
  const compiledChildren = ('all' in condition ? condition.all : condition.any).map((child, index) =>
    compileExplain(child, context, childPath(path, kind, index)),
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
