import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { cityReviewedLog } from '../../test/fixtures.js';
import { fixtureFolder } from '../../test/run-in-process.js';

const { cli, path } = fixtureFolder('commands');

describe('remediate', () => {
  test('text: the fewest standards by department without costs; none for an eligible estate', async () => {
    const outcome = await cli('remediate', 'below.json');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('最省整改方案：3 项标准');
    // Every fix costs 1: of the cheapest sets, the one of the standards earliest in the rule set.
    expect(outcome.stdout).toMatch(/自然资源部门:\n\s+S02/);
    const eligible = await cli('remediate', 'eligible.json', '--lang', 'en');
    expect(eligible.stdout).toContain('Already eligible: nothing to fix.');
  });

  test('under scoring.unevidenced "unmet", each step whose whole fix is documents names them', async () => {
    const { guangxi2021 } = await import('@sunshine-rubric/guangxi');
    await writeFile(
      path('strict-evidence.json'),
      JSON.stringify({ ...guangxi2021, scoring: { ...guangxi2021.scoring, unevidenced: 'unmet' } }),
    );
    const outcome = await cli('remediate', 'eligible.json', '--rule-set', 'strict-evidence.json');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/\[缺少佐证材料：《[^\]]+》\]/);
    const english = await cli(
      'remediate',
      'eligible.json',
      '--rule-set',
      'strict-evidence.json',
      '--lang',
      'en',
    );
    expect(english.stdout).toMatch(/\[missing evidence: “[^\]]+”\]/);
  });

  test('a bad costs file is bad input with its JSON path', async () => {
    const unknown = await cli('remediate', 'below.json', '--costs', 'bad-costs.json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'sunshine-rubric: bad-costs.json $.S99: "S99" is not a standard of guangxi-2021\n',
    );
    await writeFile(path('negative-costs.json'), JSON.stringify({ S01: -3 }));
    const negative = await cli('remediate', 'below.json', '--costs', 'negative-costs.json');
    expect(negative.stderr).toContain(
      'negative-costs.json $.S01: expected a cost, a number 0 or more, got -3',
    );
    const defaultCost = await cli('remediate', 'below.json', '--default-cost', 'lots');
    expect(defaultCost.code).toBe(2);
    expect(defaultCost.stderr).toContain('--default-cost: expected a number 0 or more, got "lots"');
  });
});

