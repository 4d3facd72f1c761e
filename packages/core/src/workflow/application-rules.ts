import type { ApplicationStatus } from '../words/workflow-words.js';
import type { ApplicationEvent, ApplicationEventType } from './events.js';

/**
 * Where an application stands:
 * - `not-started`: nothing recorded yet;
 * - `self-checked`: a self-check is done, no application pending;
 * - `applied`: waiting for the city's review;
 * - `received`: a housing bureau received it; waiting for the city's review;
 * - `returned`: the city returned it; the estate may self-check again and re-apply;
 * - `city-review-passed`: waiting for the region's re-check (or for the city to submit the year's list);
 * - `submitted-to-region`: on the year's list the city submitted; waiting for the region's re-check;
 * - `rectification-required`: the re-check asked for fixes;
 * - `rectified`: fixes made, waiting for the region's re-check again;
 * - `recheck-passed`: the re-check passed, waiting for certification;
 * - `certified`: certified; re-inspection may follow;
 * - `reinspection-rectification-required`: a re-inspection asked for fixes (the title holds meanwhile);
 * - `reinspection-rectified`: those fixes made, waiting for the re-inspection's conclusion;
 * - `revoked`: a re-inspection revoked the title; the estate may self-check again and re-apply.
 *
 * @example
 * ```ts
 * const status: ApplicationStatus = foldApplication(events).status;
 * ```
 */
export type { ApplicationStatus };

/** Every status, in route order. */
export const applicationStatuses: readonly ApplicationStatus[] = [
  'not-started',
  'self-checked',
  'applied',
  'received',
  'returned',
  'city-review-passed',
  'submitted-to-region',
  'rectification-required',
  'rectified',
  'recheck-passed',
  'certified',
  'reinspection-rectification-required',
  'reinspection-rectified',
  'revoked',
];

/** Statuses of a certified estate, while its title holds (re-inspection may follow). */
export const titleHeld: readonly ApplicationStatus[] = [
  'certified',
  'reinspection-rectification-required',
  'reinspection-rectified',
];

/** The statuses at which each tier decides about standards: the tier whose step it is. */
export const decidingTier: Readonly<Record<'city' | 'region', readonly ApplicationStatus[]>> = {
  city: ['applied', 'received'],
  region: [
    'city-review-passed',
    'submitted-to-region',
    'rectification-required',
    'rectified',
    'recheck-passed',
    ...titleHeld,
  ],
};

/** The statuses each event may follow. */
export const legalAfter: Readonly<Record<ApplicationEventType, readonly ApplicationStatus[]>> = {
  'self-check-completed': [
    'not-started',
    'self-checked',
    'returned',
    'rectification-required',
    'reinspection-rectification-required',
    'revoked',
  ],
  applied: ['self-checked', 'returned'],
  'application-received': ['applied'],
  'standard-reviewed': [...decidingTier.city, ...decidingTier.region],
  'city-review-passed': ['applied', 'received'],
  'city-review-returned': ['applied', 'received'],
  'submitted-to-region': ['city-review-passed'],
  'region-recheck-passed': ['city-review-passed', 'submitted-to-region', 'rectified'],
  'rectification-required': ['city-review-passed', 'submitted-to-region', 'rectified'],
  rectified: ['rectification-required', 'reinspection-rectification-required'],
  certified: ['recheck-passed'],
  reinspected: titleHeld,
};

/**
 * The status an event leads to (a self-check during rectification, and a decision about a standard, leave
 * the status as it is).
 */
export function statusAfter(event: ApplicationEvent, before: ApplicationStatus): ApplicationStatus {
  switch (event.type) {
    case 'self-check-completed':
      return before === 'rectification-required' || before === 'reinspection-rectification-required'
        ? before
        : 'self-checked';
    case 'applied':
      return 'applied';
    case 'application-received':
      return 'received';
    case 'standard-reviewed':
      return before;
    case 'submitted-to-region':
      return 'submitted-to-region';
    case 'reinspected':
      return event.result === 'confirmed'
        ? 'certified'
        : event.result === 'revoked'
          ? 'revoked'
          : 'reinspection-rectification-required';
    case 'city-review-passed':
      return 'city-review-passed';
    case 'city-review-returned':
      return 'returned';
    case 'region-recheck-passed':
      return 'recheck-passed';
    case 'rectification-required':
      return 'rectification-required';
    case 'rectified':
      return before === 'reinspection-rectification-required' ? 'reinspection-rectified' : 'rectified';
    case 'certified':
      return 'certified';
  }
}

const statusWords: Record<ApplicationStatus, string> = {
  'not-started': 'nothing is recorded yet',
  'self-checked': 'the estate has self-checked but not applied',
  applied: 'the application waits for the city review',
  received: 'the application, received by a housing bureau, waits for the city review',
  returned: 'the city returned the application',
  'city-review-passed': 'the application waits for the region re-check',
  'submitted-to-region': 'the application, on the city’s list for the region, waits for the region re-check',
  'rectification-required': 'the region re-check asked for rectification',
  rectified: 'the rectification waits for the region re-check',
  'recheck-passed': 'the region re-check passed',
  certified: 'the estate is certified',
  'reinspection-rectification-required': 'a re-inspection asked for rectification',
  'reinspection-rectified': 'the rectification waits for the re-inspection’s conclusion',
  revoked: 'the title was revoked',
};

const pending: readonly ApplicationStatus[] = [
  'applied',
  'received',
  'city-review-passed',
  'submitted-to-region',
  'rectification-required',
  'rectified',
  'recheck-passed',
];

/** Why an event cannot follow the status, in words (eligibility and deadlines are checked elsewhere). */
export function whyIllegal(
  type: ApplicationEventType,
  status: ApplicationStatus,
  everApplied: boolean,
): string {
  const now = statusWords[status];
  switch (type) {
    case 'self-check-completed':
      return `a self-check cannot be recorded while an application is under way: ${now}`;
    case 'applied':
      return status === 'not-started'
        ? 'applying needs a completed self-check first; none is recorded'
        : `the estate has applied already: ${now}`;
    case 'application-received':
      return everApplied
        ? `a bureau receives an application when it is made: ${now}`
        : 'a bureau receives an application; the estate has not applied';
    case 'standard-reviewed':
      return `a decision about a standard needs an application under review or a certified estate: ${now}`;
    case 'submitted-to-region':
      return `the city submits an application that passed its review: ${now}`;
    case 'reinspected':
      return `re-inspection follows certification: ${now}`;
    case 'city-review-passed':
    case 'city-review-returned':
      return everApplied
        ? `a city review needs an application waiting for it: ${now}`
        : 'a city review needs an application; the estate has not applied';
    case 'region-recheck-passed':
    case 'rectification-required':
      return `the region re-check follows a passed city review (or a rectification): ${now}`;
    case 'rectified':
      return `rectified needs a rectification-required first: ${now}`;
    case 'certified':
      if (!everApplied) return 'certification needs an application; the estate never applied';
      return pending.includes(status)
        ? `certification needs a passed region re-check: ${now}`
        : `certification needs a passed application: ${now}`;
  }
}
