import { readAssessment, type UnknownFactPolicy } from '../assessment/read-facts.js';
import type { Assessment } from '../assessment/schema.js';
import type { EvaluationResult, Outcome, StandardResult } from '../result/types.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { type OperatorDefinition, operatorTable } from '../rule-set/operators.js';
import type { RuleSet } from '../rule-set/types.js';
import { checkOptions } from '../util/check-options.js';
import { assembleResult, failedLeafFacts, type ScopeVerdict } from './assemble-result.js';
import { type CompiledCondition, compileCondition, type FactValues } from './compile-condition.js';
import { layoutRuleSet, type RubricLayout } from './layout.js';
import { outcomeOf } from './outcome.js';
import { standardPaths } from './plugin-operator.js';

/** Options of {@link compileRuleSet}. */
export interface CompileOptions {
  /** Custom operators (from plugins) the rule set's conditions use. */
  readonly operators?: readonly OperatorDefinition[];
  /** An assessment fact the catalog does not declare is an error (default), or ignored. */
  readonly unknownFacts?: UnknownFactPolicy;
}

/** Options of one evaluation. */
export interface EvaluateOptions {
  /**
   * Build each standard's explanation (default true). `false` is the verdict-only fast path: the same
   * outcomes, verdict and reasons, without `explanation` on the standards.
   */
  readonly explain?: boolean;
}

/** A rule set compiled once into closures; `evaluate` is synchronous and pure. */
export interface Evaluator {
  readonly ruleSet: RuleSet;
  /**
   * Scores one assessment.
   * @throws {RubricError} `INVALID_ASSESSMENT` when the assessment does not fit the fact catalog.
   */
  evaluate(assessment: Assessment, options?: EvaluateOptions): EvaluationResult;
}

/** One shape for every standard, so the evaluation loop stays monomorphic. */
interface CompiledStandard {
  readonly id: string;
  readonly requirementId: string;
  readonly aspectId: string;
  readonly applicableWhen: CompiledCondition | undefined;
  readonly condition: CompiledCondition;
}

/**
 * Compiles every condition of a rule set into closures (no `eval`, no `new Function`, so it runs under a
 * strict Content-Security-Policy). Compile once, evaluate many times. A rule set from `defineRuleSet` is
 * not validated again (unless it uses a custom operator not given here the same way); a plain object, from
 * a JavaScript caller, is validated first.
 *
 * @throws {RubricError} `INVALID_RULE_SET` when the rule set is invalid (see {@link defineRuleSet}).
 * @example
 * ```ts
 * const evaluator = compileRuleSet(guangxi2021);
 * const result = evaluator.evaluate(assessment);
 * if (!result.eligible) for (const reason of result.reasons) console.log(reason.message.zh);
 * ```
 */
export function compileRuleSet(ruleSet: RuleSet, compileOptions?: CompileOptions): Evaluator {
  const options = checkOptions(compileOptions);
  const operators = options.operators ?? [];
  const defined = defineRuleSet(ruleSet, { operators });
  const table = operatorTable(operators);
  const layout = layoutRuleSet(defined);
  const compile = (condition: Parameters<typeof compileCondition>[0], path: readonly (string | number)[]) =>
    compileCondition(condition, layout.facts, table, path, defined.conditions);
  const scope = defined.scope ? compile(defined.scope, ['scope']) : undefined;
  const focus = defined.focus ? compile(defined.focus, ['focus']) : undefined;
  const paths = standardPaths(defined);
  const standards: CompiledStandard[] = layout.standards.map((standard, position) => ({
    id: standard.id,
    requirementId: standard.requirementId,
    aspectId: standard.aspectId,
    applicableWhen: standard.applicableWhen
      ? compile(standard.applicableWhen, [...paths[position]!, 'applicableWhen'])
      : undefined,
    condition: compile(standard.condition, [...paths[position]!, 'condition']),
  }));
  const unknownFacts = options.unknownFacts ?? 'error';

  return {
    ruleSet: defined,
    evaluate(input, evaluateOptions) {
      const { assessment, values } = readAssessment(input, layout.facts, unknownFacts);
      const missing = new Array<boolean>(values.length).fill(false);
      const scopeVerdict = decideScope(scope, focus, values, missing);
      const explain = evaluateOptions === undefined || checkOptions(evaluateOptions).explain !== false;
      const results: StandardResult[] = new Array(standards.length);
      for (let position = 0; position < standards.length; position++) {
        const standard = standards[position]!;
        results[position] = explain
          ? explainStandard(standard, values, missing)
          : {
              id: standard.id,
              requirementId: standard.requirementId,
              aspectId: standard.aspectId,
              outcome: decideVerdictOnly(standard, values, missing),
            };
      }
      return assembleResult(layout, assessment.id, scopeVerdict, results, missingFactIds(layout, missing));
    },
  };
}

