import { defineRuleSet, type RuleSet } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { flipReport, formatFlipReport } from './flip-report.js';

const samples = Object.values(guangxiSamples);
const withThreshold = (threshold: number): RuleSet =>
  defineRuleSet({ ...guangxi2021, version: '0.3.0', scoring: { ...guangxi2021.scoring, threshold } });

describe('flipReport', () => {
  it('finds nothing when the rubric does not change', () => {
    const report = flipReport(guangxi2021, guangxi2021, samples);
    expect(report).toMatchObject({ evaluated: 5, flipped: [], unchanged: 5, failed: [] });
  });

  it('names the estates a stricter threshold turns ineligible, and why', () => {
    // The eligible sample meets 60 of 64 (93.75%); at 95% it needs 61.
    const report = flipReport(guangxi2021, withThreshold(0.95), samples);
    expect(report.flipped).toEqual([
      expect.objectContaining({
        assessmentId: 'sample-eligible',
        direction: 'became-ineligible',
        before: { eligible: true, met: 60, applicable: 64, rate: 0.9375 },
        after: { eligible: false, met: 60, applicable: 64, rate: 0.9375 },
        why: {
          standards: [],
          reasons: [expect.objectContaining({ en: expect.stringContaining('1 more standard needed') })],
        },
      }),
    ]);
    expect(report.unchanged).toBe(4);
  });

  it('names the estates a laxer threshold turns eligible, with the standards that changed', () => {
    const report = flipReport(guangxi2021, withThreshold(0.8), samples);
    expect(report.flipped.map((flip) => [flip.assessmentId, flip.direction])).toEqual([
      ['sample-below-threshold', 'became-eligible'],
      ['sample-missing-data', 'became-eligible'],
    ]);
  });

  it('shows standards added or removed by the change', () => {
    const lastRequirement = guangxi2021.aspects[4]!.requirements[0]!;
    const removed = defineRuleSet({
      ...guangxi2021,
      version: '0.3.0',
      aspects: guangxi2021.aspects.map((aspect, index) =>
        index === 4
          ? {
              ...aspect,
              requirements: [{ ...lastRequirement, standards: lastRequirement.standards.slice(0, 1) }],
            }
          : aspect,
      ),
    });
    const report = flipReport(guangxi2021, removed, samples);
    for (const flip of report.flipped)
      expect(flip.why.standards).toContainEqual(expect.objectContaining({ after: 'absent' }));
  });

  it('formats a pull-request comment', () => {
    const text = formatFlipReport(flipReport(guangxi2021, withThreshold(0.95), samples));
    expect(text).toContain('### Rubric change guangxi-2021@0.2.0 → guangxi-2021@0.3.0');
    expect(text).toContain('5 estates evaluated: 1 flipped, 4 unchanged, 0 failed.');
    expect(text).toContain(
      '| 示例·青禾公租房小区（虚构） (`sample-eligible`) | eligible → **ineligible** | 93.8% (60/64) | 93.8% (60/64) |',
    );
  });

  it('reports an assessment it cannot evaluate instead of throwing', () => {
    const report = flipReport(guangxi2021, guangxi2021, [
      { ...guangxiSamples.eligible, facts: { rentalHouseholds: 'many' } },
    ]);
    expect(report.failed).toEqual([
      { assessmentId: 'sample-eligible', message: expect.stringContaining('INVALID_ASSESSMENT') },
    ]);
  });
});
