import { lintRuleSet } from '@sunshine-rubric/core/lint';
import type { LintFinding, LintStep } from './findings.js';

/**
 * `check`'s lint step: `lintRuleSet`'s findings as they are, and each question it left undecided (a custom
 * operator decides it, or it is above the linter's bounds) as an `info` finding `LINT_UNDECIDED` that says
 * why — never a guess, never silently dropped.
 *
 * @example
 * ```ts
 * const findings = lintStep(ruleSet, []);
 * ```
 */
export const lintStep: LintStep = (ruleSet, operators) => {
  const { findings, undecided } = lintRuleSet(ruleSet, { operators });
  return [
    ...findings,
    ...undecided.map(
      (entry): LintFinding => ({
        code: 'LINT_UNDECIDED',
        severity: 'info',
        path: entry.path,
        message: entry.reason,
      }),
    ),
  ];
};
