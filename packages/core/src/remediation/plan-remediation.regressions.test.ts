// Regressions the fuzz suites (test/fuzz) found, kept beside the code they guard, each with the input
// that broke it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan, guangxiResults } from '../../test/fuzz/checks.js';
import { expectRubricErrorOrValue, FUZZ_RUNS, FUZZ_TIMEOUT } from '../../test/fuzz/contract.js';
import {
  guangxi2021,
  inScopeFailingAssessment as guangxiInScope,
  guangxiResult,
  pointsDocument,
} from '../../test/fuzz/documents.js';
import { cloneJson, mutatedArbitrary } from '../../test/fuzz/mutate.js';
import {
  defineRuleSet,
  type EvaluateOptions,
  type EvaluationResult,
  evaluate,
  planRemediation,
  type RuleSetInput,
} from '../index.js';

describe('bugs this suite found, now fixed', { timeout: FUZZ_TIMEOUT }, () => {
  // BUG-5: planRemediation (and whatIf) trust `result`: checkResultMatches reads result.standards before
  // any check, and the planner reads result.compliance, result.requirements[i], result.aspects[i] and
  // result.score unchecked. A stored result that lost a field, or null, throws a TypeError.
  it('BUG-5: planRemediation(guangxi2021, null) throws INVALID_OPTIONS, not a TypeError', () => {
    checkPlan(guangxi2021, null as unknown as EvaluationResult, undefined, 'bug');
  });

  it('BUG-5: a result without `compliance` gives INVALID_OPTIONS, not a TypeError', () => {
    const { compliance: _dropped, ...broken } = guangxiResult;
    checkPlan(guangxi2021, broken as EvaluationResult, undefined, 'bug');
  });

  it('BUG-5: mutated results give a plan or INVALID_OPTIONS, never a TypeError', () => {
    fc.assert(
      fc.property(mutatedArbitrary(guangxiResults), (result) => {
        checkPlan(guangxi2021, result as EvaluationResult, undefined, 'bug');
      }),
      { numRuns: FUZZ_RUNS, endOnFailure: true },
    );
  });

  // BUG-6: a point value whose decimal scale overflows (5e-324 needs 10^324, Infinity as a number) makes
  // pointsScale Infinity and every scaled value NaN; emptyTable(NaN) throws "RangeError: Invalid array
  // length" (the million-unit guard compares NaN > 1e6, which is false).
  it('BUG-6: points of 5e-324 give a plan or INVALID_OPTIONS, not a RangeError', () => {
    const ruleSet = cloneJson(pointsDocument) as RuleSetInput & {
      aspects: { requirements: { standards: { points?: number }[] }[] }[];
    };
    ruleSet.aspects[0]!.requirements[0]!.standards[1]!.points = 5e-324;
    // Fixed at the source: points are written to at most 6 decimal places, so the rule set is rejected.
    expect(() => planRemediation(defineRuleSet(ruleSet), guangxiResult)).toThrow(
      /more than 6 decimal places/,
    );
  });

  // BUG-3 (in planRemediation): checkCost builds its message with String(value), which throws a TypeError
  // for a null-prototype object or one with an own non-function toString (`{"toString":0}`, valid JSON).
  it('BUG-3: a defaultCost of {"toString":0} gives INVALID_OPTIONS, not a TypeError', () => {
    checkPlan(guangxi2021, guangxiResult, { defaultCost: JSON.parse('{"toString":0}') }, 'bug');
  });

  it('BUG-3: a 20,000-deep array as defaultCost gives INVALID_OPTIONS, not a RangeError', () => {
    const deep = JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    checkPlan(guangxi2021, guangxiResult, { defaultCost: deep }, 'bug');
  });

  it('BUG-3: a null-prototype cost gives INVALID_OPTIONS, not a TypeError', () => {
    checkPlan(guangxi2021, guangxiResult, { cost: { S01: Object.create(null) } }, 'bug');
  });

  // BUG-10: options are never checked. `options = {}` defaults only undefined, so null options throw
  // "Cannot read properties of null" (planRemediation, evaluate, compileRuleSet's evaluate,
  // defineRuleSet, extendRuleSet); `operators: 5` throws "custom is not iterable" and `operators: [null]`
  // "Cannot read properties of null (reading 'name')". Low severity (options come from code, not data),
  // but the contract says INVALID_OPTIONS.
  it('BUG-10: null options give INVALID_OPTIONS, not a TypeError', () => {
    checkPlan(guangxi2021, guangxiResult, null, 'bug');
  });

  it('BUG-10: evaluate with operators: [null] gives INVALID_OPTIONS, not a TypeError', () => {
    expectRubricErrorOrValue(() =>
      evaluate(guangxi2021, guangxiInScope, { operators: [null] } as unknown as EvaluateOptions),
    );
  });

  // BUG-9: costs are checked to be finite, but sums of them are not: with defaultCost 1e308 every sum of
  // two overflows to Infinity, which the dynamic program reads as "no way", so a reachable target is
  // reported as feasible: false, blockedBy: 'UNREACHABLE' (with unit costs the same estate is feasible).
  // Fixed by bounding costs at 2^53: sums then stay finite.
  it('BUG-9: a cost too large to add is INVALID_OPTIONS, and large safe costs stay feasible', () => {
    expect(planRemediation(guangxi2021, guangxiResult).feasible).toBe(true);
    expect(() => planRemediation(guangxi2021, guangxiResult, { defaultCost: 1e308 })).toThrow(
      /INVALID_OPTIONS/,
    );
    expect(planRemediation(guangxi2021, guangxiResult, { defaultCost: 1e15 }).feasible).toBe(true);
  });
});
