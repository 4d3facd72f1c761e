import type { Scoring } from './types.js';

/**
 * The points an aspect's met standards must reach (`scoring.aspectMinimums[aspectId]` in points mode), or
 * undefined when none is written for it. Only the record's own keys count: an aspect whose id is also the
 * name of an object's built-in (`toString`, `constructor`, `valueOf`) has no minimum unless one is written.
 *
 * @example
 * ```ts
 * const scoring = { mode: 'points', passMark: 10, minMetPerRequirement: 0, aspectMinimums: { A1: 4 } } as const;
 * aspectMinimumOf(scoring, 'A1'); // 4
 * aspectMinimumOf(scoring, 'toString'); // undefined
 * ```
 */
export function aspectMinimumOf(scoring: Scoring, aspectId: string): number | undefined {
  if (scoring.mode !== 'points' || scoring.aspectMinimums === undefined) return undefined;
  return Object.hasOwn(scoring.aspectMinimums, aspectId) ? scoring.aspectMinimums[aspectId] : undefined;
}
