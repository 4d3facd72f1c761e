import { describe, expect, it } from 'vitest';
import { insertInSheet, lieAboutSizes, sheetPart, whitespaceBomb } from '../../test/workbook-bombs.js';
import { allTypesRuleSet, rejection, sampleAssessment } from '../../test/workbook-fixtures.js';
import { exportSelfCheckWorkbook } from '../self-check/export-self-check.js';
import { importSelfCheckWorkbook } from '../self-check/import-self-check.js';
import { importStandardTable } from '../standard-table/import-standard-table.js';
import { checkWorkbookSize } from './workbook-guard.js';
import { defaultWorkbookLimits } from './workbook-limits.js';

const exported = () => exportSelfCheckWorkbook(allTypesRuleSet, { assessment: sampleAssessment });
const facts = sheetPart(2);
const mebibyte = 1024 * 1024;

async function tooLarge(promise: Promise<unknown>, option: string, path: string[] = []) {
  const error = await rejection(promise);
  expect(error.code).toBe('INVALID_WORKBOOK');
  expect(error.issues).toHaveLength(1);
  expect(error.issues[0]).toMatchObject({ path, kind: 'too-large' });
  expect(error.issues[0]!.message).toContain(`raise options.${option}`);
  return error.issues[0]!.message;
}

describe('workbook limits: an inflation bomb', () => {
  it('is refused once its parts inflate beyond maxInflatedBytes', async () => {
    const bomb = whitespaceBomb(await exported(), facts, 8 * mebibyte);
    expect(bomb.length).toBeLessThan(mebibyte / 4);
    const message = await tooLarge(
      importSelfCheckWorkbook(allTypesRuleSet, bomb, { maxInflatedBytes: 2 * mebibyte }),
      'maxInflatedBytes',
    );
    expect(message).toMatch(/^the workbook inflates to more than 2,097,152 bytes/);
  });

  it('is refused even when its directory claims tiny sizes', async () => {
    const bomb = lieAboutSizes(whitespaceBomb(await exported(), facts, 8 * mebibyte), 100);
    await tooLarge(
      importSelfCheckWorkbook(allTypesRuleSet, bomb, { maxInflatedBytes: 2 * mebibyte }),
      'maxInflatedBytes',
    );
  });

  it('stops inflating within one step of the limit, not at the end of the bomb', async () => {
    const bomb = whitespaceBomb(await exported(), facts, 64 * mebibyte);
    let inflated = 0;
    const limits = { maxInflatedBytes: mebibyte, maxCells: defaultWorkbookLimits.maxCells };
    expect(() =>
      checkWorkbookSize(bomb, limits, (bytes) => {
        inflated += bytes;
      }),
    ).toThrow(/inflates to more than/);
    expect(inflated).toBeGreaterThan(mebibyte);
    // One 1 KiB step of deflate input yields at most about 1 MiB.
    expect(inflated).toBeLessThan(mebibyte + 1.5 * mebibyte);
  });

  it('reads the same workbook when the limit is raised: the limit, not the content, refused it', async () => {
    const bomb = whitespaceBomb(await exported(), facts, 8 * mebibyte);
    const assessment = await importSelfCheckWorkbook(allTypesRuleSet, bomb, {
      maxInflatedBytes: 16 * mebibyte,
    });
    expect(assessment.facts).toEqual(sampleAssessment.facts);
  });
});

describe('workbook limits: cells', () => {
  const corner = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>';

  it('refuses a cell at XFD1048576 under the default limits, naming the sheet and the cell', async () => {
    const bomb = insertInSheet(await exported(), facts, corner);
    const message = await tooLarge(importSelfCheckWorkbook(allTypesRuleSet, bomb), 'maxCells', ['事实']);
    expect(message).toMatch(
      /^the workbook spans more than 2,000,000 cells \(sheet 事实 reaches XFD1048576\)/,
    );
  });

  it.each([
    [
      'a merged range over the whole sheet',
      '',
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    ],
    [
      'a data validation over the whole sheet',
      '',
      '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a"</formula1></dataValidation></dataValidations>',
    ],
    [
      'a data validation over whole columns',
      '',
      '<dataValidations count="1"><dataValidation type="list" sqref="A:C"><formula1>"a"</formula1></dataValidation></dataValidations>',
    ],
    ['rows that count on without a number', '<row/>'.repeat(3000), ''],
  ])('refuses %s beyond maxCells', async (_name, rows, after) => {
    const bomb = insertInSheet(await exported(), facts, rows, after);
    await tooLarge(importSelfCheckWorkbook(allTypesRuleSet, bomb, { maxCells: 3_000 }), 'maxCells', ['事实']);
  });

  it('counts the rectangle up to the furthest cell, and validated cells one by one', async () => {
    const workbook = insertInSheet(
      await exported(),
      facts,
      '<row r="500"><c r="J500"/></row>',
      '<dataValidations count="1"><dataValidation type="list" sqref="Z1:Z100 AA1"><formula1>"a"</formula1></dataValidation></dataValidations>',
    );
    const unlimited = { maxInflatedBytes: Number.MAX_SAFE_INTEGER, maxCells: Number.MAX_SAFE_INTEGER };
    const before = checkWorkbookSize(await exported(), unlimited).cells;
    const after = checkWorkbookSize(workbook, unlimited).cells;
    // 事实 reached column F and row 10 before; now J500, plus 101 validated cells beyond those already there.
    expect(after - before).toBeGreaterThanOrEqual(500 * 10 - 10 * 6 + 101);
  });

  it('reads a real workbook well inside the defaults', async () => {
    const size = checkWorkbookSize(await exported(), defaultWorkbookLimits);
    expect(size.inflatedBytes).toBeLessThan(defaultWorkbookLimits.maxInflatedBytes / 100);
    expect(size.cells).toBeLessThan(defaultWorkbookLimits.maxCells / 100);
  });
});

describe('workbook limits: options', () => {
  it('applies to importStandardTable as well', async () => {
    const bomb = whitespaceBomb(await exported(), facts, 8 * mebibyte);
    await tooLarge(
      importStandardTable(bomb, { id: 'x', version: '1.0.0', source: 's', maxInflatedBytes: mebibyte }),
      'maxInflatedBytes',
    );
  });

  it.each([-1, 1.5, Number.NaN, '10'])('refuses a limit of %s', async (limit) => {
    const error = await rejection(
      importSelfCheckWorkbook(allTypesRuleSet, await exported(), { maxCells: limit as number }),
    );
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues[0]).toMatchObject({ path: ['maxCells'], kind: 'invalid-limit' });
  });
});
