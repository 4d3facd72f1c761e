import { type IssueOf, RubricError } from '../errors/rubric-error.js';
import { builtInOperators, type OperatorDefinition } from '../rule-set/operators.js';
import type { RuleSet } from '../rule-set/types.js';
import { describeThrown, quote, showValue } from '../util/show-value.js';

/** A JSON path into the rule set. */
export type RuleSetPath = readonly (string | number)[];

/** The built-ins are the library's own and always answer true or false: they are never wrapped. */
export function isPluginOperator(operator: OperatorDefinition): boolean {
  return !builtInOperators.includes(operator);
}

/**
 * Why an operator's answer is not one: `undefined` for `true` and `false`, a description otherwise. A
 * Promise is named as such, since an asynchronous operator is the likeliest mistake.
 */
export function describeOperatorAnswer(answer: unknown): string | undefined {
  if (answer === true || answer === false) return undefined;
  let isThenable: boolean;
  try {
    isThenable =
      (typeof answer === 'object' || typeof answer === 'function') &&
      answer !== null &&
      typeof (answer as { then?: unknown }).then === 'function';
  } catch {
    return 'returned a value that throws when read, not true or false';
  }
  // The evaluation fails with PLUGIN_FAILED; a rejection of the Promise it ignores must not also crash the
  // process as an unhandled rejection.
  if (answer instanceof Promise) answer.catch(() => {});
  return isThenable
    ? 'returned a Promise; operators are synchronous and return true or false'
    : `returned ${showValue(answer)}, not true or false`;
}

/** Why calling the operator threw, as a message fragment. */
export function describeOperatorThrow(error: unknown): string {
  return `threw ${describeThrown(error)}`;
}

/** The one error of a misbehaving plugin operator, the same from both backends. */
export function operatorFailed(
  operator: string,
  path: RuleSetPath,
  problem: string,
  cause?: unknown,
): RubricError {
  const issue: IssueOf<'PLUGIN_FAILED'> = {
    path,
    message: `operator ${quote(operator)} ${problem}`,
    kind: 'operator-failed',
  };
  return new RubricError('PLUGIN_FAILED', [issue], undefined, cause === undefined ? undefined : { cause });
}

/**
 * A plugin operator's `evaluate`, made to answer true or false or throw `PLUGIN_FAILED` naming the
 * operator and the condition's path. Only plugin operators pay for the check.
 */
export function guardedEvaluate(
  operator: OperatorDefinition,
  path: RuleSetPath | undefined,
): OperatorDefinition['evaluate'] {
  const evaluate = operator.evaluate;
  if (path === undefined || !isPluginOperator(operator)) return evaluate;
  return (factValue, value) => {
    let answer: unknown;
    try {
      answer = evaluate(factValue, value);
    } catch (error) {
      throw operatorFailed(operator.name, path, describeOperatorThrow(error), error);
    }
    const problem = describeOperatorAnswer(answer);
    if (problem !== undefined) throw operatorFailed(operator.name, path, problem);
    return answer as boolean;
  };
}

/**
 * The path of every standard in the order `layoutRuleSet` lists them:
 * `['aspects', a, 'requirements', r, 'standards', s]`.
 */
export function standardPaths(ruleSet: RuleSet): RuleSetPath[] {
  const paths: RuleSetPath[] = [];
  ruleSet.aspects.forEach((aspect, a) => {
    aspect.requirements.forEach((requirement, r) => {
      requirement.standards.forEach((_standard, s) => {
        paths.push(['aspects', a, 'requirements', r, 'standards', s]);
      });
    });
  });
  return paths;
}
