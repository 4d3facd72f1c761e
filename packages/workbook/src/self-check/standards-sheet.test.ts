import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../test/workbook-fixtures.js';
import { selfCheckHeaders } from '../cells/sheet-names.js';
import { importStandardTable } from '../standard-table/import-standard-table.js';
import { exportSelfCheckWorkbook } from './export-self-check.js';

// The title is given: removing columns with exceljs unmerges the title row the importer would read it from.
const options = {
  id: 'from-export',
  version: '1.0.0',
  source: '自查表',
  sheet: '标准',
  title: '自查表的标准',
};

describe('标准 sheet: grounds, drafted values and the evidence provided come last, so the standard-table importer reads it as before', () => {
  it('reads the same standards from a sheet with the three new columns and from one exported before them', async () => {
    const bytes = await exportSelfCheckWorkbook(guangxi2021);
    const workbook = await openWorkbook(bytes);
    const sheet = workbook.getWorksheet('标准')!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    const names = selfCheckHeaders.standards;
    // The columns of earlier exports keep their places; the new ones follow them.
    expect(header.slice(0, -3)).toEqual([
      names.serial,
      names.id,
      names.aspect,
      names.requirement,
      names.standard,
      names.responsible,
      names.basis,
      names.facts,
      names.evidence,
    ]);
    expect(header.slice(-3)).toEqual([names.grounds, names.drafted, names.provided]);
    const current = await importStandardTable(bytes, options);
    sheet.spliceColumns(header.length - 2, 3);
    const before = await importStandardTable(new Uint8Array(await workbook.xlsx.writeBuffer()), options);
    expect(current).toEqual(before);
    const standards = current.aspects.flatMap((aspect) =>
      aspect.requirements.flatMap((requirement) => requirement.standards),
    );
    expect(standards).toHaveLength(65);
    expect(standards.find((standard) => standard.id === 'S28')).toMatchObject({
      title: { zh: '公共区域视频监控覆盖率不低于 90%' },
      basis: expect.stringContaining('90% 为项目草拟'),
    });
  });
});
