import type { Assessment, OperatorDefinition, RuleSet } from '@sunshine-rubric/core';
import { type LintResult, lintRuleSet } from '@sunshine-rubric/core/lint';
import { formatPath } from '@sunshine-rubric/core/words';
import type { InvariantViolation } from './check-rule-set-invariants.js';

/** An assessment with no facts: the counterexample of a finding that has no witness (it holds for every estate). */
const anyEstate: Assessment = { id: 'lint', community: { name: 'any estate' }, facts: {} };

/**
 * The `lint` invariant: the linter's errors are a violation (every error listed in its message; the
 * counterexample is the first error's witness, if it has one). Warnings and notes do not fail it. It is a
 * proof, not a sample, so it runs once and its seed only keeps the report's shape.
 */
export function lintInvariant(
  ruleSet: RuleSet,
  operators: readonly OperatorDefinition[],
  seed: number,
): { readonly result: LintResult; readonly violation?: InvariantViolation } {
  const result = lintRuleSet(ruleSet, { operators });
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  if (errors.length === 0) return { result };
  const lines = errors.map((finding) => `${finding.code} ${formatPath(finding.path)}: ${finding.message.en}`);
  return {
    result,
    violation: {
      invariant: 'lint',
      message: `the linter found ${errors.length} error(s):\n  ${lines.join('\n  ')}`,
      counterexample:
        (errors.find((finding) => finding.witness)?.witness as Assessment | undefined) ?? anyEstate,
      seed,
      path: '',
    },
  };
}
