import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defineRuleSet,
  type EvaluateOptions,
  type EvaluationResult,
  evaluate,
  type Outcome,
  planRemediation,
  type RemediationOptions,
  type RemediationPlan,
  type RuleSet,
  type RuleSetInput,
  whatIf,
} from '../../src/index.js';
import { EvaluationResultSchema } from '../../src/result/schema.js';
import {
  expectRubricErrorOrValue,
  FUZZ_RUNS,
  FUZZ_TIMEOUT,
  reportInputCounts,
  scaledRuns,
} from './contract.js';
import {
  guangxi2021,
  guangxiAssessments,
  guangxiDocument,
  inScopeFailingAssessment as guangxiInScope,
  guangxiResult,
  pointsAssessments,
  pointsDocument,
  pointsRuleSet,
} from './documents.js';
import { anyValueArbitrary, edgeNumbers, includeKnownBugs, shallowValueArbitrary } from './hostile-values.js';
import { cloneJson, mutatedArbitrary } from './mutate.js';

afterAll(() => reportInputCounts('fuzz-remediation'));

const guangxiIds = guangxi2021.aspects.flatMap((aspect) =>
  aspect.requirements.flatMap((requirement) => requirement.standards.map((standard) => standard.id)),
);
const pointsIds = pointsRuleSet.aspects.flatMap((aspect) =>
  aspect.requirements.flatMap((requirement) => requirement.standards.map((standard) => standard.id)),
);

const guangxiResults: fc.Arbitrary<EvaluationResult> = fc.oneof(
  fc.constant(guangxiResult),
  guangxiAssessments.map((assessment) => evaluate(guangxi2021, assessment, { explain: false })),
);
const pointsResults: fc.Arbitrary<EvaluationResult> = pointsAssessments.map((assessment) =>
  evaluate(pointsRuleSet, assessment),
);

/** Costs as a caller might pass them: sane, edge numbers, or anything at all. */
function costValue(): fc.Arbitrary<unknown> {
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
      { weight: 2, arbitrary: fc.constantFrom(...edgeNumbers) },
      // Without 20,000-deep values: BUG-3 (checkCost's message stringifies the cost) is quarantined.
      { weight: 1, arbitrary: shallowValueArbitrary },
    )
    .filter((cost) => includeKnownBugs || !isOverflowingCost(cost));
}

/** BUG-9 (quarantined): a finite cost so large that a sum of two overflows to Infinity. */
function isOverflowingCost(cost: unknown): boolean {
  return typeof cost === 'number' && Number.isFinite(cost) && cost > 1e300;
}

function optionsArbitrary(ids: readonly string[]): fc.Arbitrary<unknown> {
  const costMap = fc.dictionary(fc.oneof(fc.constantFrom(...ids), fc.string()), costValue(), { maxKeys: 8 });
  const costFunction = fc.func(costValue()).map((pick) => (standard: { id: string }) => pick(standard.id));
  return fc.oneof(
    fc.constant(undefined),
    fc.record(
      {
        // A function cost is called; what calling it throws (a class: "cannot be invoked without 'new'")
        // is the caller's, so random functions are left to costFunction, whose results are hostile.
        cost: fc.oneof(
          costMap,
          costFunction,
          anyValueArbitrary.filter((cost) => typeof cost !== 'function'),
        ),
        defaultCost: costValue(),
      },
      { requiredKeys: [] },
    ),
    // BUG-10 (quarantined): null options throw a TypeError.
    anyValueArbitrary.filter((options) => includeKnownBugs || options !== null),
  );
}

/**
 * A plan a user can act on: its total adds up, its steps are standards not met now, and fixing them makes
 * the estate eligible (checked with whatIf, an independent path through the aggregation).
 */
function expectActionablePlan(ruleSet: RuleSet, result: EvaluationResult, plan: RemediationPlan): void {
  expect(Number.isFinite(plan.totalCost) && plan.totalCost >= 0).toBe(true);
  expect(plan.totalCost).toBe(plan.steps.reduce((sum, step) => sum + step.cost, 0));
  const outcomes = new Map(result.standards.map((standard) => [standard.id, standard.outcome]));
  for (const step of plan.steps) expect(['unmet', 'missing-data']).toContain(outcomes.get(step.standardId));
  expect(new Set(plan.steps.map((step) => step.standardId)).size).toBe(plan.steps.length);
  if (!plan.feasible) {
    expect(plan.steps).toEqual([]);
    return;
  }
  const fixed = Object.fromEntries(plan.steps.map((step) => [step.standardId, 'met' as Outcome]));
  expect(whatIf(ruleSet, result, fixed).eligible).toBe(true);
}

