import { compileRuleSet, factsReadBy } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { guangxiDepartments } from '../departments/departments.js';
import { guangxiSamples } from '../samples/samples.js';
import { guangxi2021 } from './guangxi-2021.js';

const requirements = guangxi2021.aspects.flatMap((aspect) => aspect.requirements);
const standards = requirements.flatMap((requirement) => requirement.standards);

describe('guangxi2021: the official structure', () => {
  it('has the 5 aspects in the plan order with their official names', () => {
    expect(guangxi2021.id).toBe('guangxi-2021');
    expect(guangxi2021.aspects.map((aspect) => aspect.title.zh)).toEqual([
      '政府职责',
      '小区管理',
      '服务管理',
      '环境管理',
      '满意度调查',
    ]);
  });

  it('has 24 requirements and 65 standards, each requirement with at least one', () => {
    expect(requirements).toHaveLength(24);
    expect(standards).toHaveLength(65);
    expect(requirements.every((requirement) => requirement.standards.length >= 1)).toBe(true);
  });

  it('scores by compliance rate: 85%, at least one standard met per requirement, N/A excluded', () => {
    expect(guangxi2021.scoring).toEqual({
      mode: 'compliance-rate',
      threshold: 0.85,
      minMetPerRequirement: 1,
      notApplicable: 'exclude',
    });
  });

  it('scopes to built, occupied public-rental estates with at least 200 rental households', () => {
    expect(guangxi2021.scope).toEqual({
      all: [
        { fact: 'housingType', operator: 'equal', value: 'public-rental' },
        { fact: 'occupied', operator: 'equal', value: true },
        { fact: 'rentalHouseholds', operator: 'greaterThanInclusive', value: 200 },
      ],
    });
  });
});

describe('guangxi2021: drafted content is marked provisional', () => {
  it('says provisional in its provenance and that the official text is not available', () => {
    expect(guangxi2021.provenance.status).toBe('provisional');
    expect(guangxi2021.provenance.source).toContain('not available');
    expect(guangxi2021.provenance.notes).toContain('不是官方文本');
  });

  it('gives every standard a basis, Chinese and English titles, evidence and responsible departments', () => {
    for (const standard of standards) {
      expect(standard.basis, standard.id).toMatch(/\S/);
      expect(standard.title.en, standard.id).toMatch(/\S/);
      expect(standard.evidence?.length, standard.id).toBeGreaterThan(0);
      expect(standard.responsible?.length, standard.id).toBeGreaterThan(0);
    }
  });

  it('names only known departments', () => {
    const known = new Set(guangxiDepartments.map((department) => department.id));
    expect(known.size).toBe(15);
    const used = new Set(standards.flatMap((standard) => standard.responsible ?? []));
    expect([...used].filter((id) => !known.has(id))).toEqual([]);
  });

  it('reads measured facts where a standard is measurable, and declares a question for each fact', () => {
    const measured = Object.entries(guangxi2021.facts).filter(
      ([, fact]) => fact.type === 'number' || fact.type === 'integer',
    );
    expect(measured.map(([id]) => id)).toEqual(
      expect.arrayContaining(['cctvCoverage', 'greeningRate', 'satisfactionRate']),
    );
    expect(guangxi2021.facts.cctvCoverage).toMatchObject({ min: 0, max: 1 });
    const read = new Set(
      standards.flatMap((standard) => [
        ...factsReadBy(standard.condition),
        ...factsReadBy(standard.applicableWhen),
      ]),
    );
    for (const factId of factsReadBy(guangxi2021.scope)) read.add(factId);
    expect(Object.keys(guangxi2021.facts).filter((factId) => !read.has(factId))).toEqual([]);
  });
});

describe('the sample assessments', () => {
  const evaluator = compileRuleSet(guangxi2021);
  const realEstates = ['家兴苑', '安惠', '香山', '鲤鱼岭', '人民医院'];

  it.each(Object.entries(guangxiSamples))('%s is a clearly fictional estate', (_name, sample) => {
    expect(sample.community.name).toContain('虚构');
    expect(sample.community.fictional).toBe(true);
    expect(realEstates.some((name) => sample.community.name.includes(name))).toBe(false);
  });

  it('cover every kind of verdict', () => {
    const verdict = (sample: keyof typeof guangxiSamples) => {
      const result = evaluator.evaluate(guangxiSamples[sample]);
      return {
        eligible: result.eligible,
        reasons: result.reasons.map((reason) => reason.code),
        missing: result.missingFacts,
      };
    };
    expect(verdict('eligible')).toEqual({ eligible: true, reasons: [], missing: [] });
    expect(verdict('belowThreshold')).toEqual({ eligible: false, reasons: ['BELOW_THRESHOLD'], missing: [] });
    expect(verdict('uncoveredRequirement')).toEqual({
      eligible: false,
      reasons: ['REQUIREMENT_UNCOVERED'],
      missing: [],
    });
    expect(verdict('outOfScope')).toEqual({ eligible: false, reasons: ['OUT_OF_SCOPE'], missing: [] });
    expect(verdict('missingData')).toEqual({
      eligible: false,
      reasons: ['BELOW_THRESHOLD', 'MISSING_DATA'],
      missing: ['distanceToKindergarten', 'cctvCoverage', 'satisfactionRate'],
    });
  });

  it('puts the eligible sample at 93.75% with one standard not applicable', () => {
    const result = evaluator.evaluate(guangxiSamples.eligible);
    expect(result.compliance).toEqual({ met: 60, applicable: 64, total: 65, rate: 0.9375 });
  });
});
