import { evaluate, whatIf } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { qinzhou2021Cohort, qinzhouCostModel, qinzhouPlan } from '@sunshine-rubric/qinzhou';
import { describe, expect, it } from 'vitest';
import { cohortYears, type PortfolioEstate, planPortfolio } from '../src/index.js';

// Qinzhou's 26 estates, fictional self-checks: the 11 of the named 2021 cohort, then 15 more. They cycle
// through three samples (eligible, below the threshold, a requirement uncovered).
const samples = [guangxiSamples.eligible, guangxiSamples.belowThreshold, guangxiSamples.uncoveredRequirement];
const names = [
  ...qinzhou2021Cohort.map((estate) => estate.name),
  ...Array.from({ length: 15 }, (_, i) => `其他小区${i + 1}`),
];
const levels = [
  ...qinzhou2021Cohort.map((estate) => estate.level),
  ...Array.from({ length: 15 }, () => 'county'),
];
const estates: PortfolioEstate[] = names.map((name, index) => ({
  assessment: { ...samples[index % 3]!, id: `qz-${index}`, community: { name } },
  level: levels[index],
}));
const cost = {
  defaultCost: 50_000,
  perEstate: {
    city: qinzhouCostModel.perEstate.city.amount,
    county: qinzhouCostModel.perEstate.county.amount,
  },
};

describe('planning Qinzhou’s 26 estates on the Guangxi 2021 rule set', () => {
  it('puts the named 2021 cohort forward in 2021 and meets the quotas 11, 9, 4, 2 at least cost', async () => {
    const { fixedYears, unmatched } = cohortYears(qinzhouPlan, estates);
    expect(unmatched).toEqual([]);
    expect(Object.keys(fixedYears)).toHaveLength(11);
    const outcome = await planPortfolio({
      ruleSet: guangxi2021,
      estates,
      plan: qinzhouPlan,
      cost,
      constraints: { fixedYears },
    });
    if (!outcome.feasible) throw new Error(outcome.reasons.map((reason) => reason.message.en).join('\n'));
    expect(outcome.status).toBe('optimal');
    expect(outcome.years.map((year) => [year.year, year.target, year.quota])).toEqual([
      [2021, 11, 11],
      [2022, 20, 9],
      [2023, 24, 4],
      [2024, 26, 2],
    ]);
    expect(outcome.years[0]!.estates.map((estate) => estate.estateId).sort()).toEqual(
      Object.keys(fixedYears).sort(),
    );
    expect(outcome.notice?.zh).toMatch(/暂定规则集/);
    for (const estate of outcome.years.flatMap((year) => year.estates)) {
      const assessment = estates.find((entry) => entry.assessment.id === estate.estateId)!.assessment;
      const fixed = Object.fromEntries(estate.fixes.map((fix) => [fix.standardId, 'met' as const]));
      expect(whatIf(guangxi2021, evaluate(guangxi2021, assessment), fixed).eligible).toBe(true);
      for (const fix of estate.fixes) expect(fix.responsible.length).toBeGreaterThan(0);
    }
  });

  it('lists cohort names that match no estate, or several', () => {
    const renamed = estates.map((estate, index) =>
      index === 0
        ? { ...estate, assessment: { ...estate.assessment, community: { name: '香山四区' } } }
        : estate,
    );
    const { unmatched } = cohortYears(qinzhouPlan, renamed);
    expect(unmatched).toEqual([
      { year: 2021, name: '家兴苑一区', reason: 'no-estate' },
      { year: 2021, name: '香山四区', reason: 'several-estates' },
    ]);
  });
});
