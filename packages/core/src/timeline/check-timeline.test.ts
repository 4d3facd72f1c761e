import { describe, expect, test } from 'vitest';
import { RubricError } from '../errors/rubric-error.js';
import { checkTimeline } from './check-timeline.js';
import type { TargetPlanInput } from './plan-schema.js';

const qinzhouMilestones = [
  { year: 2021, share: 0.35 },
  { year: 2022, share: 0.7 },
  { year: 2023, share: 0.9 },
  { year: 2024, share: 1 },
];
const qinzhouQuotas = { 2021: 11, 2022: 9, 2023: 4, 2024: 2 };
const qinzhou2021Cohort = [
  ...[
    '家兴苑一区',
    '家兴苑二区',
    '家兴苑四区',
    '家兴苑五区',
    '家兴苑六区',
    '家兴苑七区',
    '安惠一园',
    '安惠二园',
  ].map((name) => ({ name, level: 'city' })),
  { name: '钦北区人民医院公租房', area: '钦北区' },
  { name: '香山四区', area: '灵山县' },
  { name: '鲤鱼岭公共租赁住房小区', area: '浦北县' },
];
const qinzhouPlan: TargetPlanInput = {
  id: 'qinzhou-2021',
  title: { zh: '钦州市保障性住房小区开展“阳光社区·美丽家园”创建活动实施方案' },
  total: 26,
  startYear: 2021,
  milestones: qinzhouMilestones,
  quotas: qinzhouQuotas,
  cohorts: { 2021: qinzhou2021Cohort },
  applicationDeadline: '09-30',
  meetings: { every: 'quarter' },
};
const qinzhouSurvey = {
  name: '调查摸底（2021年第一季度）',
  parts: { 市辖区: 12, 灵山县: 4, 浦北县: 3, 钦北区: 1, 自贸区钦州港片区: 4 },
};

const codesOf = (plan: TargetPlanInput) => checkTimeline(plan).issues.map((issue) => issue.code);

/** The findings of a plan built on Qinzhou's quotas 11/9/4/2, less the three those quotas raise themselves (tested apart). */
const floorCodes = new Set(['SHARE_FLOOR_BELOW_QUOTA', 'QUOTA_BELOW_STEP']);
const issuesBeyondFloors = (plan: TargetPlanInput) =>
  checkTimeline(plan).issues.filter((issue) => !floorCodes.has(issue.code));

describe('checkTimeline on the Qinzhou plan', () => {
  test('finds quotas 11/9/4/2 never below 35/70/90/100% of 26, above the floors in 2021–2022, short of the 2023 step', () => {
    const report = checkTimeline(qinzhouPlan);
    expect(
      report.issues.map((issue) => [issue.code, issue.severity, issue.year, issue.expected, issue.actual]),
    ).toEqual([
      ['SHARE_FLOOR_BELOW_QUOTA', 'notice', 2021, 10, 11],
      ['SHARE_FLOOR_BELOW_QUOTA', 'notice', 2022, 19, 20],
      ['QUOTA_BELOW_STEP', 'warning', 2023, 5, 4],
    ]);
    expect(report.ok).toBe(false);
    expect(report.years.map((year) => year.cumulativeTarget)).toEqual([10, 19, 24, 26]);
    expect(report.years.map((year) => year.plannedQuota)).toEqual([11, 9, 4, 2]);
    expect(report.years.map((year) => year.cumulativeQuota)).toEqual([11, 20, 24, 26]);
    const percentages = report.years.map((year) => Math.round(year.cumulativeQuotaShare * 1000) / 10);
    expect(percentages).toEqual([42.3, 76.9, 92.3, 100]);
  });

  test('reports that the survey breakdown adds up to 24, not 26', () => {
    const report = checkTimeline({ ...qinzhouPlan, breakdowns: [qinzhouSurvey] });
    expect(report.ok).toBe(false);
    const issues = issuesBeyondFloors({ ...qinzhouPlan, breakdowns: [qinzhouSurvey] });
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({
      code: 'BREAKDOWN_SUM_MISMATCH',
      breakdown: qinzhouSurvey.name,
      expected: 26,
      actual: 24,
      path: ['breakdowns', 0, 'parts'],
    });
    expect(issue?.message).toContain(qinzhouSurvey.name);
    expect(issue?.message).toMatch(/24\b.*\b26\b/);
    expect(issue?.messageZh).toContain('合计24个');
    expect(issue?.messageZh).toContain('总数26个');
  });
});

