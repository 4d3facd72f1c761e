import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type CalendarRange,
  type CertifiedCounts,
  checkTimeline,
  defineTargetPlan,
  planTimeline,
  type Rounding,
  safeDefineTargetPlan,
  type TargetPlanInput,
  timelineCalendar,
  trackProgress,
} from '../../src/index.js';
import { shareOfTotal } from '../../src/timeline/shares.js';
import {
  expectRubricErrorOrValue,
  expectSafeNeverThrows,
  expectThrowsIffNotOk,
  FUZZ_RUNS,
  FUZZ_TIMEOUT,
  reportInputCounts,
  scaledRuns,
} from './contract.js';
import { certifiedArbitrary, plans, qinzhouPlan } from './documents.js';
import {
  anyJsonArbitrary,
  anyValueArbitrary,
  deepObject,
  edgeNumbers,
  jsonValueArbitrary,
  shallowValueArbitrary,
  truncatedJsonArbitrary,
} from './hostile-values.js';
import { mutatedArbitrary } from './mutate.js';

afterAll(() => reportInputCounts('fuzz-timeline'));

const mutatedPlans = mutatedArbitrary(plans);
const jsonMutatedPlans = mutatedArbitrary(plans, jsonValueArbitrary(3));
const planInputs = fc.oneof(
  { weight: 1, arbitrary: anyJsonArbitrary },
  { weight: 1, arbitrary: anyValueArbitrary },
  { weight: 4, arbitrary: mutatedPlans },
  { weight: 1, arbitrary: truncatedJsonArbitrary(qinzhouPlan) },
);
const certifiedInputs = fc.oneof(
  { weight: 3, arbitrary: certifiedArbitrary },
  { weight: 2, arbitrary: mutatedArbitrary(certifiedArbitrary) },
  { weight: 1, arbitrary: anyValueArbitrary },
);

/** Found by this suite: a first target that is a safe integer, and a step to the next one that is not. */
const tooLargeStep = {
  total: 26,
  milestones: [
    { year: 2021, share: -346430740566960.7 },
    { year: 2022, share: 0.7 },
    { year: 2024, share: 1 },
  ],
};

