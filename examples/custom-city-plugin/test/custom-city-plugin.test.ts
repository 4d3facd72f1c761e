import { checkTimeline, diffRuleSets, evaluate, planTimeline } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { compareVerdicts, type VerdictComparison } from '../src/compare-verdicts.js';
import { exampleCityPlan } from '../src/example-city-plan.js';
import { createExampleCityRegistry, exampleCityPlugin } from '../src/example-city-plugin.js';
import { exampleCityRuleSet } from '../src/example-city-rule-set.js';
import { allEstates } from '../src/example-estates.js';

const registry = createExampleCityRegistry();
const rows = await compareVerdicts(registry, 'guangxi-2021', 'example-city-2025', allEstates);
const rowOf = (name: string): VerdictComparison => {
  const row = rows.find((candidate) => candidate.estate === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('the Example City rule set', () => {
  it('is a provisional variant of guangxi-2021: 90%, L01 added under R21, S54 removed', () => {
    expect(exampleCityRuleSet.extends).toBe(`guangxi-2021@${guangxi2021.version}`);
    expect(exampleCityRuleSet.provenance.status).toBe('provisional');
    const diff = diffRuleSets(guangxi2021, exampleCityRuleSet);
    expect(diff.ruleSet.find((change) => change.field === 'scoring.threshold')).toMatchObject({
      before: 0.85,
      after: 0.9,
    });
    expect(diff.standards.added).toEqual(['L01']);
    expect(diff.standards.removed).toEqual(['S54']);
    expect(diff.facts.added).toEqual(['hasPocketGarden']);
  });

  it('names the fictional city’s own document as the basis of the local standard', () => {
    const local = exampleCityRuleSet.aspects
      .flatMap((aspect) => aspect.requirements)
      .find((requirement) => requirement.id === 'R21')
      ?.standards.find((standard) => standard.id === 'L01');
    expect(local?.basis).toContain('示例市');
    expect(local?.basis).toContain('虚构');
  });

  it('leaves the base rule set unchanged', () => {
    expect(evaluate(guangxi2021, guangxiSamples.eligible).compliance).toMatchObject({
      met: 60,
      applicable: 64,
    });
  });
});

describe('the Example City plugin in a registry', () => {
  it('registers beside the regional rule set, which its extends needs', () => {
    expect(registry.list().map((entry) => `${entry.id}@${entry.version} ${entry.plugin}`)).toEqual([
      `example-city-2025@1.0.0 ${exampleCityPlugin.name}`,
      `guangxi-2021@${guangxi2021.version} @sunshine-rubric/guangxi`,
    ]);
  });

  it('resolves the local fact from the city register, and leaves it missing for an unknown estate', async () => {
    const known = await registry.resolveFacts(guangxiSamples.eligible, { ruleSet: 'example-city-2025' });
    expect(known.facts.hasPocketGarden).toBe(true);
    const unknown = await registry.resolveFacts(guangxiSamples.missingData, { ruleSet: 'example-city-2025' });
    expect(unknown.facts.hasPocketGarden).toBeUndefined();
  });
});

describe('verdicts that differ from the regional rule set', () => {
  it('枫林苑 at 87.5% is eligible at 85% but not at 90%', () => {
    const row = rowOf('示例·枫林苑公租房小区（虚构）');
    expect(row.regional).toEqual({ eligible: true, met: 56, applicable: 64, reasons: [] });
    expect(row.city).toEqual({ eligible: false, met: 56, applicable: 64, reasons: ['BELOW_THRESHOLD'] });
  });

  it('石榴里 has no pocket garden: the local standard takes it from 90.6% to 89.1%', () => {
    const row = rowOf('示例·石榴里公租房小区（虚构）');
    expect(row.regional).toMatchObject({ eligible: true, met: 58, applicable: 64 });
    expect(row.city).toMatchObject({
      eligible: false,
      met: 57,
      applicable: 64,
      reasons: ['BELOW_THRESHOLD'],
    });
  });

  it('云梯花园 had no greening standard met; its pocket garden covers R21 in Example City', () => {
    const row = rowOf(guangxiSamples.uncoveredRequirement.community.name);
    expect(row.regional.reasons).toEqual(['REQUIREMENT_UNCOVERED']);
    expect(row.city).toMatchObject({ eligible: true, met: 61, applicable: 64 });
  });

  it('the regional-eligible sample at 93.75% stays eligible at 90%', () => {
    const row = rowOf(guangxiSamples.eligible.community.name);
    expect(row.regional).toMatchObject({ eligible: true, met: 60, applicable: 64 });
    expect(row.city).toMatchObject({ eligible: true, met: 60, applicable: 64 });
  });

  it('changes exactly those three verdicts of the seven estates', () => {
    expect(rows).toHaveLength(7);
    expect(rows.filter((row) => row.changed).map((row) => row.estate)).toEqual([
      '示例·云梯花园公租房小区（虚构）',
      '示例·枫林苑公租房小区（虚构）',
      '示例·石榴里公租房小区（虚构）',
    ]);
  });
});

describe('the Example City plan', () => {
  it('is consistent: 6 by 2025, 12 by 2026', () => {
    expect(planTimeline(exampleCityPlan).years.map((year) => year.cumulativeTarget)).toEqual([6, 12]);
    expect(checkTimeline(exampleCityPlan).issues).toEqual([]);
  });
});

describe('fiction', () => {
  it('names only the fictional city in what the example writes (the base’s own notes cite its sources)', () => {
    const local = exampleCityRuleSet.aspects
      .flatMap((aspect) => aspect.requirements)
      .flatMap((requirement) => requirement.standards)
      .find((standard) => standard.id === 'L01');
    const text = JSON.stringify([
      exampleCityRuleSet.title,
      exampleCityRuleSet.provenance.source,
      exampleCityRuleSet.facts.hasPocketGarden,
      local,
      exampleCityPlan,
      allEstates.map((estate) => estate.community),
    ]);
    expect(text).toContain('示例市');
    expect(text).not.toMatch(/钦州|南宁|柳州|桂林|Qinzhou|Nanning/);
  });
});
