import { describe, expect, it } from 'vitest';
import { builtInOperators } from './operators.js';

describe('builtInOperators', () => {
  it("are json-rules-engine's ten, each with the fact types it fits and the kind of value it takes", () => {
    const ordered = ['integer', 'number', 'date'];
    const all = ['boolean', 'integer', 'number', 'string', 'date', 'enum'];
    expect(builtInOperators.map(({ name, factTypes, valueKind }) => [name, factTypes, valueKind])).toEqual([
      ['equal', all, 'scalar'],
      ['notEqual', all, 'scalar'],
      ['in', all, 'list'],
      ['notIn', all, 'list'],
      ['lessThan', ordered, 'scalar'],
      ['lessThanInclusive', ordered, 'scalar'],
      ['greaterThan', ordered, 'scalar'],
      ['greaterThanInclusive', ordered, 'scalar'],
      ['contains', [], 'scalar'],
      ['doesNotContain', [], 'scalar'],
    ]);
    for (const operator of builtInOperators)
      expect(Object.keys(operator)).toEqual(['name', 'factTypes', 'valueKind', 'evaluate']);
  });

  it('compare as json-rules-engine does', () => {
    const answers = builtInOperators.map((operator) => [
      operator.name,
      operator.evaluate(2, 3),
      operator.evaluate(3, 3),
      operator.evaluate(3, [1, 3]),
    ]);
    expect(answers).toEqual([
      ['equal', false, true, false],
      ['notEqual', true, false, true],
      ['in', false, false, true],
      ['notIn', false, false, false],
      ['lessThan', true, false, false],
      ['lessThanInclusive', true, true, false],
      ['greaterThan', false, false, false],
      ['greaterThanInclusive', false, true, false],
      ['contains', false, false, false],
      ['doesNotContain', false, false, false],
    ]);
  });
});
