import { ruleSetArbitrary } from '@sunshine-rubric/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { defineRuleSet, diffRuleSets, type RuleSet, safeDefineRuleSet } from '../../src/index.js';
import { toJsonRulesEngineRules } from '../../src/json-rules-engine/index.js';
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
  quarantined,
  truncatedJsonArbitrary,
} from './hostile-values.js';
import { cloneJson, mutatedArbitrary } from './mutate.js';

afterAll(() => reportInputCounts('fuzz-rule-set'));

const generatedRuleSets = ruleSetArbitrary();
const mutatedGuangxi = mutatedArbitrary(fc.constant(guangxiDocument));
const mutatedGenerated = mutatedArbitrary(generatedRuleSets);
/** Mutations with JSON values only: deterministic inputs (no Proxy that answers differently each time). */
const jsonMutatedGuangxi = mutatedArbitrary(fc.constant(guangxiDocument), jsonValueArbitrary(3));

/** A rule set defineRuleSet accepted is frozen, plain JSON, and accepted again unchanged. */
function expectValidRuleSet(ruleSet: RuleSet): void {
  expect(Object.isFrozen(ruleSet)).toBe(true);
  const text = JSON.stringify(ruleSet);
  expect(JSON.stringify(defineRuleSet(JSON.parse(text)))).toBe(text);
}

function checkDefineRuleSet(input: unknown, inputs = 'defineRuleSet'): void {
  const outcome = expectRubricErrorOrValue(() => defineRuleSet(input), { entryPoint: inputs });
  if (outcome?.ok) expectValidRuleSet(outcome.value);
  else if (outcome) expect(outcome.error.code).toBe('INVALID_RULE_SET');
}

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

describe('bugs this suite found, now fixed', { timeout: FUZZ_TIMEOUT }, () => {
  // BUG-1: findExcessiveNesting maps an array to [index, item] pairs with Array#map, which keeps holes;
  // destructuring a hole throws "TypeError: .for is not iterable". safeDefineRuleSet throws instead of
  // returning ok: false.
  it('BUG-1: safeDefineRuleSet([ , ]) returns a result instead of throwing a TypeError', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the bug
    expect(() => safeDefineRuleSet([,])).not.toThrow();
  });

  it('BUG-1: a hole in aspects gives INVALID_RULE_SET, not a TypeError', () => {
    const document = { ...(guangxiDocument as object), aspects: quarantined.sparseArray!() };
    checkDefineRuleSet(document);
  });

  // BUG-2: check-semantics `show()` calls JSON.stringify on the offending value, which throws on BigInt.
  it('BUG-2: a BigInt condition value gives INVALID_RULE_SET, not a TypeError', () => {
    const document = cloneJson(guangxiDocument) as { scope: unknown };
    document.scope = { fact: 'occupied', operator: 'equal', value: 1n };
    checkDefineRuleSet(document);
  });

  // BUG-3: check-semantics interpolates the unvalidated `definition.type` into messages (`this fact is
  // ${type}` in readFactCatalog, `does not apply to ${fact.type} fact` in checkLeaf). A Symbol, a
  // null-prototype object, or an object with an own non-function toString — `{"toString":0}`, valid
  // JSON — throws a TypeError there.
  it('BUG-3: a Symbol fact type (with values) gives INVALID_RULE_SET, not a TypeError', () => {
    const document = cloneJson(guangxiDocument) as { facts: Record<string, unknown> };
    document.facts.extra = { type: Symbol('type'), title: { zh: 'x' }, values: ['a'] };
    checkDefineRuleSet(document);
  });

  it('BUG-3: a fact type of {"toString":0} (valid JSON) gives INVALID_RULE_SET, not a TypeError', () => {
    const document = cloneJson(guangxiDocument) as { facts: Record<string, unknown> };
    document.facts.extra = JSON.parse('{"type":{"toString":0},"title":{"zh":"x"},"values":["a"]}');
    checkDefineRuleSet(document);
  });

  it('BUG-3: the same type on a fact a condition uses fails in the operator-type message too', () => {
    const document = cloneJson(guangxiDocument) as { facts: Record<string, unknown>; scope: unknown };
    document.facts.extra = JSON.parse('{"type":{"toString":0},"title":{"zh":"x"}}');
    document.scope = { fact: 'extra', operator: 'equal', value: true };
    checkDefineRuleSet(document);
  });

  it('BUG-3: a null-prototype fact type (with values) gives INVALID_RULE_SET, not a TypeError', () => {
    const document = cloneJson(guangxiDocument) as { facts: Record<string, unknown> };
    document.facts.extra = { type: Object.create(null), title: { zh: 'x' }, values: ['a'] };
    checkDefineRuleSet(document);
  });

  // BUG-14: no size limit before zod. zod propagates a child's issues with
  // `issues.push(...prefixIssues(index, child.issues))`; a child with ~125,000+ issues overflows the stack
  // in that spread, so safeDefineRuleSet throws "RangeError: Maximum call stack size exceeded" on a ~300 KB
  // JSON document. Below that, 100,000 wrong items take 0.5–2.3 s to reject (one issue each).
  it('BUG-14: 130,000 wrong requirements give INVALID_RULE_SET, not a RangeError', {
    timeout: 30_000,
  }, () => {
    const document = JSON.parse(`{"aspects":[{"requirements":[${new Array(130_000).fill(0).join(',')}]}]}`);
    expect(() => safeDefineRuleSet(document)).not.toThrow();
  });

  // BUG-4: findExcessiveNesting walks every path, not every node: a document with shared subtrees (a DAG,
  // as YAML anchors/aliases or JS code produce) costs 2^depth. Depth 30 hangs for minutes; the depth limit
  // (64) does not help because each path stays short. Counted with a Proxy so the test is fast and exact.
  it('BUG-4: a shared subtree is visited once per node, not once per path', () => {
    let visits = 0;
    let node: unknown = {};
    const levels = 16;
    for (let level = 0; level < levels; level++) {
      node = new Proxy(
        { a: node, b: node },
        {
          ownKeys: (target) => {
            visits += 1;
            return Reflect.ownKeys(target);
          },
        },
      );
    }
    safeDefineRuleSet({ ...(guangxiDocument as object), unknownField: node });
    // 16 distinct nodes; a linear walk enumerates each a few times at most, the path walk 2^16 times.
    expect(visits).toBeLessThan(levels * 10);
  });
});
