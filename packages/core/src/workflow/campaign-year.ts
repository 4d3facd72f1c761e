import type { AnyRubricError } from '../errors/rubric-error.js';
import { RubricError } from '../errors/rubric-error.js';
import { safeParseDocument } from '../reading/zod.js';
import { IsoDateSchema } from '../rule-set/schema.js';
import { type Progress, trackProgress } from '../timeline/track-progress.js';
import { type ApplicationStatus, applicationStatuses, titleHeld } from './application-rules.js';
import type { ApplicationState, LateStep } from './application-state.js';
import type { ApplicationEvent } from './events.js';
import { type FoldApplicationOptions, foldApplication, safeFoldApplication } from './fold-application.js';
import type { DeadlineStep } from './workflow-policy.js';

/**
 * One estate's application log, as the city holds it.
 *
 * @example
 * ```ts
 * const application: CampaignApplication = { id: '香山四区', events: await store.eventsOf('香山四区') };
 * ```
 */
export interface CampaignApplication {
  /** The estate's id or name, as the city's system keys it. */
  readonly id: string;
  readonly events: readonly unknown[];
}

/**
 * Options of {@link foldCampaignYear}: the options of `foldApplication` (plan, rule set, workflow), the year,
 * and the day the view is taken on (for steps overdue).
 *
 * @example
 * ```ts
 * const options: CampaignYearOptions = { year: 2021, plan: qinzhouPlan, ruleSet: guangxi2021, workflow: qinzhouWorkflow, asOf: '2021-11-20' };
 * ```
 */
export interface CampaignYearOptions extends FoldApplicationOptions {
  readonly year: number;
  /**
   * The day (YYYY-MM-DD) the view is taken on: an application whose next step's deadline has passed by
   * then is listed as late (`overdue`). Without it, only steps taken late are listed.
   */
  readonly asOf?: string;
}

/**
 * An application of the year that is late: steps taken after their deadline, or its next step overdue.
 *
 * @example
 * ```ts
 * const late: LateApplication = { id: '香山四区', status: 'applied', lateSteps: [], overdue: { step: 'city-review', deadline: '2021-10-31', drafted: true } };
 * ```
 */
export interface LateApplication {
  readonly id: string;
  readonly status: ApplicationStatus;
  readonly lateSteps: readonly LateStep[];
  readonly overdue?: { readonly step: DeadlineStep; readonly deadline: string; readonly drafted: boolean };
}

/**
 * The city's view of one year's round.
 *
 * @example
 * ```ts
 * const view: CampaignYear = foldCampaignYear(applications, { year: 2021, plan: qinzhouPlan, ruleSet: guangxi2021 });
 * view.byStatus.certified; view.late.length; view.progress?.years.at(-1)?.status;
 * ```
 */
export interface CampaignYear {
  readonly year: number;
  /** Applications in the year's round (each estate's latest application of that round). */
  readonly applications: number;
  /** How many of them stand at each step (every status, 0 where none). */
  readonly byStatus: Readonly<Record<ApplicationStatus, number>>;
  /** Those late: a step taken after its deadline, or the next step overdue on `asOf`. */
  readonly late: readonly LateApplication[];
  /** Every return by the city in the year's round, with its reasons (an estate may appear more than once). */
  readonly returned: readonly {
    readonly id: string;
    readonly date: string;
    readonly reasons: readonly string[];
  }[];
  /** Estates whose title holds, certified in the year. */
  readonly certified: readonly { readonly id: string; readonly date: string }[];
  /** Progress against the plan, from every estate's certification up to the year (when a plan is given). */
  readonly progress?: Progress;
  /** Logs that do not fold, with why: never dropped silently. */
  readonly refused: readonly { readonly id: string; readonly error: AnyRubricError }[];
}

// The step an application waits for, by status. A bureau's receipt and the city's list are optional steps
// of the route: an application is overdue only for the review that must come.
const nextDeadline: Partial<Record<ApplicationStatus, DeadlineStep>> = {
  applied: 'city-review',
  received: 'city-review',
  'city-review-passed': 'region-recheck',
  'submitted-to-region': 'region-recheck',
  rectified: 'region-recheck',
};

/**
 * Folds every application of a city for one year's round: how many stand at each step, which are late,
 * which the city returned, and — from the certifications of every estate up to that year — `trackProgress`
 * against the plan. Each log is folded as `foldApplication` folds it; an application belongs to the round
 * of its `applied` event (`year`, by default the year of its date), and its state in the view is its state
 * up to the estate's next application, so a later round does not hide what happened in this one. A log that
 * does not fold is listed in `refused` and counted nowhere else.
 *
 * @throws {RubricError} `INVALID_OPTIONS` when `year` is not a four-digit year or `asOf` not a date;
 * `INVALID_PLAN` when the plan is invalid.
 * @example
 * ```ts
 * const view = foldCampaignYear(
 *   [{ id: '香山四区', events: xiangshan }, { id: '鲤鱼岭', events: liyuling }],
 *   { year: 2021, plan: qinzhouPlan, ruleSet: guangxi2021, workflow: qinzhouWorkflow, asOf: '2021-11-20' },
 * );
 * view.byStatus['city-review-passed']; // waiting for the region
 * view.progress?.years.at(-1)?.status; // 'behind'
 * ```
 */
