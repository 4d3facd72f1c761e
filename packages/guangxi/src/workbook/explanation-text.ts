import type { ExplanationNode, Outcome, StandardExplanation } from '@sunshine-rubric/core';
import { outcomeNames, valueText } from './wording.js';

const operatorSymbols: Readonly<Record<string, string>> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '属于',
  notIn: '不属于',
  contains: '包含',
  doesNotContain: '不包含',
};

/** ✓ held, ✗ did not hold, ？ undecided because a fact is missing. */
export function resultMark(result: boolean | null): string {
  if (result === null) return '？';
  return result ? '✓' : '✗';
}

/**
 * A condition as evaluated, one line per node, indented by depth: a leaf reads
 * `cctvCoverage ≥ 0.9：实际 0.85 ✗`, a missing fact `实际 缺少数据 ？`; `全部满足` / `任一满足` /
 * `不满足下列条件` head their children.
 *
 * @example
 * ```ts
 * explanationLines(result.standards[0].explanation.condition).join('\n');
 * ```
 */
export function explanationLines(node: ExplanationNode, depth = 0): string[] {
  const indent = '  '.repeat(depth);
  switch (node.kind) {
    case 'leaf': {
      const operator = operatorSymbols[node.operator] ?? node.operator;
      const actual = node.actual === null ? '缺少数据' : valueText(node.actual);
      return [
        `${indent}${node.fact} ${operator} ${valueText(node.expected)}：实际 ${actual} ${resultMark(node.result)}`,
      ];
    }
    case 'all':
    case 'any':
      return [
        `${indent}${node.kind === 'all' ? '全部满足' : '任一满足'} ${resultMark(node.result)}`,
        ...node.children.flatMap((child) => explanationLines(child, depth + 1)),
      ];
    case 'not':
      return [
        `${indent}不满足下列条件 ${resultMark(node.result)}`,
        ...explanationLines(node.child, depth + 1),
      ];
  }
}

/**
 * A standard's explanation in words for one cell: its applicability (when it has a condition for it)
 * and its condition, ending with the outcome.
 *
 * @example
 * ```ts
 * explanationText(standardResult.explanation, standardResult.outcome);
 * // 'cctvCoverage ≥ 0.9：实际 0.85 ✗\n→ 不符合'
 * ```
 */
export function explanationText(explanation: StandardExplanation | undefined, outcome: Outcome): string {
  const verdict = `→ ${outcomeNames[outcome].zh}`;
  if (explanation === undefined) return verdict;
  const lines: string[] = [];
  if (explanation.applicable) {
    lines.push('适用条件：', ...explanationLines(explanation.applicable, 1));
    if (outcome === 'not-applicable') return [...lines, verdict].join('\n');
    lines.push('标准条件：', ...explanationLines(explanation.condition, 1));
  } else {
    lines.push(...explanationLines(explanation.condition));
  }
  return [...lines, verdict].join('\n');
}
