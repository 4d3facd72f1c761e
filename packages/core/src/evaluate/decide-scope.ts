import { failedLeafFacts } from './assemble-result.js';
import type { CompiledCondition } from './compile-condition.js';
import { runDecision } from './decision-program.js';
import type { FactValues } from './fact-values.js';
import type { ScopeVerdict } from './scope-verdict.js';

const noFacts: readonly string[] = Object.freeze([]);

/** In scope, by whether in focus (absent without a focus): the same four objects for every result. */
const inScope = {
  withoutFocus: Object.freeze({ inScope: true, failedFacts: noFacts }),
  inFocus: Object.freeze({ inScope: true, failedFacts: noFacts, inFocus: true }),
  outOfFocus: Object.freeze({ inScope: true, failedFacts: noFacts, inFocus: false }),
  focusUnknown: Object.freeze({ inScope: true, failedFacts: noFacts, inFocus: null }),
} as const;

/**
 * Out of scope on facts that are all present: the failed leaves' facts (for the reason) are found when
 * the reasons are first built, by explaining the scope on the facts kept.
 */
class OutOfScope implements ScopeVerdict {
  readonly inScope = false;
  private failed: readonly string[] | undefined = undefined;
  readonly inFocus?: boolean | null;

  constructor(
    private readonly scope: CompiledCondition,
    private readonly values: FactValues,
    inFocus: boolean | null | undefined,
  ) {
    if (inFocus !== undefined) this.inFocus = inFocus;
  }

  get failedFacts(): readonly string[] {
    if (this.failed === undefined) this.failed = failedLeafFacts(this.scope.explain(this.values));
    return this.failed;
  }
}

/**
 * Whether the estate is in scope and in focus. The focus is reported, never a gate: its missing facts are
 * not flagged, so they never become a reason. It is decided after the scope, as the rule set lists them,
 * so a failing plugin is reported in that order. A condition that calls a plugin is evaluated in full, as
 * both backends do.
 *
 * @example
 * ```ts
 * decideScope(scope, focus, values, undefined).inScope; // true, false, or null (a fact missing)
 * ```
 */
export function decideScope(
  scope: CompiledCondition | undefined,
  focus: CompiledCondition | undefined,
  values: FactValues,
  missing: number[] | undefined,
): ScopeVerdict {
  let verdict: boolean | null = true;
  let failedFacts: readonly string[] = noFacts;
  if (scope === undefined) {
    // In scope.
  } else if (scope.callsPlugin) {
    const node = scope.explain(values);
    if (node.result === null && missing !== undefined) flagMissing(scope, values, missing);
    verdict = node.result;
    if (verdict === false) failedFacts = failedLeafFacts(node);
  } else if (missing !== undefined && hasMissing(scope, values)) {
    flagMissing(scope, values, missing);
    verdict = null;
  } else if (!runDecision(scope.program, values)) {
    return new OutOfScope(scope, values, focus ? decideFocus(focus, values) : undefined);
  }
  const inFocus = focus ? decideFocus(focus, values) : undefined;
  if (verdict === true) {
    if (inFocus === undefined) return inScope.withoutFocus;
    return inFocus === null ? inScope.focusUnknown : inFocus ? inScope.inFocus : inScope.outOfFocus;
  }
  return inFocus === undefined
    ? { inScope: verdict, failedFacts }
    : { inScope: verdict, failedFacts, inFocus };
}

/**
 * Whether a fact the condition reads is missing.
 *
 * @example
 * ```ts
 * if (!hasMissing(condition, values)) runDecision(condition.program, values);
 * ```
 */
export function hasMissing(condition: CompiledCondition, values: FactValues): boolean {
  for (const position of condition.factPositions) if (values[position] === undefined) return true;
  return false;
}

/**
 * Marks (with 1, by catalog position) the missing facts the condition reads.
 *
 * @example
 * ```ts
 * flagMissing(condition, values, missing);
 * ```
 */
export function flagMissing(condition: CompiledCondition, values: FactValues, missing: number[]): void {
  for (const position of condition.factPositions) if (values[position] === undefined) missing[position] = 1;
}

function decideFocus(focus: CompiledCondition, values: FactValues): boolean | null {
  if (focus.callsPlugin) return focus.explain(values).result;
  return hasMissing(focus, values) ? null : runDecision(focus.program, values);
}
