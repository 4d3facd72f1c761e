// Input files shared by the end-to-end and in-process tests, written into a temporary folder.
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evaluate, summariseSelfCheck } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import ExcelJS from 'exceljs';
import { samplesFolder } from './run-cli.js';

/** Writes every fixture into `folder`. */
export async function writeFixtures(folder: string): Promise<void> {
  const write = (name: string, content: string) => writeFile(join(folder, name), content);
  await copyFile(join(samplesFolder, 'eligible.json'), join(folder, 'eligible.json'));
  await copyFile(join(samplesFolder, 'below-threshold.json'), join(folder, 'below.json'));
  await write('broken.json', '{\n  "id": "x",\n  "facts": { "occupied": true, }\n}\n');
  const wrongType = {
    ...guangxiSamples.eligible,
    facts: { ...guangxiSamples.eligible.facts, rentalHouseholds: 'many' },
  };
  await write('wrong-type.json', JSON.stringify(wrongType, null, 2));
  await write('rule-set.json', JSON.stringify(guangxi2021, null, 2));
  const changed = JSON.parse(JSON.stringify(guangxi2021));
  changed.version = '0.3.0';
  changed.aspects[0].requirements[0].standards[0].title.zh = '改过的标题';
  await write('rule-set-changed.json', JSON.stringify(changed));
  const invalid = {
    ...guangxi2021,
    scoring: { mode: 'compliance-rate', threshold: 1.5, minMetPerRequirement: 1 },
  };
  await write('invalid-rule-set.json', JSON.stringify(invalid));
  await write('costs.json', JSON.stringify({ S54: 900_000, S56: 50_000, S49: 10_000, S02: 1 }));
  await write('bad-costs.json', JSON.stringify({ S99: 5 }));
  await write('certified.json', JSON.stringify({ 2021: 11, 2022: 8 }));
  await write('bad-certified.json', JSON.stringify({ 2021: -1 }));
  const lines = [
    JSON.stringify(guangxiSamples.eligible),
    '{"id": "oops", ',
    JSON.stringify(guangxiSamples.belowThreshold),
    JSON.stringify({ ...guangxiSamples.eligible, facts: { cctvCoverage: 7 } }),
  ];
  await write('in.ndjson', `${lines.join('\n')}\n`);
  const good = [guangxiSamples.eligible, guangxiSamples.outOfScope].map((assessment) =>
    JSON.stringify(assessment),
  );
  await write('good.ndjson', `${good.join('\n')}\n`);
  await writeFile(join(folder, 'standard-table.xlsx'), await standardTable());
}

/** A small official-style standard table: 方面, 要求, 标准, 责任单位, with merged-style blank cells. */
async function standardTable(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('附件1');
  sheet.addRow(['示例市保障性住房小区创建标准']);
  sheet.addRow(['方面', '要求', '标准', '责任单位']);
  sheet.addRow(['小区管理', '安全管理', '公共区域视频监控全覆盖', '公安部门']);
  sheet.addRow(['', '', '设置电动自行车集中充电场所', '物业服务企业']);
  sheet.addRow(['', '环境卫生', '生活垃圾分类投放', '住房城乡建设部门']);
  sheet.addRow(['服务管理', '便民服务', '设有社区卫生服务站点', '卫生健康部门']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The application log of the eligible sample under city review: its self-check, the application, the city's
 * disagreement on S01 with `reason` (text that reports must escape), and the city passing it on.
 */
export function cityReviewedLog(reason: string): Record<string, unknown>[] {
  return [
    {
      type: 'self-check-completed',
      date: '2021-08-20',
      actor: '物业',
      evaluation: summariseSelfCheck(evaluate(guangxi2021, guangxiSamples.eligible)),
    },
    { type: 'applied', date: '2021-09-01', actor: '物业' },
    {
      type: 'standard-reviewed',
      date: '2021-10-08',
      actor: '市领导小组',
      tier: 'city',
      standard: 'S01',
      decision: 'disagree',
      outcome: 'unmet',
      reason,
    },
    { type: 'city-review-passed', date: '2021-10-10', actor: '市领导小组', tier: 'city' },
  ];
}
