// Cells whose kind does not fit the fact they answer: nothing is dropped, nothing is bent into a value.

import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { editSheetXml, sheetPart } from '../../test/workbook-bombs.js';
import {
  allTypesRuleSet,
  bytesOf,
  openWorkbook,
  rejection,
  sampleAssessment,
} from '../../test/workbook-fixtures.js';
import { exportSelfCheckWorkbook } from '../self-check/export-self-check.js';
import { importSelfCheckWorkbook } from '../self-check/import-self-check.js';
import { importStandardTable } from '../standard-table/import-standard-table.js';

type Workbook = Awaited<ReturnType<typeof openWorkbook>>;
const factRow = (factId: string) => 4 + Object.keys(allTypesRuleSet.facts).indexOf(factId);
const answer = (factId: string) => `E${factRow(factId)}`;

async function importEdited(edit: (workbook: Workbook) => void) {
  const workbook = await openWorkbook(
    await exportSelfCheckWorkbook(allTypesRuleSet, { assessment: sampleAssessment }),
  );
  edit(workbook);
  return importSelfCheckWorkbook(allTypesRuleSet, await bytesOf(workbook));
}

describe('answer cells: formulas', () => {
  it('reports a formula without a saved value, naming sheet, cell and fact, instead of dropping it', async () => {
    const error = await rejection(
      importEdited((workbook) => {
        workbook.getWorksheet('事实')!.getCell(answer('rentalHouseholds')).value = {
          formula: 'SUM(B1:B3)',
        } as never;
      }),
    );
    expect(error.issues).toEqual([
      {
        path: ['事实', answer('rentalHouseholds')],
        message: `事实!${answer('rentalHouseholds')}: formula (=SUM(B1:B3)) without a saved value for fact "rentalHouseholds"; open and save the workbook in a spreadsheet program, or type the value`,
        kind: 'formula-without-value',
      },
    ]);
  });

  it('loses no fact of Guangxi 2021 to a formula: all 83 answers or an issue', async () => {
    const workbook = await openWorkbook(
      await exportSelfCheckWorkbook(guangxi2021, { assessment: guangxiSamples.eligible }),
    );
    const sheet = workbook.getWorksheet('事实')!;
    sheet.getCell('E4').value = { formula: 'A1' } as never;
    const error = await rejection(importSelfCheckWorkbook(guangxi2021, await bytesOf(workbook)));
    const factId = Object.keys(guangxi2021.facts)[0]!;
    expect(error.issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(
        new RegExp(`^事实!E4: formula \\(=A1\\) without a saved value for fact "${factId}"`),
      ),
    ]);
  });

  it('takes the saved result of a formula when it fits the fact', async () => {
    const assessment = await importEdited((workbook) => {
      workbook.getWorksheet('事实')!.getCell(answer('rentalHouseholds')).value = {
        formula: '100+20',
        result: 120,
      } as never;
    });
    expect(assessment.facts.rentalHouseholds).toBe(120);
  });
});

describe('answer cells: kinds that do not fit the fact', () => {
  it('refuses a date cell, rich text and a hyperlink where a number is expected', async () => {
    const error = await rejection(
      importEdited((workbook) => {
        const sheet = workbook.getWorksheet('事实')!;
        sheet.getCell(answer('rentalHouseholds')).value = new Date(Date.UTC(2021, 8, 30));
        sheet.getCell(answer('rentalHouseholds')).numFmt = 'yyyy-mm-dd';
        sheet.getCell(answer('cctvCoverage')).value = { richText: [{ text: '0.' }, { text: '9' }] } as never;
        sheet.getCell(answer('lastInspection')).value = {
          text: '2021-09-30',
          hyperlink: 'https://example.org/',
        } as never;
      }),
    );
    expect(error.issues.map((issue) => [issue.message, issue.kind])).toEqual([
      [
        `事实!${answer('rentalHouseholds')}: fact "rentalHouseholds" expects a whole number of at least 0, got a date cell (2021-09-30); type it as a plain number`,
        'wrong-cell-type',
      ],
      [
        `事实!${answer('cctvCoverage')}: fact "cctvCoverage" expects a number between 0 and 1, got rich text "0.9"; type it as a plain number`,
        'wrong-cell-type',
      ],
      [
        `事实!${answer('lastInspection')}: fact "lastInspection" expects a date (YYYY-MM-DD), got a hyperlink "2021-09-30"; type it as a plain date`,
        'wrong-cell-type',
      ],
    ]);
  });

  it('refuses an ISO-date cell (t="d") in a number fact: exceljs would read it as the year', async () => {
    const workbook = await exportSelfCheckWorkbook(allTypesRuleSet, { assessment: sampleAssessment });
    const cell = answer('rentalHouseholds');
    const edited = editSheetXml(workbook, sheetPart(2), (xml) =>
      xml.replace(
        new RegExp(`<c r="${cell}"([^>]*?)(/>|>.*?</c>)`),
        `<c r="${cell}" t="d"><v>2021-09-30T00:00:00Z</v></c>`,
      ),
    );
    const error = await rejection(importSelfCheckWorkbook(allTypesRuleSet, edited));
    expect(error.issues).toEqual([
      {
        path: ['事实', cell],
        message: `事实!${cell}: fact "rentalHouseholds" expects a whole number of at least 0, got a cell stored as an ISO date (t="d"), which exceljs cannot read faithfully; type it as a plain number`,
        kind: 'wrong-cell-type',
      },
    ]);
  });

  it('keeps rich text and hyperlinks in text facts: their text is the answer', async () => {
    const assessment = await importEdited((workbook) => {
      const sheet = workbook.getWorksheet('事实')!;
      sheet.getCell(answer('operatorName')).value = {
        richText: [{ text: '某某' }, { text: '物业' }],
      } as never;
      sheet.getCell(answer('housingType')).value = {
        text: 'low-rent',
        hyperlink: 'https://example.org/',
      } as never;
    });
    expect(assessment.facts).toMatchObject({ operatorName: '某某物业', housingType: 'low-rent' });
  });
});

