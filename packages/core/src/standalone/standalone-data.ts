import { layoutRuleSet } from '../evaluate/layout.js';
import { isConditionReference, isFactReference, isLeaf } from '../rule-set/conditions.js';
import { builtInOperators } from '../rule-set/operators.js';
import type { Condition, RuleSet } from '../rule-set/types.js';
import { percentInWords } from '../words/percent-words.js';
import {
  factTypes,
  type StandaloneCondition,
  type StandaloneData,
  type StandaloneFactTuple,
} from './runtime/types.js';

/**
 * A defined rule set as the plain data the standalone runtime reads: facts by catalog position, shared
 * conditions once each, points scaled to integers and the threshold as an exact fraction, all computed here
 * with core's own helpers so that the module decides exactly as the compiled evaluator does.
 *
 * @example
 * ```ts
 * const data = standaloneDataOf(defineRuleSet(json), 'error');
 * JSON.stringify(data);
 * ```
 */
export function standaloneDataOf(ruleSet: RuleSet, unknownFacts: 'error' | 'ignore'): StandaloneData {
  const layout = layoutRuleSet(ruleSet);
  const positionOf = layout.facts.positionOf;
  const sharedNames = Object.keys(ruleSet.conditions ?? {});
  const sharedIndex = new Map(sharedNames.map((name, index) => [name, index]));
  const operators = builtInOperators.map((operator) => operator.name);
  const operatorIndex = new Map(operators.map((name, index) => [name, index]));
  const convert = (condition: Condition): StandaloneCondition => {
    if (isConditionReference(condition))
      return ['reference', condition.condition, sharedIndex.get(condition.condition)!];
    if (isLeaf(condition)) {
      const position = positionOf.get(condition.fact)!;
      const operator = operatorIndex.get(condition.operator)!;
      const { value } = condition;
      return isFactReference(value)
        ? [position, operator, value, positionOf.get(value.fact)!]
        : [position, operator, value];
    }
    if ('not' in condition) return ['not', convert(condition.not)];
    return 'all' in condition
      ? ['all', ...condition.all.map(convert)]
      : ['any', ...condition.any.map(convert)];
  };
  const { scoring } = ruleSet;
  const threshold = scoring.mode === 'compliance-rate' ? scoring.threshold : 0;
  const scale = layout.pointsScale;
  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version, provenance: ruleSet.provenance },
    // Only what the checks and the reasons read (a unit, say, never shows in a result), as tuples
    // without their trailing nulls (most facts have no values, min or max).
    facts: layout.facts.ids.map((id, position) => {
      const { type, title, values, min, max } = layout.facts.definitions[position]!;
      const tuple = [
        id,
        factTypes.indexOf(type),
        title.zh,
        title.en ?? null,
        values ?? null,
        min ?? null,
        max ?? null,
      ];
      while (tuple.at(-1) === null) tuple.pop();
      return tuple as unknown as StandaloneFactTuple;
    }),
    unknownFacts,
    conditions: sharedNames.map((name) => convert(ruleSet.conditions![name]!)),
    scope: ruleSet.scope ? convert(ruleSet.scope) : null,
    focus: ruleSet.focus ? convert(ruleSet.focus) : null,
    aspects: layout.aspects.map((aspect, position) => ({
      id: aspect.id,
      title: aspect.title,
      minimum: scoring.mode === 'points' ? (scoring.aspectMinimums?.[aspect.id] ?? null) : null,
      scaledMinimum: layout.scaledAspectMinimums[position]!,
    })),
    requirements: layout.requirements.map(({ id, aspectPosition, title }) => [
      id,
      aspectPosition,
      title.zh,
      title.en ?? null,
    ]),
    standards: layout.standards.map(({ id, requirementPosition, scaledPoints, condition, applicableWhen }) =>
      applicableWhen
        ? [id, requirementPosition, scaledPoints, convert(condition), convert(applicableWhen)]
        : [id, requirementPosition, scaledPoints, convert(condition)],
    ),
    operators,
    scoring: {
      mode: scoring.mode,
      minMetPerRequirement: scoring.minMetPerRequirement,
      threshold,
      required:
        scoring.mode === 'compliance-rate'
          ? Array.from({ length: layout.standards.length + 1 }, (_, applicable) =>
              layout.requiredCount(applicable),
            )
          : [],
      thresholdInWords: percentInWords(threshold),
      passMark: scoring.mode === 'points' ? scoring.passMark : 0,
      scaledPassMark: layout.scaledPassMark,
      pointsScale: scale,
    },
    evidence: {
      counted: scoring.unevidenced === 'unmet',
      required: layout.standards.map((standard) => standard.evidence ?? []),
    },
  };
}
