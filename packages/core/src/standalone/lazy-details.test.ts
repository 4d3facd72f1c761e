import { afterAll, beforeAll } from 'vitest';
import {
  describeLazyResult,
  describeLazyResultEdges,
  lazyResultRuleSet,
} from '../../test/lazy-result-checks.js';
import {
  importStandalone,
  removeStandaloneModules,
  type StandaloneModule,
} from '../../test/standalone-module.js';
import { generateStandaloneEvaluator } from './generate-standalone-evaluator.js';

// The module builds a result's details when first read, as core's evaluator does: the same checks hold both
// to plain data (test/lazy-result-checks.ts), deep freezes of every own key and assigned fields included.
let standalone: StandaloneModule;
beforeAll(async () => {
  standalone = await importStandalone(generateStandaloneEvaluator(lazyResultRuleSet));
});
afterAll(removeStandaloneModules);

describeLazyResult("a standalone module's evaluate", (assessment, options) =>
  standalone.evaluate(assessment, options),
);
describeLazyResultEdges("a standalone module's evaluate", (assessment, options) =>
  standalone.evaluate(assessment, options),
);
