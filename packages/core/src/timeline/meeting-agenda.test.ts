import { describe, expect, test } from 'vitest';
import { RubricError } from '../errors/rubric-error.js';
import { meetingAgenda } from './meeting-agenda.js';
import type { TargetPlanInput } from './plan-schema.js';

const plan: TargetPlanInput = {
  total: 26,
  milestones: [
    { year: 2021, share: 0.35 },
    { year: 2022, share: 0.7 },
    { year: 2023, share: 0.9 },
    { year: 2024, share: 1 },
  ],
  quotas: { 2021: 11, 2022: 9, 2023: 4, 2024: 2 },
  applicationDeadline: '09-30',
  meetings: {
    every: 'quarter',
    convenedBy: { zh: '市住房城乡建设局' },
    purpose: [{ zh: '通报工作进度' }, { zh: '研究解决创建工作中遇到难点问题' }],
  },
};

describe('meetingAgenda', () => {
  test('the first meeting of 2022 reports 2021 against floor and named quota, the open round, and the difficulties', () => {
    const agenda = meetingAgenda(plan, { 2021: 10, 2022: 9 }, { year: 2022, quarter: 1 });
    expect(agenda.meeting.window).toEqual({ from: '2022-01-01', to: '2022-03-31' });
    expect(agenda.purpose.map((purpose) => purpose.zh)).toEqual([
      '通报工作进度',
      '研究解决创建工作中遇到难点问题',
    ]);
    expect(agenda.convenedBy?.zh).toBe('市住房城乡建设局');
    // The 2022 count is a count of its own year, known only if given: here it is, so 2022 is reported too.
    expect(agenda.items.map((item) => [item.kind, item.year ?? null, item.text.en])).toEqual([
      [
        'progress',
        2021,
        'By the end of 2021, 10 certified: meets the floor of 10 (35% of 26 = 9.1 → 10), 1 short of the 11 the plan names.',
      ],
      [
        'progress',
        2022,
        'By the end of 2022, 19 certified: meets the floor of 19 (70% of 26 = 18.2 → 19), 1 short of the 20 the plan names.',
      ],
      [
        'deadline',
        2022,
        'Applications for 2022 are due by 2022-09-30; the plan names 9 for 2022; 7 remain in all.',
      ],
      ['difficulty', 2021, '2021 meets the floor but is 1 short of the quota the plan names.'],
      ['difficulty', 2022, '2022 meets the floor but is 1 short of the quota the plan names.'],
      ['difficulty', null, '7 estates remain: 4 a year over 2023, 2024.'],
    ]);
    expect(agenda.progress.certified).toBe(19);
  });

  test('ignores counts of later years, and says when the year’s round has closed', () => {
    const agenda = meetingAgenda(plan, { 2021: 11, 2022: 9, 2023: 4 }, { year: 2022, quarter: 4 });
    expect(agenda.progress.certified).toBe(20);
    expect(agenda.items.find((item) => item.kind === 'deadline')?.text.zh).toBe(
      '2022年申报已于2022-09-30截止；方案安排2022年创建9个。',
    );
    expect(agenda.items.filter((item) => item.kind === 'difficulty').map((item) => item.text.en)).toEqual([
      '6 estates remain: 3 a year over 2023, 2024.',
    ]);
  });

  test('refuses a plan without meetings, a quarter outside the plan, and malformed counts', () => {
    const { meetings: _meetings, ...withoutMeetings } = plan;
    const codeOf = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return RubricError.isInstance(error) ? [error.code, error.issues[0]?.path] : error;
      }
      return 'no error';
    };
    expect(codeOf(() => meetingAgenda(withoutMeetings, {}, { year: 2022, quarter: 1 }))).toEqual([
      'INVALID_OPTIONS',
      ['meeting'],
    ]);
    expect(codeOf(() => meetingAgenda(plan, {}, { year: 2030, quarter: 1 }))).toEqual([
      'INVALID_OPTIONS',
      ['meeting'],
    ]);
    expect(codeOf(() => meetingAgenda(plan, {}, { year: 2022, quarter: 5 as 1 }))).toEqual([
      'INVALID_OPTIONS',
      ['meeting', 'quarter'],
    ]);
    expect(codeOf(() => meetingAgenda(plan, { 2021: -1 }, { year: 2022, quarter: 1 }))).toEqual([
      'INVALID_PLAN',
      ['certified', '2021'],
    ]);
  });
});
