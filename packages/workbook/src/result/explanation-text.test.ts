import { evaluate } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { allTypesRuleSet, sampleAssessment } from '../../test/workbook-fixtures.js';
import { explanationText } from './explanation-text.js';

describe('explanationText', () => {
  const result = evaluate(allTypesRuleSet, sampleAssessment);
  const [coverage, households] = result.standards;

  it('renders the applicability condition, then the condition under fact titles, marked, and the outcome last', () => {
    expect(explanationText(coverage!.explanation, coverage!.outcome, allTypesRuleSet)).toBe(
      [
        '✓ 适用条件：',
        '  ✓ “小区是否已入住？”应为是，实际为是',
        '✗ 符合条件：',
        '  ✗ “监控覆盖率？”应不低于90%，实际为85%',
        '→ 不符合',
      ].join('\n'),
    );
  });

  it('marks the values the standard says were drafted, when given the standard', () => {
    const standard = {
      drafted: [{ fact: 'cctvCoverage', value: 0.9, note: '90% 为草拟' }],
    };
    expect(
      explanationText(coverage!.explanation, coverage!.outcome, allTypesRuleSet, 'zh-en', standard),
    ).toBe(
      [
        '✓ 适用条件：',
        '  Applies when:',
        '  ✓ “小区是否已入住？”应为是，实际为是',
        '    “Occupied?” should be yes; it is yes',
        '✗ 符合条件：',
        '  Met when:',
        '  ✗ “监控覆盖率？”应不低于90%（草拟值），实际为85%',
        '    “监控覆盖率？” should be at least 90% (drafted); it is 85%',
        '→ 不符合 / unmet',
      ].join('\n'),
    );
  });

  it('stops at the applicability condition when the standard does not apply', () => {
    const notOccupied = evaluate(allTypesRuleSet, {
      ...sampleAssessment,
      facts: { ...sampleAssessment.facts, occupied: false },
    });
    const standard = notOccupied.standards[0]!;
    expect(explanationText(standard.explanation, standard.outcome, allTypesRuleSet)).toBe(
      ['✗ 适用条件：', '  ✗ “小区是否已入住？”应为是，实际为否', '→ 不适用'].join('\n'),
    );
  });

  it('indents all / any trees and shows a missing fact as 未填写 ?', () => {
    const missing = evaluate(allTypesRuleSet, {
      ...sampleAssessment,
      facts: { housingType: 'public-rental' },
    });
    const standard = missing.standards[1]!;
    expect(explanationText(standard.explanation, standard.outcome, allTypesRuleSet)).toBe(
      [
        '? 以下全部满足：',
        '  ? “租赁户数？”应不低于200户，实际为未填写',
        '  ✓ “房源类型？”应为以下之一public-rental，实际为public-rental',
        '→ 缺少数据',
      ].join('\n'),
    );
    expect(households!.outcome).toBe('met');
  });

  it('adds the English under each line in the bilingual layout', () => {
    expect(explanationText(coverage!.explanation, coverage!.outcome, allTypesRuleSet, 'zh-en')).toBe(
      [
        '✓ 适用条件：',
        '  Applies when:',
        '  ✓ “小区是否已入住？”应为是，实际为是',
        '    “Occupied?” should be yes; it is yes',
        '✗ 符合条件：',
        '  Met when:',
        '  ✗ “监控覆盖率？”应不低于90%，实际为85%',
        '    “监控覆盖率？” should be at least 90%; it is 85%',
        '→ 不符合 / unmet',
      ].join('\n'),
    );
  });

  it('says only the outcome when the result was computed without explanations', () => {
    expect(explanationText(undefined, 'met', allTypesRuleSet)).toBe('→ 符合');
  });
});
