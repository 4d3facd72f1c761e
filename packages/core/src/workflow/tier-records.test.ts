import { describe, expect, it } from 'vitest';
import { certifiedLog, reviewedRuleSet, selfAssessed } from '../../test/workflow-logs.js';
import { applicationStatuses } from './application-rules.js';
import { foldApplication } from './fold-application.js';
import { reviewedResult } from './reviewed-result.js';
import { tierRecords } from './tier-records.js';

describe('tierRecords', () => {
  it('says what the city and the region recorded at every step of the route', () => {
    expect(
      Object.fromEntries(applicationStatuses.map((status) => [status, tierRecords({ status })])),
    ).toEqual({
      'not-started': {},
      'self-checked': {},
      applied: { city: 'pending' },
      received: { city: 'pending' },
      returned: { city: 'returned' },
      'city-review-passed': { city: 'passed', region: 'pending' },
      'submitted-to-region': { city: 'passed', region: 'pending' },
      'rectification-required': { city: 'passed', region: 'rectification' },
      rectified: { city: 'passed', region: 'pending' },
      'recheck-passed': { city: 'passed', region: 'passed' },
      certified: { city: 'passed', region: 'certified' },
      'reinspection-rectification-required': { city: 'passed', region: 'certified' },
      'reinspection-rectified': { city: 'passed', region: 'certified' },
      revoked: { city: 'passed', region: 'certified' },
    });
  });

  it('reads a folded state as reviewedResult reports each tier’s record', () => {
    const state = foldApplication(certifiedLog(), { ruleSet: reviewedRuleSet });
    const review = reviewedResult(reviewedRuleSet, selfAssessed, state);
    expect(tierRecords(state)).toEqual(
      Object.fromEntries(review.tiers.map((tier) => [tier.tier, tier.recorded])),
    );
    expect(tierRecords(state)).toEqual({ city: 'passed', region: 'certified' });
  });
});
