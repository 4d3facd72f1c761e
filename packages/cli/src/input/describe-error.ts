import type { RubricError } from '@sunshine-rubric/core';
import { formatPath } from '@sunshine-rubric/core/words';
import { CliError, type CliIssue } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';

/** How many issues text output lists before "… and N more"; `--format json` gives every one. */
export const shownIssueLimit = 20;

/**
 * A library error as one line naming the file and the JSON path of the first issue:
 * `estate.json $.facts.rentalHouseholds: expected an integer, got "many" (INVALID_ASSESSMENT)`.
 */
export function describeRubricError(error: RubricError, shown: string): string {
  const file = shownInput(shown);
  const first = error.issues[0];
  if (!first) return `${file}: ${oneLine(error.message)} (${error.code})`;
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
  return `${file} ${shownInput(formatPath(first.path))}: ${oneLine(first.message)}${more} (${error.code})`;
}

/**
 * A library error as the command's bad-input error, keeping every issue for the report.
 *
 * @example
 * ```ts
 * if (RubricError.isInstance(error)) throw rubricCliError(error, 'estate.json');
 * ```
 */
export function rubricCliError(error: RubricError, shown: string, message?: string): CliError {
  return new CliError(message ?? describeRubricError(error, shown), {
    cause: error,
    code: error.code,
    issues: error.issues,
    file: shown,
  });
}

/**
 * The lines under an error's first line: its second to twentieth issues, each with the file and JSON path,
 * then how many more there are.
 *
 * @example
 * ```ts
 * const lines = [`sunshine-rubric: ${error.message}`, ...moreIssueLines(error.issues, error.file)];
 * ```
 */
export function moreIssueLines(issues: readonly CliIssue[], file: string | undefined): string[] {
  if (issues.length < 2) return [];
  const prefix = file === undefined ? '' : `${shownInput(file)} `;
  const lines = issues
    .slice(1, shownIssueLimit)
    .map((issue) => `  ${prefix}${shownInput(formatPath(issue.path))}: ${oneLine(issue.message)}`);
  if (issues.length > shownIssueLimit) {
    lines.push(`  … and ${issues.length - shownIssueLimit} more (--format json lists every one; 其余问题)`);
  }
  return lines;
}

/**
 * Issues as JSON output carries them: the path formatted, every issue, a kind when there is one.
 *
 * @example
 * ```ts
 * issuesAsJson([{ path: ['facts', 'occupied'], message: 'expected true or false', kind: 'invalid-fact' }]);
 * // [{ path: '$.facts.occupied', message: 'expected true or false', kind: 'invalid-fact' }]
 * ```
 */
export function issuesAsJson(
  issues: readonly CliIssue[],
): { path: string; message: string; kind?: string }[] {
  return issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
    ...(issue.kind === undefined ? {} : { kind: issue.kind }),
  }));
}

/** Collapses line breaks, so a message stays on one line of a terminal or a log. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
