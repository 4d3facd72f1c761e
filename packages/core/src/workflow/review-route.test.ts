import { describe, expect, it } from 'vitest';
import storedLogs from '../../test/stored-logs-2026-11.json' with { type: 'json' };
import { at, certifiedLog, decision, reviewedRuleSet, selfCheck } from '../../test/workflow-logs.js';
import { RubricError } from '../errors/rubric-error.js';
import {
  decidingTierOf,
  type FoldApplicationOptions,
  foldApplication,
  nextSteps,
  safeFoldApplication,
} from './fold-application.js';

const options: FoldApplicationOptions = { ruleSet: reviewedRuleSet };

function refusal(events: readonly unknown[], given: FoldApplicationOptions = options) {
  const result = safeFoldApplication(events, given);
  if (result.ok) throw new Error('expected the events to be refused');
  expect(RubricError.isInstance(result.error)).toBe(true);
  return result.error;
}

describe('logs stored before tiers and decisions existed', () => {
  it.each(Object.entries(storedLogs.logs))('fold to the same state: %s', (_name, { events, state }) => {
    expect(JSON.parse(JSON.stringify(foldApplication(events, { plan: storedLogs.plan })))).toEqual(state);
  });
});

describe('the route with tiers and reviewers’ decisions', () => {
  it('records who received it, the decisions of each tier, and the submission to the region', () => {
    const state = foldApplication(certifiedLog(), options);
    expect(state).toMatchObject({
      status: 'certified',
      receivedBy: 'county',
      submittedOn: '2021-10-20',
      rectifications: 1,
      certifiedOn: '2021-12-20',
    });
    expect(state.decisions?.map((event) => [event.tier, event.standard, event.decision])).toEqual([
      ['city', 's-heating', 'disagree'],
      ['city', 's-policing-room', 'agree'],
      ['region', 's-heating', 'rectification-required'],
      ['region', 's-heating', 'agree'],
    ]);
  });

  it('lets the tier whose step it is decide: the city while it reviews, then the region', () => {
    const log = certifiedLog();
    expect(decidingTierOf(foldApplication(log.slice(0, 2), options))).toBe('city');
    expect(decidingTierOf(foldApplication(log.slice(0, 6), options))).toBe('region');
    expect(decidingTierOf(foldApplication(log, options))).toBe('region');
    expect(decidingTierOf(foldApplication(log.slice(0, 1), options))).toBeUndefined();
  });

  it('starts a new application’s review afresh, keeping the earlier one in the history', () => {
    const state = foldApplication(
      [
        ...certifiedLog().slice(0, 5),
        at('city-review-returned', '2021-10-10', { reasons: ['材料不全'] }),
        selfCheck('2022-03-01'),
        at('applied', '2022-03-02'),
      ],
      options,
    );
    expect(state).toMatchObject({ status: 'applied', year: 2022 });
    expect(state.decisions).toBeUndefined();
    expect(state.receivedBy).toBeUndefined();
    expect(state.history.filter((event) => event.type === 'standard-reviewed')).toHaveLength(2);
  });

  it('checks decisions against standard ids when the rule set itself is not at hand', () => {
    const log = certifiedLog().slice(0, 5);
    expect(foldApplication(log, { standardIds: ['s-heating', 's-policing-room'] }).decisions).toHaveLength(2);
    expect(refusal(log, { standardIds: ['s-heating'] }).issues).toEqual([
      {
        path: [4, 'standard'],
        kind: 'unknown-standard',
        message: expect.stringContaining('s-policing-room'),
      },
    ]);
  });
});

