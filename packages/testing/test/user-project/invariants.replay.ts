// A rule-set author's test file, run by the replay test with vitest in its own process: one invariant
// fails (the evaluator claims every estate in scope is eligible), one passes.
import { type Assessment, compileRuleSet, type RuleSet } from '@sunshine-rubric/core';
import { describeRuleSetInvariants } from '../../src/vitest/index.js';
import { roundedRuleSet, roundingPlugin } from '../rounded-rule-set.js';

const evaluator = compileRuleSet(roundedRuleSet, { operators: roundingPlugin.operators });
const generous = (_ruleSet: RuleSet, assessment: Assessment) => {
  const result = evaluator.evaluate(assessment);
  return { ...result, eligible: result.inScope };
};

describeRuleSetInvariants('rounded city', roundedRuleSet, {
  plugins: [roundingPlugin],
  invariants: ['deterministic', 'reasons-iff-ineligible'],
  evaluate: generous,
  numRuns: 50,
});
