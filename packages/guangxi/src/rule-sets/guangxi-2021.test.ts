import { type Assessment, compileRuleSet } from '@sunshine-rubric/core';
import { factsReadBy } from '@sunshine-rubric/core/internal';
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

  it('has 24 requirements and 65 standards, each requirement with at least two (二（二）)', () => {
    expect(requirements).toHaveLength(24);
    expect(standards).toHaveLength(65);
    expect(requirements.every((requirement) => requirement.standards.length >= 2)).toBe(true);
  });

  it('names the policy documents the campaign rests on (the plan’s preamble) in its provenance', () => {
    expect(guangxi2021.provenance.basis?.map((document) => document.number)).toEqual([
      '建保〔2019〕55号',
      '桂政办电〔2020〕104号',
      '桂建保〔2021〕3号',
    ]);
  });

  it('scores by compliance rate: 85%, at least one standard met per requirement, N/A excluded', () => {
    expect(guangxi2021.scoring).toEqual({
      mode: 'compliance-rate',
      threshold: 0.85,
      minMetPerRequirement: 1,
      notApplicable: 'exclude',
    });
  });

  it('scopes to built, occupied affordable housing and reports public-rental estates of 200+ households as the focus (二（一）)', () => {
    expect(guangxi2021.scope).toEqual({
      all: [
        {
          fact: 'housingType',
          operator: 'in',
          value: ['public-rental', 'low-rent', 'shantytown-resettlement', 'other'],
        },
        { fact: 'occupied', operator: 'equal', value: true },
      ],
    });
    expect(guangxi2021.focus).toEqual({
      all: [
        { fact: 'housingType', operator: 'equal', value: 'public-rental' },
        { fact: 'rentalHouseholds', operator: 'greaterThanInclusive', value: 200 },
      ],
    });
  });
});

describe('guangxi2021: the focus is not a filter (二（一）：全市已建成入住的保障性住房小区，重点在200户以上租赁型的公共租赁住房小区)', () => {
  const evaluator = compileRuleSet(guangxi2021);
  const estate = (facts: Record<string, unknown>) => ({
    ...guangxiSamples.eligible,
    facts: { ...guangxiSamples.eligible.facts, ...facts },
  });

  it('keeps a 150-household public-rental estate in scope, outside the focus, with the verdict its standards give', () => {
    const result = evaluator.evaluate(estate({ rentalHouseholds: 150 }) as Assessment);
    expect(result).toMatchObject({ inScope: true, inFocus: false, eligible: true, reasons: [] });
    expect(evaluator.evaluate(guangxiSamples.eligible)).toMatchObject({ inFocus: true, eligible: true });
  });

  it.each(['low-rent', 'shantytown-resettlement', 'other'])(
    'keeps a built, occupied %s estate in scope and outside the focus',
    (housingType) => {
      const result = evaluator.evaluate(estate({ housingType }) as Assessment);
      expect(result).toMatchObject({ inScope: true, inFocus: false, eligible: true });
    },
  );

  it('leaves housing that is not affordable housing, or not yet occupied, out of scope', () => {
    expect(evaluator.evaluate(estate({ housingType: 'not-affordable' }) as Assessment).reasons).toEqual([
      expect.objectContaining({ code: 'OUT_OF_SCOPE', facts: ['housingType'] }),
    ]);
    expect(evaluator.evaluate(estate({ occupied: false }) as Assessment).reasons).toEqual([
      expect.objectContaining({ code: 'OUT_OF_SCOPE', facts: ['occupied'] }),
    ]);
  });

  it('reports the focus as unknown (null) when the rental households are not given, and decides nothing by it', () => {
    const { rentalHouseholds: _r, ...facts } = guangxiSamples.eligible.facts;
    const result = evaluator.evaluate({ ...guangxiSamples.eligible, facts });
    expect(result).toMatchObject({ inScope: true, inFocus: null, eligible: true, missingFacts: [] });
  });
});

describe('guangxi2021: nothing the plan only encourages decides eligibility (六（二）：同时鼓励…合理利用小区内闲置储物房、空地)', () => {
  it('keeps an estate eligible that has not repurposed idle space but has a shop on its premises', () => {
    const facts = { ...guangxiSamples.eligible.facts, idleSpaceRepurposed: false };
    const result = compileRuleSet(guangxi2021).evaluate({ ...guangxiSamples.eligible, facts });
    // 59 of 64 (92.2%): under 0.1.0 this estate was REQUIREMENT_UNCOVERED for R19 alone.
    expect(result).toMatchObject({ eligible: true, reasons: [], compliance: { met: 59, applicable: 64 } });
    expect(result.requirements.find((requirement) => requirement.id === 'R19')).toMatchObject({
      met: 1,
      applicable: 2,
      satisfied: true,
    });
  });

  it('types S52 as resting on an encouragement, in a requirement with another standard', () => {
    const r19 = requirements.find((requirement) => requirement.id === 'R19')!;
    expect(r19.standards.map((standard) => standard.id)).toEqual(['S43', 'S52']);
    expect(r19.standards[1]!.grounds).toEqual([
      expect.objectContaining({ clause: '六（二）', encouraged: true }),
    ]);
  });
});

describe('guangxi2021: drafted content is marked provisional', () => {
  it('says provisional in its provenance and that the official text is not available', () => {
    expect(guangxi2021.provenance.status).toBe('provisional');
    expect(guangxi2021.provenance.source).toContain('not available');
    expect(guangxi2021.provenance.notes).toContain('不是官方文本');
  });

  it('gives every standard a basis, typed grounds, Chinese and English titles, evidence and responsible departments', () => {
    for (const standard of standards) {
      expect(standard.basis, standard.id).toMatch(/\S/);
      expect(standard.grounds?.length, standard.id).toBeGreaterThan(0);
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
    for (const factId of [...factsReadBy(guangxi2021.scope), ...factsReadBy(guangxi2021.focus)])
      read.add(factId);
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
    expect(evaluator.evaluate(guangxiSamples.outOfScope).reasons[0]).toMatchObject({ facts: ['occupied'] });
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
