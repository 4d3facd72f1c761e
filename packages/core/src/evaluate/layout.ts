import { type FactIndex, indexFacts } from '../assessment/read-facts.js';
import { decimalScale, requiredCountFor, thresholdTest, toScaledInteger } from '../numbers/exact.js';
import { aspectMinimumOf } from '../rule-set/aspect-minimum.js';
import type { Aspect, Requirement, RuleSet, Standard } from '../rule-set/types.js';

/** A rule set flattened for aggregation: every standard with the positions of its requirement and aspect. */
export interface RubricLayout {
  readonly ruleSet: RuleSet;
  readonly facts: FactIndex;
  readonly aspects: readonly Aspect[];
  readonly requirements: readonly (Requirement & {
    readonly aspectId: string;
    readonly aspectPosition: number;
  })[];
  readonly standards: readonly (Standard & {
    readonly requirementPosition: number;
    readonly aspectPosition: number;
    readonly requirementId: string;
    readonly aspectId: string;
    /** Points × `pointsScale`, an exact integer (0 without points). */
    readonly scaledPoints: number;
  })[];
  /** The power of ten that makes every point value, pass mark and aspect minimum an integer. */
  readonly pointsScale: number;
  /** Per standard, in rule-set order, for the aggregation loop: its requirement's and aspect's positions and its scaled points. */
  readonly hot: {
    readonly requirementPositions: Int32Array;
    readonly aspectPositions: Int32Array;
    readonly scaledPoints: Float64Array;
    /** Where each requirement's standards start, and after the last, where they end (R + 1 entries). */
    readonly requirementStarts: Int32Array;
    /** Where each aspect's standards start, and after the last, where they end (A + 1 entries). */
    readonly aspectStarts: Int32Array;
  };
  /** Whether `met` of `applicable` reaches the compliance-rate threshold, exactly (compliance-rate mode). */
  readonly meetsThreshold: (met: number, applicable: number) => boolean;
  /** The fewest met standards out of `applicable` that reach the threshold (compliance-rate mode). */
  readonly requiredCount: (applicable: number) => number;
  /** The pass mark × `pointsScale` (points mode; 0 otherwise). */
  readonly scaledPassMark: number;
  /** Per aspect, its minimum × `pointsScale` (0 without one; points mode). */
  readonly scaledAspectMinimums: Float64Array;
}

export function layoutRuleSet(ruleSet: RuleSet): RubricLayout {
  const scoring = ruleSet.scoring;
  // The scale first, so that each standard is copied once (the copies are most of a large layout's work).
  const pointValues: number[] = scoring.mode === 'points' ? [scoring.passMark] : [];
  if (scoring.mode === 'points') pointValues.push(...Object.values(scoring.aspectMinimums ?? {}));
  for (const aspect of ruleSet.aspects)
    for (const requirement of aspect.requirements)
      for (const standard of requirement.standards) pointValues.push(standard.points ?? 0);
  const pointsScale = decimalScale(pointValues);
  const threshold = scoring.mode === 'compliance-rate' ? scoring.threshold : 0;
  const requirements: RubricLayout['requirements'][number][] = [];
  const standards: RubricLayout['standards'][number][] = [];
  // A requirement's standards, and an aspect's, are contiguous: counting walks them as ranges.
  const requirementStarts: number[] = [];
  const aspectStarts: number[] = [];
  ruleSet.aspects.forEach((aspect, aspectPosition) => {
    aspectStarts.push(standards.length);
    for (const requirement of aspect.requirements) {
      requirementStarts.push(standards.length);
      const requirementPosition = requirements.length;
      requirements.push({ ...requirement, aspectId: aspect.id, aspectPosition });
      for (const standard of requirement.standards) {
        standards.push({
          ...standard,
          requirementPosition,
          aspectPosition,
          requirementId: requirement.id,
          aspectId: aspect.id,
          scaledPoints: toScaledInteger(standard.points ?? 0, pointsScale),
        });
      }
    }
  });
  return {
    ruleSet,
    facts: indexFacts(ruleSet.facts),
    aspects: ruleSet.aspects,
    requirements,
    standards,
    hot: {
      requirementPositions: Int32Array.from(standards, (standard) => standard.requirementPosition),
      aspectPositions: Int32Array.from(standards, (standard) => standard.aspectPosition),
      scaledPoints: Float64Array.from(standards, (standard) => standard.scaledPoints),
      requirementStarts: Int32Array.from([...requirementStarts, standards.length]),
      aspectStarts: Int32Array.from([...aspectStarts, standards.length]),
    },
    pointsScale,
    meetsThreshold: thresholdTest(threshold),
    requiredCount: requiredCountFor(threshold),
    scaledPassMark: scoring.mode === 'points' ? toScaledInteger(scoring.passMark, pointsScale) : 0,
    scaledAspectMinimums: Float64Array.from(ruleSet.aspects, (aspect) =>
      toScaledInteger(aspectMinimumOf(scoring, aspect.id) ?? 0, pointsScale),
    ),
  };
}
