import { evaluate, foldApplication, summariseSelfCheck } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { qinzhouPlan } from '../plan/qinzhou-plan.js';
import { qinzhouPlugin } from './qinzhou-plugin.js';
import { qinzhouWorkflow } from './qinzhou-workflow.js';

describe('qinzhouWorkflow', () => {
  it('is the plugin’s workflow: a deadline for every step, the application’s from the plan', () => {
    expect(qinzhouPlugin.workflow).toEqual(qinzhouWorkflow);
    const deadlines = qinzhouWorkflow.deadlines ?? [];
    expect(deadlines.map((deadline) => [deadline.step, deadline.monthDay, deadline.basis.kind])).toEqual([
      ['applied', '09-30', 'plan-clause'],
      ['application-received', '09-30', 'plan-clause'],
      ['city-review', '10-31', 'drafted'],
      ['submitted-to-region', '11-15', 'drafted'],
      ['region-recheck', '12-31', 'drafted'],
    ]);
    expect(deadlines[0]?.monthDay).toBe(qinzhouPlan.applicationDeadline);
    expect(qinzhouWorkflow.revocation).toBeUndefined();
  });

  it('flags a city review after its drafted deadline as late, and says it is drafted', () => {
    const result = evaluate(guangxi2021, guangxiSamples.eligible);
    const state = foldApplication(
      [
        {
          type: 'self-check-completed',
          date: '2021-08-20',
          actor: '物业',
          evaluation: summariseSelfCheck(result),
        },
        { type: 'applied', date: '2021-09-28', actor: '物业' },
        { type: 'application-received', date: '2021-09-29', actor: '灵山县住建局', tier: 'county' },
        { type: 'city-review-passed', date: '2021-11-03', actor: '领导小组', tier: 'city' },
      ],
      { plan: qinzhouPlan, ruleSet: guangxi2021, workflow: qinzhouPlugin.workflow },
    );
    expect(state.lateSteps?.map((late) => late.message)).toEqual([
      'reviewed by the city on 2021-11-03, after the 2021 round’s deadline 2021-10-31 (drafted)',
    ]);
  });
});
