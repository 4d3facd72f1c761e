import type { ApplicationEvent, ApplicationEventType } from './events.js';

/**
 * Where an application stands:
 * - `not-started`: nothing recorded yet;
 * - `self-checked`: a self-check is done, no application pending;
 * - `applied`: waiting for the city's review;
 * - `returned`: the city returned it; the estate may self-check again and re-apply;
 * - `city-review-passed`: waiting for the region's re-check;
 * - `rectification-required`: the re-check asked for fixes;
 * - `rectified`: fixes made, waiting for the region's re-check again;
 * - `recheck-passed`: the re-check passed, waiting for certification;
 * - `certified`: done.
 *
 * @example
 * ```ts
 * const status: ApplicationStatus = foldApplication(events).status;
 * ```
 */
export type ApplicationStatus =
  | 'not-started'
  | 'self-checked'
  | 'applied'
  | 'returned'
  | 'city-review-passed'
  | 'rectification-required'
  | 'rectified'
  | 'recheck-passed'
  | 'certified';

/** The statuses each event may follow. */
export const legalAfter: Readonly<Record<ApplicationEventType, readonly ApplicationStatus[]>> = {
  'self-check-completed': ['not-started', 'self-checked', 'returned', 'rectification-required'],
  applied: ['self-checked', 'returned'],
  'city-review-passed': ['applied'],
  'city-review-returned': ['applied'],
  'region-recheck-passed': ['city-review-passed', 'rectified'],
  'rectification-required': ['city-review-passed', 'rectified'],
  rectified: ['rectification-required'],
  certified: ['recheck-passed'],
};

/** The status an event leads to (a self-check during rectification leaves the status as it is). */
export function statusAfter(event: ApplicationEvent, before: ApplicationStatus): ApplicationStatus {
  switch (event.type) {
    case 'self-check-completed':
      return before === 'rectification-required' ? before : 'self-checked';
    case 'applied':
      return 'applied';
    case 'city-review-passed':
      return 'city-review-passed';
    case 'city-review-returned':
      return 'returned';
    case 'region-recheck-passed':
      return 'recheck-passed';
    case 'rectification-required':
      return 'rectification-required';
    case 'rectified':
      return 'rectified';
    case 'certified':
      return 'certified';
  }
}

const statusWords: Record<ApplicationStatus, string> = {
  'not-started': 'nothing is recorded yet',
  'self-checked': 'the estate has self-checked but not applied',
  applied: 'the application waits for the city review',
  returned: 'the city returned the application',
  'city-review-passed': 'the application waits for the region re-check',
  'rectification-required': 'the region re-check asked for rectification',
  rectified: 'the rectification waits for the region re-check',
  'recheck-passed': 'the region re-check passed',
  certified: 'the estate is certified',
};

const pending: readonly ApplicationStatus[] = [
  'applied',
  'city-review-passed',
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
