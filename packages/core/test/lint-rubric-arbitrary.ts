import fc from 'fast-check';
import type { RuleSetInput } from '../src/rule-set/schema.js';
import type { Condition, FactValue } from '../src/rule-set/types.js';

/**
 * Small random rubrics over two or three facts whose every value can be enumerated (a number fact only
 * takes eighths in [0, 2], and its conditions compare with halves, so the eighths stand for all its values):
 * every verdict of the linter is checked against brute force over every complete assessment.
 */
export const factKinds = {
  count: { type: 'integer', min: 0, max: 3 },
  flag: { type: 'boolean' },
  kind: { type: 'enum', values: ['a', 'b', 'c'] },
  share: { type: 'number', min: 0, max: 2 },
  other: { type: 'integer', min: 0, max: 3 },
} as const;
export type FactId = keyof typeof factKinds;

export const allValues: Record<FactId, readonly FactValue[]> = {
  count: [0, 1, 2, 3],
  other: [0, 1, 2, 3],
  flag: [true, false],
  kind: ['a', 'b', 'c'],
  share: Array.from({ length: 17 }, (_, index) => index / 8),
};

const ordered = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'];

function leafArbitrary(facts: readonly FactId[]): fc.Arbitrary<Condition> {
  return fc.constantFrom(...facts).chain((fact): fc.Arbitrary<Condition> => {
    const peers = facts.filter(
      (peer) =>
        peer !== fact &&
        (factKinds[peer].type === factKinds[fact].type ||
          (fact === 'share' && peer !== 'flag' && peer !== 'kind')),
    );
    const reference =
      peers.length > 0
        ? [
            fc.record({
              fact: fc.constant(fact),
              operator: fc.constantFrom(
                ...(fact === 'kind' || fact === 'flag' ? ['equal', 'notEqual'] : ordered),
              ),
              value: fc.constantFrom(...peers).map((peer) => ({ fact: peer })),
            }),
          ]
        : [];
    switch (fact) {
      case 'flag':
        return fc.oneof(
          fc.record({
            fact: fc.constant(fact),
            operator: fc.constantFrom('equal', 'notEqual'),
            value: fc.boolean(),
          }),
          ...reference,
        );
      case 'kind':
        return fc.oneof(
          fc.record({
            fact: fc.constant(fact),
            operator: fc.constantFrom('equal', 'notEqual'),
            value: fc.constantFrom('a', 'b', 'c'),
          }),
          fc.record({
            fact: fc.constant(fact),
            operator: fc.constantFrom('in', 'notIn'),
            value: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
          }),
          ...reference,
        );
      case 'share':
        return fc.oneof(
          fc.record({
            fact: fc.constant(fact),
            operator: fc.constantFrom(...ordered),
            value: fc.integer({ min: 0, max: 5 }).map((half) => half / 2),
          }),
          ...reference,
        );
      default:
        return fc.oneof(
          fc.record({
            fact: fc.constant(fact),
            operator: fc.constantFrom(...ordered),
            value: fc.integer({ min: -1, max: 4 }),
          }),
          fc.record({
            fact: fc.constant(fact),
            operator: fc.constantFrom('in', 'notIn'),
            value: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }),
          }),
          ...reference,
        );
    }
  });
}

function conditionArbitrary(facts: readonly FactId[]): fc.Arbitrary<Condition> {
  const leaf = leafArbitrary(facts);
  const branch = fc.oneof(
    fc.array(leaf, { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(leaf, { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    leaf.map((not) => ({ not })),
  );
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 2, arbitrary: branch },
    fc.array(branch, { minLength: 1, maxLength: 2 }).map((any) => ({ any })),
  );
}

export const rubrics: fc.Arbitrary<RuleSetInput> = fc
  .subarray(['count', 'flag', 'kind', 'share', 'other'] as FactId[], { minLength: 2, maxLength: 3 })
  .filter((facts) => facts.filter((fact) => fact === 'share').length <= 1)
  .chain((facts) => {
    const condition = conditionArbitrary(facts);
    const standard = fc.record(
      {
        condition,
        applicableWhen: condition,
        requirement: fc.nat({ max: 1 }),
        points: fc.integer({ min: 1, max: 3 }),
      },
      { requiredKeys: ['condition', 'requirement', 'points'] },
    );
    const scoring = fc.oneof(
      fc.record({
        mode: fc.constant('compliance-rate' as const),
        threshold: fc.constantFrom(0.5, 0.75, 1),
        minMetPerRequirement: fc.nat({ max: 1 }),
      }),
      fc.record({ mode: fc.constant('points' as const), passMark: fc.integer({ min: 1, max: 8 }) }),
    );
    return fc
      .record({
        standards: fc.array(standard, { minLength: 1, maxLength: 4 }),
        scope: fc.option(condition, { nil: undefined }),
        scoring,
      })
      .map(({ standards, scope, scoring }) => {
        const requirements = [0, 1]
          .map((requirement) => ({
            id: `R${requirement}`,
            title: { zh: `R${requirement}` },
            standards: standards.flatMap((standard, index) =>
              standard.requirement === requirement
                ? [
                    {
                      id: `S${index}`,
                      title: { zh: `S${index}` },
                      condition: standard.condition,
                      ...(standard.applicableWhen ? { applicableWhen: standard.applicableWhen } : {}),
                      points: standard.points,
                    },
                  ]
                : [],
            ),
          }))
          .filter((requirement) => requirement.standards.length > 0);
        return {
          id: 'random-rubric',
          version: '1.0.0',
          title: { zh: '随机' },
          provenance: { status: 'provisional', source: 'property test' },
          facts: Object.fromEntries(facts.map((fact) => [fact, { ...factKinds[fact], title: { zh: fact } }])),
          ...(scope ? { scope } : {}),
          scoring:
            scoring.mode === 'points'
              ? {
                  ...scoring,
                  passMark: Math.min(
                    scoring.passMark,
                    standards.reduce((sum, standard) => sum + standard.points, 0),
                  ),
                }
              : scoring,
          aspects: [{ id: 'A', title: { zh: 'A' }, requirements }],
        } as RuleSetInput;
      });
  });

export function* assignments(
  facts: readonly FactId[],
  index = 0,
  partial: Record<string, FactValue> = {},
): Generator<Record<string, FactValue>> {
  if (index === facts.length) {
    yield { ...partial };
    return;
  }
  for (const value of allValues[facts[index]!])
    yield* assignments(facts, index + 1, { ...partial, [facts[index]!]: value });
}
