import type { Reason, RequirementResult } from '../result/types.js';
import { aspectMinimumOf } from '../rule-set/aspect-minimum.js';
import { factsReadBy } from '../rule-set/conditions.js';
import { type ReasonsVerdict, reasonsWriter } from '../runtime/reasons.js';
import { percentInWords } from '../words/percent-words.js';
import type { RubricLayout } from './layout.js';
import type { ScopeVerdict } from './scope-verdict.js';

interface Counts {
  readonly met: number;
  readonly applicable: number;
  readonly scaledPoints: number;
}

type WriteReasons = (verdict: ReasonsVerdict) => Reason[];

/** The runtime's writer of reasons over each layout, made when a result's reasons are first read. */
const writers = new WeakMap<RubricLayout, WriteReasons>();

function writerFor(layout: RubricLayout): WriteReasons {
  let writer = writers.get(layout);
  if (writer === undefined) {
    const { scoring, facts } = layout.ruleSet;
    const threshold = scoring.mode === 'compliance-rate' ? scoring.threshold : 0;
    // The writer's reasons are the result's `Reason`s: the runtime declares no result types of its own.
    writer = reasonsWriter({
      mode: scoring.mode,
      threshold,
      thresholdInWords: percentInWords(threshold),
      requiredCount: layout.requiredCount,
      minMetPerRequirement: scoring.minMetPerRequirement,
      passMark: scoring.mode === 'points' ? scoring.passMark : 0,
      scaledPassMark: layout.scaledPassMark,
      pointsScale: layout.pointsScale,
      aspects: layout.aspects.map((aspect, position) => ({
        id: aspect.id,
        title: aspect.title,
        minimum: aspectMinimumOf(scoring, aspect.id),
        scaledMinimum: layout.scaledAspectMinimums[position]!,
      })),
      requirements: layout.requirements,
      standards: layout.standards,
      factTitle: (factId) => (Object.hasOwn(facts, factId) ? facts[factId]?.title : undefined),
    }) as WriteReasons;
    writers.set(layout, writer);
  }
  return writer;
}

const noFacts: ReadonlySet<string> = new Set();

/** Every reason an estate is not eligible, each with the numbers and a sentence to act on. */
export function reasonsFor(
  layout: RubricLayout,
  scope: ScopeVerdict,
  counts: Counts,
  requirements: readonly RequirementResult[],
  scaledAspectPoints: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  missingFacts: readonly string[],
): Reason[] {
  return writerFor(layout)({
    inScope: scope.inScope,
    failedFacts: scope.failedFacts,
    met: counts.met,
    applicable: counts.applicable,
    scaledPoints: counts.scaledPoints,
    scaledAspectPoints,
    requirements,
    outcomes,
    missingFacts,
    scopeFacts:
      scope.inScope === null
        ? new Set(factsReadBy(layout.ruleSet.scope, layout.ruleSet.conditions))
        : noFacts,
  });
}
