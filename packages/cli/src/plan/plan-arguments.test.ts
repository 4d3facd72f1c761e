import { describe, expect, test } from 'vitest';
import { CliError } from '../io/run-io.js';
import { collectFix, isInlineBudget } from './plan-arguments.js';

describe('--fix <estate>=<year>', () => {
  test('collects repeated values; the estate may hold an = (split at the last one)', () => {
    const first = collectFix('qinzhou-fictional-01=2021');
    expect(collectFix(' 家兴苑=一区 = 2022 ', first)).toEqual([
      { estate: 'qinzhou-fictional-01', year: 2021 },
      { estate: '家兴苑=一区', year: 2022 },
    ]);
  });

  test.each(['qinzhou-fictional-01', '=2021', 'a=21', 'a=2021.5', 'a='])('%j is a usage error', (value) => {
    expect(() => collectFix(value)).toThrow(CliError);
    expect(() => collectFix(value)).toThrow(/expected <estate id or name>=<year>/);
  });
});

describe('--budget', () => {
  test('inline when it starts with a year and =, else a file', () => {
    expect(isInlineBudget('2021=100,2022=200')).toBe(true);
    expect(isInlineBudget(' 2021 = 100')).toBe(true);
    expect(isInlineBudget('budgets.json')).toBe(false);
    expect(isInlineBudget('2021.json')).toBe(false);
  });
});
