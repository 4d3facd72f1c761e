import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defineRuleSet,
  extendRuleSet,
  type RuleSet,
  type RuleSetPatch,
  safeExtendRuleSet,
} from '../../src/index.js';
import {
  expectRubricErrorOrValue,
  expectSafeNeverThrows,
  expectThrowsIffNotOk,
  FUZZ_RUNS,
  FUZZ_TIMEOUT,
  reportInputCounts,
} from './contract.js';
import { guangxi2021, guangxiDocument, guangxiPatches } from './documents.js';
import {
  anyJsonArbitrary,
  anyValueArbitrary,
  deepObject,
  jsonValueArbitrary,
  truncatedJsonArbitrary,
} from './hostile-values.js';
import { mutatedArbitrary } from './mutate.js';

afterAll(() => reportInputCounts('fuzz-variants'));

const patches = fc.constantFrom(...guangxiPatches);
const mutatedPatches = mutatedArbitrary(patches);
const patchInputs = fc.oneof(
  { weight: 1, arbitrary: anyJsonArbitrary },
  { weight: 1, arbitrary: anyValueArbitrary },
  { weight: 4, arbitrary: mutatedPatches },
);

/** A variant is a frozen, valid rule set that names its base, and the base is unchanged. */
function expectValidVariant(base: RuleSet, variant: RuleSet): void {
  expect(Object.isFrozen(variant)).toBe(true);
  expect(variant.extends).toBe(`${base.id}@${base.version}`);
  expect(`${variant.id}@${variant.version}`).not.toBe(`${base.id}@${base.version}`);
  const text = JSON.stringify(variant);
  expect(JSON.stringify(defineRuleSet(JSON.parse(text)))).toBe(text);
}

const guangxiText = JSON.stringify(guangxi2021);

function checkExtend(base: unknown, patch: unknown, inputs: string): void {
  const outcome = expectRubricErrorOrValue(() => extendRuleSet(base as RuleSet, patch as RuleSetPatch), {
    entryPoint: inputs,
  });
  if (outcome?.ok) expectValidVariant(defineRuleSet(base), outcome.value);
  else if (outcome) expect(['INVALID_PATCH', 'INVALID_RULE_SET']).toContain(outcome.error.code);
  // The base is frozen and must come out as it went in.
  expect(JSON.stringify(guangxi2021)).toBe(guangxiText);
}

describe('extendRuleSet under fuzzing', { timeout: FUZZ_TIMEOUT }, () => {
  it('starts from patches that extendRuleSet accepts', () => {
    for (const patch of guangxiPatches) expect(safeExtendRuleSet(guangxi2021, patch).ok).toBe(true);
  });

  it('answers any patch (random JSON, hostile JS, mutated valid patches)', () => {
    fc.assert(
      fc.property(patchInputs, (patch) => checkExtend(guangxi2021, patch, 'extendRuleSet (any patch)')),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers mutated valid patches (near-valid: edits, additions, replacements)', () => {
    fc.assert(
      fc.property(mutatedPatches, (patch) =>
        checkExtend(guangxi2021, patch, 'extendRuleSet (mutated patch)'),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers a valid patch on a mutated or truncated base', () => {
    const bases = fc.oneof(
      mutatedArbitrary(fc.constant(guangxiDocument)),
      truncatedJsonArbitrary(guangxiDocument),
    );
    fc.assert(
      fc.property(bases, patches, (base, patch) => checkExtend(base, patch, 'extendRuleSet (mutated base)')),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('safeExtendRuleSet never throws (except the input’s own getter exceptions)', () => {
    fc.assert(
      fc.property(patchInputs, (patch) => {
        expectSafeNeverThrows('safeExtendRuleSet', () => safeExtendRuleSet(guangxi2021, patch));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('extendRuleSet throws exactly when safeExtendRuleSet returns ok: false, with the same issues', () => {
    const deterministic = fc.oneof(anyJsonArbitrary, mutatedArbitrary(patches, jsonValueArbitrary(3)));
    fc.assert(
      fc.property(deterministic, (patch) => {
        expectThrowsIffNotOk(
          'extendRuleSet iff safeExtendRuleSet',
          () => safeExtendRuleSet(guangxi2021, patch),
          () => extendRuleSet(guangxi2021, patch as RuleSetPatch),
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('rejects a 20,000-deep patch with INVALID_PATCH, without overflowing the stack', () => {
    for (const patch of [
      deepObject(20_000, 'add'),
      { id: 'deep', version: '1.0.0', scope: deepObject(20_000, 'not') },
      {
        id: 'deep',
        version: '1.0.0',
        add: [
          { to: 'R01', standard: { id: 'S99', title: { zh: 'x' }, condition: deepObject(20_000, 'not') } },
        ],
      },
    ]) {
      const outcome = expectRubricErrorOrValue(() => extendRuleSet(guangxi2021, patch as RuleSetPatch), {
        entryPoint: 'extendRuleSet (deep)',
      });
      expect(outcome?.ok).toBe(false);
    }
  });
});
