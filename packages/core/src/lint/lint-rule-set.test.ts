import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { testRubric } from '../../test/lint-rubric.js';
import { evaluate, type RuleSetInput } from '../index.js';
import { lintRuleSet } from './index.js';

const codes = (input: unknown) => lintRuleSet(input).findings.map((finding) => [finding.code, finding.path]);

/** A standard alone in requirement `index`. */
const standardPath = (index: number) => ['aspects', 0, 'requirements', index, 'standards', 0];
/** Standard `index` of the one shared requirement. */
const sharedPath = (index: number) => ['aspects', 0, 'requirements', 0, 'standards', index];

describe('lintRuleSet: one standard', () => {
  it('proves a standard that no value of its fact meets, and the out-of-range value behind it', () => {
    const input = testRubric({ coverage: { type: 'number', min: 0, max: 1 } }, [
      {
        id: 'S1',
        requirement: 'R',
        condition: { fact: 'coverage', operator: 'greaterThanInclusive', value: 1.5 },
      },
      {
        id: 'S2',
        requirement: 'R',
        condition: { fact: 'coverage', operator: 'greaterThanInclusive', value: 0.9 },
      },
    ]);
    const findings = lintRuleSet(input).findings;
    expect(findings.map((finding) => [finding.code, finding.path])).toEqual([
      ['STANDARD_NEVER_MET', [...standardPath(0), 'condition']],
      ['VALUE_OUT_OF_RANGE', [...standardPath(0), 'condition', 'value']],
    ]);
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.message.en).toContain('"S1" can never be met');
  });

  it('proves a standard whose two bounds on one integer leave no value', () => {
    const input = testRubric({ households: { type: 'integer', min: 0 } }, [
      {
        id: 'S1',
        condition: {
          all: [
            { fact: 'households', operator: 'greaterThan', value: 500 },
            { fact: 'households', operator: 'lessThan', value: 100 },
          ],
        },
      },
      { id: 'S2', condition: { fact: 'households', operator: 'greaterThan', value: 10 } },
    ]);
    expect(codes(input)).toContainEqual(['STANDARD_NEVER_MET', [...standardPath(0), 'condition']]);
  });

  it('tells an integer gap from a number gap: x > 2 and x < 3 holds for no integer but for 2.5', () => {
    const condition = {
      all: [
        { fact: 'x', operator: 'greaterThan', value: 2 },
        { fact: 'x', operator: 'lessThan', value: 3 },
      ],
    } as const;
    const other = { id: 'S2', condition: { fact: 'x', operator: 'equal', value: 0 } } as const;
    expect(codes(testRubric({ x: { type: 'integer' } }, [{ id: 'S1', condition }, other]))).toContainEqual([
      'STANDARD_NEVER_MET',
      [...standardPath(0), 'condition'],
    ]);
    const asNumber = codes(testRubric({ x: { type: 'number' } }, [{ id: 'S1', condition }, other]));
    expect(asNumber.map(([code]) => code)).not.toContain('STANDARD_NEVER_MET');
  });

  it('finds a standard that never fails, and one that never applies', () => {
    const input = testRubric({ flag: { type: 'boolean' }, count: { type: 'integer', min: 0, max: 5 } }, [
      { id: 'S1', condition: { fact: 'count', operator: 'lessThanInclusive', value: 5 } },
      {
        id: 'S2',
        condition: { fact: 'flag', operator: 'equal', value: true },
        applicableWhen: { fact: 'count', operator: 'greaterThan', value: 5 },
      },
    ]);
    expect(codes(input)).toEqual([
      ['STANDARD_ALWAYS_MET', [...standardPath(0), 'condition']],
      ['STANDARD_NEVER_APPLICABLE', [...standardPath(1), 'applicableWhen']],
    ]);
  });

  it('decides comparisons between two facts exactly, including equality inside one interval', () => {
    const facts = {
      a: { type: 'integer', min: 0, max: 10 },
      b: { type: 'integer', min: 0, max: 10 },
    } as const;
    const never = testRubric(facts, [
      {
        id: 'S1',
        condition: {
          all: [
            { fact: 'a', operator: 'greaterThan', value: { fact: 'b' } },
            { fact: 'b', operator: 'greaterThanInclusive', value: 10 },
          ],
        },
      },
      { id: 'S2', condition: { fact: 'a', operator: 'equal', value: { fact: 'b' } } },
    ]);
    const found = codes(never);
    expect(found).toContainEqual(['STANDARD_NEVER_MET', [...standardPath(0), 'condition']]);
    expect(found.map(([code]) => code)).not.toContain('STANDARD_ALWAYS_MET');
  });

  it('keeps two facts of one interval apart: a > b with both strictly between 0 and 3 is met by a = 2, b = 1', () => {
    const facts = { a: { type: 'integer', min: 0, max: 3 }, b: { type: 'integer', min: 0, max: 3 } } as const;
    const squeezed = {
      all: [
        { fact: 'a', operator: 'greaterThan', value: { fact: 'b' } },
        { fact: 'a', operator: 'lessThan', value: 3 },
        { fact: 'b', operator: 'greaterThan', value: 0 },
      ],
    } as const;
    const unbounded = { fact: 'x', operator: 'greaterThan', value: { fact: 'y' } } as const;
    const input = testRubric({ ...facts, x: { type: 'number' }, y: { type: 'number' } }, [
      { id: 'S1', requirement: 'R', condition: squeezed },
      { id: 'S2', requirement: 'R', condition: unbounded },
    ]);
    expect(codes(input)).toEqual([]);
  });
});

