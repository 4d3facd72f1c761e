import { clipText, MAX_MESSAGE_CHARACTERS, quote } from '../util/show-value.js';
import type { RubricErrorCode } from './error-codes.js';
import type { IssueKind } from './issue-kinds.js';

const marker = Symbol.for('@sunshine-rubric/core/RubricError');

/**
 * One problem, located by a JSON path into the input that caused it. `Kind` is the kinds it may have: by
 * default any kind of the library's table (`issueKinds`); `IssueOf<'INVALID_RULE_SET'>` is an issue of
 * that code.
 */
export interface RubricIssue<Kind extends string = IssueKind> {
  /** Path from the root of the input, e.g. `['aspects', 0, 'requirements', 2, 'id']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in words a person can act on. */
  readonly message: string;
  /** A short machine-readable tag for the kind of problem, e.g. `unknown-operator` (see `issueKinds`). */
  readonly kind?: Kind;
}

/**
 * An issue of an error with code `Code`: its `kind` is one that `issueKinds[Code]` lists.
 *
 * @example
 * ```ts
 * const issue: IssueOf<'INVALID_ASSESSMENT'> = { path: ['facts', 'x'], message: 'not in the catalog', kind: 'unknown-fact' };
 * ```
 */
export type IssueOf<Code extends RubricErrorCode> = RubricIssue<IssueKind<Code>>;

/**
 * A RubricError of one of the codes, as a union that `error.code === '…'` narrows: then `issues` has that
 * code's kinds. What {@link RubricError.isInstance} finds.
 *
 * @example
 * ```ts
 * const failures: AnyRubricError[] = [];
 * ```
 */
export type AnyRubricError = RubricErrorOf<RubricErrorCode>;

/**
 * A RubricError of one of `Codes`, as a union that `error.code === '…'` narrows.
 *
 * @example
 * ```ts
 * function report(error: RubricErrorOf<'INVALID_RULE_SET' | 'INVALID_OPTIONS'>) {
 *   if (error.code === 'INVALID_RULE_SET') console.log(error.issues.map((issue) => issue.kind));
 * }
 * ```
 */
export type RubricErrorOf<Codes extends RubricErrorCode> = { [Code in Codes]: RubricError<Code> }[Codes];

/**
 * The one error type the library throws. Check for it with {@link RubricError.isInstance}, which works
 * across copies of the package (bundled twice, loaded from ESM and CommonJS), unlike `instanceof`.
 *
 * @example
 * ```ts
 * try {
 *   defineRuleSet(json);
 * } catch (error) {
 *   if (RubricError.isInstance(error) && error.code === 'INVALID_RULE_SET') {
 *     for (const issue of error.issues) console.log(formatPath(issue.path), issue.message);
 *   }
 * }
 * ```
 */
export class RubricError<Code extends RubricErrorCode = RubricErrorCode> extends Error {
  readonly code: Code;
  readonly issues: readonly IssueOf<Code>[];
  readonly [marker] = true;

  constructor(
    code: Code,
    issues: readonly NoInfer<IssueOf<Code>>[],
    message?: string,
    options?: { readonly cause?: unknown },
  ) {
    super(
      message ?? summarise(code, issues),
      options?.cause !== undefined ? { cause: options.cause } : undefined,
    );
    this.name = 'RubricError';
    this.code = code;
    this.issues = issues;
  }

  /** True when `value` is a RubricError from any copy of this library. */
  static isInstance(value: unknown): value is AnyRubricError {
    return typeof value === 'object' && value !== null && (value as { [marker]?: unknown })[marker] === true;
  }
}

/** A path segment longer than this is clipped when a path is shown (a 10 MB fact id is a key). */
const MAX_SEGMENT_CHARACTERS = 40;
/** A shown path longer than this keeps its start and end. */
const MAX_PATH_CHARACTERS = 160;

/**
 * Renders a JSON path the way people read it: `$.aspects[0].requirements[2].id`. A very long key is
 * clipped, and so is a very long path (its middle), so that a message stays readable.
 *
 * @example
 * ```ts
 * formatPath(['facts', 'cctvCoverage']); // '$.facts.cctvCoverage'
 * ```
 */
export function formatPath(path: readonly (string | number)[]): string {
  let text = '$';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (segment.length <= MAX_SEGMENT_CHARACTERS && /^[A-Za-z_$][\w$-]*$/.test(segment))
      text += `.${segment}`;
    else text += `[${quote(segment, MAX_SEGMENT_CHARACTERS)}]`;
  }
  if (text.length <= MAX_PATH_CHARACTERS) return text;
  const half = MAX_PATH_CHARACTERS / 2;
  return `${text.slice(0, half)}…${text.slice(-half)}`;
}

/** How many issues `RubricError.message` lists before it says how many more there are. */
const LISTED_ISSUES = 3;

/**
 * The first few issues, each path and message clipped, and how many more: a message as long as a line
 * or three, however many issues or however long the input.
 */
function summarise(code: RubricErrorCode, issues: readonly RubricIssue[]): string {
  if (issues.length === 0) return code;
  const listed = issues
    .slice(0, LISTED_ISSUES)
    .map((issue) => `${formatPath(issue.path)}: ${clipText(issue.message, MAX_MESSAGE_CHARACTERS)}`);
  const more = issues.length > LISTED_ISSUES ? ` (and ${issues.length - LISTED_ISSUES} more)` : '';
  return `${code}: ${listed.join('; ')}${more}`;
}

/** The outcome of a `safe*` function: the value, or the error it would have thrown (of one of `Codes`). */
export type Result<T, Codes extends RubricErrorCode = RubricErrorCode> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: RubricErrorOf<Codes> };
