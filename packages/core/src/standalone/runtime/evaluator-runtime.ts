import type {
  EvidenceByPosition,
  evidenceMissingReason,
  evidenceRulesWith,
} from '../../evidence/evidence-rules.js';
import type { EvaluationResult, ExplanationNode } from '../../result/types.js';
import type { FactValue } from '../../rule-set/types.js';
import type { assessmentFields } from '../../runtime/assessment-fields.js';
import type { FactChecks } from '../../runtime/fact-checks.js';
import type { builtInLeafTest } from '../../runtime/leaf-test.js';
import type { factValuesReader } from '../../runtime/read-fact-values.js';
import type { ReasonsRubric, reasonsWriterWith, ScoreReasons } from '../../runtime/reasons.js';
import type { conditionCompiler, factComparisons, sharedConditions } from './conditions-runtime.js';
import type { lazyDetails } from './details-runtime.js';
import type { assessmentReader } from './read-assessment-runtime.js';
import type { StandaloneErrorClass } from './rubric-error-runtime.js';
import type { StandaloneData } from './types.js';

/**
 * The other runtime parts, which the module defines beside this one. Those only some rule sets need are
 * absent from the module of a rule set that does not: `factComparisons` and `sharedConditions` (conditions
 * that have them), `evidenceMissingReason` (unevidenced standards that count as unmet); `scoreReasons` is
 * the writer of the rule set's scoring mode only.
 */
export interface StandaloneParts {
  readonly RubricError: StandaloneErrorClass;
  readonly checks: FactChecks;
  readonly factValuesReader: typeof factValuesReader;
  readonly assessmentFields: typeof assessmentFields;
  readonly builtInLeafTest: typeof builtInLeafTest;
  readonly assessmentReader: typeof assessmentReader;
  /** Core's limits on a document it reads (see `assessmentReader`). */
  readonly maxEntries: number;
  readonly maxNodes: number;
  readonly conditionCompiler: typeof conditionCompiler;
  readonly factComparisons?: typeof factComparisons;
  readonly sharedConditions?: typeof sharedConditions;
  readonly reasonsWriter: typeof reasonsWriterWith;
  readonly scoreReasons: (rubric: ReasonsRubric) => ScoreReasons;
  readonly lazyDetails: typeof lazyDetails;
  readonly evidenceRules: typeof evidenceRulesWith;
  readonly evidenceMissingReason?: typeof evidenceMissingReason;
}

/**
 * The standalone module's `evaluate`, built as core's compiled evaluator is (deep-equal results): the
 * assessment read once into catalog slots, every standard decided by its short-circuiting tests alone
 * when every fact a condition reads is answered, the outcomes tallied in one pass over requirements and
 * aspects (the standards are grouped by both, in order), and the result's `standards` (with
 * explanations), `requirements`, `aspects` and `reasons` built when first read. Self-contained: the
 * generator embeds its source text in the module.
 *
 * @example
 * ```ts
 * const evaluate = standaloneEvaluator(data, { RubricError, checks, factValuesReader, assessmentFields, builtInLeafTest, assessmentReader, maxEntries, maxNodes, conditionCompiler, reasonsWriter, scoreReasons, lazyDetails, evidenceRules });
 * evaluate(assessment).eligible;
 * ```
 */
