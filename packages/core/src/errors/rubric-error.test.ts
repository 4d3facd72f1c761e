import { describe, expect, it } from 'vitest';
import { clipText, quote, showValue } from '../util/show-value.js';
import { formatPath, RubricError } from './rubric-error.js';

const issue = (index: number) => ({ path: ['facts', `f${index}`], message: `problem ${index}` });

describe('RubricError.message', () => {
  it('lists the first three issues and says how many more', () => {
    const error = new RubricError('INVALID_ASSESSMENT', [1, 2, 3, 4, 5].map(issue));
    expect(error.message).toBe(
      'INVALID_ASSESSMENT: $.facts.f1: problem 1; $.facts.f2: problem 2; $.facts.f3: problem 3 (and 2 more)',
    );
  });

  it('lists one or three issues without "more"', () => {
    expect(new RubricError('INVALID_PLAN', [issue(1)]).message).toBe('INVALID_PLAN: $.facts.f1: problem 1');
    expect(new RubricError('INVALID_PLAN', [1, 2, 3].map(issue)).message).not.toContain('more');
  });

  it('clips a long issue message and a long path', () => {
    const error = new RubricError('INVALID_ASSESSMENT', [
      { path: ['facts', 'f'.repeat(10_000_000)], message: 'x'.repeat(100_000) },
    ]);
    expect(error.message.length).toBeLessThan(500);
    expect(error.message).toContain('(10000000 characters)');
    expect(error.message).toContain('(100000 characters)');
  });
});

describe('formatPath', () => {
  it('shows identifiers with dots, other keys quoted, indexes in brackets', () => {
    expect(formatPath(['aspects', 0, 'requirements', 2, 'id'])).toBe('$.aspects[0].requirements[2].id');
    expect(formatPath(['facts', 'a b'])).toBe('$.facts["a b"]');
  });

  it('clips a 10 MB key and a very long path', () => {
    expect(formatPath(['facts', 'f'.repeat(10_000_000)])).toBe(
      `$.facts["${'f'.repeat(40)}…" (10000000 characters)]`,
    );
    const deep = formatPath(Array.from({ length: 64 }, () => 'requirements'));
    expect(deep.length).toBeLessThanOrEqual(161);
    expect(deep.startsWith('$.requirements')).toBe(true);
    expect(deep.endsWith('.requirements')).toBe(true);
  });
});

describe('quote, clipText and showValue', () => {
  it('keep short text whole', () => {
    expect(quote('S01')).toBe('"S01"');
    expect(clipText('S01')).toBe('S01');
    expect(showValue('gas')).toBe('"gas"');
  });

  it('keep 60 characters of long text and say how long it was', () => {
    expect(quote('x'.repeat(100_000))).toBe(`"${'x'.repeat(60)}…" (100000 characters)`);
    expect(clipText('x'.repeat(100), 5)).toBe('xxxxx… (100 characters)');
    expect(showValue('y'.repeat(61))).toBe(`"${'y'.repeat(60)}…" (61 characters)`);
  });

  it('never split a surrogate pair', () => {
    expect(clipText(`${'x'.repeat(4)}😀😀`, 5)).toBe('xxxx… (8 characters)');
  });
});
