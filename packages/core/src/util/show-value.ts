// The runtime's value words, bound to core's limit: the same words a standalone module shows values in.
import { factChecks } from '../runtime/fact-checks.js';
import { valueWords } from '../runtime/value-words.js';

/**
 * The most characters of one value given by the user (an id, a range, a string fact) that a message
 * echoes. Input can be megabytes long; a message must stay a line a person reads.
 */
export const MAX_SHOWN_CHARACTERS = 60;

/** The most characters of one issue's message that `RubricError.message` shows. */
export const MAX_MESSAGE_CHARACTERS = 200;

/**
 * The runtime's value words and fact checks, bound once to {@link MAX_SHOWN_CHARACTERS}: what core's
 * messages, guards and readers of facts use (a standalone module binds its own copy).
 *
 * @example
 * ```ts
 * valueChecks.describeMismatch('yes', 'boolean'); // 'expected true or false, got "yes"'
 * ```
 */
export const valueChecks = factChecks(valueWords(MAX_SHOWN_CHARACTERS));

/**
 * `text` as it is when short, else its first `max` characters, an ellipsis and its length. A surrogate
 * pair is never split.
 *
 * @example
 * ```ts
 * clipText('x'.repeat(100), 5); // 'xxxxx… (100 characters)'
 * ```
 */
export const clipText: (text: string, max?: number) => string = valueChecks.clipText;

/**
 * A user-given string for a message, in double quotes (JSON-escaped, so control characters and quotes show)
 * and clipped like {@link clipText}: the one way core's messages echo ids, ranges and names.
 *
 * @example
 * ```ts
 * quote('S01'); // '"S01"'
 * quote('f'.repeat(10_000_000)); // '"fff…" (10000000 characters)', with the first 60 f's
 * ```
 */
export const quote: (text: string, max?: number) => string = valueChecks.quote;

/**
 * A short description of any value for an error message. Never throws: hostile input (a BigInt, a Symbol,
 * a cycle, 20,000 nested arrays, an object whose `toString` is not a function) is described, not printed;
 * a long string is clipped (see {@link quote}).
 *
 * @example
 * ```ts
 * showValue('gas'); // '"gas"'
 * showValue([1, 2]); // '[1, 2]'
 * showValue({}); // 'an object'
 * ```
 */
export const showValue: (value: unknown) => string = valueChecks.showValue;

/**
 * What an exception says, for a message, clipped; never throws itself (an error's `message` may be a
 * throwing getter too).
 *
 * @example
 * ```ts
 * describeThrown(new TypeError('no access')); // 'TypeError: no access'
 * ```
 */
export function describeThrown(error: unknown, options: { readonly withName?: boolean } = {}): string {
  return valueChecks.describeThrown(error, options.withName !== false);
}
