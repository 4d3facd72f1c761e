import type { EvidenceByPosition, evidenceRulesWith } from '../../evidence/evidence-rules.js';
import type { EvaluationResult, ExplanationNode } from '../../result/types.js';
import type { FactValue } from '../../rule-set/types.js';
import type { assessmentFields } from '../../runtime/assessment-fields.js';
import type { FactChecks } from '../../runtime/fact-checks.js';
import type { builtInLeafTest } from '../../runtime/leaf-test.js';
import type { factValuesReader } from '../../runtime/read-fact-values.js';
import type { reasonsWriter } from '../../runtime/reasons.js';
import type { conditionCompiler, StandaloneCompiled } from './conditions-runtime.js';
import type { lazyDetails } from './details-runtime.js';
import type { assessmentReader } from './read-assessment-runtime.js';
import type { StandaloneErrorClass } from './rubric-error-runtime.js';
import type { StandaloneData } from './types.js';

/** The other runtime parts, which the module defines beside this one. */
export interface StandaloneParts {
  readonly RubricError: StandaloneErrorClass;
  readonly checks: FactChecks;
  readonly factValuesReader: typeof factValuesReader;
  readonly assessmentFields: typeof assessmentFields;
  readonly builtInLeafTest: typeof builtInLeafTest;
  readonly assessmentReader: typeof assessmentReader;
  readonly conditionCompiler: typeof conditionCompiler;
  readonly reasonsWriter: typeof reasonsWriter;
  readonly lazyDetails: typeof lazyDetails;
  readonly evidenceRules: typeof evidenceRulesWith;
}

/**
 * The standalone module's `evaluate`, built as core's compiled evaluator is (deep-equal results): the
 * assessment read once into catalog slots, every standard decided by its short-circuiting tests alone
 * when every fact a condition reads is answered, the outcomes counted into counters reused between calls,
 * and the result's `standards` (with explanations), `requirements`, `aspects` and `reasons` built when
 * first read. Self-contained: the generator embeds its source text in the module.
 *
 * @example
 * ```ts
 * const evaluate = standaloneEvaluator(data, { RubricError, checks, factValuesReader, assessmentFields, builtInLeafTest, assessmentReader, conditionCompiler, reasonsWriter, lazyDetails });
 * evaluate(assessment).eligible;
 * ```
 */
