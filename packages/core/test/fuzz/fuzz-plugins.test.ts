import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compileRuleSet,
  createRegistry,
  definePlugin,
  defineRuleSet,
  type FactResolver,
  type OperatorDefinition,
  type RuleSetInput,
} from '../../src/index.js';
import { createJsonRulesEngineEvaluator } from '../../src/json-rules-engine/index.js';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../fixtures.js';
import {
  expectRubricErrorOrValue,
  expectRubricErrorOrValueAsync,
  FUZZ_RUNS,
  FUZZ_TIMEOUT,
  reportInputCounts,
} from './contract.js';
import { anyValueArbitrary, CallerError } from './hostile-values.js';

/** What a plugin hook does when called: answers a value (anything at all), throws it, or rejects with it. */
type Behaviour = { readonly kind: 'answer' | 'throw' | 'reject' | 'never'; readonly value: unknown };

const behaviourArbitrary: fc.Arbitrary<Behaviour> = fc.record({
  kind: fc.constantFrom('answer', 'answer', 'throw', 'reject', 'never'),
  value: fc.oneof(fc.boolean(), anyValueArbitrary, fc.constant(new CallerError('hook'))),
});

/** The sample rubric with a leaf of the custom operator `sameAs` in its second standard. */
function ruleSetCallingPlugin(): RuleSetInput {
  const ruleSet = sampleRuleSet() as RuleSetInput & {
    aspects: { requirements: { standards: object[] }[] }[];
  };
  const standard = ruleSet.aspects[0]!.requirements[0]!.standards[1] as { condition: object };
  standard.condition = { any: [{ fact: 'heating', operator: 'sameAs', value: 'gas' }, standard.condition] };
  return ruleSet;
}

function operator(behaviours: readonly Behaviour[]): OperatorDefinition {
  let call = 0;
  return {
    name: 'sameAs',
    factTypes: ['enum'],
    valueKind: 'scalar',
    valueType: 'string',
    evaluate: () => {
      const { kind, value } = behaviours[call++ % behaviours.length]!;
      if (kind === 'throw') throw value;
      if (kind === 'reject') return Promise.reject(value) as never;
      if (kind === 'never') return new Promise(() => {}) as never;
      return value as boolean;
    },
  };
}

describe('plugin hooks under fuzzing', () => {
  afterAll(() => reportInputCounts('fuzz-plugins'));

  it(
    'a custom operator answering or throwing anything: a value or PLUGIN_FAILED, the same from both backends',
    async () => {
      const ruleSet = ruleSetCallingPlugin();
      await fc.assert(
        fc.asyncProperty(fc.array(behaviourArbitrary, { minLength: 1, maxLength: 3 }), async (behaviours) => {
          const assessment = assessmentOf(perfectFacts());
          const compiled = expectRubricErrorOrValue(
            () =>
              compileRuleSet(defineRuleSet(ruleSet, { operators: [operator(behaviours)] }), {
                operators: [operator(behaviours)],
              }).evaluate(assessment),
            { entryPoint: 'evaluate (plugin operator)' },
          );
          const reference = await expectRubricErrorOrValueAsync(
            () =>
              createJsonRulesEngineEvaluator(defineRuleSet(ruleSet, { operators: [operator(behaviours)] }), {
                operators: [operator(behaviours)],
              }).evaluate(assessment),
            { entryPoint: 'json-rules-engine (plugin operator)' },
          );
          expect(compiled?.ok).toBe(reference?.ok);
          if (compiled && !compiled.ok && reference && !reference.ok) {
            expect(compiled.error.code).toBe('PLUGIN_FAILED');
            expect(compiled.error.issues).toEqual(reference.error.issues);
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'a fact resolver answering, throwing, rejecting with anything or never settling: an assessment or PLUGIN_FAILED',
    async () => {
      await fc.assert(
        fc.asyncProperty(behaviourArbitrary, async ({ kind, value }) => {
          const resolver: FactResolver = {
            fact: 'securityStaff',
            resolve: () => {
              if (kind === 'throw') throw value;
              if (kind === 'reject') return Promise.reject(value);
              if (kind === 'never') return new Promise(() => {});
              return value as never;
            },
          };
          const registry = createRegistry({
            plugins: [
              definePlugin({ name: 'region', apiVersion: 1, ruleSets: [sampleRuleSet()] }),
              definePlugin({ name: 'housing', apiVersion: 1, factResolvers: [resolver] }),
            ],
          });
          const facts = perfectFacts();
          delete facts.securityStaff;
          const outcome = await expectRubricErrorOrValueAsync(
            () =>
              registry.resolveFacts(assessmentOf(facts), { ruleSet: 'sample-rubric', resolverTimeout: 5 }),
            { entryPoint: 'registry.resolveFacts (fact resolver)' },
          );
          if (outcome && !outcome.ok) expect(outcome.error.code).toBe('PLUGIN_FAILED');
          if (kind !== 'answer') expect(outcome?.ok).toBe(false);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    FUZZ_TIMEOUT,
  );
});
