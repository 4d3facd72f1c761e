/**
 * `@sunshine-rubric/core`: the rule-set format, the compiled evaluator with explanations, remediation
 * and rule-set diff. Runs in any JavaScript runtime (Node, browsers, workers).
 *
 * @packageDocumentation
 */

export type { UnknownFactPolicy } from './assessment/read-facts.js';
export { describeFactValue } from './assessment/read-facts.js';
export type { Assessment } from './assessment/schema.js';
export { AssessmentSchema, CommunitySchema } from './assessment/schema.js';
export type { FieldChange, ItemChanges, RuleSetDiff } from './diff/diff-rule-sets.js';
export { diffRuleSets } from './diff/diff-rule-sets.js';
export { type ImportFindingKind, type IssueKind, issueKinds } from './errors/issue-kinds.js';
export type {
  AnyRubricError,
  IssueOf,
  Result,
  RubricErrorCode,
  RubricErrorOf,
  RubricIssue,
} from './errors/rubric-error.js';
export { formatPath, RubricError } from './errors/rubric-error.js';
export type { CompileOptions, EvaluateOptions, Evaluator } from './evaluate/compile-rule-set.js';
export { compileRuleSet, evaluate } from './evaluate/compile-rule-set.js';
export { whatIf } from './evaluate/what-if.js';
export * from './plugins/index.js';
export type {
  RemediationCost,
  RemediationOptions,
  RemediationPlan,
  RemediationStep,
} from './remediation/plan-remediation.js';
export { planRemediation } from './remediation/plan-remediation.js';
export type {
  AspectResult,
  EvaluationResult,
  ExplanationNode,
  Outcome,
  Reason,
  ReasonBase,
  ReasonCode,
  RequirementResult,
  StandardExplanation,
  StandardResult,
} from './result/types.js';
export { factsReadBy, isFactReference, leavesOf, MAX_CONDITION_DEPTH } from './rule-set/conditions.js';
export type { DefineRuleSetOptions } from './rule-set/define-rule-set.js';
export { defineRuleSet, safeDefineRuleSet } from './rule-set/define-rule-set.js';
export type { OperatorDefinition } from './rule-set/operators.js';
export { builtInOperators } from './rule-set/operators.js';
export type { RuleSetInput } from './rule-set/schema.js';
export { ConditionSchema, FactDefinitionSchema, RuleSetSchema, ScoringSchema } from './rule-set/schema.js';
export { MAX_STANDARDS } from './rule-set/structure-depth.js';
export type {
  AllCondition,
  AnyCondition,
  Aspect,
  BuiltInOperator,
  ComplianceRateScoring,
  Condition,
  DraftedValue,
  FactDefinition,
  FactReference,
  FactType,
  FactValue,
  Ground,
  LeafCondition,
  NotCondition,
  PointsScoring,
  Provenance,
  Requirement,
  RuleSet,
  Scoring,
  Standard,
  Text,
} from './rule-set/types.js';
export * from './timeline/index.js';
export { deepFreeze } from './util/deep-freeze.js';
export { isAssessmentTimestamp, isIsoDate } from './util/guards.js';
export * from './variants/index.js';
export * from './words/index.js';
export * from './workflow/index.js';
