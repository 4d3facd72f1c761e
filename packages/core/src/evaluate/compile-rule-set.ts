import type { UnknownFactPolicy } from '../assessment/read-facts.js';
import type { Assessment } from '../assessment/schema.js';
import { checkOptions } from '../reading/check-options.js';
import type { EvaluationResult } from '../result/types.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { type OperatorDefinition, operatorTable } from '../rule-set/operators.js';
import type { RuleSet } from '../rule-set/types.js';
import { type CompiledCondition, compileCondition } from './compile-condition.js';
import { evaluationOf, explainOf } from './evaluate-compiled.js';
import { layoutRuleSet } from './layout.js';
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
  const run = evaluationOf({
    layout,
    scope,
    focus,
    standards,
    unknownFacts: options.unknownFacts ?? 'error',
  });

  return {
    ruleSet: defined,
    evaluate(input, evaluateOptions) {
      return run(input, explainOf(evaluateOptions));
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
