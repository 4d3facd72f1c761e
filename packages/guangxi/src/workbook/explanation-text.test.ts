import { evaluate } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { allTypesRuleSet, sampleAssessment } from '../../test/workbook-fixtures.js';
import { explanationLines, explanationText } from './explanation-text.js';

describe('explanationText', () => {
  const result = evaluate(allTypesRuleSet, sampleAssessment);
  const [coverage, households] = result.standards;

  it('renders a leaf as fact, operator, expected value, actual value and a mark', () => {
    expect(explanationLines(coverage!.explanation!.condition)).toEqual(['cctvCoverage ≥ 0.9：实际 0.85 ✗']);
  });

  it('renders the applicability condition before the condition, and the outcome last', () => {
    expect(explanationText(coverage!.explanation, coverage!.outcome)).toBe(
      [
        '适用条件：',
        '  occupied = 是：实际 是 ✓',
        '标准条件：',
        '  cctvCoverage ≥ 0.9：实际 0.85 ✗',
        '→ 不符合',
      ].join('\n'),
    );
  });

  it('stops at the applicability condition when the standard does not apply', () => {
    const notOccupied = evaluate(allTypesRuleSet, {
      ...sampleAssessment,
      facts: { ...sampleAssessment.facts, occupied: false },
    });
    const standard = notOccupied.standards[0]!;
    expect(explanationText(standard.explanation, standard.outcome)).toBe(
      ['适用条件：', '  occupied = 是：实际 否 ✗', '→ 不适用'].join('\n'),
    );
  });

  it('indents all / any / not trees and shows a missing fact as 缺少数据 ？', () => {
    const missing = evaluate(allTypesRuleSet, {
      ...sampleAssessment,
      facts: { housingType: 'public-rental' },
    });
    const standard = missing.standards[1]!;
    expect(explanationText(standard.explanation, standard.outcome)).toBe(
      [
        '全部满足 ？',
        '  rentalHouseholds ≥ 200：实际 缺少数据 ？',
        '  housingType 属于 [public-rental]：实际 public-rental ✓',
        '→ 缺少数据',
      ].join('\n'),
    );
    expect(
      explanationLines({
        kind: 'not',
        result: false,
        child: {
          kind: 'leaf',
          fact: 'gasPiped',
          operator: 'equal',
          expected: true,
          actual: true,
          result: true,
        },
      }),
    ).toEqual(['不满足下列条件 ✗', '  gasPiped = 是：实际 是 ✓']);
    expect(households!.outcome).toBe('met');
  });

  it('says only the outcome when the result was computed without explanations', () => {
    expect(explanationText(undefined, 'met')).toBe('→ 符合');
  });
});
