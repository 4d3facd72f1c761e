import fc from 'fast-check';

/**
 * Thrown by the hostile getters, proxies and `toJSON` methods below. It is the caller's own exception: the
 * library may let it through (as it lets a `JSON.parse` SyntaxError through), but must not turn it into
 * another exception or swallow it into a wrong result.
 */
export class CallerError extends Error {
  override name = 'CallerError';
}

/**
 * Inputs that once made the library throw something other than a RubricError (BUG-1 to BUG-14, each with
 * its repro in the fuzz files). All are fixed and fuzzed by default; `FUZZ_QUARANTINE=1` leaves them out
 * again, to tell a new bug from an old one.
 */
export const includeKnownBugs = process.env.FUZZ_QUARANTINE !== '1';

/** Strings that break naive code: empty, NUL, lone surrogates, bidi controls, joiners, reserved names. */
export const edgeStrings: readonly string[] = [
  '',
  ' ',
  '\0',
  'a\0b',
  '\uD800',
  '\uDFFF',
  'x\uDC00y',
  '\uD83D',
  '\u202E',
  'S01\u202E',
  '\u200F',
  '\u200D',
  '\u200B',
  'S\u200B01',
  '👨‍👩‍👧',
  '\uFEFF',
  'e\u0301',
  '\u0130',
  '２０２１',
  '٢٠٢١',
  '2021\u200B',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  '$',
  '$.facts',
  '%s%n',
  '../../etc/passwd',
  '\n',
  '\r\n',
  '\t',
  'equal',
  'in',
  'all',
  'compliance-rate',
  'points',
  '2021-02-29',
  '2021-13-01',
  '0000-01-01',
  '9999-12-31',
  '1.0.0',
  '1.0.0-\u0000',
  'guangxi-2021',
  '09-30',
  '02-29',
];

/** Numbers at the edges of IEEE 754 and of the formats' ranges. NaN and ±Infinity only survive in JS. */
export const edgeNumbers: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  1,
  -1,
  0.5,
  0.85,
  0.1 + 0.2,
  1e-7,
  1e21,
  5e-324,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  2 ** 31,
  2 ** 32,
  999,
  1000,
  2021,
  9999,
  10000,
  200,
  199.5,
  1_000_001,
];

/**
 * Keys that reach the prototype chain or look like the formats' own keys. `toString` is quarantined
 * (BUG-3): an object with an own non-function `toString`, such as JSON's `{"toString":0}`, throws a
 * TypeError where the library interpolates it into a message.
 */
export const hostileKeys: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  ...(includeKnownBugs ? ['toString'] : []),
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  '',
  '\0',
  '\uD800',
  '\u202E',
  '\u200D',
  'polluted',
  'length',
  '0',
  '-1',
  '4294967295',
];

/** Keys of the library's own formats, so random objects sometimes look like real documents. */
export const domainKeys: readonly string[] = [
  '$schema',
  'id',
  'version',
  'formatVersion',
  'title',
  'zh',
  'en',
  'provenance',
  'status',
  'source',
  'notes',
  'effective',
  'from',
  'until',
  'extends',
  'facts',
  'type',
  'values',
  'min',
  'max',
  'unit',
  'scope',
  'scoring',
  'mode',
  'threshold',
  'passMark',
  'aspectMinimums',
  'minMetPerRequirement',
  'notApplicable',
  'aspects',
  'requirements',
  'standards',
  'condition',
  'applicableWhen',
  'points',
  'responsible',
  'evidence',
  'basis',
  'all',
  'any',
  'not',
  'fact',
  'operator',
  'value',
  'path',
  'community',
  'name',
  'district',
  'ruleSet',
  'assessedAt',
  'total',
  'startYear',
  'milestones',
  'year',
  'share',
  'count',
  'quotas',
  'rounding',
  'breakdowns',
  'parts',
  'cohorts',
  'area',
  'level',
  'applicationDeadline',
  'allowLateApplications',
  'meetings',
  'every',
  'remove',
  'replace',
  'add',
  'to',
  'aspect',
  'requirement',
  'standard',
  '2021',
  '2024',
];

