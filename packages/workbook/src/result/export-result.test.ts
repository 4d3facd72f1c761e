import { defineRuleSet, evaluate, planRemediation } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { allTypesRuleSet, openWorkbook, rejection, sampleAssessment } from '../../test/workbook-fixtures.js';
import { resultSheetNames } from '../cells/sheet-names.js';
import { exportResultWorkbook } from './export-result.js';

async function resultWorkbook(
  ruleSet = guangxi2021,
  assessment = guangxiSamples.belowThreshold,
  options = {},
) {
  const result = evaluate(ruleSet, assessment);
  return {
    result,
    workbook: await openWorkbook(await exportResultWorkbook(ruleSet, assessment, result, options)),
  };
}

/** The 内容 of the summary row labelled `label`. */
function summaryValue(workbook: Awaited<ReturnType<typeof openWorkbook>>, label: string): unknown {
  const sheet = workbook.getWorksheet(resultSheetNames.summary)!;
  for (let row = 4; row <= sheet.rowCount; row += 1) {
    if (sheet.getCell(row, 1).value === label) return sheet.getCell(row, 2).value;
  }
  return undefined;
}

describe('exportResultWorkbook', () => {
  it('writes the five sheets, each with the provisional notice', async () => {
    const { workbook } = await resultWorkbook();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(resultSheetNames));
    for (const sheet of workbook.worksheets)
      expect(String(sheet.getCell('A2').value)).toContain('不是官方文本');
  });

  it('gives the verdict, the compliance rate against the threshold, and the reasons in Chinese', async () => {
    const { workbook, result } = await resultWorkbook();
    expect(summaryValue(workbook, '结论')).toBe('暂不符合申报条件 ✗');
    expect(summaryValue(workbook, '符合率')).toBe('81.3%（适用的 64 项标准中符合 52 项；共 65 项）');
    expect(summaryValue(workbook, '申报条件')).toBe('符合率 ≥ 85%，且每项要求至少 1 项标准符合');
    expect(summaryValue(workbook, '原因 1')).toBe(result.reasons[0]!.message.zh);
    expect(summaryValue(workbook, '整改方案')).toBe('至少整改 3 项标准（费用合计 3），见「整改方案」表');
    const eligible = await resultWorkbook(guangxi2021, guangxiSamples.eligible);
    expect(summaryValue(eligible.workbook, '结论')).toBe('符合申报条件 ✓');
    expect(summaryValue(eligible.workbook, '整改方案')).toBe('无需整改');
  });

  it('names the missing facts by their questions, then their ids', async () => {
    const { workbook, result } = await resultWorkbook(guangxi2021, guangxiSamples.missingData);
    const [first] = result.missingFacts;
    const listed = String(summaryValue(workbook, '缺少数据的事实')).split('、');
    expect(listed).toHaveLength(result.missingFacts.length);
    expect(listed[0]).toBe(`「${guangxi2021.facts[first!]!.title.zh}」(${first})`);
  });

  it('says whether the estate is in the focus, only for a rule set with one, and never as the verdict', async () => {
    const { workbook } = await resultWorkbook();
    expect(summaryValue(workbook, '重点范围')).toBe('✓ 属于重点范围（重点范围不影响结论）');
    const { rentalHouseholds: _, ...unknown } = guangxiSamples.eligible.facts;
    const missing = await resultWorkbook(guangxi2021, { ...guangxiSamples.eligible, facts: unknown });
    expect(summaryValue(missing.workbook, '重点范围')).toBe(
      '? 缺少数据，无法判断是否属于重点范围（重点范围不影响结论）',
    );
    expect(summaryValue(missing.workbook, '结论')).toBe('符合申报条件 ✓');
    const small = { ...guangxiSamples.eligible.facts, rentalHouseholds: 150 };
    const outside = await resultWorkbook(guangxi2021, { ...guangxiSamples.eligible, facts: small });
    expect(summaryValue(outside.workbook, '重点范围')).toBe('✗ 不属于重点范围（重点范围不影响结论）');
    const { focus: __, ...withoutFocus } = guangxi2021;
    const plain = await resultWorkbook(defineRuleSet(withoutFocus));
    expect(summaryValue(plain.workbook, '结论')).toBe('暂不符合申报条件 ✗');
    expect(summaryValue(plain.workbook, '重点范围')).toBeUndefined();
  });

  it('lists each standard with its outcome and its explanation in words', async () => {
    const { workbook } = await resultWorkbook(allTypesRuleSet, sampleAssessment);
    const sheet = workbook.getWorksheet(resultSheetNames.standards)!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '编号',
      '方面',
      '要求',
      '标准',
      '结果',
      '说明',
      '责任单位',
      '佐证材料',
    ]);
    expect(sheet.getCell('F4').value).toBe('不符合');
    expect(String(sheet.getCell('G4').value)).toContain('  ✗ “监控覆盖率？”应不低于90%，实际为85%');
    expect(sheet.getCell('H4').value).toBe('公安部门、city-management-bureau');
    expect(sheet.getCell('F5').value).toBe('符合');
  });

  it('groups the unmet standards by responsible department, by name', async () => {
    const { workbook, result } = await resultWorkbook();
    const sheet = workbook.getWorksheet(resultSheetNames.byDepartment)!;
    const unmet = result.standards
      .filter((standard) => standard.outcome === 'unmet')
      .map((standard) => standard.id);
    const rows = (sheet.getColumn(2).values as unknown[]).slice(4);
    expect(new Set(rows)).toEqual(new Set(unmet));
    expect((sheet.getColumn(1).values as unknown[]).slice(4)).toContain('住房城乡建设部门');
  });

  it('shows the remediation plan, from options or a ready plan', async () => {
    const assessment = guangxiSamples.belowThreshold;
    const result = evaluate(guangxi2021, assessment);
    const plan = planRemediation(guangxi2021, result, { defaultCost: 20_000 });
    for (const remediation of [plan, { defaultCost: 20_000 }]) {
      const workbook = await openWorkbook(
        await exportResultWorkbook(guangxi2021, assessment, result, { remediation }),
      );
      const sheet = workbook.getWorksheet(resultSheetNames.remediation)!;
      expect((sheet.getColumn(2).values as unknown[]).slice(4, 4 + plan.steps.length)).toEqual(
        plan.steps.map((step) => step.standardId),
      );
      expect(sheet.getCell(4 + plan.steps.length, 3).value).toBe('合计');
      expect(sheet.getCell(4 + plan.steps.length, 5).value).toBe(60_000);
    }
  });

  it('names the documents to provide where they are the whole fix (scoring.unevidenced "unmet")', async () => {
    const strict = defineRuleSet({
      ...guangxi2021,
      scoring: { ...guangxi2021.scoring, unevidenced: 'unmet' },
    });
    const assessment = guangxiSamples.eligible;
    const result = evaluate(strict, assessment);
    const plan = planRemediation(strict, result);
    const withDocuments = plan.steps.filter((step) => (step.evidence ?? []).length > 0);
    expect(withDocuments.length).toBeGreaterThan(0);
    const workbook = await openWorkbook(
      await exportResultWorkbook(strict, assessment, result, { remediation: plan }),
    );
    const sheet = workbook.getWorksheet(resultSheetNames.remediation)!;
    expect(sheet.getCell(3, 7).value).toBe('需提供的佐证材料');
    plan.steps.forEach((step, index) => {
      expect(sheet.getCell(4 + index, 7).value ?? '').toBe(
        (step.evidence ?? []).map((kind) => `《${kind}》`).join('、'),
      );
    });
  });

  it('says why no plan helps an estate out of scope', async () => {
    const { workbook } = await resultWorkbook(guangxi2021, guangxiSamples.outOfScope);
    expect(summaryValue(workbook, '在创建范围内')).toBe('否');
    expect(summaryValue(workbook, '整改方案')).toBe('无可行方案：小区不在创建范围内');
  });

  it('shows points against the pass mark for a points rule set, and no notice when official', async () => {
    const points = defineRuleSet({
      ...structuredClone(allTypesRuleSet),
      provenance: { status: 'official', source: '附件1' },
      scoring: { mode: 'points', passMark: 6 },
      aspects: [
        {
          ...allTypesRuleSet.aspects[0]!,
          requirements: [
            {
              ...allTypesRuleSet.aspects[0]!.requirements[0]!,
              standards: allTypesRuleSet.aspects[0]!.requirements[0]!.standards.map((standard) => ({
                ...standard,
                points: 5,
              })),
            },
          ],
        },
      ],
    });
    const { workbook } = await resultWorkbook(points, sampleAssessment);
    expect(summaryValue(workbook, '得分')).toBe('5 / 10（及格线 6）');
    expect(String(workbook.getWorksheet(resultSheetNames.summary)!.getCell('A2').value)).not.toContain(
      '暂定',
    );
    expect(workbook.getWorksheet(resultSheetNames.standards)!.getCell('F3').value).toBe('分值');
  });

  it('refuses a result of another assessment or another rule set', async () => {
    const result = evaluate(guangxi2021, guangxiSamples.eligible);
    const other = await rejection(exportResultWorkbook(guangxi2021, guangxiSamples.belowThreshold, result));
    expect(other.code).toBe('INVALID_OPTIONS');
    const wrongRuleSet = await rejection(
      exportResultWorkbook(allTypesRuleSet, guangxiSamples.eligible, result),
    );
    expect(wrongRuleSet.code).toBe('INVALID_OPTIONS');
    const plan = planRemediation(guangxi2021, result);
    const withPlan = await rejection(
      exportResultWorkbook(allTypesRuleSet, guangxiSamples.eligible, result, { remediation: plan }),
    );
    expect(withPlan.issues[0]!.message).toBe(
      'the result was evaluated against guangxi-2021@0.2.0, not all-types@1.2.3',
    );
  });
});
