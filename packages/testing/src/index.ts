/**
 * `@sunshine-rubric/testing`: the property-testing kit for rule-set authors — fast-check arbitraries for
 * rule sets and assessments, the invariant suite, flip reports for rubric changes, and rubric coverage.
 *
 * @module @sunshine-rubric/testing
 * @packageDocumentation
 */

export type { AssessmentArbitraryOptions } from './arbitraries/assessment-arbitrary.js';
export { assessmentArbitrary } from './arbitraries/assessment-arbitrary.js';
export type { RuleSetArbitraryOptions } from './arbitraries/rule-set-arbitrary.js';
export { conditionArbitrary, evidenceKinds, ruleSetArbitrary } from './arbitraries/rule-set-arbitrary.js';
export type { Flip, FlipReport, StandardChange, VerdictSummary } from './flip-report/flip-report.js';
export { flipReport, formatFlipReport } from './flip-report/flip-report.js';
export type {
  InvariantOptions,
  InvariantReport,
  InvariantViolation,
} from './invariants/check-rule-set-invariants.js';
export { checkRuleSetInvariants, formatViolation } from './invariants/check-rule-set-invariants.js';
export { explanationDisagreements } from './invariants/explanation-agrees.js';
export type { InvariantName } from './invariants/invariants.js';
export { invariantNames } from './invariants/invariants.js';
export type { KitOptions } from './options/kit-options.js';
export { kitOperators } from './options/kit-options.js';
export type { RunSettings } from './options/run-settings.js';
export {
  PATH_VARIABLE,
  RUNS_VARIABLE,
  replayLine,
  runSettings,
  SEED_VARIABLE,
  shellQuote,
} from './options/run-settings.js';
export type { CoverageReport, LeafCoverage, StandardCoverage } from './rubric-coverage/coverage.js';
export { assertCoverage, coverage } from './rubric-coverage/coverage.js';
