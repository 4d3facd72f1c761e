import type {
  Assessment,
  EvaluationResult,
  ExplanationNode,
  OperatorDefinition,
  Outcome,
} from '@sunshine-rubric/core';
import { builtInOperators, isFactReference } from '@sunshine-rubric/core/internal';

/**
 * Problems with how a result explains itself: an outcome its explanation does not support, a leaf whose
 * `actual` is not the assessment's value, a leaf or node whose result does not follow from its parts.
 * Empty when every explanation agrees.
 *
 * @example
 * ```ts
 * expect(explanationDisagreements(evaluate(ruleSet, assessment), assessment)).toEqual([]);
 * ```
 */
export function explanationDisagreements(
  result: EvaluationResult,
  assessment: Assessment,
  operators: readonly OperatorDefinition[] = [],
): string[] {
  const table = new Map([...builtInOperators, ...operators].map((operator) => [operator.name, operator]));
  const problems: string[] = [];
  for (const standard of result.standards) {
    const explanation = standard.explanation;
    if (!explanation) continue;
    const check = (node: ExplanationNode, where: string) =>
      checkNode(node, `${standard.id} ${where}`, assessment, table, problems);
    if (explanation.applicable) check(explanation.applicable, 'applicableWhen');
    check(explanation.condition, 'condition');
    const expected = outcomeFrom(explanation.applicable?.result, explanation.condition.result);
    if (expected !== standard.outcome) {
      problems.push(`${standard.id}: outcome ${standard.outcome}, but its explanation says ${expected}`);
    }
  }
  return problems;
}

function outcomeFrom(applicable: boolean | null | undefined, condition: boolean | null): Outcome {
  if (applicable === false) return 'not-applicable';
  if (applicable === null || condition === null) return 'missing-data';
  return condition ? 'met' : 'unmet';
}

function checkNode(
  node: ExplanationNode,
  where: string,
  assessment: Assessment,
  operators: ReadonlyMap<string, OperatorDefinition>,
  problems: string[],
): void {
  if (node.kind === 'leaf') {
    const given = Object.hasOwn(assessment.facts, node.fact) ? assessment.facts[node.fact] : undefined;
    const actual = given === undefined ? null : given;
    if (actual !== node.actual)
      problems.push(
        `${where}: leaf ${node.fact} shows ${String(node.actual)}, the assessment has ${String(actual)}`,
      );
    const operator = operators.get(node.operator);
    // A fact comparison compares with the other fact's value, undecided when the assessment lacks it.
    const other = isFactReference(node.expected)
      ? Object.hasOwn(assessment.facts, node.expected.fact)
        ? (assessment.facts[node.expected.fact] ?? null)
        : null
      : node.expected;
    const expected =
      actual === null || other === null ? null : operator ? operator.evaluate(actual, other) : node.result;
    if (expected !== node.result)
      problems.push(
        `${where}: leaf ${node.fact} ${node.operator} ${JSON.stringify(node.expected)} gives ${String(node.result)}, expected ${String(expected)}`,
      );
    return;
  }
  const children = node.kind === 'not' || node.kind === 'reference' ? [node.child] : node.children;
  for (const child of children) checkNode(child, where, assessment, operators, problems);
  const results = children.map((child) => child.result);
  const expected = results.includes(null)
    ? null
    : node.kind === 'not'
      ? !results[0]
      : node.kind === 'reference'
        ? results[0]
        : node.kind === 'all'
          ? results.every(Boolean)
          : results.some(Boolean);
  if (expected !== node.result)
    problems.push(
      `${where}: ${node.kind} node gives ${String(node.result)}, its children give ${String(expected)}`,
    );
}