export function foldCampaignYear(
  applications: readonly CampaignApplication[],
  options: CampaignYearOptions,
): CampaignYear {
  const { year, asOf, ...foldOptions } = options;
  checkOptions(year, asOf);
  const byStatus = Object.fromEntries(applicationStatuses.map((status) => [status, 0])) as Record<
    ApplicationStatus,
    number
  >;
  const late: LateApplication[] = [];
  const returned: { id: string; date: string; reasons: readonly string[] }[] = [];
  const certified: { id: string; date: string }[] = [];
  const refused: { id: string; error: AnyRubricError }[] = [];
  const certifiedPerYear: Record<string, number> = {};
  let count = 0;
  for (const { id, events } of applications) {
    const folded = safeFoldApplication(events, foldOptions);
    if (!folded.ok) {
      refused.push({ id, error: folded.error });
      continue;
    }
    const whole = folded.value;
    if (titleHeld.includes(whole.status) && whole.certifiedOn !== undefined) {
      const certifiedYear = whole.certifiedOn.slice(0, 4);
      if (Number(certifiedYear) <= year)
        certifiedPerYear[certifiedYear] = (certifiedPerYear[certifiedYear] ?? 0) + 1;
      if (Number(certifiedYear) === year) certified.push({ id, date: whole.certifiedOn });
    }
    const round = roundOf(whole.history, year);
    if (round === undefined) continue;
    for (const event of whole.history.slice(round.from, round.to)) {
      if (event.type === 'city-review-returned')
        returned.push({ id, date: event.date, reasons: event.reasons ?? [] });
    }
    const state =
      round.to === whole.history.length
        ? whole
        : foldApplication(whole.history.slice(0, round.to), foldOptions);
    count += 1;
    byStatus[state.status] += 1;
    const overdue = asOf === undefined ? undefined : overdueStep(state, options, asOf);
    if ((state.lateSteps?.length ?? 0) > 0 || state.late === true || overdue !== undefined) {
      late.push({
        id,
        status: state.status,
        lateSteps: state.lateSteps ?? [],
        ...(overdue === undefined ? {} : { overdue }),
      });
    }
  }
  const progress = options.plan === undefined ? undefined : trackProgress(options.plan, certifiedPerYear);
  return {
    year,
    applications: count,
    byStatus,
    late,
    returned,
    certified,
    ...(progress === undefined ? {} : { progress }),
    refused,
  };
}

/** The events of the estate's latest application of the round: from its `applied` up to its next attempt. */
function roundOf(
  history: readonly ApplicationEvent[],
  year: number,
): { from: number; to: number } | undefined {
  let from: number | undefined;
  let to = history.length;
  history.forEach((event, index) => {
    if (event.type !== 'applied') return;
    const round = event.year ?? Number(event.date.slice(0, 4));
    if (round === year) {
      from = index;
      to = history.length;
    } else if (from !== undefined && to === history.length) to = index;
  });
  if (from === undefined) return undefined;
  // Self-checks after a return or a revocation start the estate's next attempt, not this round.
  while (to - 1 > from && history[to - 1]!.type === 'self-check-completed') to -= 1;
  return { from, to };
}

/** The next step of the application whose deadline in its round has passed on `asOf`. */
function overdueStep(
  state: ApplicationState,
  options: CampaignYearOptions,
  asOf: string,
): LateApplication['overdue'] {
  const step = nextDeadline[state.status];
  const deadline = options.workflow?.deadlines?.find((candidate) => candidate.step === step);
  if (step === undefined || deadline === undefined || state.year === undefined) return undefined;
  const date = `${state.year}-${deadline.monthDay}`;
  return asOf > date ? { step, deadline: date, drafted: deadline.basis.kind === 'drafted' } : undefined;
}

function checkOptions(year: unknown, asOf: unknown): void {
  const issues = [];
  if (!Number.isInteger(year) || (year as number) < 1000 || (year as number) > 9999)
    issues.push({
      path: ['year'],
      message: 'year is a four-digit year, e.g. 2021',
      kind: 'invalid-type' as const,
    });
  if (asOf !== undefined && !safeParseDocument(IsoDateSchema, asOf).success)
    issues.push({ path: ['asOf'], message: 'asOf is a date, YYYY-MM-DD', kind: 'invalid-date' as const });
  if (issues.length > 0) throw new RubricError('INVALID_OPTIONS', issues);
}
