import type { Assessment } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import {
  allTypesRuleSet,
  bytesOf,
  openWorkbook,
  rejection,
  sampleAssessment,
} from '../../test/workbook-fixtures.js';
import { selfCheckHeaders } from '../cells/sheet-names.js';
import { exportSelfCheckWorkbook } from './export-self-check.js';
import { importSelfCheckWorkbook } from './import-self-check.js';

const hash = `sha256:${'0123456789abcdef'.repeat(4)}`;
const withEvidence: Assessment = {
  ...sampleAssessment,
  evidence: {
    S1: [
      { kind: '监控点位图', name: '点位图（2021版）.pdf', date: '2021-06-01', hash, note: '含 36 个点位' },
      { kind: '维保合同', name: '合同；附件.pdf' },
    ],
  },
};

type Sheet = NonNullable<ReturnType<Awaited<ReturnType<typeof openWorkbook>>['getWorksheet']>>;

/** The column of a header on the 标准 sheet, by its Chinese name. */
function columnOf(sheet: Sheet, name: string): number {
  const header = (sheet.getRow(3).values as unknown[]).map((value) => String(value ?? '').split('\n')[0]);
  const index = header.indexOf(name);
  expect(index, name).toBeGreaterThan(0);
  return index;
}

/** Exports the sample, types `text` into S1's (or another row's) 提供的佐证材料 cell, and imports it. */
async function importTyped(text: string | number, row = 4) {
  const workbook = await openWorkbook(
    await exportSelfCheckWorkbook(allTypesRuleSet, { assessment: sampleAssessment }),
  );
  const sheet = workbook.getWorksheet('标准')!;
  sheet.getRow(row).getCell(columnOf(sheet, selfCheckHeaders.standards.provided)).value = text;
  return {
    bytes: await bytesOf(workbook),
    address: `${sheet.getColumn(columnOf(sheet, '提供的佐证材料')).letter}${row}`,
  };
}

describe('标准 sheet: 提供的佐证材料, the evidence the estate lists per standard', () => {
  it('reads what a person typed, one document a line, into assessment.evidence — a kind the standard does not require kept', async () => {
    const { bytes } = await importTyped(
      `监控点位图：点位图.pdf；2021/6/1\n\n消防验收意见书 : 验收意见.pdf ; ${hash.toUpperCase().replace('SHA256', 'sha256')}`,
    );
    const assessment = await importSelfCheckWorkbook(allTypesRuleSet, bytes);
    expect(assessment.evidence).toEqual({
      S1: [
        { kind: '监控点位图', name: '点位图.pdf', date: '2021-06-01' },
        { kind: '消防验收意见书', name: '验收意见.pdf', hash },
      ],
    });
  });

  it('refuses each malformed line with its sheet, cell and line', async () => {
    const { bytes, address } = await importTyped(
      '监控点位图：点位图.pdf\n只写了名称\n监控点位图：图.pdf；2021-02-30',
    );
    const error = await rejection(importSelfCheckWorkbook(allTypesRuleSet, bytes));
    expect(error.code).toBe('INVALID_WORKBOOK');
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: ['标准', address],
        kind: 'invalid-cell',
        message: expect.stringMatching(new RegExp(`^标准!${address}: line 2: expected 种类：名称`)),
      }),
      expect.objectContaining({
        path: ['标准', address],
        message: expect.stringMatching(new RegExp(`^标准!${address}: line 3: .*not a date`)),
      }),
    ]);
  });

  it('refuses evidence typed on a row that is no standard, and a number where the lines go', async () => {
    const onTitle = await importTyped('监控点位图：点位图.pdf', 20);
    const error = await rejection(importSelfCheckWorkbook(allTypesRuleSet, onTitle.bytes));
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: ['标准', onTitle.address],
        message: expect.stringContaining('a row without a standard id'),
      }),
    ]);
    const number = await importTyped(42);
    const numberError = await rejection(importSelfCheckWorkbook(allTypesRuleSet, number.bytes));
    expect(numberError.issues[0]!.message).toContain('expected the evidence as text');
  });

  it('imports a workbook exported before the column as one without evidence', async () => {
    const workbook = await openWorkbook(
      await exportSelfCheckWorkbook(allTypesRuleSet, { assessment: withEvidence }),
    );
    const sheet = workbook.getWorksheet('标准')!;
    sheet.spliceColumns(columnOf(sheet, selfCheckHeaders.standards.provided), 1);
    const assessment = await importSelfCheckWorkbook(allTypesRuleSet, await bytesOf(workbook));
    expect(assessment.evidence).toBeUndefined();
    expect(assessment.facts).toEqual(sampleAssessment.facts);
  });

  it('writes the evidence as lines a person can read, pre-filled, with the form explained on the header', async () => {
    const workbook = await openWorkbook(
      await exportSelfCheckWorkbook(allTypesRuleSet, { assessment: withEvidence }),
    );
    const sheet = workbook.getWorksheet('标准')!;
    const column = columnOf(sheet, selfCheckHeaders.standards.provided);
    expect(sheet.getRow(4).getCell(column).value).toBe(
      `监控点位图：点位图（2021版）.pdf；2021-06-01；${hash}；备注：含 36 个点位\n{"kind":"维保合同","name":"合同；附件.pdf"}`,
    );
    expect(sheet.getRow(5).getCell(column).value).toBeNull();
    expect(String(sheet.getRow(3).getCell(column).note)).toContain('种类：名称；日期；sha256:');
  });

  it('refuses to export evidence for a standard the rule set does not have', async () => {
    const error = await rejection(
      exportSelfCheckWorkbook(allTypesRuleSet, {
        assessment: { ...sampleAssessment, evidence: { S9: [{ kind: '材料', name: '文件' }] } },
      }),
    );
    expect(error.code).toBe('INVALID_ASSESSMENT');
    expect(error.issues).toEqual([
      expect.objectContaining({ path: ['evidence', 'S9'], kind: 'unknown-standard' }),
    ]);
  });
});
