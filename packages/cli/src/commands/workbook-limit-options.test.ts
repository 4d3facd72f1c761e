import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultWorkbookLimits } from '@sunshine-rubric/workbook';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFixtures } from '../../test/fixtures.js';
import { temporaryFolder } from '../../test/run-cli.js';
import { runInProcess } from '../../test/run-in-process.js';
import { shownWorkbookDefaults } from './workbook-limit-options.js';

let folder: { path: string; remove: () => Promise<void> };
const cli = (...args: string[]) => runInProcess(args, { cwd: folder.path });

beforeAll(async () => {
  folder = await temporaryFolder('workbook-limits');
  await writeFixtures(folder.path);
  expect(
    (await cli('template', 'export', '--assessment', 'below.json', '--out', 'self-check.xlsx')).code,
  ).toBe(0);
  // The small standard table and, on a second sheet, one cell at Z100000: 2.6 million cells by extent,
  // beyond the default limit, yet cheap to read.
  const workbook = new ExcelJS.Workbook();
  const table = workbook.addWorksheet('附件1');
  table.addRow(['方面', '要求', '标准', '责任单位']);
  table.addRow(['小区管理', '安全管理', '公共区域视频监控全覆盖', '公安部门']);
  table.addRow(['', '', '设置电动自行车集中充电场所', '物业服务企业']);
  workbook.addWorksheet('备注').getCell('Z100000').value = '备注';
  await writeFile(join(folder.path, 'wide-table.xlsx'), new Uint8Array(await workbook.xlsx.writeBuffer()));
});
afterAll(() => folder.remove());

describe('--max-cells and --max-inflated-bytes', () => {
  test('template import passes them to the importer; a refusal names the flag that raises the limit', async () => {
    expect((await cli('template', 'import', 'self-check.xlsx')).code).toBe(0);
    const cells = await cli('template', 'import', 'self-check.xlsx', '--max-cells', '10');
    expect(cells.code).toBe(2);
    expect(cells.stdout).toBe('');
    expect(cells.stderr).toMatch(
      /^sunshine-rubric: self-check\.xlsx .*options\.maxCells = 10\).*--max-cells <n>.*\n$/,
    );
    const bytes = await cli('template', 'import', 'self-check.xlsx', '--max-inflated-bytes', '1000');
    expect(bytes.code).toBe(2);
    expect(bytes.stderr).toContain('options.maxInflatedBytes = 1,000');
    expect(bytes.stderr).toContain('raise it with --max-inflated-bytes <n>');
  });

  test('template import-standard: a workbook beyond the default is refused, and read with the limit raised', async () => {
    const refused = await cli('template', 'import-standard', 'wide-table.xlsx', '--id', 'wide');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('options.maxCells = 2,000,000');
    expect(refused.stderr).toContain('--max-cells <n>');
    const raised = await cli(
      'template',
      'import-standard',
      'wide-table.xlsx',
      '--id',
      'wide',
      '--max-cells',
      '3000000',
      '--max-inflated-bytes',
      String(64 * 1024 * 1024),
    );
    expect(raised.stderr).toBe('');
    expect(raised.code).toBe(0);
    expect(JSON.parse(raised.stdout).aspects[0].requirements[0].standards).toHaveLength(2);
  });

  test.each([
    ['--max-cells', '0'],
    ['--max-cells', '-5'],
    ['--max-cells', '1.5'],
    ['--max-cells', 'lots'],
    ['--max-inflated-bytes', ''],
    ['--max-inflated-bytes', '1e9'],
    ['--max-inflated-bytes', '99999999999999999999'],
  ])('%s %j is a one-line usage error before the file is read', async (flag, value) => {
    for (const args of [
      ['template', 'import', 'no-such.xlsx', flag, value],
      ['template', 'import-standard', 'no-such.xlsx', '--id', 'x', flag, value],
    ]) {
      const outcome = await cli(...args);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toBe(
        `sunshine-rubric: ${flag}: expected a whole number from 1 to 9007199254740991, got ${JSON.stringify(value)} (应为正整数)\n`,
      );
    }
  });

  test('--help of both imports documents them, with the importers’ defaults', async () => {
    expect(shownWorkbookDefaults).toEqual(defaultWorkbookLimits);
    for (const command of ['import', 'import-standard']) {
      const help = (await cli('template', command, '--help')).stdout;
      expect(help).toContain('--max-cells <n>');
      expect(help).toContain(`(default ${defaultWorkbookLimits.maxCells})`);
      expect(help).toContain('--max-inflated-bytes <n>');
      expect(help).toContain(`(default ${defaultWorkbookLimits.maxInflatedBytes}, 32 MiB)`);
    }
  });
});
