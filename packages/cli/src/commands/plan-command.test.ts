import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { qinzhou2021Cohort, qinzhouFictionalEstates } from '@sunshine-rubric/qinzhou';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { temporaryFolder } from '../../test/run-cli.js';
import { runInProcess } from '../../test/run-in-process.js';

let folder: { path: string; remove: () => Promise<void> };
const cli = (...args: string[]) => runInProcess(args, { cwd: folder.path });
const put = (name: string, content: string) => writeFile(join(folder.path, name), content);
const ndjson = (documents: readonly unknown[]) =>
  `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`;
const budget = '2021=600000,2022=600000,2023=400000,2024=300000';
const costs = {
  drafted: true,
  unit: { zh: '元', en: 'CNY' },
  defaultCost: 30000,
  perStandard: { S28: 120000, S54: 300000, S58: 150000 },
};

beforeAll(async () => {
  folder = await temporaryFolder('plan');
  await put('estates.ndjson', ndjson(qinzhouFictionalEstates));
  await put('costs.json', JSON.stringify(costs));
  await mkdir(join(folder.path, 'estates'));
  for (const estate of qinzhouFictionalEstates.slice(0, 3))
    await writeFile(join(folder.path, 'estates', `${estate.id}.json`), JSON.stringify(estate, null, 2));
});
afterAll(() => folder.remove());

const qinzhou = ['--estates', 'estates.ndjson', '--plan', 'qinzhou-2021'];

