export {
  type ApplicationDeadline,
  applicationDeadlines,
  type CalendarRange,
  type JointMeeting,
  jointMeetings,
  timelineCalendar,
} from './calendar.js';
export { type CheckedYear, checkTimeline, type TimelineCheck } from './check-timeline.js';
export { defineTargetPlan, safeDefineTargetPlan } from './define-plan.js';
export { type AgendaItem, type MeetingAgenda, meetingAgenda } from './meeting-agenda.js';
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
} from './plan-context-schema.js';
export {
  type Milestone,
  MilestoneSchema,
  type Rounding,
  type TargetPlan,
  type TargetPlanInput,
  TargetPlanSchema,
} from './plan-schema.js';
export { planTimeline, type Timeline, type TimelineYear } from './plan-timeline.js';
export type { ProgressStanding } from './progress-standing.js';
export { shareOfTotal } from './shares.js';
export {
  type PlanPath,
  type TimelineIssue,
  type TimelineIssueCode,
  type TimelineIssueDraft,
  type TimelineIssueSeverity,
  timelineIssueSeverity,
} from './timeline-issue-codes.js';
export {
  type CertifiedCounts,
  type Progress,
  type ProgressStatus,
  type ProgressYear,
  trackProgress,
} from './track-progress.js';
