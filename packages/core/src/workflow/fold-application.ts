import type { IssueKind } from '../errors/issue-kinds.js';
import { type IssueOf, type Result, RubricError } from '../errors/rubric-error.js';
import { safeDefineTargetPlan, toRubricIssues } from '../timeline/define-plan.js';
import type { TargetPlan, TargetPlanInput } from '../timeline/plan-schema.js';
import { deepFreeze } from '../util/deep-freeze.js';
import { safeParseDocument } from '../util/zod.js';
import { type ApplicationStatus, legalAfter, statusAfter, whyIllegal } from './application-rules.js';
import {
  type ApplicationEvent,
  ApplicationEventSchema,
  type ApplicationEventType,
  applicationEventTypes,
} from './events.js';

/**
 * Options of {@link foldApplication}.
 *
 * @example
 * ```ts
 * const options: FoldApplicationOptions = { plan: { total: 26, milestones: [{ year: 2024, share: 1 }], applicationDeadline: '09-30' } };
 * ```
 */
export interface FoldApplicationOptions {
  /** The target plan whose `applicationDeadline` and `allowLateApplications` govern applications. */
  readonly plan?: TargetPlan | TargetPlanInput;
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
  /** Every event so far, validated, in order. */
  readonly history: readonly ApplicationEvent[];
}

const initialState: ApplicationState = Object.freeze({
  status: 'not-started',
  rectifications: 0,
  history: [],
});

/**
 * Replays an application's events into its current state: a pure function, so a system can store the
 * events, audit them, and fold them again at any time. Every event is validated first; then each step must
 * be legal where it comes.
 *
 * @throws {RubricError} `INVALID_WORKFLOW_STEP` with a path to the event (`[index]`, or `[index, field]` for a
 * malformed one) and why: a malformed event, an event dated before the one before it, applying without a
 * self-check or with an ineligible one, applying after the round's deadline (unless the plan allows late
 * applications: then the state says `late: true`), a review of something not applied for, a region re-check
 * before the city review passed, rectified without rectification required, certifying what never applied or
 * never passed the region re-check, anything after certification.
 * @throws {RubricError} `INVALID_PLAN` when the plan is invalid.
 * @example
 * ```ts
 * const state = foldApplication(
 *   [
 *     { type: 'self-check-completed', date: '2021-08-20', actor: '物业', evaluation: summariseSelfCheck(result) },
 *     { type: 'applied', date: '2021-09-01', actor: '物业' },
 *   ],
 *   { plan: qinzhouPlan },
 * );
 * state.status; // 'applied'
 * nextSteps(state); // ['city-review-passed', 'city-review-returned']
 * ```
 */
export function foldApplication(
  events: readonly unknown[],
  options: FoldApplicationOptions = {},
): ApplicationState {
  const result = safeFoldApplication(events, options);
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * {@link foldApplication} for untrusted events: the state, or the error it would have thrown.
 *
 * @example
 * ```ts
 * const result = safeFoldApplication(JSON.parse(body));
 * if (!result.ok) return response.status(422).json(result.error.issues);
 * ```
 */
export function safeFoldApplication(
  events: unknown,
  options: FoldApplicationOptions = {},
): Result<ApplicationState> {
  const plan = planOf(options);
  if (!plan.ok) return plan;
  if (!Array.isArray(events))
    return invalid([{ path: [], message: 'events are a list', kind: 'invalid-type' }]);
  const parsed: ApplicationEvent[] = [];
  const issues: IssueOf<'INVALID_WORKFLOW_STEP'>[] = [];
  events.forEach((event, index) => {
    const result = safeParseDocument(ApplicationEventSchema, event);
    if (result.success) parsed.push(result.data);
    else issues.push(...toRubricIssues(result.error.issues, [index]));
  });
  if (issues.length > 0) return invalid(issues);
  let state = initialState;
  for (const [index, event] of parsed.entries()) {
    const next = step(state, event, index, plan.value);
    if (!next.ok) return next;
    state = next.value;
  }
  return { ok: true, value: state };
}

/**
 * One more event on an application: the state after it, checked as {@link foldApplication} checks every
 * step (the event's index is the history's length). For systems that record events one at a time.
 *
 * @throws {RubricError} `INVALID_WORKFLOW_STEP` when the event is malformed or not legal now.
 * @example
 * ```ts
 * const state = advanceApplication(current, { type: 'city-review-passed', date: '2021-10-12', actor: '钦州市住建局' });
 * ```
 */
export function advanceApplication(
  state: ApplicationState,
  event: unknown,
  options: FoldApplicationOptions = {},
): ApplicationState {
  return foldApplication([...state.history, event], options);
}

/**
 * The kinds of event that may come next. `applied` is listed only when the latest self-check is eligible;
 * the application deadline is not considered (it depends on the date of the event).
 *
 * @example
 * ```ts
 * nextSteps(foldApplication([])); // ['self-check-completed']
 * ```
 */
export function nextSteps(state: ApplicationState): ApplicationEventType[] {
  return applicationEventTypes.filter((type) => {
    if (!legalAfter[type].includes(state.status)) return false;
    return type !== 'applied' || state.selfCheck?.eligible === true;
  });
}

function step(
  state: ApplicationState,
  event: ApplicationEvent,
  index: number,
  plan: DeadlinePlan,
): Result<ApplicationState> {
  const refuse = (message: string, kind: IssueKind<'INVALID_WORKFLOW_STEP'>) =>
    invalid([{ path: [index], message: `${event.type}: ${message}`, kind }]);
  const previous = state.history.at(-1);
  if (previous && event.date < previous.date) {
    return refuse(
      `dated ${event.date}, before the event before it (${previous.date}); events are recorded in date order`,
      'out-of-order',
    );
  }
  if (state.status === 'certified') {
    return refuse(
      `the estate was certified on ${state.certifiedOn}; nothing follows certification`,
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
    case 'applied': {
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
      const late = lateness(event.date, year, plan);
      if (late.refusal) return refuse(late.refusal, 'after-deadline');
      const { late: _late, ...withoutLate } = rest;
      return accept({ ...withoutLate, year, appliedOn: event.date, ...(late.late ? { late: true } : {}) });
    }
    case 'rectification-required':
      return accept({ ...rest, rectifications: state.rectifications + 1 });
    case 'certified':
      return accept({ ...rest, certifiedOn: event.date });
    default:
      return accept(rest);
  }
}

type DeadlinePlan = Pick<TargetPlan, 'applicationDeadline' | 'allowLateApplications'> | undefined;

/** A round closes with its year; within the year, at the plan's deadline, unless the plan accepts late ones. */
function lateness(date: string, year: number, plan: DeadlinePlan): { late?: boolean; refusal?: string } {
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

function planOf(options: FoldApplicationOptions): Result<DeadlinePlan> {
  if (options.plan === undefined) return { ok: true, value: undefined };
  return safeDefineTargetPlan(options.plan);
}

function accept(state: ApplicationState): Result<ApplicationState> {
  return { ok: true, value: deepFreeze(state) };
}

function invalid(issues: IssueOf<'INVALID_WORKFLOW_STEP'>[]): {
  ok: false;
  error: RubricError<'INVALID_WORKFLOW_STEP'>;
} {
  return { ok: false, error: new RubricError('INVALID_WORKFLOW_STEP', issues) };
}
