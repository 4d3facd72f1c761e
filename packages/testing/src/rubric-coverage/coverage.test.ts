import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { assertCoverage, coverage } from './coverage.js';

describe('coverage', () => {
  const report = coverage(guangxi2021, Object.values(guangxiSamples));

  it('counts outcomes per standard and true/false per leaf', () => {
    expect(report.standards).toHaveLength(65);
    const s09 = report.standards.find((standard) => standard.id === 'S09')!;
    expect(s09.met + s09.unmet + s09.notApplicable + s09.missingData).toBe(5);
    expect(report.leaves.length).toBeGreaterThanOrEqual(65);
    expect(report.leaves[0]).toMatchObject({
      standardId: 'S01',
      in: 'condition',
      path: '(root)',
      fact: 'inFacilityProjectLibrary',
    });
    expect(report.ratio).toBeGreaterThan(0);
    expect(report.ratio).toBeLessThan(1);
    expect(report.passes).toBe(true);
  });

  it('names nested leaves by their place in the condition', () => {
    expect(report.leaves.some((leaf) => /^(any|all)\[\d\]/.test(leaf.path))).toBe(true);
    expect(report.leaves.some((leaf) => leaf.in === 'applicableWhen')).toBe(true);
  });

  it('fails a threshold the fixtures do not reach, listing the gaps', () => {
    const strict = coverage(guangxi2021, [guangxiSamples.eligible], { threshold: 0.9 });
    expect(strict.passes).toBe(false);
    expect(() => assertCoverage(strict)).toThrow(
      /rubric coverage \d+(\.\d)?% is below the threshold 90%:\n {2}S\d\d condition/,
    );
    expect(() =>
      assertCoverage(coverage(guangxi2021, [guangxiSamples.eligible], { threshold: 0.1 })),
    ).not.toThrow();
  });

  it('is a standard ratio of 0 with no fixtures', () => {
    expect(coverage(guangxi2021, [])).toMatchObject({ ratio: 0, standardRatio: 0, leaves: [] });
  });
});
