import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { qinzhouFictionalEstates } from '@sunshine-rubric/qinzhou';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { temporaryFolder } from '../../test/run-cli.js';
import { runInProcess } from '../../test/run-in-process.js';

let folder: { path: string; remove: () => Promise<void> };
const cli = (...args: string[]) => runInProcess(args, { cwd: folder.path });
const put = (name: string, content: unknown) => writeFile(join(folder.path, name), JSON.stringify(content));
const qinzhou = ['--estates', 'estates.ndjson', '--plan', 'qinzhou-2021', '--cohorts'];
// Every standard at 1,000: the plan's cost is then 1,000 per fix, whichever it picks.
const flat = Object.fromEntries(
  guangxi2021.aspects.flatMap((aspect) =>
    aspect.requirements.flatMap((requirement) =>
      requirement.standards.map((standard) => [standard.id, 1000]),
    ),
  ),
);

beforeAll(async () => {
  folder = await temporaryFolder('plan-costs');
  await writeFile(
    join(folder.path, 'estates.ndjson'),
    `${qinzhouFictionalEstates.map((estate) => JSON.stringify(estate)).join('\n')}\n`,
  );
  await put('flat.json', flat);
  await put('model.json', { perStandard: flat });
  await put('drafted.json', {
    perStandard: flat,
    drafted: { basis: { zh: '2021年招标价', en: '2021 tender prices' } },
  });
});
afterAll(() => folder.remove());

describe('plan --costs', () => {
  test('takes remediate’s flat form { "S28": 120000 } as perStandard', async () => {
    const fromFlat = await cli('plan', ...qinzhou, '--costs', 'flat.json', '--format', 'json');
    const fromModel = await cli('plan', ...qinzhou, '--costs', 'model.json', '--format', 'json');
    expect(fromFlat.stderr).toBe('');
    expect(fromFlat.code).toBe(0);
    expect(fromFlat.stdout).toBe(fromModel.stdout);
    const plan = JSON.parse(fromFlat.stdout);
    const fixes = plan.years.flatMap((year: { estates: { fixes: unknown[] }[] }) =>
      year.estates.flatMap((estate) => estate.fixes),
    );
    expect(fixes.length).toBeGreaterThan(0);
    expect(plan.totalCost).toBe(1000 * fixes.length);
  });

  test('refuses standard ids mixed with cost-model fields, and unknown standards in the flat form', async () => {
    await put('mixed.json', { S28: 120000, defaultCost: 30000 });
    const mixed = await cli('plan', ...qinzhou, '--costs', 'mixed.json');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain(
      'mixed.json $.S28: a standard id beside the cost model\'s field defaultCost: put standards under "perStandard"',
    );
    await put('unknown.json', { S28: 1, S99: 2 });
    const unknown = await cli('plan', ...qinzhou, '--costs', 'unknown.json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown.json $.S99: "S99" is not a standard of guangxi-2021');
  });

  test('prints amounts in the planner’s unit, yuan by default, and the drafted basis', async () => {
    const zh = await cli('plan', ...qinzhou, '--costs', 'drafted.json');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/总费用：[\d,]+ 元/);
    expect(zh.stdout).toContain('整改费用为草拟值，不是官方测算（依据：2021年招标价）。');
    const en = await cli('plan', ...qinzhou, '--costs', 'flat.json', '--lang', 'en');
    expect(en.stdout).toMatch(/Total cost: [\d,]+ CNY/);
    expect(en.stdout).not.toContain('The costs of fixes are drafted');
  });

  test('prints a no-plan reason’s amounts with the unit', async () => {
    await put('lakh.json', { perStandard: flat, unit: { zh: '万元', en: '10k CNY' } });
    const outcome = await cli(
      'plan',
      ...qinzhou,
      '--costs',
      'lakh.json',
      '--budget',
      '2021=1',
      '--lang',
      'en',
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toMatch(
      /QUOTA_OVER_BUDGET: .*costs at least [\d,]+ 10k CNY, the budgets to then total 1 10k CNY/,
    );
  });
});
