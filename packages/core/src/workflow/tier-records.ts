import type { TierRecord } from '../words/workflow-words.js';
import type { ApplicationStatus } from './application-rules.js';
import type { ApplicationState } from './application-state.js';

/**
 * What a review tier recorded on an application's route: the city `passed` or `returned` it; the region
 * `passed` it (its re-check), required `rectification`, or it was `certified`; `pending` while the tier has
 * it and has not decided.
 *
 * @example
 * ```ts
 * const recorded: TierRecord = 'rectification';
 * ```
 */
export type { TierRecord };

/**
 * What each tier recorded, by tier; a tier the application has not reached is absent.
 *
 * @example
 * ```ts
 * const records: TierRecords = { city: 'passed', region: 'rectification' };
 * ```
 */
export interface TierRecords {
  /** The city's leading group: absent before the application reaches it. */
  readonly city?: TierRecord;
  /** The region's panel: absent before the city passes the application on. */
  readonly region?: TierRecord;
}

const cityRecords: Partial<Record<ApplicationStatus, TierRecord>> = {
  applied: 'pending',
  received: 'pending',
  returned: 'returned',
};
const regionRecords: Partial<Record<ApplicationStatus, TierRecord>> = {
  'city-review-passed': 'pending',
  'submitted-to-region': 'pending',
  'rectification-required': 'rectification',
  rectified: 'pending',
  'recheck-passed': 'passed',
  certified: 'certified',
  // Re-inspection and revocation come after the region certified: that is what it recorded.
  'reinspection-rectification-required': 'certified',
  'reinspection-rectified': 'certified',
  revoked: 'certified',
};

/**
 * What the city and the region recorded on an application's route, read from its step: the one reading
 * that `reviewedResult` (its tiers' `recorded`) and the forms (the summary table's review columns) share.
 * Once the region has the application, the city passed it.
 *
 * @param state - The application's folded state, or just its `status`.
 * @returns The city's and the region's record; a tier not yet reached (a draft, a self-check) is absent.
 * @example
 * ```ts
 * tierRecords({ status: 'rectification-required' }); // { city: 'passed', region: 'rectification' }
 * tierRecords(foldApplication(events)).city; // 'pending' while the city reviews it
 * tierRecords({ status: 'self-checked' }); // {}
 * ```
 */
export function tierRecords(state: Pick<ApplicationState, 'status'>): TierRecords {
  const region = regionRecords[state.status];
  const city = cityRecords[state.status] ?? (region === undefined ? undefined : 'passed');
  return {
    ...(city === undefined ? {} : { city }),
    ...(region === undefined ? {} : { region }),
  };
}
