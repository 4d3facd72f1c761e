import { type Assessment, evaluate } from '@sunshine-rubric/core';
import { foldApplication, summariseSelfCheck } from '@sunshine-rubric/core/workflow';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';

/** An eligible Guangxi estate, its self-check, and an application log through both tiers' reviews. */
export const estate: Assessment = guangxiSamples.eligible;
export const estateResult = evaluate(guangxi2021, estate);
export const firstStandard = estateResult.standards.find((standard) => standard.outcome === 'met')!.id;

const at = (type: string, date: string, extra: Record<string, unknown> = {}) => ({
  type,
  date,
  actor: '市住建局',
  ...extra,
});

export function reviewedLog(reason = '监控未覆盖出入口'): Record<string, unknown>[] {
  return [
    {
      type: 'self-check-completed',
      date: '2021-08-20',
      actor: '物业',
      evaluation: summariseSelfCheck(estateResult),
    },
    at('applied', '2021-09-01'),
    at('application-received', '2021-09-03', { tier: 'county' }),
    at('standard-reviewed', '2021-10-08', {
      tier: 'city',
      standard: firstStandard,
      decision: 'disagree',
      outcome: 'unmet',
      reason,
    }),
    at('city-review-passed', '2021-10-10', { tier: 'city' }),
  ];
}

export const reviewedState = foldApplication(reviewedLog(), { ruleSet: guangxi2021 });
