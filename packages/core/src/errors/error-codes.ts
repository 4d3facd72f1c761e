/**
 * Every error code the library throws. Users switch on these; they are part of the public contract. Its
 * own file so that the table of issue kinds and the error type each read it without importing the other.
 *
 * @example
 * ```ts
 * const code: RubricErrorCode = 'INVALID_RULE_SET';
 * ```
 */
export type RubricErrorCode =
  | 'INVALID_RULE_SET'
  | 'INVALID_ASSESSMENT'
  | 'INVALID_OPTIONS'
  | 'INVALID_PLAN'
  | 'INVALID_PATCH'
  | 'INVALID_WORKFLOW_STEP'
  | 'INVALID_WORKBOOK'
  | 'INVALID_REGISTRY'
  | 'INVALID_PLUGIN'
  | 'RULE_SET_NOT_FOUND'
  | 'PLUGIN_FAILED';
