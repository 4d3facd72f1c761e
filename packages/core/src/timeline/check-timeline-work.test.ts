import { describe, expect, it, vi } from 'vitest';
import { checkTimeline } from './check-timeline.js';
import { cumulativeQuotas } from './year-steps.js';

vi.mock('./year-steps.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./year-steps.js')>();
  return { ...original, cumulativeQuotas: vi.fn(original.cumulativeQuotas) };
});

// Bounded work instead of a time budget (BUG-13): the quota step function is built a fixed number of times
// per check, however many milestones the plan has; each lookup in it is a binary search (year-steps.test.ts).
describe('checkTimeline: bounded work', () => {
  const plan = (milestoneCount: number) => ({
    total: 900,
    milestones: Array.from({ length: milestoneCount }, (_, index) => ({
      year: 1000 + (index % 900),
      share: 0.5,
    })),
    quotas: Object.fromEntries(Array.from({ length: 900 }, (_, index) => [String(1000 + index), 1])),
  });
  const buildsFor = (milestoneCount: number) => {
    vi.mocked(cumulativeQuotas).mockClear();
    checkTimeline(plan(milestoneCount));
    return vi.mocked(cumulativeQuotas).mock.calls.length;
  };

  it('builds the cumulative quotas as often for 3,000 milestones as for 3', () => {
    const few = buildsFor(3);
    expect(few).toBeGreaterThan(0);
    expect(buildsFor(3000)).toBe(few);
  });
});
