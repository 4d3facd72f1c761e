/**
 * The runtime: the functions core's evaluator and reader run and that a standalone module carries. Each is
 * written once, here, and self-contained: it imports nothing (not even types from another folder) and reads
 * no name outside its own body, because `generateStandaloneEvaluator` embeds its source text
 * (`Function.prototype.toString`) in a module that has no imports. One needs another by taking it as an
 * argument. Core binds them once, at load, and imports the bound functions.
 */

/**
 * How values are shown in messages: a user-given string quoted and clipped, any value described in a few
 * words, an exception described without throwing. `shown` is how many characters of one value a message
 * echoes (input can be megabytes long; a message must stay a line a person reads).
 *
 * @example
 * ```ts
 * const { quote, showValue } = valueWords(60);
 * quote('S01'); // '"S01"'
 * showValue([1, 2]); // '[1, 2]'
 * ```
 */
export function valueWords(shown: number) {
  // Where to cut `text` to `max` characters without splitting a surrogate pair.
  const cutAt = (text: string, max: number): number => {
    const code = text.charCodeAt(max - 1);
    return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  };
  const clipText = (text: string, max: number = shown): string =>
    text.length <= max ? text : `${text.slice(0, cutAt(text, max))}… (${text.length} characters)`;
  const quote = (text: string, max: number = shown): string =>
    text.length <= max
      ? JSON.stringify(text)
      : `${JSON.stringify(`${text.slice(0, cutAt(text, max))}…`)} (${text.length} characters)`;
  const showValue = (value: unknown): string => {
    switch (typeof value) {
      case 'number':
      case 'boolean':
        return String(value);
      case 'string':
        return quote(value);
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
      value.every(
        (item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean',
      );
    return scalars ? `[${value.map(showValue).join(', ')}]` : `a list of ${value.length}`;
  };
  // Never throws itself: an error's `message` may be a throwing getter too.
  const describeThrown = (error: unknown, withName = true): string => {
    try {
      if (error instanceof Error) {
        const message = String(error.message);
        return clipText(withName ? `${String(error.name)}: ${message}` : message, shown * 2);
      }
      return typeof error === 'string' ? clipText(error, shown * 2) : showValue(error);
    } catch {
      return 'an exception that cannot be described';
    }
  };
  return { clipText, quote, showValue, describeThrown };
}

/** The functions {@link valueWords} makes. */
export type ValueWords = ReturnType<typeof valueWords>;
