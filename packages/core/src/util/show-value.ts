/**
 * The most characters of one value given by the user (an id, a range, a string fact) that a message
 * echoes. Input can be megabytes long; a message must stay a line a person reads.
 */
export const MAX_SHOWN_CHARACTERS = 60;

/** The most characters of one issue's message that `RubricError.message` shows. */
export const MAX_MESSAGE_CHARACTERS = 200;

/**
 * `text` as it is when short, else its first `max` characters, an ellipsis and its length. A surrogate
 * pair is never split.
 *
 * @example
 * ```ts
 * clipText('x'.repeat(100), 5); // 'xxxxx… (100 characters)'
 * ```
 */
export function clipText(text: string, max: number = MAX_SHOWN_CHARACTERS): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}… (${text.length} characters)`;
}

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
export function quote(text: string, max: number = MAX_SHOWN_CHARACTERS): string {
  if (text.length <= max) return JSON.stringify(text);
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${JSON.stringify(`${text.slice(0, end)}…`)} (${text.length} characters)`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

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
export function showValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'string':
      return quote(value);
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'bigint':
      return 'a BigInt';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
  }
  if (value === null) return 'null';
  if (!Array.isArray(value)) return 'an object';
  const scalars =
    value.length <= 5 &&
    value.every((item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean');
  return scalars ? `[${value.map(showValue).join(', ')}]` : `a list of ${value.length}`;
}

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
  const max = MAX_SHOWN_CHARACTERS * 2;
  try {
    if (error instanceof Error) {
      const message = String(error.message);
      return clipText(options.withName === false ? message : `${String(error.name)}: ${message}`, max);
    }
    if (typeof error === 'string') return clipText(error, max);
    return showValue(error);
  } catch {
    return 'an exception that cannot be described';
  }
}
