import * as z from 'zod';
import { RubricError } from '../errors/rubric-error.js';
import { suspendJit } from '../reading/zod.js';
import { defineTargetPlan, parseOrThrow } from './define-plan.js';
import type { TargetPlan, TargetPlanInput } from './plan-schema.js';
import { planYears } from './plan-timeline.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

/**
 * The last day to apply in a year's round.
 *
 * @example
 * ```ts
 * const deadline: ApplicationDeadline = { year: 2021, date: '2021-09-30', kind: 'application-deadline' };
 * ```
 */
export interface ApplicationDeadline {
  readonly year: number;
  /** ISO date `YYYY-MM-DD`; applications on this day are on time. */
  readonly date: string;
  readonly kind: 'application-deadline';
}

/**
 * A joint meeting slot: the plan says in which quarter it convenes, not on which day, so the slot is the
 * quarter's window for a calendar to show.
 *
 * @example
 * ```ts
 * const meeting: JointMeeting = {
 *   year: 2021, quarter: 1, kind: 'joint-meeting', window: { from: '2021-01-01', to: '2021-03-31' },
 * };
 * ```
 */
export interface JointMeeting {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  readonly kind: 'joint-meeting';
  /** First and last day of the quarter, ISO dates, both inclusive. */
  readonly window: { readonly from: string; readonly to: string };
}

/**
 * A date range (ISO `YYYY-MM-DD`, both ends inclusive) that narrows a calendar.
 *
 * @example
 * ```ts
 * const range: CalendarRange = { from: '2022-01-01', to: '2022-12-31' };
 * ```
 */
export interface CalendarRange {
  readonly from?: string;
  readonly to?: string;
}

const CalendarRangeSchema = z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() });

const quarterWindows = [
  { quarter: 1, from: '01-01', to: '03-31' },
  { quarter: 2, from: '04-01', to: '06-30' },
  { quarter: 3, from: '07-01', to: '09-30' },
  { quarter: 4, from: '10-01', to: '12-31' },
] as const;

/**
 * The application deadline of every year of the plan, from its first year (`startYear`, else the earliest
 * milestone or quota year) to its last. A deadline is the last day to apply: a plan that says applications
 * are done "before October" (每年10月前完成当年申报) is read as "on or before 30 September" and written
 * `applicationDeadline: '09-30'`. A plan without `applicationDeadline` has no deadlines.
 *
 * @example
 * ```ts
 * applicationDeadlines({ total: 26, milestones: [{ year: 2021, share: 0.35 }], applicationDeadline: '09-30' });
 * // [{ year: 2021, date: '2021-09-30', kind: 'application-deadline' }]
 * ```
 */
export function applicationDeadlines(plan: TargetPlanInput): ApplicationDeadline[] {
  const parsed = defineTargetPlan(plan);
  const { applicationDeadline } = parsed;
  if (applicationDeadline === undefined) return [];
  return spanYears(parsed).map((year) => ({
    year,
    date: `${year}-${applicationDeadline}`,
    kind: 'application-deadline',
  }));
}

/**
 * The plan's quarterly joint meeting slots, one per quarter of every year of the plan, optionally narrowed to
 * the quarters that overlap `range`. Empty when the plan sets no `meetings`. Throws `RubricError`
 * `INVALID_OPTIONS` when the range is not two ISO dates in order.
 *
 * @example
 * ```ts
 * jointMeetings(plan, { from: '2022-01-01', to: '2022-06-30' }).map((meeting) => meeting.window.from);
 * // ['2022-01-01', '2022-04-01']
 * ```
 */
export function jointMeetings(plan: TargetPlanInput, range: CalendarRange = {}): JointMeeting[] {
  const parsed = defineTargetPlan(plan);
  const { from, to } = parseRange(range);
  if (parsed.meetings === undefined) return [];
  return spanYears(parsed).flatMap((year) =>
    quarterWindows
      .map(
        (window): JointMeeting => ({
          year,
          quarter: window.quarter,
          kind: 'joint-meeting',
          window: { from: `${year}-${window.from}`, to: `${year}-${window.to}` },
        }),
      )
      // ISO dates compare correctly as strings.
      .filter(
        (meeting) =>
          (to === undefined || meeting.window.from <= to) &&
          (from === undefined || meeting.window.to >= from),
      ),
  );
}

/**
 * Application deadlines and joint meeting slots in one list, in date order (a meeting by the first day of its
 * quarter), for a calendar to show.
 *
 * @example
 * ```ts
 * timelineCalendar(plan, { from: '2021-07-01', to: '2021-12-31' }).map((entry) => entry.kind);
 * // ['joint-meeting', 'application-deadline', 'joint-meeting']
 * ```
 */
export function timelineCalendar(
  plan: TargetPlanInput,
  range: CalendarRange = {},
): (ApplicationDeadline | JointMeeting)[] {
  const { from, to } = parseRange(range);
  const deadlines = applicationDeadlines(plan).filter(
    (deadline) => (from === undefined || deadline.date >= from) && (to === undefined || deadline.date <= to),
  );
  const entries = [...deadlines, ...jointMeetings(plan, range)];
  const dateOf = (entry: ApplicationDeadline | JointMeeting) =>
    'date' in entry ? entry.date : entry.window.from;
  return entries.sort((left, right) =>
    dateOf(left) < dateOf(right) ? -1 : dateOf(left) > dateOf(right) ? 1 : 0,
  );
}

function parseRange(range: CalendarRange): CalendarRange {
  const parsed = parseOrThrow(CalendarRangeSchema, range, 'INVALID_OPTIONS');
  if (parsed.from !== undefined && parsed.to !== undefined && parsed.from > parsed.to) {
    throw new RubricError('INVALID_OPTIONS', [
      {
        path: ['to'],
        message: `the range ends (${parsed.to}) before it starts (${parsed.from})`,
        kind: 'range',
      },
    ]);
  }
  return {
    ...(parsed.from === undefined ? {} : { from: parsed.from }),
    ...(parsed.to === undefined ? {} : { to: parsed.to }),
  };
}

/** Every year from the plan's first year to its last milestone or quota year. */
function spanYears(plan: TargetPlan): number[] {
  const years = planYears(plan);
  const first = Math.min(plan.startYear ?? Number.POSITIVE_INFINITY, ...years);
  const last = years.reduce((latest, year) => Math.max(latest, year), Number.NEGATIVE_INFINITY);
  const span: number[] = [];
  for (let year = first; year <= last; year += 1) span.push(year);
  return span;
}

restoreJit();
