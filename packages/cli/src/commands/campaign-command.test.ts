import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evaluate, summariseSelfCheck } from '@sunshine-rubric/core';
import { foldCampaignYear } from '@sunshine-rubric/core/workflow';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { qinzhouPlan, qinzhouWorkflow } from '@sunshine-rubric/qinzhou';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { temporaryFolder } from '../../test/run-cli.js';
import { runInProcess } from '../../test/run-in-process.js';

let folder: { path: string; remove: () => Promise<void> };
const cli = (...args: string[]) => runInProcess(args, { cwd: folder.path });

const selfCheck = {
  type: 'self-check-completed',
  date: '2021-08-20',
  actor: '物业',
  evaluation: summariseSelfCheck(evaluate(guangxi2021, guangxiSamples.eligible)),
};
const applied = [selfCheck, { type: 'applied', date: '2021-09-01', actor: '物业' }];
const city = { actor: '市领导小组', tier: 'city' };
/** Four estates of Qinzhou's 2021 round, and a log that does not fold (an application with no self-check). */
const applications = [
  {
    id: 'qingshan',
    community: { name: '青山小区' },
    // Reviewed by the city after Qinzhou's (drafted) deadline of 31 October.
    events: [...applied, { type: 'city-review-passed', date: '2021-11-02', ...city }],
  },
  { id: 'lvshui', events: applied },
  {
    id: 'hongqiao',
    events: [
      ...applied,
      { type: 'city-review-returned', date: '2021-10-10', ...city, reasons: ['材料不全'] },
    ],
  },
  {
    id: 'baiyun',
    events: [
      ...applied,
      { type: 'city-review-passed', date: '2021-10-10', ...city },
      { type: 'region-recheck-passed', date: '2021-11-15', actor: '自治区', tier: 'region' },
      { type: 'certified', date: '2021-12-20', actor: '自治区', tier: 'region' },
    ],
  },
  { id: 'broken', events: [{ type: 'applied', date: '2021-09-01', actor: '物业' }] },
];

beforeAll(async () => {
  folder = await temporaryFolder('campaign');
  await writeFile(join(folder.path, 'applications.json'), JSON.stringify(applications));
  await writeFile(join(folder.path, 'folding.json'), JSON.stringify(applications.slice(0, 4)));
  // The same logs as a folder: one file per estate, a bare list of events named by the file, or the object.
  await mkdir(join(folder.path, 'logs'));
  for (const application of applications.slice(0, 4)) {
    const content = application.community === undefined ? application.events : application;
    await writeFile(join(folder.path, 'logs', `${application.id}.json`), JSON.stringify(content));
  }
});
afterAll(() => folder.remove());

const qinzhou = ['--year', '2021', '--plan', 'qinzhou-2021', '--as-of', '2021-11-20'];

