import type { RubricError } from '@sunshine-rubric/core';
import type { WorkbookLimits } from '@sunshine-rubric/workbook';
import { type Command, Option } from 'commander';
import { describeRubricError, rubricCliError } from '../input/describe-error.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';

/** The options of a command that imports a workbook, as commander parses them. */
export interface WorkbookLimitFlags {
  readonly maxCells?: number;
  readonly maxInflatedBytes?: number;
}

/** Each limit of the workbook importers and the flag that raises it on the command line. */
const flags = {
  maxCells: '--max-cells',
  maxInflatedBytes: '--max-inflated-bytes',
} as const satisfies Record<keyof WorkbookLimits, string>;

/**
 * The importers' defaults as `--help` shows them, without loading the workbook module (and exceljs) for
 * every command; a test holds them equal to `defaultWorkbookLimits`.
 *
 * @example
 * ```ts
 * shownWorkbookDefaults.maxCells; // 2000000
 * ```
 */
export const shownWorkbookDefaults: Required<WorkbookLimits> = Object.freeze({
  maxCells: 2_000_000,
  maxInflatedBytes: 32 * 1024 * 1024,
});

/**
 * Adds `--max-cells <n>` and `--max-inflated-bytes <n>` to a command that imports a workbook: the importers'
 * limits ({@link WorkbookLimits}), for a genuine workbook larger than the defaults allow. Each must be a
 * positive whole number; anything else is a one-line usage error before the file is read.
 *
 * @example
 * ```ts
 * addWorkbookLimitOptions(program.command('import').argument('<file.xlsx>'));
 * ```
 */
export function addWorkbookLimitOptions(command: Command): Command {
  const defaults = shownWorkbookDefaults;
  return command
    .addOption(
      new Option(
        `${flags.maxCells} <n>`,
        `the most cells the import may visit, all sheets together (default ${defaults.maxCells}) 单元格上限`,
      ).argParser((value) => positiveWhole(flags.maxCells, value)),
    )
    .addOption(
      new Option(
        `${flags.maxInflatedBytes} <n>`,
        `the most bytes the workbook may inflate to (default ${defaults.maxInflatedBytes}, 32 MiB) 解压后字节数上限`,
      ).argParser((value) => positiveWhole(flags.maxInflatedBytes, value)),
    );
}

/**
 * The limits the user gave, for the importers' options; the importers' defaults stand for the others.
 *
 * @example
 * ```ts
 * importSelfCheckWorkbook(ruleSet, bytes, workbookLimits(options)); // { maxCells: 5000000 } for --max-cells 5000000
 * ```
 */
export function workbookLimits(options: WorkbookLimitFlags): WorkbookLimits {
  return {
    ...(options.maxCells === undefined ? {} : { maxCells: options.maxCells }),
    ...(options.maxInflatedBytes === undefined ? {} : { maxInflatedBytes: options.maxInflatedBytes }),
  };
}

/**
 * A workbook error as the command's error; a workbook refused as too large also names the flag that raises
 * the limit, since the library's message names only its option.
 *
 * @example
 * ```ts
 * if (RubricError.isInstance(error)) throw workbookCliError(error, 'filled-in.xlsx');
 * ```
 */
export function workbookCliError(error: RubricError, file: string): CliError {
  const first = error.issues[0];
  const limit = (Object.keys(flags) as (keyof WorkbookLimits)[]).find((key) =>
    first?.message.includes(`options.${key}`),
  );
  if (first?.kind !== 'too-large' || limit === undefined) return rubricCliError(error, file);
  const hint = ` 可用 ${flags[limit]} <n> 提高上限 (raise it with ${flags[limit]} <n>)`;
  return rubricCliError(error, file, `${describeRubricError(error, file)}${hint}`);
}

function positiveWhole(flag: string, value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < 1) {
    throw new CliError(
      `${flag}: expected a whole number from 1 to ${Number.MAX_SAFE_INTEGER}, got ${JSON.stringify(shownInput(value))} (应为正整数)`,
    );
  }
  return number;
}
