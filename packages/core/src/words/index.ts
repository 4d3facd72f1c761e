/**
 * `@sunshine-rubric/core/words`: results, explanations, fact values and paths in words for people — the
 * one home of the reader's language (`say`), percentages (one rounding: at most one decimal, half up, on the
 * share as written), the verdict words, outcome names, a rule set's label, the provisional notice and the way
 * a path is shown. Reports, the CLI and the workbook word things through it, so they say the same thing the same way.
 *
 * @module @sunshine-rubric/core/words
 * @packageDocumentation
 */

export { formatPath } from '../errors/rubric-error.js';
export {
  evidenceEntryInWords,
  evidenceStatusInWords,
  missingEvidenceInWords,
  unevidencedPolicyInWords,
} from './evidence-words.js';
export { type ExplanationLine, explanationInWords, resultMark } from './explanation-words.js';
export { factInWords } from './fact-words.js';
export { type GroundsSummary, groundsInWords, groundsSummary } from './grounds-words.js';
export { type Language, say } from './language.js';
export {
  eligibilityInWords,
  focusInWords,
  outcomeNames,
  verdictInWords,
  type Wording,
} from './outcome-names.js';
export { percentInWords } from './percent-words.js';
export { provisionalNotice, ruleSetLabel } from './rule-set-words.js';
export { factValueInWords, unitInWords } from './value-words.js';
export type { ApplicationStatus, DeadlineStep, TierRecord } from './workflow-words.js';
export {
  applicationStatusNames,
  deadlineStepNames,
  reviewTierNames,
  tierRecordNames,
} from './workflow-words.js';
