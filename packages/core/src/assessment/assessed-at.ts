/**
 * `isAssessmentTimestamp` read character by character, for the evaluator's hot path: no regular
 * expression and no `Date`. It accepts exactly what `isAssessmentTimestamp` accepts (a property test
 * holds the two together): a real date `YYYY-MM-DD`, or that date, `T`, `HH:MM:SS`, optional fraction
 * digits, and `Z` or an offset `±HH:MM`.
 *
 * @example
 * ```ts
 * isTimestampByHand('2021-06-15T09:30:00+08:00'); // true
 * isTimestampByHand('2021-02-29'); // false
 * ```
 */
export function isTimestampByHand(text: string): boolean {
  const length = text.length;
  if (length < 10 || !isDateAt(text)) return false;
  if (length === 10) return true;
  if (length < 20 || text.charCodeAt(10) !== 84 /* T */) return false;
  if (!isClockPart(text, 11, 23) || text.charCodeAt(13) !== 58 /* : */) return false;
  if (!isClockPart(text, 14, 59) || text.charCodeAt(16) !== 58) return false;
  if (!isClockPart(text, 17, 59)) return false;
  let position = 19;
  if (text.charCodeAt(position) === 46 /* . */) {
    position++;
    const digitsFrom = position;
    while (position < length && isDigit(text.charCodeAt(position))) position++;
    if (position === digitsFrom) return false;
  }
  const zone = text.charCodeAt(position);
  if (zone === 90 /* Z */) return position + 1 === length;
  if (zone !== 43 /* + */ && zone !== 45 /* - */) return false;
  return (
    position + 6 === length &&
    isClockPart(text, position + 1, 23) &&
    text.charCodeAt(position + 3) === 58 &&
    isClockPart(text, position + 4, 59)
  );
}

/** `YYYY-MM-DD` at the start of `text`, a day that exists in the proleptic Gregorian calendar. */
function isDateAt(text: string): boolean {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Two digits at `from` making a number from 0 to `highest`. */
function isClockPart(text: string, from: number, highest: number): boolean {
  const value = digitsAt(text, from, 2);
  return value >= 0 && value <= highest;
}

/** The number written by `count` ASCII digits at `from`, or -1 when one of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let position = from; position < from + count; position++) {
    const code = text.charCodeAt(position);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
