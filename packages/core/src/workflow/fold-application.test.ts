import { describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { RubricError } from '../errors/rubric-error.js';
import { evaluate } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { TargetPlanInput } from '../timeline/plan-schema.js';
import { summariseSelfCheck } from './events.js';
import { advanceApplication, foldApplication, nextSteps, safeFoldApplication } from './fold-application.js';

const eligibleResult = evaluate(defineRuleSet(sampleRuleSet()), assessmentOf(perfectFacts()));
const ineligibleResult = evaluate(
  defineRuleSet(sampleRuleSet()),
  assessmentOf({ ...perfectFacts(), hasPolicingRoom: false, heating: 'none' }),
);

const selfCheck = (date: string, result = eligibleResult) => ({
  type: 'self-check-completed',
  date,
  actor: '物业',
  evaluation: summariseSelfCheck(result),
});
const at = (type: string, date: string, extra: Record<string, unknown> = {}) => ({
  type,
  date,
  actor: '经办人',
  ...extra,
});

const plan: TargetPlanInput = {
  total: 26,
  milestones: [{ year: 2024, share: 1 }],
  applicationDeadline: '09-30',
};

function refusal(events: readonly unknown[], options: Parameters<typeof foldApplication>[1] = {}) {
  const result = safeFoldApplication(events, options);
  if (result.ok) throw new Error('expected the events to be refused');
  expect(RubricError.isInstance(result.error)).toBe(true);
  return { code: result.error.code, issues: result.error.issues, message: result.error.message };
}

describe('foldApplication', () => {
  it('follows an application from self-check to certification', () => {
    const events = [
      selfCheck('2021-08-20'),
      at('applied', '2021-09-01'),
      at('city-review-passed', '2021-10-10'),
      at('region-recheck-passed', '2021-11-15'),
      at('certified', '2021-12-20', { certificate: 'GX-2021-001' }),
    ];
    const expectedNext = [
      ['self-check-completed', 'applied'],
      ['city-review-passed', 'city-review-returned', 'application-received', 'standard-reviewed'],
      ['region-recheck-passed', 'rectification-required', 'standard-reviewed', 'submitted-to-region'],
      ['certified', 'standard-reviewed'],
      ['standard-reviewed', 'reinspected'],
    ];
    events.forEach((_event, index) => {
      expect(nextSteps(foldApplication(events.slice(0, index + 1), { plan }))).toEqual(expectedNext[index]);
    });
    const state = foldApplication(events, { plan });
    expect(state).toMatchObject({
      status: 'certified',
      year: 2021,
      appliedOn: '2021-09-01',
      certifiedOn: '2021-12-20',
      rectifications: 0,
      selfCheck: { eligible: true, ruleSet: { id: 'sample-rubric', version: '1.0.0' } },
    });
    expect(state.late).toBeUndefined();
    expect(state.history).toHaveLength(5);
    expect(Object.isFrozen(state.history)).toBe(true);
  });

  it('starts with nothing and only a self-check to do', () => {
    const state = foldApplication([]);
    expect(state).toEqual({ status: 'not-started', rectifications: 0, history: [] });
    expect(nextSteps(state)).toEqual(['self-check-completed']);
  });

  it('does not offer applying after an ineligible self-check', () => {
    expect(nextSteps(foldApplication([selfCheck('2021-08-20', ineligibleResult)]))).toEqual([
      'self-check-completed',
    ]);
  });

  it('lets a returned application be self-checked again and re-applied, for the next round', () => {
    const state = foldApplication(
      [
        selfCheck('2021-08-20'),
        at('applied', '2021-09-01'),
        at('city-review-returned', '2021-10-10', { reasons: ['材料不全'] }),
        selfCheck('2022-03-01'),
        at('applied', '2022-03-02', { year: 2022 }),
      ],
      { plan },
    );
    expect(state).toMatchObject({ status: 'applied', year: 2022, appliedOn: '2022-03-02' });
  });

  it('counts rounds of rectification, and a self-check during one keeps the status', () => {
    const state = foldApplication([
      selfCheck('2021-08-20'),
      at('applied', '2021-09-01'),
      at('city-review-passed', '2021-10-10'),
      at('rectification-required', '2021-11-01', { standards: ['s-heating'] }),
      selfCheck('2021-11-10'),
      at('rectified', '2021-11-20'),
      at('rectification-required', '2021-11-25'),
      at('rectified', '2021-12-01'),
      at('region-recheck-passed', '2021-12-05'),
      at('certified', '2021-12-20'),
    ]);
    expect(state).toMatchObject({ status: 'certified', rectifications: 2 });
    expect(foldApplication(state.history.slice(0, 5)).status).toBe('rectification-required');
  });

  it('accepts an application on the deadline day, and a late one, flagged, when the plan allows it', () => {
    expect(
      foldApplication([selfCheck('2021-08-20'), at('applied', '2021-09-30')], { plan }).late,
    ).toBeUndefined();
    const late = foldApplication([selfCheck('2021-08-20'), at('applied', '2021-10-01')], {
      plan: { ...plan, allowLateApplications: true },
    });
    expect(late).toMatchObject({ status: 'applied', late: true, year: 2021 });
    const nextYear = safeFoldApplication(
      [selfCheck('2021-08-20'), at('applied', '2022-01-05', { year: 2021 })],
      {
        plan: { ...plan, allowLateApplications: true },
      },
    );
    expect(nextYear.ok).toBe(false);
  });

  it('takes a whole evaluation result as the self-check', () => {
    const state = foldApplication([
      { ...selfCheck('2021-08-20'), evaluation: eligibleResult },
      at('applied', '2021-09-01'),
    ]);
    expect(state.status).toBe('applied');
  });

  it('advances one event at a time', () => {
    const state = advanceApplication(foldApplication([selfCheck('2021-08-20')]), at('applied', '2021-09-01'));
    expect(state.status).toBe('applied');
    expect(() => advanceApplication(state, at('applied', '2021-09-02'))).toThrowError(
      /INVALID_WORKFLOW_STEP: \$\[2\]/,
    );
  });

  it('rejects an invalid plan with INVALID_PLAN', () => {
    expect(refusal([], { plan: { ...plan, applicationDeadline: '02-29' } }).code).toBe('INVALID_PLAN');
  });
});

describe('foldApplication refuses an illegal step with INVALID_WORKFLOW_STEP at the event', () => {
  const applied = [selfCheck('2021-08-20'), at('applied', '2021-09-01')];
  const cityPassed = [...applied, at('city-review-passed', '2021-10-10')];
  const certified = [...cityPassed, at('region-recheck-passed', '2021-11-15'), at('certified', '2021-12-20')];
  const cases: [string, unknown[], number, string, string][] = [
    [
      'certifying what never applied',
      [selfCheck('2021-08-20'), at('certified', '2021-12-20')],
      1,
      'illegal-step',
      'never applied',
    ],
    [
      'certifying without the region re-check',
      [...cityPassed, at('certified', '2021-12-20')],
      3,
      'illegal-step',
      'passed region re-check',
    ],
    [
      'applying with no self-check',
      [at('applied', '2021-09-01')],
      0,
      'illegal-step',
      'needs a completed self-check',
    ],
    [
      'applying after an ineligible self-check',
      [selfCheck('2021-08-20', ineligibleResult), at('applied', '2021-09-01')],
      1,
      'not-eligible',
      'not eligible',
    ],
    [
      'applying after the deadline',
      [selfCheck('2021-08-20'), at('applied', '2021-10-01')],
      1,
      'after-deadline',
      'deadline was 2021-09-30',
    ],
    [
      'applying for a past round',
      [selfCheck('2022-01-20'), at('applied', '2022-01-21', { year: 2021 })],
      1,
      'after-deadline',
      'round is over',
    ],
    ['applying twice', [...applied, at('applied', '2021-09-02')], 2, 'illegal-step', 'applied already'],
    [
      'events out of date order',
      [selfCheck('2021-08-20'), at('applied', '2021-08-19')],
      1,
      'out-of-order',
      'before the event before it',
    ],
    [
      'a city review of nothing applied for',
      [selfCheck('2021-08-20'), at('city-review-passed', '2021-10-10')],
      1,
      'illegal-step',
      'has not applied',
    ],
    [
      'a city return of nothing applied for',
      [at('city-review-returned', '2021-10-10')],
      0,
      'illegal-step',
      'has not applied',
    ],
    [
      'a second city review',
      [...cityPassed, at('city-review-returned', '2021-10-11')],
      3,
      'illegal-step',
      'waiting for it',
    ],
    [
      'a region re-check before the city review',
      [...applied, at('region-recheck-passed', '2021-10-10')],
      2,
      'illegal-step',
      'follows a passed city review',
    ],
    [
      'rectification required before the city review',
      [...applied, at('rectification-required', '2021-10-10')],
      2,
      'illegal-step',
      'follows a passed city review',
    ],
    [
      'rectified without rectification required',
      [...cityPassed, at('rectified', '2021-10-20')],
      3,
      'illegal-step',
      'needs a rectification-required',
    ],
    ['a self-check during the review', [...applied, selfCheck('2021-09-10')], 2, 'illegal-step', 'under way'],
    [
      'anything after certification',
      [...certified, selfCheck('2022-01-01')],
      5,
      'after-certified',
      'nothing follows',
    ],
    [
      'certifying twice',
      [...certified, at('certified', '2021-12-21')],
      5,
      'after-certified',
      'certified on 2021-12-20',
    ],
  ];
  it.each(cases)('%s', (_name, events, index, kind, words) => {
    const { code, issues } = refusal(events, { plan });
    expect(code).toBe('INVALID_WORKFLOW_STEP');
    expect(issues).toEqual([{ path: [index], kind, message: expect.stringContaining(words) }]);
  });

  it('names the event type and the index in the message', () => {
    const { message } = refusal([selfCheck('2021-08-20'), at('certified', '2021-12-20')]);
    expect(message).toMatch(/^INVALID_WORKFLOW_STEP: \$\[1\]: certified: /);
  });
});

describe('foldApplication validates every event', () => {
  it.each([
    ['an unknown type', [selfCheck('2021-08-20'), at('approved', '2021-09-01')], [1, 'type']],
    ['a missing actor', [{ type: 'applied', date: '2021-09-01' }], [0, 'actor']],
    ['a date that is not a day', [at('applied', '2021-02-30')], [0, 'date']],
    ['a self-check without its evaluation', [at('self-check-completed', '2021-08-20')], [0, 'evaluation']],
    ['a field of another event type', [at('applied', '2021-09-01', { certificate: 'x' })], [0]],
    ['an event that is not an object', ['applied'], [0]],
  ])('rejects %s with a path into the events', (_name, events, path) => {
    const { code, issues } = refusal(events);
    expect(code).toBe('INVALID_WORKFLOW_STEP');
    expect(issues.map((issue) => issue.path)).toContainEqual(path);
  });

  it('rejects events that are not a list', () => {
    expect(refusal({ type: 'applied' } as never).issues[0]?.path).toEqual([]);
  });

  it('lists the event types when the type is unknown', () => {
    const { issues } = refusal([at('approved', '2021-09-01')]);
    expect(issues[0]?.message).toContain('self-check-completed, applied, city-review-passed');
  });
});
