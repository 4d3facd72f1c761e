import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { layoutRuleSet } from '../evaluate/layout.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { readFactSlots } from './read-fact-slots.js';
import { readAssessment, type UnknownFactPolicy } from './read-facts.js';

// The sample's catalog plus a number with no bounds, where only the finiteness check stops ±Infinity.
const catalog = sampleRuleSet();
const index = layoutRuleSet(
  defineRuleSet({
    ...catalog,
    facts: { ...catalog.facts, floorArea: { type: 'number', title: { zh: '建筑面积' } } },
  }),
).facts;
const factIds = index.ids;
const everyFact = new Uint8Array(factIds.length).fill(1);

/** What a reader makes of an input: its values (holes as undefined) or its error's code and issues. */
function outcomeOf(read: () => { values: readonly unknown[]; id: string }) {
  try {
    const { values, id } = read();
    return { id, values: Array.from({ length: factIds.length }, (_, position) => values[position]) };
  } catch (error) {
    const { code, issues } = error as { code: string; issues: unknown };
    return { code, issues };
  }
}

function bothReaders(input: unknown, unknownFacts: UnknownFactPolicy) {
  const fast = outcomeOf(() => {
    const slots = readFactSlots(input, index, unknownFacts, everyFact);
    return { values: slots.values, id: slots.assessmentId };
  });
  const exact = outcomeOf(() => {
    const read = readAssessment(input, index, unknownFacts);
    return { values: read.values, id: read.assessment.id };
  });
  return { fast, exact };
}

const oddValue = fc.oneof(
  fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
  fc.constantFrom(-1, 0, 1, 1.5, 2, 200, 1e21, '4', '', 'gas', 'coal', true, false, [], {}),
  fc.constantFrom('2021-02-29', '2024-02-29', '2021-06-30', '2021-13-01', '2021-6-30'),
  fc.double(),
  fc.integer({ min: -5, max: 500 }),
  fc.string({ maxLength: 4 }),
);

/** A value of a fact's type (numbers anywhere, in bounds or not, ±Infinity and NaN included). */
function answerOf(position: number): fc.Arbitrary<unknown> {
  const definition = index.definitions[position]!;
  switch (definition.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.oneof(fc.integer({ min: -3, max: 400 }), fc.double());
    case 'number':
      return fc.double();
    case 'enum':
      return fc.constantFrom(...(definition.values ?? []), 'coal');
    case 'date':
      return fc.constantFrom('2021-06-30', '2024-02-29', '2021-02-29');
    default:
      return fc.string({ maxLength: 3 });
  }
}

/** Facts in any order, each left out, answered for its type, or answered oddly; sometimes unknown keys. */
const factsArbitrary = fc
  .tuple(
    fc.array(
      fc
        .nat(factIds.length - 1)
        .chain((position) =>
          fc.tuple(
            fc.constant(factIds[position]!),
            fc.oneof({ arbitrary: answerOf(position), weight: 12 }, { arbitrary: oddValue, weight: 1 }),
          ),
        ),
      { maxLength: 14 },
    ),
    fc.oneof(
      { arbitrary: fc.constant([] as string[]), weight: 3 },
      {
        arbitrary: fc.array(fc.constantFrom('extra', '__proto__', 'constructor', 'toString'), {
          maxLength: 2,
        }),
        weight: 1,
      },
    ),
    fc.boolean(),
  )
  .map(([entries, unknownKeys, reversed]) => {
    const ordered = reversed ? [...entries].reverse() : entries;
    const facts: Record<string, unknown> = {};
    for (const [factId, value] of ordered) facts[factId] = value;
    for (const key of unknownKeys)
      Object.defineProperty(facts, key, { value: 1, enumerable: true, writable: true, configurable: true });
    return facts;
  });

/**
 * Every fact of the catalog, in catalog order (the reader's path without key lookups), each answered
 * for its type, answered oddly, or `null`; sometimes one key renamed, so that the order no longer holds.
 */
const completeFactsArbitrary = fc
  .tuple(
    fc.tuple(
      ...factIds.map((_, position) =>
        fc.oneof(
          { arbitrary: answerOf(position), weight: 30 },
          { arbitrary: oddValue, weight: 1 },
          { arbitrary: fc.constant(null), weight: 1 },
        ),
      ),
    ),
    fc.option(fc.nat(factIds.length - 1), { freq: 4 }),
  )
  .map(([answers, renamed]) => {
    const facts: Record<string, unknown> = {};
    factIds.forEach((factId, position) => {
      facts[position === renamed ? 'extra' : factId] = answers[position];
    });
    return facts;
  });

