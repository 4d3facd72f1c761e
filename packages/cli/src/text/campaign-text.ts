import type { Assessment, RuleSet } from '@sunshine-rubric/core';
import { applicationStatusNames, deadlineStepNames, formatPath, say } from '@sunshine-rubric/core/words';
import type { CampaignYear, LateApplication } from '@sunshine-rubric/core/workflow';
import type { ChosenWorkflow } from '../input/workflows.js';
import type { Palette } from '../io/colour.js';
import type { Language } from '../words/language.js';
import { text } from '../words/wording.js';
import { statusNames as progressStatusNames } from './timeline-text.js';

/** A city's view of one year's round, with what it was taken against. */
export interface CampaignData {
  readonly view: CampaignYear;
  readonly ruleSet: RuleSet;
  readonly asOf?: string | undefined;
  /** The plan's id (or file) when `--plan` was given. */
  readonly planId?: string | undefined;
  /** Whose deadlines were checked; undefined when none were. */
  readonly workflow?: ChosenWorkflow | undefined;
  readonly communities: Readonly<Record<string, Assessment['community']>>;
}

/** One line of the view in both languages, for the text, the HTML page and the demo alike. */
export type CampaignLine = ReturnType<typeof text>;

/** The estate as people know it: its community's name, with the id when that differs. */
export function estateName(data: Pick<CampaignData, 'communities'>, id: string): string {
  const name = data.communities[id]?.name;
  return name === undefined || name === id ? id : `${name} (${id})`;
}

/** The heading: the year, the day the view is taken on, how many applications. */
export function campaignHeading(data: CampaignData): CampaignLine {
  const { view, asOf } = data;
  return text(
    `${view.year} 年度创建申报${asOf === undefined ? '' : `（统计日期 ${asOf}）`}：${view.applications} 份申报`,
    `The ${view.year} round${asOf === undefined ? '' : ` as of ${asOf}`}: ${view.applications} application(s)`,
  );
}

/** How many stand at each step, the steps with none left out. */
export function statusCounts(view: CampaignYear): { status: string; name: CampaignLine; count: number }[] {
  return Object.entries(view.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => ({
      status,
      name: applicationStatusNames[status as keyof typeof applicationStatusNames],
      count,
    }));
}

/** Whose deadlines were checked, in words. */
export function deadlinesBasis(data: CampaignData): CampaignLine {
  return data.workflow === undefined
    ? text(
        '未核对各环节期限（未指定申报流程：--workflow <插件>）',
        'Step deadlines not checked (no workflow: --workflow <plugin>)',
      )
    : text(
        `各环节期限依据：${data.workflow.plugin} 插件`,
        `Step deadlines from the plugin ${data.workflow.plugin}`,
      );
}

/** Each late step and each overdue one of a late application, in words. */
export function lateLines(data: Pick<CampaignData, 'communities'>, late: LateApplication): CampaignLine[] {
  const name = estateName(data, late.id);
  const drafted = (isDrafted: boolean) => (isDrafted ? text('（草拟）', ' (drafted)') : text('', ''));
  const lines = late.lateSteps.map((step) => {
    const mark = drafted(step.drafted);
    const what = deadlineStepNames[step.step];
    return text(
      `${name}：${what.zh} ${step.date}，晚于期限 ${step.deadline}${mark.zh}`,
      `${name}: ${what.en} on ${step.date}, after the deadline ${step.deadline}${mark.en}`,
    );
  });
  if (late.overdue !== undefined) {
    const mark = drafted(late.overdue.drafted);
    const what = deadlineStepNames[late.overdue.step];
    const status = applicationStatusNames[late.status];
    lines.push(
      text(
        `${name}（${status.zh}）：${what.zh}期限 ${late.overdue.deadline}${mark.zh}已过，尚未完成`,
        `${name} (${status.en}): ${what.en} overdue since ${late.overdue.deadline}${mark.en}`,
      ),
    );
  }
  return lines;
}

/** A log that does not fold: its id, the error's code and its first issue, with how many more. */
export function refusedLine(refused: CampaignYear['refused'][number]): CampaignLine {
  const { id, error } = refused;
  const first = error.issues[0];
  const where = first === undefined ? '' : ` ${formatPath(first.path)}`;
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1})` : '';
  const message = `${first?.message ?? error.message}${more} (${error.code})`;
  return text(`${id}${where}：${message}`, `${id}${where}: ${message}`);
}

/** The progress against the plan in the view's year, when a plan was given. */
export function progressLine(data: CampaignData): CampaignLine | undefined {
  const progress = data.view.progress;
  if (progress === undefined) return undefined;
  const year = progress.years.find((entry) => entry.year === data.view.year);
  if (year === undefined)
    return text(
      `进度：至 ${data.view.year} 年底无已认定小区`,
      `Progress: no estate certified by the end of ${data.view.year}`,
    );
  const status = progressStatusNames[year.status];
  return text(
    `进度（${data.planId ?? ''}）：至 ${year.year} 年底目标 ${year.target} 个，已认定 ${year.certified} 个（当年 ${year.certifiedInYear} 个），${status.zh}；${year.summary.zh}`,
    `Progress (${data.planId ?? ''}): by the end of ${year.year}, target ${year.target}, certified ${year.certified} (${year.certifiedInYear} that year), ${status.en}; ${year.summary.en}`,
  );
}

/** The view as text for a terminal. */
export function campaignText(data: CampaignData, language: Language, palette: Palette): string {
  const { view } = data;
  const said = (line: CampaignLine) => say(line, language);
  const heading = (zh: string, en: string, count: number) =>
    said(text(`${zh}（${count}）：`, `${en} (${count}):`));
  const lines = [palette.strong(said(campaignHeading(data))), said(deadlinesBasis(data))];
  lines.push(said(text('各环节：', 'At each step:')));
  for (const { name, count } of statusCounts(view)) lines.push(`  ${said(name)} ${count}`);
  const late = view.late.flatMap((application) => lateLines(data, application));
  lines.push(
    late.length === 0
      ? said(text('逾期：无', 'Late: none'))
      : palette.warn(heading('逾期', 'Late', view.late.length)),
  );
  for (const line of late) lines.push(`  ${said(line)}`);
  lines.push(
    view.returned.length === 0
      ? said(text('退回：无', 'Returned: none'))
      : heading('退回', 'Returned', view.returned.length),
  );
  for (const returned of view.returned) {
    const reasons = returned.reasons.join('；') || said(text('未注明理由', 'no reason given'));
    lines.push(
      `  ${said(text(`${estateName(data, returned.id)} ${returned.date}：${reasons}`, `${estateName(data, returned.id)} ${returned.date}: ${reasons}`))}`,
    );
  }
  lines.push(heading('当年认定', 'Certified in the year', view.certified.length));
  for (const certified of view.certified) lines.push(`  ${estateName(data, certified.id)} ${certified.date}`);
  if (view.refused.length > 0) {
    lines.push(palette.bad(heading('无法汇总的申报记录', 'Logs that do not fold', view.refused.length)));
    for (const refused of view.refused) lines.push(`  ${said(refusedLine(refused))}`);
  }
  const progress = progressLine(data);
  lines.push(
    progress === undefined
      ? said(text('进度：未指定目标计划（--plan）', 'Progress: no target plan given (--plan)'))
      : said(progress),
  );
  return `${lines.join('\n')}\n`;
}
