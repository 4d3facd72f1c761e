/**
 * `@sunshine-rubric/core`: the rule-set format, the compiled evaluator with explanations, remediation,
 * target timelines, the application workflow, plugins and rule-set diff. Runs in any JavaScript runtime
 * (Node, browsers, workers). Wording and formatting for people live on `@sunshine-rubric/core/words`.
 *
 * @module @sunshine-rubric/core
 * @packageDocumentation
 */

// The root is the contract of ARCHITECTURE.md, named one by one: a name added here is a public promise,
// and the API report (etc/core.api.md) shows it in review.

export type { UnknownFactPolicy } from './assessment/read-facts.js';
export type { Assessment } from './assessment/schema.js';
export type {
  FieldChange,
  ItemChanges,
  RuleSetDiff,
  SharedConditionChange,
  SharedConditionChanges,
} from './diff/diff-rule-sets.js';
export { diffRuleSets } from './diff/diff-rule-sets.js';
export type { RubricErrorCode } from './errors/error-codes.js';
export { type IssueKind, issueKinds, type KindsByCode } from './errors/issue-kinds.js';
export type {
  AnyRubricError,
  IssueOf,
  Result,
  RubricErrorOf,
  RubricIssue,
} from './errors/rubric-error.js';
export { RubricError } from './errors/rubric-error.js';
export type { CompileOptions, EvaluateOptions, Evaluator } from './evaluate/compile-rule-set.js';
export { compileRuleSet, evaluate } from './evaluate/compile-rule-set.js';
export type {
  CreateRegistryOptions,
  RegisteredRuleSet,
  Registry,
  ResolveFactsOptions,
} from './plugins/create-registry.js';
export { createRegistry } from './plugins/create-registry.js';
export { definePlugin, safeDefinePlugin } from './plugins/define-plugin.js';
export type { FactResolver, FactResolverContext, Plugin, PluginDefinition } from './plugins/plugin-types.js';
export { MAX_STANDARDS } from './reading/structure-depth.js';
export type {
  RemediationCost,
  RemediationOptions,
  RemediationPlan,
  RemediationStep,
} from './remediation/plan-remediation.js';
export { planRemediation } from './remediation/plan-remediation.js';
export type {
  AspectResult,
  EvaluationResult,
  EvidenceEntry,
  ExplanationNode,
  Outcome,
  Reason,
  ReasonBase,
  ReasonCode,
  RequirementResult,
  StandardEvidence,
  StandardExplanation,
  StandardResult,
} from './result/types.js';
export { MAX_CONDITION_DEPTH } from './rule-set/conditions.js';
export type { DefineRuleSetOptions } from './rule-set/define-rule-set.js';
export { defineRuleSet, safeDefineRuleSet } from './rule-set/define-rule-set.js';
export type { OperatorDefinition } from './rule-set/operators.js';
export type { RuleSetInput } from './rule-set/schema.js';
export type {
  AllCondition,
  AnyCondition,
  Aspect,
  BuiltInOperator,
  ComplianceRateScoring,
  Condition,
  ConditionReference,
  DraftedValue,
  FactDefinition,
  FactReference,
  FactType,
  FactValue,
  FormatVersion,
  Ground,
  LeafCondition,
  NotCondition,
  PointsScoring,
  Provenance,
  Requirement,
  RuleSet,
  Scoring,
  SharedConditions,
  Standard,
  Text,
  UnevidencedPolicy,
} from './rule-set/types.js';
export type { ApplicationDeadline, CalendarRange, JointMeeting } from './timeline/calendar.js';
export { applicationDeadlines, jointMeetings, timelineCalendar } from './timeline/calendar.js';
export type { CheckedYear, TimelineCheck } from './timeline/check-timeline.js';
export { checkTimeline } from './timeline/check-timeline.js';
export { defineTargetPlan, safeDefineTargetPlan } from './timeline/define-plan.js';
export type { AgendaItem, MeetingAgenda } from './timeline/meeting-agenda.js';
export { meetingAgenda } from './timeline/meeting-agenda.js';
export type {
  DatedGoal,
  FundingRoute,
  PlanArea,
  PlanOrganization,
  PlanRule,
  PlanSource,
  PlanWords,
  PolicyDocument,
  TotalStatement,
} from './timeline/plan-context-schema.js';
export type { Milestone, Rounding, TargetPlan, TargetPlanInput } from './timeline/plan-schema.js';
export type { Timeline, TimelineYear } from './timeline/plan-timeline.js';
export { planTimeline } from './timeline/plan-timeline.js';
export type { ProgressStanding } from './timeline/progress-standing.js';
export type {
  PlanPath,
  TimelineIssue,
  TimelineIssueCode,
  TimelineIssueDraft,
  TimelineIssueSeverity,
} from './timeline/timeline-issue-codes.js';
export type { CertifiedCounts, Progress, ProgressStatus, ProgressYear } from './timeline/track-progress.js';
export { trackProgress } from './timeline/track-progress.js';
export type { ExtendRuleSetOptions } from './variants/extend-rule-set.js';
export { extendRuleSet, safeExtendRuleSet } from './variants/extend-rule-set.js';
export type { Immutable, RuleSetPatch } from './variants/patch-schema.js';
export { whatIf } from './what-if/what-if.js';
export type { ApplicationStatus } from './workflow/application-rules.js';
export type { ApplicationState, LateStep } from './workflow/application-state.js';
// The workflow's own surface lives on `@sunshine-rubric/core/workflow`; the root keeps what it has exported
// from the start, and the types its exports' signatures name (a plugin's `workflow`, a state's fields).
export type {
  ApplicationEvent,
  ApplicationEventType,
  ReinspectedEvent,
  SelfCheckSummary,
  StandardReviewedEvent,
} from './workflow/events.js';
export { summariseSelfCheck } from './workflow/events.js';
export type { FoldApplicationOptions } from './workflow/fold-application.js';
export {
  advanceApplication,
  foldApplication,
  nextSteps,
  safeFoldApplication,
} from './workflow/fold-application.js';
export type { ReviewTier } from './workflow/review-events.js';
export type { DeadlineStep, TierDeadline, WorkflowPolicy } from './workflow/workflow-policy.js';
