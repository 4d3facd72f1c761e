import type { Command } from 'commander';
import { loadPlan } from '../input/plans.js';
import { plainPalette } from '../io/colour.js';
import { type RunContext, reportFailures } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import { emit, reportWritten } from '../output/output-file.js';
import { collectFix, type FixedEstate, readBudgets } from '../plan/plan-arguments.js';
import { planEstates } from '../plan/plan-estates.js';
import { readEstates } from '../plan/read-estates.js';
import { portfolioReport } from '../report/portfolio-report.js';
import { portfolioText } from '../text/portfolio-text.js';
import type { Language } from '../words/language.js';
import { examples, formatOption, languageOption, ruleSetOption } from './options.js';

interface PlanOptions {
  readonly estates: string;
  readonly plan: string;
  readonly ruleSet?: string;
  readonly costs?: string;
  readonly budget?: string;
  readonly fix?: readonly FixedEstate[];
  readonly cohorts?: boolean;
  readonly format: 'text' | 'json' | 'html';
  readonly out?: string;
  readonly lang: Language;
  readonly timeLimit?: number;
}

/** `plan`: which estates to put forward each year, and what each must fix, at least cost. */
export function registerPlanCommand(program: Command, context: RunContext): void {
  program
    .command('plan')
    .description(
      '城市创建组合规划：每年申报哪些小区、各需整改什么，总费用最省 — which estates to put forward each year, and what each must fix, at least cost',
    )
    .requiredOption(
      '--estates <dir|file.ndjson>',
      'the city’s self-checks: a folder of assessment JSON files, an NDJSON file, or a JSON array 各小区自查数据',
    )
    .requiredOption('--plan <id|file>', 'target plan: built-in id (qinzhou-2021) or JSON file 目标计划')
    .addOption(ruleSetOption('rule set (default: the first estate’s ruleSet, else guangxi-2021)'))
    .option(
      '--costs <file>',
      'cost model JSON: { "perStandard": { "S28": 120000 }, "perLevel": { "city": {…} }, "defaultCost": 30000, "perEstate": { "city": 2000000 }, "unit": "元", "drafted": { "basis": "…" } }, or remediate’s { "S28": 120000 } 整改成本',
    )
    .option(
      '--budget <year=amount,…|file>',
      'budget per year: 2021=2000000,2022=1500000 or a JSON file 年度预算',
    )
    .option(
      '--fix <estate=year>',
      'put an estate (id or name) forward in that year; repeatable 指定小区的申报年份（可重复）',
      collectFix,
    )
    .option(
      '--cohorts',
      'put forward the estates the plan names for each year, in that year 按计划名单指定申报年份',
    )
    .option(
      '--time-limit <seconds>',
      'seconds the solver may take (default 60); then the best plan found, with its proven gap 求解时限（秒）',
      parseTimeLimit,
    )
    .addOption(formatOption(['text', 'json', 'html'], 'text'))
    .option('-o, --out <file>', 'write to a file instead of stdout (html needs it)')
    .addOption(languageOption())
    .addHelpText(
      'after',
      `
Exit code 1 when no plan exists (the reason is printed: which year's quota cannot be met, within which
budget, by how much); 2 for bad input.
${examples(
  'plan --estates estates.ndjson --plan qinzhou-2021 --cohorts',
  'plan --estates estates/ --plan qinzhou-2021 --costs costs.json --budget 2021=20000000,2022=8000000 --fix qinzhou-fictional-14=2023',
  'plan --estates estates.ndjson --plan qinzhou-2021 --cohorts --format html --out plan.html --lang en',
)}`,
    )
    .action(async (options: PlanOptions) => {
      const estates = await readEstates(context, options.estates, options.ruleSet);
      const plan = await loadPlan(context, options.plan);
      const budgets = options.budget === undefined ? undefined : await readBudgets(context, options.budget);
      const planned = await planEstates(context, {
        estates,
        plan,
        planReference: options.plan,
        costsFile: options.costs,
        budgets,
        fixed: options.fix ?? [],
        cohorts: options.cohorts === true,
        timeLimitSeconds: options.timeLimit,
      });
      if (options.format === 'json') {
        await emit(context, `${JSON.stringify(planned.outcome, null, 2)}\n`, options.out, 'data');
      } else if (options.format === 'html') {
        if (options.out === undefined)
          throw new CliError('--format html needs --out <file.html> (需用 --out 指定文件)');
        await emit(context, portfolioReport(planned, options.lang), options.out, 'data');
        reportWritten(context, options.out);
      } else {
        const palette = options.out === undefined ? context.palette : plainPalette;
        await emit(context, portfolioText(planned, options.lang, palette), options.out, 'text');
      }
      // No plan is a finding about the city's numbers, not bad input: the reasons are printed, exit code 1.
      if (!planned.outcome.feasible) reportFailures(context);
    });
}

function parseTimeLimit(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0)
    throw new CliError(
      `--time-limit: expected a number of seconds above 0, got ${JSON.stringify(shownInput(value))}`,
    );
  return seconds;
}
