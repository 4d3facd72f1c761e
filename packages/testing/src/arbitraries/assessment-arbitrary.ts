import {
  type Assessment,
  compileRuleSet,
  defineRuleSet,
  type EvaluationResult,
  type FactDefinition,
  type FactValue,
  type RuleSet,
} from '@sunshine-rubric/core';
import fc from 'fast-check';
import { type KitOptions, kitOperators } from '../options/kit-options.js';
import { evidenceKinds } from './rule-set-arbitrary.js';
import { witnessValues } from './witnesses.js';

/**
 * Options of {@link assessmentArbitrary}; `operators` / `plugins` are the custom operators the rule set
 * uses. Custom operators are opaque: their literals serve as witnesses only when the fact could hold them.
 */
export interface AssessmentArbitraryOptions extends KitOptions {
  /** Probability that a fact is left out (half the time as `null`, half absent). Default 0.1; 0 answers every fact. */
  readonly missing?: number;
  /**
   * Bias towards the eligibility boundary: from each drawn assessment, walk fact by fact (random order) to
   * the values that bring the compliance rate (or points) nearest the threshold (or pass mark). Most random
   * estates are far from 85%; the interesting ones are near it.
   */
  readonly nearBoundary?: boolean;
  /** Limits for numbers without `min`/`max` in the catalog (default ±1,000,000). */
  readonly numberRange?: number;
  /**
   * Cite evidence: for some standards, entries of the kinds they require (some, all or none of them) and
   * now and then a kind they do not require, with or without hash, date and note (default false).
   */
  readonly evidence?: boolean;
}

/**
 * Assessments whose facts respect the rule set's fact catalog — types, `min`/`max`, enum values, real
 * dates — drawn half the time from the values where conditions flip (the literals they compare with and
 * their neighbours), so that standards come out met and unmet alike.
 *
 * @example
 * ```ts
 * test.prop([assessmentArbitrary(guangxi2021, { nearBoundary: true })])('…', (assessment) => {
 *   const result = evaluate(guangxi2021, assessment);
 *   expect(result.reasons.length === 0).toBe(result.eligible);
 * });
 * ```
 */
export function assessmentArbitrary(
  ruleSet: RuleSet,
  options: AssessmentArbitraryOptions = {},
): fc.Arbitrary<Assessment> {
  const operators = kitOperators(options);
  const defined = defineRuleSet(ruleSet, { operators });
  const witnesses = witnessValues(defined);
  const missing = options.missing ?? 0.1;
  const range = options.numberRange ?? 1_000_000;
  const entries = Object.entries(defined.facts).map(([factId, definition]) => {
    const value = valueArbitrary(definition, witnesses.get(factId) ?? [], range);
    return fc.tuple(fc.constant(factId), withMissing(value, missing));
  });
  const single = fc.tuple(...entries).map(
    (pairs): Assessment => ({
      id: 'generated',
      community: { name: '生成的小区 (generated)' },
      facts: Object.fromEntries(pairs.filter(([, value]) => value !== undefined)) as Assessment['facts'],
    }),
  );
  const drawn = options.evidence
    ? single.chain((assessment) => withCitedEvidence(defined, assessment))
    : single;
  if (!options.nearBoundary) return drawn;
  const evaluator = compileRuleSet(defined, { operators });
  const threshold = defined.scoring.mode === 'compliance-rate' ? defined.scoring.threshold : 0;
  const order = fc.shuffledSubarray(Object.keys(defined.facts), {
    minLength: Object.keys(defined.facts).length,
  });
  // Aim a little either side of the boundary, so that both verdicts come out.
  const aim = fc.integer({ min: -5, max: 5 }).map((percent) => percent / 100);
  // The walk is pure and costs hundreds of evaluations; the invariant suite draws the same inputs once per
  // invariant (one seed), so each distinct start is walked once.
  const walked = new Map<string, Assessment>();
  return fc.tuple(drawn, order, aim).map(([assessment, factOrder, offset]) => {
    const key = JSON.stringify([assessment.facts, factOrder, offset]);
    const known = walked.get(key);
    if (known) return { ...known, facts: { ...known.facts } };
    const distance = (candidate: Assessment) =>
      distanceToBoundary(evaluator.evaluate(candidate, { explain: false }), threshold, offset);
    const result = walkToBoundary(assessment, factOrder, witnesses, distance);
    if (walked.size >= WALK_CACHE_SIZE) walked.clear();
    walked.set(key, result);
    return result;
  });
}

