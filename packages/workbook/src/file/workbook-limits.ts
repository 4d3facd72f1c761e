import { RubricError } from '@sunshine-rubric/core';

/**
 * How much work one workbook import may cost, checked on the .xlsx bytes before the spreadsheet library
 * reads them, so that a small file built to expand (a "zip bomb", a cell at XFD1048576) is refused at
 * once instead of taking seconds and gigabytes. The defaults are far above any real self-check or
 * standard table (those are tens of kilobytes and a few thousand cells); raise them for a workbook that
 * really is that large.
 *
 * @example
 * ```ts
 * const limits: WorkbookLimits = { maxInflatedBytes: 256 * 1024 * 1024, maxCells: 5_000_000 };
 * const assessment = await importSelfCheckWorkbook(guangxi2021, bytes, limits);
 * ```
 */
export interface WorkbookLimits {
  /**
   * The most bytes the workbook's parts may inflate to, all parts together, counted while inflating
   * (the sizes a zip declares are not trusted). Default {@link defaultWorkbookLimits}`.maxInflatedBytes`
   * (32 MiB).
   */
  readonly maxInflatedBytes?: number;
  /**
   * The most cells an import may visit, all sheets together: for each sheet, the rows × columns from A1
   * to the furthest cell, row or merged range it holds, plus every cell of its data-validation ranges
   * (each is expanded cell by cell when read). Default {@link defaultWorkbookLimits}`.maxCells`
   * (2,000,000).
   */
  readonly maxCells?: number;
}

/**
 * The limits an import uses when its options give none.
 *
 * @example
 * ```ts
 * const twice = { maxCells: defaultWorkbookLimits.maxCells * 2 };
 * ```
 */
export const defaultWorkbookLimits: Required<WorkbookLimits> = Object.freeze({
  maxInflatedBytes: 32 * 1024 * 1024,
  maxCells: 2_000_000,
});

/** The limits in force: the options' where given and valid, the defaults otherwise. */
export function resolveLimits(options: WorkbookLimits | undefined): Required<WorkbookLimits> {
  const limits = { ...defaultWorkbookLimits };
  for (const key of ['maxInflatedBytes', 'maxCells'] as const) {
    const value = options?.[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 0) || !Number.isInteger(value)) {
      throw new RubricError('INVALID_OPTIONS', [
        {
          path: [key],
          message: `${key} must be a whole number of at least 0, got ${JSON.stringify(value) ?? String(value)}`,
          kind: 'invalid-limit',
        },
      ]);
    }
    limits[key] = value;
  }
  return limits;
}

/** The refusal of a workbook beyond a limit: which limit, and the option that raises it. */
export function tooLarge(
  what: string,
  option: keyof WorkbookLimits,
  limit: number,
  path: readonly string[] = [],
): RubricError {
  return new RubricError('INVALID_WORKBOOK', [
    {
      path,
      message: `${what} (limit: options.${option} = ${limit.toLocaleString('en-US')}); refused before reading it. If the workbook is genuine, raise options.${option}.`,
      kind: 'too-large',
    },
  ]);
}
