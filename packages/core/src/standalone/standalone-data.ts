import { layoutRuleSet } from '../evaluate/layout.js';
import { exactShare } from '../numbers/fraction.js';
import { isConditionReference, isFactReference, isLeaf } from '../rule-set/conditions.js';
import type { Condition, RuleSet } from '../rule-set/types.js';
import { percentInWords } from '../words/percent-words.js';
import {
  factTypes,
  type StandaloneAspectTuple,
  type StandaloneCondition,
  type StandaloneData,
  type StandaloneFactTuple,
  type StandaloneStandard,
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
  // Only the operators the rule set uses, in the order first met: their names are the module's to carry.
  const operators: string[] = [];
  const operatorIndex = (name: string): number => {
    const index = operators.indexOf(name);
    return index >= 0 ? index : operators.push(name) - 1;
  };
  const convert = (condition: Condition): StandaloneCondition => {
    if (isConditionReference(condition))
      return ['reference', condition.condition, sharedIndex.get(condition.condition)!];
    if (isLeaf(condition)) {
      const position = positionOf.get(condition.fact)!;
      const operator = operatorIndex(condition.operator);
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
  const fraction = exactShare(threshold);
  const exact = fraction.denominator <= 1_000_000n;
  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version, provenance: ruleSet.provenance },
    // Only what the checks and the reasons read (a unit, say, never shows in a result), as tuples
    // without their trailing nulls (most facts have no values, min or max). Only an enum has values, and
    // only a number or integer bounds: one slot holds either.
    facts: layout.facts.ids.map((id, position) => {
      const { type, title, values, min, max } = layout.facts.definitions[position]!;
      const tuple = [
        id,
        factTypes.indexOf(type),
        title.zh,
        title.en ?? null,
        type === 'enum' ? (values ?? null) : (min ?? null),
        max ?? null,
      ];
      while (tuple.at(-1) === null) tuple.pop();
      return tuple as unknown as StandaloneFactTuple;
    }),
    ...(unknownFacts === 'ignore' ? { unknownFacts } : {}),
    ...(sharedNames.length > 0
      ? { conditions: sharedNames.map((name) => convert(ruleSet.conditions![name]!)) }
      : {}),
    scope: ruleSet.scope ? convert(ruleSet.scope) : null,
    focus: ruleSet.focus ? convert(ruleSet.focus) : null,
    aspects: layout.aspects.map((aspect, position) => {
      // Only a minimum's reason names an aspect: without one, the id is all the module needs.
      const minimum = scoring.mode === 'points' ? scoring.aspectMinimums?.[aspect.id] : undefined;
      if (minimum === undefined) return [aspect.id];
      const tuple = [
        aspect.id,
        aspect.title.zh,
        aspect.title.en ?? null,
        minimum,
        layout.scaledAspectMinimums[position]!,
      ];
      while (tuple.at(-1) === null || tuple.at(-1) === 0) tuple.pop();
      return tuple as unknown as StandaloneAspectTuple;
    }),
    requirements: layout.requirements.map(({ id, aspectPosition, title }, position) => {
      const standards = layout.standards
        .filter((standard) => standard.requirementPosition === position)
        .map(({ id: standardId, scaledPoints, condition, applicableWhen }) => {
          const tuple = [
            standardId,
            convert(condition),
            applicableWhen ? convert(applicableWhen) : 0,
            scaledPoints,
          ];
          while (tuple.at(-1) === 0) tuple.pop();
          return tuple as unknown as StandaloneStandard;
        });
      return title.en === undefined
        ? [id, aspectPosition, standards, title.zh]
        : [id, aspectPosition, standards, title.zh, title.en];
    }),
    operators,
    // What a mode does not read is left out: the module carries it for every estate it scores.
    scoring: {
      minMetPerRequirement: scoring.minMetPerRequirement,
      threshold,
      fraction: exact ? [Number(fraction.numerator), Number(fraction.denominator)] : null,
      ...(scoring.mode === 'compliance-rate' && !exact
        ? {
            required: Array.from({ length: layout.standards.length + 1 }, (_, applicable) =>
              layout.requiredCount(applicable),
            ),
          }
        : {}),
      thresholdInWords: percentInWords(threshold),
      ...(scoring.mode === 'points'
        ? {
            mode: scoring.mode,
            passMark: scoring.passMark,
            scaledPassMark: layout.scaledPassMark,
            pointsScale: scale,
          }
        : {}),
    },
    evidence: {
      ...(scoring.unevidenced === 'unmet' ? { counted: true as const } : {}),
      required: layout.standards.map((standard) => standard.evidence ?? []),
    },
  };
}
