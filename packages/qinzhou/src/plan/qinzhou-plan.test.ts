import {
  applicationDeadlines,
  checkTimeline,
  jointMeetings,
  planTimeline,
  trackProgress,
} from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import planJson from '../data/qinzhou-2021-plan.json' with { type: 'json' };
import { qinzhouPlanSources } from './plan-sources.js';
import { qinzhou2021Cohort, qinzhouPlan } from './qinzhou-plan.js';

const sourceAt = (...path: (string | number)[]) =>
  qinzhouPlanSources.find((source) => source.path.join('/') === path.join('/'));

describe('qinzhouPlan: every number as the 2021 plan states it', () => {
  it('is qinzhou-2021, starting in 2021 (一: 自2021年起)', () => {
    expect(qinzhouPlan.id).toBe('qinzhou-2021');
    expect(qinzhouPlan.startYear).toBe(2021);
    expect(qinzhouPlan.title?.zh).toBe('钦州市保障性住房小区开展“阳光社区·美丽家园”创建活动实施方案');
  });

  it('has 26 estates in all (一, 五（一）)', () => {
    expect(qinzhouPlan.total).toBe(26);
    expect(sourceAt('total')?.quote).toContain('共有26个，26个小区分批参与创建');
  });

  it('has cumulative shares 35% / 70% / 90% / 100% for 2021–2024 (一)', () => {
    expect(qinzhouPlan.milestones).toEqual([
      { year: 2021, share: 0.35 },
      { year: 2022, share: 0.7 },
      { year: 2023, share: 0.9 },
      { year: 2024, share: 1 },
    ]);
    expect(sourceAt('milestones', 0)?.quote).toContain('到2021年底');
    expect(sourceAt('milestones', 0)?.quote).toContain('35%以上');
    expect(sourceAt('milestones', 1)?.quote).toContain('到2022年底，70%');
    expect(sourceAt('milestones', 2)?.quote).toContain('到2023年底，90%');
    expect(sourceAt('milestones', 3)?.quote).toContain('到2024年底，100%');
    expect(qinzhouPlan.rounding).toBe('ceil');
  });

  it('has yearly quotas 11 / 9 / 4 / 2 (五（二）)', () => {
    expect(qinzhouPlan.quotas).toEqual({ 2021: 11, 2022: 9, 2023: 4, 2024: 2 });
    for (const [year, quota] of Object.entries(qinzhouPlan.quotas ?? {})) {
      expect(sourceAt('quotas', year)?.quote).toMatch(new RegExp(`^${year}年申报${quota}个`));
    }
  });

  it('names the 2021 cohort of 11: 8 city-level, one each in 钦北区, 灵山县, 浦北县 (一)', () => {
    expect(qinzhou2021Cohort).toEqual([
      { name: '家兴苑一区', area: '市本级', level: 'city' },
      { name: '家兴苑二区', area: '市本级', level: 'city' },
      { name: '家兴苑四区', area: '市本级', level: 'city' },
      { name: '家兴苑五区', area: '市本级', level: 'city' },
      { name: '家兴苑六区', area: '市本级', level: 'city' },
      { name: '家兴苑七区', area: '市本级', level: 'city' },
      { name: '安惠一园', area: '市本级', level: 'city' },
      { name: '安惠二园', area: '市本级', level: 'city' },
      { name: '钦北区人民医院公租房', area: '钦北区', level: 'county' },
      { name: '香山四区', area: '灵山县', level: 'county' },
      { name: '鲤鱼岭公共租赁租房小区', area: '浦北县', level: 'county' },
    ]);
    expect(qinzhouPlan.cohorts?.['2021']).toBe(qinzhou2021Cohort);
    expect(sourceAt('cohorts', '2021', 0)?.quote).toBe(
      '其中市本级创建8个（家兴苑一区、二区、四至七区，安惠一园、二园）',
    );
    expect(sourceAt('cohorts', '2021', 10)?.quote).toBe('浦北县1个（鲤鱼岭公共租赁租房小区）');
  });

  it('reads 四至七区 as four estates, the only reading under which the city level makes 8', () => {
    const cityLevel = qinzhou2021Cohort.filter((estate) => estate.level === 'city');
    expect(cityLevel).toHaveLength(8);
    expect(cityLevel.filter((estate) => estate.name.startsWith('家兴苑'))).toHaveLength(6);
    expect(qinzhou2021Cohort.map((estate) => estate.name)).not.toContain('家兴苑三区');
    expect(sourceAt('cohorts', '2021', 2)?.note?.en).toMatch(/four estates/);
  });

  it('keeps 鲤鱼岭公共租赁租房小区 as the plan writes it, with a note', () => {
    expect(sourceAt('cohorts', '2021', 10)?.note?.zh).toContain('公共租赁住房小区');
  });

  it('transcribes the 2021 Q1 survey by area as stated, though it adds up to 24 (五（一）)', () => {
    expect(qinzhouPlan.breakdowns).toEqual([
      {
        name: '调查摸底（2021年第一季度）按区域',
        parts: { 市辖区: 12, 灵山县: 4, 浦北县: 3, 钦北区: 1, 自贸区钦州港片区: 4 },
        by: 'area',
      },
    ]);
    expect(sourceAt('breakdowns', 0)?.quote).toContain(
      '其中市辖区12个，灵山县4个，浦北县3个，钦北区1个，自贸区钦州港片区4个',
    );
  });

  it('takes applications until 30 September (五（二）: 每年10月前完成当年申报) and meets every quarter (六（一）)', () => {
    expect(qinzhouPlan.applicationDeadline).toBe('09-30');
    expect(qinzhouPlan.allowLateApplications).toBe(false);
    expect(sourceAt('applicationDeadline')?.quote).toBe('每年10月前完成当年申报');
    expect(qinzhouPlan.meetings?.every).toBe('quarter');
    expect(qinzhouPlan.meetings?.purpose?.map((purpose) => purpose.zh)).toEqual([
      '通报工作进度',
      '研究解决创建工作中遇到难点问题',
    ]);
    expect(sourceAt('meetings')?.quote).toContain('每季度召开联席工作会议');
  });

  it('gives a clause for every value of the plan except its own id', () => {
    const covered = new Set(qinzhouPlanSources.map((source) => source.path.join('/')));
    const ownClauses = ['totalStatements', 'goals', 'rules', 'funding'] as const;
    for (const field of ownClauses) {
      for (const entry of qinzhouPlan[field] ?? []) expect(entry.clause).toMatch(/^[一二三四五六]/);
    }
    const expected = [
      'areas/0',
      'organization',
      'organization/localBodies',
      ...(qinzhouPlan.basis ?? []).map((_document, index) => `basis/${index}`),
      'title',
      'startYear',
      'total',
      'rounding',
      'applicationDeadline',
      'allowLateApplications',
      'meetings',
      'breakdowns/0',
      ...qinzhouPlan.milestones.map((_milestone, index) => `milestones/${index}`),
      ...Object.keys(qinzhouPlan.quotas ?? {}).map((year) => `quotas/${year}`),
      ...qinzhou2021Cohort.map((_estate, index) => `cohorts/2021/${index}`),
    ];
    expect([...covered].sort()).toEqual(expected.sort());
    // Every top-level field of the JSON is one of the covered paths, or a list whose entries are covered.
    const topLevel = new Set([...expected.map((path) => path.split('/')[0]), ...ownClauses, 'sources']);
    expect(Object.keys(planJson).filter((key) => !topLevel.has(key))).toEqual(['id']);
  });

  it('is frozen, so no user changes it under another', () => {
    expect(Object.isFrozen(qinzhouPlan)).toBe(true);
    expect(Object.isFrozen(qinzhou2021Cohort[0])).toBe(true);
  });
});

