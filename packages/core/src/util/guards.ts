import { valueChecks } from './show-value.js';

/** A non-null, non-array object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A real calendar date written as `YYYY-MM-DD`, the form date facts take.
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2023-02-29'); // false
 * ```
 */
export const isIsoDate: (value: unknown) => value is string = valueChecks.isIsoDate;

/**
 * When an assessment was made, as its `assessedAt` may say it: a real date `YYYY-MM-DD`, or an ISO
 * date-time with seconds and an offset. The evaluator, `AssessmentSchema` and the workbook importer accept
 * exactly these.
 *
 * @example
 * ```ts
 * isAssessmentTimestamp('2021-06-15'); // true
 * isAssessmentTimestamp('2021-06-15T09:30:00+08:00'); // true
 * isAssessmentTimestamp('2021-06-15T09:30+08:00'); // false: no seconds
 * isAssessmentTimestamp('2021-06-15T24:00:00Z'); // false
 * ```
 */
export const isAssessmentTimestamp: (value: unknown) => value is string = valueChecks.isAssessmentTimestamp;
