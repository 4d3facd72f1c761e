import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem } from './json-syntax.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonSyntaxProblem', () => {
  test.prop([fc.jsonValue(), fc.constantFrom(0, 2)])('finds nothing wrong in valid JSON', (value, indent) => {
    expect(findJsonSyntaxProblem(JSON.stringify(value, null, indent))).toBeUndefined();
  });

  test.prop([fc.json(), fc.nat(), fc.string({ minLength: 1, maxLength: 2 })])(
    'agrees with JSON.parse on edited JSON, and locates the problem within the text',
    (json, at, insert) => {
      const position = at % (json.length + 1);
      const edited = json.slice(0, position) + insert + json.slice(position + 1);
      const problem = findJsonSyntaxProblem(edited);
      expect(problem === undefined).toBe(parses(edited));
      if (problem) {
        const lines = edited.split('\n');
        expect(problem.line).toBeLessThanOrEqual(lines.length);
        expect(problem.column).toBeLessThanOrEqual((lines[problem.line - 1]?.length ?? 0) + 1);
      }
    },
  );

  test.each([
    ['{"a": 1,}', 1, 9, 'expected a property name in double quotes, found "}"'],
    ['{\n  "a": tru\n}', 2, 8, 'expected a JSON value, found "t"'],
    ['[1, 2', 1, 6, "expected ',' or ']', found end of input"],
    ['{"a": "x\ny"}', 1, 9, 'expected no raw control character inside a string (escape it), found "\\n"'],
    ['{"a": 01}', 1, 8, "expected ',' or '}', found \"1\""],
    ['{} {}', 1, 4, 'expected end of input after the JSON value, found "{"'],
    ['"\\x"', 1, 3, 'expected a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found "x"'],
    ['', 1, 1, 'expected a JSON value, found end of input'],
  ])('%j: line %i, column %i', (text, line, column, message) => {
    expect(findJsonSyntaxProblem(text)).toEqual({ line, column, message });
  });

  it('reads text nested a million deep without running out of stack', () => {
    const depth = 1_000_000;
    expect(findJsonSyntaxProblem(`${'['.repeat(depth)}${']'.repeat(depth)}`)).toBeUndefined();
    expect(findJsonSyntaxProblem('['.repeat(depth))).toEqual({
      line: 1,
      column: depth + 1,
      message: 'expected a JSON value, found end of input',
    });
    expect(findJsonSyntaxProblem(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth - 1)}]`)).toEqual({
      line: 1,
      column: 6 * depth + 1,
      message: "expected ',' or '}', found \"]\"",
    });
  });
});
