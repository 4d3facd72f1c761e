/**
 * `@sunshine-rubric/core/lint`: `lintRuleSet`, which proves what a rubric can and cannot reach over its
 * typed fact catalog.
 *
 * @packageDocumentation
 */

export type { LintOptions } from './lint-rule-set.js';
export { lintRuleSet } from './lint-rule-set.js';
export type {
  EligibilityProof,
  LintCode,
  LintFinding,
  LintResult,
  LintSeverity,
  LintUndecided,
  LintWitness,
} from './types.js';
