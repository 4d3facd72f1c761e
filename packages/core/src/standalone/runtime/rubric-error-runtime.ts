import type { ValueWords } from '../../runtime/value-words.js';

/**
 * The standalone module's error class, with the shape and the `Symbol.for` marker of core's
 * `RubricError`, so that `RubricError.isInstance` recognises it, and core's message: the first three
 * issues, each path shown as core's `formatPath` shows it (a key over 40 characters quoted and clipped,
 * a path over 160 characters kept by its ends) and each message clipped to `maxMessage` characters, so
 * that a message stays a line or three however long the input. Self-contained: the generator embeds its
 * source text in the module.
 *
 * @example
 * ```ts
 * const StandaloneError = standaloneErrorClass(valueWords(60), 200);
 * throw new StandaloneError('INVALID_ASSESSMENT', [{ path: ['id'], message: 'an assessment has a non-empty string id' }]);
 * ```
 */
export function standaloneErrorClass(
  { quote, clipText }: Pick<ValueWords, 'quote' | 'clipText'>,
  maxMessage: number,
) {
  const marker = Symbol.for('@sunshine-rubric/core/RubricError');
  const showPath = (path: readonly (string | number)[]) => {
    let text = '$';
    for (const segment of path)
      text +=
        typeof segment === 'number'
          ? `[${segment}]`
          : segment.length <= 40 && /^[A-Za-z_$][\w$-]*$/.test(segment)
            ? `.${segment}`
            : `[${quote(segment, 40)}]`;
    return text.length <= 160 ? text : `${text.slice(0, 80)}…${text.slice(-80)}`;
  };
  return class RubricError extends Error {
    declare code: string;
    declare issues: readonly {
      readonly path: readonly (string | number)[];
      readonly message: string;
      readonly kind?: string;
    }[];
    constructor(
      code: string,
      issues: readonly { path: readonly (string | number)[]; message: string; kind?: string }[],
    ) {
      const listed = issues
        .slice(0, 3)
        .map((issue) => `${showPath(issue.path)}: ${clipText(issue.message, maxMessage)}`);
      const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
      super(issues.length === 0 ? code : `${code}: ${listed.join('; ')}${more}`);
      this.name = 'RubricError';
      this.code = code;
      this.issues = issues;
      (this as unknown as Record<symbol, boolean>)[marker] = true;
    }
    static isInstance(value: unknown): boolean {
      return (
        typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true
      );
    }
  };
}

/** The class {@link standaloneErrorClass} makes. */
export type StandaloneErrorClass = ReturnType<typeof standaloneErrorClass>;