/**
 * Scores one assessment against a rule set: {@link compileRuleSet} and `evaluate` in one call. Compile
 * once instead when scoring many assessments.
 *
 * @example
 * ```ts
 * const result = evaluate(ruleSet, { id: 'a1', community: { name: '示例小区' }, facts: { households: 320 } });
 * console.log(result.eligible, result.compliance.rate);
 * ```
 */
export function evaluate(
  ruleSet: RuleSet,
  assessment: Assessment,
  options?: CompileOptions & EvaluateOptions,
): EvaluationResult {
  return compileRuleSet(ruleSet, options).evaluate(assessment, options);
}

function explainStandard(standard: CompiledStandard, values: FactValues, missing: boolean[]): StandardResult {
  const applicable = standard.applicableWhen?.explain(values);
  const condition = standard.condition.explain(values);
  const outcome = outcomeOf(applicable?.result, condition.result);
  if (outcome === 'missing-data') {
    flagMissing(applicable?.result === null ? standard.applicableWhen! : standard.condition, values, missing);
  }
  return {
    id: standard.id,
    requirementId: standard.requirementId,
    aspectId: standard.aspectId,
    outcome,
    explanation: applicable ? { applicable, condition } : { condition },
  };
}

function decideVerdictOnly(standard: CompiledStandard, values: FactValues, missing: boolean[]): Outcome {
  if (standard.condition.callsPlugin || standard.applicableWhen?.callsPlugin) {
    return explainStandard(standard, values, missing).outcome;
  }
  if (standard.applicableWhen) {
    if (hasMissing(standard.applicableWhen, values)) {
      flagMissing(standard.applicableWhen, values, missing);
      return 'missing-data';
    }
    if (!standard.applicableWhen.test(values)) return 'not-applicable';
  }
  if (hasMissing(standard.condition, values)) {
    flagMissing(standard.condition, values, missing);
    return 'missing-data';
  }
  return standard.condition.test(values) ? 'met' : 'unmet';
}

function decideScope(
  scope: CompiledCondition | undefined,
  focus: CompiledCondition | undefined,
  values: FactValues,
  missing: boolean[],
): ScopeVerdict {
  const verdict = decideScopeAlone(scope, values, missing);
  // The focus is reported, never a gate: its missing facts are not flagged, so they never become a reason.
  // It is decided after the scope, as the rule set lists them, so a failing plugin is reported in that order.
  return focus ? { ...verdict, inFocus: decideFocus(focus, values) } : verdict;
}

function decideScopeAlone(
  scope: CompiledCondition | undefined,
  values: FactValues,
  missing: boolean[],
): ScopeVerdict {
  if (!scope) return { inScope: true, failedFacts: [] };
  if (scope.callsPlugin) {
    const node = scope.explain(values);
    if (node.result === null) flagMissing(scope, values, missing);
    return { inScope: node.result, failedFacts: node.result === false ? failedLeafFacts(node) : [] };
  }
  if (hasMissing(scope, values)) {
    flagMissing(scope, values, missing);
    return { inScope: null, failedFacts: [] };
  }
  if (scope.test(values)) return { inScope: true, failedFacts: [] };
  return { inScope: false, failedFacts: failedLeafFacts(scope.explain(values)) };
}

/** A condition that calls a plugin is evaluated in full, as the scope is, so both backends call it alike. */
function decideFocus(focus: CompiledCondition, values: FactValues): boolean | null {
  if (focus.callsPlugin) return focus.explain(values).result;
  return hasMissing(focus, values) ? null : focus.test(values);
}

function hasMissing(condition: CompiledCondition, values: FactValues): boolean {
  for (const position of condition.factPositions) if (values[position] === undefined) return true;
  return false;
}

function flagMissing(condition: CompiledCondition, values: FactValues, missing: boolean[]): void {
  for (const position of condition.factPositions)
    if (values[position] === undefined) missing[position] = true;
}

function missingFactIds(layout: RubricLayout, missing: readonly boolean[]): string[] {
  const ids: string[] = [];
  missing.forEach((isMissing, position) => {
    if (isMissing) ids.push(layout.facts.ids[position]!);
  });
  return ids;
}
