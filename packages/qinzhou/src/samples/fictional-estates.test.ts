import { evaluate, planRemediation } from '@sunshine-rubric/core';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import document from '../data/fictional-estates.json' with { type: 'json' };
import { qinzhou2021Cohort, qinzhouPlan } from '../plan/qinzhou-plan.js';
import { qinzhouFictionalEstates, qinzhouFictionalEstatesNotice } from './fictional-estates.js';

const results = qinzhouFictionalEstates.map((estate) => evaluate(guangxi2021, estate));

describe('qinzhouFictionalEstates: 26 fictional self-checks', () => {
  it('are 26 valid guangxi-2021 assessments with unique ids, every fact in the catalog', () => {
    expect(qinzhouFictionalEstates).toHaveLength(qinzhouPlan.total);
    expect(new Set(qinzhouFictionalEstates.map((estate) => estate.id)).size).toBe(26);
    const catalog = new Set(Object.keys(guangxi2021.facts));
    for (const estate of qinzhouFictionalEstates) {
      expect(estate.ruleSet).toBe('guangxi-2021');
      for (const fact of Object.keys(estate.facts)) expect(catalog, `${estate.id} ${fact}`).toContain(fact);
    }
    // evaluate validates each assessment against the catalog and throws INVALID_ASSESSMENT otherwise.
    expect(results.every((result) => result.inScope)).toBe(true);
  });

  it('are marked fictional, each of them and the data set, in both languages', () => {
    for (const estate of qinzhouFictionalEstates) expect(estate.community.fictional).toBe(true);
    expect(qinzhouFictionalEstatesNotice.zh).toMatch(/^虚构数据/);
    expect(qinzhouFictionalEstatesNotice.en).toMatch(/^Fictional data/);
    expect(document.notice).toEqual(qinzhouFictionalEstatesNotice);
  });

  it('name the 2021 cohort by the plan, with its area and level; every other name is marked invented', () => {
    const byName = new Map(qinzhouFictionalEstates.map((estate) => [estate.community.name, estate]));
    for (const named of qinzhou2021Cohort) {
      const estate = byName.get(named.name);
      expect(estate, named.name).toBeDefined();
      expect(estate?.community.area).toBe(named.area);
      expect(estate?.community.level).toBe(named.level);
    }
    const cohortNames = new Set(qinzhou2021Cohort.map((estate) => estate.name));
    const others = qinzhouFictionalEstates.filter((estate) => !cohortNames.has(estate.community.name));
    expect(others).toHaveLength(15);
    for (const estate of others) expect(estate.community.name).toMatch(/（虚构）$/);
  });

  it('place the estates in the survey areas of 五（一） (24 there; 2 more in 钦南区)', () => {
    const counts: Record<string, number> = {};
    for (const estate of qinzhouFictionalEstates)
      counts[estate.community.area] = (counts[estate.community.area] ?? 0) + 1;
    expect(counts).toEqual({ 市本级: 8, 钦南区: 6, 钦北区: 1, 灵山县: 4, 浦北县: 3, 自贸区钦州港片区: 4 });
    expect(qinzhouFictionalEstates.every((estate) => Number(estate.facts.rentalHouseholds) >= 200)).toBe(
      true,
    );
  });

  it('mix verdicts: 9 eligible, 13 a few fixes away, 4 far, one with unanswered questions', () => {
    const fixes = results.map((result) => planRemediation(guangxi2021, result));
    expect(fixes.every((plan) => plan.feasible)).toBe(true);
    const stepCounts = fixes.map((plan) => plan.steps.length);
    expect(stepCounts.filter((count) => count === 0)).toHaveLength(9);
    expect(stepCounts.filter((count) => count >= 1 && count <= 4)).toHaveLength(13);
    expect(stepCounts.filter((count) => count >= 5)).toHaveLength(4);
    expect(results.filter((result) => result.missingFacts.length > 0)).toHaveLength(1);
    expect(
      results.some((result) => result.reasons.some((reason) => reason.code === 'REQUIREMENT_UNCOVERED')),
    ).toBe(true);
  });
});