export const keyArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...domainKeys) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileKeys) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

const stringArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...edgeStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom(...domainKeys) },
);

const numberArbitrary: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...edgeNumbers) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 3000 }) },
  { weight: 2, arbitrary: fc.double() },
);

/** A JS object with exactly these own properties, `__proto__` included (as JSON.parse makes them). */
export function ownObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/**
 * Any value `JSON.parse` can return, built through JSON text (so `__proto__` keys are own properties and
 * NaN/±Infinity have become null), with edge strings, edge numbers and hostile keys.
 */
export function jsonValueArbitrary(maxDepth = 4): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      fc.constantFrom(null, true, false),
      numberArbitrary,
      stringArbitrary,
      fc.array(tie('value'), { maxLength: 5 }),
      fc.array(fc.tuple(keyArbitrary, tie('value')), { maxLength: 5 }).map(ownObject),
    ),
  }));
  return value.map((built) => JSON.parse(JSON.stringify(built)) as unknown);
}

/** The text JSON.parse accepted, re-parsed: `fc.json()` plus random bytes that happen to be JSON. */
export const jsonTextArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.json({ maxDepth: 4 }).map((text) => JSON.parse(text) as unknown),
  fc.uint8Array({ maxLength: 32 }).map((bytes) => parseOr(new TextDecoder().decode(bytes), bytes.length)),
  fc.string({ unit: 'binary', maxLength: 32 }).map((text) => parseOr(text, text)),
);

function parseOr(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A SyntaxError is the caller's; feed the raw bytes' length or text instead, still a hostile value.
    return fallback;
  }
}

/**
 * Truncated JSON text: the document's text cut at a random point, then closed (open strings, objects and
 * arrays) so that `JSON.parse` accepts it — a document that lost its tail in transit.
 */
export function truncatedJsonArbitrary(document: unknown): fc.Arbitrary<unknown> {
  const text = JSON.stringify(document);
  return fc.nat({ max: text.length }).map((cut) => closeTruncated(text.slice(0, cut)));
}

export function closeTruncated(prefix: string): unknown {
  // Walk back to a cut that parses once its containers are closed; the empty prefix parses as null.
  for (let end = prefix.length; end >= 0; end--) {
    const candidate = prefix.slice(0, end);
    const closed = closeContainers(candidate);
    if (closed === undefined) continue;
    try {
      return JSON.parse(closed) as unknown;
    } catch {
      // try a shorter prefix
    }
  }
  return null;
}

function closeContainers(text: string): string | undefined {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  for (const character of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (character === '\\') escaped = true;
      else if (character === '"') inString = false;
      continue;
    }
    if (character === '"') inString = true;
    else if (character === '{') stack.push('}');
    else if (character === '[') stack.push(']');
    else if (character === '}' || character === ']') stack.pop();
  }
  if (escaped) return undefined;
  let closed = inString ? `${text}"` : text;
  closed = closed.replace(/,\s*$/, '');
  return closed + stack.reverse().join('');
}

/** An array nested `depth` levels deep, built without recursion. */
export function deepArray(depth: number, leaf: unknown = 0): unknown {
  let value: unknown = leaf;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

/** An object nested `depth` levels deep under `key`, built without recursion. */
export function deepObject(depth: number, key = 'not', leaf: unknown = {}): unknown {
  let value: unknown = leaf;
  for (let level = 0; level < depth; level++) value = { [key]: value };
  return value;
}

/**
 * Labels a big value for fast-check's reports (a non-enumerable symbol key: invisible to Object.keys,
 * JSON and the library), so that printing a counterexample neither recurses 20,000 levels nor prints 1 MB.
 */
function labelled<T extends object>(value: T, label: string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => label, enumerable: false });
  return deepFreeze(value);
}

