import { readJsonFile } from '../input/read-json.js';
import { inputPath, type RunContext } from '../io/run-context.js';
import { CliError, type CliIssue } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';

/** An estate fixed to a year by `--fix <estate>=<year>`: the estate by id or by name. */
export interface FixedEstate {
  readonly estate: string;
  readonly year: number;
}

const yearPattern = /^\d{4}$/;

/**
 * Collects repeated `--fix <estate>=<year>` (the estate's id or name; split at the last `=`, so a name
 * may hold one). A value without a year is a usage error, exit 2.
 */
export function collectFix(value: string, previous: readonly FixedEstate[] = []): FixedEstate[] {
  const at = value.lastIndexOf('=');
  const estate = at < 0 ? '' : value.slice(0, at).trim();
  const year = at < 0 ? '' : value.slice(at + 1).trim();
  if (estate === '' || !yearPattern.test(year)) {
    throw new CliError(
      `--fix ${JSON.stringify(shownInput(value))}: expected <estate id or name>=<year>, e.g. --fix qinzhou-fictional-01=2021 (小区=年份)`,
    );
  }
  return [...previous, { estate, year: Number(year) }];
}

/** `--budget`: inline (`2021=2000000,2022=1500000`) when it starts with a year and `=`, else a JSON file. */
export function isInlineBudget(value: string): boolean {
  return /^\s*\d{4}\s*=/.test(value);
}

/**
 * The budget per year that `--budget` gives: inline `year=amount` pairs separated by commas, or a JSON file
 * `{ "2021": 2000000 }`. Each year four digits, once; each amount a number 0 or more. Every problem is
 * reported (exit 2), by the pair or the file's JSON path.
 */
export async function readBudgets(context: RunContext, value: string): Promise<Record<string, number>> {
  if (isInlineBudget(value)) return parseInlineBudget(value);
  const json = await readJsonFile(inputPath(context, value), value);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliError(
      `${shownInput(value)} $: expected an object from year to budget, e.g. { "2021": 2000000 }`,
    );
  }
  const issues: CliIssue[] = [];
  const budgets: Record<string, number> = {};
  for (const [year, amount] of Object.entries(json)) {
    const problem = budgetProblem(year, amount);
    if (problem) issues.push({ path: [year], message: problem, kind: 'invalid-budget' });
    else budgets[year] = amount as number;
  }
  const [first] = issues;
  if (first) {
    const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
    throw new CliError(
      `${shownInput(value)} $["${shownInput(String(first.path[0]))}"]: ${first.message}${more}`,
      {
        issues,
        file: value,
      },
    );
  }
  return budgets;
}

function parseInlineBudget(value: string): Record<string, number> {
  const budgets: Record<string, number> = {};
  for (const pair of value.split(',')) {
    const [year = '', amountText, ...rest] = pair.split('=').map((part) => part.trim());
    const amount =
      amountText === undefined || amountText === '' || rest.length > 0 ? Number.NaN : Number(amountText);
    const problem =
      budgetProblem(year, amount) ?? (year in budgets ? `year ${year} is given twice` : undefined);
    if (problem) {
      throw new CliError(
        `--budget ${JSON.stringify(shownInput(pair.trim()))}: ${problem}; expected year=amount,… e.g. 2021=2000000,2022=1500000 (年份=预算)`,
      );
    }
    budgets[year] = amount;
  }
  return budgets;
}

function budgetProblem(year: string, amount: unknown): string | undefined {
  if (!yearPattern.test(year)) return `"${shownInput(year)}" is not a year (four digits)`;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0)
    return `expected a budget, a number 0 or more, got ${shownInput(JSON.stringify(amount) ?? String(amount))}`;
  return undefined;
}
