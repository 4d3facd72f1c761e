// Every command end to end, as a subprocess: exit codes, output, files written, and bad input. The
// details of each command are tested in-process (src/commands/*.test.ts), which is much faster.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { writeFixtures } from './fixtures.js';
import { bundleCli, removeBundle, runCli, temporaryFolder } from './run-cli.js';

let folder: { path: string; remove: () => Promise<void> };
const cli = (...args: string[]) => runCli(args, { cwd: folder.path });
const readJson = async (name: string) => JSON.parse(await readFile(join(folder.path, name), 'utf8'));

beforeAll(async () => {
  folder = await temporaryFolder('e2e');
  await Promise.all([bundleCli(), writeFixtures(folder.path)]);
});

afterAll(async () => {
  await folder.remove();
  await removeBundle();
});

describe.concurrent('sunshine-rubric, spawned', { timeout: 60_000 }, () => {
  test('--help lists every command', async ({ expect }) => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const command of [
      'evaluate',
      'batch',
      'report',
      'remediate',
      'timeline',
      'plan',
      'validate',
      'check',
      'diff',
      'template',
      'forms',
      'demo',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
  });

  test('evaluate --check: the verdict in Chinese with the provisional notice, exit 1 when ineligible', async ({
    expect,
  }) => {
    const outcome = await cli('evaluate', 'below.json', '--check');
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('结论: 暂不符合申报条件');
    expect(outcome.stdout).toContain('还需 3 项标准符合');
    expect(outcome.stdout).toContain('注意：暂定规则集');
    expect(outcome.stderr).toBe('');
  });

  test('a missing file: exit 2, one line naming it, no stack trace', async ({ expect }) => {
    const outcome = await cli('evaluate', 'nowhere.json');
    expect(outcome).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'sunshine-rubric: nowhere.json: no such file (文件不存在)\n',
    });
  });

  test('invalid JSON: exit 2 with the line and column', async ({ expect }) => {
    const outcome = await cli('evaluate', 'broken.json');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(
      'sunshine-rubric: broken.json: invalid JSON at line 3, column 32: expected a property name in double quotes, found "}"\n',
    );
  });

  test('an invalid assessment: exit 2 with the JSON path', async ({ expect }) => {
    const outcome = await cli('evaluate', 'wrong-type.json');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(
      'sunshine-rubric: wrong-type.json $.facts.rentalHouseholds: expected an integer, got "many" (INVALID_ASSESSMENT)\n',
    );
  });

  test('an unknown rule-set id: exit 2 naming it and what is registered', async ({ expect }) => {
    const outcome = await cli('report', 'eligible.json', '--rule-set', 'no-such-rules', '--out', 'x.html');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(
      'sunshine-rubric: --rule-set no-such-rules: unknown rule set (registered: guangxi-2021) (未知规则集)\n',
    );
  });

  test('batch: one line out per line in, errors in place, a summary, exit 1', async ({ expect }) => {
    const outcome = await cli('batch', 'in.ndjson', '--out', 'out.ndjson', '--lang', 'en');
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe(
      '4 lines: 2 evaluated, 1 eligible, 2 failed. Results written to out.ndjson\n',
    );
    expect(outcome.stderr).toBe('');
    const text = await readFile(join(folder.path, 'out.ndjson'), 'utf8');
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.line)).toEqual([1, 2, 3, 4]);
    expect(lines[0].verdict).toMatchObject({ assessmentId: 'sample-eligible', eligible: true });
    expect(lines[1].error).toMatchObject({ code: 'INVALID_JSON', path: '$' });
    expect(lines[1].error.message).toContain('column 16');
    expect(lines[2].verdict.eligible).toBe(false);
    expect(lines[3].error).toMatchObject({ code: 'INVALID_ASSESSMENT', path: '$.facts.cctvCoverage' });
  });

  test('report writes a self-contained HTML file', async ({ expect }) => {
    await mkdir(join(folder.path, 'reports'), { recursive: true });
    const outcome = await cli('report', 'below.json', '--out', 'reports/below.html', '--costs', 'costs.json');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe(`${join(folder.path, 'reports/below.html')}\n`);
    const html = await readFile(join(folder.path, 'reports/below.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(guangxiSamples.belowThreshold.community.name);
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|<link|src=|href=|url\(/i);
  });

  test('remediate --costs: the cheapest plan', async ({ expect }) => {
    const outcome = await cli(
      'remediate',
      'below.json',
      '--costs',
      'costs.json',
      '--default-cost',
      '100000',
      '--format',
      'json',
    );
    expect(outcome.code).toBe(0);
    const plan = JSON.parse(outcome.stdout);
    expect(plan.feasible).toBe(true);
    expect(plan.steps.map((step: { standardId: string }) => step.standardId)).toEqual(['S02', 'S49', 'S56']);
    expect(plan.totalCost).toBe(60_001);
  });

  test('timeline: Qinzhou’s plan, its finding and progress; --check exits 1 on findings', async ({
    expect,
  }) => {
    const outcome = await cli('timeline', '--certified', 'certified.json', '--check');
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('(qinzhou-2021)');
    expect(outcome.stdout).toContain('BREAKDOWN_SUM_MISMATCH $.breakdowns[0].parts');
    expect(outcome.stdout).toMatch(/2022\s+70%\s+19\s+9\s+20\s+20\s+19\s+-1\s+落后/);
    expect(outcome.stdout).toContain('剩余 7 个');
  });

  test('validate: 0 for a valid rule set, 1 listing each problem by path', async ({ expect }) => {
    const valid = await cli('validate', 'rule-set.json');
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('5 个方面，24 项要求，65 项标准');
    const invalid = await cli('validate', 'invalid-rule-set.json', '--lang', 'en');
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('invalid-rule-set.json $.scoring.threshold');
  });

  test('diff shows what changed, standard by standard', async ({ expect }) => {
    const outcome = await cli('diff', 'rule-set.json', 'rule-set-changed.json', '--lang', 'en');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('guangxi-2021@0.2.0 → guangxi-2021@0.3.0');
    expect(outcome.stdout).toContain('Standards: 0 added, 0 removed, 1 changed');
    expect(outcome.stdout).toContain('~ S01');
  });

  test('template export, then import: an assessment round-trips through a workbook', async ({ expect }) => {
    const exported = await cli(
      'template',
      'export',
      '--assessment',
      'below.json',
      '--out',
      'self-check.xlsx',
    );
    expect(exported.code).toBe(0);
    const imported = await cli(
      'template',
      'import',
      'self-check.xlsx',
      '--rule-set',
      'guangxi-2021',
      '--out',
      'back.json',
    );
    expect(imported.code).toBe(0);
    expect((await readJson('back.json')).facts).toEqual(guangxiSamples.belowThreshold.facts);
  });

  test('template import-standard turns an official table into a rule set', async ({ expect }) => {
    const outcome = await cli(
      'template',
      'import-standard',
      'standard-table.xlsx',
      '--id',
      'example-official',
      '--out',
      'official.json',
    );
    expect(outcome.code).toBe(0);
    const ruleSet = await readJson('official.json');
    expect(ruleSet).toMatchObject({ id: 'example-official', provenance: { status: 'official' } });
    expect(ruleSet.aspects.map((aspect: { title: { zh: string } }) => aspect.title.zh)).toEqual([
      '小区管理',
      '服务管理',
    ]);
  });

  test('demo evaluates the samples, checks Qinzhou’s plan and writes the reports', async ({ expect }) => {
    const outcome = await cli('demo', '--out', 'demo');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(
      /belowThreshold\s+示例·松果苑公租房小区（虚构）\s+52\/64\s+81\.3%\s+✓\s+暂不符合申报条件/,
    );
    expect(outcome.stdout).toMatch(
      /outOfScope\s+示例·小桥公租房小区（虚构）\s+62\/63\s+98\.4%\s+✗\s+不在创建范围/,
    );
    expect(outcome.stdout).toMatch(/示例\s+小区\s+符合\/适用\s+符合率\s+重点\s+结论/);
    expect(outcome.stdout).toContain('依据：46 项引用方案条款，3 项依据其他公开来源，16 项为项目起草');
    expect(outcome.stdout).toContain('BREAKDOWN_SUM_MISMATCH');
    expect(outcome.stdout).toContain('标准措辞为暂定版本');
    // The review side, in seven lines: one fictional route with each tier's verdict and its disagreements,
    // then the fictional round at a glance, Qinzhou's drafted deadlines marked.
    const review = outcome.stdout.slice(outcome.stdout.indexOf('申报审核示例')).split('\n').slice(0, 8);
    expect(review[0]).toBe('申报审核示例（自查与审核记录均为虚构；标准措辞为暂定）：家兴苑一区');
    expect(review[1]).toBe(
      '  自查 符合申报条件 60/64 → 市级初审 符合申报条件 59/64（通过） → 自治区复核认定 符合申报条件 59/64（已认定）',
    );
    expect(review[2]).toBe('  分歧 S28：市级初审 不符合（此前 符合） — 监控未覆盖出入口');
    expect(review[3]).toBe('  分歧 S56：自治区复核认定 不符合（此前 符合） — 绿地率不足');
    expect(review[4]).toContain('钦州 2021 年度申报一览（虚构数据，统计日期 2021-12-31）：9 份申报');
    expect(review[5]).toContain('市级初审期限 2021-10-31（草拟）已过，尚未完成');
    expect(review[6]).toBe('  进度：至 2021 年底目标 11 个，已认定 4 个，落后');
    expect(review[7]).toBe('');
    for (const name of [
      'eligible',
      'belowThreshold',
      'uncoveredRequirement',
      'outOfScope',
      'missingData',
      'timeline-qinzhou-2021',
    ]) {
      expect(await readFile(join(folder.path, 'demo', `${name}.html`), 'utf8')).toContain('<svg');
    }
    // Qinzhou's 26 fictional estates planned over 2021–2024, the 2021 cohort fixed, drafted costs marked.
    expect(outcome.stdout).toContain(
      '钦州 26 个小区（自查数据为虚构）2021–2024 年创建规划，2021 年名单指定；费用和预算为草拟值',
    );
    const years = [...outcome.stdout.matchAll(/^ {2}(\d{4}) 年：申报 (\d+) 个（累计 (\d+)，目标 (\d+)）/gm)];
    expect(years.map((match) => match[1])).toEqual(['2021', '2022', '2023', '2024']);
    for (const [, , , cumulative, target] of years)
      expect(Number(cumulative)).toBeGreaterThanOrEqual(Number(target));
    expect(outcome.stdout).toMatch(/总费用 [\d,]+ 元，已证明最省。/);
    const plan = await readFile(join(folder.path, 'demo', 'plan-qinzhou-2021.html'), 'utf8');
    expect(plan.match(/<svg/g)).toHaveLength(2);
    expect(plan).toContain('整改费用为草拟值');
    const estates = await readFile(join(folder.path, 'demo', 'qinzhou-estates.ndjson'), 'utf8');
    expect(estates.trimEnd().split('\n')).toHaveLength(26);
  });
});
