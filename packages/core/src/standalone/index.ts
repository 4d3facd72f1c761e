/**
 * `@sunshine-rubric/core/standalone`: generate the source of a dependency-free ES module that evaluates
 * one rule set (like Ajv's standalone validation code).
 *
 * @packageDocumentation
 */

export {
  generateStandaloneEvaluator,
  type StandaloneOptions,
  type StandaloneSources,
} from './generate-standalone-evaluator.js';
