import { evaluate } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import {
  allTypesRuleSet,
  bytesOf,
  openWorkbook,
  rejection,
  sampleAssessment,
} from '../../test/workbook-fixtures.js';
import { exportSelfCheckWorkbook } from './export-self-check.js';
import { importSelfCheckWorkbook } from './import-self-check.js';

const filled = () => exportSelfCheckWorkbook(allTypesRuleSet, { assessment: sampleAssessment });
const factRow = (factId: string) => 4 + Object.keys(allTypesRuleSet.facts).indexOf(factId);

/** Exports the sample, lets the test edit the workbook, and imports the result. */
async function importEdited(edit: (workbook: Awaited<ReturnType<typeof openWorkbook>>) => void) {
  const workbook = await openWorkbook(await filled());
  edit(workbook);
  return importSelfCheckWorkbook(allTypesRuleSet, await bytesOf(workbook));
}

describe('importSelfCheckWorkbook: what it refuses', () => {
  it.each([
    ['random bytes', new Uint8Array([1, 2, 3, 4, 5])],
    ['a CSV file', new TextEncoder().encode('编号,答案\noccupied,是\n')],
    ['an empty file', new Uint8Array()],
  ])('refuses %s as not an .xlsx workbook', async (_name, bytes) => {
    const error = await rejection(importSelfCheckWorkbook(allTypesRuleSet, bytes));
    expect(error.code).toBe('INVALID_WORKBOOK');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ kind: 'not-xlsx' });
    expect(error.issues[0]!.message).toMatch(/not an \.xlsx workbook/);
  });

  it('refuses something that is not bytes at all', async () => {
    const error = await rejection(
      importSelfCheckWorkbook(allTypesRuleSet, 'self-check.xlsx' as unknown as Uint8Array),
    );
    expect(error.issues[0]!.kind).toBe('not-xlsx');
  });

  it('names every missing sheet', async () => {
    const error = await rejection(
      importEdited((workbook) => {
        workbook.removeWorksheet(workbook.getWorksheet('事实')!.id);
        workbook.removeWorksheet(workbook.getWorksheet('小区信息')!.id);
      }),
    );
    expect(error.issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/^小区信息: missing sheet "小区信息"/),
      expect.stringMatching(/^事实: missing sheet "事实"/),
    ]);
  });

  it('names a missing header', async () => {
    const error = await rejection(
      importEdited((workbook) => {
        workbook.getWorksheet('事实')!.getCell('E3').value = '回答';
      }),
    );
    expect(error.issues.map((issue) => issue.message)).toEqual([
      '事实: header "答案" not found in rows 1–10',
    ]);
  });

  it('reports every wrong answer at once, each with its sheet and cell', async () => {
    const error = await rejection(
      importEdited((workbook) => {
        const sheet = workbook.getWorksheet('事实')!;
        sheet.getCell(`E${factRow('occupied')}`).value = '也许';
        sheet.getCell(`E${factRow('rentalHouseholds')}`).value = 3.5;
        sheet.getCell(`E${factRow('cctvCoverage')}`).value = 1.5;
        sheet.getCell(`E${factRow('lastInspection')}`).value = '2021-02-30';
        sheet.getCell(`E${factRow('housingType')}`).value = 'villa';
        sheet.getCell(`E${factRow('operatorName')}`).value = { error: '#N/A' } as never;
      }),
    );
    expect(error.code).toBe('INVALID_WORKBOOK');
    expect(error.issues.map((issue) => issue.message)).toEqual([
      `事实!E${factRow('occupied')}: expected 是 or 否 (yes or no), got "也许"`,
      `事实!E${factRow('rentalHouseholds')}: expected a whole number of at least 0, got 3.5`,
      `事实!E${factRow('cctvCoverage')}: expected a number between 0 and 1, got 1.5`,
      `事实!E${factRow('operatorName')}: expected text, got the error #N/A`,
      `事实!E${factRow('lastInspection')}: expected a date (YYYY-MM-DD), got "2021-02-30"`,
      `事实!E${factRow('housingType')}: expected one of public-rental, low-rent, other, got "villa"`,
    ]);
    expect(error.issues[0]!.path).toEqual(['事实', `E${factRow('occupied')}`]);
  });

  it('refuses an unknown fact id, a repeated fact and an answer without an id: nothing is dropped', async () => {
    const error = await rejection(
      importEdited((workbook) => {
        const sheet = workbook.getWorksheet('事实')!;
        sheet.getCell('A20').value = 'bogusFact';
        sheet.getCell('E20').value = '是';
        sheet.getCell('A21').value = 'occupied';
        sheet.getCell('E21').value = '否';
        sheet.getCell('E22').value = 7;
      }),
    );
    expect(error.issues.map((issue) => issue.message)).toEqual([
      '事实!A20: unknown fact "bogusFact": not in the fact catalog of all-types',
      `事实!A21: fact "occupied" appears twice (first in row ${factRow('occupied')})`,
      '事实!A22: this row has an answer but no fact id',
    ]);
  });

  it('refuses a blank form: the assessment id and the estate name are required', async () => {
    const error = await rejection(
      importSelfCheckWorkbook(allTypesRuleSet, await exportSelfCheckWorkbook(allTypesRuleSet)),
    );
    expect(error.issues.map((issue) => issue.message)).toEqual([
      '小区信息!B4: the assessment id (评估编号) is empty: fill it in',
      '小区信息!B5: the estate name (小区名称) is empty: fill it in',
    ]);
  });

  it('refuses a workbook made for another rule set, and a malformed date of the self-check', async () => {
    const workbook = await openWorkbook(await exportSelfCheckWorkbook(guangxi2021));
    const sheet = workbook.getWorksheet('小区信息')!;
    sheet.getCell('B4').value = 'a-1';
    sheet.getCell('B5').value = '小区';
    sheet.getCell('B16').value = '上周';
    const error = await rejection(importSelfCheckWorkbook(allTypesRuleSet, await bytesOf(workbook)));
    expect(error.issues.map((issue) => issue.message)).toEqual([
      '小区信息!B16: expected the date of the self-check as YYYY-MM-DD (or a date-time with seconds and an offset), got "上周"',
      '小区信息!B17: this workbook was made for rule set "guangxi-2021@0.2.0", not all-types@1.2.3',
    ]);
  });

  it('takes exactly the dates of the self-check that the evaluator takes', async () => {
    for (const [written, accepted] of [
      ['2021-08-15T09:30:00+08:00', true],
      ['2021-08-15T09:30+08:00', false],
      ['2021-08-15T24:00:00Z', false],
    ] as const) {
      const workbook = await openWorkbook(
        await exportSelfCheckWorkbook(guangxi2021, { assessment: guangxiSamples.eligible }),
      );
      workbook.getWorksheet('小区信息')!.getCell('B16').value = written;
      const imported = importSelfCheckWorkbook(guangxi2021, await bytesOf(workbook));
      if (accepted)
        expect(evaluate(guangxi2021, await imported).assessmentId).toBe(guangxiSamples.eligible.id);
      else expect((await rejection(imported)).issues[0]?.path).toEqual(['小区信息', 'B16']);
    }
  });
});

