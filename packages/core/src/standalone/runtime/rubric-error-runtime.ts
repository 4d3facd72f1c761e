/**
 * The standalone module's error class, with the shape and the `Symbol.for` marker of core's
 * `RubricError`, so that `RubricError.isInstance` recognises it. Self-contained: the generator embeds
 * its source text in the module.
 *
 * @example
 * ```ts
 * const StandaloneError = standaloneErrorClass();
 * throw new StandaloneError('INVALID_ASSESSMENT', [{ path: ['id'], message: 'an assessment has a non-empty string id' }]);
 * ```
 */
export function standaloneErrorClass() {
  const marker = Symbol.for('@sunshine-rubric/core/RubricError');
  const showPath = (path: readonly (string | number)[]) =>
    `$${path
      .map((segment) =>
        typeof segment === 'number'
          ? `[${segment}]`
          : /^[A-Za-z_$][\w$-]*$/.test(segment)
            ? `.${segment}`
            : `[${JSON.stringify(segment)}]`,
      )
      .join('')}`;
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
      const listed = issues.slice(0, 3).map((issue) => `${showPath(issue.path)}: ${issue.message}`);
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
