import { describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts } from '../../test/fixtures.js';
import {
  at,
  certifiedLog,
  decision,
  reviewedRuleSet,
  selfAssessed,
  selfCheck,
} from '../../test/workflow-logs.js';
import { RubricError } from '../errors/rubric-error.js';
import { evaluate } from '../evaluate/compile-rule-set.js';
import { foldApplication } from './fold-application.js';
import { reviewedResult } from './reviewed-result.js';

const ruleSet = reviewedRuleSet;
const fold = (events: readonly unknown[]) => foldApplication(events, { ruleSet });
const underCityReview = [selfCheck('2021-08-20'), at('applied', '2021-09-01')];

describe('reviewedResult', () => {
  it('is the self-check itself while no tier has decided', () => {
    const review = reviewedResult(ruleSet, selfAssessed, fold([selfCheck('2021-08-20')]));
    expect(review.reviewed).toEqual(selfAssessed);
    expect(review.tiers).toEqual([]);
    expect(review.differences).toEqual([]);
  });

  it('scores the reviewed outcomes by the rubric’s own rules, as evaluate would have', () => {
    const state = fold([
      ...underCityReview,
      decision('2021-10-01', 'city', 's-heating', {
        decision: 'disagree',
        outcome: 'unmet',
        reason: '未通燃气',
      }),
      decision('2021-10-01', 'city', 's-policing-room'),
    ]);
    const review = reviewedResult(ruleSet, selfAssessed, state);
    const asIfAssessed = evaluate(ruleSet, assessmentOf({ ...perfectFacts(), heating: 'none' }));
    expect(review.reviewed.eligible).toBe(false);
    expect(review.reviewed.compliance).toEqual(asIfAssessed.compliance);
    expect(review.reviewed.reasons).toEqual(asIfAssessed.reasons);
    expect(review.selfAssessed.eligible).toBe(true);
    expect(review.tiers).toHaveLength(1);
    expect(review.tiers[0]).toMatchObject({ tier: 'city', decided: 2, recorded: 'pending' });
    expect(review.tiers[0]?.differences).toEqual([
      {
        standardId: 's-heating',
        requirementId: 'childcare',
        aspectId: 'services',
        selfAssessed: 'met',
        before: 'met',
        reviewed: 'unmet',
        tier: 'city',
        decision: 'disagree',
        reason: '未通燃气',
        date: '2021-10-01',
        actor: '经办人',
      },
    ]);
    expect(review.differences).toEqual([
      {
        standardId: 's-heating',
        requirementId: 'childcare',
        aspectId: 'services',
        selfAssessed: 'met',
        reviewed: 'unmet',
        tier: 'city',
      },
    ]);
  });

  it('gives each tier’s verdict along the route, and the region’s agreement after rectification stands', () => {
    const review = reviewedResult(ruleSet, selfAssessed, fold(certifiedLog()));
    expect(review.tiers.map((tier) => [tier.tier, tier.recorded, tier.result.eligible])).toEqual([
      ['city', 'passed', false],
      ['region', 'certified', true],
    ]);
    expect(review.tiers[1]?.differences).toEqual([]);
    expect(review.reviewed.compliance).toEqual(selfAssessed.compliance);
    expect(review.differences).toEqual([]);
  });

  it('counts a rectification required as unmet until the tier agrees, with what and by when', () => {
    const state = fold([
      ...underCityReview,
      decision('2021-10-01', 'city', 's-lift-inspection', {
        decision: 'rectification-required',
        what: '完成电梯年检',
        by: '2021-10-30',
      }),
    ]);
    const review = reviewedResult(ruleSet, selfAssessed, state);
    expect(review.reviewed.standards.find((standard) => standard.id === 's-lift-inspection')?.outcome).toBe(
      'unmet',
    );
    expect(review.tiers[0]?.differences[0]).toMatchObject({
      decision: 'rectification-required',
      what: '完成电梯年检',
      by: '2021-10-30',
    });
  });

  it('lets a tier’s later decision on a standard replace its earlier one', () => {
    const events = [
      decision('2021-10-01', 'city', 's-heating', {
        decision: 'disagree',
        outcome: 'unmet',
        reason: '未通燃气',
      }),
      decision('2021-10-05', 'city', 's-heating', {
        decision: 'disagree',
        outcome: 'not-applicable',
        reason: '无需供暖',
      }),
    ];
    const review = reviewedResult(ruleSet, selfAssessed, fold([...underCityReview, ...events]));
    expect(review.differences).toMatchObject([{ standardId: 's-heating', reviewed: 'not-applicable' }]);
    expect(review.reviewed.compliance).toMatchObject({ met: 5, applicable: 5 });
    expect(review.reviewed.eligible).toBe(true);
  });

  it('takes the decision events themselves, without a state', () => {
    const events = fold([
      ...underCityReview,
      decision('2021-10-01', 'city', 's-heating', {
        decision: 'disagree',
        outcome: 'unmet',
        reason: '未通燃气',
      }),
    ]).decisions!;
    const review = reviewedResult(ruleSet, selfAssessed, events);
    expect(review.tiers[0]?.recorded).toBeUndefined();
    expect(review.reviewed.eligible).toBe(false);
  });

  it('refuses a result that is not the application’s self-check', () => {
    const other = evaluate(ruleSet, assessmentOf({ ...perfectFacts(), heating: 'none' }, 'a2'));
    const state = fold(underCityReview);
    let thrown: unknown;
    try {
      reviewedResult(ruleSet, other, state);
    } catch (error) {
      thrown = error;
    }
    expect(RubricError.isInstance(thrown) && thrown.code).toBe('INVALID_OPTIONS');
    expect((thrown as RubricError).issues).toEqual([
      {
        path: ['selfAssessed'],
        kind: 'self-check-mismatch',
        message: expect.stringContaining('assessment a2'),
      },
    ]);
  });
});
