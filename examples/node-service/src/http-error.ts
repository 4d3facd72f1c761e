import { RubricError, type RubricErrorCode } from '@sunshine-rubric/core';

/** An error the service answers with its own status and code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Headers the answer carries, e.g. `Allow` for a 405. */
    readonly headers: Readonly<Record<string, string>> = {},
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

/** The status of each library error the service can meet; any other code is the service's own fault. */
const rubricErrorStatus: Partial<Record<RubricErrorCode, number>> = {
  INVALID_ASSESSMENT: 422, // the caller sent JSON that is not a valid assessment
  INVALID_OPTIONS: 422, // e.g. the assessment names no rule set the registry can use
  RULE_SET_NOT_FOUND: 404,
  PLUGIN_FAILED: 502, // a fact resolver's source (a city's register) failed
};

/**
 * The status, headers and body for any error: the library's `RubricError` by its code (422 for input that
 * is JSON but not a valid assessment, 404 for an unknown rule set, 502 when a plugin's data source fails);
 * anything unexpected is a 500 that does not leak its message.
 */
export function errorResponse(error: unknown): {
  status: number;
  body: ErrorBody;
  headers?: Readonly<Record<string, string>>;
} {
  if (error instanceof HttpError) {
    const body = { error: { code: error.code, message: error.message } };
    return { status: error.status, body, headers: error.headers };
  }
  if (RubricError.isInstance(error) && rubricErrorStatus[error.code] !== undefined) {
    const issues = error.issues.map(({ path, message }) => ({ path, message }));
    const body = { error: { code: error.code, message: error.message, issues } };
    return { status: rubricErrorStatus[error.code]!, body };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'the service failed; see its log' } } };
}
