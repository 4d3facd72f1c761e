import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isAssessmentTimestamp } from '../util/guards.js';
import { isTimestampByHand } from './assessed-at.js';

const digit = fc.constantFrom(...'0123456789');
const twoDigits = fc.tuple(digit, digit).map(([tens, ones]) => tens + ones);
/** Two digits from 0 to `highest` (so mostly in range, and just past it), sometimes any two digits. */
const upTo = (highest: number) =>
  fc.oneof(
    {
      arbitrary: fc.integer({ min: 0, max: highest }).map((value) => String(value).padStart(2, '0')),
      weight: 4,
    },
    { arbitrary: twoDigits, weight: 1 },
  );
/** Strings shaped like timestamps, each part sometimes off: a mutated character, cut, or extended. */
const nearTimestamp = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('2021', '2024', '2100', '2000', '0000'),
      fc.tuple(digit, digit, digit, digit).map((parts) => parts.join('')),
    ),
    upTo(13),
    upTo(32),
    fc.option(
      fc.tuple(
        upTo(25),
        upTo(60),
        upTo(60),
        fc.option(fc.stringMatching(/^\.\d{0,4}$/)),
        fc.constantFrom('Z', '+08:00', '-23:59', '+24:00', '+0800', 'z', ''),
      ),
    ),
    fc.option(fc.tuple(fc.nat(30), fc.constantFrom('-', 'T', ':', '.', 'x', '٣', ' '))),
  )
  .map(([year, month, day, time, mutation]) => {
    let text = `${year}-${month}-${day}`;
    if (time) {
      const [hour, minute, second, fraction, zone] = time;
      text += `T${hour}:${minute}:${second}${fraction ?? ''}${zone}`;
    }
    if (mutation) {
      const [at, character] = mutation;
      text = text.slice(0, at) + character + text.slice(at + 1);
    }
    return text;
  });

describe('assessedAt read by hand', () => {
  test.prop([fc.oneof(nearTimestamp, fc.string({ maxLength: 30 }))], { numRuns: 20_000 })(
    'accepts exactly what isAssessmentTimestamp accepts',
    (text) => {
      expect(isTimestampByHand(text)).toBe(isAssessmentTimestamp(text));
    },
  );
});
