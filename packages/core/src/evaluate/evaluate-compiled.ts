import { readFactSlots } from '../assessment/read-fact-slots.js';
import type { UnknownFactPolicy } from '../assessment/read-facts.js';
import { checkOptions } from '../reading/check-options.js';
import type { EvaluationResult, StandardExplanation } from '../result/types.js';
import { resultOf } from './assemble-result.js';
import type { CompiledCondition } from './compile-condition.js';
import { decideScope, flagMissing, hasMissing } from './decide-scope.js';
import { joinStandards, runDecision, type StandardPrograms, standardOutcome } from './decision-program.js';
import type { FactValues } from './fact-values.js';
import type { RubricLayout } from './layout.js';
import { explanationOf, placeLazyDetails, placeLazyUnevidenced } from './lazy-result.js';
import { outcomeOf } from './outcome.js';
import { OutcomeCode, outcomeCode } from './outcome-codes.js';
import { type ExplainableStandard, ResultDetails } from './result-details.js';
import { decideEvidence, evidenceRulesOf } from './result-evidence.js';
import { createVerdictTally, tallyVerdict } from './verdict-tally.js';

/** A rule set's conditions compiled, in layout order: what {@link evaluationOf} runs. */
export interface CompiledRubric {
  readonly layout: RubricLayout;
  readonly scope: CompiledCondition | undefined;
  readonly focus: CompiledCondition | undefined;
  readonly standards: readonly ExplainableStandard[];
  readonly unknownFacts: UnknownFactPolicy;
}

/**
 * The evaluation of one compiled rule set: read the assessment into catalog slots, decide scope and
 * every standard into an array of outcome codes, tally them into one object this closure reuses,
 * and build the result — its `standards` (and their explanations) when first read.
 *
 * When every fact a condition reads is answered (the common case), no standard can be `missing-data`:
 * standards are decided by their short-circuiting tests alone, with no per-standard check for missing facts.
 * A condition that calls a plugin is explained while evaluating, in both modes, so that plugins are called
 * (and fail) during `evaluate`, the same way whatever the mode.
 *
 * @example
 * ```ts
 * const run = evaluationOf({ layout, scope, focus, standards, unknownFacts: 'error' });
 * run(assessment, true).eligible;
 * ```
 */
export function evaluationOf(rubric: CompiledRubric): (input: unknown, explain: boolean) => EvaluationResult {
  const { layout, scope, focus, standards, unknownFacts } = rubric;
  const needed = new Uint8Array(layout.facts.ids.length);
  for (const condition of [
    scope,
    ...standards.flatMap((standard) => [standard.applicableWhen, standard.condition]),
  ])
    for (const position of condition?.factPositions ?? []) needed[position] = 1;
  const callsPlugin = Uint8Array.from(standards, (standard) =>
    standard.condition.callsPlugin || standard.applicableWhen?.callsPlugin ? 1 : 0,
  );
  const callsAnyPlugin = callsPlugin.includes(1);
  const programs = joinStandards(
    standards.map((standard) => ({
      applicableWhen: standard.applicableWhen?.program,
      condition: standard.condition.program,
    })),
  );
  let neededCount = 0;
  for (const flag of needed) neededCount += flag;
  const tally = createVerdictTally();
  const standardCount = standards.length;
  const evidenceRules = evidenceRulesOf(layout);
  const evidencePolicy = layout.ruleSet.scoring.unevidenced;

  return (input, explain) => {
    // Everything read from the input is read here, evidence included: no caller's code (a getter, a
    // Proxy trap) runs after this but a plugin operator's, before the reused tally is filled and read.
    const {
      assessmentId,
      values,
      complete,
      evidence: given,
    } = readFactSlots(input, layout.facts, unknownFacts, needed, neededCount);
    // Plain arrays, not typed ones: V8 allocates a small array inline, a typed array several times slower.
    const outcomes: number[] = new Array(standardCount);
    let explained: (StandardExplanation | undefined)[] | undefined;
    let missing: number[] | undefined;
    if (!complete) missing = new Array<number>(values.length).fill(0);
    const scopeVerdict = decideScope(scope, focus, values, missing);
    // The common case — every fact answered, no plugin, evidence changing no outcome — decides each standard
    // as it counts it; otherwise the outcomes are decided first, then evidence may change them, then counted.
    const plain = missing === undefined && !callsAnyPlugin;
    const decideWhileCounting = plain && evidencePolicy !== 'unmet';
    if (decideWhileCounting) tallyVerdict(layout, outcomes, tally, programs, values);
    else if (plain)
      for (let position = 0; position < standardCount; position++)
        outcomes[position] = standardOutcome(programs, position, values);
    else explained = decideEach(standards, programs, callsPlugin, values, missing, outcomes);
    // Before the tally: under scoring.unevidenced 'unmet', a met standard without its evidence is unmet.
    const evidence = decideEvidence(
      evidenceRules,
      evidencePolicy,
      given,
      outcomes,
      OutcomeCode.met,
      OutcomeCode.unmet,
    );
    if (!decideWhileCounting) tallyVerdict(layout, outcomes, tally);
    const missingFacts = missing === undefined ? [] : missingFactIds(layout, missing);
    const eligible = scopeVerdict.inScope === true && tally.passes;
    return resultOf(
      layout,
      assessmentId,
      scopeVerdict,
      standardCount,
      tally,
      eligible,
      missingFacts,
      // Found when first read. Only a standard requiring evidence can be unevidenced; deciding by the rule
      // set, not the assessment, keeps its results on one shape.
      evidenceRules.requiresAny ? placeLazyUnevidenced : [],
      placeLazyDetails,
      new ResultDetails(
        layout,
        standards,
        scopeVerdict,
        outcomes,
        missingFacts,
        eligible,
        values,
        explain,
        explained,
        evidence,
      ),
    );
  };
}

