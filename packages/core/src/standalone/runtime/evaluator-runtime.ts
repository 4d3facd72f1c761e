import type { EvaluationResult, ExplanationNode, StandardResult } from '../../result/types.js';
import type { FactValue } from '../../rule-set/types.js';
import type { conditionCompiler, StandaloneCompiled } from './conditions-runtime.js';
import type { assessmentReader } from './read-assessment-runtime.js';
import type { reasonsWriter } from './reasons-runtime.js';
import type { StandaloneErrorClass } from './rubric-error-runtime.js';
import type { StandaloneData } from './types.js';

/** The other runtime parts, which the module defines beside this one. */
export interface StandaloneParts {
  readonly RubricError: StandaloneErrorClass;
  readonly assessmentReader: typeof assessmentReader;
  readonly conditionCompiler: typeof conditionCompiler;
  readonly reasonsWriter: typeof reasonsWriter;
}

/**
 * The standalone module's `evaluate`: scope, every standard's outcome, the counts, the exact threshold or
 * pass-mark comparison and the result, built as core's compiled evaluator builds it (deep-equal to it).
 * Self-contained: the generator embeds its source text in the module.
 *
 * @example
 * ```ts
 * const evaluate = standaloneEvaluator(data, { RubricError, assessmentReader, conditionCompiler, reasonsWriter });
 * evaluate(assessment).eligible;
 * ```
 */
