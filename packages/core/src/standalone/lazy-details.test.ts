import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import {
  importStandalone,
  removeStandaloneModules,
  type StandaloneModule,
} from '../../test/standalone-module.js';
import { createJsonRulesEngineEvaluator } from '../json-rules-engine/evaluate-with-json-rules-engine.js';
import type { EvaluationResult } from '../result/types.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { generateStandaloneEvaluator } from './generate-standalone-evaluator.js';

afterAll(removeStandaloneModules);

// The module builds a result's details when first read, as core's evaluator does. These tests hold its
// results to plain data: every consumer sees what an eagerly built result holds (the json-rules-engine
// backend's, built field by field as plain objects).
const ruleSet = defineRuleSet(sampleRuleSet());
const assessments = [
  assessmentOf(perfectFacts(), 'perfect'),
  assessmentOf({ ...perfectFacts(), cctvCoverage: 0.2, securityStaff: 0, hasPolicingRoom: false }, 'unmet'),
  assessmentOf({ ...perfectFacts(), rentalHouseholds: 10 }, 'out-of-scope'),
  assessmentOf({ occupied: true, hasLifts: true }, 'missing-data'),
];
let standalone: StandaloneModule;
beforeAll(async () => {
  standalone = await importStandalone(generateStandaloneEvaluator(ruleSet));
});

async function pairs(explain: boolean) {
  const reference = createJsonRulesEngineEvaluator(ruleSet, { explain });
  return Promise.all(
    assessments.map(async (assessment) => ({
      lazy: () => standalone.evaluate(assessment, { explain }),
      eager: await reference.evaluate(assessment),
    })),
  );
}

/** Freezes a value and everything reachable from it by reading its properties, as deep-freeze helpers do. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

describe.each([true, false])("a standalone module's result (explain: %s) is plain data", (explain) => {
  it('to JSON.stringify, fields in the same order', async () => {
    for (const { lazy, eager } of await pairs(explain))
      expect(JSON.stringify(lazy())).toBe(JSON.stringify(eager));
  });

  it('to structuredClone', async () => {
    for (const { lazy, eager } of await pairs(explain)) expect(structuredClone(lazy())).toStrictEqual(eager);
  });

  it('to Object.keys', async () => {
    for (const { lazy, eager } of await pairs(explain))
      expect(Object.keys(lazy())).toEqual(Object.keys(eager));
  });

  it('to deep equality in vitest and in node:util', async () => {
    for (const { lazy, eager } of await pairs(explain)) {
      expect(lazy()).toEqual(eager);
      expect(lazy()).toStrictEqual(eager);
      expect(eager).toStrictEqual(lazy());
      expect(isDeepStrictEqual(lazy(), eager)).toBe(true);
    }
  });

  it('to spreading, which gives data properties', async () => {
    for (const { lazy, eager } of await pairs(explain)) {
      const spread = { ...lazy() };
      expect(spread).toStrictEqual({ ...eager });
      expect(Object.getOwnPropertyDescriptor(spread, 'standards')).toHaveProperty('value');
      expect(Object.getOwnPropertySymbols(spread)).toEqual([]);
    }
  });

  it('to a deep freeze: the same values, frozen all the way down, assignment refused', async () => {
    for (const { lazy, eager } of await pairs(explain)) {
      const result = deepFreeze(lazy());
      expect(result).toStrictEqual(eager);
      expect(Object.isFrozen(result.standards[0])).toBe(true);
      expect(Object.isFrozen(result.requirements)).toBe(true);
      expect(() => {
        (result as { reasons: unknown }).reasons = [];
      }).toThrow(TypeError);
    }
  });

  it('frozen shallowly, still building its details when read', async () => {
    for (const { lazy, eager } of await pairs(explain)) {
      const result = Object.freeze(lazy());
      expect(result.aspects).toEqual(eager.aspects);
      expect(result.reasons).toEqual(eager.reasons);
      expect(result.standards).toEqual(eager.standards);
    }
  });

  it('read through a Proxy that passes itself as the receiver', async () => {
    for (const { lazy, eager } of await pairs(explain)) {
      const proxied = new Proxy(lazy(), {
        get: (target, key, receiver) => Reflect.get(target, key, receiver),
      });
      expect(proxied.reasons).toEqual(eager.reasons);
      expect(JSON.stringify(proxied)).toBe(JSON.stringify(eager));
    }
  });
});

describe("a standalone module's result built when read", () => {
  it('gives the same object on every read, and takes an assigned value in its place', () => {
    const result = standalone.evaluate(assessments[1]!) as {
      -readonly [Key in keyof EvaluationResult]: EvaluationResult[Key];
    };
    expect(result.standards).toBe(result.standards);
    expect(result.reasons).toBe(result.reasons);
    result.reasons = [];
    expect(JSON.parse(JSON.stringify(result)).reasons).toEqual([]);
    delete (result as { standards?: unknown }).standards;
    expect(Object.keys(result)).not.toContain('standards');
  });

  it('is read the same through an object that inherits from it, which gets its own assigned field', () => {
    const result = standalone.evaluate(assessments[1]!);
    const child = Object.create(result) as EvaluationResult;
    expect(child.standards).toBe(result.standards);
    (child as { reasons: unknown }).reasons = [];
    expect(result.reasons).not.toEqual([]);
  });

  it('is not changed by changes to the assessment after evaluating', () => {
    const assessment = assessmentOf({ ...perfectFacts(), cctvCoverage: 0.2 }, 'changed-later');
    const result = standalone.evaluate(assessment);
    const expected = JSON.stringify(standalone.evaluate(structuredClone(assessment)));
    (assessment.facts as Record<string, unknown>).cctvCoverage = 0.99;
    expect(JSON.stringify(result)).toBe(expected);
  });

  it('keeps its reasons to its own outcomes when two results are read in either order', () => {
    const first = standalone.evaluate(assessments[1]!);
    const second = standalone.evaluate(assessments[0]!);
    expect(second.reasons).toEqual([]);
    expect(first.reasons.map((reason) => reason.code)).toContain('BELOW_THRESHOLD');
    expect(first.requirements).not.toEqual(second.requirements);
  });
});
