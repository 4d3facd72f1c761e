// The checks that hold a result built when read (core's evaluator, a generated standalone module) to plain
// data: every consumer sees what an eagerly built result holds. The eager result is the json-rules-engine
// backend's, built field by field as plain objects. One table, run on every builder of lazy results.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../src/assessment/schema.js';
import { createJsonRulesEngineEvaluator } from '../src/json-rules-engine/evaluate-with-json-rules-engine.js';
import type { EvaluationResult } from '../src/result/types.js';
import { defineRuleSet } from '../src/rule-set/define-rule-set.js';
import { assessmentOf, perfectFacts, sampleRuleSet } from './fixtures.js';

/** Evaluates an assessment of {@link lazyResultRuleSet}, building the result's details when first read. */
export type LazyEvaluate = (
  assessment: Assessment,
  options?: { readonly explain?: boolean },
) => EvaluationResult;

/**
 * The rule set every builder under test evaluates. Two standards require evidence, and a standard without
 * it counts as unmet: results then hold standards' evidence, unevidenced standards and EVIDENCE_MISSING
 * reasons too.
 */
const required: Record<string, string[]> = { 's-policing-room': ['照片', '台账'], 's-heating': ['合同'] };
const sample = sampleRuleSet();
export const lazyResultRuleSet = defineRuleSet({
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
/** Every required document cited: the perfect estate stays eligible. */
const complete = {
  's-policing-room': [
    { kind: '照片', name: 'room.jpg' },
    { kind: '台账', name: 'ledger.pdf' },
  ],
  's-heating': [{ kind: '合同', name: 'contract.pdf' }],
};
/** One required document cited, one of another kind, and one for a standard that requires none. */
const cited = {
  's-policing-room': [
    { kind: '照片', name: 'a.jpg', date: '2021-01-02' },
    { kind: '其他', name: 'b' },
  ],
  's-kindergarten': [{ kind: '托育', name: 'c', hash: `sha256:${'f'.repeat(64)}` }],
};

/** Eligible, unmet, out of scope, missing data, evidence cited: each a different set of details to build. */
export const lazyResultAssessments: readonly Assessment[] = [
  { ...assessmentOf(perfectFacts(), 'perfect'), evidence: complete },
  assessmentOf({ ...perfectFacts(), cctvCoverage: 0.2, securityStaff: 0, hasPolicingRoom: false }, 'unmet'),
  assessmentOf({ ...perfectFacts(), rentalHouseholds: 10 }, 'out-of-scope'),
  assessmentOf({ occupied: true, hasLifts: true }, 'missing-data'),
  { ...assessmentOf(perfectFacts(), 'evidence-cited'), evidence: cited },
];
const unmet = lazyResultAssessments[1]!;

/** A lazily built result (a new one on each call) beside the eager reference for the same assessment. */
interface Pair {
  readonly lazy: () => EvaluationResult;
  readonly eager: EvaluationResult;
}

async function pairsOf(evaluate: LazyEvaluate, explain: boolean): Promise<Pair[]> {
  const reference = createJsonRulesEngineEvaluator(lazyResultRuleSet, { explain });
  return Promise.all(
    lazyResultAssessments.map(async (assessment) => ({
      lazy: () => evaluate(assessment, { explain }),
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

/** Each consumer of plain data, and what it must see of a lazy result beside the eager one. */
export const plainDataChecks: readonly (readonly [consumer: string, check: (pair: Pair) => void])[] = [
  [
    'JSON.stringify gives the same text, fields in the same order',
    ({ lazy, eager }) => expect(JSON.stringify(lazy())).toBe(JSON.stringify(eager)),
  ],
  [
    'structuredClone copies the same values',
    ({ lazy, eager }) => expect(structuredClone(lazy())).toStrictEqual(eager),
  ],
  [
    'Object.keys lists the same fields',
    ({ lazy, eager }) => expect(Object.keys(lazy())).toEqual(Object.keys(eager)),
  ],
  [
    'is deep-equal in vitest and in node:util',
    ({ lazy, eager }) => {
      expect(lazy()).toEqual(eager);
      expect(lazy()).toStrictEqual(eager);
      expect(eager).toStrictEqual(lazy());
      expect(isDeepStrictEqual(lazy(), eager)).toBe(true);
    },
  ],
  [
    'spreads into an object of plain data properties, without symbols',
    ({ lazy, eager }) => {
      const spread = { ...lazy() };
      expect(spread).toStrictEqual({ ...eager });
      expect(Object.getOwnPropertyDescriptor(spread, 'standards')).toHaveProperty('value');
      expect(Object.getOwnPropertySymbols(spread)).toEqual([]);
    },
  ],
  [
    'deep-frozen, holds the same values, frozen all the way down, and refuses assignment',
    ({ lazy, eager }) => {
      const result = deepFreeze(lazy());
      expect(result).toStrictEqual(eager);
      expect(Object.isFrozen(result.standards)).toBe(true);
      expect(Object.isFrozen(result.standards[0])).toBe(true);
      expect(Object.isFrozen(result.requirements)).toBe(true);
      expect(Object.isFrozen(result.requirements[0])).toBe(true);
      expect(result.standards).toBe(result.standards);
      expect(() => {
        (result as { reasons: unknown }).reasons = [];
      }).toThrow(TypeError);
      expect(result).toStrictEqual(eager);
    },
  ],
  [
    'frozen shallowly, still builds its details when read',
    ({ lazy, eager }) => {
      const result = Object.freeze(lazy());
      expect(result.aspects).toEqual(eager.aspects);
      expect(result.reasons).toEqual(eager.reasons);
      expect(result.standards).toEqual(eager.standards);
    },
  ],
];

/** The Proxies a result is read through: one that only forwards, and Vue's `reactive`. */
const proxies: readonly (readonly [name: string, wrap: <T extends object>(target: T) => T])[] = [
  ['a forwarding Proxy', forwardingProxy],
  ["Vue's reactive (as written there)", reactiveLike],
];

/**
 * Runs every check on one builder of lazy results: the plain-data table (with and without explanations),
 * reads through Proxies, and what a result built when read must do as a data property would.
 */
export function describeLazyResult(builder: string, evaluate: LazyEvaluate): void {
  describe.each([true, false])(
    `${builder}: a result (explain: %s) is plain data to every consumer`,
    (explain) => {
      it.each(plainDataChecks)('%s', async (_consumer, check) => {
        for (const pair of await pairsOf(evaluate, explain)) check(pair);
      });
    },
  );

  describe.each(proxies)(`${builder}: a result read through %s`, (_name, wrap) => {
    it.each([true, false])('gives the same values as the result (explain: %s)', async (explain) => {
      for (const { lazy, eager } of await pairsOf(evaluate, explain)) {
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
      const result = evaluate(unmet);
      const proxied = wrap(result);
      const standards = proxied.standards;
      expect(result.standards).toBe(wrap === reactiveLike ? rawOf.get(standards) : standards);
      expect(JSON.stringify(proxied)).toBe(JSON.stringify(result));
    });

    it('takes an assignment through the Proxy, as the result would', () => {
      const result = evaluate(unmet);
      const proxied = wrap(result) as { reasons: unknown };
      proxied.reasons = [];
      expect(result.reasons).toEqual([]);
      expect(JSON.parse(JSON.stringify(result)).reasons).toEqual([]);
    });

    it('reads the same when the result is frozen first', async () => {
      for (const { lazy, eager } of await pairsOf(evaluate, true)) {
        const proxied = wrap(Object.freeze(lazy()));
        expect(proxied.reasons).toEqual(eager.reasons);
        expect(JSON.stringify(proxied)).toBe(JSON.stringify(eager));
      }
    });
  });

  describe(`${builder}: a result built when read`, () => {
    it('gives the same object on every read, as a data property does', () => {
      const result = evaluate(unmet);
      expect(result.standards).toBe(result.standards);
      expect(result.reasons).toBe(result.reasons);
      expect(result.standards[0]!.explanation).toBe(result.standards[0]!.explanation);
    });

    it('takes an assigned value in place of its own, and can lose a field', () => {
      const result = evaluate(unmet) as { -readonly [Key in keyof EvaluationResult]: EvaluationResult[Key] };
      result.reasons = [];
      expect(result.reasons).toEqual([]);
      expect(JSON.parse(JSON.stringify(result)).reasons).toEqual([]);
      delete (result as { standards?: unknown }).standards;
      expect(Object.keys(result)).not.toContain('standards');
    });

    it('is read the same through an object that inherits from it, which gets its own assigned field', () => {
      const result = evaluate(unmet);
      const child = Object.create(result) as EvaluationResult;
      expect(child.standards).toBe(result.standards);
      (child as { reasons: unknown }).reasons = [];
      expect(result.reasons).not.toEqual([]);
    });

    it('is not changed by changes to the assessment after evaluating', () => {
      const assessment = assessmentOf({ ...perfectFacts(), cctvCoverage: 0.2 }, 'changed-later');
      const result = evaluate(assessment);
      const expected = JSON.stringify(evaluate(structuredClone(assessment)));
      (assessment.facts as Record<string, unknown>).cctvCoverage = 0.99;
      expect(JSON.stringify(result)).toBe(expected);
    });

    it('keeps its reasons to its own outcomes when two results are read in either order', () => {
      const first = evaluate(unmet);
      const second = evaluate(lazyResultAssessments[0]!);
      expect(second.reasons).toEqual([]);
      expect(first.reasons.map((reason) => reason.code)).toContain('BELOW_THRESHOLD');
      expect(first.requirements).not.toEqual(second.requirements);
    });

    it('keeps its state in no key a consumer lists, copies or compares', () => {
      const result = evaluate(unmet);
      expect(Object.keys({ ...result })).toEqual(Object.keys(result));
      expect(Object.getOwnPropertySymbols({ ...result })).toEqual([]);
      expect(Object.getOwnPropertySymbols(structuredClone(result))).toEqual([]);
    });
  });
}

/**
 * MDN's `deepFreeze` (the Object.freeze page's, copied into many code bases): it walks `Reflect.ownKeys`,
 * symbols and non-enumerable keys included, reading each value, and freezes what it reaches.
 */
function deepFreezeOwnKeys<T>(object: T): T {
  for (const name of Reflect.ownKeys(object as object)) {
    const value = (object as Record<PropertyKey, unknown>)[name];
    if ((value && typeof value === 'object') || typeof value === 'function') deepFreezeOwnKeys(value);
  }
  return Object.freeze(object);
}

/**
 * What a result built when read must do as plain data beyond the shared table: be deep-frozen by a walker
 * of every own key, and on assignment keep the value assigned (`undefined` too), on the object assigned to
 * and no other. Core's evaluator runs it; the standalone module's `lazyDetails` does neither yet.
 */
export function describeLazyResultEdges(builder: string, evaluate: LazyEvaluate): void {
  type Writable = { -readonly [Key in keyof EvaluationResult]: EvaluationResult[Key] | undefined };

  describe(`${builder}: a result deep-frozen by a walker of every own key (MDN's deepFreeze)`, () => {
    it.each([true, false])(
      'freezes, holds the same values, and leaves the evaluator as it was (explain: %s)',
      async (explain) => {
        const pairs = await pairsOf(evaluate, explain);
        for (const { lazy, eager } of pairs) {
          const result = lazy();
          expect(() => deepFreezeOwnKeys(result)).not.toThrow();
          expect(result).toStrictEqual(eager);
          expect(Object.isFrozen(result.standards[0])).toBe(true);
        }
        // Reached through a result, nothing of the evaluator's was frozen: it evaluates as before.
        for (const { lazy, eager } of pairs) expect(lazy()).toStrictEqual(eager);
      },
    );

    it('still builds a field left unread when its hidden details were frozen first', async () => {
      const { lazy, eager } = (await pairsOf(evaluate, true))[1]!;
      const result = lazy();
      for (const symbol of Object.getOwnPropertySymbols(result))
        deepFreezeOwnKeys((result as unknown as Record<symbol, unknown>)[symbol]);
      expect(result.reasons).toEqual(eager.reasons);
      expect(result.reasons).toBe(result.reasons);
      expect(result).toStrictEqual(eager);
    });
  });

  describe(`${builder}: a field assigned`, () => {
    it('keeps an assigned undefined, as a data property does, and is a data property from then on', () => {
      const result = evaluate(unmet) as Writable;
      result.standards = undefined;
      result.reasons = undefined;
      expect(result.standards).toBeUndefined();
      expect(result.reasons).toBeUndefined();
      expect(Object.keys(result)).toContain('standards');
      expect(JSON.parse(JSON.stringify(result))).not.toHaveProperty('standards');
      expect(Object.getOwnPropertyDescriptor(result, 'reasons')).toEqual({
        value: undefined,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    });

    it.each([
      [
        'Object.defineProperties',
        (result: object) => Object.defineProperties({}, Object.getOwnPropertyDescriptors(result)),
      ],
      [
        'Object.create with its prototype',
        (result: object) =>
          Object.create(Object.getPrototypeOf(result), Object.getOwnPropertyDescriptors(result)),
      ],
    ] as const)(
      'in a copy made from its property descriptors (%s), leaves the result alone',
      async (_how, copyOf) => {
        // The eager result of `unmet`, the second assessment.
        const eager = (await pairsOf(evaluate, true))[1]!.eager;
        const result = evaluate(unmet);
        const copy = copyOf(result) as Writable;
        copy.reasons = [];
        copy.requirements = undefined;
        expect(copy.reasons).toEqual([]);
        expect(copy.requirements).toBeUndefined();
        expect(result.reasons).toEqual(eager.reasons);
        expect(result.requirements).toEqual(eager.requirements);
        expect(JSON.stringify(result)).toBe(JSON.stringify(eager));
      },
    );

    it('keeps an assigned value, undefined too, when the result is sealed', () => {
      const result = Object.seal(evaluate(unmet)) as Writable;
      result.reasons = [];
      result.standards = undefined;
      expect(result.reasons).toEqual([]);
      expect(result.standards).toBeUndefined();
      expect(JSON.parse(JSON.stringify(result))).not.toHaveProperty('standards');
    });
  });
}