describe('importSelfCheckWorkbook: what it reads', () => {
  it('reads a blank form once the id and name are filled in: no facts, and mirrored fields are not read twice', async () => {
    const workbook = await openWorkbook(await exportSelfCheckWorkbook(guangxi2021));
    const sheet = workbook.getWorksheet('小区信息')!;
    sheet.getCell('B4').value = '2021-家兴苑一区';
    sheet.getCell('B5').value = '家兴苑一区';
    const assessment = await importSelfCheckWorkbook(guangxi2021, await bytesOf(workbook));
    expect(assessment).toEqual({
      id: '2021-家兴苑一区',
      ruleSet: 'guangxi-2021',
      community: { name: '家兴苑一区' },
      facts: {},
    });
  });

  it('finds moved columns and a header row moved down by their text', async () => {
    const assessment = await importEdited((workbook) => {
      const facts = workbook.getWorksheet('事实')!;
      facts.spliceColumns(2, 0, [], []);
      facts.spliceRows(1, 0, [], []);
      const community = workbook.getWorksheet('小区信息')!;
      community.spliceColumns(1, 0, []);
    });
    expect(assessment.facts).toEqual(sampleAssessment.facts);
    expect(assessment.id).toBe(sampleAssessment.id);
  });

  it('reads what people type: 是/TRUE, numbers as text, 85%, 1,500, dates as 2021/9/30 or date cells', async () => {
    const assessment = await importEdited((workbook) => {
      const sheet = workbook.getWorksheet('事实')!;
      sheet.getCell(`E${factRow('occupied')}`).value = true;
      sheet.getCell(`E${factRow('rentalHouseholds')}`).value = ' 1,500 ';
      sheet.getCell(`E${factRow('cctvCoverage')}`).value = '85%';
      sheet.getCell(`E${factRow('lastInspection')}`).value = '2021/9/3';
      sheet.getCell(`E${factRow('housingType')}`).value = ' low-rent ';
      sheet.getCell(`E${factRow('operatorName')}`).value = 12345;
    });
    expect(assessment.facts).toMatchObject({
      occupied: true,
      rentalHouseholds: 1500,
      cctvCoverage: 0.85,
      lastInspection: '2021-09-03',
      housingType: 'low-rent',
      operatorName: '12345',
    });
  });

  it('reads a row the form does not have as a field of the estate', async () => {
    const assessment = await importEdited((workbook) => {
      const sheet = workbook.getWorksheet('小区信息')!;
      const row = sheet.addRow([]);
      row.getCell(1).value = '物业公司';
      row.getCell(2).value = '某某物业';
    });
    expect(assessment.community).toMatchObject({ name: '测试小区', 物业公司: '某某物业' });
  });
});
