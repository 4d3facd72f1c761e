import { describe, expect, it } from 'vitest';
import { builtInOperators } from '../rule-set/operators.js';
import type { FactValue } from '../rule-set/types.js';
import { builtInLeafTest } from './leaf-test.js';

const scalars: FactValue[] = [true, false, 0, 1, 2.5, -1, '', 'a', 'b', '1'];
const expectations: (FactValue | FactValue[])[] = [...scalars, [], [1, 'a'], [true, 2.5]];

describe('builtInLeafTest', () => {
  it('answers as each built-in operator’s evaluate does, on every pair of values', () => {
    const differing: string[] = [];
    for (const operator of builtInOperators) {
      for (const expected of expectations) {
        const test = builtInLeafTest(operator.name, 0, expected);
        if (test === undefined) continue;
        for (const actual of scalars)
          if (test([actual]) !== operator.evaluate(actual, expected))
            differing.push(`${operator.name} ${JSON.stringify(actual)} ${JSON.stringify(expected)}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('leaves any other operator to the caller', () => {
    expect(builtInLeafTest('contains', 0, 'a')).toBeUndefined();
    expect(builtInLeafTest('withinDistance', 0, 5)).toBeUndefined();
    expect(builtInLeafTest('equal', 0, 5)).toBeTypeOf('function');
  });
});