describe('campaign', () => {
  test('text: each step, the late and overdue with whose deadline, returns, certified, progress', async () => {
    const outcome = await cli('campaign', 'folding.json', ...qinzhou);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.split('\n');
    expect(lines[0]).toBe('2021 年度创建申报（统计日期 2021-11-20）：4 份申报');
    expect(lines).toContain('各环节期限依据：@sunshine-rubric/qinzhou 插件');
    expect(lines).toContain('  已申报 1');
    expect(lines).toContain('  市级退回 1');
    expect(lines).toContain('  已认定 1');
    expect(lines).toContain('  青山小区 (qingshan)：市级初审 2021-11-02，晚于期限 2021-10-31（草拟）');
    expect(lines).toContain('  lvshui（已申报）：市级初审期限 2021-10-31（草拟）已过，尚未完成');
    expect(lines).toContain('  hongqiao 2021-10-10：材料不全');
    expect(lines).toContain('  baiyun 2021-12-20');
    expect(outcome.stdout).toMatch(/进度（qinzhou-2021）：至 2021 年底目标 11 个，已认定 1 个/);
  });

  test('a log that does not fold is listed with why, and the run exits 1', async () => {
    const outcome = await cli('campaign', 'applications.json', ...qinzhou, '--lang', 'en');
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('Logs that do not fold (1):');
    expect(outcome.stdout).toMatch(/ {2}broken \$\[0\]: .*\(INVALID_WORKFLOW_STEP\)/);
    expect(outcome.stdout).toContain('The 2021 round as of 2021-11-20: 4 application(s)');
  });

  test('json is foldCampaignYear’s view, with each refusal’s code and issues', async () => {
    const outcome = await cli('campaign', 'applications.json', ...qinzhou, '--format', 'json');
    const json = JSON.parse(outcome.stdout);
    const view = foldCampaignYear(applications, {
      year: 2021,
      plan: qinzhouPlan,
      ruleSet: guangxi2021,
      workflow: qinzhouWorkflow,
      asOf: '2021-11-20',
    });
    expect(json).toMatchObject({
      year: 2021,
      asOf: '2021-11-20',
      plan: 'qinzhou-2021',
      workflow: { plugin: '@sunshine-rubric/qinzhou' },
      applications: view.applications,
      byStatus: view.byStatus,
      late: JSON.parse(JSON.stringify(view.late)),
      returned: view.returned,
      certified: view.certified,
      progress: JSON.parse(JSON.stringify(view.progress)),
    });
    expect(json.refused).toEqual([
      {
        id: 'broken',
        error: {
          code: 'INVALID_WORKFLOW_STEP',
          message: expect.any(String),
          issues: [expect.objectContaining({ path: '$[0]', kind: expect.any(String) })],
        },
      },
    ]);
  });

  test('a folder of logs reads as the list does; without a plan, no progress and no deadlines', async () => {
    const fromList = await cli('campaign', 'folding.json', ...qinzhou, '--format', 'json');
    const fromFolder = await cli('campaign', 'logs', ...qinzhou, '--format', 'json');
    expect(fromFolder.code).toBe(0);
    // The folder is read by file name: the same view, in another order.
    const byId = (entries: { id: string }[]) => [...entries].sort((a, b) => a.id.localeCompare(b.id));
    const [list, read] = [JSON.parse(fromList.stdout), JSON.parse(fromFolder.stdout)];
    expect(read.byStatus).toEqual(list.byStatus);
    for (const part of ['late', 'returned', 'certified']) expect(byId(read[part])).toEqual(byId(list[part]));
    const bare = await cli('campaign', 'logs', '--year', '2021', '--as-of', '2021-11-20');
    expect(bare.stdout).toContain('未核对各环节期限（未指定申报流程：--workflow <插件>）');
    expect(bare.stdout).toContain('逾期：无');
    expect(bare.stdout).toContain('进度：未指定目标计划（--plan）');
    const chosen = await cli('campaign', 'logs', '--year', '2021', '--workflow', '@sunshine-rubric/qinzhou');
    expect(chosen.stdout).toContain('各环节期限依据：@sunshine-rubric/qinzhou 插件');
  });

  test('html: a self-contained page with the same content', async () => {
    const outcome = await cli('campaign', 'folding.json', ...qinzhou, '--format', 'html', '--out', 'c.html');
    expect(outcome.code).toBe(0);
    const html = await readFile(join(folder.path, 'c.html'), 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('青山小区 (qingshan)：市级初审 2021-11-02，晚于期限 2021-10-31（草拟）');
    expect(html).toContain('材料不全');
    expect((await cli('campaign', 'folding.json', '--year', '2021', '--format', 'html')).code).toBe(2);
  });

  test.each([
    ['{"id": "x"}', 'list.json $: expected a list of applications'],
    [
      '[{"id": "a", "events": []}, {"id": "b"}]',
      'list.json $[1].events: expected the list of the application’s events',
    ],
    ['[{"id": "", "events": []}]', 'list.json $[0].id: expected the estate’s id'],
    [
      '[{"id": "a", "events": []}, {"id": "a", "events": []}]',
      'list.json $[1].id: id "a" is also the id of list.json $[0]',
    ],
    ['[{"id": "a", "events": [], "version": 3}]', 'list.json $[0].version: unknown field "version"'],
    [
      '[{"id": "a", "events": [], "community": "青山"}]',
      'list.json $[0].community: expected the estate’s details',
    ],
    ['[1]', 'list.json $[0]: expected an application'],
  ])('bad input %s: exit 2 naming the file and the path', async (content, message) => {
    await writeFile(join(folder.path, 'list.json'), content);
    for (const command of [['campaign'], ['forms', 'summary']]) {
      const outcome = await cli(...command, 'list.json', '--year', '2021', '--out', 'out.xlsx');
      expect(outcome.code, command.join(' ')).toBe(2);
      expect(outcome.stderr).toContain(message);
    }
  });

  test('bad input in a folder names the file; bad options are usage errors', async () => {
    await mkdir(join(folder.path, 'bad-logs'));
    await writeFile(join(folder.path, 'bad-logs', 'a.json'), JSON.stringify({ events: [], id: 7 }));
    const outcome = await cli('campaign', 'bad-logs', '--year', '2021');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('bad-logs/a.json $.id: expected the estate’s id');
    await mkdir(join(folder.path, 'empty'));
    expect((await cli('campaign', 'empty', '--year', '2021')).stderr).toContain('no *.json application logs');
    const unknown = await cli('campaign', 'logs', '--year', '2021', '--workflow', 'nobody');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--workflow nobody: no such plugin in the registry');
    expect((await cli('campaign', 'logs', '--year', '21')).code).toBe(2);
    const asOf = await cli('campaign', 'logs', '--year', '2021', '--as-of', '2021-02-30');
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toContain('--as-of: expected a date');
  });

  test('forms summary reads the folder through the same reader, with the plan’s deadlines', async () => {
    const outcome = await cli(
      ...['forms', 'summary', 'logs', ...qinzhou, '--format', 'html', '--out', 's.html'],
    );
    expect(outcome.code).toBe(0);
    const html = await readFile(join(folder.path, 's.html'), 'utf8');
    expect(html).toContain('青山小区');
    expect(html).toContain('2021-10-31');
  });
});
