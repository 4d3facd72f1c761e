import type { ApplicationStatus } from './application-rules.js';
import type { ApplicationEvent, ReinspectedEvent, StandardReviewedEvent } from './events.js';
import type { DeadlineStep } from './workflow-policy.js';

/**
 * A step taken after its deadline (from the `workflow` option's deadlines): recorded, never refused.
 *
 * @example
 * ```ts
 * const late: LateStep = {
 *   step: 'city-review', index: 3, date: '2021-11-02', deadline: '2021-10-31', drafted: true,
 *   message: 'reviewed by the city on 2021-11-02, after the 2021 round’s deadline 2021-10-31 (drafted)',
 * };
 * ```
 */
export interface LateStep {
  readonly step: DeadlineStep;
  /** The event's index in the log. */
  readonly index: number;
  readonly date: string;
  /** The deadline it missed, `YYYY-MM-DD` in the round's year. */
  readonly deadline: string;
  /** True when the deadline is the plugin author's drafting, not a clause of the plan. */
  readonly drafted: boolean;
  readonly message: string;
}

/**
 * Where an application stands after its events.
 *
 * @example
 * ```ts
 * const state: ApplicationState = foldApplication(events);
 * if (state.status === 'certified') console.log(`certified on ${state.certifiedOn} in the ${state.year} round`);
 * ```
 */
export interface ApplicationState {
  readonly status: ApplicationStatus;
  /** The round (year) of the latest application. */
  readonly year?: number;
  /** True when the latest application came after its round's deadline (which the plan allowed). */
  readonly late?: boolean;
  /** The verdict of the latest self-check. */
  readonly selfCheck?: Extract<ApplicationEvent, { type: 'self-check-completed' }>['evaluation'];
  /** The date of the latest application. */
  readonly appliedOn?: string;
  readonly certifiedOn?: string;
  /** How many times the region asked for rectification. */
  readonly rectifications: number;
  /** The bureau that received the latest application (absent when no receipt is recorded). */
  readonly receivedBy?: 'county' | 'city';
  /** When the city submitted the latest application on its year's list to the region. */
  readonly submittedOn?: string;
  /**
   * Reviewers' decisions about standards, in order, since the latest application (re-inspection's
   * included); absent when there are none. A later decision of a tier on a standard replaces its earlier one.
   */
  readonly decisions?: readonly StandardReviewedEvent[];
  /** Steps of the latest application taken after their deadline; absent when none is late. */
  readonly lateSteps?: readonly LateStep[];
  /** Re-inspections since certification, in order; absent when there are none. */
  readonly reinspections?: readonly ReinspectedEvent[];
  /** When a re-inspection revoked the title (the estate may apply again; the history keeps it all). */
  readonly revokedOn?: string;
  /** Every event so far, validated, in order. */
  readonly history: readonly ApplicationEvent[];
}