describe('checkTimeline findings, one plan each', () => {
  test('QUOTA_BELOW_TARGET: each year whose quotas so far fall short of the cumulative target', () => {
    const report = checkTimeline({
      total: 26,
      milestones: qinzhouMilestones,
      quotas: { 2021: 10, 2022: 8, 2023: 5, 2024: 3 },
    });
    expect(report.issues.map((issue) => [issue.code, issue.year, issue.actual, issue.expected])).toEqual([
      ['QUOTA_BELOW_TARGET', 2022, 18, 19],
      ['QUOTA_BELOW_TARGET', 2023, 23, 24],
    ]);
    expect(report.issues[0]?.message).toBe(
      'By the end of 2022 the yearly quotas add up to 18 estates (69.2% of 26), below the cumulative target of 19 (70% of 26).',
    );
    expect(report.issues[0]?.messageZh).toContain('截至2022年底');
  });

  test('QUOTAS_SUM_MISMATCH: quotas that do not add up to the total', () => {
    const issues = issuesBeyondFloors({
      total: 26,
      milestones: qinzhouMilestones,
      quotas: { ...qinzhouQuotas, 2024: 3 },
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'QUOTAS_SUM_MISMATCH', expected: 26, actual: 27 });
    expect(issues[0]?.message).toBe('The yearly quotas add up to 27 estates, but the plan’s total is 26.');
  });

  test('COHORT_SIZE_MISMATCH: a cohort longer or shorter than its year’s quota', () => {
    const issues = issuesBeyondFloors({ ...qinzhouPlan, cohorts: { 2021: qinzhou2021Cohort.slice(0, 10) } });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'COHORT_SIZE_MISMATCH',
      year: 2021,
      expected: 11,
      actual: 10,
    });
    expect(issues[0]?.message).toBe('The 2021 cohort lists 10 estates, but the quota for 2021 is 11.');
  });

  test('COHORT_SIZE_MISMATCH: a cohort for a year the plan gives no quota', () => {
    const issues = issuesBeyondFloors({
      ...qinzhouPlan,
      cohorts: { 2021: qinzhou2021Cohort, 2025: [{ name: '新建小区' }] },
    });
    expect(issues.map((issue) => [issue.code, issue.year, issue.expected])).toEqual([
      ['COHORT_SIZE_MISMATCH', 2025, 0],
    ]);
  });

  test('COHORT_SIZE_MISMATCH: against the implied quota when the plan sets no quotas', () => {
    const report = checkTimeline({
      total: 26,
      milestones: qinzhouMilestones,
      cohorts: { 2021: qinzhou2021Cohort },
    });
    expect(report.issues.map((issue) => [issue.code, issue.expected, issue.actual])).toEqual([
      ['COHORT_SIZE_MISMATCH', 10, 11],
    ]);
  });

  test('COHORT_ESTATE_REPEATED: an estate listed in two cohorts', () => {
    const report = checkTimeline({
      total: 3,
      milestones: [
        { year: 2021, count: 1 },
        { year: 2022, count: 3 },
      ],
      cohorts: { 2021: [{ name: '香山四区' }], 2022: [{ name: '香山四区' }, { name: '安惠一园' }] },
    });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({
      code: 'COHORT_ESTATE_REPEATED',
      estate: '香山四区',
      year: 2022,
      path: ['cohorts', '2022', 0, 'name'],
    });
  });

  test('YEARS_OUT_OF_ORDER: a milestone listed after a later year', () => {
    const report = checkTimeline({ total: 26, milestones: [qinzhouMilestones[1]!, qinzhouMilestones[0]!] });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({
      code: 'YEARS_OUT_OF_ORDER',
      year: 2021,
      path: ['milestones', 1, 'year'],
    });
    expect(report.issues[0]?.message).toContain('2022');
  });

  test('YEARS_OUT_OF_ORDER: a year repeated', () => {
    const report = checkTimeline({
      total: 26,
      milestones: [
        { year: 2021, share: 0.35 },
        { year: 2021, share: 0.5 },
        { year: 2022, share: 1 },
      ],
    });
    expect(report.issues.map((issue) => [issue.code, issue.year])).toEqual([['YEARS_OUT_OF_ORDER', 2021]]);
    expect(report.issues[0]?.message).toContain('repeats the year 2021');
  });

  test('SHARES_DECREASE: a later milestone below an earlier one', () => {
    const report = checkTimeline({
      total: 26,
      milestones: [
        { year: 2021, share: 0.7 },
        { year: 2022, share: 0.35 },
        { year: 2023, share: 1 },
      ],
    });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'SHARES_DECREASE', year: 2022, expected: 19, actual: 10 });
    expect(report.issues[0]?.message).toBe(
      'The 2022 milestone (35%, 10 of 26) is below the 2021 milestone (70%, 19 of 26); cumulative targets cannot decrease.',
    );
  });

  test('SHARES_DECREASE: compares counts with shares exactly', () => {
    // 9 of 26 is 34.6%, below 35% even though both round up to 10 with ceil.
    expect(
      codesOf({
        total: 26,
        milestones: [
          { year: 2021, share: 0.35 },
          { year: 2022, count: 9 },
          { year: 2023, count: 26 },
        ],
      }),
    ).toEqual(['SHARES_DECREASE']);
  });

  test('MILESTONE_EXCEEDS_TOTAL: a count above the total', () => {
    const report = checkTimeline({
      total: 26,
      milestones: [
        { year: 2021, count: 10 },
        { year: 2022, count: 30 },
      ],
    });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({
      code: 'MILESTONE_EXCEEDS_TOTAL',
      year: 2022,
      expected: 26,
      actual: 30,
    });
    expect(report.issues[0]?.message).toBe(
      'The 2022 milestone of 30 estates exceeds the plan’s total of 26.',
    );
  });

  test('SHARE_OUT_OF_RANGE: shares below 0 or above 1', () => {
    const report = checkTimeline({
      total: 26,
      milestones: [
        { year: 2021, share: -0.1 },
        { year: 2022, share: 0.7 },
        { year: 2023, share: 1.2 },
      ],
    });
    expect(report.issues.map((issue) => [issue.code, issue.year])).toEqual([
      ['SHARE_OUT_OF_RANGE', 2021],
      ['SHARE_OUT_OF_RANGE', 2023],
    ]);
    expect(report.issues[1]?.message).toBe(
      'The 2023 milestone’s share 1.2 (120%) is outside 0 to 1 (0% to 100%).',
    );
  });

  test('QUOTA_YEAR_WITHOUT_MILESTONE: a quota for a year with no milestone', () => {
    const issues = issuesBeyondFloors({
      total: 26,
      milestones: qinzhouMilestones,
      quotas: { ...qinzhouQuotas, 2025: 0 },
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'QUOTA_YEAR_WITHOUT_MILESTONE',
      year: 2025,
      path: ['quotas', '2025'],
    });
  });

  test('YEAR_BEFORE_START: a milestone before the start year', () => {
    const report = checkTimeline({ total: 26, startYear: 2022, milestones: qinzhouMilestones });
    expect(report.issues.map((issue) => [issue.code, issue.year])).toEqual([['YEAR_BEFORE_START', 2021]]);
  });
});

