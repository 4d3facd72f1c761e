// Text that a spreadsheet could take for a formula is never written as-is (OWASP, CSV injection), and
// the importer reads back exactly what was exported.
import { evaluate } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { allTypesRuleSet, sampleAssessment } from '../../test/workbook-fixtures.js';
import { exportResultWorkbook } from '../result/export-result.js';
import { exportSelfCheckWorkbook } from '../self-check/export-self-check.js';
import { importSelfCheckWorkbook } from '../self-check/import-self-check.js';
import { neutraliseFormulaLike, restoreFormulaLike } from './cells.js';

const attack = "=cmd|' /C calc'!A0";
const assessment = {
  ...sampleAssessment,
  id: '-2021-01',
  community: { ...sampleAssessment.community, name: '@SUM(1+1)*cmd', address: '+86 138 0000 0000' },
  facts: { ...sampleAssessment.facts, operatorName: attack },
};

/** Every text cell of every sheet, as SheetJS (an independent reader) sees it. */
function texts(bytes: Uint8Array): string[] {
  const workbook = XLSX.read(bytes, { type: 'array' });
  return workbook.SheetNames.flatMap((name) =>
    Object.entries(workbook.Sheets[name]!)
      .filter(([address, cell]) => !address.startsWith('!') && (cell as XLSX.CellObject).t === 's')
      .map(([, cell]) => String((cell as XLSX.CellObject).v)),
  );
}

describe('formula-like text in exports', () => {
  it('writes it behind a single quote in the self-check workbook, and imports it back exactly', async () => {
    const bytes = await exportSelfCheckWorkbook(allTypesRuleSet, { assessment });
    const cells = texts(bytes);
    expect(cells).toContain(`'${attack}`);
    expect(cells).toContain("'@SUM(1+1)*cmd");
    expect(cells).toContain("'+86 138 0000 0000");
    expect(cells.filter((text) => /^[=+\-@\t\r]/.test(text))).toEqual([]);
    const back = await importSelfCheckWorkbook(allTypesRuleSet, bytes);
    expect(back.facts.operatorName).toBe(attack);
    expect(back.community).toMatchObject({ name: '@SUM(1+1)*cmd', address: '+86 138 0000 0000' });
    expect(back.id).toBe('-2021-01');
  });

  it('writes no cell of the result workbook that starts like a formula', async () => {
    const result = evaluate(allTypesRuleSet, assessment);
    const cells = texts(await exportResultWorkbook(allTypesRuleSet, assessment, result));
    expect(cells).toContain("'-2021-01");
    expect(cells.filter((text) => /^[=+\-@\t\r]/.test(text))).toEqual([]);
  });

  it('is reversible, text that starts with quotes included', () => {
    for (const text of ['=1', '-5', '+', '@', '\t=1', '\r', "'=1", "''-1", "'", "'abc", 'abc', '']) {
      expect(restoreFormulaLike(neutraliseFormulaLike(text))).toBe(text);
    }
    expect(neutraliseFormulaLike("'abc")).toBe("'abc");
    expect(neutraliseFormulaLike("'=1")).toBe("''=1");
  });
});
