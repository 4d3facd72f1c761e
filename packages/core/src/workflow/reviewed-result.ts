import { RubricError } from '../errors/rubric-error.js';
import type { EvaluationResult, Outcome } from '../result/types.js';
import type { RuleSet } from '../rule-set/types.js';
import { whatIf } from '../what-if/what-if.js';
import type { ApplicationState } from './application-state.js';
import type { StandardReviewedEvent } from './events.js';
import { type TierRecord, tierRecords } from './tier-records.js';

/**
 * One standard on which a tier's decision stands apart from the outcome before it: a disagreement, or a
 * rectification required.
 *
 * @example
 * ```ts
 * const difference: StandardDifference = {
 *   standardId: 'S12', requirementId: 'R05', aspectId: 'A2', selfAssessed: 'met', before: 'met',
 *   reviewed: 'unmet', tier: 'city', decision: 'disagree', reason: '监控未覆盖出入口',
 *   date: '2021-10-08', actor: '市领导小组',
 * };
 * ```
 */
export interface StandardDifference {
  readonly standardId: string;
  readonly requirementId: string;
  readonly aspectId: string;
  /** The outcome of the self-check. */
  readonly selfAssessed: Outcome;
  /** The outcome before this tier decided (the tier below's, or the self-check's). */
  readonly before: Outcome;
  /** The outcome after this tier's decision. */
  readonly reviewed: Outcome;
  readonly tier: 'city' | 'region';
  readonly decision: 'disagree' | 'rectification-required';
  readonly reason?: string;
  /** What to fix and by when, for a rectification. */
  readonly what?: string;
  readonly by?: string;
  readonly date: string;
  readonly actor: string;
}

/**
 * The verdict one tier reached: the result by the rubric's own rules over the outcomes as this tier leaves
 * them, its disagreements, and (given the application's state) what it recorded on the route.
 *
 * @example
 * ```ts
 * const city: TierVerdict = reviewedResult(ruleSet, selfAssessed, state).tiers[0]!;
 * `${city.tier}: ${city.result.eligible ? 'eligible' : 'not eligible'} (${city.result.compliance.met}/${city.result.compliance.applicable})`;
 * ```
 */
export interface TierVerdict {
  readonly tier: 'city' | 'region';
  /** The evaluation result with this tier's (and the tiers below's) decisions applied. */
  readonly result: EvaluationResult;
  /** Standards this tier decided on. */
  readonly decided: number;
  readonly differences: readonly StandardDifference[];
  /**
   * What the tier recorded on the route (as `tierRecords` reads it), when the state is given: the city
   * `passed` or `returned` it; the region `passed` it, required `rectification`, or it was `certified`;
   * `pending` while undecided.
   */
  readonly recorded?: TierRecord;
}

/**
 * The reviewed side of an application beside its self-check.
 *
 * @example
 * ```ts
 * const review: ReviewedResult = reviewedResult(ruleSet, selfAssessed, state);
 * review.selfAssessed.eligible; review.reviewed.eligible;
 * ```
 */
export interface ReviewedResult {
  readonly selfAssessed: EvaluationResult;
  /** The result as the highest tier that decided leaves it; the self-check's when no tier decided. */
  readonly reviewed: EvaluationResult;
  /** The tiers that decided, in route order (city, then region). */
  readonly tiers: readonly TierVerdict[];
  /** Every standard whose reviewed outcome differs from the self-assessed one, in rule-set order. */
  readonly differences: readonly {
    readonly standardId: string;
    readonly requirementId: string;
    readonly aspectId: string;
    readonly selfAssessed: Outcome;
    readonly reviewed: Outcome;
    /** The tier whose decision set the reviewed outcome. */
    readonly tier: 'city' | 'region';
  }[];
}

const tiers = ['city', 'region'] as const;

/**
 * Re-evaluates an application with its reviewers' decisions: the outcome of each standard as the city and
 * then the region leave it (`agree` is agreement with the self-assessed outcome, so it also stands again after
 * a rectification or over the city's doubt; `disagree` sets the reviewed outcome; `rectification-required`
 * makes it unmet until the tier agrees; a tier's later decision on a standard replaces its earlier one; a
 * standard a tier does not decide on keeps the outcome the tier below left), the compliance and verdict each tier reached by the rubric's own aggregation
 * (the same as `evaluate`: threshold compared exactly, one met standard per requirement, or points), and the
 * difference standard by standard.
 *
 * @param ruleSet - The rule set the self-check was evaluated against.
 * @param selfAssessed - The self-check's full evaluation result.
 * @param decisions - The application's folded state (its current decisions, and what each tier recorded),
 * or the decision events themselves.
 * @throws {RubricError} `INVALID_OPTIONS` when the result was not evaluated against the rule set, a decision
 * names an unknown standard, or the state's self-check is not this result (another assessment or rule set).
 * @example
 * ```ts
 * const state = foldApplication(events, { ruleSet: guangxi2021 });
 * const review = reviewedResult(guangxi2021, selfAssessed, state);
 * review.selfAssessed.eligible; // true
 * review.reviewed.eligible; // false: the region found two standards unmet
 * review.differences.map((difference) => difference.standardId);
 * ```
 */
