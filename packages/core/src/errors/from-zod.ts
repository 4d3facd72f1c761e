import type { z } from 'zod';
import { clipText, MAX_MESSAGE_CHARACTERS } from '../util/show-value.js';
import type { RubricIssue } from './rubric-error.js';

/**
 * zod's issues as the library's: a JSON path and a message. zod's own messages can echo input (every
 * unknown key of an object, however long), so they are clipped like the library's.
 */
export function issuesFromZod(error: z.ZodError): RubricIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    message: clipText(issue.message, MAX_MESSAGE_CHARACTERS),
    kind: issue.code,
  }));
}
