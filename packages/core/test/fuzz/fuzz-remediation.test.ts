import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type EvaluationResult,
  evaluate,
  type Outcome,
  planRemediation,
  type RuleSet,
  whatIf,
} from '../../src/index.js';
import { EvaluationResultSchema } from '../../src/result/schema.js';
import { checkPlan, guangxiResults } from './checks.js';
import {
  expectRubricErrorOrValue,
  FUZZ_RUNS,
  FUZZ_TIMEOUT,
  reportInputCounts,
  scaledRuns,
} from './contract.js';
import {
  guangxi2021,
  guangxiDocument,
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
