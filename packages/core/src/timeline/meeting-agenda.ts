import * as z from 'zod';
import { RubricError } from '../errors/rubric-error.js';
import { suspendJit } from '../reading/zod.js';
import { type JointMeeting, jointMeetings } from './calendar.js';
import { defineTargetPlan, parseOrThrow } from './define-plan.js';
import type { TargetPlanInput } from './plan-schema.js';
import { type CertifiedCounts, type Progress, trackProgress } from './track-progress.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

/**
 * One line of a meeting's agenda, in both languages, with the part of the meeting's purpose it serves.
 *
 * @example
 * ```ts
 * const item: AgendaItem = {
 *   kind: 'progress', year: 2021,
 *   text: { zh: '截至2021年底已创建10个：…', en: 'By the end of 2021, 10 certified: …' },
 * };
 * ```
 */
export interface AgendaItem {
  /** `progress` (通报工作进度), `deadline` (this year's round), `difficulty` (研究解决难点问题). */
  readonly kind: 'progress' | 'deadline' | 'difficulty';
  readonly year?: number;
  readonly text: { readonly zh: string; readonly en: string };
}

/**
 * What {@link meetingAgenda} returns: the meeting, its purpose as the plan states it, the progress it reports
 * and the agenda lines.
 *
 * @example
 * ```ts
 * const agenda: MeetingAgenda = meetingAgenda(plan, { 2021: 10 }, { year: 2022, quarter: 1 });
 * agenda.items.map((item) => item.text.en);
 * ```
 */
export interface MeetingAgenda {
  readonly meeting: JointMeeting;
  readonly convenedBy?: { readonly zh: string; readonly en?: string | undefined };
  /** The meeting's purpose as the plan states it, e.g. 通报工作进度; 研究解决难点问题 (empty when it states none). */
  readonly purpose: readonly { readonly zh: string; readonly en?: string | undefined }[];
  /** `trackProgress` over the counts of the years up to the meeting's year (later counts are ignored). */
  readonly progress: Progress;
  readonly items: readonly AgendaItem[];
}

const MeetingSchema = z.strictObject({
  year: z.int().min(1000).max(9999),
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
});

/**
 * The agenda of one quarterly joint meeting, tied to `trackProgress`: each reported year's standing against the
 * plan's floor and named quota (通报工作进度), the meeting year's application deadline (open or passed) and
 * what that year calls for, and the difficulties: years below the floor or short of the named quota, and what
 * remains per year (研究解决难点问题). Counts of years after the meeting's year are ignored. Throws
 * `RubricError` `INVALID_PLAN` for a malformed plan or counts, `INVALID_OPTIONS` when the plan holds no joint
 * meeting or none in that quarter.
 *
 * @example
 * ```ts
 * const agenda = meetingAgenda(qinzhouPlan, { 2021: 10 }, { year: 2022, quarter: 1 });
 * agenda.purpose.map((purpose) => purpose.zh); // ['通报工作进度', '研究解决创建工作中遇到难点问题']
 * agenda.items[0]?.text.en; // 'By the end of 2021, 10 certified: meets the floor of 10 (…), 1 short of the 11 the plan names.'
 * ```
 */
export function meetingAgenda(
  plan: TargetPlanInput,
  certified: CertifiedCounts,
  at: { readonly year: number; readonly quarter: 1 | 2 | 3 | 4 },
): MeetingAgenda {
  const parsed = defineTargetPlan(plan);
  const { year, quarter } = parseOrThrow(MeetingSchema, at, 'INVALID_OPTIONS', ['meeting']);
  const meeting = jointMeetings(parsed).find((slot) => slot.year === year && slot.quarter === quarter);
  if (parsed.meetings === undefined || meeting === undefined) {
    throw new RubricError('INVALID_OPTIONS', [
      {
        path: ['meeting'],
        message:
          parsed.meetings === undefined
            ? 'the plan holds no joint meeting (it has no `meetings`)'
            : `the plan holds no joint meeting in ${year} Q${quarter} (outside the plan’s years)`,
        kind: 'no-meeting',
      },
    ]);
  }
  // A year's certifications are known once its round ends: the meeting reports the years before its own,
  // and its own year only if a count is already given for it.
  trackProgress(parsed, certified); // validates the counts, with paths under `certified`
  const known = Object.fromEntries(
    Object.entries(certified).filter(([countYear]) => Number(countYear) <= year),
  );
  const progress = trackProgress(parsed, known);
  const items: AgendaItem[] = progress.years.map((entry) => ({
    kind: 'progress',
    year: entry.year,
    text: entry.summary,
  }));
  items.push(...deadlineItems(parsed.applicationDeadline, meeting, progress, parsed.quotas));
  items.push(...difficultyItems(progress));
  return {
    meeting,
    ...(parsed.meetings.convenedBy === undefined ? {} : { convenedBy: parsed.meetings.convenedBy }),
    purpose: parsed.meetings.purpose ?? [],
    progress,
    items,
  };
}

function deadlineItems(
  deadline: string | undefined,
  meeting: JointMeeting,
  progress: Progress,
  quotas: Readonly<Record<string, number>> | undefined,
): AgendaItem[] {
  if (deadline === undefined) return [];
  const date = `${meeting.year}-${deadline}`;
  const quota = quotas?.[String(meeting.year)];
  const callsFor =
    quota === undefined
      ? { en: '', zh: '' }
      : {
          en: `; the plan names ${quota} for ${meeting.year}`,
          zh: `；方案安排${meeting.year}年创建${quota}个`,
        };
  const open = date >= meeting.window.from;
  return [
    {
      kind: 'deadline',
      year: meeting.year,
      text: open
        ? {
            en: `Applications for ${meeting.year} are due by ${date}${callsFor.en}; ${progress.remaining} remain in all.`,
            zh: `${meeting.year}年申报截止日期为${date}${callsFor.zh}；共余${progress.remaining}个。`,
          }
        : {
            en: `The ${meeting.year} application round closed on ${date}${callsFor.en}.`,
            zh: `${meeting.year}年申报已于${date}截止${callsFor.zh}。`,
          },
    },
  ];
}

function difficultyItems(progress: Progress): AgendaItem[] {
  const items: AgendaItem[] = progress.years
    .filter((entry) => entry.standing === 'below-floor' || entry.standing === 'short-of-quota')
    .map((entry) => ({
      kind: 'difficulty',
      year: entry.year,
      text:
        entry.standing === 'below-floor'
          ? {
              en: `${entry.year} is below the plan’s floor: ${entry.floor - entry.certified} more needed to meet it.`,
              zh: `${entry.year}年未达到下限，还差${entry.floor - entry.certified}个。`,
            }
          : {
              en: `${entry.year} meets the floor but is ${entry.shortOfQuota} short of the quota the plan names.`,
              zh: `${entry.year}年达到下限，但比方案所列数量少${entry.shortOfQuota}个。`,
            },
    }));
  const needed = progress.neededPerRemainingYear;
  if (progress.remaining > 0) {
    items.push({
      kind: 'difficulty',
      text:
        needed === null
          ? {
              en: `${progress.remaining} estates remain and no year is left in the plan (overdue).`,
              zh: `尚余${progress.remaining}个，方案已无剩余年份（逾期）。`,
            }
          : {
              en: `${progress.remaining} estates remain: ${needed} a year over ${progress.remainingYears.join(', ')}.`,
              zh: `尚余${progress.remaining}个：${progress.remainingYears.join('、')}每年需创建${needed}个。`,
            },
    });
  }
  return items;
}

restoreJit();
