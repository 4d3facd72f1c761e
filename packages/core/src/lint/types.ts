import type { FactValue } from '../rule-set/types.js';

/**
 * What a finding is about. One table of codes, listed with their meaning in `docs/linting.md`.
 *
 * @example
 * ```ts
 * const code: LintCode = 'STANDARD_NEVER_MET';
 * ```
 */
export type LintCode =
  | 'SCOPE_EXCLUDES_ALL'
  | 'FOCUS_EXCLUDES_ALL'
  | 'VALUE_OUT_OF_RANGE'
  | 'STANDARD_NEVER_APPLICABLE'
  | 'STANDARD_NEVER_MET'
  | 'STANDARD_ALWAYS_MET'
  | 'STANDARDS_EQUIVALENT'
  | 'STANDARDS_CONTRADICT'
  | 'STANDARD_IMPLIES'
  | 'REQUIREMENT_NEVER_COVERED'
  | 'NEVER_ELIGIBLE';

/**
 * How bad a finding is: an `error` is a rubric that cannot work as meant (CI fails), a `warning` is almost
 * certainly a mistake, `info` is worth knowing.
 *
 * @example
 * ```ts
 * const failsCi = (severity: LintSeverity) => severity === 'error';
 * ```
 */
export type LintSeverity = 'error' | 'warning' | 'info';

/**
 * An assessment document that shows a claim: evaluate it with the rule set to see it. Facts the claim
 * does not depend on are left out.
 *
 * @example
 * ```ts
 * const witness: LintWitness = { id: 'lint-witness', community: { name: 'lint witness' }, facts: { cctvCoverage: 0.9 } };
 * ```
 */
export interface LintWitness {
  readonly id: string;
  readonly community: { readonly name: string };
  readonly facts: Readonly<Record<string, FactValue>>;
}

/**
 * Why no assessment can be eligible: the best that any in-scope assessment reaches. `met` of `applicable`
 * in compliance-rate mode (its witness reaches exactly that), or `points` in points mode.
 *
 * @example
 * ```ts
 * const proof: EligibilityProof = { bestMet: 54, bestApplicable: 65, threshold: 0.85, requirementsCoverable: true };
 * ```
 */
export interface EligibilityProof {
  /** Compliance-rate mode: the most standards met, as a share of the applicable ones, that any in-scope assessment reaches. */
  readonly bestMet?: number;
  readonly bestApplicable?: number;
  readonly threshold?: number;
  /** Points mode: the most points any in-scope assessment earns, and the pass mark. */
  readonly bestPoints?: number;
  readonly passMark?: number;
  /** Whether some in-scope assessment covers every requirement (false: the requirements alone rule eligibility out); absent when that search ran out of budget. */
  readonly requirementsCoverable?: boolean;
}

/**
 * One thing the linter proved about a rule set. `path` points into the rule-set document, like a
 * `RubricIssue`'s path. A finding that says something *can* happen carries a `witness` that shows it;
 * one that says it can *never* happen was proved over every value the fact catalog allows.
 *
 * @example
 * ```ts
 * const finding: LintFinding = {
 *   code: 'STANDARD_NEVER_MET',
 *   severity: 'error',
 *   path: ['aspects', 1, 'requirements', 3, 'standards', 0, 'condition'],
 *   message: { zh: '标准 S28 永远无法达标', en: 'standard S28 can never be met' },
 * };
 * ```
 */
export interface LintFinding {
  readonly code: LintCode;
  readonly severity: LintSeverity;
  readonly path: readonly (string | number)[];
  readonly message: { readonly zh: string; readonly en: string };
  readonly witness?: LintWitness;
  readonly proof?: EligibilityProof;
}

/**
 * A question the linter could not decide exactly (a custom operator, or more value combinations than it
 * enumerates), said so instead of guessed.
 *
 * @example
 * ```ts
 * const undecided: LintUndecided = {
 *   check: 'STANDARD_NEVER_MET',
 *   path: ['aspects', 0, 'requirements', 0, 'standards', 0, 'condition'],
 *   reason: { zh: '条件使用自定义运算符', en: 'the condition uses a custom operator' },
 * };
 * ```
 */
export interface LintUndecided {
  readonly check: LintCode;
  readonly path: readonly (string | number)[];
  readonly reason: { readonly zh: string; readonly en: string };
}

/**
 * What `lintRuleSet` returns: the findings in document order, and the questions it could not decide.
 *
 * @example
 * ```ts
 * const { findings, undecided } = lintRuleSet(ruleSet);
 * const failed = findings.some((finding) => finding.severity === 'error');
 * ```
 */
export interface LintResult {
  readonly findings: readonly LintFinding[];
  readonly undecided: readonly LintUndecided[];
}
