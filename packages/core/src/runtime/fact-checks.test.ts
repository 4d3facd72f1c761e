import { describe, expect, it } from 'vitest';
import { factChecks } from './fact-checks.js';
import { valueWords } from './value-words.js';

const { isIsoDate, describeFactValue, describeMismatch, ownKeysOnly } = factChecks(valueWords(60));

/** The calendar as Date has it: the day exists when Date keeps it as written. */
function dateKeeps(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

describe('factChecks', () => {
  it('knows the last days of every month as Date does, for the years 0 to 2600', () => {
    const differing: string[] = [];
    for (let year = 0; year <= 2600; year++)
      for (let month = 0; month <= 13; month++)
        for (const day of [0, 1, 28, 29, 30, 31, 32]) {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          if (isIsoDate(text) !== (month >= 1 && month <= 12 && dateKeeps(year, month, day)))
            differing.push(text);
        }
    expect(differing).toEqual([]);
  });

  it('takes only YYYY-MM-DD in ASCII digits, nothing before or after', () => {
    const written = /^\d{4}-\d{2}-\d{2}$/;
    for (const text of [
      '2021-06-15',
      '２０２１-06-15',
      '2021-06-15\n',
      ' 2021-06-15',
      '2021/06/15',
      '2021-6-15',
      '+021-06-15',
      '2021-06-1x',
      '202106-15-',
      '',
    ])
      expect(isIsoDate(text)).toBe(written.test(text));
    expect(isIsoDate(20210615)).toBe(false);
  });

  it('says why a value is not a fact’s answer: its type, then its bounds', () => {
    expect(describeFactValue('1', { type: 'number', min: 0, max: 1 })).toBe(
      'expected a finite number, got "1"',
    );
    expect(describeFactValue(1.5, { type: 'number', min: 0, max: 1 })).toBe('1.5 is above the maximum 1');
    expect(describeFactValue('gas', { type: 'enum', values: ['none'] })).toBe(
      'expected one of "none", got "gas"',
    );
    expect(describeFactValue(1, { type: 'number', min: 0, max: 1 })).toBeUndefined();
  });

  it('knows when for-in sees only an object’s own keys: a plain or null-prototype object, while Object.prototype gains none', () => {
    expect(ownKeysOnly(JSON.parse('{"S01":[]}'))).toBe(true);
    expect(ownKeysOnly(Object.create(null))).toBe(true);
    expect(ownKeysOnly(Object.create({ inherited: 1 }))).toBe(false);
    expect(ownKeysOnly(new (class Entry {})())).toBe(false);
    let whilePolluted: boolean;
    Object.defineProperty(Object.prototype, 'polluted', {
      value: 1,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    try {
      whilePolluted = ownKeysOnly({});
    } finally {
      delete (Object.prototype as { polluted?: number }).polluted;
    }
    expect(whilePolluted).toBe(false);
    expect(ownKeysOnly({})).toBe(true);
  });

  it('says what each fact type expects, and what it got', () => {
    expect(
      (['boolean', 'integer', 'number', 'string', 'date', 'enum'] as const).map((type) =>
        describeMismatch(null, type, ['none', 'gas']),
      ),
    ).toEqual([
      'expected true or false, got null',
      'expected an integer, got null',
      'expected a finite number, got null',
      'expected a string, got null',
      'expected a date as YYYY-MM-DD, got null',
      'expected one of "none", "gas", got null',
    ]);
    expect(describeMismatch('gas', 'enum')).toBe('expected one of (no values), got "gas"');
    expect(
      [true, 2, 2.5, 'x', '2024-02-29', 'gas'].map((value, index) =>
        describeMismatch(
          value,
          (['boolean', 'integer', 'number', 'string', 'date', 'enum'] as const)[index]!,
          ['gas'],
        ),
      ),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
