// A rule-set author's script, run as its own process with no setup file: it uses only what the kit reads
// itself (FC_SEED, FC_NUM_RUNS, FC_PATH). The replay test runs it, then again with the line it printed.
import { type Assessment, compileRuleSet, type RuleSet } from '@sunshine-rubric/core';
import { checkRuleSetInvariants, formatViolation } from '../../src/index.js';
import { roundedRuleSet, roundingPlugin } from '../rounded-rule-set.js';

const evaluator = compileRuleSet(roundedRuleSet, { operators: roundingPlugin.operators });
// Claims eligibility for every estate in scope, so reasons-iff-ineligible fails.
const generous = (_ruleSet: RuleSet, assessment: Assessment) => {
  const result = evaluator.evaluate(assessment);
  return { ...result, eligible: result.inScope };
};
const report = await checkRuleSetInvariants(roundedRuleSet, {
  plugins: [roundingPlugin],
  invariants: ['reasons-iff-ineligible'],
  evaluate: generous,
});
// The command that reruns this script, as a vitest helper names the test that failed.
const command = 'node --import tsx check-invariants.ts';
console.log(report.violations.map((violation) => formatViolation(violation, { command })).join('\n'));
