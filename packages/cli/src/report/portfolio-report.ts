import { ruleSetLabel, say } from '@sunshine-rubric/core/words';
import type { PortfolioPlan } from '@sunshine-rubric/planner';
import {
  amount,
  departmentLabel,
  optimalityWords,
  type PortfolioData,
  portfolioNotices,
} from '../text/portfolio-text.js';
import type { Language } from '../words/language.js';
import { text } from '../words/wording.js';
import { renderChart } from './charts.js';
import { escapeHtml, page, table } from './html.js';
import { costPerYearOption, quotaPerYearOption } from './portfolio-charts.js';

/**
 * A city's portfolio plan as a self-contained HTML page: the estates put forward each year against the
 * plan's targets and quotas (a chart), cost per year against budget (a chart), each department's workload
 * per year, and every estate's fixes; or, when no plan exists, why. The notices (provisional rule set,
 * fictional estates, drafted costs) are at the top.
 */
export function portfolioReport(data: PortfolioData, language: Language): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const { outcome } = data;
  const title = say(data.planTitle, language);
  const unit = say(data.outcome.amounts.unit, language);
  const header = `
<header>
<p class="subtitle">${escapeHtml(say2('城市创建组合规划', 'City portfolio plan'))}</p>
<h1>${escapeHtml(title)}</h1>
<dl class="meta"><dt>${escapeHtml(say2('计划', 'Plan'))}</dt><dd>${escapeHtml(data.planId)}</dd><dt>${escapeHtml(say2('规则集', 'Rule set'))}</dt><dd>${escapeHtml(ruleSetLabel(data.ruleSet))}</dd><dt>${escapeHtml(say2('小区', 'Estates'))}</dt><dd>${escapeHtml(data.estateCount)}</dd>${
    outcome.feasible
      ? `<dt>${escapeHtml(say2('总费用', 'Total cost'))}</dt><dd class="total-cost">${escapeHtml(`${amount(outcome.totalCost)} ${unit}`)}</dd>`
      : ''
  }</dl>
</header>`;
  const footer = `<footer><p>${escapeHtml(say2('由 sunshine-rubric 生成。本报告为自包含文件，打开时不访问网络。', 'Made by sunshine-rubric. This report is self-contained: viewing it makes no network request.'))}</p></footer>`;
  const notice = portfolioNotices(data, language).join('\n');
  const unplannable =
    outcome.unplannable.length === 0
      ? ''
      : `<p class="bad">${escapeHtml(
          say2(
            `任何整改都无法使其符合条件、不列入规划：${outcome.unplannable.map((estate) => estate.name).join('、')}`,
            `No fix makes these eligible; left out of the plan: ${outcome.unplannable.map((estate) => estate.name).join(', ')}`,
          ),
        )}</p>`;
  if (!outcome.feasible) {
    const reasons = `<h2 class="bad">${escapeHtml(say2('无可行方案', 'No plan exists'))}</h2><ul class="reasons">${outcome.reasons
      .map(
        (reason) =>
          `<li><strong>${escapeHtml(reason.code)}</strong> ${escapeHtml(say(reason.message, language))}</li>`,
      )
      .join('')}</ul>`;
    return page({ title, language, notice, body: `${header}\n${unplannable}\n${reasons}\n${footer}` });
  }
  const body = `${header}
<p class="verdict">${escapeHtml(say(optimalityWords(outcome, data), language))}</p>
${unplannable}
<h2>${escapeHtml(say2('各年度申报与目标', 'Estates put forward against the targets, per year'))}</h2>
<div class="charts">
<figure class="chart">${quotaChart(outcome, data, language)}<figcaption>${escapeHtml(say2('累计数量（个）', 'Cumulative number of estates'))}</figcaption></figure>
<figure class="chart">${costChart(outcome, language)}<figcaption>${escapeHtml(say2(`各年度费用（${unit}）`, `Cost per year (${unit})`))}</figcaption></figure>
</div>
${yearTable(outcome, language)}
<h2>${escapeHtml(say2('各部门整改任务（项）', 'Department workload (fixes)'))}</h2>
${workloadTable(outcome, data, language)}
<h2>${escapeHtml(say2('各小区整改清单', 'Fixes per estate'))}</h2>
${estateTable(outcome, data, language)}
${footer}`;
  return page({ title, language, notice, body });
}

