import { join } from 'node:path';
import { say } from '@sunshine-rubric/core/words';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import type { PortfolioCostModel } from '@sunshine-rubric/planner';
import { qinzhouFictionalEstates, qinzhouPlan } from '@sunshine-rubric/qinzhou';
import type { RunContext } from '../io/run-context.js';
import { writeOutputFile } from '../output/output-file.js';
import { planEstates } from '../plan/plan-estates.js';
import { portfolioReport } from '../report/portfolio-report.js';
import { amount } from '../text/portfolio-text.js';
import type { Language } from '../words/language.js';
import { text } from '../words/wording.js';

/**
 * The demo's costs and budgets: drafted by the project to show the planner at work, not figures from the
 * plan (which gives only 2,000,000 / at least 200,000 yuan per estate, 六（二）). Every output says so.
 */
const draftedCosts: PortfolioCostModel = {
  defaultCost: 30_000,
  perStandard: {
    S01: 50_000,
    S02: 50_000,
    S03: 50_000,
    S28: 120_000,
    S54: 300_000,
    S56: 80_000,
    S58: 150_000,
  },
  unit: text('元', 'CNY'),
  drafted: {
    basis: text(
      '项目为演示规划器而设；计划只给出每个小区的费用（六（二））',
      'set by the project to show the planner at work; the plan gives only per-estate figures (六（二）)',
    ),
  },
};
const draftedBudgets = { 2021: 600_000, 2022: 600_000, 2023: 400_000, 2024: 300_000 };

/**
 * Plans Qinzhou's 26 fictional estates over 2021–2024 with the named 2021 cohort fixed, prints a few lines,
 * and writes the plan's report and the estates (NDJSON, for `plan --estates`) into the demo's folder.
 * Returns the files written.
 */
export async function demoPlan(context: RunContext, folder: string, language: Language): Promise<string[]> {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const write = (line = '') => context.io.stdout.write(`${line}\n`);
  const evaluator = context.registry.compile(guangxi2021);
  const estates = qinzhouFictionalEstates.map((assessment) => ({
    assessment,
    result: evaluator.evaluate(assessment),
    where: assessment.id,
  }));
  const data = await planEstates(context, {
    estates: { ruleSet: guangxi2021, estates },
    plan: qinzhouPlan,
    planReference: 'qinzhou-2021',
    costs: draftedCosts,
    budgets: draftedBudgets,
    fixed: [],
    cohorts: true,
    notices: [text('各年度预算为草拟值。', 'The yearly budgets are drafted.')],
  });
  const { outcome } = data;
  write(
    context.palette.strong(
      say2(
        '钦州 26 个小区（自查数据为虚构）2021–2024 年创建规划，2021 年名单指定；费用和预算为草拟值：',
        'Qinzhou’s 26 estates (fictional self-checks) planned over 2021–2024, the named 2021 cohort fixed; costs and budgets drafted:',
      ),
    ),
  );
  if (outcome.feasible) {
    let cumulative = 0;
    for (const year of outcome.years) {
      cumulative += year.estates.length;
      const fixes = year.estates.reduce((sum, estate) => sum + estate.fixes.length, 0);
      write(
        say2(
          `  ${year.year} 年：申报 ${year.estates.length} 个（累计 ${cumulative}，目标 ${year.target}），整改 ${fixes} 项，费用 ${amount(year.cost)} 元（预算 ${amount(year.budget ?? 0)}）`,
          `  ${year.year}: ${year.estates.length} put forward (cumulative ${cumulative}, target ${year.target}), ${fixes} fixes, ${amount(year.cost)} CNY (budget ${amount(year.budget ?? 0)})`,
        ),
      );
    }
    write(
      say2(
        `  总费用 ${amount(outcome.totalCost)} 元，${outcome.status === 'optimal' ? '已证明最省' : `与最省方案相差至多 ${(outcome.gap * 100).toFixed(2)}%`}。`,
        `  Total ${amount(outcome.totalCost)} CNY, ${outcome.status === 'optimal' ? 'proven the least' : `at most ${(outcome.gap * 100).toFixed(2)}% above the least`}.`,
      ),
    );
  } else {
    for (const reason of outcome.reasons) write(`  ${say(reason.message, language)}`);
  }
  const estatesFile = join(folder, 'qinzhou-estates.ndjson');
  const written = [
    await writeOutputFile(context, join(folder, 'plan-qinzhou-2021.html'), portfolioReport(data, language)),
    await writeOutputFile(
      context,
      estatesFile,
      `${qinzhouFictionalEstates.map((estate) => JSON.stringify(estate)).join('\n')}\n`,
    ),
  ];
  write(
    say2(
      `  自行规划：sunshine-rubric plan --estates ${estatesFile} --plan qinzhou-2021 --cohorts`,
      `  Plan it yourself: sunshine-rubric plan --estates ${estatesFile} --plan qinzhou-2021 --cohorts`,
    ),
  );
  return written;
}