/** The assessment citing evidence for a random subset of the rule set's standards. */
function withCitedEvidence(ruleSet: RuleSet, assessment: Assessment): fc.Arbitrary<Assessment> {
  const standards = ruleSet.aspects.flatMap((aspect) =>
    aspect.requirements.flatMap((requirement) => requirement.standards),
  );
  const entry = (kinds: readonly string[]) =>
    fc.record(
      {
        kind: fc.constantFrom(...kinds, evidenceKinds.at(-1)!),
        name: fc.constantFrom('文件.pdf', '照片.jpg', '台账 2021'),
        hash: fc.constantFrom(`sha256:${'0'.repeat(64)}`, `sha256:${'ab'.repeat(32)}`),
        date: fc.constantFrom('2021-03-01', '2024-02-29'),
        note: fc.constantFrom('', '补充'),
      },
      { requiredKeys: ['kind', 'name'] },
    );
  const cited = fc.tuple(
    ...standards.map((standard) =>
      fc.option(fc.array(entry(standard.evidence ?? []), { maxLength: 3 }), { freq: 2, nil: undefined }),
    ),
  );
  return cited.map((lists) => {
    const evidence = Object.fromEntries(
      standards.flatMap((standard, position) =>
        lists[position] === undefined ? [] : [[standard.id, lists[position]]],
      ),
    );
    return Object.keys(evidence).length === 0 ? assessment : { ...assessment, evidence };
  });
}

/** Walked assessments remembered per arbitrary: enough for a few thousand runs, a few MB at most. */
const WALK_CACHE_SIZE = 5_000;

/**
 * Greedy walk towards the eligibility boundary: fact by fact (in a random order), take the witness value
 * that brings the verdict nearest to flipping; stop within about one standard of it. Pure, so fast-check
 * can replay and shrink what it started from.
 */
function walkToBoundary(
  start: Assessment,
  factOrder: readonly string[],
  witnesses: ReadonlyMap<string, readonly FactValue[]>,
  distance: (assessment: Assessment) => number,
): Assessment {
  let current = start;
  let best = distance(current);
  for (const factId of [...factOrder, ...factOrder]) {
    if (best <= 0.01) break;
    for (const value of witnesses.get(factId) ?? []) {
      const candidate = { ...current, facts: { ...current.facts, [factId]: value } };
      const candidateDistance = distance(candidate);
      if (candidateDistance < best) {
        current = candidate;
        best = candidateDistance;
      }
    }
  }
  return current;
}

function withMissing(
  value: fc.Arbitrary<FactValue>,
  missing: number,
): fc.Arbitrary<FactValue | null | undefined> {
  if (missing <= 0) return value;
  const weight = Math.max(1, Math.round((1 - missing) / Math.max(missing, 1e-6)));
  return fc.oneof(
    { weight: weight * 2, arbitrary: value },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

function valueArbitrary(
  definition: FactDefinition,
  witnesses: readonly FactValue[],
  range: number,
): fc.Arbitrary<FactValue> {
  const any = anyValue(definition, range);
  return witnesses.length === 0 ? any : fc.oneof(fc.constantFrom(...witnesses), any);
}

function anyValue(definition: FactDefinition, range: number): fc.Arbitrary<FactValue> {
  const min = definition.min ?? -range;
  const max = definition.max ?? range;
  switch (definition.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    case 'number':
      return fc
        .double({ min, max, noNaN: true, noDefaultInfinity: true })
        .map((value) => (Object.is(value, -0) ? 0 : value));
    case 'string':
      return fc.string({ maxLength: 20 });
    case 'date':
      return fc
        .date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2040-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString().slice(0, 10));
    case 'enum':
      return fc.constantFrom(...(definition.values ?? ['']));
  }
}

/**
 * How far a verdict is from the boundary (shifted by `offset`), as a share; out of scope counts as far.
 * A heuristic for biasing the draw, not a verdict.
 */
function distanceToBoundary(result: EvaluationResult, threshold: number, offset: number): number {
  const outOfScope = result.inScope ? 0 : 1;
  const uncovered =
    result.reasons.filter((reason) => reason.code === 'REQUIREMENT_UNCOVERED').length /
    Math.max(result.requirements.length, 1);
  if (result.score) {
    const share =
      result.score.max === 0 ? 0 : (result.score.points - result.score.passMark) / result.score.max;
    return outOfScope + uncovered + Math.abs(share - offset);
  }
  if (result.compliance.applicable === 0) return outOfScope + 1;
  return outOfScope + uncovered + Math.abs(result.compliance.rate - threshold - offset);
}
