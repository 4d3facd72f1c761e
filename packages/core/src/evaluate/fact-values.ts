import type { FactValue } from '../rule-set/types.js';

/**
 * An assessment's facts in catalog order; `undefined` where the assessment lacks one. Its own file so that
 * the compiler, the decision program and the leaf tests all read it without importing one another.
 *
 * @example
 * ```ts
 * const values: FactValues = [true, 240, undefined];
 * ```
 */
export type FactValues = readonly (FactValue | undefined)[];
