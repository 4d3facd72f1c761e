import type { RubricIssue } from './rubric-error.js';

/**
 * Adds an issue to a list being gathered: the one place the checks that report many issues write an
 * issue's fields, in the order every issue has them. Each check calls it dozens of times, so writing the
 * object once keeps the checks (and core's browser bundle, where property names are not minified) short.
 *
 * @example
 * ```ts
 * const issues: IssueOf<'INVALID_RULE_SET'>[] = [];
 * addIssue(issues, ['facts', 'x', 'values'], 'an enum fact lists its allowed values', 'enum-without-values');
 * issues; // [{ path: ['facts', 'x', 'values'], message: 'an enum fact lists its allowed values', kind: 'enum-without-values' }]
 * ```
 */
export function addIssue<Kind extends string>(
  issues: RubricIssue<Kind>[],
  path: readonly (string | number)[],
  message: string,
  kind: NoInfer<Kind>,
): void {
  issues.push({ path, message, kind });
}