export function reviewedResult(
  ruleSet: RuleSet,
  selfAssessed: EvaluationResult,
  decisions: ApplicationState | readonly StandardReviewedEvent[],
): ReviewedResult {
  const state = isState(decisions) ? decisions : undefined;
  if (state?.selfCheck !== undefined) checkSameSelfCheck(state, selfAssessed);
  const events = state ? (state.decisions ?? []) : (decisions as readonly StandardReviewedEvent[]);
  const selfOutcomes = new Map(selfAssessed.standards.map((standard) => [standard.id, standard.outcome]));
  let current = selfAssessed;
  let outcomes = new Map(selfOutcomes);
  const setBy = new Map<string, 'city' | 'region'>();
  const verdicts: TierVerdict[] = [];
  for (const tier of tiers) {
    const latest = new Map<string, StandardReviewedEvent>();
    for (const event of events) if (event.tier === tier) latest.set(event.standard, event);
    if (latest.size === 0 && recordedBy(tier, state) === undefined) continue;
    const previous = outcomes;
    outcomes = new Map(previous);
    const differences: StandardDifference[] = [];
    for (const [standardId, event] of latest) {
      const prior = previous.get(standardId);
      const outcome = outcomeAfter(event, selfOutcomes.get(standardId), prior);
      if (outcome !== undefined) outcomes.set(standardId, outcome);
      if (outcome !== prior) setBy.set(standardId, tier);
      if (event.decision === 'agree') continue;
      const standard = selfAssessed.standards.find((candidate) => candidate.id === standardId);
      differences.push({
        standardId,
        requirementId: standard?.requirementId ?? '',
        aspectId: standard?.aspectId ?? '',
        selfAssessed: selfOutcomes.get(standardId) ?? 'missing-data',
        before: prior ?? 'missing-data',
        reviewed: outcome ?? prior ?? 'missing-data',
        tier,
        decision: event.decision,
        ...(event.reason === undefined ? {} : { reason: event.reason }),
        ...(event.what === undefined ? {} : { what: event.what }),
        ...(event.by === undefined ? {} : { by: event.by }),
        date: event.date,
        actor: event.actor,
      });
    }
    const result = whatIf(ruleSet, selfAssessed, Object.fromEntries(outcomes));
    const recorded = recordedBy(tier, state);
    verdicts.push({
      tier,
      result,
      decided: latest.size,
      differences: inRuleSetOrder(differences, selfAssessed),
      ...(recorded === undefined ? {} : { recorded }),
    });
    current = result;
  }
  return {
    selfAssessed,
    reviewed: current,
    tiers: verdicts,
    differences: selfAssessed.standards.flatMap((standard) => {
      const reviewed = current.standards.find((candidate) => candidate.id === standard.id)?.outcome;
      if (reviewed === undefined || reviewed === standard.outcome) return [];
      const { id: standardId, requirementId, aspectId } = standard;
      const tier = setBy.get(standardId) ?? 'city';
      return [{ standardId, requirementId, aspectId, selfAssessed: standard.outcome, reviewed, tier }];
    }),
  };
}

function outcomeAfter(
  event: StandardReviewedEvent,
  selfAssessed: Outcome | undefined,
  before: Outcome | undefined,
): Outcome | undefined {
  switch (event.decision) {
    case 'agree':
      // Agreement is with the estate's own claim: after a rectification (or over the city's doubt) the
      // self-assessed outcome stands again.
      return selfAssessed ?? before;
    case 'disagree':
      return event.outcome;
    case 'rectification-required':
      return 'unmet';
  }
}

/** What a tier recorded on the route, read from the state; `undefined` when it has not been reached. */
function recordedBy(tier: 'city' | 'region', state: ApplicationState | undefined): TierRecord | undefined {
  return state === undefined ? undefined : tierRecords(state)[tier];
}

function inRuleSetOrder(
  differences: StandardDifference[],
  result: EvaluationResult,
): readonly StandardDifference[] {
  const position = new Map(result.standards.map((standard, index) => [standard.id, index]));
  return differences.sort(
    (left, right) => (position.get(left.standardId) ?? 0) - (position.get(right.standardId) ?? 0),
  );
}

function isState(value: ApplicationState | readonly StandardReviewedEvent[]): value is ApplicationState {
  return !Array.isArray(value);
}

function checkSameSelfCheck(state: ApplicationState, result: EvaluationResult): void {
  const selfCheck = state.selfCheck!;
  const same =
    selfCheck.ruleSet.id === result.ruleSet.id &&
    selfCheck.ruleSet.version === result.ruleSet.version &&
    (selfCheck.assessmentId === undefined || selfCheck.assessmentId === result.assessmentId) &&
    selfCheck.compliance.met === result.compliance.met &&
    selfCheck.compliance.applicable === result.compliance.applicable;
  if (same) return;
  throw new RubricError('INVALID_OPTIONS', [
    {
      path: ['selfAssessed'],
      message: `the application's latest self-check (${selfCheck.ruleSet.id}@${selfCheck.ruleSet.version}, assessment ${selfCheck.assessmentId ?? 'unnamed'}, ${selfCheck.compliance.met} of ${selfCheck.compliance.applicable} met) is not this result (${result.ruleSet.id}@${result.ruleSet.version}, assessment ${result.assessmentId}, ${result.compliance.met} of ${result.compliance.applicable} met)`,
      kind: 'self-check-mismatch',
    },
  ]);
}