describe('plan', () => {
  test('text: year by year, the named cohort in 2021, within each budget; every notice', async () => {
    const outcome = await cli('plan', ...qinzhou, '--cohorts', '--costs', 'costs.json', '--budget', budget);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const { stdout } = outcome;
    expect(stdout).toContain('注意：暂定规则集');
    expect(stdout).toContain('虚构数据：26 个小区的自查数据标为虚构');
    expect(stdout).toContain('整改费用为草拟值');
    expect(stdout).toContain('已证明为总费用最省的方案。');
    const years = [
      ...stdout.matchAll(
        /^(\d{4}) 年：申报 (\d+) 个（累计 (\d+)，目标 (\d+)），费用 ([\d,]+) 元，预算 ([\d,]+)$/gm,
      ),
    ];
    expect(years.map((match) => Number(match[1]))).toEqual([2021, 2022, 2023, 2024]);
    for (const [, , , cumulative, target, cost, limit] of years) {
      expect(Number(cumulative)).toBeGreaterThanOrEqual(Number(target));
      expect(Number(cost!.replaceAll(',', ''))).toBeLessThanOrEqual(Number(limit!.replaceAll(',', '')));
    }
    const in2021 = stdout.slice(stdout.indexOf('2021 年'), stdout.indexOf('2022 年'));
    for (const estate of qinzhou2021Cohort) expect(in2021).toContain(`${estate.name}（指定）`);
    // The rule set's departments, with Qinzhou's own units beside them under its plan.
    expect(stdout).toMatch(/各部门整改（项）: .*住房城乡建设部门（市住房城乡建设局） \d+/);
    expect(stdout).toMatch(/总费用：[\d,]+ 元/);
  });

  test('--format json is the planner’s result, unchanged', async () => {
    const outcome = await cli(
      'plan',
      ...qinzhou,
      '--cohorts',
      '--fix',
      '钦南·白鹭洲公租房（虚构）=2023',
      '--format',
      'json',
    );
    expect(outcome.code).toBe(0);
    const plan = JSON.parse(outcome.stdout);
    expect(plan).toMatchObject({
      feasible: true,
      status: 'optimal',
      gap: 0,
      ruleSet: { id: 'guangxi-2021' },
    });
    expect(plan.notice.zh).toContain('暂定规则集');
    expect(plan.years.map((year: { year: number }) => year.year)).toEqual([2021, 2022, 2023, 2024]);
    const yearOf = new Map<string, number>(
      plan.years.flatMap((year: { year: number; estates: { name: string }[] }) =>
        year.estates.map((estate) => [estate.name, year.year]),
      ),
    );
    for (const estate of qinzhou2021Cohort) expect(yearOf.get(estate.name)).toBe(2021);
    expect(yearOf.get('钦南·白鹭洲公租房（虚构）')).toBe(2023);
    // Without costs every fix costs 1: the total is the number of standards fixed.
    const fixes = plan.years.flatMap((year: { estates: { fixes: unknown[] }[] }) =>
      year.estates.flatMap((estate) => estate.fixes),
    );
    expect(plan.totalCost).toBe(fixes.length);
  });

  test('a folder of assessment files; English', async () => {
    const outcome = await cli('plan', '--estates', 'estates', '--plan', 'qinzhou-2021', '--lang', 'en');
    // Three estates cannot reach the 26 the plan needs: no plan, exit code 1, and why.
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('Estates: 3');
    expect(outcome.stdout).toContain('No plan exists:');
    expect(outcome.stdout).toContain('TOO_FEW_ELIGIBLE_ESTATES');
  });

  test('no plan within the budgets: exit code 1, the year and the amounts', async () => {
    const outcome = await cli(
      'plan',
      ...qinzhou,
      '--costs',
      'costs.json',
      '--budget',
      '2021=100000,2022=100000,2023=100000,2024=100000',
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toContain('无可行方案：');
    expect(outcome.stdout).toMatch(/QUOTA_OVER_BUDGET: .*\d/);
  });

  test('bad input is exit code 2 with one line naming the file, line or option', async () => {
    const broken = [
      ...qinzhouFictionalEstates.slice(0, 2),
      { ...qinzhouFictionalEstates[2], facts: { occupied: 'yes' } },
    ];
    await put('broken.ndjson', `${ndjson(broken)}{"id": \n`);
    const invalid = await cli('plan', '--estates', 'broken.ndjson', '--plan', 'qinzhou-2021');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(
      /^sunshine-rubric: broken\.ndjson:3 \$\.facts\.occupied: .* \(\+1 more\)\n/,
    );
    expect(invalid.stderr).toContain('broken.ndjson:4: invalid JSON');

    await put('twice.ndjson', ndjson([qinzhouFictionalEstates[0], qinzhouFictionalEstates[0]]));
    const twice = await cli('plan', '--estates', 'twice.ndjson', '--plan', 'qinzhou-2021');
    expect(twice.stderr).toContain(
      'twice.ndjson:2 $.id: id "qinzhou-fictional-01" is also the id of twice.ndjson:1',
    );

    const cases: [string[], string][] = [
      [['--fix', 'nowhere=2022'], '--fix nowhere=2022: no estate has that id or name'],
      [
        ['--fix', 'qinzhou-fictional-01'],
        '--fix "qinzhou-fictional-01": expected <estate id or name>=<year>',
      ],
      [
        ['--fix', 'qinzhou-fictional-01=2030'],
        '--fix qinzhou-fictional-01: 2030 is not a year left to plan (2021–2024)',
      ],
      [['--cohorts', '--fix', '家兴苑一区=2022'], 'is already put in 2021'],
      [['--budget', '2021=lots'], '--budget "2021=lots": expected a budget, a number 0 or more'],
      [['--budget', 'missing.json'], 'missing.json: no such file'],
      [['--format', 'html'], '--format html needs --out'],
      [['--time-limit', '0'], '--time-limit: expected a number of seconds above 0'],
      [['--plan', 'nowhere-2021'], '--plan nowhere-2021: unknown plan'],
    ];
    for (const [args, message] of cases) {
      const outcome = await cli('plan', ...qinzhou, ...args);
      expect(outcome.code, args.join(' ')).toBe(2);
      expect(outcome.stderr, args.join(' ')).toContain(message);
      expect(outcome.stdout, args.join(' ')).toBe('');
    }
    await put('few.ndjson', ndjson(qinzhouFictionalEstates.slice(11)));
    const cohorts = await cli('plan', '--estates', 'few.ndjson', '--plan', 'qinzhou-2021', '--cohorts');
    expect(cohorts.code).toBe(2);
    expect(cohorts.stderr).toContain(
      '--cohorts: the plan names estates that are not one estate of --estates',
    );
    expect(cohorts.stderr).toContain('家兴苑一区 (2021)');
  });

  test('a costs file: unknown fields and standards are refused at their JSON path', async () => {
    await put('typo-costs.json', JSON.stringify({ perStandards: { S28: 1 } }));
    const typo = await cli('plan', ...qinzhou, '--costs', 'typo-costs.json');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('typo-costs.json $.perStandards: not a field of a cost model');
    await put('unknown-costs.json', JSON.stringify({ perStandard: { S99: 1 } }));
    const unknown = await cli('plan', ...qinzhou, '--costs', 'unknown-costs.json', '--format', 'json');
    expect(unknown.code).toBe(2);
    const error = JSON.parse(unknown.stderr).error;
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.message).toMatch(/^unknown-costs\.json \$\.perStandard\.S99: /);
  });

  test('--out writes the text without colour; html to a file', async () => {
    const outcome = await cli('plan', ...qinzhou, '--cohorts', '--out', 'plan.txt');
    expect(outcome.code).toBe(0);
    expect(await readFile(join(folder.path, 'plan.txt'), 'utf8')).toContain('2024 年：申报');
    const html = await cli('plan', ...qinzhou, '--cohorts', '--format', 'html', '--out', 'plan.html');
    expect(html.code).toBe(0);
    expect(await readFile(join(folder.path, 'plan.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });
});
