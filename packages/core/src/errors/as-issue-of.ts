import type { RubricErrorCode } from './error-codes.js';
import { issueKinds } from './issue-kinds.js';
import type { IssueOf, RubricIssue } from './rubric-error.js';

/**
 * `issue` as an issue of an error with code `code`, to pass on an issue that another check reported (a
 * rule set's issue inside a plugin's): its kind is kept when `issueKinds[code]` lists it, and left out
 * otherwise, so that an error never carries a kind its code does not document. Path and message are kept.
 *
 * @example
 * ```ts
 * const issues = result.error.issues.map((issue) => asIssueOf('INVALID_PLUGIN', issue));
 * ```
 */
export function asIssueOf<Code extends RubricErrorCode>(code: Code, issue: RubricIssue): IssueOf<Code> {
  if (issue.kind === undefined || Object.hasOwn(issueKinds[code], issue.kind)) return issue as IssueOf<Code>;
  const { kind: _undocumented, ...rest } = issue;
  return rest;
}
