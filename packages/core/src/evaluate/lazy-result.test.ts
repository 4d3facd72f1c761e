import { isDeepStrictEqual } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { createJsonRulesEngineEvaluator } from '../json-rules-engine/evaluate-with-json-rules-engine.js';
import type { EvaluationResult } from '../result/types.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { compileRuleSet } from './compile-rule-set.js';

// A result's details are built when first read. These tests hold it to plain data: every consumer sees
// what an eagerly built result holds. The eager result is the json-rules-engine backend's, built field by
// field as plain objects.
// Two standards require evidence, and a standard without it counts as unmet: results then hold standards'
// evidence, unevidenced standards and EVIDENCE_MISSING reasons too.
const required: Record<string, string[]> = { 's-policing-room': ['照片', '台账'], 's-heating': ['合同'] };
const sample = sampleRuleSet();
const ruleSet = defineRuleSet({
  ...sample,
  scoring: { ...sample.scoring, unevidenced: 'unmet' },
  aspects: sample.aspects.map((aspect) => ({
    ...aspect,
    requirements: aspect.requirements.map((requirement) => ({
      ...requirement,
      standards: requirement.standards.map((standard) =>
        required[standard.id] ? { ...standard, evidence: required[standard.id] } : standard,
      ),
    })),
  })),
});
const evaluator = compileRuleSet(ruleSet);
const cited = {
  's-policing-room': [
    { kind: '照片', name: 'a.jpg', date: '2021-01-02' },
    { kind: '其他', name: 'b' },
  ],
  's-kindergarten': [{ kind: '托育', name: 'c', hash: `sha256:${'f'.repeat(64)}` }],
};
const assessments = [
  assessmentOf(perfectFacts(), 'perfect'),
  { ...assessmentOf(perfectFacts(), 'evidence-cited'), evidence: cited },
  assessmentOf({ ...perfectFacts(), cctvCoverage: 0.2, securityStaff: 0, hasPolicingRoom: false }, 'unmet'),
  assessmentOf({ ...perfectFacts(), rentalHouseholds: 10 }, 'out-of-scope'),
  assessmentOf({ occupied: true, hasLifts: true }, 'missing-data'),
];

