import { describe, expect, it } from 'vitest';
import { testRubric } from '../../test/lint-rubric.js';
import { defineRuleSet, evaluate } from '../index.js';
import { lintRuleSet } from './index.js';

/** The test rubric with shared conditions (format version 2). */
function withShared(input: ReturnType<typeof testRubric>, conditions: Record<string, unknown>) {
  return { ...input, conditions };
}

describe('lintRuleSet: shared conditions', () => {
  it('decides a standard through its reference: never met, with the proof at the standard', () => {
    const input = withShared(
      testRubric({ coverage: { type: 'number', min: 0, max: 1 }, lifts: { type: 'integer', min: 0 } }, [
        { id: 'S1', requirement: 'R', condition: { condition: 'impossible' } },
        { id: 'S2', requirement: 'R', condition: { fact: 'lifts', operator: 'greaterThan', value: 0 } },
      ]),
      {
        impossible: {
          all: [
            { fact: 'lifts', operator: 'greaterThan', value: 500 },
            { fact: 'lifts', operator: 'lessThan', value: 100 },
          ],
        },
      },
    );
    const findings = lintRuleSet(input).findings.map((finding) => [finding.code, finding.path]);
    expect(findings).toContainEqual([
      'STANDARD_NEVER_MET',
      ['aspects', 0, 'requirements', 0, 'standards', 0, 'condition'],
    ]);
  });

  it('reports a value out of range inside a shared condition once, at the shared condition', () => {
    const input = withShared(
      testRubric({ coverage: { type: 'number', min: 0, max: 1 } }, [
        { id: 'S1', requirement: 'R', condition: { condition: 'covered' } },
        {
          id: 'S2',
          requirement: 'R',
          applicableWhen: { condition: 'covered' },
          condition: { not: { condition: 'covered' } },
        },
      ]),
      { covered: { any: [{ fact: 'coverage', operator: 'greaterThanInclusive', value: 1.5 }] } },
    );
    const outOfRange = lintRuleSet(input).findings.filter((finding) => finding.code === 'VALUE_OUT_OF_RANGE');
    expect(outOfRange.map((finding) => finding.path)).toEqual([['conditions', 'covered', 'any', 0, 'value']]);
  });

  it('relates standards through references: a contradiction, and an implication with its witness', () => {
    const input = withShared(
      testRubric({ lifts: { type: 'integer', min: 0, max: 10 } }, [
        { id: 'S1', requirement: 'R', condition: { condition: 'hasLifts' } },
        { id: 'S2', requirement: 'R', condition: { not: { condition: 'hasLifts' } } },
        { id: 'S3', requirement: 'Q', condition: { condition: 'manyLifts' } },
        { id: 'S4', requirement: 'Q', condition: { fact: 'lifts', operator: 'greaterThan', value: 0 } },
      ]),
      {
        hasLifts: { all: [{ fact: 'lifts', operator: 'greaterThan', value: 0 }] },
        manyLifts: { all: [{ fact: 'lifts', operator: 'greaterThan', value: 5 }] },
      },
    );
    const findings = lintRuleSet(input).findings;
    expect(findings.map((finding) => finding.code)).toContain('STANDARDS_CONTRADICT');
    const implies = findings.find((finding) => finding.code === 'STANDARD_IMPLIES');
    expect(implies?.witness).toBeDefined();
    // The witness tells the two apart: the implied standard met, the implying one not.
    const outcomes = evaluate(defineRuleSet(input), implies!.witness!).standards.map(
      (standard) => standard.outcome,
    );
    expect(outcomes.slice(2)).toEqual(['unmet', 'met']);
  });
});
