import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRuleSet } from '../../test/fixtures.js';
import {
  importStandalone,
  removeStandaloneModules,
  type StandaloneModule,
} from '../../test/standalone-module.js';
import { RubricError } from '../errors/rubric-error.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { generateStandaloneEvaluator } from './generate-standalone-evaluator.js';

afterAll(removeStandaloneModules);

const ruleSet = defineRuleSet(sampleRuleSet());
const evaluator = compileRuleSet(ruleSet);
let standalone: StandaloneModule;
beforeAll(async () => {
  standalone = await importStandalone(generateStandaloneEvaluator(ruleSet));
});

/** What a caller reads of a thrown error: whether it is a RubricError, its code and its issues. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    const { code, issues, message } = error as RubricError;
    return {
      isRubricError: RubricError.isInstance(error),
      code,
      issues: JSON.parse(JSON.stringify(issues)),
      message,
    };
  }
  return 'nothing thrown';
}

const community = { name: '示例小区' };
const badAssessments: Record<string, unknown> = {
  'not an object': 42,
  null: null,
  'a list': [],
  'no id, no community, no facts': {},
  'a blank community name and a numeric district': {
    id: 'a',
    community: { name: ' ', district: 3 },
    facts: {},
  },
  'an unknown fact and an unknown field': { id: 'a', community, facts: { nope: 1 }, extra: true },
  'wrong types': { id: 'a', community, facts: { occupied: 'yes', rentalHouseholds: 2.5, cctvCoverage: 'x' } },
  'out of range': { id: 'a', community, facts: { cctvCoverage: 1.5, rentalHouseholds: -1 } },
  'not one of the values': { id: 'a', community, facts: { heating: 'coal' } },
  'not a real date': { id: 'a', community, facts: { lastInspection: '2023-02-29' } },
  'a bad assessedAt': { id: 'a', community, facts: {}, assessedAt: '2021-06-15T09:30' },
  'a $schema that is not a string': { $schema: 5, id: 'a', community, facts: {} },
  'a __proto__ fact': JSON.parse('{"id":"a","community":{"name":"x"},"facts":{"__proto__":1}}'),
  'a fact whose getter throws a long string': {
    id: 'a',
    community,
    facts: {
      occupied: true,
      get rentalHouseholds() {
        throw 'y'.repeat(500);
      },
    },
  },
  'a getter that throws': {
    id: 'a',
    community,
    get facts() {
      throw new Error('no access');
    },
  },
  'an unknown fact with a 100,000-character id, and a long message': {
    id: 'a',
    community,
    facts: { ['k'.repeat(100_000)]: 1, heating: 'x'.repeat(100_000) },
    assessedAt: 'soon',
  },
  'more issues than a message lists, at paths longer than a message shows': {
    id: 'a',
    community,
    facts: Object.fromEntries(
      Array.from({ length: 5 }, (_, index) => [`${'deep-'.repeat(40)}${index}`, index]),
    ),
  },
  // Core gives up looking for the getter that threw at a list of more than 10,000 entries: the issue is at
  // the root. A list of 2³² − 1 empty slots is given up on at once, never walked.
  'a getter that throws, and a list too long to walk': {
    id: 'a',
    community: { ...community, households: new Array(10_001) },
    facts: throwingFacts(),
  },
  'a getter that throws, and a list of 2³² − 1 empty slots': {
    id: 'a',
    community: { ...community, households: new Array(2 ** 32 - 1) },
    facts: throwingFacts(),
  },
  // The first getter that throws in reading order, however deep: here one 1,200 levels down, before facts.
  'a getter that throws 1,200 levels down, before the one that threw': {
    id: 'a',
    community: { ...community, notes: nested(1_200, throwingFacts()) },
    facts: throwingFacts(),
  },
};

/** Facts whose `occupied` cannot be read. */
function throwingFacts(): Record<string, unknown> {
  return {
    get occupied() {
      throw new Error('no access');
    },
  };
}

