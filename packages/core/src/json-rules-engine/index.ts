/**
 * `@sunshine-rubric/core/json-rules-engine`: the reference backend on json-rules-engine 7, and export of a
 * rule set as plain json-rules-engine rules.
 *
 * @module @sunshine-rubric/core/json-rules-engine
 * @packageDocumentation
 */

export { type ImportFindingKind, importFindingKinds } from '../errors/issue-kinds.js';
export type { JsonRulesEngineEvaluator, JsonRulesEngineOptions } from './evaluate-with-json-rules-engine.js';
export {
  createJsonRulesEngineEvaluator,
  evaluateWithJsonRulesEngine,
} from './evaluate-with-json-rules-engine.js';
export type { FromJsonRulesEngineOptions, JsonRulesEngineImport } from './from-rules.js';
export { fromJsonRulesEngineRules } from './from-rules.js';
export type { ImportFinding } from './import-conditions.js';
export type { StandardMetEvent } from './to-rules.js';
export { FOCUS_RULE, SCOPE_RULE, toJsonRulesEngineRules } from './to-rules.js';