/** Shared values are frozen, so that no mutation edits them for the runs after it. */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null || Object.isFrozen(current)) continue;
    Object.freeze(current);
    for (const child of Object.values(current)) stack.push(child);
  }
  return value;
}

/**
 * Big values, made once, frozen and shared. The pools hold 20,000-element arrays, not 100,000: a 100,000
 * element array where a schema expects something else takes ~0.5–2.3 s to reject (BUG-14), which would make
 * every property slow; the 100,000-sized inputs have their own tests.
 */
export const huge = {
  string1MB: 'x'.repeat(1 << 20),
  array20k: labelled(
    Array.from({ length: 20_000 }, (_, index) => index),
    'array20k',
  ),
  object10k: labelled(
    Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`k${index}`, index])),
    'object10k',
  ),
  nestedArray20k: labelled(deepArray(20_000) as object, 'nestedArray20k'),
  nestedObject20k: labelled(deepObject(20_000) as object, 'nestedObject20k'),
  nestedCondition20k: labelled(
    deepObject(20_000, 'not', { fact: 'occupied', operator: 'equal', value: true }) as object,
    'nestedCondition20k',
  ),
};

const prototypeShaped: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null).map(() => JSON.parse('{"__proto__":{"polluted":true}}') as unknown),
  fc.constant(null).map(() => JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown),
  fc.constant(null).map(() => JSON.parse('[{"__proto__":[]}]') as unknown),
);

/** Plain-JSON hostile values: huge, 20,000 deep, prototype-shaped. */
export const jsonHostileArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...Object.values(huge)),
  prototypeShaped,
);

/**
 * The same without the 20,000-deep values, for assessments: BUG-2 (a deep fact value overflows the stack
 * in the error message's JSON.stringify) is quarantined there.
 */
const jsonHostileShallowArbitrary: fc.Arbitrary<unknown> = includeKnownBugs
  ? jsonHostileArbitrary
  : fc.oneof(fc.constantFrom<unknown>(huge.string1MB, huge.array20k, huge.object10k), prototypeShaped);

type Factory = () => unknown;

/** fast-check prints and clones generated values; these let it do so without tripping the traps. */
const inspectable = (name: string) => ({
  [fc.toStringMethod]: () => name,
  [fc.cloneMethod]: function (this: unknown) {
    return this;
  },
});

const throwingGetter = (): unknown => {
  const object = inspectable('throwingGetter');
  for (const key of ['zh', 'id', 'fact', 'length', 'type', 'total']) {
    Object.defineProperty(object, key, {
      enumerable: true,
      get() {
        throw new CallerError(`getter ${key}`);
      },
    });
  }
  return object;
};

/** Every trap throws for string keys; symbol keys (fast-check's own) go through. */
const throwingProxy = (): unknown => {
  const fail = (trap: string) => {
    throw new CallerError(`proxy ${trap}`);
  };
  return new Proxy(inspectable('throwingProxy'), {
    get: (target, key) => (typeof key === 'symbol' ? Reflect.get(target, key) : fail('get')),
    has: (target, key) => (typeof key === 'symbol' ? Reflect.has(target, key) : fail('has')),
    ownKeys: () => fail('ownKeys'),
    getOwnPropertyDescriptor: (target, key) =>
      typeof key === 'symbol'
        ? Reflect.getOwnPropertyDescriptor(target, key)
        : fail('getOwnPropertyDescriptor'),
    getPrototypeOf: () => fail('getPrototypeOf'),
  });
};

/** A Proxy whose own data properties read differently each time (a string, then an array, …). */
const shiftyProxy = (): unknown => {
  let reads = 0;
  return new Proxy({ zh: 'x', id: 'a', fact: 'occupied', operator: 'equal', value: true } as object, {
    get: (target, key) => {
      if (typeof key === 'symbol' || !Object.hasOwn(target, key)) return Reflect.get(target, key);
      reads += 1;
      return reads % 2 === 0 ? Reflect.get(target, key) : [reads];
    },
  });
};

