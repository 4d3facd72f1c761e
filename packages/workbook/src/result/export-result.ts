import {
  type Assessment,
  type EvaluationResult,
  planRemediation,
  type RemediationOptions,
  type RemediationPlan,
  RubricError,
  type RuleSet,
} from '@sunshine-rubric/core';
import { outcomeNames, ruleSetLabel } from '@sunshine-rubric/core/words';
import type { Workbook } from 'exceljs';
import { resultSheetNames } from '../cells/sheet-names.js';
import { headerRowNumber, startSheet } from '../cells/styles.js';
import { responsibleTitle, type WorkbookLanguage } from '../cells/wording.js';
import { createWorkbook, saveWorkbook } from '../file/workbook-io.js';
import {
  outcomeFills,
  unmetByDepartment,
  writeRequirementsSheet,
  writeRows,
  writeStandardResultsSheet,
  writeSummarySheet,
} from './result-sheets.js';

/**
 * Options of {@link exportResultWorkbook}.
 *
 * @example
 * ```ts
 * const options: ResultExportOptions = { remediation: { cost: { S28: 120_000 }, defaultCost: 20_000 } };
 * ```
 */
export interface ResultExportOptions {
  /**
   * The remediation plan to show: a plan from `planRemediation`, or the options (costs) to make one
   * with. Default: `planRemediation(ruleSet, result)`, which fixes as few standards as possible.
   */
  readonly remediation?: RemediationPlan | RemediationOptions;
  /** `'zh'` (default) or `'zh-en'`: English on a second line where the rule set has it. */
  readonly lang?: WorkbookLanguage;
}

/**
 * The reviewer's view of one evaluation, as .xlsx bytes. Sheets (see `resultSheetNames`): `审核结论`
 * (verdict, compliance rate against the threshold or points against the pass mark, reasons in
 * Chinese), `逐项结果` (each standard's outcome and its explanation in words, e.g.
 * `✗ “公共区域视频监控覆盖率是多少（0–1）？”应不低于90%，实际为85%`), `要求汇总`, `未达标分工` (unmet standards by responsible
 * department) and `整改方案` (the cheapest fixes that make the estate eligible). Every sheet carries
 * the provisional notice when the rule set is provisional.
 *
 * @throws {RubricError} `INVALID_OPTIONS` when the result was not evaluated against this rule set and
 * assessment, or a remediation cost is invalid.
 * @example
 * ```ts
 * const result = evaluate(guangxi2021, assessment);
 * const bytes = await exportResultWorkbook(guangxi2021, assessment, result, {
 *   remediation: { cost: { S28: 120_000 }, defaultCost: 20_000 },
 * });
 * await writeFile('result.xlsx', bytes);
 * ```
 */
export async function exportResultWorkbook(
  ruleSet: RuleSet,
  assessment: Assessment,
  result: EvaluationResult,
  options: ResultExportOptions = {},
): Promise<Uint8Array> {
  if (result.assessmentId !== assessment.id) {
    throw new RubricError('INVALID_OPTIONS', [
      {
        path: ['result', 'assessmentId'],
        message: `the result is of assessment "${result.assessmentId}", not "${assessment.id}"`,
      },
    ]);
  }
  if (result.ruleSet.id !== ruleSet.id || result.ruleSet.version !== ruleSet.version) {
    throw new RubricError('INVALID_OPTIONS', [
      {
        path: ['result', 'ruleSet'],
        message: `the result was evaluated against ${result.ruleSet.id}@${result.ruleSet.version}, not ${ruleSetLabel(ruleSet)}`,
      },
    ]);
  }
  const { remediation, lang = 'zh' } = options;
  const plan =
    remediation !== undefined && 'feasible' in remediation
      ? remediation
      : planRemediation(ruleSet, result, remediation ?? {});
  const workbook = createWorkbook(`${assessment.community.name} 审核结果`);
  workbook.subject = ruleSetLabel(ruleSet);
  writeSummarySheet(workbook, ruleSet, assessment, result, plan, lang);
  writeStandardResultsSheet(workbook, ruleSet, result, lang);
  writeRequirementsSheet(workbook, ruleSet, result);
  writeByDepartmentSheet(workbook, ruleSet, result, plan);
  writeRemediationSheet(workbook, ruleSet, result, plan);
  return saveWorkbook(workbook);
}

