import { evaluate } from '../src/evaluate/compile-rule-set.js';
import { defineRuleSet } from '../src/rule-set/define-rule-set.js';
import { summariseSelfCheck } from '../src/workflow/events.js';
import { assessmentOf, perfectFacts, sampleRuleSet } from './fixtures.js';

/** The sample rule set, defined: the rule set reviewers decide on in the workflow tests. */
export const reviewedRuleSet = defineRuleSet(sampleRuleSet());

/** An eligible self-assessment (every standard met) of {@link reviewedRuleSet}. */
export const selfAssessed = evaluate(reviewedRuleSet, assessmentOf(perfectFacts()));

export const selfCheck = (date: string, result = selfAssessed) => ({
  type: 'self-check-completed',
  date,
  actor: '物业',
  evaluation: summariseSelfCheck(result),
});

export const at = (type: string, date: string, extra: Record<string, unknown> = {}) => ({
  type,
  date,
  actor: '经办人',
  ...extra,
});

export const decision = (
  date: string,
  tier: 'city' | 'region',
  standard: string,
  decided: Record<string, unknown> = { decision: 'agree' },
) => at('standard-reviewed', date, { tier, standard, ...decided });

/** An application along the whole route, with decisions of both tiers, up to certification. */
export function certifiedLog(): Record<string, unknown>[] {
  return [
    selfCheck('2021-08-20'),
    at('applied', '2021-09-01'),
    at('application-received', '2021-09-03', { tier: 'county' }),
    decision('2021-10-08', 'city', 's-heating', {
      decision: 'disagree',
      outcome: 'unmet',
      reason: '燃气管道未通',
    }),
    decision('2021-10-08', 'city', 's-policing-room'),
    at('city-review-passed', '2021-10-10', { tier: 'city' }),
    at('submitted-to-region', '2021-10-20', {
      tier: 'city',
      year: 2021,
      listReference: '钦住建〔2021〕12号',
    }),
    decision('2021-11-10', 'region', 's-heating', {
      decision: 'rectification-required',
      what: '接通燃气管道',
      by: '2021-12-01',
    }),
    at('rectification-required', '2021-11-10', { tier: 'region', standards: ['s-heating'] }),
    at('rectified', '2021-11-28'),
    decision('2021-12-05', 'region', 's-heating'),
    at('region-recheck-passed', '2021-12-05', { tier: 'region' }),
    at('certified', '2021-12-20', { certificate: 'GX-2021-001' }),
  ];
}