describe('a file exceljs cannot read', () => {
  it('is refused with advice a user can act on; exceljs own words stay on the cause', async () => {
    const workbook = await exportSelfCheckWorkbook(allTypesRuleSet, { assessment: sampleAssessment });
    // A shared-string index past the end of the table: exceljs fails with "reading 'richText'".
    const broken = editSheetXml(workbook, sheetPart(2), (xml) =>
      xml.replace('</sheetData>', '<row r="90"><c r="A90" t="s"><v>99999</v></c></row></sheetData>'),
    );
    const error = await rejection(importSelfCheckWorkbook(allTypesRuleSet, broken));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.kind).toBe('not-xlsx');
    expect(error.issues[0]!.message).toMatch(/save it as \.xlsx and try again$/);
    expect(error.issues[0]!.message).not.toMatch(/richText|Cannot read|undefined/);
    expect(String((error.cause as Error).message)).toMatch(/richText/);
  });
});

describe('standard table cells', () => {
  it('reports formulas without a saved value and 分值 that is a date or rich text, row by row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('附件1');
    sheet.addRow(['序号', '方面', '要求', '标准', '分值']);
    sheet.addRow([1, '甲', '要求一', '标准一', 5]);
    sheet.addRow([2, null, null, { formula: 'D2' }, 5]);
    sheet.addRow([3, { formula: 'B2' }, '要求二', '标准三', 5]);
    sheet.addRow([4, '甲', '要求一', '标准四', new Date(Date.UTC(2021, 0, 5))]);
    sheet.getCell('E5').numFmt = 'yyyy-mm-dd';
    sheet.addRow([5, '甲', '要求一', '标准五', { richText: [{ text: '5' }] }]);
    sheet.addRow([6, '甲', '要求一', '标准六', { formula: '2+3' }]);
    sheet.addRow([7, '甲', '要求一', '标准七', { formula: '2+3', result: 5 }]);
    const error = await rejection(
      importStandardTable(await bytesOf(workbook), { id: 't', version: '1.0.0', source: 's', passMark: 10 }),
    );
    expect(error.issues.map((issue) => [issue.message, issue.kind])).toEqual([
      [
        '附件1 第 3 行（row 3）：the 标准 cell holds a formula (=D2) without a saved value; open and save the workbook in a spreadsheet program, or type the text',
        'formula-without-value',
      ],
      [
        '附件1 第 4 行（row 4）：the 方面 cell holds a formula (=B2) without a saved value; open and save the workbook in a spreadsheet program, or type the text',
        'formula-without-value',
      ],
      [
        '附件1 第 5 行（row 5）：分值 (points) expects a number of at least 0, got a date cell (2021-01-05); type it as a plain number',
        'wrong-cell-type',
      ],
      [
        '附件1 第 6 行（row 6）：分值 (points) expects a number of at least 0, got rich text "5"; type it as a plain number',
        'wrong-cell-type',
      ],
      [
        '附件1 第 7 行（row 7）：formula (=2+3) without a saved value for 分值 (points); open and save the workbook in a spreadsheet program, or type the value',
        'formula-without-value',
      ],
    ]);
  });
});