export function standaloneEvaluator(data: StandaloneData, parts: StandaloneParts) {
  type Values = readonly (FactValue | undefined)[];
  type Counts = ReturnType<typeof newCounts>;
  /** What a result keeps to build its details from. */
  type Kept = {
    values: Values;
    outcomes: number[];
    inScope: boolean | null;
    missingFacts: string[];
    explain: boolean;
    /** The evidence read, and the unevidenced standards; undefined when there is none to show. */
    evidence: { entries: EvidenceByPosition | undefined; unevidenced: number[] } | undefined;
  };
  const { RubricError } = parts;
  // In the order of the generator's factTypes.
  const types = ['boolean', 'string', 'number', 'integer', 'date', 'enum'] as const;
  // Titles as the reasons read them: `en` null or absent where the rule set has none.
  const facts = data.facts.map(([id, type, zh, en, values, min, max]) => ({
    id,
    type: types[type]!,
    title: { zh, en },
    values,
    min,
    max,
  }));
  const aspects = data.aspects.map(([id, zh, en, minimum, scaledMinimum]) => ({
    id,
    title: { zh, en },
    minimum,
    scaledMinimum: scaledMinimum ?? 0,
  }));
  const requirementList = data.requirements.map(([id, aspect, , zh, en]) => ({
    id,
    aspectId: aspects[aspect]!.id,
    title: { zh, en },
  }));
  // The checks carry the words too.
  const { checks } = parts;
  const evidenceRules = parts.evidenceRules(checks);
  const readFacts = parts.factValuesReader(facts, checks, checks);
  const read = parts.assessmentReader(
    facts,
    data.unknownFacts,
    RubricError,
    checks,
    parts.assessmentFields(checks, checks, RubricError, evidenceRules.shapeIssues),
    readFacts,
  );
  const compile = parts.conditionCompiler(
    facts,
    data.conditions ?? [],
    data.operators,
    parts.builtInLeafTest,
  );
  const { scoring } = data;
  const { minMetPerRequirement: minimum, pointsScale: scale = 1 } = scoring;
  const [numerator, denominator] = scoring.fraction ?? [];
  const requiredCount = (applicable: number): number =>
    numerator === undefined
      ? scoring.required![applicable]!
      : Math.ceil((numerator * applicable) / denominator!);
  const isPoints = scoring.mode === 'points';
  const scope = data.scope === null ? undefined : compile(data.scope);
  const focus = data.focus === null ? undefined : compile(data.focus);
  const standards = data.requirements.flatMap(([, aspect, list], requirement) =>
    list.map(([id, condition, applicableWhen, scaledPoints = 0]) => ({
      id,
      requirement,
      aspect,
      scaledPoints,
      applicableWhen: applicableWhen ? compile(applicableWhen) : undefined,
      condition: compile(condition),
    })),
  );
  const standardCount = standards.length;
  const evidence = evidenceRules.forStandards(
    standards.map(({ id, requirement }, position) => ({
      id,
      requirementId: requirementList[requirement]!.id,
      aspectId: requirementList[requirement]!.aspectId,
      required: data.evidence.required[position]!,
    })),
  );
  // The decision loop's tests in arrays of their own: the loop reads nothing else of a standard.
  const applicableTests = standards.map((standard) => standard.applicableWhen?.test);
  const conditionTests = standards.map((standard) => standard.condition.test);
  const scopeFacts = new Set(scope === undefined ? [] : scope.positions.map((at) => facts[at]!.id));
  const needed = new Set<number>();
  for (const condition of [scope, ...standards.flatMap((each) => [each.applicableWhen, each.condition])])
    for (const position of condition?.positions ?? []) needed.add(position);
  const neededPositions = [...needed];
  const reasonsFor = parts.reasonsWriter({
    ...scoring,
    requiredCount,
    aspects,
    requirements: requirementList,
    standards,
    factTitle: (factId) => facts.find((fact) => fact.id === factId)?.title,
  });
  const outcomeNames = ['met', 'unmet', 'not-applicable', 'missing-data'] as const;
  const rate = (count: number, of: number) => (of === 0 ? 0 : count / of);

  const newCounts = () => ({
    met: 0,
    applicable: 0,
    points: 0,
    maxPoints: 0,
    requirementMet: new Int32Array(requirementList.length),
    requirementApplicable: new Int32Array(requirementList.length),
    aspectMet: new Int32Array(aspects.length),
    aspectApplicable: new Int32Array(aspects.length),
    aspectPoints: new Float64Array(aspects.length),
    aspectMaxPoints: new Float64Array(aspects.length),
  });
  const countInto = (counts: Counts, outcomes: readonly number[]): Counts => {
    counts.met = counts.applicable = counts.points = counts.maxPoints = 0;
    counts.requirementMet.fill(0);
    counts.requirementApplicable.fill(0);
    counts.aspectMet.fill(0);
    counts.aspectApplicable.fill(0);
    counts.aspectPoints.fill(0);
    counts.aspectMaxPoints.fill(0);
    for (let position = 0; position < standardCount; position++) {
      const outcome = outcomes[position];
      if (outcome === 2) continue;
      const { requirement, aspect, scaledPoints } = standards[position]!;
      counts.applicable++;
      counts.requirementApplicable[requirement]!++;
      counts.aspectApplicable[aspect]!++;
      counts.maxPoints += scaledPoints;
      counts.aspectMaxPoints[aspect]! += scaledPoints;
      if (outcome !== 0) continue;
      counts.met++;
      counts.requirementMet[requirement]!++;
      counts.aspectMet[aspect]!++;
      counts.points += scaledPoints;
      counts.aspectPoints[aspect]! += scaledPoints;
    }
    return counts;
  };
  const passes = (counts: Counts): boolean => {
    if (isPoints) {
      if (counts.points < scoring.scaledPassMark!) return false;
      for (let position = 0; position < aspects.length; position++)
        if (counts.aspectPoints[position]! < aspects[position]!.scaledMinimum) return false;
    } else if (counts.applicable === 0 || counts.met < requiredCount(counts.applicable)) return false;
    for (let position = 0; position < requirementList.length; position++)
      if (counts.requirementApplicable[position] !== 0 && counts.requirementMet[position]! < minimum)
        return false;
    return true;
  };
  const requirementsOf = (counts: Counts) =>
    requirementList.map(({ id, aspectId }, position) => {
      const met = counts.requirementMet[position]!;
      const applicable = counts.requirementApplicable[position]!;
      return { id, aspectId, met, applicable, satisfied: applicable === 0 || met >= minimum };
    });
  const failedLeafFacts = (node: ExplanationNode): string[] => {
    const found = new Set<string>();
    const visit = (current: ExplanationNode): void => {
      if (current.kind === 'leaf') {
        if (current.result === false) found.add(current.fact);
      } else if (current.kind === 'not' || current.kind === 'reference') visit(current.child);
      else current.children.forEach(visit);
    };
    visit(node);
    return [...found];
  };
  const place = parts.lazyDetails<Kept>({
    standards: ({ values, outcomes, explain, evidence: kept }) =>
      standards.map(({ id, requirement, applicableWhen, condition }, position) => {
        const { id: requirementId, aspectId } = requirementList[requirement]!;
        const outcome = outcomeNames[outcomes[position]!]!;
        const built: Record<string, unknown> = { id, requirementId, aspectId, outcome };
        if (explain) {
          const applicable = applicableWhen?.explain(values);
          const explained = condition.explain(values);
          built.explanation = applicable ? { applicable, condition: explained } : { condition: explained };
        }
        const shown = kept === undefined ? undefined : evidence.standardEvidence(position, kept.entries);
        if (shown !== undefined) built.evidence = shown;
        return built;
      }),
    requirements: ({ outcomes }) => requirementsOf(countInto(newCounts(), outcomes)),
    aspects: ({ outcomes }) => {
      const counts = countInto(newCounts(), outcomes);
      return aspects.map(({ id }, position) => {
        const met = counts.aspectMet[position]!;
        const applicable = counts.aspectApplicable[position]!;
        const counted = { id, met, applicable, rate: rate(met, applicable) };
        if (!isPoints) return counted;
        const points = counts.aspectPoints[position]! / scale;
        return { ...counted, points, maxPoints: counts.aspectMaxPoints[position]! / scale };
      });
    },
    reasons: ({ values, outcomes, inScope, missingFacts, evidence: kept }) => {
      const counts = countInto(newCounts(), outcomes);
      if (inScope === true && passes(counts)) return [];
      const evidenceReasons =
        kept === undefined || !data.evidence.counted
          ? []
          : kept.unevidenced.map((at) => evidence.reasonFor(at, evidence.missingAt(at, kept.entries)));
      const reasons = reasonsFor({
        inScope,
        failedFacts: inScope === false ? failedLeafFacts(scope!.explain(values)) : [],
        met: counts.met,
        applicable: counts.applicable,
        scaledPoints: counts.points,
        scaledAspectPoints: counts.aspectPoints,
        // Its own requirement results: the reasons follow the outcomes even if `requirements` was reassigned.
        requirements: requirementsOf(counts),
        outcomes,
        missingFacts,
        scopeFacts,
      });
      return [...reasons, ...evidenceReasons];
    },
  });

  const hasMissing = (condition: StandaloneCompiled, values: Values): boolean => {
    for (const position of condition.positions) if (values[position] === undefined) return true;
    return false;
  };
  // Whether a fact the condition reads is missing, each such fact flagged as missing.
  const undecided = (condition: StandaloneCompiled, values: Values, missing: number[]): boolean => {
    let found = false;
    for (const position of condition.positions)
      if (values[position] === undefined) {
        missing[position] = 1;
        found = true;
      }
    return found;
  };
  const decideWithMissing = (position: number, values: Values, missing: number[]): number => {
    const { applicableWhen, condition } = standards[position]!;
    if (applicableWhen !== undefined) {
      if (undecided(applicableWhen, values, missing)) return 3;
      if (!applicableWhen.test(values)) return 2;
    }
    if (undecided(condition, values, missing)) return 3;
    return condition.test(values) ? 0 : 1;
  };
  // As core's evaluate: options absent or a plain object (anything else is INVALID_OPTIONS); only
  // `explain: false` turns explanations off.
  const explainOf = (options: unknown): boolean => {
    if (options === undefined) return true;
    if (typeof options !== 'object' || options === null || Array.isArray(options))
      throw new RubricError('INVALID_OPTIONS', [
        { path: ['options'], message: 'options is an object, or left out' },
      ]);
    return (options as { explain?: unknown }).explain !== false;
  };
  const counts = newCounts();

  return (input: unknown, options?: { readonly explain?: boolean }): EvaluationResult => {
    const explain = explainOf(options);
    const { assessmentId, values } = read(input);
    let missing: number[] | undefined;
    for (const position of neededPositions)
      if (values[position] === undefined) {
        missing = new Array(values.length).fill(0);
        break;
      }
    let inScope: boolean | null = true;
    if (scope !== undefined) {
      inScope = missing !== undefined && undecided(scope, values, missing) ? null : scope.test(values);
    }
    const inFocus = focus === undefined ? undefined : hasMissing(focus, values) ? null : focus.test(values);
    // A plain array, not a typed one: V8 allocates a small array inline, a typed array several times slower.
    const outcomes: number[] = new Array(standardCount);
    if (missing === undefined)
      for (let position = 0; position < standardCount; position++) {
        const applicableTest = applicableTests[position];
        outcomes[position] =
          applicableTest !== undefined && !applicableTest(values)
            ? 2
            : conditionTests[position]!(values)
              ? 0
              : 1;
      }
    else
      for (let position = 0; position < standardCount; position++)
        outcomes[position] = decideWithMissing(position, values, missing);
    let kept: Kept['evidence'];
    const given = (input as { evidence?: unknown }).evidence;
    if (given !== undefined || evidence.requiresAny) {
      const decided = evidence.decide(given, outcomes, 0, 1, data.evidence.counted);
      if (decided.issues.length > 0) throw new RubricError('INVALID_ASSESSMENT', decided.issues);
      kept = decided;
    }
    countInto(counts, outcomes);
    const eligible = inScope === true && passes(counts);
    const missingFacts: string[] = [];
    if (missing !== undefined)
      for (let position = 0; position < missing.length; position++)
        if (missing[position] === 1) missingFacts.push(facts[position]!.id);

    const { met, applicable } = counts;
    const result: Record<string, unknown> = {
      ruleSet: { ...data.ruleSet },
      assessmentId,
      inScope: inScope === true,
    };
    if (inFocus !== undefined) result.inFocus = inFocus;
    result.eligible = eligible;
    result.compliance = { met, applicable, total: standardCount, rate: rate(met, applicable) };
    if (isPoints)
      result.score = {
        points: counts.points / scale,
        max: counts.maxPoints / scale,
        passMark: scoring.passMark!,
      };
    place(result, { values, outcomes, inScope, missingFacts, explain, evidence: kept });
    result.missingFacts = missingFacts;
    result.unevidenced = kept === undefined ? [] : kept.unevidenced.map((at) => standards[at]!.id);
    return result as unknown as EvaluationResult;
  };
}