/** An object that contains itself. */
export const cyclicValue = (): unknown => {
  const object: Record<string, unknown> = { zh: 'x', id: 'a' };
  object.self = object;
  return object;
};

const cyclicArray = (): unknown => {
  const array: unknown[] = [1];
  array.push(array);
  return array;
};

/** Hostile JS values that the library handles today (see `quarantined` for the ones it does not). */
const factories: Factory[] = [
  () => undefined,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => -0,
  () =>
    function hostile() {
      return 1;
    },
  () => class Hostile {},
  () => () => {
    throw new CallerError('called');
  },
  () => new Date(Number.NaN),
  () => new Date(0),
  () => new Map([['zh', 'x']]),
  () => new Set(['x']),
  () => /x/g,
  () => new Error('hostile'),
  () => new String('x'),
  () => new Number(1),
  () => new Boolean(false),
  () => new Uint8Array(4),
  () => Promise.resolve(1),
  () => Object.freeze({ zh: 'x' }),
  () => Object.assign([1, 2], { extra: true }),
  () => Object.assign(Object.create({ inherited: 1 }), { zh: 'x' }),
  () => ({ toJSON: () => undefined }),
  () => ({
    toJSON: () => {
      throw new CallerError('toJSON');
    },
  }),
  throwingGetter,
  throwingProxy,
  shiftyProxy,
  () => new Proxy([1, 2, 3], {}),
  () => new Proxy({ zh: 'x' }, {}),
];

/**
 * Values that once made some entry point throw a TypeError or RangeError instead of a RubricError (each
 * fixed; see the "bugs this suite found" repros, each in a `.regressions.test.ts` file beside what it
 * guards). Drawn unless `FUZZ_QUARANTINE=1`.
 */
export const quarantined: Readonly<Record<string, Factory>> = {
  /** BUG-1: a sparse array (`[ , 1]`) makes safeDefineRuleSet / safeExtendRuleSet throw a TypeError. */
  // biome-ignore lint/suspicious/noSparseArray: the hole is the hostile part
  sparseArray: () => [, 1],
  /** BUG-2: a BigInt fact value or condition value makes error messages call JSON.stringify, which throws. */
  bigint: () => 1n,
  /** BUG-2: so does a cyclic fact value (rule sets are safe: the depth check reports a cycle as too deep). */
  cyclicObject: cyclicValue,
  cyclicArray,
  /** BUG-3: a Symbol where a message interpolates it (`facts.x.type`, a cost) throws a TypeError. */
  symbol: () => Symbol('hostile'),
  /** BUG-3: a null-prototype object where a message interpolates it (`facts.x.type`, a cost) throws. */
  nullPrototype: () => Object.assign(Object.create(null), { zh: 'x' }),
};

const allFactories: Factory[] = includeKnownBugs ? [...factories, ...Object.values(quarantined)] : factories;

/** Values only JS can build: NaN, ±Infinity, undefined, functions, class instances, cycles, getters and Proxies that throw. */
export const jsHostileArbitrary: fc.Arbitrary<unknown> = fc
  .constantFrom(...allFactories)
  .map((make) => make());

/** Anything: JSON values, hostile JSON, hostile JS. */
export const anyValueArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: jsonValueArbitrary(3) },
  { weight: 1, arbitrary: jsonHostileArbitrary },
  { weight: 3, arbitrary: jsHostileArbitrary },
);

/** Like {@link anyValueArbitrary} but what `JSON.parse` can return. */
export const anyJsonArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: jsonValueArbitrary(3) },
  { weight: 1, arbitrary: jsonHostileArbitrary },
  { weight: 1, arbitrary: jsonTextArbitrary },
);

/**
 * {@link anyValueArbitrary} without 20,000-deep values, where a known bug stringifies them (BUG-2 in
 * assessments, BUG-3 in shareOfTotal).
 */
export const shallowValueArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: jsonValueArbitrary(3) },
  { weight: 1, arbitrary: jsonHostileShallowArbitrary },
  { weight: 3, arbitrary: jsHostileArbitrary },
);