async function pairs(explain: boolean) {
  const reference = createJsonRulesEngineEvaluator(ruleSet, { explain });
  return Promise.all(
    assessments.map(async (assessment) => ({
      name: assessment.id,
      lazy: () => evaluator.evaluate(assessment, { explain }),
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

describe.each([true, false])('a result (explain: %s) is plain data to every consumer', (explain) => {
  it('holds evidence for these tests to cover: standards’ evidence, unevidenced, EVIDENCE_MISSING', async () => {
    const results = (await pairs(explain)).map(({ lazy }) => lazy());
    expect(
      results.some((result) => result.standards.some((standard) => standard.evidence?.extra.length)),
    ).toBe(true);
    expect(results.some((result) => result.unevidenced.length > 0)).toBe(true);
    expect(
      results.some((result) => result.reasons.some((reason) => reason.code === 'EVIDENCE_MISSING')),
    ).toBe(true);
  });

  it('JSON.stringify gives the same text, fields in the same order', async () => {
    for (const { lazy, eager } of await pairs(explain))
      expect(JSON.stringify(lazy())).toBe(JSON.stringify(eager));
  });

  it('structuredClone copies the same values', async () => {
    for (const { lazy, eager } of await pairs(explain)) expect(structuredClone(lazy())).toStrictEqual(eager);
  });

  it('Object.keys lists the same fields', async () => {
    for (const { lazy, eager } of await pairs(explain))
      expect(Object.keys(lazy())).toEqual(Object.keys(eager));
  });

  it('is deep-equal in vitest and in node:util', async () => {
    for (const { lazy, eager } of await pairs(explain)) {
      expect(lazy()).toEqual(eager);
      expect(lazy()).toStrictEqual(eager);
      expect(eager).toStrictEqual(lazy());
      expect(isDeepStrictEqual(lazy(), eager)).toBe(true);
    }
  });

  it('spreads into an object of plain data properties', async () => {
    for (const { lazy, eager } of await pairs(explain)) {
      const spread = { ...lazy() };
      expect(spread).toStrictEqual({ ...eager });
      expect(Object.getOwnPropertyDescriptor(spread, 'standards')).toHaveProperty('value');
    }
  });

  it('deep-frozen, holds the same values, frozen all the way down, and refuses assignment', async () => {
    for (const { lazy, eager } of await pairs(explain)) {
      const result = deepFreeze(lazy());
      expect(result).toStrictEqual(eager);
      expect(Object.isFrozen(result.standards)).toBe(true);
      expect(Object.isFrozen(result.standards[0])).toBe(true);
      expect(Object.isFrozen(result.requirements[0])).toBe(true);
      expect(result.standards).toBe(result.standards);
      expect(() => {
        (result as { reasons: unknown }).reasons = [];
      }).toThrow(TypeError);
      expect(result).toStrictEqual(eager);
    }
  });

  it('frozen shallowly, still builds its details when read', async () => {
    for (const { lazy, eager } of await pairs(explain)) {
      const result = Object.freeze(lazy());
      expect(result.aspects).toEqual(eager.aspects);
      expect(result.reasons).toEqual(eager.reasons);
      expect(result.standards).toEqual(eager.standards);
    }
  });
});

describe('a result built when read', () => {
  it('gives the same object on every read, as a data property does', () => {
    const result = evaluator.evaluate(assessments[1]!);
    expect(result.standards).toBe(result.standards);
    expect(result.reasons).toBe(result.reasons);
    expect(result.standards[0]!.explanation).toBe(result.standards[0]!.explanation);
  });

  it('takes an assigned value in place of its own, and can lose a field', () => {
    const result = evaluator.evaluate(assessments[1]!) as {
      -readonly [Key in keyof EvaluationResult]: EvaluationResult[Key];
    };
    result.reasons = [];
    expect(result.reasons).toEqual([]);
    expect(JSON.parse(JSON.stringify(result)).reasons).toEqual([]);
    delete (result as { standards?: unknown }).standards;
    expect(Object.keys(result)).not.toContain('standards');
  });

  it('is not changed by changes to the assessment after evaluating', () => {
    const assessment = assessmentOf({ ...perfectFacts(), cctvCoverage: 0.2 }, 'changed-later');
    const result = evaluator.evaluate(assessment);
    const expected = JSON.stringify(compileRuleSet(ruleSet).evaluate(structuredClone(assessment)));
    (assessment.facts as Record<string, unknown>).cctvCoverage = 0.99;
    expect(JSON.stringify(result)).toBe(expected);
  });

  it('is read the same through an object that inherits from it', () => {
    const result = evaluator.evaluate(assessments[1]!);
    const child = Object.create(result) as EvaluationResult;
    expect(child.standards).toBe(result.standards);
    (child as { reasons: unknown }).reasons = [];
    expect(result.reasons).not.toEqual([]);
  });
});

const rawOf = new WeakMap<object, object>();
const reactiveOf = new WeakMap<object, object>();

/**
 * Vue 3's `reactive`, as `@vue/reactivity` 3.5 writes it, without the dependency tracking: a Proxy whose
 * get trap reads with `Reflect.get(target, key, receiver)` (so an accessor runs with the proxy as `this`)
 * and wraps every object it returns, except one that is not extensible; the set trap stores raw values
 * through `Reflect.set(target, key, value, receiver)`.
 */
function reactiveLike<T>(target: T): T {
  if (typeof target !== 'object' || target === null || rawOf.has(target)) return target;
  if (!Object.isExtensible(target)) return target;
  const tag = Object.prototype.toString.call(target);
  if (tag !== '[object Object]' && tag !== '[object Array]') return target;
  const existing = reactiveOf.get(target);
  if (existing !== undefined) return existing as T;
  const proxy = new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      return typeof value === 'object' && value !== null ? reactiveLike(value) : value;
    },
    set(object, key, value, receiver) {
      const raw = typeof value === 'object' && value !== null ? (rawOf.get(value) ?? value) : value;
      return Reflect.set(object, key, raw, receiver);
    },
  });
  rawOf.set(proxy, target);
  reactiveOf.set(target, proxy);
  return proxy;
}

/** The simplest Proxy that passes itself as the receiver. */
function forwardingProxy<T extends object>(target: T): T {
  return new Proxy(target, { get: (object, key, receiver) => Reflect.get(object, key, receiver) });
}

describe.each([
  ['a forwarding Proxy', forwardingProxy],
  ["Vue's reactive (as written there)", reactiveLike],
])('a result read through %s', (_name, wrap) => {
  it.each([true, false])('gives the same values as the result (explain: %s)', async (explain) => {
    for (const { lazy, eager } of await pairs(explain)) {
      const proxied = wrap(lazy());
      expect(proxied.standards).toEqual(eager.standards);
      expect(proxied.requirements).toEqual(eager.requirements);
      expect(proxied.aspects).toEqual(eager.aspects);
      expect(proxied.reasons).toEqual(eager.reasons);
      expect(JSON.stringify(wrap(lazy()))).toBe(JSON.stringify(eager));
      expect(Object.keys(wrap(lazy()))).toEqual(Object.keys(eager));
      expect(wrap(lazy())).toEqual(eager);
    }
  });

  it('builds each field once, shared with the result read directly', () => {
    const result = evaluator.evaluate(assessments[1]!);
    const proxied = wrap(result);
    const standards = proxied.standards;
    expect(result.standards).toBe(wrap === reactiveLike ? rawOf.get(standards) : standards);
    expect(JSON.stringify(proxied)).toBe(JSON.stringify(result));
  });

  it('takes an assignment through the Proxy, as the result would', () => {
    const result = evaluator.evaluate(assessments[1]!);
    const proxied = wrap(result) as { reasons: unknown };
    proxied.reasons = [];
    expect(result.reasons).toEqual([]);
    expect(JSON.parse(JSON.stringify(result)).reasons).toEqual([]);
  });

  it('reads the same when the result is frozen first', async () => {
    for (const { lazy, eager } of await pairs(true)) {
      const proxied = wrap(Object.freeze(lazy()));
      expect(proxied.reasons).toEqual(eager.reasons);
      expect(JSON.stringify(proxied)).toBe(JSON.stringify(eager));
    }
  });
});

describe('the state a result keeps until read', () => {
  it('is no key a consumer lists, copies or compares', () => {
    const result = evaluator.evaluate(assessments[1]!);
    expect(Object.keys({ ...result })).toEqual(Object.keys(result));
    expect(Object.getOwnPropertySymbols({ ...result })).toEqual([]);
    expect(Object.getOwnPropertySymbols(structuredClone(result))).toEqual([]);
  });
});

describe('results in V8', () => {
  // V8's own checks, callable once natives syntax is allowed; a dictionary-mode result (a closure per
  // result, a getter per object literal) is several times slower to build and to read.
  setFlagsFromString('--allow-natives-syntax');
  const hasFastProperties = new Function('value', 'return %HasFastProperties(value)') as (
    value: object,
  ) => boolean;
  const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
    a: object,
    b: object,
  ) => boolean;

  it('keep fast properties and share one shape, read or not', () => {
    const results = assessments.slice(0, 2).map((assessment) => evaluator.evaluate(assessment));
    const [first, second] = results as [EvaluationResult, EvaluationResult];
    for (const result of results) expect(hasFastProperties(result)).toBe(true);
    expect(haveSameMap(first, second)).toBe(true);
    expect(first.standards).toHaveLength(second.standards.length);
    expect(hasFastProperties(first)).toBe(true);
    expect(haveSameMap(first, second)).toBe(true);
  });
});
