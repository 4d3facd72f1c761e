import type { z } from 'zod';
import { clipText, MAX_MESSAGE_CHARACTERS } from '../util/show-value.js';
import type { ShapeKind } from './issue-kinds.js';
import type { RubricIssue } from './rubric-error.js';

/**
 * zod's issues as the library's: a JSON path and a message. zod's own messages can echo input (every
 * unknown key of an object, however long), so they are clipped like the library's.
 */
export function issuesFromZod(error: z.ZodError): RubricIssue<ShapeKind>[] {
  return error.issues.map((issue) => issueFromZod(issue));
}

/**
 * One zod issue as the library's, its path under `prefix`: the one conversion behind every document's
 * issues (rule sets, plans, patches), whatever each does first with unions.
 */
export function issueFromZod(
  issue: z.core.$ZodIssue,
  prefix: readonly (string | number)[] = [],
): RubricIssue<ShapeKind> {
  return {
    path: [
      ...prefix,
      ...issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    ],
    message: clipText(issue.message, MAX_MESSAGE_CHARACTERS),
    kind: issue.code,
  };
}
