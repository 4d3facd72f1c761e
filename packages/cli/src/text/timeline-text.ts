import type {
  Progress,
  ProgressStatus,
  TargetPlan,
  Text,
  TimelineCheck,
  TimelineIssue,
} from '@sunshine-rubric/core';
import { formatPath, percentInWords, say } from '@sunshine-rubric/core/words';
import type { Palette } from '../io/colour.js';
import type { Language } from '../words/language.js';
import { text } from '../words/wording.js';
import { formatTable } from './table.js';

/** A plan with its consistency check and, when certified counts are given, the progress against it. */
export interface TimelineData {
  readonly planId: string;
  readonly plan: TargetPlan;
  readonly check: TimelineCheck;
  readonly progress?: Progress | undefined;
}

export const statusNames: Readonly<Record<ProgressStatus, Text>> = {
  ahead: text('超前', 'ahead'),
  'on-track': text('按计划', 'on track'),
  behind: text('落后', 'behind'),
};

/** The plan's title in the reader's language, else its id. */
export function planTitle(data: TimelineData, language: Language): string {
  return data.plan.title ? say(data.plan.title, language) : data.planId;
}

/** Quotas, consistency findings and progress as text for a terminal. */
export function timelineText(data: TimelineData, language: Language, palette: Palette): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const { check, progress } = data;
  const lines = [palette.strong(`${planTitle(data, language)} (${data.planId})`)];
  lines.push(say2(`创建总数：${check.total} 个小区`, `Estates to certify: ${check.total}`));
  const [header, ...rows] = timelineTable(data, language, (status) => statusText(status, language, palette));
  lines.push(
    formatTable([header!, ...rows].map((row) => row.map((cell) => ({ text: stripAnsi(cell), shown: cell })))),
  );
  if (check.ok) lines.push(palette.good(say2('一致性检查：未发现问题。', 'Consistency check: no findings.')));
  else {
    lines.push(
      palette.warn(
        say2(
          `一致性检查：发现 ${check.issues.length} 个问题`,
          `Consistency check: ${check.issues.length} finding(s)`,
        ),
      ),
    );
    for (const issue of check.issues) lines.push(`  - ${findingText(issue, language, palette)}`);
  }
  if (progress) {
    const needed = progress.neededPerRemainingYear;
    lines.push(targetsFromText(progress, language));
    for (const year of progress.years) lines.push(`  ${say(year.summary, language)}`);
    lines.push(
      say2(
        `进度：已创建 ${progress.certified} 个，剩余 ${progress.remaining} 个；${needed === null ? '已无剩余年份（逾期）' : `${progress.remainingYears.join('、') || '—'} 每年需创建 ${needed} 个`}`,
        `Progress: ${progress.certified} certified, ${progress.remaining} remaining; ${needed === null ? 'no year left (overdue)' : `${needed} a year needed in ${progress.remainingYears.join(', ') || '—'}`}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

export const severityNames: Readonly<Record<TimelineIssue['severity'], Text>> = {
  error: text('错误', 'error'),
  warning: text('警告', 'warning'),
  notice: text('提示', 'notice'),
};

/** One finding: its severity, code, where it is, what it says and the plan's clauses it compares. */
export function findingText(issue: TimelineIssue, language: Language, palette: Palette): string {
  const severity = say(severityNames[issue.severity], language);
  const marked =
    issue.severity === 'notice'
      ? severity
      : issue.severity === 'error'
        ? palette.bad(severity)
        : palette.warn(severity);
  const clauses =
    issue.clauses.length === 0
      ? ''
      : say(
          text(`（条款：${issue.clauses.join('、')}）`, ` (clauses: ${issue.clauses.join(', ')})`),
          language,
        );
  return `[${marked}] ${issue.code} ${formatPath(issue.path)}: ${say(issue.text, language)}${clauses}`;
}

/** Where the progress targets come from: the plan's yearly quotas, or its milestones. */
export function targetsFromText(progress: Progress, language: Language): string {
  return progress.targetsFrom === 'quotas'
    ? say(
        text('考核目标为各年度计划数量的累计。', 'Progress targets are the yearly quotas, added up.'),
        language,
      )
    : say(
        text('考核目标为各年度累计目标。', 'Progress targets are the cumulative milestone targets.'),
        language,
      );
}

function statusText(status: ProgressStatus, language: Language, palette: Palette): string {
  const words = say(statusNames[status], language);
  return status === 'behind' ? palette.bad(words) : palette.good(words);
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

function stripAnsi(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
  return value.replace(/\u001b\[\d+m/g, '');
}

/**
 * The yearly figures as a table, header first: year, target share, cumulative target, planned quota and
 * planned cumulative, and with progress its target, certified count, difference and status (rendered by
 * `statusCell`, so the terminal can colour it and a page can mark it up).
 */
export function timelineTable(
  data: TimelineData,
  language: Language,
  statusCell: (status: ProgressStatus) => string,
): string[][] {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const { check, progress } = data;
  const progressByYear = new Map(progress?.years.map((year) => [year.year, year]));
  const header = [
    say2('年份', 'Year'),
    say2('累计目标比例', 'Target share'),
    say2('累计目标', 'Cumulative target'),
    say2('当年计划', 'Planned quota'),
    say2('计划累计', 'Planned cumulative'),
    ...(progress
      ? [
          say2('考核目标', 'Progress target'),
          say2('累计已创建', 'Certified'),
          say2('差额', 'Difference'),
          say2('状态', 'Status'),
        ]
      : []),
  ];
  const rows = check.years.map((year) => {
    const actual = progressByYear.get(year.year);
    const progressCells = actual
      ? [
          String(actual.target),
          String(actual.certified),
          signed(actual.difference),
          statusCell(actual.status),
        ]
      : ['', '', '', ''];
    return [
      String(year.year),
      percentInWords(year.share),
      String(year.cumulativeTarget),
      String(year.plannedQuota),
      String(year.cumulativeQuota),
      ...(progress ? progressCells : []),
    ];
  });
  return [header, ...rows];
}