describe('lintRuleSet: scope and custom operators', () => {
  it('reports a scope that no estate meets, and stops there', () => {
    const input = testRubric({ kind: { type: 'enum', values: ['a', 'b'] } }, [
      { id: 'S1', condition: { fact: 'kind', operator: 'equal', value: 'a' } },
    ]);
    const scoped = {
      ...input,
      scope: {
        all: [
          { fact: 'kind', operator: 'equal', value: 'a' },
          { fact: 'kind', operator: 'equal', value: 'b' },
        ],
      },
    } as RuleSetInput;
    expect(codes(scoped)).toEqual([['SCOPE_EXCLUDES_ALL', ['scope']]]);
  });

  it('asks standards within the scope: a standard only out-of-scope estates meet is never met', () => {
    const input = testRubric({ kind: { type: 'enum', values: ['a', 'b'] }, flag: { type: 'boolean' } }, [
      { id: 'S1', requirement: 'R', condition: { fact: 'kind', operator: 'equal', value: 'b' } },
      { id: 'S2', requirement: 'R', condition: { fact: 'flag', operator: 'equal', value: true } },
    ]);
    const scoped = { ...input, scope: { fact: 'kind', operator: 'equal', value: 'a' } } as RuleSetInput;
    expect(codes(scoped)).toContainEqual(['STANDARD_NEVER_MET', [...standardPath(0), 'condition']]);
  });

  it('does not judge the value of a custom operator against its fact range', () => {
    const within = {
      name: 'withinPoints',
      factTypes: ['number'] as const,
      valueKind: 'scalar' as const,
      evaluate: (fact: unknown, value: unknown) => Number(fact) * 100 <= Number(value),
    };
    const input = testRubric({ share: { type: 'number', min: 0, max: 1 } }, [
      { id: 'S1', condition: { fact: 'share', operator: 'withinPoints', value: 50 } },
    ]);
    expect(lintRuleSet(input, { operators: [within] }).findings).toEqual([]);
  });

  it('states what a custom operator decides as undecided, never as a finding', () => {
    const startsWith = {
      name: 'startsWith',
      factTypes: ['string'] as const,
      valueKind: 'scalar' as const,
      evaluate: (fact: unknown, value: unknown) => String(fact).startsWith(String(value)),
    };
    const input = testRubric({ name: { type: 'string' }, flag: { type: 'boolean' } }, [
      { id: 'S1', requirement: 'R', condition: { fact: 'name', operator: 'startsWith', value: 'x' } },
      {
        id: 'S2',
        requirement: 'R',
        condition: {
          all: [
            { fact: 'name', operator: 'startsWith', value: 'x' },
            { fact: 'flag', operator: 'equal', value: true },
            { fact: 'flag', operator: 'equal', value: false },
          ],
        },
      },
    ]);
    const result = lintRuleSet(input, { operators: [startsWith] });
    // S2 is false whatever the custom operator says: proved. S1 depends on it alone: undecided.
    expect(result.findings.map((finding) => [finding.code, finding.path])).toEqual([
      ['STANDARD_NEVER_MET', [...sharedPath(1), 'condition']],
    ]);
    expect(result.undecided.map((entry) => [entry.check, entry.path])).toContainEqual([
      'STANDARD_NEVER_MET',
      [...sharedPath(0), 'condition'],
    ]);
    expect(result.undecided.map((entry) => entry.check)).toContain('NEVER_ELIGIBLE');
  });
});

describe('lintRuleSet: between standards', () => {
  const facts = { count: { type: 'integer', min: 0, max: 100 } } as const;

  it('finds two standards that always agree', () => {
    const input = testRubric(facts, [
      { id: 'S1', condition: { fact: 'count', operator: 'greaterThanInclusive', value: 10 } },
      { id: 'S2', condition: { fact: 'count', operator: 'greaterThan', value: 9 } },
    ]);
    expect(codes(input)).toEqual([['STANDARDS_EQUIVALENT', standardPath(1)]]);
  });

  it('finds two standards no estate meets together', () => {
    const input = testRubric(facts, [
      { id: 'S1', requirement: 'R', condition: { fact: 'count', operator: 'greaterThan', value: 50 } },
      { id: 'S2', requirement: 'R', condition: { fact: 'count', operator: 'lessThan', value: 20 } },
    ]);
    expect(codes(input)).toEqual([['STANDARDS_CONTRADICT', sharedPath(1)]]);
  });

  it('finds a standard that implies another, with a witness meeting only the weaker one', () => {
    const input = testRubric(facts, [
      { id: 'S1', condition: { fact: 'count', operator: 'greaterThan', value: 50 } },
      { id: 'S2', condition: { fact: 'count', operator: 'greaterThan', value: 20 } },
    ]);
    const [finding] = lintRuleSet(input).findings;
    expect(finding).toMatchObject({ code: 'STANDARD_IMPLIES', severity: 'info', path: standardPath(0) });
    const outcomes = evaluate(input, finding!.witness).standards.map((standard) => standard.outcome);
    expect(outcomes).toEqual(['unmet', 'met']);
  });
});

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
    const result = evaluate(input, finding.witness);
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
    const shown = evaluate(copy, neverEligible.witness);
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