/** A real calendar day written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function expectPlanError(outcome: ReturnType<typeof expectRubricErrorOrValue>): void {
  if (outcome && !outcome.ok) expect(outcome.error.code).toBe('INVALID_PLAN');
}

describe('target plans under fuzzing', { timeout: FUZZ_TIMEOUT }, () => {
  it('starts from valid plans', () => {
    fc.assert(
      fc.property(plans, (plan) => safeDefineTargetPlan(plan).ok),
      { numRuns: 50 },
    );
  });

  it('defineTargetPlan answers anything with a plan or INVALID_PLAN', () => {
    fc.assert(
      fc.property(planInputs, (plan) => {
        const outcome = expectRubricErrorOrValue(() => defineTargetPlan(plan as TargetPlanInput), {
          entryPoint: 'defineTargetPlan',
        });
        expectPlanError(outcome);
        // Accepted again as it is (compared as JSON: -0 and 0 are the same share).
        if (outcome?.ok) {
          const text = JSON.stringify(outcome.value);
          expect(JSON.stringify(defineTargetPlan(JSON.parse(text)))).toBe(text);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('planTimeline: one year per milestone, in year order, quotas that add up to the last target', () => {
    fc.assert(
      fc.property(planInputs, (plan) => {
        const outcome = expectRubricErrorOrValue(() => planTimeline(plan as TargetPlanInput), {
          entryPoint: 'planTimeline',
        });
        expectPlanError(outcome);
        if (!outcome?.ok) return;
        const { years } = outcome.value;
        expect(years.length).toBe(defineTargetPlan(plan as TargetPlanInput).milestones.length);
        for (const [index, year] of years.entries()) {
          if (index > 0) expect(year.year).toBeGreaterThanOrEqual(years[index - 1]!.year);
        }
        const last = years.at(-1)!;
        if (Number.isFinite(last.cumulativeTarget)) {
          expect(years.reduce((sum, year) => sum + year.quota, 0)).toBe(last.cumulativeTarget);
        }
      }),
      { numRuns: FUZZ_RUNS, examples: [[tooLargeStep]] },
    );
  });

  it('checkTimeline: ok exactly when there are no issues, each issue in both languages', () => {
    fc.assert(
      fc.property(planInputs, (plan) => {
        const outcome = expectRubricErrorOrValue(() => checkTimeline(plan as TargetPlanInput), {
          entryPoint: 'checkTimeline',
        });
        expectPlanError(outcome);
        if (!outcome?.ok) return;
        expect(outcome.value.ok).toBe(outcome.value.issues.length === 0);
        for (const issue of outcome.value.issues) {
          expect(typeof issue.code).toBe('string');
          expect(typeof issue.message).toBe('string');
          expect(typeof issue.messageZh).toBe('string');
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('trackProgress: any plan and any certified counts; remaining never below 0', () => {
    fc.assert(
      fc.property(fc.oneof(plans, planInputs), certifiedInputs, (plan, certified) => {
        const outcome = expectRubricErrorOrValue(
          () => trackProgress(plan as TargetPlanInput, certified as CertifiedCounts),
          { entryPoint: 'trackProgress' },
        );
        expectPlanError(outcome);
        if (!outcome?.ok) return;
        const progress = outcome.value;
        expect(progress.remaining).toBeGreaterThanOrEqual(0);
        expect(progress.remaining).toBe(Math.max(0, progress.total - progress.certified));
        if (progress.neededPerRemainingYear !== null) {
          expect(progress.neededPerRemainingYear).toBeGreaterThanOrEqual(0);
        }
        expect(progress.remainingYears.every((year) => year <= progress.finalYear)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('timelineCalendar: any plan and range; every date a real ISO date', () => {
    const ranges = fc.oneof(
      fc.constant(undefined),
      fc.record(
        {
          from: fc.constantFrom('2021-01-01', '2022-07-01'),
          to: fc.constantFrom('2022-12-31', '2030-01-01'),
        },
        { requiredKeys: [] },
      ),
      anyValueArbitrary,
    );
    fc.assert(
      fc.property(fc.oneof(plans, planInputs), ranges, (plan, range) => {
        const outcome = expectRubricErrorOrValue(
          () => timelineCalendar(plan as TargetPlanInput, range as CalendarRange),
          { entryPoint: 'timelineCalendar' },
        );
        if (outcome && !outcome.ok) expect(['INVALID_PLAN', 'INVALID_OPTIONS']).toContain(outcome.error.code);
        if (!outcome?.ok) return;
        for (const entry of outcome.value) {
          const dates = 'date' in entry ? [entry.date] : [entry.window.from, entry.window.to];
          for (const date of dates) expect(isIsoDate(date), date).toBe(true);
        }
      }),
      { numRuns: scaledRuns(100) },
    );
  });

  it('shareOfTotal: any share, total and rounding give a whole number or INVALID_PLAN', () => {
    // Without 20,000-deep values: BUG-3 (the message stringifies the value) is quarantined.
    const numbers = fc.oneof(
      fc.constantFrom(...edgeNumbers),
      fc.double(),
      fc.integer(),
      shallowValueArbitrary,
    );
    const roundings = fc.constantFrom<Rounding>('ceil', 'round', 'floor');
    fc.assert(
      fc.property(numbers, numbers, roundings, (share, total, rounding) => {
        const outcome = expectRubricErrorOrValue(
          () => shareOfTotal(share as number, total as number, rounding),
          { entryPoint: 'shareOfTotal' },
        );
        expectPlanError(outcome);
        if (outcome?.ok)
          expect(Number.isInteger(outcome.value) || !Number.isFinite(outcome.value)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('safeDefineTargetPlan never throws (except the input’s own getter exceptions)', () => {
    fc.assert(
      fc.property(planInputs, (plan) => {
        expectSafeNeverThrows('safeDefineTargetPlan', () => safeDefineTargetPlan(plan));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('defineTargetPlan throws exactly when safeDefineTargetPlan returns ok: false', () => {
    fc.assert(
      fc.property(fc.oneof(anyJsonArbitrary, jsonMutatedPlans), (plan) => {
        expectThrowsIffNotOk(
          'defineTargetPlan iff safeDefineTargetPlan',
          () => safeDefineTargetPlan(plan),
          () => defineTargetPlan(plan as TargetPlanInput),
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('target plans: deep and huge', () => {
  it('rejects a 20,000-deep plan with INVALID_PLAN, without overflowing the stack', () => {
    for (const plan of [
      deepObject(20_000, 'milestones'),
      { ...qinzhouPlan, title: deepObject(20_000, 'zh') },
    ]) {
      for (const call of [
        () => checkTimeline(plan as TargetPlanInput),
        () => trackProgress(plan as TargetPlanInput, {}),
        () => trackProgress(qinzhouPlan, plan as CertifiedCounts),
      ]) {
        const outcome = expectRubricErrorOrValue<unknown>(call, { entryPoint: 'timeline (deep)' });
        expect(outcome?.ok).toBe(false);
      }
    }
  });

  // Sizes a hostile 1–4 MB JSON plan reaches. checkTimeline is linear in milestones but not cheap (~25 µs
  // each when each one is a finding: 100,000 take ~2.6 s); see BUG-12 and BUG-13 for the worse cases.
  it('checks 20,000 milestones and 100,000 cohort estates', { timeout: 30_000 }, () => {
    const milestones = Array.from({ length: 20_000 }, (_, index) => ({
      year: 2021 + (index % 4),
      count: index,
    }));
    const cohort = Array.from({ length: 100_000 }, (_, index) => ({ name: `estate ${index % 50_000}` }));
    const plan = { total: 100_000, milestones, cohorts: { 2021: cohort } };
    for (const [name, call] of [
      ['checkTimeline', () => checkTimeline(plan)],
      ['planTimeline', () => planTimeline(plan)],
      ['trackProgress', () => trackProgress(plan, { 2022: 5 })],
      ['timelineCalendar', () => timelineCalendar({ ...plan, applicationDeadline: '09-30' })],
    ] as const) {
      const outcome = expectRubricErrorOrValue<unknown>(call, { entryPoint: 'timeline (huge)' });
      expect(outcome?.ok, name).toBe(true);
    }
  });
});
