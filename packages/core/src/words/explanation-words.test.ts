import { describe, expect, test } from 'vitest';
import { evaluate } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { explanationInWords, resultMark } from './explanation-words.js';

const ruleSet = defineRuleSet({
  id: 'words',
  version: '1.0.0',
  title: { zh: '措辞' },
  provenance: { status: 'provisional', source: 'test' },
  facts: {
    lifts: { type: 'boolean', title: { zh: '有电梯？', en: 'Lifts?' } },
    floors: { type: 'integer', title: { zh: '楼层数', en: 'Floors' }, unit: 'buildings' },
    coverage: { type: 'number', title: { zh: '覆盖率', en: 'Coverage' }, unit: 'share' },
    mode: { type: 'enum', title: { zh: '方式', en: 'Mode' }, values: ['a', 'b', 'c'] },
  },
  scoring: { mode: 'compliance-rate', threshold: 0.85, minMetPerRequirement: 1 },
  aspects: [
    {
      id: 'A1',
      title: { zh: '方面' },
      requirements: [
        {
          id: 'R1',
          title: { zh: '要求' },
          standards: [
            {
              id: 'S1',
              title: { zh: '标准' },
              applicableWhen: { fact: 'floors', operator: 'greaterThan', value: 6 },
              condition: {
                all: [
                  { fact: 'lifts', operator: 'equal', value: true },
                  {
                    any: [
                      { fact: 'coverage', operator: 'greaterThanInclusive', value: 0.9 },
                      { not: { fact: 'mode', operator: 'in', value: ['a', 'b'] } },
                    ],
                  },
                ],
              },
            },
          ],
        },
      ],
    },
  ],
});

const zhLines = (facts: Record<string, boolean | number | string>) =>
  explanationInWords(
    evaluate(ruleSet, { id: 'x', community: { name: 'x' }, facts }).standards[0]!.explanation,
    ruleSet,
  ).map((line) => ({ depth: line.depth, text: line.text.zh, result: line.result }));

describe('explanationInWords', () => {
  test('every condition with expected and actual values under the fact titles, nested, in Chinese', () => {
    expect(zhLines({ floors: 9, lifts: true, mode: 'a' })).toEqual([
      { depth: 0, text: '适用条件：', result: true },
      { depth: 1, text: '“楼层数”应大于6栋，实际为9栋', result: true },
      { depth: 0, text: '符合条件：', result: null },
      { depth: 1, text: '以下全部满足：', result: null },
      { depth: 2, text: '“有电梯？”应为是，实际为是', result: true },
      { depth: 2, text: '以下至少一项满足：', result: null },
      { depth: 3, text: '“覆盖率”应不低于90%，实际为未填写', result: null },
      { depth: 3, text: '以下不应成立：', result: false },
      { depth: 4, text: '“方式”应为以下之一a、b，实际为a', result: true },
    ]);
  });

  test('in English, shares as percentages and numbers with their units', () => {
    const result = evaluate(ruleSet, {
      id: 'x',
      community: { name: 'x' },
      facts: { floors: 9, lifts: false, coverage: 0.5, mode: 'c' },
    });
    const texts = explanationInWords(result.standards[0]!.explanation, ruleSet).map((line) => line.text.en);
    expect(texts).toContain('“Lifts?” should be yes; it is no');
    expect(texts).toContain('“Coverage” should be at least 90%; it is 50%');
    expect(texts).toContain('“Floors” should be above 6 buildings; it is 9 buildings');
  });

  test('leaves the condition out when the standard does not apply', () => {
    expect(zhLines({ floors: 3, lifts: true, coverage: 1, mode: 'c' })).toEqual([
      { depth: 0, text: '适用条件：', result: false },
      { depth: 1, text: '“楼层数”应大于6栋，实际为3栋', result: false },
    ]);
  });

  test('names a custom operator and a fact outside the catalog by their ids', () => {
    const lines = explanationInWords(
      {
        condition: {
          kind: 'leaf',
          fact: 'toString',
          operator: 'withinDistrict',
          expected: '钦南区',
          actual: null,
          result: null,
        },
      },
      ruleSet,
    );
    expect(lines).toEqual([
      {
        depth: 0,
        text: {
          zh: '“toString”withinDistrict钦南区，实际为未填写',
          en: '“toString” withinDistrict 钦南区; it is not answered',
        },
        result: null,
      },
    ]);
  });

  test('gives wording no caller can change for the next one', () => {
    const [first] = explanationInWords(
      evaluate(ruleSet, { id: 'x', community: { name: 'x' }, facts: { floors: 9 } }).standards[0]!
        .explanation,
      ruleSet,
    );
    expect(Object.isFrozen(first?.text)).toBe(true);
  });

  test('says "drafted" after each expected value the standard marks drafted, and only there', () => {
    const standard = {
      drafted: [
        { fact: 'coverage', value: 0.9, note: '90% 为草拟' },
        { fact: 'mode', value: ['a', 'b'], note: '取值为草拟' },
        { fact: 'floors', value: 7, note: 'another value: not this leaf' },
      ],
    };
    const result = evaluate(ruleSet, {
      id: 'x',
      community: { name: 'x' },
      facts: { floors: 9, lifts: true, coverage: 0.5, mode: 'c' },
    });
    const lines = explanationInWords(result.standards[0]!.explanation, ruleSet, standard);
    expect(lines.map((line) => line.text.zh)).toEqual([
      '适用条件：',
      '“楼层数”应大于6栋，实际为9栋',
      '符合条件：',
      '以下全部满足：',
      '“有电梯？”应为是，实际为是',
      '以下至少一项满足：',
      '“覆盖率”应不低于90%（草拟值），实际为50%',
      '以下不应成立：',
      '“方式”应为以下之一a、b（草拟值），实际为c',
    ]);
    expect(lines[6]!.text.en).toBe('“Coverage” should be at least 90% (drafted); it is 50%');
  });

  test('is empty for a result computed without explanations', () => {
    expect(explanationInWords(undefined, ruleSet)).toEqual([]);
  });
});

describe('resultMark', () => {
  test('marks holds, fails and undecided', () => {
    expect([true, false, null].map(resultMark)).toEqual(['✓', '✗', '?']);
  });
});
