import { Engine, type RuleResult } from 'json-rules-engine';
import { readAssessment, type UnknownFactPolicy } from '../assessment/read-facts.js';
import type { Assessment } from '../assessment/schema.js';
import { assembleResult, failedLeafFacts } from '../evaluate/assemble-result.js';
import { layoutRuleSet } from '../evaluate/layout.js';
import { outcomeOf } from '../evaluate/outcome.js';
import {
  describeOperatorAnswer,
  describeOperatorThrow,
  operatorFailed,
  type RuleSetPath,
  standardPaths,
} from '../evaluate/plugin-operator.js';
import { withEvidence } from '../evaluate/result-evidence.js';
import type { ScopeVerdict } from '../evaluate/scope-verdict.js';
import { checkOptions } from '../reading/check-options.js';
import type { EvaluationResult, ExplanationNode, StandardResult } from '../result/types.js';
import {
  expandReference,
  factsReadBy,
  isConditionReference,
  isFactReference,
} from '../rule-set/conditions.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { Condition, FactReference, FactValue, RuleSet, SharedConditions } from '../rule-set/types.js';
import { FOCUS_RULE, rulesOf, SCOPE_RULE, sharedConditionsOf } from './to-rules.js';

/** Options of the json-rules-engine backend. */
export interface JsonRulesEngineOptions {
  readonly operators?: readonly OperatorDefinition[];
  readonly unknownFacts?: UnknownFactPolicy;
  /** Build explanations (default true), as the compiled evaluator does. */
  readonly explain?: boolean;
}

/** A rule set loaded into a json-rules-engine `Engine`, reused across assessments. */
export interface JsonRulesEngineEvaluator {
  readonly ruleSet: RuleSet;
  evaluate(assessment: Assessment): Promise<EvaluationResult>;
}

/**
 * The reference backend: runs the rule set's json-rules-engine rules (see `toJsonRulesEngineRules`) on
 * json-rules-engine 7 and builds the same `EvaluationResult` as the compiled evaluator — deep-equal,
 * which the library's differential property test checks.
 *
 * @example
 * ```ts
 * const reference = createJsonRulesEngineEvaluator(ruleSet);
 * const result = await reference.evaluate(assessment);
 * ```
 */
export function createJsonRulesEngineEvaluator(
  ruleSet: RuleSet,
  engineOptions?: JsonRulesEngineOptions,
): JsonRulesEngineEvaluator {
  const options = checkOptions(engineOptions);
  const operators = options.operators ?? [];
  const defined = defineRuleSet(ruleSet, { operators });
  const layout = layoutRuleSet(defined);
  const engine = new Engine(rulesOf(defined, layout.standards), { allowUndefinedFacts: true });
  for (const [name, condition] of Object.entries(sharedConditionsOf(defined)))
    engine.setCondition(name, condition as Parameters<Engine['setCondition']>[1]);
  // The failure marker travels through json-rules-engine's result tree in place of a boolean.
  for (const operator of operators)
    engine.addOperator(operator.name, reportingFailure(operator) as (a: unknown, b: unknown) => boolean);
  const paths = standardPaths(defined);
  const explain = options.explain ?? true;
  const unknownFacts = options.unknownFacts ?? 'error';

  return {
    ruleSet: defined,
    async evaluate(input) {
      const { assessment, values, evidence } = readAssessment(input, layout.facts, unknownFacts);
      const facts: Record<string, FactValue> = {};
      layout.facts.ids.forEach((factId, position) => {
        if (values[position] !== undefined) facts[factId] = values[position];
      });
      const { results, failureResults } = await engine.run(facts);
      const byName = new Map<string, RuleResult>(
        [...results, ...failureResults].map((result) => [result.name as string, result]),
      );
      throwFirstOperatorFailure(defined, layout.standards, paths, byName);
      const isMissing = (factId: string) => !Object.hasOwn(facts, factId);
      const reading: Reading = { isMissing, conditions: defined.conditions };
      const missing = new Set<string>();
      const flag = (condition: Condition) => {
        for (const factId of factsReadBy(condition, defined.conditions))
          if (isMissing(factId)) missing.add(factId);
      };

      let scope: ScopeVerdict = { inScope: true, failedFacts: [] };
      if (defined.scope) {
        const node = toExplanation(rootsOf(byName.get(SCOPE_RULE)!)[0]!, defined.scope, reading);
        if (node.result === null) flag(defined.scope);
        scope = { inScope: node.result, failedFacts: node.result === false ? failedLeafFacts(node) : [] };
      }
      if (defined.focus) {
        // Reported only: its missing facts are not flagged.
        const node = toExplanation(rootsOf(byName.get(FOCUS_RULE)!)[0]!, defined.focus, reading);
        scope = { ...scope, inFocus: node.result };
      }
      const standards: StandardResult[] = layout.standards.map((standard) => {
        const written = standard.applicableWhen
          ? [standard.applicableWhen, standard.condition]
          : [standard.condition];
        const roots = rootsOf(byName.get(standard.id)!).map((root, index) =>
          toExplanation(root, written[index]!, reading),
        );
        const [applicable, condition] = standard.applicableWhen
          ? [roots[0]!, roots[1]!]
          : [undefined, roots[0]!];
        const outcome = outcomeOf(applicable?.result, condition.result);
        if (outcome === 'missing-data')
          flag(applicable?.result === null ? standard.applicableWhen! : standard.condition);
        const base = {
          id: standard.id,
          requirementId: standard.requirementId,
          aspectId: standard.aspectId,
          outcome,
        };
        return explain
          ? { ...base, explanation: applicable ? { applicable, condition } : { condition } }
          : base;
      });
      const missingFacts = layout.facts.ids.filter((factId) => missing.has(factId));
      const evidenced = withEvidence(layout, evidence, standards);
      return assembleResult(
        layout,
        assessment.id,
        scope,
        evidenced.standards,
        missingFacts,
        evidenced.unevidenced,
      );
    },
  };
}

