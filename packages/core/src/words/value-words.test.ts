import { describe, expect, test } from 'vitest';
import { outcomeNames, verdictInWords } from './outcome-names.js';
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
  });
});

describe('outcomeNames', () => {
  test('names every outcome in both languages, frozen', () => {
    expect(Object.keys(outcomeNames).sort()).toEqual(['met', 'missing-data', 'not-applicable', 'unmet']);
    expect(Object.isFrozen(outcomeNames)).toBe(true);
  });
});

describe('verdictInWords', () => {
  test('eligible, out of scope, or not eligible yet', () => {
    expect(verdictInWords({ eligible: true, inScope: true })).toEqual({ zh: '符合申报条件', en: 'eligible' });
    expect(verdictInWords({ eligible: false, inScope: false })).toEqual({
      zh: '不在创建范围',
      en: 'out of scope',
    });
    expect(verdictInWords({ eligible: false, inScope: true })).toEqual({
      zh: '暂不符合申报条件',
      en: 'not eligible',
    });
  });
});