export function standaloneEvaluator(data: StandaloneData, parts: StandaloneParts) {
  type Values = readonly (FactValue | undefined)[];
  type Evidence = { entries: EvidenceByPosition | undefined; unevidenced: number[] };
  /** What a result keeps to build its details from. */
  type Kept = {
    values: Values;
    outcomes: number[];
    inScope: boolean | null;
    missingFacts: string[];
    explain: boolean;
    /** The evidence read, and the unevidenced standards; undefined when there is none to show. */
    evidence: Evidence | undefined;
  };
  const { RubricError, checks, builtInLeafTest: leafTest } = parts;
  const { scoring, evidence: evidenceData, operators } = data;
  // In the order of the generator's factTypes.
  const types = ['boolean', 'string', 'number', 'integer', 'date', 'enum'] as const;
  // Titles as the reasons read them: `en` null or absent where the rule set has none. An enum's values
  // sit where a number's minimum would.
  const facts = data.facts.map(([id, type, zh, en, valuesOrMin, max]) => ({
    id,
    type: types[type]!,
    title: { zh, en },
    ...(type === 5 ? { values: valuesOrMin as FactValue[] } : { min: valuesOrMin as number, max }),
  }));
  // Titles and minimums only in points mode, the only one whose reasons name an aspect.
  const aspects = data.aspects.map(([id, zh = '', en, minimum, scaledMinimum = 0]) => ({
    id,
    title: { zh, en },
    minimum,
    scaledMinimum,
  }));
  const requirementList = data.requirements.map(([id, aspect, , zh, en]) => ({
    id,
    aspectId: aspects[aspect]!.id,
    title: { zh, en },
  }));
  const evidenceRules = parts.evidenceRules(checks, parts.evidenceMissingReason);
  const { read, unreadableAt } = parts.assessmentReader(
    facts,
    data.unknownFacts,
    RubricError,
    checks,
    parts.assessmentFields(checks, checks, RubricError, evidenceRules.shapeIssues),
    parts.factValuesReader(facts, checks, checks),
    parts.maxEntries,
    parts.maxNodes,
  );
  const compile = parts.conditionCompiler(facts, operators, leafTest, [
    ...(parts.factComparisons ? [parts.factComparisons(facts, operators, leafTest)] : []),
    ...(parts.sharedConditions ? [parts.sharedConditions(data.conditions!)] : []),
  ]);
  const minimum = scoring.minMetPerRequirement;
  const scale = scoring.pointsScale ?? 1;
  const [numerator, denominator] = scoring.fraction ?? [];
  const requiredCount = (applicable: number): number =>
    numerator === undefined
      ? scoring.required![applicable]!
      : Math.ceil((numerator * applicable) / denominator!);
  const isPoints = scoring.mode === 'points';
  const scope = data.scope && compile(data.scope);
  const focus = data.focus && compile(data.focus);
  // Where each requirement's standards and each aspect's requirements end, in rule-set order.
  const requirementEnds: number[] = [];
  const aspectEnds: number[] = [];
  // Each standard with what its result and its evidence name: its requirement's and aspect's ids and the
  // documents it requires (the evidence rules read these fields of it).
  const standards = data.requirements.flatMap(([, aspect, list], requirement) => {
    const start = requirementEnds[requirement - 1] ?? 0;
    requirementEnds[requirement] = start + list.length;
    aspectEnds[aspect] = requirement + 1;
    const { id: requirementId, aspectId } = requirementList[requirement]!;
    return list.map(([id, condition, applicableWhen, scaledPoints = 0], index) => ({
      id,
      requirementId,
      aspectId,
      required: evidenceData.required[start + index]!,
      scaledPoints,
      applicableWhen: applicableWhen ? compile(applicableWhen) : undefined,
      condition: compile(condition),
    }));
  });
  const standardCount = standards.length;
  const evidence = evidenceRules.forStandards(standards);
  // The decision loop's tests in arrays of their own: the loop reads nothing else of a standard.
  const applicableTests = standards.map((standard) => standard.applicableWhen?.test);
  const conditionTests = standards.map((standard) => standard.condition.test);
  const scopeFacts = new Set(scope?.positions.map((at) => facts[at]!.id));
  const neededPositions = [
    ...new Set(
      [scope, ...standards.flatMap((each) => [each.applicableWhen, each.condition])].flatMap(
        (condition) => condition?.positions ?? [],
      ),
    ),
  ];
  const rubric: ReasonsRubric = {
    ...scoring,
    requiredCount,
    aspects,
    requirements: requirementList,
    standards,
    factTitle: (factId) => facts.find((fact) => fact.id === factId)?.title,
  };
  const reasonsFor = parts.reasonsWriter(rubric, parts.scoreReasons(rubric));
  const outcomeNames = ['met', 'unmet', 'not-applicable', 'missing-data'] as const;
  const rate = (count: number, of: number) => (of === 0 ? 0 : count / of);

  /**
   * The outcomes counted in one pass: the totals, whether every requirement with an applicable standard
   * has its minimum met and every aspect its minimum of points, and, into `requirementCounts` and
   * `aspectCounts` when given, `[met, applicable]` by requirement and `[met, applicable, points,
   * maxPoints]` by aspect (points scaled).
   */
  const tally = (outcomes: readonly number[], requirementCounts?: number[][], aspectCounts?: number[][]) => {
    let met = 0;
    let applicable = 0;
    let points = 0;
    let maxPoints = 0;
    let covered = true;
    let position = 0;
    let requirement = 0;
    for (let aspect = 0; aspect < aspects.length; aspect++) {
      let aspectMet = 0;
      let aspectApplicable = 0;
      let aspectPoints = 0;
      let aspectMaxPoints = 0;
      for (; requirement < (aspectEnds[aspect] ?? requirement); requirement++) {
        let requirementMet = 0;
        let requirementApplicable = 0;
        for (; position < requirementEnds[requirement]!; position++) {
          const outcome = outcomes[position];
          if (outcome === 2) continue;
          const scaledPoints = standards[position]!.scaledPoints;
          requirementApplicable++;
          aspectMaxPoints += scaledPoints;
          if (outcome !== 0) continue;
          requirementMet++;
          aspectPoints += scaledPoints;
        }
        if (requirementApplicable !== 0 && requirementMet < minimum) covered = false;
        requirementCounts?.push([requirementMet, requirementApplicable]);
        aspectMet += requirementMet;
        aspectApplicable += requirementApplicable;
      }
      if (aspectPoints < aspects[aspect]!.scaledMinimum) covered = false;
      aspectCounts?.push([aspectMet, aspectApplicable, aspectPoints, aspectMaxPoints]);
      met += aspectMet;
      applicable += aspectApplicable;
      points += aspectPoints;
      maxPoints += aspectMaxPoints;
    }
    const passes =
      covered &&
      (isPoints ? points >= scoring.scaledPassMark! : applicable !== 0 && met >= requiredCount(applicable));
    return { met, applicable, points, maxPoints, passes };
  };
  const requirementsOf = (requirementCounts: readonly number[][]) =>
    requirementList.map(({ id, aspectId }, position) => {
      const [met, applicable] = requirementCounts[position]!;
      return {
        id,
        aspectId,
        met: met!,
        applicable: applicable!,
        satisfied: applicable === 0 || met! >= minimum,
      };
    });
  // A `not` or a reference has one child, `all` and `any` have children.
  const failedLeafFacts = (node: ExplanationNode, found: Set<string>): Set<string> => {
    if (node.kind === 'leaf') node.result === false && found.add(node.fact);
    else if ('child' in node) failedLeafFacts(node.child, found);
    else for (const child of node.children) failedLeafFacts(child, found);
    return found;
  };
  const place = parts.lazyDetails<Kept>({
    standards: ({ values, outcomes, explain, evidence: kept }) =>
      standards.map(({ id, requirementId, aspectId, applicableWhen, condition }, position) => {
        const built: Record<string, unknown> = {
          id,
          requirementId,
          aspectId,
          outcome: outcomeNames[outcomes[position]!],
        };
        if (explain) {
          const applicable = applicableWhen?.explain(values);
          const explained = condition.explain(values);
          built.explanation = applicable ? { applicable, condition: explained } : { condition: explained };
        }
        const shown = kept && evidence.standardEvidence(position, kept.entries);
        if (shown) built.evidence = shown;
        return built;
      }),
    requirements: ({ outcomes }) => {
      const counts: number[][] = [];
      tally(outcomes, counts);
      return requirementsOf(counts);
    },
    aspects: ({ outcomes }) => {
      const counts: number[][] = [];
      tally(outcomes, undefined, counts);
      return aspects.map(({ id }, position) => {
        const [met, applicable, points, maxPoints] = counts[position]!;
        const counted = { id, met, applicable, rate: rate(met!, applicable!) };
        return isPoints ? { ...counted, points: points! / scale, maxPoints: maxPoints! / scale } : counted;
      });
    },
    reasons: ({ values, outcomes, inScope, missingFacts, evidence: kept }) => {
      const requirementCounts: number[][] = [];
      const aspectCounts: number[][] = [];
      const { met, applicable, points, passes } = tally(outcomes, requirementCounts, aspectCounts);
      if (inScope === true && passes) return [];
      const reasons: unknown[] = reasonsFor({
        inScope,
        failedFacts: inScope === false ? [...failedLeafFacts(scope!.explain(values), new Set())] : [],
        met,
        applicable,
        scaledPoints: points,
        scaledAspectPoints: aspectCounts.map((counts) => counts[2]!),
        // Its own requirement results: the reasons follow the outcomes even if `requirements` was reassigned.
        requirements: requirementsOf(requirementCounts),
        outcomes,
        missingFacts,
        scopeFacts,
      });
      if (kept && evidenceData.counted)
        for (const at of kept.unevidenced)
          reasons.push(evidence.reasonFor(at, evidence.missingAt(at, kept.entries)));
      return reasons;
    },
  });

  // Whether a fact the condition reads is missing, each such fact flagged as missing when `missing` is given.
  const undecided = (
    condition: { positions: readonly number[] },
    values: Values,
    missing?: number[],
  ): boolean => {
    let found = false;
    for (const position of condition.positions)
      if (values[position] === undefined) {
        if (missing) missing[position] = 1;
        found = true;
      }
    return found;
  };
  // As core's evaluate: options absent or a plain object (anything else is INVALID_OPTIONS), read as core
  // reads options (a getter or Proxy trap that throws is INVALID_OPTIONS where it is); only
  // `explain: false` turns explanations off.
  const explainOf = (options: unknown): boolean => {
    if (options === undefined) return true;
    let plain = false;
    try {
      plain = typeof options === 'object' && options !== null && !Array.isArray(options);
    } catch {} // a revoked Proxy
    if (!plain)
      throw new RubricError('INVALID_OPTIONS', [
        { path: ['options'], message: 'options is an object, or left out' },
      ]);
    const problem = unreadableAt(options);
    if (problem)
      throw new RubricError('INVALID_OPTIONS', [
        problem.path.length > 0 ? problem : { ...problem, path: ['options'] },
      ]);
    return (options as { explain?: unknown }).explain !== false;
  };
  const { id, version, provenance } = data.ruleSet;
  // Every result shows the one provenance, as core's results show the rule set's: frozen, deeply, so that
  // changing it through one result cannot change what every other result says.
  const freeze = (value: unknown): void => {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value))
      for (const key of Object.keys(Object.freeze(value))) freeze((value as Record<string, unknown>)[key]);
  };
  freeze(provenance);

  return (input: unknown, options?: { readonly explain?: boolean }): EvaluationResult => {
    const explain = explainOf(options);
    // Everything read from the input is read here, evidence included (once): no caller's code (a getter,
    // a Proxy trap) runs once deciding has begun, and evidence is decided on the value whose shape was checked.
    const { assessmentId, values, evidence: given } = read(input);
    let missing: number[] | undefined;
    for (const position of neededPositions)
      if (values[position] === undefined) {
        missing = new Array(values.length).fill(0);
        break;
      }
    const inScope = !scope
      ? true
      : missing !== undefined && undecided(scope, values, missing)
        ? null
        : scope.test(values);
    // A plain array, not a typed one: V8 allocates a small array inline, a typed array several times slower.
    const outcomes: number[] = new Array(standardCount);
    for (let position = 0; position < standardCount; position++) {
      const applicableTest = applicableTests[position];
      if (missing === undefined)
        outcomes[position] =
          applicableTest !== undefined && !applicableTest(values)
            ? 2
            : conditionTests[position]!(values)
              ? 0
              : 1;
      else {
        const { applicableWhen, condition } = standards[position]!;
        outcomes[position] =
          applicableWhen !== undefined && undecided(applicableWhen, values, missing)
            ? 3
            : applicableTest !== undefined && !applicableTest(values)
              ? 2
              : undecided(condition, values, missing)
                ? 3
                : conditionTests[position]!(values)
                  ? 0
                  : 1;
      }
    }
    let kept: Evidence | undefined;
    if (given !== undefined || evidence.requiresAny) {
      const decided = evidence.decide(given, outcomes, 0, 1, !!evidenceData.counted);
      if (decided.issues.length > 0) throw new RubricError('INVALID_ASSESSMENT', decided.issues);
      kept = decided;
    }
    const counts = tally(outcomes);
    const missingFacts: string[] = [];
    if (missing !== undefined)
      for (let position = 0; position < missing.length; position++)
        if (missing[position] === 1) missingFacts.push(facts[position]!.id);

    const { met, applicable } = counts;
    const result: Record<string, unknown> = {
      ruleSet: { id, version, provenance },
      assessmentId,
      inScope: inScope === true,
    };
    if (focus) result.inFocus = undecided(focus, values) ? null : focus.test(values);
    result.eligible = inScope === true && counts.passes;
    result.compliance = { met, applicable, total: standardCount, rate: rate(met, applicable) };
    if (isPoints)
      result.score = {
        points: counts.points / scale,
        max: counts.maxPoints / scale,
        passMark: scoring.passMark!,
      };
    place(result, { values, outcomes, inScope, missingFacts, explain, evidence: kept });
    result.missingFacts = missingFacts;
    // `map`, which sizes the list once, rather than pushing: measurably cheaper for guangxi's dozens.
    result.unevidenced = kept ? kept.unevidenced.map((at) => standards[at]!.id) : [];
    return result as unknown as EvaluationResult;
  };
}