describe('a decision is refused with INVALID_WORKFLOW_STEP at its field', () => {
  const reviewing = [selfCheck('2021-08-20'), at('applied', '2021-09-01')];
  const cityPassed = [...reviewing, at('city-review-passed', '2021-10-10')];
  const cases: [string, unknown[], (string | number)[], string, string][] = [
    [
      'a disagreement without a reason',
      [...reviewing, decision('2021-10-01', 'city', 's-heating', { decision: 'disagree', outcome: 'unmet' })],
      [2, 'reason'],
      'missing-reason',
      'decision disagree needs its reason',
    ],
    [
      'a disagreement with a blank reason',
      [
        ...reviewing,
        decision('2021-10-01', 'city', 's-heating', { decision: 'disagree', outcome: 'unmet', reason: '  ' }),
      ],
      [2, 'reason'],
      'invalid_format',
      'a reason is not blank',
    ],
    [
      'a disagreement without the reviewed outcome',
      [
        ...reviewing,
        decision('2021-10-01', 'city', 's-heating', { decision: 'disagree', reason: '未通燃气' }),
      ],
      [2, 'outcome'],
      'missing-field',
      'the outcome the reviewer found',
    ],
    [
      'a rectification without what to fix',
      [
        ...reviewing,
        decision('2021-10-01', 'city', 's-heating', { decision: 'rectification-required', by: '2021-11-01' }),
      ],
      [2, 'what'],
      'missing-field',
      'what to fix',
    ],
    [
      'an outcome on an agreement',
      [...reviewing, decision('2021-10-01', 'city', 's-heating', { decision: 'agree', outcome: 'met' })],
      [2, 'outcome'],
      'field-of-another-kind',
      'outcome belongs to decision disagree',
    ],
    [
      'a rectification due before it was required',
      [
        ...reviewing,
        decision('2021-10-01', 'city', 's-heating', {
          decision: 'rectification-required',
          what: '接通燃气',
          by: '2021-09-01',
        }),
      ],
      [2, 'by'],
      'by-before-date',
      'due by 2021-09-01',
    ],
    [
      'the region deciding while the city reviews',
      [...reviewing, decision('2021-10-01', 'region', 's-heating')],
      [2, 'tier'],
      'wrong-tier',
      'the region tier is not at this step',
    ],
    [
      'the city deciding after it passed the application',
      [...cityPassed, decision('2021-10-11', 'city', 's-heating')],
      [3, 'tier'],
      'wrong-tier',
      'where the region decides',
    ],
    [
      'the county deciding',
      [...reviewing, decision('2021-10-01', 'county' as never, 's-heating')],
      [2, 'tier'],
      'invalid_value',
      'city',
    ],
    [
      'a standard the rule set does not have',
      [...reviewing, decision('2021-10-01', 'city', 's-swimming-pool')],
      [2, 'standard'],
      'unknown-standard',
      'no standard "s-swimming-pool"',
    ],
    [
      'an unknown decision',
      [...reviewing, decision('2021-10-01', 'city', 's-heating', { decision: 'maybe' })],
      [2, 'decision'],
      'invalid_value',
      '"rectification-required"',
    ],
    [
      'a decision before anyone applied',
      [selfCheck('2021-08-20'), decision('2021-10-01', 'city', 's-heating')],
      [1],
      'illegal-step',
      'needs an application under review',
    ],
    [
      'a receipt by the region',
      [...reviewing, at('application-received', '2021-09-02', { tier: 'region' })],
      [2, 'tier'],
      'invalid_value',
      'county',
    ],
    [
      'a list of another year',
      [...cityPassed, at('submitted-to-region', '2021-10-20', { year: 2022 })],
      [3, 'year'],
      'wrong-year',
      'the 2022 round',
    ],
    [
      'a submission before the city passed it',
      [...reviewing, at('submitted-to-region', '2021-10-20')],
      [2],
      'illegal-step',
      'passed its review',
    ],
  ];
  it.each(cases)('%s', (_name, events, path, kind, words) => {
    const error = refusal(events);
    expect(error.code).toBe('INVALID_WORKFLOW_STEP');
    expect(error.issues).toContainEqual({ path, kind, message: expect.stringContaining(words) });
  });

  it('refuses a decision folded without the rule set to check it', () => {
    const error = refusal(
      [selfCheck('2021-08-20'), at('applied', '2021-09-01'), decision('2021-10-01', 'city', 's-heating')],
      {},
    );
    expect(error.issues).toEqual([
      {
        path: [2, 'standard'],
        kind: 'missing-rule-set',
        message: expect.stringContaining('options.ruleSet'),
      },
    ]);
  });

  it('refuses a decision checked against another rule set than the self-check scored', () => {
    const other = { ...reviewedRuleSet, version: '2.0.0' };
    const error = refusal(
      [selfCheck('2021-08-20'), at('applied', '2021-09-01'), decision('2021-10-01', 'city', 's-heating')],
      { ruleSet: other },
    );
    expect(error.issues).toEqual([
      {
        path: [2, 'standard'],
        kind: 'wrong-rule-set',
        message: expect.stringContaining('sample-rubric@1.0.0'),
      },
    ]);
  });

  it('lists the tiers that may decide next', () => {
    const state = foldApplication([selfCheck('2021-08-20'), at('applied', '2021-09-01')], options);
    expect(nextSteps(state)).toContain('standard-reviewed');
  });
});
