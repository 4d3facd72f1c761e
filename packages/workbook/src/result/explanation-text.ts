import type { Outcome, RuleSet, Standard, StandardExplanation } from '@sunshine-rubric/core';
import { explanationInWords, outcomeNames, resultMark } from '@sunshine-rubric/core/words';
import type { WorkbookLanguage } from '../cells/wording.js';

/**
 * A standard's explanation for one cell of the result workbook: core's `explanationInWords` in Chinese, one
 * line per condition, indented by depth and marked ✓ / ✗ / ? (undecided: a fact is missing), ending with
 * the outcome. In `'zh-en'` each line is followed by its English, indented under it. Given the standard, a
 * value it marks drafted is followed by `（草拟值）` / ` (drafted)`.
 *
 * @example
 * ```ts
 * explanationText(standardResult.explanation, standardResult.outcome, guangxi2021, 'zh', s28);
 * // '✗ “公共区域视频监控覆盖率是多少（0–1）？”应不低于90%（草拟值），实际为85%\n→ 不符合'
 * ```
 */
export function explanationText(
  explanation: StandardExplanation | undefined,
  outcome: Outcome,
  ruleSet: Pick<RuleSet, 'facts'>,
  language: WorkbookLanguage = 'zh',
  standard?: Pick<Standard, 'drafted'>,
): string {
  const english = language === 'zh-en';
  const lines = explanationInWords(explanation, ruleSet, standard).flatMap((line) => {
    const indent = '  '.repeat(line.depth);
    const chinese = `${indent}${resultMark(line.result)} ${line.text.zh}`;
    return english ? [chinese, `${indent}  ${line.text.en}`] : [chinese];
  });
  const { zh, en } = outcomeNames[outcome];
  return [...lines, english ? `→ ${zh} / ${en}` : `→ ${zh}`].join('\n');
}
