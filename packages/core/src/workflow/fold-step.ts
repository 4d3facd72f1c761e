import type { IssueKind } from '../errors/issue-kinds.js';
import { type IssueOf, type Result, RubricError } from '../errors/rubric-error.js';
import type { TargetPlan } from '../timeline/plan-schema.js';
import { deepFreeze } from '../util/deep-freeze.js';
import { quote } from '../util/show-value.js';
import { decidingTier, legalAfter, statusAfter, titleHeld, whyIllegal } from './application-rules.js';
import type { ApplicationState, LateStep } from './application-state.js';
import type { ApplicationEvent, ReinspectedEvent, StandardReviewedEvent } from './events.js';
import type { DeadlineStep, WorkflowPolicy } from './workflow-policy.js';

/** What every step is checked against, prepared once per fold. */
export interface FoldContext {
  readonly plan: Pick<TargetPlan, 'applicationDeadline' | 'allowLateApplications'> | undefined;
  /** The rule set decisions are checked against: its id and version (when known) and its standards. */
  readonly ruleSet?: {
    readonly id?: string;
    readonly version?: string;
    readonly standardIds: ReadonlySet<string>;
  };
  readonly workflow: WorkflowPolicy;
}

type Refuse = (
  message: string,
  kind: IssueKind<'INVALID_WORKFLOW_STEP'>,
  field?: string,
) => ReturnType<typeof invalid>;

/** The state after one more event, or why the event cannot come now. */
export function step(
  state: ApplicationState,
  event: ApplicationEvent,
  index: number,
  context: FoldContext,
): Result<ApplicationState> {
  const refuse: Refuse = (message, kind, field) =>
    invalid([
      { path: field === undefined ? [index] : [index, field], message: `${event.type}: ${message}`, kind },
    ]);
  const previous = state.history.at(-1);
  if (previous && event.date < previous.date) {
    return refuse(
      `dated ${event.date}, before the event before it (${previous.date}); events are recorded in date order`,
      'out-of-order',
    );
  }
  if (titleHeld.includes(state.status) && !legalAfter[event.type].includes(state.status)) {
    return refuse(
      `the estate was certified on ${state.certifiedOn}; nothing follows certification but re-inspection (reinspected) and the region's decisions`,
      'after-certified',
    );
  }
  if (!legalAfter[event.type].includes(state.status)) {
    return refuse(whyIllegal(event.type, state.status, state.appliedOn !== undefined), 'illegal-step');
  }
  const history = [...state.history, event];
  const status = statusAfter(event, state.status);
  const rest = { ...state, status, history };
  switch (event.type) {
    case 'self-check-completed':
      return accept({ ...rest, selfCheck: event.evaluation });
    case 'applied':
      return applied(state, rest, event, index, context, refuse);
    case 'application-received':
      return accept(late({ ...rest, receivedBy: event.tier }, 'application-received', index, context));
    case 'standard-reviewed': {
      const refusal = fieldsMissing(event, index) ?? checkDecision(state, event, context, refuse);
      if (refusal) return refusal;
      return accept({ ...rest, decisions: [...(state.decisions ?? []), event] });
    }
    case 'city-review-passed':
    case 'city-review-returned':
      return accept(late(rest, 'city-review', index, context));
    case 'submitted-to-region': {
      if (event.year !== undefined && event.year !== state.year) {
        return refuse(
          `the list is the ${event.year} round’s, and this application is in the ${state.year} round`,
          'wrong-year',
          'year',
        );
      }
      return accept(late({ ...rest, submittedOn: event.date }, 'submitted-to-region', index, context));
    }
    case 'region-recheck-passed':
      return accept(late(rest, 'region-recheck', index, context));
    case 'rectification-required':
      return accept(
        late({ ...rest, rectifications: state.rectifications + 1 }, 'region-recheck', index, context),
      );
    case 'certified':
      return accept({ ...rest, certifiedOn: event.date });
    case 'reinspected': {
      const missing = fieldsMissing(event, index);
      if (missing) return missing;
      if (event.result === 'revoked' && context.workflow.revocation !== true) {
        return refuse(
          'revoking a title needs a rule set whose plugin allows revocation (workflow.revocation: true); this one does not',
          'revocation-not-allowed',
          'result',
        );
      }
      const reinspections = [...(state.reinspections ?? []), event];
      return accept({
        ...rest,
        reinspections,
        ...(event.result === 'revoked' ? { revokedOn: event.date } : {}),
      });
    }
    default:
      return accept(rest);
  }
}

function applied(
  state: ApplicationState,
  rest: ApplicationState,
  event: Extract<ApplicationEvent, { type: 'applied' }>,
  index: number,
  context: FoldContext,
  refuse: Refuse,
): Result<ApplicationState> {
  const selfCheck = state.selfCheck!;
  if (!selfCheck.eligible) {
    const { met, applicable } = selfCheck.compliance;
    const of = `${selfCheck.ruleSet.id}@${selfCheck.ruleSet.version}`;
    return refuse(
      `the latest self-check (${of}, ${met} of ${applicable} standards met) is not eligible`,
      'not-eligible',
    );
  }
  const year = event.year ?? Number(event.date.slice(0, 4));
  const lateness = applicationLateness(event.date, year, context.plan);
  if (lateness.refusal) return refuse(lateness.refusal, 'after-deadline');
  // A new application starts its own review: what the previous one gathered stays in the history only.
  const {
    late: _late,
    receivedBy: _receivedBy,
    decisions: _decisions,
    submittedOn: _submittedOn,
    lateSteps: _lateSteps,
    ...fresh
  } = rest;
  const next = { ...fresh, year, appliedOn: event.date, ...(lateness.late ? { late: true } : {}) };
  return accept(late(next, 'applied', index, context));
}