/** `inner` under `depth` levels of `{ next }`. */
function nested(depth: number, inner: unknown): unknown {
  let value = inner;
  for (let level = 0; level < depth; level++) value = { next: value };
  return value;
}

describe('a standalone module given a bad assessment', () => {
  for (const [name, assessment] of Object.entries(badAssessments)) {
    it(`throws what core throws for ${name}: a RubricError with the same code, paths and messages`, () => {
      const expected = thrownBy(() => evaluator.evaluate(assessment as never));
      expect(expected).toMatchObject({ isRubricError: true, code: 'INVALID_ASSESSMENT' });
      expect(thrownBy(() => standalone.evaluate(assessment))).toEqual(expected);
    });
  }

  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const badOptions: Record<string, unknown> = {
    'not an object': 5,
    null: null,
    'a revoked Proxy': revoked,
    'an explain that cannot be read': {
      get explain() {
        throw new Error('no access');
      },
    },
    'another option that cannot be read': {
      explain: false,
      cost: {
        get S01() {
          throw 'no';
        },
      },
    },
  };
  for (const [name, options] of Object.entries(badOptions)) {
    it(`refuses options that core refuses, with the same issue: ${name}`, () => {
      const assessment = { id: 'a', community, facts: {} };
      const expected = thrownBy(() => evaluator.evaluate(assessment, options as never));
      expect(expected).toMatchObject({ isRubricError: true, code: 'INVALID_OPTIONS' });
      expect(thrownBy(() => standalone.evaluate(assessment, options as never))).toEqual(expected);
    });
  }

  test.prop([fc.dictionary(fc.constantFrom(...Object.keys(ruleSet.facts), 'unknown'), fc.anything())], {
    numRuns: 300,
  })('accepts and rejects random fact values exactly as core does', (facts) => {
    const assessment = { id: 'a', community, facts };
    let expected: unknown;
    try {
      expected = { result: JSON.parse(JSON.stringify(evaluator.evaluate(assessment as never))) };
    } catch {
      expected = thrownBy(() => evaluator.evaluate(assessment as never));
    }
    let actual: unknown;
    try {
      actual = { result: JSON.parse(JSON.stringify(standalone.evaluate(assessment))) };
    } catch {
      actual = thrownBy(() => standalone.evaluate(assessment));
    }
    expect(actual).toEqual(expected);
  });
});

describe('generateStandaloneEvaluator given a rule set it cannot carry', () => {
  it('refuses a custom operator, saying that plugins are code', () => {
    const input = structuredClone(sampleRuleSet()) as unknown as {
      aspects: { requirements: { standards: { condition: unknown }[] }[] }[];
    };
    input.aspects[0]!.requirements[0]!.standards[0]!.condition = {
      fact: 'occupied',
      operator: 'isTruthy',
      value: true,
    };
    const error = thrownBy(() => generateStandaloneEvaluator(input as never)) as {
      code: string;
      issues: { path: unknown[]; message: string; kind: string }[];
    };
    expect(error.code).toBe('INVALID_RULE_SET');
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        kind: 'unknown-operator',
        path: ['aspects', 0, 'requirements', 0, 'standards', 0, 'condition', 'operator'],
        message: expect.stringContaining('a custom operator comes from a plugin, which is code'),
      }),
    );
  });

  it('refuses bad options', () => {
    expect(
      thrownBy(() => generateStandaloneEvaluator(ruleSet, { unknownFacts: 'warn' as never })),
    ).toMatchObject({
      code: 'INVALID_OPTIONS',
      issues: [{ path: ['unknownFacts'] }],
    });
  });

  it('ignores unknown facts when told to, as compileRuleSet does', async () => {
    const lenient = await importStandalone(generateStandaloneEvaluator(ruleSet, { unknownFacts: 'ignore' }));
    const assessment = { id: 'a', community, facts: { occupied: true, nope: 1 } };
    expect(lenient.evaluate(assessment)).toEqual(
      compileRuleSet(ruleSet, { unknownFacts: 'ignore' }).evaluate(assessment),
    );
  });
});
