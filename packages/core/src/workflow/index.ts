/**
 * `@sunshine-rubric/core/workflow`: an estate's certification application as an event log — the route's
 * tiers (county or district bureau, the city's leading group, the region's panel), reviewers' decisions
 * about standards, re-inspection — folded into its state, and the tier deadlines a plugin declares. The
 * application functions that the root has exported from the start are here too, so that one import serves.
 *
 * @module @sunshine-rubric/core/workflow
 * @packageDocumentation
 */

export type { ApplicationStatus } from './application-rules.js';
export type { ApplicationState, LateStep } from './application-state.js';
export type {
  CampaignApplication,
  CampaignYear,
  CampaignYearOptions,
  LateApplication,
} from './campaign-year.js';
export { foldCampaignYear } from './campaign-year.js';
export type {
  ApplicationEvent,
  ApplicationEventType,
  ReinspectedEvent,
  SelfCheckSummary,
  StandardReviewedEvent,
} from './events.js';
export { ApplicationEventSchema, applicationEventTypes, summariseSelfCheck } from './events.js';
export type { FoldApplicationOptions } from './fold-application.js';
export {
  advanceApplication,
  decidingTierOf,
  foldApplication,
  nextSteps,
  safeFoldApplication,
} from './fold-application.js';
export type { ReviewDecision, ReviewTier } from './review-events.js';
export { reinspectionResults, reviewDecisions, reviewedOutcomes, reviewTiers } from './review-events.js';
export type {
  ReviewedResult,
  StandardDifference,
  TierVerdict,
} from './reviewed-result.js';
export { reviewedResult } from './reviewed-result.js';
export type { TierRecord, TierRecords } from './tier-records.js';
export { tierRecords } from './tier-records.js';
export type { DeadlineStep, TierDeadline, WorkflowPolicy } from './workflow-policy.js';
export { deadlineSteps } from './workflow-policy.js';
