import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { run, runToExit } from './consumer-project.js';

// The city portfolio planner as users receive it: `sunshine-rubric plan` and the demo from the packed
// tarballs installed with npm (global-setup.ts packs every published package, @sunshine-rubric/planner and
// its HiGHS WebAssembly dependency included), on the 26 fictional Qinzhou estates the installed
// @sunshine-rubric/qinzhou ships.
const project = inject('consumerProject');
const folder = join(project, 'portfolio-plan');
const sunshineRubric = (...args: string[]) =>
  runToExit(join(project, 'node_modules', '.bin', 'sunshine-rubric'), args, folder);
const cohort2021 = [
  '家兴苑一区',
  '家兴苑二区',
  '家兴苑四区',
  '家兴苑五区',
  '家兴苑六区',
  '家兴苑七区',
  '安惠一园',
  '安惠二园',
];

beforeAll(() => {
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'write-estates.mjs'),
    `import { writeFileSync } from 'node:fs';
import { qinzhouFictionalEstates } from '@sunshine-rubric/qinzhou';
writeFileSync('estates.ndjson', qinzhouFictionalEstates.map((estate) => JSON.stringify(estate)).join('\\n') + '\\n');
`,
  );
  run('node', ['write-estates.mjs'], folder);
});

describe('sunshine-rubric plan, from the installed packages', { timeout: 60_000 }, () => {
  it('plans the 26 fictional estates over 2021–2024 with the named 2021 cohort fixed (JSON: the planner’s result)', () => {
    const budget = '2021=600000,2022=600000,2023=400000,2024=300000';
    const outcome = sunshineRubric(
      ...['plan', '--estates', 'estates.ndjson', '--plan', 'qinzhou-2021', '--cohorts'],
      ...['--budget', budget, '--format', 'json'],
    );
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const plan = JSON.parse(outcome.stdout);
    expect(plan).toMatchObject({ feasible: true, status: 'optimal', ruleSet: { id: 'guangxi-2021' } });
    expect(plan.years.map((year: { year: number }) => year.year)).toEqual([2021, 2022, 2023, 2024]);
    const in2021 = plan.years[0].estates.map((estate: { name: string }) => estate.name);
    expect(in2021).toEqual(expect.arrayContaining([...cohort2021, '钦北区人民医院公租房', '香山四区']));
    const putForward = plan.years.reduce(
      (sum: number, year: { estates: unknown[] }) => sum + year.estates.length,
      0,
    );
    expect(putForward).toBe(26);
  });

  it('writes the HTML report; says why when no plan exists (exit code 1)', () => {
    const html = sunshineRubric(
      ...['plan', '--estates', 'estates.ndjson', '--plan', 'qinzhou-2021', '--cohorts'],
      ...['--format', 'html', '--out', 'plan.html', '--lang', 'en'],
    );
    expect(html.code).toBe(0);
    const page = readFileSync(join(folder, 'plan.html'), 'utf8');
    expect(page.match(/<svg/g)).toHaveLength(2);
    expect(page).toContain('Notice: provisional rule set.');
    expect(page).toContain('Fictional data: 26 estates');
    const none = sunshineRubric(
      'plan',
      '--estates',
      'estates.ndjson',
      '--plan',
      'qinzhou-2021',
      '--budget',
      '2021=0,2022=0,2023=0,2024=0',
    );
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('无可行方案');
  });

  it('the demo plans Qinzhou’s estates and writes the plan’s report', () => {
    const outcome = sunshineRubric('demo', '--out', 'demo', '--lang', 'en');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Qinzhou’s 26 estates (fictional self-checks) planned over 2021–2024');
    expect(outcome.stdout).toMatch(/Total [\d,]+ CNY, proven the least\./);
    expect(readFileSync(join(folder, 'demo', 'plan-qinzhou-2021.html'), 'utf8')).toContain('<svg');
  });
});
