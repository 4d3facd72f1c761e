import { expect } from 'vitest';
import { RubricError, type RuleSet, safeExtendRuleSet } from '../src/index.js';

/** The error `safeExtendRuleSet` answers a patch it refuses with: its code and its issues' path, message and kind. */
export function patchRejection(base: RuleSet, patch: unknown) {
  const result = safeExtendRuleSet(base, patch);
  if (result.ok) throw new Error('expected the patch to be rejected');
  expect(RubricError.isInstance(result.error)).toBe(true);
  return {
    code: result.error.code,
    issues: result.error.issues.map(({ path, message, kind }) => ({ path, message, kind })),
  };
}
