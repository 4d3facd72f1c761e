import { formatPath, type RubricError } from '@sunshine-rubric/core';

/**
 * A library error as one line naming the file and the JSON path of the first issue:
 * `estate.json $.facts.rentalHouseholds: expected an integer, got "many" (INVALID_ASSESSMENT)`.
 */
export function describeRubricError(error: RubricError, shown: string): string {
  const first = error.issues[0];
  if (!first) return `${shown}: ${oneLine(error.message)} (${error.code})`;
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
  return `${shown} ${formatPath(first.path)}: ${oneLine(first.message)}${more} (${error.code})`;
}

/** Collapses line breaks, so a message stays on one line of a terminal or a log. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
