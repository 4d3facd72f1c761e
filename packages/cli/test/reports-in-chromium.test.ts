// Opens an estate report, a timeline report, a plan and a city’s year in headless Chromium: they render with no console error
// and make no request at all (every request is recorded and blocked). Skipped when /usr/bin/chromium is
// not installed (apt-get install -y chromium).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evaluate, summariseSelfCheck } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { qinzhouFictionalEstates } from '@sunshine-rubric/qinzhou';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkInChromium, chromiumPath, skipChromium } from './chromium.js';
import { temporaryFolder } from './run-cli.js';
import { runInProcess } from './run-in-process.js';

if (skipChromium) {
  console.warn(
    `reports-in-chromium: SKIPPED — ${chromiumPath} is not installed (apt-get install -y chromium)`,
  );
}

let folder: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  folder = await temporaryFolder('chromium');
  const hostile = {
    ...guangxiSamples.belowThreshold,
    community: { name: '<script>alert("x")</script>小区' },
  };
  await writeFile(join(folder.path, 'estate.json'), JSON.stringify(hostile));
  await writeFile(join(folder.path, 'certified.json'), JSON.stringify({ 2021: 11, 2022: 8 }));
  const cli = (...args: string[]) => runInProcess(args, { cwd: folder.path });
  expect((await cli('report', 'estate.json', '--out', 'estate.html')).code).toBe(0);
  expect((await cli('report', 'estate.json', '--out', 'estate-en.html', '--lang', 'en')).code).toBe(0);
  const timeline = await cli(
    'timeline',
    '--certified',
    'certified.json',
    '--format',
    'html',
    '--out',
    'timeline.html',
  );
  expect(timeline.code).toBe(0);
  const selfCheck = summariseSelfCheck(evaluate(guangxi2021, guangxiSamples.eligible));
  const applied = [
    { type: 'self-check-completed', date: '2021-08-20', actor: '物业', evaluation: selfCheck },
    { type: 'applied', date: '2021-09-01', actor: '物业' },
  ];
  const returned = {
    type: 'city-review-returned',
    date: '2021-10-10',
    actor: '市',
    reasons: ['<b>材料</b>不全'],
  };
  await writeFile(
    join(folder.path, 'applications.json'),
    JSON.stringify([
      { id: 'a', events: applied, community: { name: '<script>alert("x")</script>小区' } },
      { id: 'b', events: [...applied, returned] },
    ]),
  );
  const campaign = await cli(
    ...['campaign', 'applications.json', '--year', '2021', '--plan', 'qinzhou-2021', '--as-of', '2021-11-20'],
    ...['--format', 'html', '--out', 'campaign.html'],
  );
  expect(campaign.code).toBe(0);
  const estates = qinzhouFictionalEstates.map((estate) => JSON.stringify(estate)).join('\n');
  await writeFile(join(folder.path, 'estates.ndjson'), `${estates}\n`);
  const budget = '2021=600000,2022=600000,2023=400000,2024=300000';
  for (const [out, ...language] of [['plan.html'], ['plan-en.html', '--lang', 'en']]) {
    const plan = await cli(
      ...['plan', '--estates', 'estates.ndjson', '--plan', 'qinzhou-2021', '--cohorts'],
      ...['--budget', budget, '--format', 'html', '--out', out!, ...language],
    );
    expect(plan.code).toBe(0);
  }
});

afterAll(() => folder?.remove());

describe.skipIf(skipChromium)(`reports in headless Chromium (${chromiumPath})`, () => {
  test('render without console errors and without any network request', { timeout: 60_000 }, async () => {
    const [estate, english, timeline, plan, planEnglish, campaign] = await checkInChromium([
      { file: join(folder.path, 'estate.html') },
      { file: join(folder.path, 'estate-en.html') },
      { file: join(folder.path, 'timeline.html') },
      { file: join(folder.path, 'plan.html') },
      { file: join(folder.path, 'plan-en.html') },
      { file: join(folder.path, 'campaign.html') },
    ]);
    for (const page of [estate!, english!, timeline!, plan!, planEnglish!, campaign!]) {
      expect(page.errors, page.file).toEqual([]);
      expect(page.requests, page.file).toEqual([]);
      expect(page.chartsVisible, page.file).toBe(true);
    }
    expect(estate!.charts).toBe(2);
    expect(timeline!.charts).toBe(1);
    expect(estate!.text).toContain('注意：暂定规则集');
    expect(estate!.text).toContain('<script>alert("x")</script>小区');
    expect(english!.text).toContain('Notice: provisional rule set.');
    expect(timeline!.text).toContain('BREAKDOWN_SUM_MISMATCH');
    // The portfolio plan: two charts, the notices, the cohort fixed to 2021, the workload and the total.
    expect(plan!.charts).toBe(2);
    expect(plan!.text).toContain('注意：暂定规则集');
    expect(plan!.text).toContain('虚构数据：26 个小区');
    expect(plan!.text).toContain('家兴苑一区 （指定年份）');
    expect(plan!.text).toContain('各部门整改任务（项）');
    expect(plan!.text).toMatch(/总费用\d[\d,]* 项标准/);
    expect(planEnglish!.text).toContain('Department workload (fixes)');
    expect(planEnglish!.text).toContain('Fictional data: 26 estates');
    // The city's year: the overdue review with whose deadline, the return with its reason, as text.
    expect(campaign!.charts).toBe(0);
    expect(campaign!.text).toContain(
      '<script>alert("x")</script>小区 (a)（已申报）：市级初审期限 2021-10-31（草拟）已过',
    );
    expect(campaign!.text).toContain('<b>材料</b>不全');
    expect(campaign!.text).toContain('各环节期限依据：@sunshine-rubric/qinzhou 插件');
  });
});
