import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Assessment,
  compileRuleSet,
  type EvaluationResult,
  evaluate,
  type RuleSet,
} from '../../src/index.js';
import { evaluateWithJsonRulesEngine } from '../../src/json-rules-engine/index.js';
import { checkEvaluation, expectValidResult } from './checks.js';
import {
  expectRubricErrorOrValue,
  expectRubricErrorOrValueAsync,
  FUZZ_RUNS,
  FUZZ_TIMEOUT,
  reportInputCounts,
  scaledRuns,
} from './contract.js';
import {
  guangxi2021,
  guangxiAssessments,
  guangxiDocument,
  inScopeFailingAssessment,
  pointsAssessments,
  pointsDocument,
  pointsRuleSet,
} from './documents.js';
import {
  anyJsonArbitrary,
  anyValueArbitrary,
  shallowValueArbitrary,
  truncatedJsonArbitrary,
} from './hostile-values.js';
import { mutatedArbitrary } from './mutate.js';

afterAll(() => reportInputCounts('fuzz-evaluate'));

const guangxiEvaluator = compileRuleSet(guangxi2021);
const pointsEvaluator = compileRuleSet(pointsRuleSet);

const options = fc.record(
  {
    explain: fc.boolean(),
    unknownFacts: fc.constantFrom('error' as const, 'ignore' as const),
  },
  { requiredKeys: [] },
);

describe('evaluate under fuzzing', { timeout: FUZZ_TIMEOUT }, () => {
  it('answers any JSON value as the assessment', () => {
    fc.assert(
      fc.property(anyJsonArbitrary, options, (assessment, evaluateOptions) =>
        checkEvaluation(
          () => evaluate(guangxi2021, assessment as Assessment, evaluateOptions),
          'evaluate (random JSON)',
        ),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers hostile JS values as the assessment', () => {
    fc.assert(
      fc.property(anyValueArbitrary, (assessment) =>
        checkEvaluation(() => guangxiEvaluator.evaluate(assessment as Assessment), 'evaluate (hostile JS)'),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers mutations of valid Guangxi assessments', () => {
    fc.assert(
      fc.property(
        mutatedArbitrary(guangxiAssessments, shallowValueArbitrary),
        options,
        (assessment, evaluateOptions) =>
          checkEvaluation(
            () => evaluate(guangxi2021, assessment as Assessment, evaluateOptions),
            'evaluate (mutated Guangxi assessment)',
          ),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers mutations of valid points-mode assessments (string, date, enum facts)', () => {
    fc.assert(
      fc.property(mutatedArbitrary(pointsAssessments, shallowValueArbitrary), (assessment) =>
        checkEvaluation(
          () => pointsEvaluator.evaluate(assessment as Assessment),
          'evaluate (mutated points assessment)',
        ),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers a valid assessment against mutated rule sets', () => {
    const ruleSets = fc.oneof(
      mutatedArbitrary(fc.constant(guangxiDocument)),
      truncatedJsonArbitrary(guangxiDocument),
    );
    fc.assert(
      fc.property(ruleSets, (ruleSet) =>
        checkEvaluation(
          () => evaluate(ruleSet as RuleSet, inScopeFailingAssessment),
          'evaluate (mutated rule set)',
        ),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers a valid assessment against mutated points-mode rule sets', () => {
    fc.assert(
      fc.property(mutatedArbitrary(fc.constant(pointsDocument)), pointsAssessments, (ruleSet, assessment) =>
        checkEvaluation(() => evaluate(ruleSet as RuleSet, assessment), 'evaluate (mutated points rule set)'),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('json-rules-engine backend: same contract, and the same result as the compiled evaluator', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedArbitrary(guangxiAssessments, shallowValueArbitrary), async (assessment) => {
        const reference = await expectRubricErrorOrValueAsync(
          () => evaluateWithJsonRulesEngine(guangxi2021, assessment as Assessment),
          { entryPoint: 'evaluateWithJsonRulesEngine (mutated assessment)' },
        );
        if (!reference) return;
        if (reference.ok) expectValidResult(reference.value);
        const compiled = expectRubricErrorOrValue(() => guangxiEvaluator.evaluate(assessment as Assessment));
        expect(compiled?.ok).toBe(reference.ok);
        if (compiled?.ok && reference.ok) expect(reference.value).toEqual(compiled.value);
      }),
      { numRuns: scaledRuns(100) },
    );
  });
});

describe('evaluate on huge assessments', () => {
  const tenMegabytes = 'x'.repeat(10 << 20);
  const manyFacts = Object.fromEntries(
    Array.from({ length: 100_000 }, (_, index) => [`fact${index}`, index]),
  );
  const cases: [string, () => EvaluationResult, boolean][] = [
    [
      '100,000 unknown facts (rejected, one issue each)',
      () => guangxiEvaluator.evaluate({ ...inScopeFailingAssessment, facts: { ...manyFacts } }),
      false,
    ],
    [
      '100,000 unknown facts, ignored',
      () =>
        evaluate(
          guangxi2021,
          { ...inScopeFailingAssessment, facts: { ...inScopeFailingAssessment.facts, ...manyFacts } },
          { unknownFacts: 'ignore' },
        ),
      true,
    ],
    [
      'a 10 MB id, community name and district',
      () =>
        guangxiEvaluator.evaluate({
          ...inScopeFailingAssessment,
          id: tenMegabytes,
          community: { name: tenMegabytes, district: tenMegabytes },
        }),
      true,
    ],
    [
      'a 10 MB string fact value',
      () =>
        pointsEvaluator.evaluate({
          id: 'a',
          community: { name: 'n' },
          facts: { occupied: true, operatorName: tenMegabytes },
        }),
      true,
    ],
    [
      'a 10 MB enum value, fact id and assessedAt (rejected)',
      () =>
        guangxiEvaluator.evaluate({
          ...inScopeFailingAssessment,
          assessedAt: tenMegabytes,
          facts: { housingType: tenMegabytes, [tenMegabytes]: true },
        }),
      false,
    ],
  ];
  for (const [name, run, accepted] of cases) {
    it(`answers ${name}`, { timeout: 20_000 }, () => {
      const outcome = expectRubricErrorOrValue(run, { entryPoint: 'evaluate (huge)' });
      expect(outcome?.ok).toBe(accepted);
      if (outcome?.ok) expectValidResult(outcome.value);
    });
  }
});
