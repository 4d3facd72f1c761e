import { Engine, type RuleResult } from 'json-rules-engine';
import { readAssessment, type UnknownFactPolicy } from '../assessment/read-facts.js';
import type { Assessment } from '../assessment/schema.js';
import { assembleResult, failedLeafFacts, type ScopeVerdict } from '../evaluate/assemble-result.js';
import { layoutRuleSet } from '../evaluate/layout.js';
import { outcomeOf } from '../evaluate/outcome.js';
import {
  describeOperatorAnswer,
  describeOperatorThrow,
  operatorFailed,
  type RuleSetPath,
  standardPaths,
} from '../evaluate/plugin-operator.js';
import type { EvaluationResult, ExplanationNode, StandardResult } from '../result/types.js';
import { factsReadBy, isFactReference } from '../rule-set/conditions.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { Condition, FactReference, FactValue, RuleSet } from '../rule-set/types.js';
import { checkOptions } from '../util/check-options.js';
import { FOCUS_RULE, rulesOf, SCOPE_RULE } from './to-rules.js';

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
  // The failure marker travels through json-rules-engine's result tree in place of a boolean.
  for (const operator of operators)
    engine.addOperator(operator.name, reportingFailure(operator) as (a: unknown, b: unknown) => boolean);
  const paths = standardPaths(defined);
  const explain = options.explain ?? true;
  const unknownFacts = options.unknownFacts ?? 'error';

  return {
    ruleSet: defined,
    async evaluate(input) {
      const { assessment, values } = readAssessment(input, layout.facts, unknownFacts);
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
      const missing = new Set<string>();
      const flag = (condition: Condition) => {
        for (const factId of factsReadBy(condition)) if (isMissing(factId)) missing.add(factId);
      };

      let scope: ScopeVerdict = { inScope: true, failedFacts: [] };
      if (defined.scope) {
        const node = toExplanation(rootsOf(byName.get(SCOPE_RULE)!)[0]!, isMissing);
        if (node.result === null) flag(defined.scope);
        scope = { inScope: node.result, failedFacts: node.result === false ? failedLeafFacts(node) : [] };
      }
      if (defined.focus) {
        // Reported only: its missing facts are not flagged.
        const node = toExplanation(rootsOf(byName.get(FOCUS_RULE)!)[0]!, isMissing);
        scope = { ...scope, inFocus: node.result };
      }
      const standards: StandardResult[] = layout.standards.map((standard) => {
        const roots = rootsOf(byName.get(standard.id)!).map((root) => toExplanation(root, isMissing));
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
      return assembleResult(layout, assessment.id, scope, standards, missingFacts);
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
  standards: readonly { readonly id: string; readonly applicableWhen?: Condition | undefined }[],
  paths: readonly RuleSetPath[],
  byName: ReadonlyMap<string, RuleResult>,
): void {
  const search: [JreNode, RuleSetPath][] = [];
  if (ruleSet.scope) search.push([rootsOf(byName.get(SCOPE_RULE)!)[0]!, ['scope']]);
  if (ruleSet.focus) search.push([rootsOf(byName.get(FOCUS_RULE)!)[0]!, ['focus']]);
  standards.forEach((standard, position) => {
    const roots = rootsOf(byName.get(standard.id)!);
    const parts = standard.applicableWhen ? ['applicableWhen', 'condition'] : ['condition'];
    roots.forEach((root, index) => {
      search.push([root, [...paths[position]!, parts[index]!]]);
    });
  });
  for (const [root, path] of search) {
    const found = findFailure(root, path);
    if (found) throw operatorFailed(found.operator, found.path, found.failure.problem, found.failure.cause);
  }
}

function findFailure(
  node: JreNode,
  path: RuleSetPath,
): { operator: string; path: RuleSetPath; failure: OperatorFailure } | undefined {
  if (node.all || node.any) {
    const kind = node.all ? 'all' : 'any';
    const children = (node.all ?? node.any)!;
    for (let index = 0; index < children.length; index++) {
      const found = findFailure(children[index]!, [...path, kind, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (node.not) return findFailure(node.not, [...path, 'not']);
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

/** json-rules-engine's evaluated condition tree as an explanation; undecided where a fact is absent. */
function toExplanation(node: JreNode, isMissing: (factId: string) => boolean): ExplanationNode {
  if (node.all || node.any) {
    const kind = node.all ? 'all' : 'any';
    const children = (node.all ?? node.any)!.map((child) => toExplanation(child, isMissing));
    const result = children.some((child) => child.result === null) ? null : node.result === true;
    return { kind, result, children };
  }
  if (node.not) {
    const child = toExplanation(node.not, isMissing);
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
