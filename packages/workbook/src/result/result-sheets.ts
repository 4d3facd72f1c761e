import type {
  Assessment,
  EvaluationResult,
  RemediationPlan,
  RuleSet,
  StandardResult,
} from '@sunshine-rubric/core';
import {
  factInWords,
  factValueInWords,
  focusInWords,
  outcomeNames,
  percentInWords,
  resultMark,
  ruleSetLabel,
  say,
  unevidencedPolicyInWords,
  verdictInWords,
} from '@sunshine-rubric/core/words';
import type { Cell, Fill, Workbook, Worksheet } from 'exceljs';
import { setText } from '../cells/cells.js';
import { evidenceCellText, showsEvidence, unevidencedOf } from '../cells/evidence-text.js';
import { resultSheetNames } from '../cells/sheet-names.js';
import { hasPoints, responsibleText } from '../cells/standard-columns.js';
import {
  font,
  headerRowNumber,
  metFill,
  missingFill,
  neutralFill,
  startSheet,
  styleDataRow,
  unmetFill,
} from '../cells/styles.js';
import type { WorkbookLanguage } from '../cells/wording.js';
import { explanationText } from './explanation-text.js';

export const outcomeFills: Readonly<Record<StandardResult['outcome'], Fill>> = {
  met: metFill,
  unmet: unmetFill,
  'missing-data': missingFill,
  'not-applicable': neutralFill,
};

type Value = string | number;

/** Writes rows of values below the header, with borders and wrapped text; returns the next free row. */
export function writeRows(
  sheet: Worksheet,
  firstRow: number,
  rows: readonly (readonly Value[])[],
  columnCount: number,
  style?: (rowValues: readonly Value[], cells: (column: number) => Cell) => void,
): number {
  rows.forEach((values, index) => {
    const row = sheet.getRow(firstRow + index);
    values.forEach((value, column) => {
      const cell = row.getCell(column + 1);
      if (typeof value === 'number') cell.value = value;
      else if (value !== '') setText(cell, value);
    });
    styleDataRow(row, columnCount);
    style?.(values, (column) => row.getCell(column));
  });
  return firstRow + rows.length;
}

/**
 * 审核结论: the verdict and the numbers behind it, whether the estate is in the rule set's focus (for a
 * rule set with one), the reasons, and the remediation in one line.
 */
export function writeSummarySheet(
  workbook: Workbook,
  ruleSet: RuleSet,
  assessment: Assessment,
  result: EvaluationResult,
  plan: RemediationPlan,
  language: WorkbookLanguage,
): void {
  const sheet = workbook.addWorksheet(resultSheetNames.summary);
  const columns = [
    { header: say({ zh: '项目', en: 'Item' }, language), width: 22 },
    { header: say({ zh: '内容', en: 'Value' }, language), width: 90 },
  ];
  startSheet(sheet, `审核结论：${assessment.community.name}`, ruleSet, columns);
  const scopeUnknown = result.reasons.some((reason) => reason.code === 'SCOPE_UNKNOWN');
  const rows: Value[][] = [
    ['小区', [assessment.community.name, assessment.community.district].filter(Boolean).join('，')],
    ['评估编号', assessment.id],
    ['规则集', `${ruleSetLabel(ruleSet)}　${ruleSet.title.zh}`],
    ['结论', `${verdictInWords(result).zh} ${result.eligible ? '✓' : '✗'}`],
    ['在创建范围内', scopeUnknown ? '无法判断（缺少数据）' : factValueInWords(result.inScope).zh],
  ];
  const focus = focusInWords(result);
  if (focus !== undefined) {
    rows.push(['重点范围', `${resultMark(result.inFocus ?? null)} ${focus.zh}（重点范围不影响结论）`]);
  }
  const { met, applicable, total, rate } = result.compliance;
  if (ruleSet.scoring.mode === 'points' && result.score) {
    rows.push(['得分', `${result.score.points} / ${result.score.max}（及格线 ${result.score.passMark}）`]);
  }
  rows.push([
    '符合率',
    `${percentInWords(rate)}（适用的 ${applicable} 项标准中符合 ${met} 项；共 ${total} 项）`,
  ]);
  if (ruleSet.scoring.mode === 'compliance-rate') {
    const { threshold, minMetPerRequirement } = ruleSet.scoring;
    rows.push([
      '申报条件',
      `符合率 ≥ ${percentInWords(threshold)}，且每项要求至少 ${minMetPerRequirement} 项标准符合`,
    ]);
  } else if (ruleSet.scoring.minMetPerRequirement > 0) {
    rows.push([
      '申报条件',
      `得分达到及格线，且每项要求至少 ${ruleSet.scoring.minMetPerRequirement} 项标准符合`,
    ]);
  }
  rows.push([
    '缺少数据的事实',
    result.missingFacts.length > 0
      ? result.missingFacts.map((fact) => factInWords(ruleSet, fact).zh).join('、')
      : '无',
  ]);
  if (showsEvidence(ruleSet, result)) rows.push(['缺少佐证材料的标准', unevidencedText(ruleSet, result)]);
  for (const [index, reason] of result.reasons.entries())
    rows.push([`原因 ${index + 1}`, say(reason.message, language)]);
  rows.push(['整改方案', remediationSummary(plan)]);
  writeRows(sheet, headerRowNumber + 1, rows, columns.length, (values, cell) => {
    cell(1).font = font({ bold: true });
    if (values[0] === '结论') {
      cell(2).font = font({ bold: true, size: 12 });
      cell(2).fill = result.eligible ? metFill : unmetFill;
    }
  });
}

