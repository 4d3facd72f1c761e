import { say } from '@sunshine-rubric/core/words';
import {
  type CampaignData,
  type CampaignLine,
  campaignHeading,
  deadlinesBasis,
  estateName,
  lateLines,
  progressLine,
  refusedLine,
  statusCounts,
} from '../text/campaign-text.js';
import type { Language } from '../words/language.js';
import { text } from '../words/wording.js';
import { escapeHtml, page, table } from './html.js';

/**
 * A city's view of one year's round as a self-contained HTML page, with the same content as the text: how
 * many stand at each step, the late and overdue steps (whose deadlines, drafted ones marked), the returns with
 * their reasons, the estates certified, the logs that do not fold with why, and the progress against the plan.
 */
export function campaignReport(data: CampaignData, language: Language): string {
  const said = (line: CampaignLine) => escapeHtml(say(line, language));
  const say2 = (zh: string, en: string) => said(text(zh, en));
  const { view } = data;
  const list = (items: readonly string[], none: CampaignLine) =>
    items.length === 0
      ? `<p class="muted">${said(none)}</p>`
      : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
  const none = text('无', 'None');
  const steps = table(
    [say(text('环节', 'Step'), language), say(text('数量', 'Applications'), language)],
    statusCounts(view).map(({ name, count }) => [said(name), escapeHtml(count)]),
    ['', 'number'],
  );
  const late = view.late.flatMap((application) => lateLines(data, application)).map(said);
  const returned = table(
    [
      say(text('小区', 'Estate'), language),
      say(text('日期', 'Date'), language),
      say(text('理由', 'Reasons'), language),
    ],
    view.returned.map((entry) => [
      escapeHtml(estateName(data, entry.id)),
      escapeHtml(entry.date),
      escapeHtml(entry.reasons.join('；')),
    ]),
    ['', 'nowrap', ''],
  );
  const certified = table(
    [say(text('小区', 'Estate'), language), say(text('认定日期', 'Certified on'), language)],
    view.certified.map((entry) => [escapeHtml(estateName(data, entry.id)), escapeHtml(entry.date)]),
    ['', 'nowrap'],
  );
  const refused = view.refused.map((entry) => `<span class="bad">${said(refusedLine(entry))}</span>`);
  const progress = progressLine(data);
  const title = say(
    text(`${view.year} 年度创建申报情况`, `The ${view.year} round of applications`),
    language,
  );
  const body = `
<header>
<p class="subtitle">${say2('城市年度申报汇总', 'The city’s year at a glance')}</p>
<h1>${escapeHtml(title)}</h1>
<p>${said(campaignHeading(data))}</p>
<p class="muted">${said(deadlinesBasis(data))}</p>
</header>
<h2>${say2('各环节数量', 'Applications at each step')}</h2>
${view.applications === 0 ? `<p class="muted">${said(none)}</p>` : steps}
<h2>${say2('逾期', 'Late')} (${view.late.length})</h2>
${list(late, none)}
<h2>${say2('退回', 'Returned')} (${view.returned.length})</h2>
${view.returned.length === 0 ? `<p class="muted">${said(none)}</p>` : returned}
<h2>${say2('当年认定', 'Certified in the year')} (${view.certified.length})</h2>
${view.certified.length === 0 ? `<p class="muted">${said(none)}</p>` : certified}
<h2>${say2('无法汇总的申报记录', 'Logs that do not fold')} (${view.refused.length})</h2>
${list(refused, none)}
<h2>${say2('进度', 'Progress')}</h2>
<p>${progress === undefined ? say2('未指定目标计划（--plan）。', 'No target plan given (--plan).') : said(progress)}</p>
<footer><p>${say2('由 sunshine-rubric 生成。本报告为自包含文件，打开时不访问网络。', 'Made by sunshine-rubric. This report is self-contained: viewing it makes no network request.')}</p></footer>`;
  return page({ title, language, body });
}
