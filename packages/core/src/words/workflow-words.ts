import { deepFreeze } from '../util/deep-freeze.js';
import type { Wording } from './outcome-names.js';

// The route's keys are declared here, below the workflow, which takes them from here: words import nothing
// from the workflow, and a status added to the route must be named for people in the same change.

/**
 * Where an application stands on its route, as `foldApplication` says.
 *
 * @example
 * ```ts
 * const status: ApplicationStatus = 'city-review-passed';
 * ```
 */
export type ApplicationStatus =
  | 'not-started'
  | 'self-checked'
  | 'applied'
  | 'received'
  | 'returned'
  | 'city-review-passed'
  | 'submitted-to-region'
  | 'rectification-required'
  | 'rectified'
  | 'recheck-passed'
  | 'certified'
  | 'reinspection-rectification-required'
  | 'reinspection-rectified'
  | 'revoked';
/**
 * What one tier recorded at an application's step.
 *
 * @example
 * ```ts
 * const record: TierRecord = 'passed';
 * ```
 */
export type TierRecord = 'pending' | 'passed' | 'returned' | 'rectification' | 'certified';
/**
 * A step of the route that a city's plugin may give a deadline.
 *
 * @example
 * ```ts
 * const step: DeadlineStep = 'application-received';
 * ```
 */
export type DeadlineStep =
  | 'applied'
  | 'application-received'
  | 'city-review'
  | 'submitted-to-region'
  | 'region-recheck';

/**
 * An application's step on its route, in a few words: what the forms, the reports and the command call it.
 *
 * @example
 * ```ts
 * applicationStatusNames['city-review-passed'].zh; // '市级初审通过'
 * applicationStatusNames.revoked.en; // 'title revoked'
 * ```
 */
export const applicationStatusNames: Readonly<Record<ApplicationStatus, Wording>> = deepFreeze({
  'not-started': { zh: '未开始', en: 'not started' },
  'self-checked': { zh: '已自查', en: 'self-checked' },
  applied: { zh: '已申报', en: 'applied' },
  received: { zh: '已受理', en: 'received' },
  returned: { zh: '市级退回', en: 'returned by the city' },
  'city-review-passed': { zh: '市级初审通过', en: 'passed the city review' },
  'submitted-to-region': { zh: '已报自治区', en: 'submitted to the region' },
  'rectification-required': { zh: '复核要求整改', en: 'rectification required' },
  rectified: { zh: '已整改', en: 'rectified' },
  'recheck-passed': { zh: '复核通过', en: 'passed the re-check' },
  certified: { zh: '已认定', en: 'certified' },
  'reinspection-rectification-required': { zh: '复查要求整改', en: 'rectification after re-inspection' },
  'reinspection-rectified': { zh: '复查后已整改', en: 'rectified after re-inspection' },
  revoked: { zh: '已撤销认定', en: 'title revoked' },
});

/**
 * The tiers that review an application: the city's initial review (初审) and the region's re-check (复核认定).
 *
 * @example
 * ```ts
 * reviewTierNames.region.zh; // '自治区复核认定'
 * ```
 */
export const reviewTierNames: Readonly<Record<'city' | 'region', Wording>> = deepFreeze({
  city: { zh: '市级初审', en: 'city initial review' },
  region: { zh: '自治区复核认定', en: 'region re-check' },
});

/**
 * What a tier recorded on the route (`TierVerdict.recorded`).
 *
 * @example
 * ```ts
 * tierRecordNames.rectification.en; // 'rectification required'
 * ```
 */
export const tierRecordNames: Readonly<Record<TierRecord, Wording>> = deepFreeze({
  pending: { zh: '审核中', en: 'under review' },
  passed: { zh: '通过', en: 'passed' },
  returned: { zh: '退回', en: 'returned' },
  rectification: { zh: '要求整改', en: 'rectification required' },
  certified: { zh: '已认定', en: 'certified' },
});

/**
 * A step of a year's round that may have a deadline (a plugin's `workflow.deadlines`), in a few words.
 *
 * @example
 * ```ts
 * deadlineStepNames['region-recheck'].zh; // '自治区复核认定'
 * ```
 */
export const deadlineStepNames: Readonly<Record<DeadlineStep, Wording>> = deepFreeze({
  applied: { zh: '申报', en: 'application' },
  'application-received': { zh: '受理', en: 'receipt by the bureau' },
  'city-review': { zh: '市级初审', en: 'city initial review' },
  'submitted-to-region': { zh: '报送自治区', en: 'submission to the region' },
  'region-recheck': { zh: '自治区复核认定', en: 'region re-check' },
});