/**
 * Every standard's outcome into `outcomes` when a fact may be missing or a plugin is called; the
 * explanations made while deciding (a standard that calls a plugin), by position.
 */
function decideEach(
  standards: readonly ExplainableStandard[],
  programs: StandardPrograms,
  callsPlugin: Uint8Array,
  values: FactValues,
  missing: number[] | undefined,
  outcomes: number[],
): (StandardExplanation | undefined)[] | undefined {
  let explained: (StandardExplanation | undefined)[] | undefined;
  for (let position = 0; position < standards.length; position++) {
    const standard = standards[position]!;
    if (callsPlugin[position] === 1) {
      const explanation = explanationOf(standard, values);
      if (explained === undefined) explained = new Array(standards.length);
      explained[position] = explanation;
      const outcome = outcomeOf(explanation.applicable?.result, explanation.condition.result);
      if (outcome === 'missing-data' && missing !== undefined) {
        const undecided =
          explanation.applicable?.result === null ? standard.applicableWhen! : standard.condition;
        flagMissing(undecided, values, missing);
      }
      outcomes[position] = outcomeCode(outcome);
    } else if (missing === undefined) outcomes[position] = standardOutcome(programs, position, values);
    else outcomes[position] = decideWithMissing(standard, values, missing);
  }
  return explained;
}

/** A standard without plugin operators when some fact may be missing: undecided where one is. */
function decideWithMissing(standard: ExplainableStandard, values: FactValues, missing: number[]): number {
  const { applicableWhen, condition } = standard;
  if (applicableWhen !== undefined) {
    if (hasMissing(applicableWhen, values)) {
      flagMissing(applicableWhen, values, missing);
      return OutcomeCode.missingData;
    }
    if (!runDecision(applicableWhen.program, values)) return OutcomeCode.notApplicable;
  }
  if (hasMissing(condition, values)) {
    flagMissing(condition, values, missing);
    return OutcomeCode.missingData;
  }
  return runDecision(condition.program, values) ? OutcomeCode.met : OutcomeCode.unmet;
}

function missingFactIds(layout: RubricLayout, missing: number[]): string[] {
  const ids: string[] = [];
  for (let position = 0; position < missing.length; position++)
    if (missing[position] === 1) ids.push(layout.facts.ids[position]!);
  return ids;
}

/**
 * Whether `evaluate` explains, from its options, as `checkOptions(options).explain !== false` decides it
 * (and with its errors), without copying the options on every call when they are the usual object
 * literal `{ explain: false }` or `{ explain: true }`.
 *
 * @example
 * ```ts
 * explainOf({ explain: false }); // false
 * explainOf(undefined); // true
 * ```
 */
export function explainOf(options: EvaluateOptionsLike | undefined): boolean {
  if (options === undefined) return true;
  try {
    if (
      typeof options === 'object' &&
      options !== null &&
      Object.getPrototypeOf(options) === Object.prototype
    ) {
      let onlyExplain = true;
      for (const key in options) if (key !== 'explain') onlyExplain = false;
      const explain = onlyExplain ? options.explain : undefined;
      if (onlyExplain && (explain === true || explain === false || explain === undefined))
        return explain !== false;
    }
  } catch {
    // A getter or Proxy trap that throws: checkOptions reports it.
  }
  return checkOptions(options).explain !== false;
}

/** The one option `evaluate` reads. */
export interface EvaluateOptionsLike {
  readonly explain?: boolean;
}