function quotaChart(plan: PortfolioPlan, data: PortfolioData, language: Language): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  let cumulative = plan.years[0]?.certifiedBefore ?? 0;
  const years = plan.years.map((year) => {
    cumulative += year.estates.length;
    return { year: year.year, target: year.target, putForward: year.estates.length, cumulative };
  });
  const labels = {
    target: say2('累计目标', 'cumulative target'),
    putForward: say2('当年申报', 'put forward in the year'),
    cumulative: say2('累计申报', 'put forward, cumulative'),
    total: say2('小区总数', 'estates'),
  };
  return renderChart(quotaPerYearOption(years, data.estateCount, labels), 470, 330);
}

function costChart(plan: PortfolioPlan, language: Language): string {
  const labels = { cost: say(text('费用', 'cost'), language), budget: say(text('预算', 'budget'), language) };
  const years = plan.years.map((year) => ({
    year: year.year,
    cost: year.cost,
    budget: year.budget ?? undefined,
  }));
  return renderChart(costPerYearOption(years, labels), 470, 330);
}

function yearTable(plan: PortfolioPlan, language: Language): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const headers = [
    say2('年份', 'Year'),
    say2('当年申报', 'Put forward'),
    say2('累计申报', 'Cumulative'),
    say2('累计目标', 'Target'),
    say2('费用', 'Cost'),
    say2('预算', 'Budget'),
  ];
  let cumulative = plan.years[0]?.certifiedBefore ?? 0;
  const rows = plan.years.map((year) => {
    cumulative += year.estates.length;
    return [
      String(year.year),
      String(year.estates.length),
      String(cumulative),
      String(year.target),
      amount(year.cost),
      year.budget === null ? '—' : amount(year.budget),
    ].map((cell) => escapeHtml(cell));
  });
  return table(
    headers,
    rows,
    headers.map(() => 'number'),
  );
}

function workloadTable(plan: PortfolioPlan, data: PortfolioData, language: Language): string {
  const departments = [...new Set(plan.years.flatMap((year) => Object.keys(year.byDepartment)))];
  if (departments.length === 0)
    return `<p class="muted">${escapeHtml(say(text('无需整改。', 'Nothing to fix.'), language))}</p>`;
  const headers = [
    say(text('责任部门', 'Department'), language),
    ...plan.years.map((year) => String(year.year)),
    say(text('合计', 'Total'), language),
  ];
  const rows = departments.map((department) => {
    const counts = plan.years.map((year) => year.byDepartment[department]?.fixes ?? 0);
    return [
      escapeHtml(departmentLabel(department, data, language)),
      ...[...counts, counts.reduce((sum, count) => sum + count, 0)].map((count) => escapeHtml(count)),
    ];
  });
  return table(headers, rows, ['', ...plan.years.map(() => 'number'), 'number']);
}

function estateTable(plan: PortfolioPlan, data: PortfolioData, language: Language): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const headers = [
    say2('年份', 'Year'),
    say2('小区', 'Estate'),
    say2('区域', 'Area'),
    say2('整改标准', 'Standards to fix'),
    say2('费用', 'Cost'),
  ];
  const rows = plan.years.flatMap((year) =>
    year.estates.map((estate) => [
      escapeHtml(year.year),
      `${escapeHtml(estate.name)}${data.fixed.has(estate.estateId) ? ` <span class="muted">${escapeHtml(say2('（指定年份）', '(year fixed)'))}</span>` : ''}`,
      escapeHtml(estate.area ?? ''),
      estate.fixes.length === 0
        ? `<span class="good">${escapeHtml(say2('已符合条件，无需整改', 'eligible: nothing to fix'))}</span>`
        : `<ul class="explanation">${estate.fixes
            .map(
              (fix) =>
                `<li><strong>${escapeHtml(fix.standardId)}</strong> ${escapeHtml(say(fix.title, language))}${fix.outcome === 'missing-data' ? escapeHtml(say2('（补充数据）', ' (answer the missing facts)')) : ''} <span class="muted">${escapeHtml(
                  fix.responsible.map((department) => departmentLabel(department, data, language)).join('、'),
                )} · ${escapeHtml(amount(fix.cost))}</span></li>`,
            )
            .join('')}</ul>`,
      escapeHtml(amount(estate.cost)),
    ]),
  );
  return table(headers, rows, ['number', '', '', '', 'number']);
}
