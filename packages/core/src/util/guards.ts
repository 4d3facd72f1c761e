/** A non-null, non-array object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A real calendar date written as `YYYY-MM-DD`, the form date facts take.
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2023-02-29'); // false
 * ```
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0–99 as 1900–1999

  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDateTimePattern =
  /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

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
export function isAssessmentTimestamp(value: unknown): value is string {
  if (isIsoDate(value)) return true;
  if (typeof value !== 'string') return false;
  const match = isoDateTimePattern.exec(value);
  return match !== null && isIsoDate(match[1]);
}
