import {
  type Assessment,
  compileRuleSet,
  defineRuleSet,
  type EvaluationResult,
  type RuleSet,
} from '@sunshine-rubric/core';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import {
  checkRuleSetInvariants,
  formatViolation,
  type InvariantOptions,
} from './check-rule-set-invariants.js';
import { type InvariantName, raiseBar } from './invariants.js';

const evaluator = compileRuleSet(guangxi2021);
const compiled = new WeakMap<RuleSet, ReturnType<typeof compileRuleSet>>();
const correct = (ruleSet: RuleSet, assessment: Assessment) => {
  if (!compiled.has(ruleSet)) compiled.set(ruleSet, compileRuleSet(ruleSet));
  return compiled.get(ruleSet)!.evaluate(assessment);
};

async function violationsOf(invariant: InvariantName, evaluate: InvariantOptions['evaluate'], numRuns = 60) {
  const report = await checkRuleSetInvariants(guangxi2021, {
    invariants: [invariant],
    numRuns,
    ...(evaluate ? { evaluate } : {}),
  });
  return report.violations;
}

describe('checkRuleSetInvariants', () => {
  it('passes every invariant for guangxi-2021 and the library evaluator', async () => {
    const report = await checkRuleSetInvariants(guangxi2021, { numRuns: 40 });
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.invariants.map((invariant) => invariant.name)).toHaveLength(8);
    // The lint invariant is one proof, not samples: it evaluates no assessment.
    expect(report.runs).toBe(7 * 40);
  }, 120_000);

  it('catches a non-deterministic evaluator', async () => {
    let calls = 0;
    const flaky = (ruleSet: RuleSet, assessment: Assessment) => ({
      ...correct(ruleSet, assessment),
      eligible: calls++ % 2 === 0,
    });
    expect(await violationsOf('deterministic', flaky)).toEqual([
      expect.objectContaining({ invariant: 'deterministic' }),
    ]);
  });

  it('catches an evaluator that depends on the order of facts', async () => {
    const orderSensitive = (ruleSet: RuleSet, assessment: Assessment): EvaluationResult => {
      const result = correct(ruleSet, assessment);
      return { ...result, assessmentId: Object.keys(assessment.facts)[0] ?? '' };
    };
    expect(await violationsOf('fact-order-independent', orderSensitive)).toHaveLength(1);
  });

  it('catches backends that disagree', async () => {
    const drifting = (_ruleSet: RuleSet, assessment: Assessment): EvaluationResult => {
      const result = evaluator.evaluate(assessment);
      return {
        ...result,
        standards: result.standards.map((standard) =>
          standard.id === 'S01' ? { ...standard, outcome: 'unmet' } : standard,
        ),
      };
    };
    const [violation] = await violationsOf('backends-agree', drifting);
    expect(violation?.message).toContain('S01');
  }, 60_000);

  it('catches a verdict that punishes meeting more standards', async () => {
    const perverse = (ruleSet: RuleSet, assessment: Assessment): EvaluationResult => {
      const result = correct(ruleSet, assessment);
      return { ...result, eligible: result.inScope && result.compliance.met % 2 === 0 };
    };
    expect(await violationsOf('monotone-in-standards', perverse, 300)).toEqual([
      expect.objectContaining({ invariant: 'monotone-in-standards' }),
    ]);
  }, 60_000);

  it('catches an evaluator that reads the threshold backwards', async () => {
    const backwards = (ruleSet: RuleSet, assessment: Assessment): EvaluationResult => {
      const result = correct(ruleSet, assessment);
      const threshold = ruleSet.scoring.mode === 'compliance-rate' ? ruleSet.scoring.threshold : 0;
      return { ...result, eligible: result.compliance.rate < threshold };
    };
    expect(await violationsOf('threshold-monotone', backwards, 200)).toHaveLength(1);
  }, 60_000);

  it('catches reasons that do not match the verdict', async () => {
    const silent = (ruleSet: RuleSet, assessment: Assessment) => ({
      ...correct(ruleSet, assessment),
      reasons: [],
    });
    expect(await violationsOf('reasons-iff-ineligible', silent)).toHaveLength(1);
  }, 60_000);

  it('catches an outcome its explanation does not support, with a replayable seed and path', async () => {
    const contradicting = (ruleSet: RuleSet, assessment: Assessment): EvaluationResult => {
      const result = correct(ruleSet, assessment);
      return {
        ...result,
        standards: result.standards.map((standard, index) =>
          index === 0 ? { ...standard, outcome: 'met' } : standard,
        ),
      };
    };
    const [violation] = await violationsOf('explanations-agree', contradicting);
    expect(violation?.message).toMatch(/S01: outcome met, but its explanation says (unmet|missing-data)/);
    const replay = await checkRuleSetInvariants(guangxi2021, {
      invariants: ['explanations-agree'],
      evaluate: contradicting,
      seed: violation!.seed,
      path: violation!.path,
    });
    expect(replay.violations[0]?.counterexample).toEqual(violation!.counterexample);
  }, 60_000); // shrinking 60 runs' counterexample takes up to ~5 s with some seeds
});

describe('the lint invariant', () => {
  it('fails a rule set whose standards can never be met, naming each by path, and only prints warnings', async () => {
    const broken = structuredClone(guangxi2021) as unknown as {
      aspects: { requirements: { standards: { condition: unknown; drafted?: unknown }[] }[] }[];
    };
    // The two standards that no estate can meet: coverage above its maximum, and an empty range.
    const s28 = broken.aspects[1]!.requirements[3]!.standards[0]!;
    const s65 = broken.aspects[4]!.requirements[0]!.standards[1]!;
    delete s28.drafted;
    delete s65.drafted;
    s28.condition = { fact: 'cctvCoverage', operator: 'greaterThanInclusive', value: 1.5 };
    s65.condition = {
      all: [
        { fact: 'rentalHouseholds', operator: 'greaterThan', value: 500 },
        { fact: 'rentalHouseholds', operator: 'lessThan', value: 100 },
      ],
    };
    const report = await checkRuleSetInvariants(defineRuleSet(broken), { invariants: ['lint'] });
    expect(report.ok).toBe(false);
    expect(report.violations).toHaveLength(1);
    const message = report.violations[0]!.message;
    expect(message).toContain('STANDARD_NEVER_MET $.aspects[1].requirements[3].standards[0].condition');
    expect(message).toContain('STANDARD_NEVER_MET $.aspects[4].requirements[0].standards[1].condition');
    expect(formatViolation(report.violations[0]!)).not.toContain('FC_SEED');

    const bundled = await checkRuleSetInvariants(guangxi2021, { invariants: ['lint'] });
    expect(bundled.ok).toBe(true);
    expect(bundled.lint?.findings.map((finding) => finding.severity)).toEqual(['info']);
  });
});

describe('raiseBar', () => {
  it('gives the same stricter rule set for the same raise, so it is compiled once', () => {
    expect(raiseBar(guangxi2021, 0.05)).toBe(raiseBar(guangxi2021, 0.05));
    expect(raiseBar(guangxi2021, 0.05).scoring).toMatchObject({ threshold: 0.9 });
    expect(raiseBar(guangxi2021, 0.06)).not.toBe(raiseBar(guangxi2021, 0.05));
  });
});
