import { describe, expect, test } from 'vitest';
import { RubricError } from '../errors/rubric-error.js';
import { applicationDeadlines, jointMeetings, timelineCalendar } from './calendar.js';
import type { TargetPlanInput } from './plan-schema.js';

const qinzhouPlan: TargetPlanInput = {
  total: 26,
  startYear: 2021,
  milestones: [
    { year: 2021, share: 0.35 },
    { year: 2022, share: 0.7 },
    { year: 2023, share: 0.9 },
    { year: 2024, share: 1 },
  ],
  applicationDeadline: '09-30', // 每年10月前完成当年申报: on or before 30 September
  meetings: { every: 'quarter' },
};

describe('applicationDeadlines', () => {
  test('gives 30 September of every plan year for “before October”', () => {
    expect(applicationDeadlines(qinzhouPlan)).toEqual(
      [2021, 2022, 2023, 2024].map((year) => ({ year, date: `${year}-09-30`, kind: 'application-deadline' })),
    );
  });

  test('covers every year from the start year, including years without a milestone', () => {
    const plan = { ...qinzhouPlan, startYear: 2020, milestones: [{ year: 2022, share: 1 }] };
    expect(applicationDeadlines(plan).map((deadline) => deadline.date)).toEqual([
      '2020-09-30',
      '2021-09-30',
      '2022-09-30',
    ]);
  });

  test('is empty when the plan states no deadline', () => {
    expect(applicationDeadlines({ total: 26, milestones: [{ year: 2024, share: 1 }] })).toEqual([]);
  });
});

describe('jointMeetings', () => {
  test('gives one slot per quarter of each plan year, as the quarter’s window', () => {
    const meetings = jointMeetings(qinzhouPlan);
    expect(meetings).toHaveLength(16);
    expect(meetings.slice(0, 4)).toEqual([
      { year: 2021, quarter: 1, kind: 'joint-meeting', window: { from: '2021-01-01', to: '2021-03-31' } },
      { year: 2021, quarter: 2, kind: 'joint-meeting', window: { from: '2021-04-01', to: '2021-06-30' } },
      { year: 2021, quarter: 3, kind: 'joint-meeting', window: { from: '2021-07-01', to: '2021-09-30' } },
      { year: 2021, quarter: 4, kind: 'joint-meeting', window: { from: '2021-10-01', to: '2021-12-31' } },
    ]);
  });

  test('keeps the quarters that overlap the range', () => {
    const meetings = jointMeetings(qinzhouPlan, { from: '2022-05-15', to: '2022-10-01' });
    expect(meetings.map((meeting) => [meeting.year, meeting.quarter])).toEqual([
      [2022, 2],
      [2022, 3],
      [2022, 4],
    ]);
  });

  test('is empty when the plan sets no meetings', () => {
    const { meetings: _meetings, ...withoutMeetings } = qinzhouPlan;
    expect(jointMeetings(withoutMeetings)).toEqual([]);
  });

  test('rejects a range that is not ISO dates in order with INVALID_OPTIONS', () => {
    for (const [range, path] of [
      [{ from: '2022-13-01' }, ['from']],
      [{ from: '2022-06-01', to: '2022-01-01' }, ['to']],
    ] as const) {
      try {
        jointMeetings(qinzhouPlan, range);
        expect.unreachable();
      } catch (error) {
        expect(RubricError.isInstance(error) && error.code).toBe('INVALID_OPTIONS');
        expect(RubricError.isInstance(error) && error.issues[0]?.path).toEqual(path);
      }
    }
  });
});

describe('timelineCalendar', () => {
  test('merges deadlines and meetings in date order', () => {
    const entries = timelineCalendar(qinzhouPlan, { from: '2021-07-01', to: '2021-12-31' });
    expect(
      entries.map((entry) => ('date' in entry ? entry.date : `${entry.window.from} Q${entry.quarter}`)),
    ).toEqual(['2021-07-01 Q3', '2021-09-30', '2021-10-01 Q4']);
  });
});
