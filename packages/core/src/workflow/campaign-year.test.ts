import { describe, expect, it } from 'vitest';
import { at, certifiedLog, reviewedRuleSet, selfCheck } from '../../test/workflow-logs.js';
import { RubricError } from '../errors/rubric-error.js';
import type { TargetPlanInput } from '../timeline/plan-schema.js';
import { trackProgress } from '../timeline/track-progress.js';
import { type CampaignApplication, foldCampaignYear } from './campaign-year.js';
import type { WorkflowPolicy } from './workflow-policy.js';

const plan: TargetPlanInput = {
  total: 26,
  milestones: [
    { year: 2021, share: 0.35 },
    { year: 2024, share: 1 },
  ],
  quotas: { '2021': 11, '2022': 9, '2023': 4, '2024': 2 },
  applicationDeadline: '09-30',
};
const workflow: WorkflowPolicy = {
  deadlines: [
    {
      step: 'city-review',
      tier: 'city',
      monthDay: '10-31',
      basis: { kind: 'drafted', note: 'no date given' },
    },
    {
      step: 'region-recheck',
      tier: 'region',
      monthDay: '12-31',
      basis: { kind: 'drafted', note: 'no date' },
    },
  ],
};
const applied = (date: string) => [selfCheck('2021-08-20'), at('applied', date)];

const applications: CampaignApplication[] = [
  { id: '家兴苑一区', events: certifiedLog() },
  {
    id: '香山四区',
    events: [
      ...applied('2021-09-01'),
      at('city-review-returned', '2021-10-10', { reasons: ['佐证材料不全'] }),
      selfCheck('2022-03-01'),
      at('applied', '2022-03-02'),
    ],
  },
  { id: '鲤鱼岭', events: applied('2021-09-10') },
  { id: '安惠一园', events: [...applied('2021-09-05'), at('city-review-passed', '2021-11-05')] },
  { id: '钦北区人民医院公租房', events: [selfCheck('2021-08-20')] },
  { id: '坏记录', events: [at('certified', '2021-12-01')] },
];
const options = { year: 2021, plan, ruleSet: reviewedRuleSet, workflow };

describe('foldCampaignYear', () => {
  it('counts the year’s applications at each step, each by its state in that round', () => {
    const view = foldCampaignYear(applications, options);
    expect(view.applications).toBe(4);
    expect(view.byStatus).toMatchObject({
      certified: 1,
      returned: 1,
      applied: 1,
      'city-review-passed': 1,
      'self-checked': 0,
    });
    expect(Object.values(view.byStatus).reduce((sum, count) => sum + count, 0)).toBe(4);
    expect(foldCampaignYear(applications, { ...options, year: 2022 }).byStatus.applied).toBe(1);
  });

  it('lists the returned ones with the city’s reasons', () => {
    expect(foldCampaignYear(applications, options).returned).toEqual([
      { id: '香山四区', date: '2021-10-10', reasons: ['佐证材料不全'] },
    ]);
  });

  it('lists the late ones: a step after its deadline, and, on a given day, a review overdue', () => {
    const view = foldCampaignYear(applications, { ...options, asOf: '2021-11-20' });
    expect(
      view.late.map((late) => [late.id, late.lateSteps.map((step) => step.step), late.overdue?.step]),
    ).toEqual([
      ['鲤鱼岭', [], 'city-review'],
      ['安惠一园', ['city-review'], undefined],
    ]);
    expect(foldCampaignYear(applications, options).late.map((late) => late.id)).toEqual(['安惠一园']);
  });

  it('tracks progress against the plan from the certified estates', () => {
    const view = foldCampaignYear(applications, options);
    expect(view.certified).toEqual([{ id: '家兴苑一区', date: '2021-12-20' }]);
    expect(view.progress).toEqual(trackProgress(plan, { '2021': 1 }));
    expect(view.progress?.years[0]?.status).toBe('behind');
  });

  it('lists a log that does not fold as refused, and counts it nowhere else', () => {
    const view = foldCampaignYear(applications, options);
    expect(view.refused.map((refused) => [refused.id, refused.error.code])).toEqual([
      ['坏记录', 'INVALID_WORKFLOW_STEP'],
    ]);
  });

  it('refuses a year or a day that is not one', () => {
    expect(() => foldCampaignYear([], { year: 21 })).toThrowError(RubricError);
    expect(() => foldCampaignYear([], { year: 2021, asOf: '2021-02-30' })).toThrowError(/asOf is a date/);
  });
});
