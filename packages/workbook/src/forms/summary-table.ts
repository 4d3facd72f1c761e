import type { Assessment } from '@sunshine-rubric/core';
import { percentInWords } from '@sunshine-rubric/core/words';
import {
  type ApplicationStatus,
  type CampaignApplication,
  type CampaignYearOptions,
  foldCampaignYear,
  safeFoldApplication,
  tierRecords,
} from '@sunshine-rubric/core/workflow';
import type { WorkbookLanguage } from '../cells/wording.js';
import { type FormDocument, formNotices, wordsOf } from './form-document.js';
import { formHtml } from './form-html.js';
import { checkSummaryTableLayout, type SummaryTableField } from './form-layout.js';
import { receivedByNames, recordedNames, statusNames } from './form-words.js';
import { formWorkbook } from './form-workbook.js';

/**
 * Options of {@link summaryTableWorkbook} and {@link summaryTableHtml}: those of `foldCampaignYear` (the
 * year, the rule set, the plan, the workflow, `asOf`), the estates' details, a city's own layout and the
 * language.
 *
 * @example
 * ```ts
 * const options: SummaryTableOptions = { year: 2021, ruleSet: guangxi2021, communities: { 香山四区: { name: '香山四区', district: '钦南区' } } };
 * ```
 */
export interface SummaryTableOptions extends CampaignYearOptions {
  /** Each estate's details (an assessment's `community`), by application id, for the `community.*` columns. */
  readonly communities?: Readonly<Record<string, Assessment['community']>>;
  /** A city's own layout (checked); default: the drafted, provisional one. */
  readonly layout?: unknown;
  /** `'zh'` (default) or `'zh-en'`: English on a second line. */
  readonly language?: WorkbookLanguage;
}

/**
 * The city's summary table of a year's applicants (申报情况明细表) as .xlsx bytes: one row per application
 * of the year's round, as `foldCampaignYear` counts them (estate, district, the bureau that received it,
 * the self-check's verdict and share met, its step, what the city and the region recorded, late steps and
 * returns with their reasons). A log that does not fold is a row saying why, never left out. It carries the
 * layout's drafted notice and, given a provisional rule set, its notice.
 *
 * @throws {RubricError} `INVALID_OPTIONS` when the layout, the year or `asOf` is invalid; `INVALID_PLAN` when
 * the plan is.
 * @example
 * ```ts
 * const bytes = await summaryTableWorkbook(applications, { year: 2021, ruleSet: guangxi2021, asOf: '2021-11-20' });
 * await writeFile('申报情况明细表.xlsx', bytes);
 * ```
 */
export async function summaryTableWorkbook(
  applications: readonly CampaignApplication[],
  options: SummaryTableOptions,
): Promise<Uint8Array> {
  return formWorkbook(summaryTable(applications, options), '申报情况明细表');
}

/**
 * The summary table as a self-contained HTML page (no script, no external request), with the same content
 * as {@link summaryTableWorkbook}.
 *
 * @throws {RubricError} as {@link summaryTableWorkbook}.
 * @example
 * ```ts
 * await writeFile('申报情况明细表.html', summaryTableHtml(applications, { year: 2021, language: 'zh-en' }));
 * ```
 */
export function summaryTableHtml(
  applications: readonly CampaignApplication[],
  options: SummaryTableOptions,
): string {
  return formHtml(summaryTable(applications, options));
}

interface ApplicantRow {
  readonly id: string;
  readonly community?: Assessment['community'] | undefined;
  readonly status?: ApplicationStatus;
  readonly receivedBy?: 'county' | 'city' | undefined;
  readonly selfCheck?: { readonly eligible: boolean; readonly met: number; readonly applicable: number };
  readonly late: readonly string[];
  readonly returned: readonly string[];
  readonly refused?: string;
}

