import { ruleSetArbitrary } from '@sunshine-rubric/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { defineRuleSet, diffRuleSets, type RuleSet, safeDefineRuleSet } from '../../src/index.js';
import { toJsonRulesEngineRules } from '../../src/json-rules-engine/index.js';
import { checkDefineRuleSet } from './checks.js';
import {
  expectRubricErrorOrValue,
  expectSafeNeverThrows,
  expectThrowsIffNotOk,
  FUZZ_RUNS,
  FUZZ_TIMEOUT,
  reportInputCounts,
  scaledRuns,
} from './contract.js';
import { guangxi2021, guangxiDocument } from './documents.js';
import {
  anyJsonArbitrary,
  anyValueArbitrary,
  deepArray,
  deepObject,
  jsonValueArbitrary,
  truncatedJsonArbitrary,
} from './hostile-values.js';
import { cloneJson, mutatedArbitrary } from './mutate.js';

afterAll(() => reportInputCounts('fuzz-rule-set'));

const generatedRuleSets = ruleSetArbitrary();
const mutatedGuangxi = mutatedArbitrary(fc.constant(guangxiDocument));
const mutatedGenerated = mutatedArbitrary(generatedRuleSets);
/** Mutations with JSON values only: deterministic inputs (no Proxy that answers differently each time). */
const jsonMutatedGuangxi = mutatedArbitrary(fc.constant(guangxiDocument), jsonValueArbitrary(3));

describe('defineRuleSet under fuzzing', { timeout: FUZZ_TIMEOUT }, () => {
  it('starts from valid documents', () => {
    expect(safeDefineRuleSet(guangxiDocument).ok).toBe(true);
    fc.assert(
      fc.property(generatedRuleSets, (ruleSet) => safeDefineRuleSet(ruleSet).ok),
      { numRuns: 20 },
    );
  });

  it('answers any JSON value with a rule set or a RubricError', () => {
    fc.assert(
      fc.property(anyJsonArbitrary, (input) => checkDefineRuleSet(input, 'defineRuleSet (random JSON)')),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers hostile JS values (NaN, undefined, functions, cycles, throwing getters, Proxies)', () => {
    fc.assert(
      fc.property(anyValueArbitrary, (input) => checkDefineRuleSet(input, 'defineRuleSet (hostile JS)')),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers mutations of Guangxi 2021 (near-valid, deep paths)', () => {
    fc.assert(
      fc.property(mutatedGuangxi, (input) => checkDefineRuleSet(input, 'defineRuleSet (mutated Guangxi)')),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers mutations of generated rule sets', () => {
    fc.assert(
      fc.property(mutatedGenerated, (input) =>
        checkDefineRuleSet(input, 'defineRuleSet (mutated generated)'),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers Guangxi 2021 truncated at any point (and closed so that JSON.parse accepts it)', () => {
    fc.assert(
      fc.property(truncatedJsonArbitrary(guangxiDocument), (input) =>
        checkDefineRuleSet(input, 'defineRuleSet (truncated JSON)'),
      ),
      {
        numRuns: FUZZ_RUNS,
      },
    );
  });

  it('safeDefineRuleSet never throws (except the input’s own getter exceptions)', () => {
    const inputs = fc.oneof(anyValueArbitrary, mutatedGuangxi, mutatedGenerated);
    fc.assert(
      fc.property(inputs, (input) => {
        expectSafeNeverThrows('safeDefineRuleSet', () => safeDefineRuleSet(input));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('defineRuleSet throws exactly when safeDefineRuleSet returns ok: false, with the same issues', () => {
    const inputs = fc.oneof(
      anyJsonArbitrary,
      jsonMutatedGuangxi,
      mutatedArbitrary(generatedRuleSets, jsonValueArbitrary(3)),
    );
    fc.assert(
      fc.property(inputs, (input) => {
        expectThrowsIffNotOk(
          'defineRuleSet iff safeDefineRuleSet',
          () => safeDefineRuleSet(input),
          () => defineRuleSet(input),
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('lays out, diffs and exports whatever it accepts (diffRuleSets, toJsonRulesEngineRules)', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedGuangxi, mutatedGenerated), (input) => {
        expectRubricErrorOrValue(() => diffRuleSets(guangxi2021, input as RuleSet), {
          entryPoint: 'diffRuleSets',
        });
        expectRubricErrorOrValue(() => toJsonRulesEngineRules(input as RuleSet), {
          entryPoint: 'toJsonRulesEngineRules',
        });
      }),
      { numRuns: scaledRuns(100) },
    );
  });
});

describe('defineRuleSet on 20,000-deep nesting', () => {
  const deepCases: [string, () => unknown][] = [
    ['a 20,000-deep array', () => deepArray(20_000)],
    ['a 20,000-deep object', () => deepObject(20_000, 'aspects')],
    [
      '20,000-deep arrays parsed from JSON text',
      () => JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`),
    ],
    [
      'a condition 20,000 `not`s deep',
      () => {
        const ruleSet = cloneJson(guangxiDocument) as { scope: unknown };
        ruleSet.scope = deepObject(20_000, 'not', { fact: 'occupied', operator: 'equal', value: true });
        return ruleSet;
      },
    ],
    [
      'a title 20,000 arrays deep',
      () => ({ ...(guangxiDocument as object), title: { zh: deepArray(20_000, 'x') } }),
    ],
  ];
  for (const [name, make] of deepCases) {
    it(`rejects ${name} with a too-deep issue, without overflowing the stack`, () => {
      const outcome = expectRubricErrorOrValue(() => defineRuleSet(make()), {
        entryPoint: 'defineRuleSet (deep)',
      });
      expect(outcome?.ok).toBe(false);
      if (outcome && !outcome.ok)
        expect(outcome.error.issues.map((issue) => issue.kind)).toContain('too-deep');
    });
  }
});

describe('defineRuleSet on huge documents', () => {
  it('accepts a 10 MB title and rejects a 100,000-fact catalog', {
    timeout: 30_000,
  }, () => {
    const tenMegabytes = 'x'.repeat(10 << 20);
    const bigTitle = { ...(guangxiDocument as object), title: { zh: tenMegabytes } };
    const longTitle = expectRubricErrorOrValue(() => defineRuleSet(bigTitle), {
      entryPoint: 'defineRuleSet (huge)',
    });
    expect(longTitle?.ok).toBe(true);
    const facts = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, index) => [
        `fact${index}`,
        { type: 'boolean', title: { zh: 'x' } },
      ]),
    );
    const document = cloneJson(guangxiDocument) as { facts: Record<string, unknown> };
    Object.assign(document.facts, facts);
    const manyFacts = expectRubricErrorOrValue(() => defineRuleSet(document), {
      entryPoint: 'defineRuleSet (huge)',
    });
    // A 100,000-fact catalog is no real rubric: rejected by the size limit before zod walks it.
    expect(manyFacts?.ok).toBe(false);
    const badId = { ...(guangxiDocument as object), id: tenMegabytes, version: `1.0.0-${tenMegabytes}!` };
    const rejected = expectRubricErrorOrValue(() => defineRuleSet(badId), {
      entryPoint: 'defineRuleSet (huge)',
    });
    expect(rejected?.ok).toBe(false);
  });
});
