import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLocator } from './json-locator.js';

const ruleSet = `{
  "id": "city",
  "aspects": [
    {
      "id": "A1",
      "requirements": [
        { "id": "R1", "standards": [] },
        {
          "id": "R2",
          "standards": [
            { "id": "S1", "condition": { "all": [ { "fact": "x", "operator": "equal", "value": 1 }, { "fact": "y", "operator": "equal", "value": [1, 2] } ] } },
            {
              "id": "S2",
              "condition": {
                "any": [
                  { "fact": "a", "operator": "equal", "value": true },
                  { "fact": "b", "operator": "equal", "value": null }
                ]
              }
            }
          ]
        }
      ]
    }
  ]
}`;

describe('jsonLocator', () => {
  const locator = jsonLocator(ruleSet);

  it('finds keys and elements of nested arrays by line', () => {
    expect(locator.positionOf([])).toEqual({ line: 1, column: 1 });
    expect(locator.positionOf(['id'])).toEqual({ line: 2, column: 3 });
    expect(locator.positionOf(['aspects', 0])).toEqual({ line: 4, column: 5 });
    expect(locator.positionOf(['aspects', 0, 'requirements', 1, 'id']).line).toBe(9);
    expect(locator.positionOf(['aspects', 0, 'requirements', 1, 'standards', 1]).line).toBe(12);
    expect(
      locator.positionOf(['aspects', 0, 'requirements', 1, 'standards', 1, 'condition', 'any', 1, 'value']),
    ).toEqual({ line: 17, column: 55 });
  });

  it('tells elements on one line apart by column', () => {
    const leaf = ['aspects', 0, 'requirements', 1, 'standards', 0, 'condition', 'all'];
    const first = locator.positionOf([...leaf, 0]);
    const second = locator.positionOf([...leaf, 1]);
    expect(first).toEqual({ line: 11, column: 51 });
    expect(second).toEqual({ line: 11, column: 101 });
    expect(locator.positionOf([...leaf, 1, 'value', 1])).toEqual({ line: 11, column: 150 });
  });

  it('reports a path past the document at its nearest existing ancestor', () => {
    expect(locator.positionOf(['aspects', 0, 'requirements', 0, 'title'])).toEqual({ line: 7, column: 9 });
    expect(locator.positionOf(['aspects', 5, 'id'])).toEqual({ line: 3, column: 3 });
    expect(locator.positionOf(['nothing'])).toEqual({ line: 1, column: 1 });
  });

  it('decodes keys with escapes, and takes a repeated key from its last place as JSON.parse does', () => {
    const text = '{\n  "a\\"b": 1,\n  "\\u0041\\n": { "x": [0,\n 1] },\n  "d": 1,\n  "d": 2\n}';
    const escaped = jsonLocator(text);
    expect(escaped.positionOf(['a"b'])).toEqual({ line: 2, column: 3 });
    expect(escaped.positionOf(['A\n', 'x', 1])).toEqual({ line: 4, column: 2 });
    expect(escaped.positionOf(['d'])).toEqual({ line: 6, column: 3 });
    expect(JSON.parse(text).d).toBe(2);
  });

  it('counts CRLF as one line break and skips a byte-order mark', () => {
    const locatorCrlf = jsonLocator('\ufeff{\r\n  "a": [\r\n    "x",\r\n    "y"\r\n  ]\r\n}');
    expect(locatorCrlf.positionOf(['a', 1])).toEqual({ line: 4, column: 5 });
  });

  it('handles nesting deeper than a recursive parser would', () => {
    const depth = 50_000;
    const text = `${'['.repeat(depth)}\n7${']'.repeat(depth)}`;
    const path = new Array<number>(depth).fill(0);
    expect(jsonLocator(text).positionOf(path)).toEqual({ line: 2, column: 1 });
  });

  it('finds every path of any JSON value at the place its text begins', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const locator = jsonLocator(text);
        const lines = text.split('\n');
        for (const [path, child] of pathsOf(value)) {
          const { line, column } = locator.positionOf(path);
          const rest = `${lines[line - 1]!.slice(column - 1)}\n${lines.slice(line).join('\n')}`;
          const key = path.at(-1);
          // An object member's position is its key; an array element's (and the root's) its value.
          const expected =
            typeof key === 'string' ? `${JSON.stringify(key)}:` : (JSON.stringify(child, null, indent) ?? '');
          expect(rest.startsWith(expected.split('\n')[0]!)).toBe(true);
        }
      }),
    );
  });
});

function* pathsOf(value: unknown, path: (string | number)[] = []): Generator<[(string | number)[], unknown]> {
  yield [path, value];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* pathsOf(item, [...path, index]);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* pathsOf(item, [...path, key]);
  }
}
