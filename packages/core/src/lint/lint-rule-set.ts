import { checkOptions } from '../reading/check-options.js';
import { defineRuleSet, isDefinedRuleSet } from '../rule-set/define-rule-set.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { RuleSet } from '../rule-set/types.js';
import { factsOf, forEachCondition } from './condition-truth.js';
import type { ValueSpace } from './decide.js';
import { checkEligibility } from './eligibility.js';
import { representativeValues } from './fact-points.js';
import { inlineSharedConditions } from './inline-shared-conditions.js';
import { type LintContext, standardInfos } from './lint-context.js';
import { checkStandardPairs } from './pair-checks.js';
import { checkRequirements } from './requirement-checks.js';
import { checkScopeAndFocus, checkStandards, checkValueRanges } from './standard-checks.js';
import type { LintFinding, LintResult } from './types.js';

/** Options of {@link lintRuleSet}. */
export interface LintOptions {
  /** Custom operators (from plugins) the rule set uses. The linter treats them as opaque: what they decide is undecided. */
  readonly operators?: readonly OperatorDefinition[];
}

/**
 * Proves what a rubric can and cannot reach, over every value its fact catalog allows (not by sampling):
 * standards that never apply, can never be met or never fail; values outside their fact's range;
 * standards equivalent to, implied by or contradicting another; requirements that can never be covered;
 * a scope that shuts out every estate; and eligibility that no assessment can reach, with the best
 * compliance as proof. Questions it cannot decide exactly (custom operators, too many combinations) are
 * listed in `undecided`, never guessed. Considers complete assessments: a missing fact makes a standard
 * `missing-data`, which is never met anyway.
 *
 * @throws {RubricError} `INVALID_RULE_SET` when the rule set is invalid (see `defineRuleSet`).
 * @example
 * ```ts
 * import { lintRuleSet } from '@sunshine-rubric/core/lint';
 *
 * const { findings } = lintRuleSet(ruleSet);
 * for (const finding of findings) console.log(finding.severity, finding.path.join('.'), finding.message.en);
 * if (findings.some((finding) => finding.severity === 'error')) process.exitCode = 1;
 * ```
 */
export function lintRuleSet(ruleSet: RuleSet | unknown, options?: LintOptions): LintResult {
  const { operators = [] } = checkOptions(options) ?? {};
  const written = isDefinedRuleSet(ruleSet) ? ruleSet : defineRuleSet(ruleSet, { operators });
  const defined = inlineSharedConditions(written);
  const space: ValueSpace = {
    ruleSet: defined,
    points: representativeValues(defined),
    scope: defined.scope,
    scopeFacts: factsOf(defined.scope),
  };
  const context: LintContext = {
    space,
    ruleSet: defined,
    standards: standardInfos(defined, space),
    findings: [],
    undecided: [],
  };
  forEachCondition(written, (condition, path) => {
    checkValueRanges(context, condition, path);
  });
  if (checkScopeAndFocus(context)) {
    checkStandards(context);
    checkRequirements(context);
    checkStandardPairs(context);
    checkEligibility(context);
  }
  return { findings: sortByPath(context.findings), undecided: context.undecided };
}

/** Findings in document order, so that a report reads top to bottom. */
function sortByPath(findings: readonly LintFinding[]): LintFinding[] {
  return [...findings].sort((left, right) => comparePaths(left.path, right.path));
}

const topOrder = ['scope', 'focus', 'scoring', 'aspects'];

function comparePaths(left: readonly (string | number)[], right: readonly (string | number)[]): number {
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const a = left[index]!;
    const b = right[index]!;
    if (a === b) continue;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (index === 0) return topOrder.indexOf(String(a)) - topOrder.indexOf(String(b));
    return String(a) < String(b) ? -1 : 1;
  }
  return left.length - right.length;
}
