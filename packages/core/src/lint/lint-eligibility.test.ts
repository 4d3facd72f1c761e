import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { testRubric } from '../../test/lint-rubric.js';
import { defineRuleSet, evaluate, type RuleSetInput } from '../index.js';
import { lintRuleSet } from './index.js';

const codes = (input: unknown) => lintRuleSet(input).findings.map((finding) => [finding.code, finding.path]);

describe('lintRuleSet: requirements and eligibility', () => {
  it('finds a requirement no estate covers, and proves eligibility out of reach', () => {
    const input = testRubric({ x: { type: 'integer', min: 0, max: 3 }, flag: { type: 'boolean' } }, [
      { id: 'S1', requirement: 'R1', condition: { fact: 'x', operator: 'greaterThan', value: 3 } },
      { id: 'S2', requirement: 'R2', condition: { fact: 'flag', operator: 'equal', value: true } },
    ]);
    const found = codes(input);
    expect(found).toContainEqual(['REQUIREMENT_NEVER_COVERED', ['aspects', 0, 'requirements', 0]]);
    expect(found).toContainEqual(['NEVER_ELIGIBLE', ['scoring']]);
  });

  it('reads aspect minimums by own keys: an aspect named toString has none unless one is written', () => {
    const facts = {
      f0: { type: 'boolean' as const, title: { zh: '甲' } },
      f1: { type: 'boolean' as const, title: { zh: '乙' } },
    };
    const standard = (id: string, fact: string) => ({
      id,
      title: { zh: id },
      points: 1,
      condition: { fact, operator: 'equal', value: true },
    });
    const input = {
      id: 'built-in-names',
      version: '1.0.0',
      title: { zh: '内置名称' },
      provenance: { status: 'provisional', source: 'test fixture' },
      facts,
      scoring: { mode: 'points', passMark: 2, aspectMinimums: { constructor: 1 } },
      aspects: [
        {
          id: 'toString',
          title: { zh: '甲' },
          requirements: [{ id: 'R0', title: { zh: '甲' }, standards: [standard('S0', 'f0')] }],
        },
        {
          id: 'constructor',
          title: { zh: '乙' },
          requirements: [{ id: 'R1', title: { zh: '乙' }, standards: [standard('S1', 'f1')] }],
        },
      ],
    } as RuleSetInput;
    expect(codes(input)).toEqual([]);
  });

  it('proves eligibility out of reach with the best compliance, and a witness that reaches it', () => {
    // Three standards over one count: at most two can be met together, and the threshold needs all three.
    const input = {
      ...testRubric({ count: { type: 'integer', min: 0, max: 10 } }, [
        { id: 'S1', condition: { fact: 'count', operator: 'greaterThan', value: 5 }, requirement: 'R' },
        { id: 'S2', condition: { fact: 'count', operator: 'lessThan', value: 3 }, requirement: 'R' },
        { id: 'S3', condition: { fact: 'count', operator: 'equal', value: 7 }, requirement: 'R' },
      ]),
      scoring: { mode: 'compliance-rate', threshold: 0.8 },
    } as RuleSetInput;
    const finding = lintRuleSet(input).findings.find((candidate) => candidate.code === 'NEVER_ELIGIBLE')!;
    expect(finding.proof).toEqual({
      bestMet: 2,
      bestApplicable: 3,
      threshold: 0.8,
      requirementsCoverable: true,
    });
    const result = evaluate(defineRuleSet(input), finding.witness!);
    expect([result.compliance.met, result.compliance.applicable, result.eligible]).toEqual([2, 3, false]);
  });

  it('searches eligibility over 10,000 independent groups of facts without running out of stack', () => {
    const count = 10_000;
    const facts = Object.fromEntries(
      Array.from({ length: count }, (_, index) => [
        `f${index}`,
        { type: 'boolean', title: { zh: `f${index}` } },
      ]),
    );
    const requirements = Array.from({ length: count / 10 }, (_, requirement) => ({
      id: `R${requirement}`,
      title: { zh: `R${requirement}` },
      standards: Array.from({ length: 10 }, (_, offset) => {
        const index = requirement * 10 + offset;
        return {
          id: `S${index}`,
          title: { zh: `S${index}` },
          condition: { fact: `f${index}`, operator: 'equal', value: true },
        };
      }),
    }));
    const input = {
      ...testRubric({}, []),
      facts,
      scoring: { mode: 'compliance-rate', threshold: 0.85 },
      aspects: [{ id: 'A', title: { zh: 'A' }, requirements }],
    } as unknown as RuleSetInput;
    expect(lintRuleSet(input)).toEqual({ findings: [], undecided: [] });
  }, 60_000);

  it('proves guangxi-2021 out of reach once both standards of a requirement can never be met', () => {
    const copy = structuredClone(guangxi2021) as unknown as {
      aspects: { requirements: { standards: { condition: unknown; drafted?: unknown }[] }[] }[];
    };
    // R24 (the satisfaction survey) has S64 and S65 only.
    const [s64, s65] = copy.aspects[4]!.requirements[0]!.standards as [
      { condition: unknown; drafted?: unknown },
      { condition: unknown; drafted?: unknown },
    ];
    delete s64.drafted;
    delete s65.drafted;
    s64.condition = { fact: 'cctvCoverage', operator: 'greaterThanInclusive', value: 1.5 };
    s65.condition = {
      all: [
        { fact: 'rentalHouseholds', operator: 'greaterThan', value: 500 },
        { fact: 'rentalHouseholds', operator: 'lessThan', value: 100 },
      ],
    };
    const { findings } = lintRuleSet(copy);
    const r24 = ['aspects', 4, 'requirements', 0];
    expect(
      findings
        .filter((finding) => finding.severity === 'error')
        .map((finding) => [finding.code, finding.path]),
    ).toEqual([
      ['NEVER_ELIGIBLE', ['scoring']],
      ['REQUIREMENT_NEVER_COVERED', r24],
      ['STANDARD_NEVER_MET', [...r24, 'standards', 0, 'condition']],
      ['VALUE_OUT_OF_RANGE', [...r24, 'standards', 0, 'condition', 'value']],
      ['STANDARD_NEVER_MET', [...r24, 'standards', 1, 'condition']],
    ]);
    const neverEligible = findings.find((finding) => finding.code === 'NEVER_ELIGIBLE')!;
    // 63 of 65 clears 85%, but R24 can never be covered.
    expect(neverEligible.proof).toEqual({
      bestMet: 63,
      bestApplicable: 65,
      threshold: 0.85,
      requirementsCoverable: false,
    });
    const shown = evaluate(defineRuleSet(copy), neverEligible.witness!);
    expect([shown.compliance.met, shown.compliance.applicable, shown.eligible]).toEqual([63, 65, false]);
  });

  it('finds nothing wrong with the bundled guangxi-2021 but one implication, fast enough to run in CI', () => {
    const { findings, undecided } = lintRuleSet(guangxi2021);
    expect(findings.map((finding) => [finding.code, finding.path])).toEqual([
      ['STANDARD_IMPLIES', ['aspects', 1, 'requirements', 4, 'standards', 2]],
    ]);
    expect(undecided).toEqual([]);
  });

  it('finds the two never-met standards of a broken copy of guangxi-2021, at their paths', () => {
    const copy = structuredClone(guangxi2021) as unknown as {
      aspects: { requirements: { standards: { condition: unknown; drafted?: unknown }[] }[] }[];
    };
    // S28 (cctvCoverage, a share of at most 1) and S65; their drafted marks name the values replaced.
    const s28 = copy.aspects[1]!.requirements[3]!.standards[0]!;
    const s65 = copy.aspects[4]!.requirements[0]!.standards[1]!;
    delete s28.drafted;
    delete s65.drafted;
    s28.condition = {
      fact: 'cctvCoverage',
      operator: 'greaterThanInclusive',
      value: 1.5,
    };
    s65.condition = {
      all: [
        { fact: 'rentalHouseholds', operator: 'greaterThan', value: 500 },
        { fact: 'rentalHouseholds', operator: 'lessThan', value: 100 },
      ],
    };
    const found = codes(copy);
    expect(found).toContainEqual([
      'STANDARD_NEVER_MET',
      ['aspects', 1, 'requirements', 3, 'standards', 0, 'condition'],
    ]);
    expect(found).toContainEqual([
      'STANDARD_NEVER_MET',
      ['aspects', 4, 'requirements', 0, 'standards', 1, 'condition'],
    ]);
    expect(found).toContainEqual([
      'VALUE_OUT_OF_RANGE',
      ['aspects', 1, 'requirements', 3, 'standards', 0, 'condition', 'value'],
    ]);
  });
});