function checkPlan(
  ruleSet: RuleSet,
  result: EvaluationResult,
  options: unknown,
  inputs: string,
): RemediationPlan | undefined {
  const outcome = expectRubricErrorOrValue(
    () => planRemediation(ruleSet, result, options as RemediationOptions),
    { entryPoint: inputs },
  );
  if (outcome?.ok) {
    expectActionablePlan(ruleSet, result, outcome.value);
    // Feasibility is about reachability, not price: the same estate with unit costs agrees.
    expect(outcome.value.feasible).toBe(planRemediation(ruleSet, result).feasible);
    return outcome.value;
  }
  if (outcome) expect(outcome.error.code).toBe('INVALID_OPTIONS');
  return undefined;
}

describe('planRemediation under fuzzing', { timeout: FUZZ_TIMEOUT }, () => {
  it('answers valid Guangxi results with any options (cost maps, cost functions, hostile values)', () => {
    fc.assert(
      fc.property(guangxiResults, optionsArbitrary(guangxiIds), (result, options) => {
        checkPlan(guangxi2021, result, options, 'planRemediation (hostile options)');
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers valid points-mode results (aspect minimums) with any options', () => {
    fc.assert(
      fc.property(pointsResults, optionsArbitrary(pointsIds), (result, options) => {
        checkPlan(pointsRuleSet, result, options, 'planRemediation (points, hostile options)');
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers a valid result with mutated rule sets (mismatch is INVALID_OPTIONS or INVALID_RULE_SET)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutatedArbitrary(fc.constant(guangxiDocument)),
          mutatedArbitrary(fc.constant(pointsDocument)),
        ),
        (ruleSet) => {
          const outcome = expectRubricErrorOrValue(() => planRemediation(ruleSet as RuleSet, guangxiResult), {
            entryPoint: 'planRemediation (mutated rule set)',
          });
          if (outcome && !outcome.ok)
            expect(['INVALID_OPTIONS', 'INVALID_RULE_SET']).toContain(outcome.error.code);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('plans from a result that went through JSON (stored, then loaded)', () => {
    fc.assert(
      fc.property(guangxiResults, (result) => {
        const loaded = cloneJson(result);
        const plan = checkPlan(guangxi2021, loaded, undefined, 'planRemediation (JSON round trip)');
        expect(plan).toEqual(planRemediation(guangxi2021, result));
      }),
      { numRuns: scaledRuns(50) },
    );
  });

  it('whatIf: valid outcomes for known standards give a valid result', () => {
    const outcomes = fc.dictionary(
      fc.constantFrom(...guangxiIds),
      fc.constantFrom<Outcome>('met', 'unmet', 'not-applicable', 'missing-data'),
    );
    fc.assert(
      fc.property(guangxiResults, outcomes, (result, changes) => {
        const outcome = expectRubricErrorOrValue(() => whatIf(guangxi2021, result, changes), {
          entryPoint: 'whatIf (valid outcomes)',
        });
        expect(outcome?.ok).toBe(true);
        if (outcome?.ok) expect(EvaluationResultSchema.safeParse(outcome.value).success).toBe(true);
      }),
      { numRuns: scaledRuns(100) },
    );
  });
});

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

  // BUG-8: whatIf takes any value as an outcome ("banana", undefined, 42) and returns a result whose
  // standards carry it, which EvaluationResultSchema rejects; it should throw INVALID_OPTIONS.
  it('BUG-8: whatIf rejects an outcome that is not met/unmet/not-applicable/missing-data', () => {
    const outcome = expectRubricErrorOrValue(
      () => whatIf(guangxi2021, guangxiResult, { S01: 'banana' as Outcome }),
      { entryPoint: 'bug' },
    );
    if (outcome?.ok) expect(EvaluationResultSchema.safeParse(outcome.value).success).toBe(true);
  });
});