describe('timeline', () => {
  test('--format json: the check and the progress', async () => {
    const outcome = await cli('timeline', '--format', 'json', '--certified', 'certified.json');
    const json = JSON.parse(outcome.stdout);
    expect(json.check.years.map((year: { quota: number }) => year.quota)).toEqual([10, 9, 5, 2]);
    expect(json.check.issues.map((issue: { code: string }) => issue.code)).toEqual([
      'SHARE_FLOOR_BELOW_QUOTA',
      'SHARE_FLOOR_BELOW_QUOTA',
      'QUOTA_BELOW_STEP',
      'TOTAL_DESCRIBED_DIFFERENTLY',
      'BREAKDOWN_SUM_MISMATCH',
      'COHORT_AREA_NOT_IN_BREAKDOWN',
      'BREAKDOWN_PARTS_OVERLAP',
      'AREA_LEVEL_UNKNOWN',
      'AREA_LEVEL_UNKNOWN',
    ]);
    expect(json.progress).toMatchObject({ certified: 19, remaining: 7, neededPerRemainingYear: 4 });
  });

  test('text: each finding with its severity and the clauses it compares; each year against floor and quota', async () => {
    const outcome = await cli('timeline', '--certified', 'certified.json', '--lang', 'en');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/\[notice\] SHARE_FLOOR_BELOW_QUOTA \$\.milestones\[0\]: .* \(clauses: /);
    expect(outcome.stdout).toMatch(/\[warning\] BREAKDOWN_SUM_MISMATCH .*adds up to 24 .* \(clauses: /);
    // 2021: 11 certified meets the floor of 10 and the 11 the plan names; 2022: 19 meets the floor, short of 20.
    expect(outcome.stdout).toContain('1 short of the 20 the plan names');
    const chinese = await cli('timeline', '--certified', 'certified.json');
    expect(chinese.stdout).toMatch(/\[提示\] SHARE_FLOOR_BELOW_QUOTA .*（条款：/);
  });

  test('a plan file; a consistent plan passes --check', async () => {
    const plan = {
      id: 'example-plan',
      total: 10,
      milestones: [
        { year: 2024, share: 0.5 },
        { year: 2025, share: 1 },
      ],
      quotas: { 2024: 5, 2025: 5 },
    };
    await writeFile(path('plan.json'), JSON.stringify(plan));
    const outcome = await cli('timeline', '--plan', 'plan.json', '--check', '--lang', 'en');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('(example-plan)');
    expect(outcome.stdout).toContain('Consistency check: no findings.');
  });

  test('--check fails on an error or a warning, never on a notice alone', async () => {
    // A total described in two ways is a notice (a reading the plan leaves open): printed, not failed.
    const plan = {
      id: 'notice-plan',
      total: 10,
      milestones: [
        { year: 2024, share: 0.5 },
        { year: 2025, share: 1 },
      ],
      quotas: { 2024: 5, 2025: 5 },
      totalStatements: [
        { counts: '已建成入住的公共租赁住房小区', count: 10, clause: '一' },
        { counts: '全市需创建的保障性住房小区', clause: '二' },
      ],
    };
    await writeFile(path('notice-plan.json'), JSON.stringify(plan));
    const notice = await cli('timeline', '--plan', 'notice-plan.json', '--check', '--lang', 'en');
    expect(notice.stdout).toContain('[notice] TOTAL_DESCRIBED_DIFFERENTLY');
    expect(notice.code).toBe(0);
    // Qinzhou's survey breakdown adding up to 24, not 26, is a warning.
    expect((await cli('timeline', '--check')).code).toBe(1);
  });

  test('bad plans and counts are bad input, with their JSON paths', async () => {
    const unknown = await cli('timeline', '--plan', 'nanning-2030');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--plan nanning-2030: unknown plan (built in: qinzhou-2021');
    await writeFile(path('bad-plan.json'), JSON.stringify({ total: 0, milestones: [] }));
    const badPlan = await cli('timeline', '--plan', 'bad-plan.json');
    expect(badPlan.code).toBe(2);
    // Every problem reaches the user: the first on the error line, each other one below it.
    expect(badPlan.stderr).toMatch(
      /^sunshine-rubric: bad-plan\.json \$\.total: .*\(\+1 more\) \(INVALID_PLAN\)\n {2}bad-plan\.json \$\.milestones: .+\n$/,
    );
    const badCounts = await cli('timeline', '--certified', 'bad-certified.json');
    expect(badCounts.code).toBe(2);
    expect(badCounts.stderr).toMatch(
      /^sunshine-rubric: bad-certified\.json \$\["2021"\]: a certified count is a whole number/,
    );
  });

  test('--format html needs --out, and writes the report there', async () => {
    expect((await cli('timeline', '--format', 'html')).code).toBe(2);
    const outcome = await cli(
      'timeline',
      '--format',
      'html',
      '--out',
      'timeline.html',
      '--certified',
      'certified.json',
    );
    expect(outcome.code).toBe(0);
    const html = await readFile(path('timeline.html'), 'utf8');
    expect(html).toContain('计划一致性检查');
    expect(html).toContain('<svg');
  });
});

describe('validate and diff', () => {
  test('validate --format json lists every issue with its path', async () => {
    const invalid = await cli('validate', 'invalid-rule-set.json', '--format', 'json');
    expect(invalid.code).toBe(1);
    const report = JSON.parse(invalid.stdout);
    expect(report).toMatchObject({ valid: false, code: 'INVALID_RULE_SET' });
    expect(report.issues[0].path).toBe('$.scoring.threshold');
    const valid = JSON.parse((await cli('validate', 'rule-set.json', '--format', 'json')).stdout);
    expect(valid).toMatchObject({
      valid: true,
      aspects: 5,
      requirements: 24,
      standards: 65,
      provenance: 'provisional',
      grounds: {
        standards: { planClause: 46, publicSource: 3, projectDrafting: 16, untyped: 0 },
        encouragedOnly: ['S42', 'S52'],
        drafted: { values: 30, numbers: 24 },
      },
    });
    const broken = await cli('validate', 'broken.json');
    expect(broken.code).toBe(2);
  });

  test('validate text: the provisional notice and the grounds counts, each line indented', async () => {
    const valid = await cli('validate', 'rule-set.json', '--lang', 'en');
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('\n  Notice: provisional rule set.');
    expect(valid.stdout).toContain(
      '\n  Grounds: 46 cite a plan clause, 3 another public source, 16 project drafting only; 2 rest only on encouragements; 30 drafted values (24 numbers)\n',
    );
  });

  test('validate lints a valid rule set: an error fails with its path, notes only print', async () => {
    const bundled = await cli('validate', 'rule-set.json', '--lang', 'en');
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toContain(
      '\n  note STANDARD_IMPLIES rule-set.json $.aspects[1].requirements[4].standards[2]: every estate that meets standard "S33" also meets standard "S54"',
    );
    const broken = JSON.parse(await readFile(path('rule-set.json'), 'utf8'));
    const s28 = broken.aspects[1].requirements[3].standards[0];
    s28.condition = { fact: 'cctvCoverage', operator: 'greaterThanInclusive', value: 1.5 };
    delete s28.drafted;
    await writeFile(path('never-met.json'), JSON.stringify(broken));
    const text = await cli('validate', 'never-met.json', '--lang', 'en');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('✗ never-met.json: valid rule set, but the linter found 2 error(s)');
    expect(text.stdout).toContain(
      '\n  error STANDARD_NEVER_MET never-met.json $.aspects[1].requirements[3].standards[0].condition: standard "S28" can never be met',
    );
    const json = await cli('validate', 'never-met.json', '--format', 'json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.lint.errors).toBe(2);
    expect(report.lint.findings.map((finding: { code: string }) => finding.code)).toEqual([
      'STANDARD_NEVER_MET',
      'VALUE_OUT_OF_RANGE',
      'STANDARD_IMPLIES',
    ]);
    expect(report.lint.findings[0].path).toEqual([
      'aspects',
      1,
      'requirements',
      3,
      'standards',
      0,
      'condition',
    ]);
  });

  test('diff of a rule set with itself, by id and by file, is identical', async () => {
    const outcome = await cli('diff', 'guangxi-2021', 'rule-set.json');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('两个规则集在评估和措辞上完全相同');
    const json = JSON.parse(
      (await cli('diff', 'rule-set.json', 'rule-set-changed.json', '--format', 'json')).stdout,
    );
    expect(json.standards.changed).toEqual([
      { id: 'S01', changes: [expect.objectContaining({ field: 'title' })] },
    ]);
  });
});

describe('template', () => {
  test('import of a file that is not a workbook is bad input naming it', async () => {
    const outcome = await cli('template', 'import', 'below.json');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^sunshine-rubric: below\.json \$: .*\(INVALID_WORKBOOK\)\n$/);
    const missing = await cli('template', 'import-standard', 'none.xlsx', '--id', 'x');
    expect(missing.stderr).toBe('sunshine-rubric: none.xlsx: no such file (文件不存在)\n');
  });

  test('import-standard takes the scoring options; an id that is not kebab-case is refused', async () => {
    const outcome = await cli(
      'template',
      'import-standard',
      'standard-table.xlsx',
      '--id',
      'example',
      '--threshold',
      '0.8',
      '--source',
      '示例',
    );
    expect(outcome.code).toBe(0);
    const ruleSet = JSON.parse(outcome.stdout);
    expect(ruleSet.scoring).toMatchObject({ mode: 'compliance-rate', threshold: 0.8 });
    expect(ruleSet.provenance.source).toBe('示例');
    const badId = await cli('template', 'import-standard', 'standard-table.xlsx', '--id', 'Not Kebab');
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('standard-table.xlsx $.id');
    const badThreshold = await cli(
      'template',
      'import-standard',
      'standard-table.xlsx',
      '--id',
      'x',
      '--threshold',
      '85',
    );
    expect(badThreshold.code).toBe(2);
  });
});

describe('report --application', () => {
  const events = cityReviewedLog('<b>佐证材料</b>不足');

  test('shows the self-check’s and each tier’s verdict, and every disagreement with its reason', async () => {
    await writeFile(path('events.json'), JSON.stringify(events));
    const outcome = await cli(
      'report',
      'eligible.json',
      '--application',
      'events.json',
      '--out',
      'reviewed.html',
    );
    expect(outcome.code).toBe(0);
    const html = await readFile(path('reviewed.html'), 'utf8');
    expect(html).toContain('审核情况');
    expect(html).toContain('市级初审');
    expect(html).toContain('&lt;b&gt;佐证材料&lt;/b&gt;不足');
    expect(html).toContain('S01');
    const plain = await cli('report', 'eligible.json', '--out', 'plain.html');
    expect(plain.code).toBe(0);
    expect(await readFile(path('plain.html'), 'utf8')).not.toContain('审核情况');
  });

  test('a log that does not fold is bad input with its path', async () => {
    const [selfCheck, applied] = events;
    const unknown = [selfCheck, applied, { ...events[2], standard: 'S99' }];
    await writeFile(path('bad-events.json'), JSON.stringify(unknown));
    const outcome = await cli(
      'report',
      'eligible.json',
      '--application',
      'bad-events.json',
      '--out',
      'x.html',
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(
      'bad-events.json $[2].standard: standard-reviewed: the rule set has no standard "S99"',
    );
  });
});
