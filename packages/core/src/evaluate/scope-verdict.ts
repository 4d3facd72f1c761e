/**
 * Whether the estate is in scope: `null` when a fact the scope reads is missing. Its own file so that the
 * reasons read it without importing the assembly that calls them.
 *
 * @example
 * ```ts
 * const verdict: ScopeVerdict = { inScope: false, failedFacts: ['occupied'] };
 * ```
 */
export interface ScopeVerdict {
  readonly inScope: boolean | null;
  /** Facts of failed scope leaves (out of scope), for the reason. */
  readonly failedFacts: readonly string[];
  /** Whether the estate is in the rule set's focus (`null`: a fact is missing); absent without a focus. */
  readonly inFocus?: boolean | null;
}