describe('checkTimeline reports every finding', () => {
  test('lists all inconsistencies of a plan at once, not only the first', () => {
    const codes = codesOf({
      total: 26,
      milestones: [
        { year: 2022, share: 0.7 },
        { year: 2021, share: 0.8 },
        { year: 2023, count: 27 },
      ],
      quotas: { 2021: 5, 2022: 9, 2024: 2 },
      breakdowns: [qinzhouSurvey],
      cohorts: { 2021: qinzhou2021Cohort },
    });
    expect(new Set(codes)).toEqual(
      new Set([
        'YEARS_OUT_OF_ORDER',
        'SHARES_DECREASE',
        'MILESTONE_EXCEEDS_TOTAL',
        'QUOTAS_SUM_MISMATCH',
        'QUOTA_YEAR_WITHOUT_MILESTONE',
        'QUOTA_BELOW_TARGET',
        'BREAKDOWN_SUM_MISMATCH',
        'COHORT_SIZE_MISMATCH',
      ]),
    );
  });

  test('throws INVALID_PLAN with paths for a malformed plan, rather than reporting findings', () => {
    expect.assertions(3);
    try {
      checkTimeline({
        total: -26,
        milestones: [{ year: 2021, share: 'half' }],
      } as unknown as TargetPlanInput);
    } catch (error) {
      expect(RubricError.isInstance(error)).toBe(true);
      if (!RubricError.isInstance(error)) return;
      expect(error.code).toBe('INVALID_PLAN');
      expect(error.issues.map((issue) => issue.path)).toEqual([['total'], ['milestones', 0, 'share']]);
    }
  });
});
