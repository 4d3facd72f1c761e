import { describe, expect, it } from 'vitest';
import { testRubric } from '../../test/lint-rubric.js';
import { defineRuleSet, evaluate, type RuleSetInput } from '../index.js';
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
    const outcomes = evaluate(defineRuleSet(input), finding!.witness!).standards.map(
      (standard) => standard.outcome,
    );
    expect(outcomes).toEqual(['unmet', 'met']);
  });
});
