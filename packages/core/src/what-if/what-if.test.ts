import { describe, expect, it } from 'vitest';
import {
  assessmentOf,
  booleanFacts,
  booleanRuleSet,
  perfectFacts,
  sampleRuleSet,
} from '../../test/fixtures.js';
import { evaluate } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { whatIf } from './what-if.js';

describe('whatIf', () => {
  const ruleSet = defineRuleSet(booleanRuleSet([10, 2]));
  const result = evaluate(ruleSet, assessmentOf(booleanFacts([10, 2], [8, 0])));

  it('recomputes the verdict and reasons as if standards had other outcomes', () => {
    expect(result.reasons.map((reason) => reason.code)).toEqual(['BELOW_THRESHOLD', 'REQUIREMENT_UNCOVERED']);
    const fixed = whatIf(ruleSet, result, { 's0-8': 'met', 's0-9': 'met', 's1-0': 'met' });
    expect(fixed.eligible).toBe(true);
    expect(fixed.compliance).toEqual({ met: 11, applicable: 12, total: 12, rate: 11 / 12 });
    expect(fixed.standards.find((standard) => standard.id === 's0-8')).toEqual({
      id: 's0-8',
      requirementId: 'r0',
      aspectId: 'a',
      outcome: 'met',
    });
    expect(whatIf(ruleSet, result, {})).toEqual(result);
  });

  it('equals evaluating the changed facts', () => {
    const changed = evaluate(
      ruleSet,
      assessmentOf({ ...booleanFacts([10, 2], [8, 0]), f0_8: true, f1_0: true }),
      { explain: false },
    );
    expect(whatIf(ruleSet, result, { 's0-8': 'met', 's1-0': 'met' })).toEqual(
      expect.objectContaining({
        eligible: false,
        compliance: changed.compliance,
        reasons: changed.reasons,
        requirements: changed.requirements,
      }),
    );
  });

  it('drops missing facts no longer needed and keeps the scope verdict', () => {
    const sample = defineRuleSet(sampleRuleSet());
    const { securityStaff: _s, ...facts } = perfectFacts();
    const withMissing = evaluate(sample, assessmentOf(facts));
    expect(withMissing.missingFacts).toEqual(['securityStaff']);
    expect(whatIf(sample, withMissing, { 's-security-staff': 'met' }).missingFacts).toEqual([]);
    const outOfScope = evaluate(sample, assessmentOf({ ...perfectFacts(), rentalHouseholds: 5 }));
    expect(whatIf(sample, outOfScope, {}).reasons).toEqual(outOfScope.reasons);
  });

  it('keeps the focus verdict, which no outcome changes', () => {
    const focused = defineRuleSet({
      ...sampleRuleSet(),
      focus: { fact: 'rentalHouseholds', operator: 'greaterThanInclusive', value: 500 },
    });
    const { securityStaff: _s, ...facts } = perfectFacts();
    const before = evaluate(focused, assessmentOf(facts));
    expect(before.inFocus).toBe(false);
    const after = whatIf(focused, before, { 's-security-staff': 'met' });
    expect(after).toMatchObject({ inFocus: false, eligible: true });
    const { inFocus: _dropped, ...withoutFocus } = before;
    expect(() => whatIf(focused, withoutFocus, {})).toThrow(/the result has no inFocus/);
    const plain = defineRuleSet(sampleRuleSet());
    const invented = { ...evaluate(plain, assessmentOf(perfectFacts())), inFocus: true };
    expect(() => whatIf(plain, invented, {})).toThrow(/the result has inFocus/);
  });

  it('rejects unknown standard ids', () => {
    expect(() => whatIf(ruleSet, result, { nope: 'met' })).toThrow(/no standard has id "nope"/);
  });
});
