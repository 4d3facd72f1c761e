import {
  explanationInWords,
  type Outcome,
  outcomeNames,
  type RuleSet,
  resultMark,
  type StandardExplanation,
} from '@sunshine-rubric/core';

/**
 * A standard's explanation for one cell of the result workbook: core's `explanationInWords` in Chinese, one
 * line per condition, indented by depth and marked ✓ / ✗ / ? (undecided: a fact is missing), ending with
 * the outcome.
 *
 * @example
 * ```ts
 * explanationText(standardResult.explanation, standardResult.outcome, guangxi2021);
 * // '✗ “公共区域视频监控覆盖率是多少（0–1）？”应不低于90%，实际为85%\n→ 不符合'
 * ```
 */
export function explanationText(
  explanation: StandardExplanation | undefined,
  outcome: Outcome,
  ruleSet: Pick<RuleSet, 'facts'>,
): string {
  const lines = explanationInWords(explanation, ruleSet).map(
    (line) => `${'  '.repeat(line.depth)}${resultMark(line.result)} ${line.text.zh}`,
  );
  return [...lines, `→ ${outcomeNames[outcome].zh}`].join('\n');
}
