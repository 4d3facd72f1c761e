// An independent reader: SheetJS opens the workbooks exceljs wrote and sees the same sheets, headers
// and cells. (SheetJS's community edition does not read data validations; exceljs tests cover those.)
import { evaluate } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import {
  exportResultWorkbook,
  exportSelfCheckWorkbook,
  resultSheetNames,
  selfCheckSheetNames,
} from '@sunshine-rubric/workbook';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';

const assessment = guangxiSamples.belowThreshold;
const factIds = Object.keys(guangxi2021.facts);

/** The sheet as rows of cell values, as SheetJS reads it. */
function rowsOf(workbook: XLSX.WorkBook, name: string): unknown[][] {
  const sheet = workbook.Sheets[name];
  expect(sheet, `sheet ${name}`).toBeDefined();
  return XLSX.utils.sheet_to_json<unknown[]>(sheet!, { header: 1, defval: null, raw: true });
}

describe('the workbooks, read by SheetJS', () => {
  it('self-check: sheet names, headers, the notice, and the answers', async () => {
    const workbook = XLSX.read(await exportSelfCheckWorkbook(guangxi2021, { assessment }), { type: 'array' });
    expect(workbook.SheetNames).toEqual([
      selfCheckSheetNames.community,
      selfCheckSheetNames.facts,
      selfCheckSheetNames.standards,
    ]);

    const facts = rowsOf(workbook, '事实');
    expect(String(facts[1]![0])).toContain('不是官方文本');
    expect(facts[2]).toEqual(['编号', '问题', '类型', '取值范围', '答案', '单位']);
    expect(facts.slice(3).map((row) => row[0])).toEqual(factIds);
    const answers = Object.fromEntries(facts.slice(3).map((row) => [row[0], row[4]]));
    expect(answers.cctvCoverage).toBe(assessment.facts.cctvCoverage);
    expect(answers.rentalHouseholds).toBe(assessment.facts.rentalHouseholds);
    expect(answers.occupied).toBe('是');
    expect(answers.housingType).toBe('public-rental');

    const community = rowsOf(workbook, '小区信息');
    expect(community[2]!.slice(0, 4)).toEqual(['项目', '内容', '说明', '字段']);
    expect(community[3]!.slice(0, 2)).toEqual(['评估编号', assessment.id]);
    expect(community[4]!.slice(0, 2)).toEqual(['小区名称', assessment.community.name]);
    // A mirrored form field: SheetJS reads the cached result of the formula.
    const rental = community.find((row) => row[0] === '租赁户数');
    expect(rental?.[1]).toBe(assessment.facts.rentalHouseholds);

    const standards = rowsOf(workbook, '标准');
    expect(standards[2]).toEqual([
      '序号',
      '编号',
      '方面',
      '要求',
      '标准',
      '责任单位',
      '依据',
      '读取的事实',
      '证明材料',
      '依据类型及出处',
      '草拟取值',
      '提供的佐证材料',
    ]);
    expect(standards.slice(3)).toHaveLength(65);
    expect(standards[3]!.slice(0, 3)).toEqual([1, 'S01', '政府职责']);
    expect(workbook.Sheets[selfCheckSheetNames.standards]!['!merges']?.length).toBeGreaterThan(0);
  });

  it('result: sheet names, the verdict and each standard’s outcome with its explanation', async () => {
    const result = evaluate(guangxi2021, assessment);
    const workbook = XLSX.read(await exportResultWorkbook(guangxi2021, assessment, result), {
      type: 'array',
    });
    expect(workbook.SheetNames).toEqual(Object.values(resultSheetNames));
    const summary = rowsOf(workbook, '审核结论');
    expect(summary.find((row) => row[0] === '结论')?.[1]).toBe('暂不符合申报条件 ✗');
    expect(summary.find((row) => row[0] === '原因 1')?.[1]).toBe(result.reasons[0]!.message.zh);
    expect(summary.find((row) => row[0] === '重点范围')?.[1]).toBe('✓ 属于重点范围（重点范围不影响结论）');
    const standards = rowsOf(workbook, '逐项结果');
    const s11 = standards.find((row) => row[1] === 'S11');
    expect(s11?.[5]).toBe('不符合');
    expect(s11?.[6]).toBe(
      '✗ “小区到最近的中学的步行距离是多少米？”应不超过2000米（草拟值），实际为2600米\n→ 不符合',
    );
    const s34 = standards.find((row) => row[1] === 'S34');
    expect(s34?.[6]).toBe('✗ “是否设置了电动自行车集中停放和充电场所？”应为是，实际为否\n→ 不符合');
  });
});
