import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Assessment,
  type Condition,
  compileRuleSet,
  defineRuleSet,
  type EvaluationResult,
  evaluate,
  type RuleSet,
  type RuleSetInput,
} from '../../src/index.js';
import { evaluateWithJsonRulesEngine } from '../../src/json-rules-engine/index.js';
import { EvaluationResultSchema } from '../../src/result/schema.js';
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
  cyclicValue,
  quarantined,
  shallowValueArbitrary,
  truncatedJsonArbitrary,
} from './hostile-values.js';
import { mutatedArbitrary } from './mutate.js';

afterAll(() => reportInputCounts('fuzz-evaluate'));

const guangxiEvaluator = compileRuleSet(guangxi2021);
const pointsEvaluator = compileRuleSet(pointsRuleSet);

/** What a user checks of a result: its documented shape, and a verdict that agrees with its reasons. */
/** The aspects of a rule set with one aspect `a`, one requirement `r` and one standard `s`. */
function oneStandard(condition: Condition, extra: { points?: number } = {}): RuleSetInput['aspects'] {
  const standard = { id: 's', title: { zh: 's' }, condition, ...extra };
  return [
    { id: 'a', title: { zh: 'a' }, requirements: [{ id: 'r', title: { zh: 'r' }, standards: [standard] }] },
  ];
}

function expectValidResult(result: EvaluationResult): void {
  const parsed = EvaluationResultSchema.safeParse(result);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  expect(result.eligible).toBe(result.reasons.length === 0);
  expect(result.compliance.met).toBeLessThanOrEqual(result.compliance.applicable);
  if (result.eligible) expect(result.inScope).toBe(true);
}

function checkEvaluation(run: () => EvaluationResult, inputs: string): void {
  const outcome = expectRubricErrorOrValue(run, { entryPoint: inputs });
  if (outcome?.ok) expectValidResult(outcome.value);
  else if (outcome) expect(['INVALID_ASSESSMENT', 'INVALID_RULE_SET']).toContain(outcome.error.code);
}

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

describe('bugs this suite found, now fixed', { timeout: FUZZ_TIMEOUT }, () => {
  const withFact = (value: unknown) => ({ ...inScopeFailingAssessment, facts: { occupied: value } });

  // BUG-2: read-facts describeValue → check-semantics show() calls JSON.stringify on the wrong value, which
  // throws on a BigInt ("Do not know how to serialize a BigInt") and on a cycle ("Converting circular
  // structure to JSON"); evaluate throws a TypeError instead of INVALID_ASSESSMENT.
  it('BUG-2: a BigInt fact value gives INVALID_ASSESSMENT, not a TypeError', () => {
    checkEvaluation(() => guangxiEvaluator.evaluate(withFact(quarantined.bigint!()) as Assessment), 'bug');
  });

  it('BUG-2: a cyclic fact value gives INVALID_ASSESSMENT, not a TypeError', () => {
    checkEvaluation(() => guangxiEvaluator.evaluate(withFact(cyclicValue()) as Assessment), 'bug');
  });

  // The JSON-reachable form of BUG-2: JSON.stringify recurses, and 20,000 levels overflow the stack.
  it('BUG-2: a 20,000-deep fact value (valid JSON) gives INVALID_ASSESSMENT, not a RangeError', () => {
    const text = `{"id":"a","community":{"name":"n"},"facts":{"occupied":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
    checkEvaluation(() => guangxiEvaluator.evaluate(JSON.parse(text)), 'bug');
  });

  // BUG-6: a point value whose decimal scale overflows (5e-324 needs 10^324, which is Infinity as a number)
  // makes pointsScale Infinity: the result has score.max NaN (null in JSON) and an ineligible verdict
  // with no reasons.
  it('BUG-6: points of 5e-324 give a valid result (finite score, reasons when ineligible)', () => {
    const ruleSet: RuleSetInput = {
      ...pointsDocument,
      scoring: { mode: 'points', passMark: 0 },
      aspects: oneStandard({ fact: 'occupied', operator: 'equal', value: true }, { points: 5e-324 }),
    };
    checkEvaluation(
      () =>
        evaluate(defineRuleSet(ruleSet), { id: 'a', community: { name: 'n' }, facts: { occupied: false } }),
      'bug',
    );
  });

  // BUG-7: the json-rules-engine backend decides "missing" with `factId in facts`, which also sees
  // Object.prototype: a fact named toString (or valueOf, hasOwnProperty, isPrototypeOf…) that the
  // assessment leaves out is "unmet" there but "missing-data" in the compiled evaluator.
  it('BUG-7: json-rules-engine agrees with the compiled evaluator on a missing fact named toString', async () => {
    const { scope: _scope, ...unscoped } = pointsDocument;
    const ruleSet: RuleSetInput = {
      ...unscoped,
      facts: { toString: { type: 'boolean' as const, title: { zh: 't' } } },
      scoring: { mode: 'compliance-rate', threshold: 0.5 },
      aspects: oneStandard({ fact: 'toString', operator: 'equal', value: true }),
    };
    const assessment = { id: 'a', community: { name: 'n' }, facts: {} };
    const compiled = evaluate(defineRuleSet(ruleSet), assessment);
    const reference = await evaluateWithJsonRulesEngine(defineRuleSet(ruleSet), assessment);
    expect(compiled.standards[0]?.outcome).toBe('missing-data');
    expect(reference).toEqual(compiled);
  });
});