function checkDecision(
  state: ApplicationState,
  event: StandardReviewedEvent,
  context: FoldContext,
  refuse: Refuse,
): ReturnType<Refuse> | undefined {
  if (!decidingTier[event.tier].includes(state.status)) {
    const whose = decidingTier.city.includes(state.status) ? 'the city' : 'the region';
    return refuse(
      `the ${event.tier} tier is not at this step: the application is ${state.status}, where ${whose} decides`,
      'wrong-tier',
      'tier',
    );
  }
  const { ruleSet } = context;
  if (ruleSet === undefined) {
    return refuse(
      'a decision about a standard is checked against the rule set: pass options.ruleSet (or options.standardIds)',
      'missing-rule-set',
      'standard',
    );
  }
  const checked = state.selfCheck?.ruleSet;
  if (
    checked &&
    ruleSet.id !== undefined &&
    (checked.id !== ruleSet.id || checked.version !== ruleSet.version)
  ) {
    return refuse(
      `the self-check under review scored ${checked.id}@${checked.version}, and the rule set given is ${ruleSet.id}@${ruleSet.version}`,
      'wrong-rule-set',
      'standard',
    );
  }
  if (!ruleSet.standardIds.has(event.standard)) {
    return refuse(`the rule set has no standard ${quote(event.standard)}`, 'unknown-standard', 'standard');
  }
  return undefined;
}

/** What a decision or a re-inspection result needs besides its kind, and what belongs to another kind. */
const needs = {
  agree: [],
  disagree: ['outcome', 'reason'],
  'rectification-required': ['what', 'by'],
  confirmed: [],
  revoked: ['reason'],
} as const;
const belongsTo = {
  outcome: 'disagree',
  what: 'rectification-required',
  by: 'rectification-required',
} as const;

/** The refusal of a decision or re-inspection that lacks a field its kind needs, or has another kind's. */
function fieldsMissing(
  event: StandardReviewedEvent | ReinspectedEvent,
  index: number,
): ReturnType<typeof invalid> | undefined {
  const [field, kind] =
    event.type === 'standard-reviewed' ? ['decision', event.decision] : ['result', event.result];
  const record = event as Readonly<Record<string, unknown>>;
  const issues: IssueOf<'INVALID_WORKFLOW_STEP'>[] = [];
  for (const needed of needs[kind]) {
    if (record[needed] !== undefined) continue;
    issues.push({
      path: [index, needed],
      message: `${event.type}: ${field} ${kind} needs ${needed === 'reason' ? 'its reason' : needed === 'by' ? 'the date by which to fix it (by)' : needed === 'what' ? 'what to fix (what)' : 'the outcome the reviewer found (outcome)'}`,
      kind: needed === 'reason' ? 'missing-reason' : 'missing-field',
    });
  }
  for (const [other, owner] of Object.entries(belongsTo)) {
    if (record[other] === undefined || owner === kind) continue;
    issues.push({
      path: [index, other],
      message: `${event.type}: ${other} belongs to ${field} ${owner}, and this one is ${kind}`,
      kind: 'field-of-another-kind',
    });
  }
  if (issues.length === 0 && event.by !== undefined && event.by < event.date) {
    issues.push({
      path: [index, 'by'],
      message: `${event.type}: the fixes are due by ${event.by}, before the day they were required (${event.date})`,
      kind: 'by-before-date',
    });
  }
  return issues.length > 0 ? invalid(issues) : undefined;
}

const stepEvents: Record<DeadlineStep, string> = {
  applied: 'applied',
  'application-received': 'received',
  'city-review': 'reviewed by the city',
  'submitted-to-region': 'submitted to the region',
  'region-recheck': 're-checked by the region',
};

/** The state with the step flagged late when the workflow's deadline for it, in the round's year, has passed. */
function late(
  state: ApplicationState,
  stepName: DeadlineStep,
  index: number,
  context: FoldContext,
): ApplicationState {
  const deadline = context.workflow.deadlines?.find((candidate) => candidate.step === stepName);
  if (deadline === undefined || state.year === undefined) return state;
  const date = state.history[index]!.date;
  const due = `${state.year}-${deadline.monthDay}`;
  if (date <= due) return state;
  const lateStep: LateStep = {
    step: stepName,
    index,
    date,
    deadline: due,
    drafted: deadline.basis.kind === 'drafted',
    message: `${stepEvents[stepName]} on ${date}, after the ${state.year} round’s deadline ${due}${deadline.basis.kind === 'drafted' ? ' (drafted)' : ''}`,
  };
  return { ...state, lateSteps: [...(state.lateSteps ?? []), lateStep] };
}

/** A round closes with its year; within the year, at the plan's deadline, unless the plan accepts late ones. */
function applicationLateness(
  date: string,
  year: number,
  plan: FoldContext['plan'],
): { late?: boolean; refusal?: string } {
  if (year < Number(date.slice(0, 4)))
    return { refusal: `the ${year} round is over; this application is dated ${date}` };
  if (plan?.applicationDeadline === undefined) return {};
  const deadline = `${year}-${plan.applicationDeadline}`;
  if (date <= deadline) return {};
  if (plan.allowLateApplications) return { late: true };
  return {
    refusal: `the ${year} round’s application deadline was ${deadline}, and this application is dated ${date} (the plan does not allow late applications)`,
  };
}

function accept(state: ApplicationState): Result<ApplicationState> {
  return { ok: true, value: deepFreeze(state) };
}

/** The error of a refused log. */
export function invalid(issues: IssueOf<'INVALID_WORKFLOW_STEP'>[]): {
  ok: false;
  error: RubricError<'INVALID_WORKFLOW_STEP'>;
} {
  return { ok: false, error: new RubricError('INVALID_WORKFLOW_STEP', issues) };
}
