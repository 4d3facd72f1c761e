import { RubricError } from '@sunshine-rubric/core';

/** An error the service answers with its own status and code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** What a failed request gets back: a stable code, a message, and for a rubric error every issue with its path. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly issues?: readonly { readonly path: readonly (string | number)[]; readonly message: string }[];
  };
}

/**
 * The status and body for any error: the library's `RubricError` becomes 404 for an unknown rule set and
 * 422 for input that is well-formed JSON but not a valid assessment; anything unexpected is a 500 that
 * does not leak its message.
 */
export function errorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  }
  if (RubricError.isInstance(error)) {
    const status = error.code === 'RULE_SET_NOT_FOUND' ? 404 : 422;
    const issues = error.issues.map(({ path, message }) => ({ path, message }));
    return { status, body: { error: { code: error.code, message: error.message, issues } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'the service failed; see its log' } } };
}