/** Mostly well formed (the reader's fast path), sometimes broken anywhere. */
const envelopeArbitrary = fc.oneof(
  fc.record({ id: fc.constant('a1'), community: fc.constant({ name: '示例小区', district: '钦南区' }) }),
  fc.record(
    {
      id: fc.constantFrom('a1', '', 7),
      community: fc.constantFrom(
        { name: '示例小区' },
        { name: ' ' },
        { name: 'n', district: 3 },
        {},
        'x',
        null,
      ),
      assessedAt: fc.constantFrom(
        '2021-06-30',
        '2021-06-01T10:00:00.5+08:00',
        '2021-06-01T24:00:00Z',
        5,
        undefined,
      ),
      ruleSet: fc.constantFrom('guangxi-2021', 3),
      extra: fc.constant(true),
    },
    { requiredKeys: ['id', 'community'] },
  ),
);

describe('reading an assessment into fact slots', () => {
  test.prop([envelopeArbitrary, factsArbitrary, fc.constantFrom<UnknownFactPolicy>('error', 'ignore')], {
    numRuns: 2000,
  })(
    'accepts and rejects exactly as readAssessment, with the same values or the same issues',
    (envelope, facts, unknownFacts) => {
      const { fast, exact } = bothReaders({ ...envelope, facts }, unknownFacts);
      expect(fast).toEqual(exact);
    },
  );

  test.prop(
    [envelopeArbitrary, completeFactsArbitrary, fc.constantFrom<UnknownFactPolicy>('error', 'ignore')],
    { numRuns: 1000 },
  )(
    'reads every fact in catalog order exactly as readAssessment, with the same values or the same issues',
    (envelope, facts, unknownFacts) => {
      const { fast, exact } = bothReaders({ ...envelope, facts }, unknownFacts);
      expect(fast).toEqual(exact);
    },
  );

  it('reads every fact in catalog order with null as missing, and says so', () => {
    const answers: Record<string, unknown> = { ...perfectFacts(), floorArea: 1200 };
    const occupied = factIds.indexOf('occupied');
    const facts = Object.fromEntries(
      factIds.map((factId, position) => [factId, position === occupied ? null : answers[factId]]),
    );
    const input = { id: 'a1', community: { name: 'n' }, facts };
    const needed = new Uint8Array(factIds.length);
    needed[occupied] = 1;
    const slots = readFactSlots(input, index, 'error', needed);
    expect(slots.complete).toBe(false);
    expect(slots.values[occupied]).toBeUndefined();
    expect(slots.values).toHaveLength(factIds.length);
    const { fast, exact } = bothReaders(input, 'error');
    expect(fast).toEqual(exact);
    facts.occupied = true;
    expect(readFactSlots(input, index, 'error', needed).complete).toBe(true);
  });

  it('reads the same as readAssessment when facts inherit enumerable keys or have no prototype', () => {
    const inherited = Object.create({ occupied: true, extra: 1 }) as Record<string, unknown>;
    inherited.rentalHouseholds = 300;
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { occupied: false });
    for (const facts of [inherited, bare]) {
      const { fast, exact } = bothReaders({ id: 'a1', community: { name: 'n' }, facts }, 'error');
      expect(fast).toEqual(exact);
    }
  });

  it('sees only own keys even when Object.prototype has gained an enumerable one', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.occupied = true;
    try {
      const { fast, exact } = bothReaders({ id: 'a1', community: { name: 'n' }, facts: {} }, 'error');
      expect(fast).toEqual(exact);
      expect((fast as { values: unknown[] }).values[factIds.indexOf('occupied')]).toBeUndefined();
    } finally {
      delete prototype.occupied;
    }
  });

  it('reports a throwing getter as readAssessment does', () => {
    const facts = {
      get occupied(): boolean {
        throw new Error('boom');
      },
    };
    const { fast, exact } = bothReaders({ id: 'a1', community: { name: 'n' }, facts }, 'error');
    expect(fast).toEqual(exact);
    expect(fast).toMatchObject({ code: 'INVALID_ASSESSMENT' });
  });

  it('tells whether every needed fact is answered', () => {
    const needed = new Uint8Array(factIds.length);
    needed[factIds.indexOf('occupied')] = 1;
    const input = (facts: object) => ({ id: 'a1', community: { name: 'n' }, facts });
    expect(readFactSlots(input({ occupied: true }), index, 'error', needed).complete).toBe(true);
    expect(readFactSlots(input({ occupied: null }), index, 'error', needed).complete).toBe(false);
    expect(readFactSlots(input({ hasLifts: true }), index, 'error', needed).complete).toBe(false);
  });
});
