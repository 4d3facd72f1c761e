export { type ExplanationLine, explanationInWords, resultMark } from './explanation-words.js';
export { type GroundsSummary, groundsInWords, groundsSummary } from './grounds-words.js';
export { focusInWords, outcomeNames, verdictInWords, type Wording } from './outcome-names.js';
export { provisionalNotice } from './provisional-notice.js';
export { factValueInWords, unitInWords } from './value-words.js';
