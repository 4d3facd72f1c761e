import { fc, test } from '@fast-check/vitest';
import { assessmentArbitrary, explanationDisagreements, ruleSetArbitrary } from '@sunshine-rubric/testing';
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { createJsonRulesEngineEvaluator } from './evaluate-with-json-rules-engine.js';

// At least 1,000 random rule sets and assessments in CI; DIFFERENTIAL_RUNS=100000 for a long local run.
const numRuns = Number(process.env.DIFFERENTIAL_RUNS ?? 1000);
const pairs = ruleSetArbitrary().chain((ruleSet) =>
  fc.tuple(
    fc.constant(ruleSet),
    fc.array(assessmentArbitrary(defineRuleSet(ruleSet)), { minLength: 1, maxLength: 3 }),
  ),
);

describe('the compiled evaluator and the json-rules-engine reference', () => {
  test.prop([pairs], { numRuns })(
    'give deep-equal results, with and without explanations',
    async ([ruleSet, assessments]) => {
      const compiled = compileRuleSet(defineRuleSet(ruleSet));
      const reference = createJsonRulesEngineEvaluator(defineRuleSet(ruleSet));
      const referenceVerdictOnly = createJsonRulesEngineEvaluator(defineRuleSet(ruleSet), { explain: false });
      for (const assessment of assessments) {
        expect(compiled.evaluate(assessment)).toEqual(await reference.evaluate(assessment));
        expect(compiled.evaluate(assessment, { explain: false })).toEqual(
          await referenceVerdictOnly.evaluate(assessment),
        );
      }
    },
    120_000,
  );
});

// Format version 2: shared conditions (references anywhere a condition stands, also inside one another)
// and fact-to-fact leaves, together.
const versionTwoPairs = ruleSetArbitrary({
  sharedConditions: true,
  factComparisons: true,
  aspectMinimums: true,
})
  .map((ruleSet) => defineRuleSet(ruleSet))
  .chain((ruleSet) =>
    fc.tuple(fc.constant(ruleSet), fc.array(assessmentArbitrary(ruleSet), { minLength: 1, maxLength: 3 })),
  );

describe('with shared conditions and fact comparisons, the two backends', () => {
  test.prop([versionTwoPairs], { numRuns: Math.ceil(numRuns / 2) })(
    'give deep-equal results, explained consistently, with and without explanations',
    async ([ruleSet, assessments]) => {
      const compiled = compileRuleSet(ruleSet);
      const reference = createJsonRulesEngineEvaluator(ruleSet);
      const referenceVerdictOnly = createJsonRulesEngineEvaluator(ruleSet, { explain: false });
      for (const assessment of assessments) {
        const result = compiled.evaluate(assessment);
        expect(result).toEqual(await reference.evaluate(assessment));
        expect(explanationDisagreements(result, assessment)).toEqual([]);
        expect(compiled.evaluate(assessment, { explain: false })).toEqual(
          await referenceVerdictOnly.evaluate(assessment),
        );
      }
    },
    120_000,
  );

  it('see both features often: the property is not vacuous', () => {
    const samples = fc.sample(versionTwoPairs, { numRuns: 200, seed: 1 }).map(([ruleSet]) => ruleSet);
    const text = (value: unknown) => JSON.stringify(value);
    const sharing = samples.filter((ruleSet) => ruleSet.conditions !== undefined);
    const nested = sharing.filter((ruleSet) => text(ruleSet.conditions).includes('"condition"'));
    const comparing = samples.filter((ruleSet) => /"value":\{"fact"/.test(text(ruleSet.aspects)));
    expect(sharing.length).toBeGreaterThan(50);
    expect(nested.length).toBeGreaterThan(10);
    expect(comparing.length).toBeGreaterThan(50);
    expect(
      samples.every(
        (ruleSet) =>
          defineRuleSet(ruleSet).formatVersion ===
          (sharing.includes(ruleSet) || text(ruleSet).includes('"value":{"fact"') ? 2 : 1),
      ),
    ).toBe(true);
  });
});

// Evidence: required kinds on random standards, each policy, random citations (extra kinds included).
const evidencePairs = ruleSetArbitrary({ evidence: true })
  .map((ruleSet) => defineRuleSet(ruleSet))
  .chain((ruleSet) =>
    fc.tuple(
      fc.constant(ruleSet),
      fc.array(assessmentArbitrary(ruleSet, { evidence: true }), { minLength: 1, maxLength: 3 }),
    ),
  );

describe('with evidence required, cited and missing, the two backends', () => {
  test.prop([evidencePairs], { numRuns: Math.ceil(numRuns / 2) })(
    'give deep-equal results, with and without explanations',
    async ([ruleSet, assessments]) => {
      const compiled = compileRuleSet(ruleSet);
      const reference = createJsonRulesEngineEvaluator(ruleSet);
      const referenceVerdictOnly = createJsonRulesEngineEvaluator(ruleSet, { explain: false });
      for (const assessment of assessments) {
        expect(compiled.evaluate(assessment)).toEqual(await reference.evaluate(assessment));
        expect(compiled.evaluate(assessment, { explain: false })).toEqual(
          await referenceVerdictOnly.evaluate(assessment),
        );
      }
    },
    120_000,
  );

  it('see every policy and unevidenced standards that change the verdict: the property is not vacuous', () => {
    const samples = fc.sample(evidencePairs, { numRuns: 200, seed: 1 });
    const results = samples.flatMap(([ruleSet, assessments]) =>
      assessments.map((assessment) => ({ ruleSet, result: compileRuleSet(ruleSet).evaluate(assessment) })),
    );
    const policies = new Set(samples.map(([ruleSet]) => ruleSet.scoring.unevidenced));
    expect([...policies].sort()).toEqual(['shown', 'unmet', undefined]);
    const counted = results.filter(
      ({ ruleSet, result }) => ruleSet.scoring.unevidenced === 'unmet' && result.unevidenced.length > 0,
    );
    expect(counted.length).toBeGreaterThan(20);
    expect(
      results.some(({ result }) => result.reasons.some((reason) => reason.code === 'EVIDENCE_MISSING')),
    ).toBe(true);
    expect(
      results.some(({ result }) =>
        result.standards.some((standard) => (standard.evidence?.extra.length ?? 0) > 0),
      ),
    ).toBe(true);
    expect(
      results.some(({ result }) =>
        result.standards.some(
          (standard) =>
            standard.evidence !== undefined &&
            standard.evidence.required.length > 0 &&
            standard.evidence.missing.length === 0,
        ),
      ),
    ).toBe(true);
  });
});
