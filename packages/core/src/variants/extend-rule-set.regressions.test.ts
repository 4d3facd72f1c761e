import { describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT } from '../../test/fuzz/contract.js';
import { guangxi2021 } from '../../test/fuzz/documents.js';
import { quarantined } from '../../test/fuzz/hostile-values.js';
import { safeExtendRuleSet } from '../index.js';

describe('bugs this suite found, now fixed', { timeout: FUZZ_TIMEOUT }, () => {
  // BUG-1 (in extendRuleSet): parsePatch runs findExcessiveNesting, which throws a TypeError on an array
  // hole; safeExtendRuleSet throws instead of returning INVALID_PATCH.
  it('BUG-1: safeExtendRuleSet with a hole in remove returns INVALID_PATCH, not a TypeError', () => {
    const patch = { id: 'x', version: '1.0.0', remove: quarantined.sparseArray!() };
    expect(() => safeExtendRuleSet(guangxi2021, patch)).not.toThrow();
  });
});
