import { fc, test } from '@fast-check/vitest';
import { assessmentArbitrary, ruleSetArbitrary } from '@sunshine-rubric/testing';
import { describe, expect } from 'vitest';
import { RubricError } from '../errors/rubric-error.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import { createJsonRulesEngineEvaluator } from './evaluate-with-json-rules-engine.js';

const numRuns = Number(process.env.DIFFERENTIAL_RUNS ?? 1000) / 4;

/** How a plugin operator misbehaves on a call, chosen from its arguments so that both backends see the same. */
const misbehaviours: readonly ((a: unknown, b: unknown) => unknown)[] = [
  (a, b) => a === b,
  (a, b) => a !== b,
  () => {
    throw new TypeError('lookup failed');
  },
  () => 'yes',
  () => Promise.resolve(true),
  () => ({}),
  () => undefined,
];

function pluginOperator(seed: number): OperatorDefinition {
  return {
    name: 'sameAs',
    factTypes: ['boolean', 'integer', 'number', 'string', 'date', 'enum'],
    valueKind: 'scalar',
    evaluate: (a, b) => {
      const text = JSON.stringify([a, b]);
      let hash = seed;
      for (let index = 0; index < text.length; index++) hash = (hash * 31 + text.charCodeAt(index)) | 0;
      return misbehaviours[Math.abs(hash) % misbehaviours.length]!(a, b) as boolean;
    },
  };
}

/** The rule set with every `equal` leaf asking the plugin operator instead. */
function withPluginOperator(ruleSet: RuleSetInput): RuleSetInput {
  const swap = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(swap);
    if (typeof node !== 'object' || node === null) return node;
    const entries = Object.entries(node).map(([key, value]) => [key, swap(value)]);
    const copy = Object.fromEntries(entries) as Record<string, unknown>;
    // A leaf comparing two facts keeps its built-in operator: the plugin's takes a literal.
    const comparesFacts = typeof copy.value === 'object' && copy.value !== null && !Array.isArray(copy.value);
    if (copy.operator === 'equal' && 'fact' in copy && !comparesFacts) copy.operator = 'sameAs';
    return copy;
  };
  return swap(ruleSet) as RuleSetInput;
}

async function settle(call: () => unknown): Promise<unknown> {
  try {
    return { value: await call() };
  } catch (error) {
    if (!RubricError.isInstance(error)) throw error;
    return { code: error.code, issues: error.issues };
  }
}

const casesOf = (arbitrary: fc.Arbitrary<RuleSetInput>, evidence: boolean) =>
  arbitrary.chain((ruleSet) =>
    fc.tuple(
      fc.constant(withPluginOperator(ruleSet)),
      fc.array(assessmentArbitrary(defineRuleSet(ruleSet), { evidence }), { minLength: 1, maxLength: 3 }),
      fc.integer(),
    ),
  );
const cases = casesOf(ruleSetArbitrary(), false);
// The plugin inside shared conditions (its path where the condition is written), beside fact comparisons,
// aspect minimums and evidence that may make a met standard unmet.
const everyFeature = casesOf(
  ruleSetArbitrary({ sharedConditions: true, factComparisons: true, aspectMinimums: true, evidence: true }),
  true,
);

describe.each([
  ['', cases],
  [' (with every feature of the format)', everyFeature],
] as const)('a plugin operator that throws or answers other than true or false%s', (_features, cases) => {
  test.prop([cases], { numRuns })(
    'fails the same way, with the same issue, in both backends and with or without explanations',
    async ([ruleSet, assessments, seed]) => {
      const operators = [pluginOperator(seed)];
      const compiled = compileRuleSet(defineRuleSet(ruleSet, { operators }), { operators });
      const reference = createJsonRulesEngineEvaluator(defineRuleSet(ruleSet, { operators }), { operators });
      const referenceVerdictOnly = createJsonRulesEngineEvaluator(defineRuleSet(ruleSet, { operators }), {
        operators,
        explain: false,
      });
      for (const assessment of assessments) {
        const expected = await settle(() => reference.evaluate(assessment));
        expect(await settle(() => compiled.evaluate(assessment))).toEqual(expected);
        const verdictOnly = await settle(() => referenceVerdictOnly.evaluate(assessment));
        expect(await settle(() => compiled.evaluate(assessment, { explain: false }))).toEqual(verdictOnly);
        if ('code' in (expected as object)) {
          expect(verdictOnly).toEqual(expected);
          expect(expected).toMatchObject({ code: 'PLUGIN_FAILED' });
        }
      }
    },
    120_000,
  );
});
