// What a TypeScript user writes against the packed packages: the main functions of every package, with their
// types. The release test type-checks it (tsc --noEmit) under module nodenext and bundler, with the oldest
// and the newest TypeScript it supports; it is never run.
import {
  compileRuleSet,
  createRegistry,
  definePlugin,
  type EvaluationResult,
  evaluate,
  planRemediation,
  planTimeline,
  type RemediationPlan,
  RubricError,
  type Timeline,
  trackProgress,
} from '@sunshine-rubric/core';
import { evaluateWithJsonRulesEngine, toJsonRulesEngineRules } from '@sunshine-rubric/core/json-rules-engine';
import { guangxi2021, guangxiPlugin, guangxiSamples } from '@sunshine-rubric/guangxi';
import { qinzhouPlan } from '@sunshine-rubric/qinzhou';
import { assessmentArbitrary } from '@sunshine-rubric/testing';
import { describeRuleSetInvariants } from '@sunshine-rubric/testing/vitest';

const result: EvaluationResult = compileRuleSet(guangxi2021).evaluate(guangxiSamples.belowThreshold);
const eligible: boolean = evaluate(guangxi2021, guangxiSamples.eligible).eligible;
// @ts-expect-error eligible is a boolean: the types resolved, they are not any
const notAString: string = result.eligible;
const plan: RemediationPlan = planRemediation(guangxi2021, result);
const timeline: Timeline = planTimeline(qinzhouPlan);
const progress = trackProgress(qinzhouPlan, { 2021: 3 });
const startsWith = definePlugin({
  name: 'starts-with',
  apiVersion: 1,
  operators: [
    {
      name: 'startsWith',
      factTypes: ['string'],
      valueKind: 'scalar',
      evaluate: (factValue, value) => String(factValue).startsWith(String(value)),
    },
  ],
});
const registry = createRegistry({ plugins: [guangxiPlugin, startsWith] });
const rules = toJsonRulesEngineRules(registry.resolve('guangxi-2021'));
const reference: Promise<EvaluationResult> = evaluateWithJsonRulesEngine(
  guangxi2021,
  guangxiSamples.eligible,
);
const drawn = assessmentArbitrary(guangxi2021, { missing: 0 });
const invariants = (): void => describeRuleSetInvariants('guangxi-2021', guangxi2021);
const caught = (error: unknown): string | undefined =>
  RubricError.isInstance(error) ? error.code : undefined;

export { caught, drawn, eligible, invariants, notAString, plan, progress, reference, rules, timeline };
