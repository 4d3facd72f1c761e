import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { estate, reviewedLog } from '../../test/forms-fixtures.js';
import { openWorkbook } from '../../test/workbook-fixtures.js';
import { defaultSummaryTableLayout } from './form-layout.js';
import { summaryTableHtml, summaryTableWorkbook } from './summary-table.js';

const returnedLog = [
  ...reviewedLog().slice(0, 3),
  {
    type: 'city-review-returned',
    date: '2021-10-12',
    actor: '市领导小组',
    tier: 'city',
    reasons: ['=HYPERLINK("x")'],
  },
];
const applications = [
  { id: estate.id, events: reviewedLog() },
  { id: '=1+1', events: returnedLog },
  { id: '坏记录', events: [{ type: 'applied', date: 'not a date', actor: 'x' }] },
  {
    id: '明年',
    events: reviewedLog().map((event) => ({ ...event, date: String(event.date).replace('2021', '2022') })),
  },
];
const options = { year: 2021, ruleSet: guangxi2021, communities: { [estate.id]: estate.community } };

/** The table's rows under its header, as exceljs reads them back. */
async function tableRows(bytes: Uint8Array): Promise<string[][]> {
  const sheet = (await openWorkbook(bytes)).worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((value) => (value === undefined ? '' : String(value))));
  });
  const header = rows.findIndex((row) => row[0] === '小区名称');
  return rows.slice(header + 1);
}

describe('the summary table of a year’s applicants', () => {
  it('has one row per application of the round, with its step, each tier’s record and its returns, formula-like text as text', async () => {
    const rows = await tableRows(await summaryTableWorkbook(applications, options));
    expect(rows.map((row) => row[0])).toEqual([estate.community.name, "'=1+1", '坏记录']);
    const [reviewed, returned, refused] = rows as [string[], string[], string[]];
    expect(reviewed[1]).toBe(estate.community.district);
    expect(reviewed.slice(2, 8)).toEqual([
      '县（区）级',
      '符合申报条件',
      '60 / 64（93.8%）',
      '市级初审通过',
      '通过',
      '审核中',
    ]);
    expect(returned.slice(5, 8)).toEqual(['市级退回', '退回', '']);
    expect(returned[9]).toBe('2021-10-12 =HYPERLINK("x")');
    expect(refused[5]).toMatch(/^申报记录无法处理：/);
  });

  it('carries the drafted-layout notice and the rule set’s, and follows a city’s own columns', async () => {
    const layout = {
      ...defaultSummaryTableLayout,
      columns: [
        { label: { zh: '小区名称' }, field: 'application.id' },
        { label: { zh: '环节' }, field: 'application.status' },
      ],
    };
    const bytes = await summaryTableWorkbook(applications, { ...options, layout });
    const rows = await tableRows(bytes);
    expect(rows[0]).toEqual([estate.community.name, '市级初审通过']);
    const page = summaryTableHtml(applications, { ...options, language: 'zh-en' });
    expect(page).toContain('官方表式未能取得');
    expect(page).toContain('不是官方文本');
    expect(page).toContain('returned by the city');
    expect(page).not.toMatch(/<script|(src|href)=|url\(/);
    expect(() =>
      summaryTableHtml(applications, {
        ...options,
        layout: { ...layout, columns: [{ label: { zh: '面积' }, field: 'area' }] },
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTIONS',
        issues: [expect.objectContaining({ path: ['layout', 'columns', 0, 'field'] })],
      }),
    );
  });
});
