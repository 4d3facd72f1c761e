import { describe, expect, it } from 'vitest';
import { expectRubricErrorOrValue, FUZZ_TIMEOUT } from '../../test/fuzz/contract.js';
import { checkTimeline, type Rounding, trackProgress } from '../index.js';
import { shareOfTotal } from '../timeline/shares.js';

describe('bugs this suite found, now fixed', { timeout: FUZZ_TIMEOUT }, () => {
  // BUG-12: trackProgress computes finalYear as Math.max(...plan.milestones.map(…)): spreading an array of
  // ~125,000+ milestones (a 4 MB JSON plan) overflows the stack: "RangeError: Maximum call stack size
  // exceeded". (planYears dedupes years first, so checkTimeline and the calendar are safe from this.)
  it('BUG-12: trackProgress with 200,000 milestones gives a result, not a RangeError', {
    timeout: 30_000,
  }, () => {
    const milestones = Array.from({ length: 200_000 }, () => ({ year: 2021, share: 1 }));
    expectRubricErrorOrValue(() => trackProgress({ total: 1, milestones }, { 2021: 1 }));
  });

  // BUG-13 (fixed): checkTimeline was O(milestones × quota years), filtering every quota year for every
  // milestone: 30,000 milestones over 9,000 years with 9,000 quota years (a 1.3 MB JSON plan) took several
  // seconds, 10 times the plan without quotas. trackProgress was O(reported years × milestones) the same way.
  // Cumulative quotas and targets are now step functions looked up by binary search (year-steps.ts), whose
  // test bounds the steps one lookup reads; bench/huge-inputs.bench.mjs times this plan with and without
  // its quotas.
  it('BUG-13: checkTimeline of 30,000 milestones with 9,000 quota years gives a result', {
    timeout: 60_000,
  }, () => {
    const milestones = Array.from({ length: 30_000 }, (_, index) => ({
      year: 1000 + (index % 9000),
      share: 0.5,
    }));
    const quotas = Object.fromEntries(Array.from({ length: 9000 }, (_, index) => [String(1000 + index), 1]));
    expect(expectRubricErrorOrValue(() => checkTimeline({ total: 9000, milestones, quotas }))?.ok).toBe(true);
  });

  // BUG-3 (in shareOfTotal): the messages interpolate the rejected share or total (`got ${total}`), which
  // throws a TypeError for a Symbol, a null-prototype object or `{"toString":0}`.
  it('BUG-3: shareOfTotal(Symbol(), 26) gives INVALID_PLAN, not a TypeError', () => {
    expectRubricErrorOrValue(() => shareOfTotal(Symbol('share') as unknown as number, 26));
  });

  it('BUG-3: shareOfTotal(0.5, {"toString":0}) gives INVALID_PLAN, not a TypeError', () => {
    expectRubricErrorOrValue(() => shareOfTotal(0.5, JSON.parse('{"toString":0}') as number));
  });

  it('BUG-3: shareOfTotal(0.5, <20,000-deep array>) gives INVALID_PLAN, not a RangeError', () => {
    const deep = JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`) as number;
    expectRubricErrorOrValue(() => shareOfTotal(0.5, deep));
  });

  // BUG-11: shareOfTotal does not check `rounding`; fractionOfTotal's switch has no default, so an unknown
  // rounding returns undefined instead of a number or INVALID_PLAN.
  it('BUG-11: shareOfTotal(0.5, 26, "banana") gives a number or INVALID_PLAN, not undefined', () => {
    const outcome = expectRubricErrorOrValue(() => shareOfTotal(0.5, 26, 'banana' as Rounding));
    if (outcome?.ok) expect(typeof outcome.value).toBe('number');
  });
});
