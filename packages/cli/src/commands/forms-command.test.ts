import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { cityReviewedLog } from '../../test/fixtures.js';
import { fixtureFolder } from '../../test/run-in-process.js';

const { cli, path } = fixtureFolder('forms');
const events = cityReviewedLog('<b>监控</b>未覆盖');

beforeAll(async () => {
  await writeFile(path('events.json'), JSON.stringify(events));
  await writeFile(
    path('applications.json'),
    JSON.stringify([{ id: 'qingshan', events, community: { name: '青山小区', district: '钦南区' } }]),
  );
});

async function sheetTexts(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path(file));
  const texts: string[] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    row.eachCell((cell) => {
      texts.push(String(cell.value));
    });
  });
  return texts;
}

describe('forms', () => {
  test('application writes the estate’s form as xlsx, with the city’s disagreement and its reason', async () => {
    const outcome = await cli(
      'forms',
      'application',
      'eligible.json',
      '--application',
      'events.json',
      '--out',
      'form.xlsx',
    );
    expect(outcome.code).toBe(0);
    const texts = await sheetTexts('form.xlsx');
    expect(texts.some((text) => text.includes('<b>监控</b>未覆盖'))).toBe(true);
    expect(texts.some((text) => text.includes('官方表式未能取得'))).toBe(true);
  });

  test('application writes HTML with English beside the Chinese', async () => {
    const outcome = await cli(
      'forms',
      'application',
      'eligible.json',
      '--application',
      'events.json',
      '--format',
      'html',
      '--lang',
      'en',
      '--out',
      'form.html',
    );
    expect(outcome.code).toBe(0);
    const html = await readFile(path('form.html'), 'utf8');
    expect(html).toContain('&lt;b&gt;监控&lt;/b&gt;未覆盖');
    expect(html).toContain('city initial review');
  });

  test('summary writes the year’s applicants', async () => {
    const outcome = await cli(
      'forms',
      'summary',
      'applications.json',
      '--year',
      '2021',
      '--out',
      'summary.xlsx',
    );
    expect(outcome.code).toBe(0);
    const texts = await sheetTexts('summary.xlsx');
    expect(texts).toContain('青山小区');
    expect(texts).toContain('钦南区');
    expect(texts).toContain('市级初审通过');
  });

  test('a layout with an unknown field is bad input naming the file and the path', async () => {
    await writeFile(
      path('layout.json'),
      JSON.stringify({
        title: { zh: '表' },
        provisional: false,
        columns: [{ label: { zh: '面积' }, field: 'area' }],
      }),
    );
    const outcome = await cli(
      'forms',
      'summary',
      'applications.json',
      '--year',
      '2021',
      '--layout',
      'layout.json',
      '--out',
      'bad.xlsx',
    );
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toContain('layout.json');
    expect(outcome.stderr).toMatch(/columns.*0.*field/);
    expect(outcome.stderr).toContain('unknown field "area"');
  });
});
