import { describe, expect, it } from 'vitest';
import { at, reviewedRuleSet, selfCheck } from '../../test/workflow-logs.js';
import { foldApplication, safeFoldApplication } from './fold-application.js';
import type { WorkflowPolicy } from './workflow-policy.js';

const workflow: WorkflowPolicy = {
  deadlines: [
    {
      step: 'applied',
      tier: 'estate',
      monthDay: '09-30',
      basis: { kind: 'plan-clause', clause: '五（二）' },
    },
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
      basis: { kind: 'drafted', note: 'no date given' },
    },
  ],
};
const options = { ruleSet: reviewedRuleSet, workflow };

describe('deadlines per tier', () => {
  it('flags the steps taken after their deadline, in the round’s year, without refusing them', () => {
    const state = foldApplication(
      [
        selfCheck('2021-08-20'),
        at('applied', '2021-09-30'),
        at('city-review-passed', '2021-11-02'),
        at('region-recheck-passed', '2022-01-10'),
        at('certified', '2022-01-20'),
      ],
      options,
    );
    expect(state.status).toBe('certified');
    expect(state.lateSteps).toEqual([
      {
        step: 'city-review',
        index: 2,
        date: '2021-11-02',
        deadline: '2021-10-31',
        drafted: true,
        message: 'reviewed by the city on 2021-11-02, after the 2021 round’s deadline 2021-10-31 (drafted)',
      },
      {
        step: 'region-recheck',
        index: 3,
        date: '2022-01-10',
        deadline: '2021-12-31',
        drafted: true,
        message: expect.stringContaining('re-checked by the region on 2022-01-10'),
      },
    ]);
  });

  it('keeps the state of an on-time application free of lateness', () => {
    const state = foldApplication(
      [selfCheck('2021-08-20'), at('applied', '2021-09-01'), at('city-review-passed', '2021-10-31')],
      options,
    );
    expect(state.lateSteps).toBeUndefined();
  });

  it('flags a late application from the workflow, the plan alone deciding whether to refuse it', () => {
    const state = foldApplication([selfCheck('2021-08-20'), at('applied', '2021-10-08')], options);
    expect(state.lateSteps).toMatchObject([{ step: 'applied', drafted: false, deadline: '2021-09-30' }]);
    const refused = safeFoldApplication([selfCheck('2021-08-20'), at('applied', '2021-10-08')], {
      ...options,
      plan: { total: 26, milestones: [{ year: 2024, share: 1 }], applicationDeadline: '09-30' },
    });
    expect(refused.ok || refused.error.issues[0]?.kind).toBe('after-deadline');
  });

  it('starts a new application with no lateness of the one before', () => {
    const state = foldApplication(
      [
        selfCheck('2021-08-20'),
        at('applied', '2021-09-01'),
        at('city-review-returned', '2021-11-20'),
        selfCheck('2022-03-01'),
        at('applied', '2022-03-02'),
      ],
      options,
    );
    expect(state.history.length).toBe(5);
    expect(state.lateSteps).toBeUndefined();
  });

  it('refuses a malformed workflow policy with INVALID_OPTIONS at its path', () => {
    const result = safeFoldApplication([], {
      workflow: { deadlines: [{ step: 'audit', tier: 'city', monthDay: '10-31' }] } as never,
    });
    expect(result.ok || [result.error.code, result.error.issues.map((issue) => issue.path)]).toEqual([
      'INVALID_OPTIONS',
      [
        ['workflow', 'deadlines', 0, 'step'],
        ['workflow', 'deadlines', 0, 'basis'],
      ],
    ]);
  });
});