/**
 * {@link createJsonRulesEngineEvaluator} and `evaluate` in one call.
 *
 * @example
 * ```ts
 * const result = await evaluateWithJsonRulesEngine(ruleSet, assessment);
 * ```
 */
export function evaluateWithJsonRulesEngine(
  ruleSet: RuleSet,
  assessment: Assessment,
  options: JsonRulesEngineOptions = {},
): Promise<EvaluationResult> {
  return createJsonRulesEngineEvaluator(ruleSet, options).evaluate(assessment);
}

/**
 * What a plugin operator's wrapper answers instead of throwing: json-rules-engine keeps a leaf's answer
 * in its result tree, so the failure is found there afterwards, at its leaf — the first in rule-set order,
 * as the compiled evaluator reports it — and concurrent runs of one engine never see each other's.
 */
class OperatorFailure {
  constructor(
    readonly problem: string,
    readonly cause?: unknown,
  ) {}
}

function reportingFailure(operator: OperatorDefinition) {
  return (factValue: unknown, value: unknown): unknown => {
    // Either fact absent: undecided, and the plugin is not called (as in the compiled evaluator).
    if (factValue === undefined || value === undefined) return false;
    let answer: unknown;
    try {
      answer = operator.evaluate(factValue as FactValue, value as FactValue);
    } catch (error) {
      return new OperatorFailure(describeOperatorThrow(error), error);
    }
    const problem = describeOperatorAnswer(answer);
    return problem === undefined ? answer : new OperatorFailure(problem);
  };
}

function throwFirstOperatorFailure(
  ruleSet: RuleSet,
  standards: readonly {
    readonly id: string;
    readonly condition: Condition;
    readonly applicableWhen?: Condition | undefined;
  }[],
  paths: readonly RuleSetPath[],
  byName: ReadonlyMap<string, RuleResult>,
): void {
  const search: [JreNode, Condition, RuleSetPath][] = [];
  if (ruleSet.scope) search.push([rootsOf(byName.get(SCOPE_RULE)!)[0]!, ruleSet.scope, ['scope']]);
  if (ruleSet.focus) search.push([rootsOf(byName.get(FOCUS_RULE)!)[0]!, ruleSet.focus, ['focus']]);
  standards.forEach((standard, position) => {
    const roots = rootsOf(byName.get(standard.id)!);
    const parts = standard.applicableWhen
      ? ([
          ['applicableWhen', standard.applicableWhen],
          ['condition', standard.condition],
        ] as const)
      : ([['condition', standard.condition]] as const);
    roots.forEach((root, index) => {
      const [part, written] = parts[index]!;
      search.push([root, written, [...paths[position]!, part]]);
    });
  });
  for (const [root, written, path] of search) {
    const found = findFailure(root, written, path, ruleSet.conditions);
    if (found) throw operatorFailed(found.operator, found.path, found.failure.problem, found.failure.cause);
  }
}