describe('the Qinzhou plan through the core timeline', () => {
  it('planTimeline: cumulative targets 10 / 19 / 24 / 26, quotas 10 / 9 / 5 / 2', () => {
    const { years } = planTimeline(qinzhouPlan);
    expect(years.map((year) => year.cumulativeTarget)).toEqual([10, 19, 24, 26]);
    expect(years.map((year) => year.quota)).toEqual([10, 9, 5, 2]);
  });

  it('checkTimeline: every inconsistency the plan’s own figures show, with severity and clauses (as the README shows)', () => {
    const report = checkTimeline(qinzhouPlan);
    expect(report.ok).toBe(false);
    expect(
      report.issues.map((issue) => [
        issue.code,
        issue.severity,
        issue.area ?? issue.year ?? null,
        issue.clauses,
      ]),
    ).toEqual([
      ['SHARE_FLOOR_BELOW_QUOTA', 'notice', 2021, ['一', '五（二）']],
      ['SHARE_FLOOR_BELOW_QUOTA', 'notice', 2022, ['一', '五（二）']],
      ['QUOTA_BELOW_STEP', 'warning', 2023, ['一', '五（二）']],
      ['TOTAL_DESCRIBED_DIFFERENTLY', 'notice', null, ['一', '五（一）']],
      ['BREAKDOWN_SUM_MISMATCH', 'warning', null, ['五（一）', '一']],
      ['COHORT_AREA_NOT_IN_BREAKDOWN', 'warning', '市本级', ['一', '五（一）']],
      ['BREAKDOWN_PARTS_OVERLAP', 'notice', '钦北区', ['五（一）']],
      ['AREA_LEVEL_UNKNOWN', 'notice', '市辖区', ['五（一）', '一']],
      ['AREA_LEVEL_UNKNOWN', 'notice', '自贸区钦州港片区', ['五（一）', '一']],
    ]);
    const byCode = (code: string) => report.issues.find((issue) => issue.code === code);
    expect(byCode('BREAKDOWN_SUM_MISMATCH')).toMatchObject({
      message:
        'The breakdown “调查摸底（2021年第一季度）按区域” adds up to 24 estates (市辖区 12, 灵山县 4, 浦北县 3, 钦北区 1, 自贸区钦州港片区 4), but the plan’s total is 26.',
      messageZh:
        '分项“调查摸底（2021年第一季度）按区域”合计24个（市辖区12个，灵山县4个，浦北县3个，钦北区1个，自贸区钦州港片区4个），与总数26个不一致。',
      path: ['breakdowns', 0, 'parts'],
      expected: 26,
      actual: 24,
    });
    expect(byCode('SHARE_FLOOR_BELOW_QUOTA')?.text.zh).toContain('26×35%=9.1→10个');
    expect(byCode('QUOTA_BELOW_STEP')?.text.en).toContain('reaches 23, short of 24');
    expect(byCode('COHORT_AREA_NOT_IN_BREAKDOWN')).toMatchObject({ actual: 8, path: ['cohorts', '2021'] });
    for (const issue of report.issues) {
      expect(issue.text).toEqual({ zh: issue.messageZh, en: issue.message });
      expect(issue.clauses.length).toBeGreaterThan(0);
    }
  });

  it('checkTimeline: quotas 11 / 9 / 4 / 2 keep up with 35 / 70 / 90 / 100%', () => {
    const { years } = checkTimeline(qinzhouPlan);
    expect(years.map((year) => year.cumulativeQuota)).toEqual([11, 20, 24, 26]);
    expect(years.map((year) => year.cumulativeTarget)).toEqual([10, 19, 24, 26]);
    expect(years.map((year) => Math.round(year.cumulativeQuotaShare * 1000) / 10)).toEqual([
      42.3, 76.9, 92.3, 100,
    ]);
  });

  it('trackProgress: 11 in 2021 is on track, 8 in 2022 is one behind, 4 a year to finish', () => {
    const progress = trackProgress(qinzhouPlan, { 2021: 11, 2022: 8 });
    expect(progress.targetsFrom).toBe('quotas');
    expect(
      progress.years.map(({ year, target, certified, status }) => ({ year, target, certified, status })),
    ).toEqual([
      { year: 2021, target: 11, certified: 11, status: 'on-track' },
      { year: 2022, target: 20, certified: 19, status: 'behind' },
    ]);
    expect(progress.remaining).toBe(7);
    expect(progress.remainingYears).toEqual([2023, 2024]);
    expect(progress.neededPerRemainingYear).toBe(4);
  });

  it('has a deadline on 30 September and four joint meetings in each year 2021–2024', () => {
    expect(applicationDeadlines(qinzhouPlan).map((deadline) => deadline.date)).toEqual([
      '2021-09-30',
      '2022-09-30',
      '2023-09-30',
      '2024-09-30',
    ]);
    expect(jointMeetings(qinzhouPlan)).toHaveLength(16);
  });
});
