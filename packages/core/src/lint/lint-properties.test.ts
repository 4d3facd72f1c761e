import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { factsReadBy } from '../rule-set/conditions.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import type { Condition, FactValue } from '../rule-set/types.js';
import { lintRuleSet } from './lint-rule-set.js';

/**
 * Small random rubrics over two or three facts whose every value can be enumerated (a number fact only
 * takes eighths in [0, 2], and its conditions compare with halves, so the eighths stand for all its values):
 * every verdict of the linter is checked against brute force over every complete assessment.
 */
const factKinds = {
  count: { type: 'integer', min: 0, max: 3 },
  flag: { type: 'boolean' },
  kind: { type: 'enum', values: ['a', 'b', 'c'] },
  share: { type: 'number', min: 0, max: 2 },
  other: { type: 'integer', min: 0, max: 3 },
} as const;
type FactId = keyof typeof factKinds;

const allValues: Record<FactId, readonly FactValue[]> = {
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

const rubrics: fc.Arbitrary<RuleSetInput> = fc
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

function* assignments(
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

describe('lintRuleSet against brute force', () => {
  test.prop([rubrics], { numRuns: Number(process.env.LINT_RUNS ?? 150) })(
    'every verdict holds over every complete assessment, and every witness shows its claim',
    (input) => {
      const evaluator = compileRuleSet(input);
      const facts = Object.keys(input.facts) as FactId[];
      const results = [...assignments(facts)].map((values) =>
        evaluator.evaluate({ id: 'x', community: { name: 'x' }, facts: values }, { explain: false }),
      );
      const inScope = results.filter((result) => result.inScope);
      const { findings, undecided } = lintRuleSet(input);
      expect(undecided).toEqual([]);
      const reported = (code: string) =>
        findings.filter((finding) => finding.code === code).map((finding) => JSON.stringify(finding.path));
      expect(reported('SCOPE_EXCLUDES_ALL')).toEqual(inScope.length === 0 ? ['["scope"]'] : []);
      if (inScope.length === 0) return;

      const standards = input.aspects.flatMap((aspect, a) =>
        aspect.requirements.flatMap((requirement, r) =>
          requirement.standards.map((standard, s) => ({
            standard,
            path: ['aspects', a, 'requirements', r, 'standards', s],
          })),
        ),
      );
      const expected = {
        never: [] as string[],
        neverMet: [] as string[],
        alwaysMet: [] as string[],
        pairs: [] as string[],
      };
      const varies: boolean[] = [];
      standards.forEach(({ path }, index) => {
        const outcomes = new Set(inScope.map((result) => result.standards[index]!.outcome));
        varies.push(false);
        if (!outcomes.has('met') && !outcomes.has('unmet'))
          expected.never.push(JSON.stringify([...path, 'applicableWhen']));
        else if (!outcomes.has('met')) expected.neverMet.push(JSON.stringify([...path, 'condition']));
        else if (!outcomes.has('unmet')) expected.alwaysMet.push(JSON.stringify([...path, 'condition']));
        else varies[index] = true;
      });
      expect(reported('STANDARD_NEVER_APPLICABLE')).toEqual(expected.never);
      expect(reported('STANDARD_NEVER_MET')).toEqual(expected.neverMet);
      expect(reported('STANDARD_ALWAYS_MET')).toEqual(expected.alwaysMet);

      // Pairs that share a fact (the scope's facts count for a standard that reads one of them).
      const scopeFacts = factsReadBy(input.scope as Condition | undefined);
      const effective = standards.map(({ standard }) => {
        const own = factsReadBy(standard.condition as Condition).concat(
          factsReadBy(standard.applicableWhen as Condition | undefined),
        );
        return own.some((fact) => scopeFacts.includes(fact)) ? [...own, ...scopeFacts] : own;
      });
      const pairFindings: string[] = [];
      standards.forEach((first, i) => {
        standards.forEach((second, j) => {
          if (
            j <= i ||
            !varies[i] ||
            !varies[j] ||
            !effective[i]!.some((fact) => effective[j]!.includes(fact))
          )
            return;
          const met = (result: (typeof inScope)[number], index: number) =>
            result.standards[index]!.outcome === 'met';
          const both = inScope.some((result) => met(result, i) && met(result, j));
          const iWithout = inScope.some((result) => met(result, i) && !met(result, j));
          const jWithout = inScope.some((result) => met(result, j) && !met(result, i));
          if (!both) pairFindings.push(JSON.stringify(['STANDARDS_CONTRADICT', second.path]));
          else if (!iWithout && !jWithout)
            pairFindings.push(JSON.stringify(['STANDARDS_EQUIVALENT', second.path]));
          else if (!iWithout) pairFindings.push(JSON.stringify(['STANDARD_IMPLIES', first.path]));
          else if (!jWithout) pairFindings.push(JSON.stringify(['STANDARD_IMPLIES', second.path]));
        });
      });
      const pairCodes = ['STANDARDS_CONTRADICT', 'STANDARDS_EQUIVALENT', 'STANDARD_IMPLIES'];
      expect(
        findings
          .filter((finding) => pairCodes.includes(finding.code))
          .map((finding) => JSON.stringify([finding.code, finding.path]))
          .sort(),
      ).toEqual(pairFindings.sort());

      const requirementsNever = input.aspects[0]!.requirements.flatMap((_requirement, r) =>
        inScope.some((result) => result.requirements[r]!.satisfied)
          ? []
          : [JSON.stringify(['aspects', 0, 'requirements', r])],
      );
      expect(reported('REQUIREMENT_NEVER_COVERED')).toEqual(requirementsNever);

      const neverEligible = findings.find((finding) => finding.code === 'NEVER_ELIGIBLE');
      expect(neverEligible !== undefined).toBe(!inScope.some((result) => result.eligible));
      if (neverEligible) {
        const shown = evaluator.evaluate(neverEligible.witness);
        expect(shown.inScope).toBe(true);
        expect(shown.eligible).toBe(false);
        if (input.scoring.mode === 'points') {
          const best = Math.max(...inScope.map((result) => result.score!.points));
          expect([neverEligible.proof?.bestPoints, shown.score?.points]).toEqual([best, best]);
        } else {
          const bestRate = Math.max(
            ...inScope.map((result) =>
              result.compliance.applicable === 0 ? 0 : result.compliance.met / result.compliance.applicable,
            ),
          );
          const { bestMet = -1, bestApplicable = -1 } = neverEligible.proof ?? {};
          expect(bestApplicable === 0 ? 0 : bestMet / bestApplicable).toBe(bestRate);
          expect([shown.compliance.met, shown.compliance.applicable]).toEqual([bestMet, bestApplicable]);
        }
      }
      for (const finding of findings.filter((candidate) => candidate.code === 'STANDARD_IMPLIES')) {
        const outcomes = evaluator.evaluate(finding.witness).standards.map((standard) => standard.outcome);
        const implying = standards.findIndex(
          ({ path }) => JSON.stringify(path) === JSON.stringify(finding.path),
        );
        expect(outcomes[implying]).not.toBe('met');
        expect(outcomes.filter((outcome) => outcome === 'met').length).toBeGreaterThan(0);
      }
    },
    120_000,
  );
});
