import { readFile, writeFile } from 'node:fs/promises';
import { createRegistry, definePlugin } from '@sunshine-rubric/core';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { cityReviewedLog } from '../../test/fixtures.js';
import { fixtureFolder, runInProcess } from '../../test/run-in-process.js';
import { builtInPlugins } from '../index.js';

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

describe('--workflow: whose rules an application log folds under', () => {
  const revoked = [
    events[0],
    events[1],
    { type: 'city-review-passed', date: '2021-10-10', actor: '市领导小组', tier: 'city' },
    { type: 'region-recheck-passed', date: '2021-11-15', actor: '自治区', tier: 'region' },
    { type: 'certified', date: '2021-12-20', actor: '自治区', tier: 'region' },
    {
      type: 'reinspected',
      date: '2022-04-10',
      actor: '自治区',
      tier: 'region',
      result: 'revoked',
      reason: '设施停用',
    },
  ];
  const registry = createRegistry({
    plugins: [
      ...builtInPlugins,
      definePlugin({ name: 'revoking-city', apiVersion: 1, workflow: { revocation: true } }),
    ],
  });
  const embedded = (...args: string[]) => runInProcess(args, { cwd: path('.'), registry });

  test('a revoked title folds only under a plugin that allows revocation, in the form and the report', async () => {
    await writeFile(path('revoked.json'), JSON.stringify(revoked));
    for (const command of [
      ['forms', 'application', 'eligible.json', '--out', 'revoked.xlsx'],
      ['report', 'eligible.json', '--out', 'revoked.html'],
    ]) {
      const refused = await embedded(...command, '--application', 'revoked.json');
      expect(refused.code, command[0]).toBe(2);
      expect(refused.stderr).toContain('revoked.json $[5].result');
      const folded = await embedded(
        ...command,
        '--application',
        'revoked.json',
        '--workflow',
        'revoking-city',
      );
      expect(folded.stderr, command[0]).toBe('');
      expect(folded.code).toBe(0);
    }
    expect(await sheetTexts('revoked.xlsx')).toContain('已撤销认定');
    const unknown = await embedded(
      'report',
      'eligible.json',
      '--application',
      'revoked.json',
      '--workflow',
      'x',
      '--out',
      'x.html',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('plugins with a workflow: @sunshine-rubric/qinzhou, revoking-city');
  });
});