/** The standards self-assessed met without their evidence, and what the rule set does about them. */
function unevidencedText(ruleSet: RuleSet, result: EvaluationResult): string {
  if (result.unevidenced === undefined) return '（结果中无佐证材料信息）';
  const unevidenced = unevidencedOf(result);
  if (unevidenced.length === 0) return '无';
  const policy = unevidencedPolicyInWords(ruleSet.scoring.unevidenced).zh;
  return `${unevidenced.join('、')}：自评符合但缺少佐证材料，见「${resultSheetNames.standards}」表（${policy}）`;
}

function remediationSummary(plan: RemediationPlan): string {
  if (!plan.feasible) {
    const why = {
      OUT_OF_SCOPE: '小区不在创建范围内',
      SCOPE_UNKNOWN: '无法判断是否在创建范围内',
      UNREACHABLE: '整改全部未达标标准也无法达到申报条件',
    };
    return `无可行方案：${why[plan.blockedBy ?? 'UNREACHABLE']}`;
  }
  if (plan.steps.length === 0) return '无需整改';
  return `至少整改 ${plan.steps.length} 项标准（费用合计 ${plan.totalCost}），见「${resultSheetNames.remediation}」表`;
}

/**
 * 逐项结果: every standard's outcome, coloured, with its explanation in words, drafted values marked, and —
 * when the rule set requires evidence or the result has some — its evidence: missing, complete or not
 * required, and each document provided (a standard self-assessed met without its evidence is marked).
 */
export function writeStandardResultsSheet(
  workbook: Workbook,
  ruleSet: RuleSet,
  result: EvaluationResult,
  language: WorkbookLanguage,
): void {
  const sheet = workbook.addWorksheet(resultSheetNames.standards);
  const points = hasPoints(ruleSet);
  const evidence = showsEvidence(ruleSet, result);
  const columns = [
    { header: '序号', width: 6 },
    { header: '编号', width: 8 },
    { header: '方面', width: 12 },
    { header: '要求', width: 22 },
    { header: '标准', width: 42 },
    ...(points ? [{ header: '分值', width: 7 }] : []),
    { header: '结果', width: 10 },
    { header: '说明', width: 46 },
    { header: '责任单位', width: 16 },
    ...(evidence ? [{ header: '佐证材料', width: 40 }] : []),
  ];
  startSheet(sheet, `逐项结果：${result.assessmentId}`, ruleSet, columns);
  const unevidenced = new Set(unevidencedOf(result));
  const outcomes = new Map(result.standards.map((standard) => [standard.id, standard]));
  const rows: Value[][] = [];
  for (const aspect of ruleSet.aspects) {
    for (const requirement of aspect.requirements) {
      for (const standard of requirement.standards) {
        const outcome = outcomes.get(standard.id);
        rows.push([
          rows.length + 1,
          standard.id,
          say(aspect.title, language),
          say(requirement.title, language),
          say(standard.title, language),
          ...(points ? [standard.points ?? ''] : []),
          outcome ? outcomeNames[outcome.outcome].zh : '',
          outcome ? explanationText(outcome.explanation, outcome.outcome, ruleSet, language, standard) : '',
          responsibleText(standard),
          ...(evidence ? [evidenceCellText(outcome?.evidence, language)] : []),
        ]);
      }
    }
  }
  const outcomeColumn = points ? 7 : 6;
  writeRows(sheet, headerRowNumber + 1, rows, columns.length, (values, cell) => {
    const outcome = outcomes.get(String(values[1]));
    if (outcome) cell(outcomeColumn).fill = outcomeFills[outcome.outcome];
    if (evidence && unevidenced.has(String(values[1]))) cell(columns.length).fill = missingFill;
  });
}

/** 要求汇总: met and applicable standards per requirement, and whether it is satisfied. */
export function writeRequirementsSheet(workbook: Workbook, ruleSet: RuleSet, result: EvaluationResult): void {
  const sheet = workbook.addWorksheet(resultSheetNames.requirements);
  const columns = [
    { header: '方面', width: 14 },
    { header: '编号', width: 8 },
    { header: '要求', width: 44 },
    { header: '符合', width: 8 },
    { header: '适用', width: 8 },
    { header: '是否满足', width: 12 },
  ];
  startSheet(sheet, `要求汇总：${result.assessmentId}`, ruleSet, columns);
  const counts = new Map(result.requirements.map((requirement) => [requirement.id, requirement]));
  const rows: Value[][] = ruleSet.aspects.flatMap((aspect) =>
    aspect.requirements.map((requirement) => {
      const count = counts.get(requirement.id);
      const satisfied =
        count === undefined
          ? ''
          : count.applicable === 0
            ? '无适用标准'
            : factValueInWords(count.satisfied).zh;
      return [
        aspect.title.zh,
        requirement.id,
        requirement.title.zh,
        count?.met ?? '',
        count?.applicable ?? '',
        satisfied,
      ];
    }),
  );
  writeRows(sheet, headerRowNumber + 1, rows, columns.length, (values, cell) => {
    if (values[5] === '否') cell(6).fill = unmetFill;
  });
}

/** The unmet (and missing-data) standards by responsible department, in order of first appearance. */
export function unmetByDepartment(ruleSet: RuleSet, result: EvaluationResult): Map<string, string[]> {
  const outcomes = new Map(result.standards.map((standard) => [standard.id, standard.outcome]));
  const groups = new Map<string, string[]>();
  for (const aspect of ruleSet.aspects) {
    for (const requirement of aspect.requirements) {
      for (const standard of requirement.standards) {
        const outcome = outcomes.get(standard.id);
        if (outcome !== 'unmet' && outcome !== 'missing-data') continue;
        const owners =
          standard.responsible && standard.responsible.length > 0 ? standard.responsible : ['unassigned'];
        for (const owner of owners) groups.set(owner, [...(groups.get(owner) ?? []), standard.id]);
      }
    }
  }
  return groups;
}
