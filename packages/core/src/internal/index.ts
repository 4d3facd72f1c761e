/**
 * `@sunshine-rubric/core/internal`: what the sibling packages of this repository (guangxi, qinzhou, testing,
 * the workbook adapter, the planner) share with core and nobody else should rely on. Not public API: it changes in any
 * release, without a changeset, and the API reference and the READMEs do not list it.
 *
 * @internal
 * @packageDocumentation
 */

export { describeFactValue } from '../assessment/read-facts.js';
export { AssessmentSchema } from '../assessment/schema.js';
export { layoutFor } from '../evaluate/layout-cache.js';
export { evidenceRules } from '../evidence/evidence-rules.js';
export { EvidenceEntrySchema } from '../evidence/evidence-schema.js';
export { cheapestFixes } from '../remediation/plan-remediation.js';
export {
  type FixableStandard,
  type RemediationInstance,
  remediationInstance,
} from '../remediation/remediation-instance.js';
export {
  expandReference,
  factsReadBy,
  isConditionReference,
  isFactReference,
  leavesOf,
} from '../rule-set/conditions.js';
export { builtInOperators } from '../rule-set/operators.js';
export { deepFreeze } from '../util/deep-freeze.js';
export { isAssessmentTimestamp, isIsoDate } from '../util/guards.js';