export function standaloneEvaluator(data: StandaloneData, parts: StandaloneParts) {
  type Values = readonly (FactValue | undefined)[];
  const { RubricError } = parts;
  const text = (zh: string, en: string | null) => (en === null ? { zh } : { zh, en });
  const facts = data.facts.map(([id, type, zh, en, values, min, max]) => ({
    id,
    type,
    title: text(zh, en),
    ...(values !== null && { values }),
    ...(min !== null && { min }),
    ...(max !== null && { max }),
  }));
  const requirementList = data.requirements.map(([id, aspect, zh, en]) => ({
    id,
    aspect,
    title: text(zh, en),
  }));
  const read = parts.assessmentReader(facts, data.unknownFacts, RubricError);
  const compile = parts.conditionCompiler(facts, data.conditions, data.operators);
  const reasonsFor = parts.reasonsWriter(data, facts, requirementList);
  const { scoring } = data;
  const isPoints = scoring.mode === 'points';
  const scope = data.scope === null ? undefined : compile(data.scope);
  const focus = data.focus === null ? undefined : compile(data.focus);
  const standards = data.standards.map(([id, requirement, scaledPoints, condition, applicableWhen]) => {
    const aspect = requirementList[requirement]!.aspect;
    return {
      id,
      requirementId: requirementList[requirement]!.id,
      aspectId: data.aspects[aspect]!.id,
      requirement,
      aspect,
      scaledPoints,
      applicableWhen: applicableWhen === undefined ? undefined : compile(applicableWhen),
      condition: compile(condition),
    };
  });
  const scopeFacts = new Set(scope === undefined ? [] : scope.positions.map((at) => facts[at]!.id));
  const needed = new Set<number>();
  for (const condition of [
    scope,
    ...standards.flatMap((standard) => [standard.applicableWhen, standard.condition]),
  ])
    for (const position of condition?.positions ?? []) needed.add(position);
  const numerator = Number(scoring.numerator);
  const denominator = Number(scoring.denominator);
  // Exact in integers while the threshold has at most 6 decimal places and counts stay below a billion.
  const smallFraction = BigInt(scoring.denominator) <= BigInt(1_000_000);
  const meetsThreshold = (met: number, of: number): boolean =>
    smallFraction
      ? met * denominator >= numerator * of
      : BigInt(met) * BigInt(scoring.denominator) >= BigInt(scoring.numerator) * BigInt(of);
  const outcomeNames = ['met', 'unmet', 'not-applicable', 'missing-data'] as const;

  const hasMissing = (condition: StandaloneCompiled, values: Values): boolean => {
    for (const position of condition.positions) if (values[position] === undefined) return true;
    return false;
  };
  const flagMissing = (condition: StandaloneCompiled, values: Values, missing: number[]): void => {
    for (const position of condition.positions) if (values[position] === undefined) missing[position] = 1;
  };
  const failedLeafFacts = (node: ExplanationNode): string[] => {
    const facts = new Set<string>();
    const visit = (current: ExplanationNode): void => {
      if (current.kind === 'leaf') {
        if (current.result === false) facts.add(current.fact);
      } else if (current.kind === 'not' || current.kind === 'reference') visit(current.child);
      else current.children.forEach(visit);
    };
    visit(node);
    return [...facts];
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

  return (input: unknown, options?: { readonly explain?: boolean }): EvaluationResult => {
    const explain = explainOf(options);
    const { assessmentId, values } = read(input);
    let complete = true;
    for (const position of needed) if (values[position] === undefined) complete = false;
    const missing: number[] | undefined = complete ? undefined : new Array(values.length).fill(0);

    let inScope: boolean | null = true;
    let failedFacts: string[] = [];
    if (scope !== undefined) {
      if (missing !== undefined && hasMissing(scope, values)) {
        flagMissing(scope, values, missing);
        inScope = null;
      } else if (!scope.test(values)) {
        inScope = false;
        failedFacts = failedLeafFacts(scope.explain(values));
      }
    }
    const inFocus = focus === undefined ? undefined : hasMissing(focus, values) ? null : focus.test(values);

    const outcomes = standards.map(({ applicableWhen, condition }) => {
      if (applicableWhen !== undefined) {
        if (missing !== undefined && hasMissing(applicableWhen, values)) {
          flagMissing(applicableWhen, values, missing);
          return 3;
        }
        if (!applicableWhen.test(values)) return 2;
      }
      if (missing !== undefined && hasMissing(condition, values)) {
        flagMissing(condition, values, missing);
        return 3;
      }
      return condition.test(values) ? 0 : 1;
    });

    const requirementMet = requirementList.map(() => 0);
    const requirementApplicable = requirementList.map(() => 0);
    const aspectMet = data.aspects.map(() => 0);
    const aspectApplicable = data.aspects.map(() => 0);
    const aspectPoints = data.aspects.map(() => 0);
    const aspectMaxPoints = data.aspects.map(() => 0);
    let met = 0;
    let applicable = 0;
    let points = 0;
    let maxPoints = 0;
    outcomes.forEach((outcome, position) => {
      if (outcome === 2) return;
      const standard = standards[position]!;
      applicable++;
      requirementApplicable[standard.requirement]!++;
      aspectApplicable[standard.aspect]!++;
      maxPoints += standard.scaledPoints;
      aspectMaxPoints[standard.aspect]! += standard.scaledPoints;
      if (outcome !== 0) return;
      met++;
      requirementMet[standard.requirement]!++;
      aspectMet[standard.aspect]!++;
      points += standard.scaledPoints;
      aspectPoints[standard.aspect]! += standard.scaledPoints;
    });
    const minimum = scoring.minMetPerRequirement;
    const requirements = requirementList.map((requirement, position) => ({
      id: requirement.id,
      aspectId: data.aspects[requirement.aspect]!.id,
      met: requirementMet[position]!,
      applicable: requirementApplicable[position]!,
      satisfied: requirementApplicable[position] === 0 || requirementMet[position]! >= minimum,
    }));
    const passesScoring = isPoints
      ? points >= scoring.scaledPassMark &&
        data.aspects.every((aspect, position) => aspectPoints[position]! >= aspect.scaledMinimum)
      : applicable !== 0 && meetsThreshold(met, applicable);
    const eligible =
      inScope === true && passesScoring && requirements.every((requirement) => requirement.satisfied);
    const rate = (count: number, of: number) => (of === 0 ? 0 : count / of);
    const missingFacts: string[] = [];
    if (missing !== undefined)
      missing.forEach((flag, position) => {
        if (flag === 1) missingFacts.push(facts[position]!.id);
      });

    const result: Record<string, unknown> = {
      ruleSet: { id: data.ruleSet.id, version: data.ruleSet.version, provenance: data.ruleSet.provenance },
      assessmentId,
      inScope: inScope === true,
    };
    if (inFocus !== undefined) result.inFocus = inFocus;
    result.eligible = eligible;
    result.compliance = { met, applicable, total: outcomes.length, rate: rate(met, applicable) };
    if (isPoints)
      result.score = {
        points: points / scoring.pointsScale,
        max: maxPoints / scoring.pointsScale,
        passMark: scoring.passMark,
      };
    result.standards = standards.map((standard, position): StandardResult => {
      const outcome = outcomeNames[outcomes[position]!]!;
      const { id, requirementId, aspectId } = standard;
      if (!explain) return { id, requirementId, aspectId, outcome };
      const applicableNode = standard.applicableWhen?.explain(values);
      const condition = standard.condition.explain(values);
      return {
        id,
        requirementId,
        aspectId,
        outcome,
        explanation: applicableNode ? { applicable: applicableNode, condition } : { condition },
      };
    });
    result.requirements = requirements;
    result.aspects = data.aspects.map((aspect, position) => {
      const shareMet = rate(aspectMet[position]!, aspectApplicable[position]!);
      const counted = {
        id: aspect.id,
        met: aspectMet[position]!,
        applicable: aspectApplicable[position]!,
        rate: shareMet,
      };
      return isPoints
        ? {
            ...counted,
            points: aspectPoints[position]! / scoring.pointsScale,
            maxPoints: aspectMaxPoints[position]! / scoring.pointsScale,
          }
        : counted;
    });
    result.reasons = eligible
      ? []
      : reasonsFor({
          inScope,
          failedFacts,
          met,
          applicable,
          scaledPoints: points,
          aspectPoints,
          requirements,
          outcomes,
          missingFacts,
          scopeFacts,
        });
    result.missingFacts = missingFacts;
    return result as unknown as EvaluationResult;
  };
}
