import type { ExplanationNode, FactValue, RuleSet, StandardExplanation, Text } from '@sunshine-rubric/core';
import { type Language, say } from '../cli/language.js';
import { text, unitText } from './wording.js';

/** One line of an explanation in words, with its depth in the condition tree and whether it holds. */
export interface ExplanationLine {
  readonly depth: number;
  readonly text: string;
  /** `null` when a fact it needs is missing from the assessment. */
  readonly result: boolean | null;
}

const operatorWords: Readonly<Record<string, Text>> = {
  equal: text('应为', 'should be'),
  notEqual: text('不应为', 'should not be'),
  lessThan: text('应小于', 'should be below'),
  lessThanInclusive: text('应不超过', 'should be at most'),
  greaterThan: text('应大于', 'should be above'),
  greaterThanInclusive: text('应不低于', 'should be at least'),
  in: text('应为以下之一', 'should be one of'),
  notIn: text('不应为以下任何一项', 'should be none of'),
  contains: text('应包含', 'should contain'),
  doesNotContain: text('不应包含', 'should not contain'),
};

/**
 * A standard's explanation as lines a person reads: each condition with the expected and the actual value,
 * `applicableWhen` first (when the standard has one).
 */
export function explanationLines(
  explanation: StandardExplanation | undefined,
  ruleSet: RuleSet,
  language: Language,
): ExplanationLine[] {
  if (!explanation) return [];
  const lines: ExplanationLine[] = [];
  if (explanation.applicable) {
    lines.push({
      depth: 0,
      text: say(text('适用条件：', 'Applies when:'), language),
      result: explanation.applicable.result,
    });
    describeNode(explanation.applicable, ruleSet, language, 1, lines);
    lines.push({
      depth: 0,
      text: say(text('符合条件：', 'Met when:'), language),
      result: explanation.condition.result,
    });
    describeNode(explanation.condition, ruleSet, language, 1, lines);
  } else {
    describeNode(explanation.condition, ruleSet, language, 0, lines);
  }
  return lines;
}

function describeNode(
  node: ExplanationNode,
  ruleSet: RuleSet,
  language: Language,
  depth: number,
  lines: ExplanationLine[],
): void {
  if (node.kind === 'leaf') {
    lines.push({ depth, text: describeLeaf(node, ruleSet, language), result: node.result });
    return;
  }
  if (node.kind === 'not') {
    lines.push({
      depth,
      text: say(text('以下不应成立：', 'None of this may hold:'), language),
      result: node.result,
    });
    describeNode(node.child, ruleSet, language, depth + 1, lines);
    return;
  }
  const heading =
    node.kind === 'all'
      ? text('以下全部满足：', 'All of these:')
      : text('以下至少一项满足：', 'At least one of these:');
  lines.push({ depth, text: say(heading, language), result: node.result });
  for (const child of node.children) describeNode(child, ruleSet, language, depth + 1, lines);
}

function describeLeaf(
  leaf: Extract<ExplanationNode, { kind: 'leaf' }>,
  ruleSet: RuleSet,
  language: Language,
): string {
  const definition = ruleSet.facts[leaf.fact];
  const title = definition ? say(definition.title, language) : leaf.fact;
  const unit = unitText(definition?.unit, language);
  const share = definition?.unit === 'share';
  const words = operatorWords[leaf.operator];
  const operator = words ? say(words, language) : leaf.operator;
  const expected = valueWords(leaf.expected, language, unit, share);
  const actual =
    leaf.actual === null
      ? say(text('未填写', 'not answered'), language)
      : valueWords(leaf.actual, language, unit, share);
  return language === 'en'
    ? `“${title}” ${operator} ${expected}; it is ${actual}`
    : `“${title}”${operator}${expected}，实际为${actual}`;
}

/** A value as a person reads it: yes/no, a share as a percentage, a number with its unit. */
export function valueWords(
  value: FactValue | readonly FactValue[],
  language: Language,
  unit = '',
  share = false,
): string {
  if (Array.isArray(value)) {
    return value.map((item) => valueWords(item, language, unit, share)).join(language === 'en' ? ', ' : '、');
  }
  if (typeof value === 'boolean') return say(value ? text('是', 'yes') : text('否', 'no'), language);
  if (typeof value === 'number') {
    if (share) return `${Number((value * 100).toFixed(2))}%`;
    return unit ? `${value}${language === 'en' ? ' ' : ''}${unit}` : String(value);
  }
  return String(value);
}

/** ✓, ✗ or ? for a condition that holds, fails, or cannot be decided. */
export function resultMark(result: boolean | null): string {
  if (result === null) return '?';
  return result ? '✓' : '✗';
}
