import { defineTargetPlan } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { areaCosts, qinzhouSurveyAreaCosts } from './area-costs.js';

describe('areaCosts: the per-estate figure of each survey area, or none', () => {
  it('gives the county tier to 灵山县, 浦北县 and 钦北区, and no figure to 市辖区 and the free-trade zone', () => {
    expect(
      qinzhouSurveyAreaCosts.map((cost) => [
        cost.area,
        cost.estates,
        cost.level,
        cost.figure?.amount ?? null,
      ]),
    ).toEqual([
      ['市辖区', 12, null, null],
      ['灵山县', 4, 'county', 200_000],
      ['浦北县', 3, 'county', 200_000],
      ['钦北区', 1, 'county', 200_000],
      ['自贸区钦州港片区', 4, null, null],
    ]);
    const zone = qinzhouSurveyAreaCosts.find((cost) => cost.area === '自贸区钦州港片区');
    expect(zone?.words.en).toMatch(/^No figure in the plan: the 4 estates of 自贸区钦州港片区/);
    expect(zone?.words.zh).toMatch(/^方案未给出经费标准/);
    expect(qinzhouSurveyAreaCosts.find((cost) => cost.area === '灵山县')?.words.zh).toBe(
      '灵山县4个小区按县级计，每个不低于20万元（六（二））。',
    );
  });

  it('takes a level declared in the plan’s areas first, and is empty without an area breakdown', () => {
    const plan = defineTargetPlan({
      total: 2,
      milestones: [{ year: 2030, count: 2 }],
      breakdowns: [{ name: 'by area', by: 'area', parts: { A: 2 } }],
      areas: [{ name: 'A', level: 'city' }],
    });
    expect(areaCosts(plan).map((cost) => cost.figure?.amount)).toEqual([2_000_000]);
    expect(areaCosts(defineTargetPlan({ total: 2, milestones: [{ year: 2030, count: 2 }] }))).toEqual([]);
  });
});
