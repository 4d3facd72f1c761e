import type { TierDeadline, WorkflowPolicy } from '@sunshine-rubric/core';
import { qinzhouPlan } from '../plan/qinzhou-plan.js';

const applicationClause = {
  kind: 'plan-clause',
  clause: '五（二）',
  quote: '每年10月前完成当年申报',
} as const;

/**
 * Qinzhou's deadline for each step of a year's round, as `qinzhouPlugin.workflow`. Only the application
 * deadline is the plan's: applications are done before October (五（二）: 每年10月前完成当年申报), read as on or
 * before 30 September (`qinzhouPlan.applicationDeadline`); the estate applies to its housing bureau (五（三）),
 * so the bureau's receipt has the same day. The plan gives no date for the city's initial review, the
 * submission of the year's list or the region's re-check: those three are the plugin author's drafting,
 * marked `drafted`, and a step after one of them is flagged late with "(drafted)". Revocation is not
 * declared: Qinzhou contributes no rule set, and the plan says nothing of revoking a title.
 *
 * @example
 * ```ts
 * import { foldApplication } from '@sunshine-rubric/core';
 * import { guangxi2021 } from '@sunshine-rubric/guangxi';
 * import { qinzhouPlan, qinzhouWorkflow } from '@sunshine-rubric/qinzhou';
 *
 * const state = foldApplication(events, { plan: qinzhouPlan, ruleSet: guangxi2021, workflow: qinzhouWorkflow });
 * state.lateSteps?.map((late) => late.message);
 * ```
 */
export const qinzhouWorkflow: WorkflowPolicy = Object.freeze({
  deadlines: Object.freeze(
    (
      [
        { step: 'applied', tier: 'estate', monthDay: applicationDay(), basis: applicationClause },
        {
          step: 'application-received',
          tier: 'county',
          monthDay: applicationDay(),
          basis: applicationClause,
        },
        {
          step: 'city-review',
          tier: 'city',
          monthDay: '10-31',
          basis: {
            kind: 'drafted',
            note: 'The plan (五（三）) gives no date for the leading group’s initial review; drafted as one month after applications close.',
          },
        },
        {
          step: 'submitted-to-region',
          tier: 'city',
          monthDay: '11-15',
          basis: {
            kind: 'drafted',
            note: 'The plan (五（三）) gives no date for submitting the year’s list to the region; drafted as two weeks after the initial review.',
          },
        },
        {
          step: 'region-recheck',
          tier: 'region',
          monthDay: '12-31',
          basis: {
            kind: 'drafted',
            note: 'The plan (五（四）) gives no date for the region’s re-check; drafted as the end of the year, by which the year’s target counts certified estates (一: 到2021年底…).',
          },
        },
      ] satisfies TierDeadline[]
    ).map((deadline) => Object.freeze(deadline)),
  ),
});

/** The plan's own application deadline, so that the two never disagree. */
function applicationDay(): string {
  const day = qinzhouPlan.applicationDeadline;
  if (day === undefined) throw new Error('qinzhouPlan has no applicationDeadline');
  return day;
}