function writeByDepartmentSheet(
  workbook: Workbook,
  ruleSet: RuleSet,
  result: EvaluationResult,
  plan: RemediationPlan,
): void {
  const sheet = workbook.addWorksheet(resultSheetNames.byDepartment);
  const columns = [
    { header: '责任单位', width: 22 },
    { header: '编号', width: 8 },
    { header: '标准', width: 56 },
    { header: '结果', width: 10 },
    { header: '列入整改方案', width: 12 },
  ];
  startSheet(sheet, `未达标标准按责任单位：${result.assessmentId}`, ruleSet, columns);
  const titles = standardTitles(ruleSet);
  const outcomes = new Map(result.standards.map((standard) => [standard.id, standard.outcome]));
  const planned = new Set(plan.steps.map((step) => step.standardId));
  const rows = [...unmetByDepartment(ruleSet, result)].flatMap(([department, standardIds]) =>
    standardIds.map((standardId) => [
      responsibleTitle(department),
      standardId,
      titles.get(standardId) ?? '',
      outcomeNames[outcomes.get(standardId) ?? 'unmet'].zh,
      planned.has(standardId) ? '是' : '否',
    ]),
  );
  if (rows.length === 0) rows.push(['（无未达标标准）', '', '', '', '']);
  writeRows(sheet, headerRowNumber + 1, rows, columns.length, (values, cell) => {
    const outcome = outcomes.get(String(values[1]));
    if (outcome) cell(4).fill = outcomeFills[outcome];
  });
}

function writeRemediationSheet(
  workbook: Workbook,
  ruleSet: RuleSet,
  result: EvaluationResult,
  plan: RemediationPlan,
): void {
  const sheet = workbook.addWorksheet(resultSheetNames.remediation);
  const columns = [
    { header: '序号', width: 6 },
    { header: '编号', width: 8 },
    { header: '标准', width: 56 },
    { header: '当前结果', width: 10 },
    { header: '费用', width: 12 },
    { header: '责任单位', width: 24 },
    { header: '需提供的佐证材料', width: 36 },
  ];
  startSheet(sheet, `整改方案：${result.assessmentId}（整改下列标准即可达到申报条件）`, ruleSet, columns);
  const rows: (string | number)[][] = plan.steps.map((step, index) => [
    index + 1,
    step.standardId,
    step.title.zh,
    outcomeNames[step.outcome].zh,
    step.cost,
    (step.responsible.length > 0 ? step.responsible : ['unassigned']).map(responsibleTitle).join('、'),
    // Under scoring.unevidenced 'unmet': the documents that are the whole fix of the standard.
    (step.evidence ?? []).map((kind) => `《${kind}》`).join('、'),
  ]);
  if (!plan.feasible) {
    const why = {
      OUT_OF_SCOPE: '小区不在创建范围内，整改标准无济于事',
      SCOPE_UNKNOWN: '缺少判断创建范围所需的数据，请先补充',
      UNREACHABLE: '即使整改全部未达标标准也无法达到申报条件',
    };
    rows.push(['', '', `无可行方案：${why[plan.blockedBy ?? 'UNREACHABLE']}`, '', '', '', '']);
  } else if (plan.steps.length === 0) {
    rows.push(['', '', '已符合申报条件，无需整改', '', '', '', '']);
  } else {
    rows.push(['', '', '合计', '', plan.totalCost, '', ''], ['', '', '按责任单位汇总', '', '', '', '']);
    const costs = new Map(plan.steps.map((step) => [step.standardId, step.cost]));
    for (const [department, standardIds] of Object.entries(plan.byResponsible)) {
      const cost = standardIds.reduce((sum, standardId) => sum + (costs.get(standardId) ?? 0), 0);
      rows.push(['', '', standardIds.join('、'), '', cost, responsibleTitle(department), '']);
    }
  }
  writeRows(sheet, headerRowNumber + 1, rows, columns.length);
}

function standardTitles(ruleSet: RuleSet): Map<string, string> {
  return new Map(
    ruleSet.aspects.flatMap((aspect) =>
      aspect.requirements.flatMap((requirement) =>
        requirement.standards.map((standard): [string, string] => [standard.id, standard.title.zh]),
      ),
    ),
  );
}
