import { formatPath, say } from '@sunshine-rubric/core/words';
import {
  planTitle,
  severityNames,
  statusNames,
  type TimelineData,
  targetsFromText,
  timelineTable,
} from '../text/timeline-text.js';
import type { Language } from '../words/language.js';
import { text } from '../words/wording.js';
import { renderChart, timelineOption } from './charts.js';
import { escapeHtml, page, table } from './html.js';

/**
 * A plan's timeline as a self-contained HTML page: target against planned and certified estates per year
 * as a chart, the yearly figures as a table, and the plan's consistency findings in words.
 */
export function timelineReport(data: TimelineData, language: Language): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const { check, progress } = data;
  const certifiedByYear = new Map(progress?.years.map((year) => [year.year, year]));
  const chart = renderChart(
    timelineOption(
      check.years.map((year) => ({
        year: year.year,
        target: year.cumulativeTarget,
        plannedCumulative: year.cumulativeQuota,
        certified: certifiedByYear.get(year.year)?.certified,
      })),
      check.total,
      {
        target: say2('累计目标', 'cumulative target'),
        planned: say2('计划累计', 'planned (cumulative quotas)'),
        certified: say2('累计已创建', 'certified (cumulative)'),
        total: say2('总数', 'total'),
      },
    ),
    880,
    380,
  );
  const [headers, ...rows] = timelineTable(
    data,
    language,
    (status) =>
      `<span class="${status === 'behind' ? 'bad' : 'good'}">${escapeHtml(say(statusNames[status], language))}</span>`,
  );
  const findings = check.ok
    ? `<p class="good">${escapeHtml(say2('未发现问题。', 'No findings.'))}</p>`
    : `<ul>${check.issues
        .map(
          (issue) =>
            `<li><span class="${issue.severity === 'notice' ? 'muted' : 'bad'}">${escapeHtml(say(severityNames[issue.severity], language))}</span> <strong>${escapeHtml(issue.code)}</strong> <code>${escapeHtml(formatPath(issue.path))}</code>: ${escapeHtml(say(issue.text, language))}${issue.clauses.length === 0 ? '' : ` <span class="muted">${escapeHtml(say2(`（条款：${issue.clauses.join('、')}）`, `(clauses: ${issue.clauses.join(', ')})`))}</span>`}</li>`,
        )
        .join('')}</ul>`;
  const progressLine = progress
    ? `<p class="muted">${escapeHtml(targetsFromText(progress, language))}</p><p>${escapeHtml(
        say2(
          `已创建 ${progress.certified} 个，剩余 ${progress.remaining} 个。${progress.neededPerRemainingYear === null ? '已无剩余年份。' : `今后每年需创建 ${progress.neededPerRemainingYear} 个。`}`,
          `${progress.certified} certified, ${progress.remaining} remaining. ${progress.neededPerRemainingYear === null ? 'No year left.' : `${progress.neededPerRemainingYear} a year needed from now on.`}`,
        ),
      )}</p>`
    : '';
  const title = planTitle(data, language);
  const body = `
<header>
<p class="subtitle">${escapeHtml(say2('创建目标与进度', 'Targets and progress'))}</p>
<h1>${escapeHtml(title)}</h1>
<dl class="meta"><dt>${escapeHtml(say2('计划', 'Plan'))}</dt><dd>${escapeHtml(data.planId)}</dd><dt>${escapeHtml(say2('创建总数', 'Estates to certify'))}</dt><dd>${escapeHtml(check.total)}</dd></dl>
</header>
<h2>${escapeHtml(say2('各年度目标与完成情况', 'Target versus certified, per year'))}</h2>
<figure class="chart">${chart}<figcaption>${escapeHtml(say2('累计数量（个）', 'Cumulative number of estates'))}</figcaption></figure>
${table(
  headers!,
  rows.map((row) => row.map((cell, column) => (column >= 8 ? cell : escapeHtml(cell)))),
  ['number', 'number', 'number', 'number', 'number', 'number', 'number', 'number', 'nowrap'],
)}
${progressLine}
<h2>${escapeHtml(say2('计划一致性检查', 'Consistency of the plan'))} (${check.issues.length})</h2>
${findings}
${cohortsSection(data, language)}
<footer><p>${escapeHtml(say2('由 sunshine-rubric 生成。本报告为自包含文件，打开时不访问网络。', 'Made by sunshine-rubric. This report is self-contained: viewing it makes no network request.'))}</p></footer>`;
  return page({ title, language, body });
}

/** The estates the plan names for each year, when it names them. */
function cohortsSection(data: TimelineData, language: Language): string {
  const cohorts = Object.entries(data.plan.cohorts ?? {});
  if (cohorts.length === 0) return '';
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const rows = cohorts.flatMap(([year, estates]) =>
    estates.map((estate) =>
      [year, estate.name, estate.area ?? '', levelWords(estate.level, language)].map((cell) =>
        escapeHtml(cell),
      ),
    ),
  );
  return `<h2>${escapeHtml(say2('计划创建名单', 'Estates named in the plan'))}</h2>
${table([say2('年份', 'Year'), say2('小区', 'Estate'), say2('区域', 'Area'), say2('层级', 'Level')], rows, ['number', '', '', ''])}`;
}

function levelWords(level: string | undefined, language: Language): string {
  if (level === 'city') return say(text('市级', 'city'), language);
  if (level === 'county') return say(text('县（区）级', 'county or district'), language);
  return level ?? '';
}
