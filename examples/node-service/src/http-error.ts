import { RubricError, type RubricErrorCode } from '@sunshine-rubric/core';

/**
 * An error the service answers with its own status and code.
 *
 * @example
 * ```ts
 * throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the assessment as application/json');
 * ```
 */
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

/** One issue as the service reports it: where in the posted document, and what is wrong. */
export interface ErrorIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly kind?: string;
}

/**
 * What a failed request gets back: a stable code, a message, and for a rubric error its issues with their
 * paths. At most `maxIssues` issues are listed; `issueCount` says how many there were and `truncated` is
 * `true` when some were left out.
 */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly issues?: readonly ErrorIssue[];
    readonly issueCount?: number;
    readonly truncated?: boolean;
  };
}

/** How many issues an error answer lists unless the service is told otherwise. */
const defaultMaxIssues = 20;

/**
 * The longest string an error answer echoes (a message, a path segment): the caller's own text, such as an
 * unknown fact's name, can be as long as the body allows.
 */
const maxEchoedChars = 200;

/** The status of each library error the service can meet; any other code is the service's own fault. */
const rubricErrorStatus: Partial<Record<RubricErrorCode, number>> = {
  INVALID_ASSESSMENT: 422, // the caller sent JSON that is not a valid assessment
  INVALID_OPTIONS: 422, // e.g. the assessment names no rule set the registry can use
  INVALID_WORKFLOW_STEP: 422, // application events that are malformed or not legal where they come
  RULE_SET_NOT_FOUND: 404,
  PLUGIN_FAILED: 502, // a fact resolver's source (a city's register) failed
};

/**
 * The status, headers and body for any error: the library's `RubricError` by its code (422 for input that
 * is JSON but not a valid assessment, 404 for an unknown rule set, 502 when a plugin's data source fails);
 * anything unexpected is a 500 that does not leak its message. The answer stays small whatever was posted:
 * the first `maxIssues` issues, and every echoed string cut to 200 characters.
 *
 * @example
 * ```ts
 * const { status, body } = errorResponse(error, { maxIssues: 20 });
 * // 70,000 unknown facts: status 422, body.error.issues.length 20, issueCount 70000, truncated true
 * ```
 */
export function errorResponse(
  error: unknown,
  { maxIssues = defaultMaxIssues }: { readonly maxIssues?: number } = {},
): {
  status: number;
  body: ErrorBody;
  headers?: Readonly<Record<string, string>>;
} {
  if (error instanceof HttpError) {
    const body = { error: { code: error.code, message: capText(error.message) } };
    return { status: error.status, body, headers: error.headers };
  }
  if (RubricError.isInstance(error) && rubricErrorStatus[error.code] !== undefined) {
    const issues = error.issues.slice(0, maxIssues).map(echoIssue);
    const count = error.issues.length;
    const body = {
      error: {
        code: error.code,
        message: capText(error.message),
        issues,
        issueCount: count,
        ...(count > issues.length ? { truncated: true } : {}),
      },
    };
    return { status: rubricErrorStatus[error.code]!, body };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'the service failed; see its log' } } };
}

function echoIssue({ path, message, kind }: ErrorIssue): ErrorIssue {
  // A path is as deep as the posted JSON; the first segments locate the problem well enough.
  const shownPath = path
    .slice(0, 20)
    .map((segment) => (typeof segment === 'string' ? capText(segment) : segment));
  if (path.length > shownPath.length) shownPath.push('…');
  return {
    path: shownPath,
    message: capText(message),
    ...(typeof kind === 'string' ? { kind: capText(kind) } : {}),
  };
}

function capText(text: string): string {
  if (text.length <= maxEchoedChars) return text;
  // Never cut a surrogate pair in half: the answer must stay well-formed UTF-8.
  const end = /[\uD800-\uDBFF]/.test(text[maxEchoedChars - 1]!) ? maxEchoedChars - 1 : maxEchoedChars;
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}
