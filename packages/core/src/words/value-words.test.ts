import { describe, expect, test } from 'vitest';
import { sampleRuleSet } from '../../test/fixtures.js';
import { evaluate } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { focusInWords, outcomeNames, verdictInWords } from './outcome-names.js';
import { factValueInWords, unitInWords } from './value-words.js';

describe('factValueInWords', () => {
  test('booleans as yes/no, shares as percentages, numbers with units, lists joined, null as not answered', () => {
    expect(factValueInWords(true)).toEqual({ zh: '是', en: 'yes' });
    expect(factValueInWords(false)).toEqual({ zh: '否', en: 'no' });
    expect(factValueInWords(0.8947, { unit: 'share' })).toEqual({ zh: '89.47%', en: '89.47%' });
    expect(factValueInWords(230, { unit: 'households' })).toEqual({ zh: '230户', en: '230 households' });
    expect(factValueInWords(12, {})).toEqual({ zh: '12', en: '12' });
    expect(factValueInWords(['a', 'b'])).toEqual({ zh: 'a、b', en: 'a, b' });
    expect(factValueInWords('2021-06-30')).toEqual({ zh: '2021-06-30', en: '2021-06-30' });
    expect(factValueInWords(null)).toEqual({ zh: '未填写', en: 'not answered' });
  });
});

describe('unitInWords', () => {
  test('common units in both languages, others as written, none for shares', () => {
    expect(unitInWords('m2/household')).toEqual({ zh: '平方米/户', en: 'm²/household' });
    expect(unitInWords('furlongs')).toEqual({ zh: 'furlongs', en: 'furlongs' });
    expect(unitInWords('share')).toEqual({ zh: '', en: '' });
    expect(unitInWords(undefined)).toEqual({ zh: '', en: '' });
    expect(unitInWords('constructor')).toEqual({ zh: 'constructor', en: 'constructor' });
    expect(Object.isFrozen(unitInWords('households'))).toBe(true);
  });
});

describe('outcomeNames', () => {
  test('names every outcome in both languages, frozen', () => {
    expect(Object.keys(outcomeNames).sort()).toEqual(['met', 'missing-data', 'not-applicable', 'unmet']);
    expect(Object.isFrozen(outcomeNames)).toBe(true);
    expect(Object.values(outcomeNames).every((wording) => Object.isFrozen(wording))).toBe(true);
  });
});

describe('verdictInWords', () => {
  const scopeUnknown = {
    code: 'SCOPE_UNKNOWN',
    message: { zh: '', en: '' },
    missingFacts: ['occupied'],
  } as const;
  test('eligible, out of scope, scope unknown (data missing), or not eligible yet', () => {
    expect(verdictInWords({ eligible: true, inScope: true, reasons: [] }).zh).toBe('符合申报条件');
    expect(verdictInWords({ eligible: false, inScope: false, reasons: [] }).zh).toBe('不在创建范围');
    expect(verdictInWords({ eligible: false, inScope: false, reasons: [scopeUnknown] })).toEqual({
      zh: '缺少数据，无法判断是否在创建范围',
      en: 'scope unknown: data missing',
    });
    expect(verdictInWords({ eligible: false, inScope: true, reasons: [] })).toEqual({
      zh: '暂不符合申报条件',
      en: 'not eligible',
    });
  });

  test('says scope unknown for an assessment that lacks a fact the scope needs', () => {
    const withoutScope = evaluate(defineRuleSet(sampleRuleSet()), {
      id: 'x',
      community: { name: 'x' },
      facts: {},
    });
    expect(withoutScope.inScope).toBe(false);
    expect(verdictInWords(withoutScope).en).toBe('scope unknown: data missing');
  });
});

describe('focusInWords', () => {
  test('in the focus, outside it, unknown for missing data, and nothing for a rule set without a focus', () => {
    expect(focusInWords({ inFocus: true })).toEqual({ zh: '属于重点范围', en: 'in the focus' });
    expect(focusInWords({ inFocus: false })).toEqual({ zh: '不属于重点范围', en: 'outside the focus' });
    expect(focusInWords({ inFocus: null })?.en).toBe('focus unknown: data missing');
    expect(focusInWords({})).toBeUndefined();
  });
});
