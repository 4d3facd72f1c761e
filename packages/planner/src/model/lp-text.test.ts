import { describe, expect, it } from 'vitest';
import { lpText } from './lp-text.js';

describe('lpText', () => {
  it('writes the objective, the rows and the binaries in CPLEX LP format', () => {
    const text = lpText({
      variables: [
        { name: 'x', cost: 2 },
        { name: 'y', cost: 0 },
        { name: 'z', cost: 9_007_199_254_740_991 },
      ],
      constraints: [
        {
          name: 'pick',
          terms: [
            ['x', 1],
            ['y', -1],
            ['z', 0.5],
          ],
          sense: '>=',
          bound: 1,
        },
        { name: 'cap', terms: [], sense: '<=', bound: 3 },
      ],
    });
    expect(text).toBe(
      [
        'Minimize',
        ' obj: + 2 x + 9007199254740991 z',
        'Subject To',
        ' pick: + 1 x - 1 y + 0.5 z >= 1',
        ' cap: + 0 x <= 3',
        'Binaries',
        ' x y z',
        'End',
        '',
      ].join('\n'),
    );
  });

  it('breaks long rows over lines', () => {
    const variables = Array.from({ length: 20 }, (_, index) => ({ name: `v${index}`, cost: 1 }));
    const text = lpText({
      variables,
      constraints: [
        {
          name: 'all',
          terms: variables.map((variable) => [variable.name, 1] as const),
          sense: '=',
          bound: 4,
        },
      ],
    });
    const rows = text.split('\n');
    expect(rows.every((row) => row.length < 120)).toBe(true);
    expect(rows.filter((row) => row.includes('= 4'))).toHaveLength(1);
  });
});