/**
 * json-rules-engine writes a shared condition's tree in place of its reference, so the rule set's own tree
 * is walked beside it: a leaf inside a shared condition is located where that condition is written.
 */
function findFailure(
  node: JreNode,
  written: Condition,
  path: RuleSetPath,
  conditions: SharedConditions | undefined,
): { operator: string; path: RuleSetPath; failure: OperatorFailure } | undefined {
  if (isConditionReference(written))
    return findFailure(
      node,
      expandReference(written, conditions),
      ['conditions', written.condition],
      conditions,
    );
  if (node.all || node.any) {
    const kind = node.all ? 'all' : 'any';
    const children = (node.all ?? node.any)!;
    const writtenChildren = (written as Record<'all' | 'any', readonly Condition[]>)[kind];
    for (let index = 0; index < children.length; index++) {
      const found = findFailure(
        children[index]!,
        writtenChildren[index]!,
        [...path, kind, index],
        conditions,
      );
      if (found) return found;
    }
    return undefined;
  }
  if (node.not)
    return findFailure(node.not, (written as { not: Condition }).not, [...path, 'not'], conditions);
  const result: unknown = node.result;
  return result instanceof OperatorFailure ? { operator: node.operator!, path, failure: result } : undefined;
}

/** The evaluated conditions under a rule's top-level `all` wrapper. */
function rootsOf(ruleResult: RuleResult): JreNode[] {
  return (ruleResult.conditions as unknown as { all: JreNode[] }).all;
}

interface JreNode {
  readonly all?: JreNode[];
  readonly any?: JreNode[];
  readonly not?: JreNode;
  readonly fact?: string;
  readonly operator?: string;
  readonly value?: FactValue | FactValue[] | FactReference;
  readonly factResult?: FactValue;
  /** The value of the fact that `value` refers to (json-rules-engine resolves fact references itself). */
  readonly valueResult?: FactValue;
  readonly result?: boolean;
}

/** What reading json-rules-engine's result tree needs: which facts are absent, and the shared conditions. */
interface Reading {
  readonly isMissing: (factId: string) => boolean;
  readonly conditions: SharedConditions | undefined;
}

/**
 * json-rules-engine's evaluated condition tree as an explanation; undecided where a fact is absent. The
 * rule set's tree (`written`) is walked beside it: json-rules-engine replaces a reference by its shared
 * condition's tree, and the explanation shows the reference over that tree.
 */
function toExplanation(node: JreNode, written: Condition, reading: Reading): ExplanationNode {
  const { isMissing } = reading;
  if (isConditionReference(written)) {
    const child = toExplanation(node, expandReference(written, reading.conditions), reading);
    return { kind: 'reference', condition: written.condition, result: child.result, child };
  }
  if (node.all || node.any) {
    const kind = node.all ? 'all' : 'any';
    const writtenChildren = (written as Record<'all' | 'any', readonly Condition[]>)[kind];
    const children = (node.all ?? node.any)!.map((child, index) =>
      toExplanation(child, writtenChildren[index]!, reading),
    );
    const result = children.some((child) => child.result === null) ? null : node.result === true;
    return { kind, result, children };
  }
  if (node.not) {
    const child = toExplanation(node.not, (written as { not: Condition }).not, reading);
    return { kind: 'not', result: child.result === null ? null : node.result === true, child };
  }
  const fact = node.fact!;
  const missing = isMissing(fact);
  const expected = node.value!;
  if (isFactReference(expected)) {
    const otherMissing = isMissing(expected.fact);
    return {
      kind: 'leaf',
      fact,
      operator: node.operator!,
      expected: { fact: expected.fact },
      actual: missing ? null : node.factResult!,
      expectedActual: otherMissing ? null : node.valueResult!,
      result: missing || otherMissing ? null : node.result === true,
    };
  }
  return {
    kind: 'leaf',
    fact,
    operator: node.operator!,
    expected,
    actual: missing ? null : node.factResult!,
    result: missing ? null : node.result === true,
  };
}
