import type { z } from 'zod';
import type { RubricIssue } from './rubric-error.js';

/** zod's issues as the library's: a JSON path and a message. */
export function issuesFromZod(error: z.ZodError): RubricIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    message: issue.message,
    kind: issue.code,
  }));
}