function summaryTable(
  applications: readonly CampaignApplication[],
  options: SummaryTableOptions,
): FormDocument {
  const { communities = {}, layout: given, language = 'zh', ...yearOptions } = options;
  const layout = checkSummaryTableLayout(given);
  // The year's view checks the options and the plan once; each application is then folded on its own, as
  // the view folds it, so that its row shows its own step in the round.
  foldCampaignYear([], yearOptions);
  const { plan: _plan, ...perApplication } = yearOptions;
  const rows: ApplicantRow[] = [];
  for (const application of applications) {
    const view = foldCampaignYear([application], perApplication);
    const community = communities[application.id];
    const refused = view.refused[0];
    if (refused !== undefined) {
      const why = refused.error.issues.map((issue) => issue.message).join('；');
      rows.push({ id: application.id, community, late: [], returned: [], refused: why });
      continue;
    }
    if (view.applications === 0) continue;
    const status = (Object.keys(view.byStatus) as ApplicationStatus[]).find((key) => view.byStatus[key] > 0);
    const whole = safeFoldApplication(application.events, perApplication);
    const state = whole.ok ? whole.value : undefined;
    const selfCheck = state?.selfCheck;
    rows.push({
      id: application.id,
      community,
      ...(status === undefined ? {} : { status }),
      receivedBy: state?.receivedBy,
      ...(selfCheck === undefined
        ? {}
        : {
            selfCheck: {
              eligible: selfCheck.eligible,
              met: selfCheck.compliance.met,
              applicable: selfCheck.compliance.applicable,
            },
          }),
      late: view.late.flatMap((late) => [
        ...late.lateSteps.map((step) => step.message),
        ...(late.overdue === undefined ? [] : [`${late.overdue.step} > ${late.overdue.deadline}`]),
      ]),
      returned: view.returned.map((entry) => `${entry.date} ${entry.reasons.join('；')}`.trim()),
    });
  }
  const words = (text: { zh: string; en?: string }) => wordsOf(text, language);
  return {
    title: `${words(layout.title)}（${options.year}）`,
    notices: formNotices(layout, options.ruleSet),
    blocks: [
      {
        title: words({ zh: `申报小区共 ${rows.length} 个`, en: `${rows.length} applicants` }),
        kind: 'table',
        headers: layout.columns.map((column) => words(column.label)),
        rows: rows.map((row) => layout.columns.map((column) => cellOf(column.field, row, language))),
        widths: layout.columns.map((column) => column.width ?? 14),
      },
    ],
  };
}

function cellOf(field: SummaryTableField, row: ApplicantRow, language: WorkbookLanguage): string {
  const words = (text: { zh: string; en?: string }) => wordsOf(text, language);
  if (field.startsWith('community.')) {
    const value = row.community?.[field.slice('community.'.length)];
    return value === undefined || value === null
      ? ''
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  }
  switch (field) {
    case 'application.id':
      return row.community?.name ?? row.id;
    case 'selfCheck.verdict':
      if (row.selfCheck === undefined) return '';
      return words(
        row.selfCheck.eligible
          ? { zh: '符合申报条件', en: 'eligible' }
          : { zh: '不符合申报条件', en: 'not eligible' },
      );
    case 'selfCheck.share': {
      const check = row.selfCheck;
      if (check === undefined) return '';
      const share = check.applicable === 0 ? '' : `（${percentInWords(check.met / check.applicable)}）`;
      return `${check.met} / ${check.applicable}${share}`;
    }
    case 'application.status':
      if (row.refused !== undefined)
        return words({ zh: `申报记录无法处理：${row.refused}`, en: `log refused: ${row.refused}` });
      return row.status === undefined ? '' : words(statusNames[row.status]);
    case 'application.receivedBy':
      return row.receivedBy === undefined ? '' : words(receivedByNames[row.receivedBy]);
    case 'review.city':
    case 'review.region': {
      const recorded =
        row.status === undefined
          ? undefined
          : tierRecords({ status: row.status })[field === 'review.city' ? 'city' : 'region'];
      return recorded === undefined ? '' : words(recordedNames[recorded]);
    }
    case 'late':
      return row.late.join('\n');
    case 'returned':
      return row.returned.join('\n');
    default:
      return '';
  }
}
