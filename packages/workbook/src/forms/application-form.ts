import { type Assessment, type EvaluationResult, RubricError, type RuleSet } from '@sunshine-rubric/core';
import { ruleSetLabel } from '@sunshine-rubric/core/words';
import type { ApplicationState } from '@sunshine-rubric/core/workflow';
import type { WorkbookLanguage } from '../cells/wording.js';
import { applicationFormContent } from './application-form-content.js';
import type { FormDocument } from './form-document.js';
import { formHtml } from './form-html.js';
import { type ApplicationFormLayout, checkApplicationFormLayout } from './form-layout.js';
import { formWorkbook } from './form-workbook.js';

/**
 * Options of {@link applicationFormWorkbook} and {@link applicationFormHtml}.
 *
 * @example
 * ```ts
 * const options: FormOptions = { language: 'zh-en', layout: qinzhouFormLayout };
 * ```
 */
export interface FormOptions {
  /** A city's own layout (checked); default: the drafted, provisional one. */
  readonly layout?: unknown;
  /** `'zh'` (default) or `'zh-en'`: English on a second line. */
  readonly language?: WorkbookLanguage;
}

/**
 * The application form (申报表) of one estate as .xlsx bytes: one printable sheet, `申报表`, with the
 * estate's details, the self-check's summary requirement by requirement, the evidence list (佐证材料清单:
 * per standard the kinds required, each document provided with its name, date and the start of its hash,
 * and what is missing), the application's progress and the reviewers' blocks (each tier's verdict,
 * decisions, reviewers and dates, disagreements with their reasons), laid out as the layout says. It
 * carries the layout's drafted notice and the rule set's provisional notice.
 *
 * @throws {RubricError} `INVALID_OPTIONS` when the layout is invalid (with its path), the result is not of
 * this assessment and rule set, or the application's self-check is not this result.
 * @example
 * ```ts
 * const state = foldApplication(events, { ruleSet: guangxi2021 });
 * await writeFile('申报表.xlsx', await applicationFormWorkbook(guangxi2021, assessment, result, state));
 * ```
 */
export async function applicationFormWorkbook(
  ruleSet: RuleSet,
  assessment: Assessment,
  result: EvaluationResult,
  applicationState?: ApplicationState,
  options: FormOptions = {},
): Promise<Uint8Array> {
  return formWorkbook(applicationForm(ruleSet, assessment, result, applicationState, options), '申报表');
}

/**
 * The application form as a self-contained HTML page (no script, no external request), with the same
 * content as {@link applicationFormWorkbook}.
 *
 * @throws {RubricError} `INVALID_OPTIONS`, as {@link applicationFormWorkbook}.
 * @example
 * ```ts
 * await writeFile('申报表.html', applicationFormHtml(guangxi2021, assessment, result, state, { language: 'zh-en' }));
 * ```
 */
export function applicationFormHtml(
  ruleSet: RuleSet,
  assessment: Assessment,
  result: EvaluationResult,
  applicationState?: ApplicationState,
  options: FormOptions = {},
): string {
  return formHtml(applicationForm(ruleSet, assessment, result, applicationState, options));
}

function applicationForm(
  ruleSet: RuleSet,
  assessment: Assessment,
  result: EvaluationResult,
  applicationState: ApplicationState | undefined,
  options: FormOptions,
): FormDocument {
  const layout: ApplicationFormLayout = checkApplicationFormLayout(options.layout);
  if (result.assessmentId !== assessment.id)
    throw new RubricError('INVALID_OPTIONS', [
      {
        path: ['result', 'assessmentId'],
        message: `the result is of assessment "${result.assessmentId}", not "${assessment.id}"`,
        kind: 'invalid_value',
      },
    ]);
  if (result.ruleSet.id !== ruleSet.id || result.ruleSet.version !== ruleSet.version)
    throw new RubricError('INVALID_OPTIONS', [
      {
        path: ['result', 'ruleSet'],
        message: `the result was evaluated against ${result.ruleSet.id}@${result.ruleSet.version}, not ${ruleSetLabel(ruleSet)}`,
        kind: 'invalid_value',
      },
    ]);
  return applicationFormContent({
    ruleSet,
    assessment,
    result,
    applicationState,
    layout,
    language: options.language ?? 'zh',
  });
}
