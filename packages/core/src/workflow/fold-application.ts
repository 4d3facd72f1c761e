import { type IssueOf, type Result, RubricError } from '../errors/rubric-error.js';
import { safeParseDocument } from '../reading/zod.js';
import type { RuleSet } from '../rule-set/types.js';
import { safeDefineTargetPlan, toRubricIssues } from '../timeline/define-plan.js';
import type { TargetPlan, TargetPlanInput } from '../timeline/plan-schema.js';
import { decidingTier, legalAfter } from './application-rules.js';
import type { ApplicationState } from './application-state.js';
import {
  type ApplicationEvent,
  ApplicationEventSchema,
  type ApplicationEventType,
  applicationEventTypes,
} from './events.js';
import { type FoldContext, invalid, step } from './fold-step.js';
import type { WorkflowPolicy } from './workflow-policy.js';
import { WorkflowPolicySchema } from './workflow-policy.js';

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
  /**
   * The rule set reviewers decide on: a decision about a standard it does not have is refused, and so is
   * one on an application whose self-check scored another rule set. Needed as soon as the log holds a
   * decision (`standard-reviewed`); `standardIds` does instead where only the ids are at hand.
   */
  readonly ruleSet?: RuleSet;
  /** The standard ids decisions are checked against, when the rule set itself is not at hand. */
  readonly standardIds?: readonly string[];
  /** The workflow rules of the rule set's or the city's plugin (`plugin.workflow`): revocation, deadlines. */
  readonly workflow?: WorkflowPolicy | undefined;
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
 * never passed the region re-check, anything after certification but re-inspection and the region's
 * decisions; a decision about a standard (`standard-reviewed`) by a tier that is not at that step
 * (`wrong-tier`), on a standard the rule set does not have (`unknown-standard`), without the rule set to
 * check it (`missing-rule-set`), or without its reason (a malformed event, at `[index, 'reason']`); a
 * revocation where the workflow does not allow one (`revocation-not-allowed`). Steps after the workflow's
 * deadlines are not refused: `lateSteps` lists them.
 * @throws {RubricError} `INVALID_PLAN` when the plan is invalid; `INVALID_OPTIONS` when the workflow policy is.
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
  const context = contextOf(options);
  if (!context.ok) return context;
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
    const next = step(state, event, index, context.value);
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

/**
 * The tier whose step it is to decide about standards now (`standard-reviewed`): the city while it reviews,
 * the region while it re-checks and once the estate is certified; `undefined` when no one decides.
 *
 * @example
 * ```ts
 * decidingTierOf(foldApplication(events)); // 'city' after `applied`
 * ```
 */
export function decidingTierOf(state: ApplicationState): 'city' | 'region' | undefined {
  if (decidingTier.city.includes(state.status)) return 'city';
  if (decidingTier.region.includes(state.status)) return 'region';
  return undefined;
}

function contextOf(options: FoldApplicationOptions): Result<FoldContext> {
  let plan: FoldContext['plan'];
  if (options.plan !== undefined) {
    const defined = safeDefineTargetPlan(options.plan);
    if (!defined.ok) return defined;
    plan = defined.value;
  }
  const workflow = safeParseDocument(WorkflowPolicySchema, options.workflow ?? {});
  if (!workflow.success) {
    return optionsError(toRubricIssues(workflow.error.issues, ['workflow']));
  }
  const { ruleSet, standardIds } = options;
  const checked: FoldContext['ruleSet'] =
    ruleSet !== undefined
      ? {
          id: ruleSet.id,
          version: ruleSet.version,
          standardIds: new Set(
            ruleSet.aspects.flatMap((aspect) =>
              aspect.requirements.flatMap((requirement) =>
                requirement.standards.map((standard) => standard.id),
              ),
            ),
          ),
        }
      : standardIds !== undefined
        ? { standardIds: new Set(standardIds) }
        : undefined;
  return {
    ok: true,
    value: {
      plan,
      workflow: workflow.data as WorkflowPolicy,
      ...(checked === undefined ? {} : { ruleSet: checked }),
    },
  };
}

function optionsError(issues: IssueOf<'INVALID_OPTIONS'>[]): Result<never> {
  return { ok: false, error: new RubricError('INVALID_OPTIONS', issues) };
}
